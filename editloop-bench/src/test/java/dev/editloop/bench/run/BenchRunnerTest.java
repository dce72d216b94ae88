package dev.editloop.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.JudgeRecord;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.bench.store.SqliteStore;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.image.Images;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRunnerTest {
    private static final List<String> INSTRUCTIONS = List.of(
            "increase the brightness by 20%",
            "make it black and white",
            "add a vignette",
            "make this look like an old photograph",
            "increase the contrast by 30%",
            "blur the image",
            "apply a sepia tone",
            "make it darker");

    @TempDir
    Path dir;

    BackendSession session;
    Path runDir;

    @BeforeEach
    void setUp() {
        session = TestBackends.session();
        runDir = dir.resolve("run");
        TestBackends.failing = true;
        TestBackends.EDITS.set(0);
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    private List<BenchCase> cases(int n, String... extra) throws Exception {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        List<BenchCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path image = images.resolve(i + ".png");
            Images.writePng(TestImages.scene(96, 64, i), image);
            String instruction = i < extra.length ? extra[i] : INSTRUCTIONS.get(i % INSTRUCTIONS.size());
            out.add(new BenchCase(
                    "test",
                    "case/" + i,
                    i % 2 == 0 ? "even" : "odd",
                    instruction,
                    image,
                    i % 3 == 0 ? "REF a changed picture" : null,
                    null,
                    Map.of("index", String.valueOf(i))));
        }
        return out;
    }

    private BenchOptions.Builder options(List<BenchCase> cases) {
        return BenchOptions.builder(runDir, "test", "hash", cases, new AskProtocol())
                .maxTurns(3)
                .concurrency(4)
                .seed(11)
                .editLoop("test", "test");
    }

    @Test
    void everyCaseIsRunJudgedAndCommittedOnce() throws Exception {
        List<BenchCase> cases = cases(8);
        List<BenchProgress> seen = new CopyOnWriteArrayList<>();
        BenchSummary summary;
        long turns = 0;
        try (SqliteStore store = SqliteStore.open(runDir)) {
            summary = new BenchRunner(session)
                    .run(options(cases).judge("halfjudge").judgeSamples(2).build(), store, seen::add);
            assertThat(summary.complete()).isTrue();
            assertThat(summary.cancelled()).isFalse();
            assertThat(store.counts()).as(() -> errors(store)).isEqualTo(new ResultStore.Counts(8, 8, 0, 0));
            assertThat(store.ended()).isPresent();
            List<CaseOutcome> outcomes = store.outcomes();
            assertThat(outcomes)
                    .extracting(o -> o.benchCase().id())
                    .containsExactlyElementsOf(cases.stream().map(BenchCase::id).toList());
            for (CaseOutcome o : outcomes) {
                turns += o.turns().size();
                assertThat(store.attempts(o.benchCase().id())).isEqualTo(1);
                assertThat(o.failed()).isFalse();
                Path caseDir = runDir.resolve(CaseDirs.relative(o.benchCase().id()));
                assertThat(caseDir.resolve("source.png")).exists();
                Trajectory t = TrajectoryJson.read(runDir.resolve(o.trajectory()));
                assertThat(o.bestTurn()).isEqualTo(t.bestTurn().intValue());
                assertThat(o.stopReason()).isEqualTo(t.stopReason());
                assertThat(o.turns()).hasSize(t.turns().size());
                int questions = o.benchCase().referenceText() == null ? 1 : 2;
                // every turn judged, every question asked twice, every call kept
                assertThat(o.judgements()).hasSize(o.turns().size() * questions * 2);
                for (var turn : o.turns()) {
                    assertThat(runDir.resolve(turn.image())).exists();
                    assertThat(turn.scores()).hasSize(2);
                }
                // the test judge cannot answer the reference question: recorded as a failure, never a score
                for (JudgeRecord r : o.judgements()) {
                    assertThat(r.ok()).isEqualTo(r.question() == 0);
                }
                assertThat(o.score(0).orElseThrow().readable()).isTrue();
            }
        }
        // a fresh run: one edit per turn, none from the cache
        assertThat(summary.progress().calls().editor()).isEqualTo(turns);
        assertThat(summary.progress().calls().cached()).isZero();
        assertThat(summary.progress().finishedHere()).isEqualTo(8);
        assertThat(seen).isNotEmpty();
        assertThat(seen.getLast().done()).isEqualTo(8);
    }

    @Test
    void aFailingCaseIsRecordedAndTheOthersFinishThenRetryFailedRedoesOnlyIt() throws Exception {
        List<BenchCase> cases = cases(6, "FAIL make it brighter");
        BenchOptions options = options(cases).editor("flaky").judge("halfjudge").build();
        List<String> failures = new CopyOnWriteArrayList<>();
        BenchListener listener = new BenchListener() {
            @Override
            public void progress(BenchProgress progress) {}

            @Override
            public void caseFinished(String caseId, boolean failed, String error) {
                if (failed) {
                    failures.add(caseId + ": " + error);
                }
            }
        };
        try (SqliteStore store = SqliteStore.open(runDir)) {
            BenchSummary summary = new BenchRunner(session).run(options, store, listener);
            assertThat(summary.complete()).isTrue();
            assertThat(store.counts()).isEqualTo(new ResultStore.Counts(6, 5, 1, 0));
            assertThat(failures).singleElement().asString().contains("case/0").contains("refuses");
        }
        int editsBefore = TestBackends.EDITS.get();
        Thread.sleep(5); // the failure must be older than the next session
        TestBackends.failing = false;
        try (SqliteStore store = SqliteStore.open(runDir)) {
            new BenchRunner(session).run(options, store, BenchListener.NONE);
            assertThat(store.counts().failed()).isEqualTo(1); // not asked to retry
        }
        try (SqliteStore store = SqliteStore.open(runDir)) {
            BenchOptions retry = options(cases)
                    .editor("flaky")
                    .judge("halfjudge")
                    .retryFailed(true)
                    .build();
            new BenchRunner(session).run(retry, store, BenchListener.NONE);
            assertThat(store.counts()).isEqualTo(new ResultStore.Counts(6, 6, 0, 0));
            for (BenchCase c : cases.subList(1, 6)) {
                assertThat(store.attempts(c.id())).isEqualTo(1);
            }
            assertThat(store.attempts("case/0")).isEqualTo(2);
        }
        // only the failed case's turns were edited again
        assertThat(TestBackends.EDITS.get() - editsBefore).isBetween(1, 3);
    }

    @Test
    void cancellingLeavesTheCasesInFlightOpen() throws Exception {
        List<BenchCase> cases = cases(5);
        TestBackends.stuckEntered = new CountDownLatch(2);
        try (SqliteStore store = SqliteStore.open(runDir)) {
            BenchRun run = new BenchRunner(session)
                    .start(options(cases).editor("stuck").concurrency(2).build(), store, BenchListener.NONE);
            assertThat(TestBackends.stuckEntered.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(store.counts().inFlight()).isEqualTo(2);
            run.cancel();
            BenchSummary summary = run.await(Duration.ofSeconds(60)).orElseThrow();
            assertThat(summary.cancelled()).isTrue();
            assertThat(summary.complete()).isFalse();
            assertThat(store.counts()).isEqualTo(new ResultStore.Counts(5, 0, 0, 0));
            assertThat(store.outcomes()).isEmpty();
            assertThat(store.ended()).isEmpty();
            // given back at once: the next session claims them without waiting for a lease
            assertThat(store.claim("next", Duration.ofSeconds(10), false)).isPresent();
        }
    }

    @Test
    void rejudgingScoresTheSameTurnsWithoutEditing() throws Exception {
        List<BenchCase> cases = cases(4);
        try (SqliteStore store = SqliteStore.open(runDir)) {
            new BenchRunner(session).run(options(cases).judge("halfjudge").build(), store, BenchListener.NONE);
        }
        Path judged = dir.resolve("judged");
        try (SqliteStore source = SqliteStore.open(runDir);
                SqliteStore target = SqliteStore.open(judged)) {
            RejudgeOptions options = new RejudgeOptions(judged, "embedded", new AskProtocol(), 2, 2, 2, null, "t", "t");
            BenchSummary summary = new BenchRunner(session)
                    .rejudge(source, runDir, options, target, BenchListener.NONE)
                    .join();
            assertThat(summary.complete()).isTrue();
            assertThat(summary.progress().calls().editor()).isZero();
            assertThat(summary.progress().calls().thinker()).isZero();
            assertThat(target.manifest().orElseThrow().judge().kind()).isEqualTo("embedded");
            assertThat(target.manifest().orElseThrow().editor())
                    .isEqualTo(source.manifest().orElseThrow().editor());
            List<CaseOutcome> before = source.outcomes();
            List<CaseOutcome> after = target.outcomes();
            assertThat(after).hasSize(before.size());
            for (int i = 0; i < after.size(); i++) {
                CaseOutcome a = after.get(i);
                CaseOutcome b = before.get(i);
                assertThat(a.bestTurn()).isEqualTo(b.bestTurn());
                assertThat(a.turns())
                        .extracting(t -> t.image())
                        .isEqualTo(b.turns().stream().map(t -> t.image()).toList());
                for (var t : a.turns()) {
                    assertThat(judged.resolve(t.image())).exists();
                    assertThat(t.scores()).hasSize(2);
                }
                // the embedded judge answers the reference question the test judge could not
                assertThat(a.judgements()).allMatch(JudgeRecord::ok);
            }
        }
    }

    @Test
    void aResumeWithOtherSettingsIsRefused() throws Exception {
        List<BenchCase> cases = cases(2);
        try (SqliteStore store = SqliteStore.open(runDir)) {
            new BenchRunner(session).run(options(cases).build(), store, BenchListener.NONE);
        }
        try (SqliteStore store = SqliteStore.open(runDir)) {
            assertThatThrownBy(() -> new BenchRunner(session)
                            .start(options(cases).maxTurns(2).build(), store, BenchListener.NONE))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("max_turns (stored 3, given 2)");
        }
    }

    @Test
    void dryRunCountsCallsAndCost() throws Exception {
        List<BenchCase> cases = cases(6);
        BenchOptions options =
                options(cases).judgeSamples(2).categories(List.of("even")).build();
        DryRun dry = BenchRunner.dryRun(options, Map.of("editor", 0.04, "judge", 0.01), null);
        // even cases: 0, 2, 4; with a reference (2 questions): 0; 3 turns each
        assertThat(dry.cases()).isEqualTo(3);
        assertThat(dry.editorCalls()).isEqualTo(9);
        assertThat(dry.thinkerCalls()).isEqualTo(9);
        assertThat(dry.judgeCalls()).isEqualTo(3 * 2 * 2 + 3 * 1 * 2 * 2);
        assertThat(dry.cost().get("editor")).isCloseTo(0.36, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(dry.cost().get("total")).isCloseTo(0.36 + 0.24, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(dry.text()).contains("3 cases selected").contains("editor 9 calls");
        assertThatThrownBy(() -> BenchRunner.dryRun(
                        options(cases).categories(List.of("blue")).build(), Map.of(), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no category 'blue'")
                .hasMessageContaining("even, odd");
        try (SqliteStore store = SqliteStore.open(runDir)) {
            new BenchRunner(session).run(options, store, BenchListener.NONE);
            assertThat(BenchRunner.dryRun(options, Map.of(), store).remaining()).isZero();
        }
    }

    private static String errors(ResultStore store) {
        return store.outcomes().stream()
                .filter(CaseOutcome::failed)
                .map(o -> o.benchCase().id() + ": " + o.error())
                .toList()
                .toString();
    }

    @Test
    void caseFolderNamesAreSafeAndDistinct() {
        assertThat(CaseDirs.name("temporal_reasoning_1")).isEqualTo("temporal_reasoning_1");
        assertThat(CaseDirs.name("a/b")).startsWith("a_b-").isNotEqualTo(CaseDirs.name("a_b"));
        assertThat(CaseDirs.name("../x")).doesNotContain("/").doesNotStartWith(".");
    }
}
