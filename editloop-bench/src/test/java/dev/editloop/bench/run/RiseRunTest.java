package dev.editloop.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.OutcomeJson;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.bench.store.SqliteStore;
import dev.editloop.bench.testing.ChildJvm;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RISEBench-64 on the embedded backends: a whole run at K = 4, and a run killed with kill -9 half-way and resumed. */
class RiseRunTest {
    @TempDir
    Path dir;

    private static Path data() {
        Optional<Path> folder = RiseData.folder();
        assumeTrue(folder.isPresent(), "the shared RISEBench-64 subset (../shared/benchmarks/risebench-64) is absent");
        return folder.get();
    }

    @Test
    void sixteenCasesAtFourInFlightFinishEachOnce() throws Exception {
        List<BenchCase> cases = RiseData.cases(data());
        assertThat(cases).hasSize(64);
        Path runDir = dir.resolve("run");
        try (BackendSession session = new BackendSession(BackendRegistry.load());
                SqliteStore store = SqliteStore.open(runDir)) {
            BenchSummary summary =
                    new BenchRunner(session).run(RiseData.options(runDir, cases, 16, 4), store, BenchListener.NONE);
            assertThat(summary.complete()).isTrue();
            assertThat(store.counts()).isEqualTo(new ResultStore.Counts(16, 16, 0, 0));
            List<CaseOutcome> outcomes = store.outcomes();
            assertThat(outcomes)
                    .extracting(o -> o.benchCase().id())
                    .containsExactlyElementsOf(
                            cases.subList(0, 16).stream().map(BenchCase::id).toList());
            for (CaseOutcome o : outcomes) {
                assertThat(store.attempts(o.benchCase().id())).isEqualTo(1);
                assertThat(runDir.resolve(o.trajectory())).exists();
                assertThat(o.best()).isPresent();
                assertThat(o.judgements()).isNotEmpty();
            }
        }
    }

    @Test
    void aRunKilledHalfWayResumesWithoutRedoingFinishedCases() throws Exception {
        List<BenchCase> cases = RiseData.cases(data());
        Path runDir = dir.resolve("run");
        Path log = dir.resolve("child.log");
        int limit = 16;
        Process child = ChildJvm.start(RunnerChild.class, log, runDir.toString(), String.valueOf(limit), "2");
        try {
            ChildJvm.awaitWhileAlive(child, () -> done(runDir) >= 4, Duration.ofMinutes(5), log);
        } finally {
            ChildJvm.kill9(child);
        }

        Map<String, String> before = new HashMap<>();
        Map<String, FileTime> mtimes = new HashMap<>();
        int doneBefore;
        try (SqliteStore store = SqliteStore.open(runDir)) {
            doneBefore = store.counts().done();
            for (CaseOutcome o : store.outcomes()) {
                before.put(o.benchCase().id(), OutcomeJson.outcome(o));
                mtimes.put(o.benchCase().id(), Files.getLastModifiedTime(runDir.resolve(o.trajectory())));
            }
        }
        assertThat(doneBefore).isBetween(4, limit - 1);

        BenchSummary summary;
        try (BackendSession session = new BackendSession(BackendRegistry.load());
                SqliteStore store = SqliteStore.open(runDir)) {
            summary =
                    new BenchRunner(session).run(RiseData.options(runDir, cases, limit, 4), store, BenchListener.NONE);
            assertThat(summary.complete()).isTrue();
            assertThat(store.counts()).isEqualTo(new ResultStore.Counts(limit, limit, 0, 0));
            List<CaseOutcome> outcomes = store.outcomes();
            assertThat(outcomes).hasSize(limit);
            for (CaseOutcome o : outcomes) {
                String id = o.benchCase().id();
                assertThat(runDir.resolve(o.trajectory())).exists();
                if (before.containsKey(id)) {
                    // finished before the kill: neither redone nor rewritten
                    assertThat(OutcomeJson.outcome(o)).isEqualTo(before.get(id));
                    assertThat(Files.getLastModifiedTime(runDir.resolve(o.trajectory())))
                            .isEqualTo(mtimes.get(id));
                    assertThat(store.attempts(id)).isEqualTo(1);
                } else {
                    assertThat(store.attempts(id)).isBetween(1, 2);
                }
            }
        }
        // the resumed session edited only the cases that had not finished
        assertThat(summary.progress().finishedHere()).isEqualTo(limit - doneBefore);
        assertThat(summary.progress().calls().editor()).isLessThanOrEqualTo((long) (limit - doneBefore) * 3);
    }

    private static int done(Path runDir) {
        Path db = runDir.resolve(SqliteStore.FILE);
        if (!Files.exists(db)) {
            return 0;
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            try (var rs = s.executeQuery("SELECT count(*) FROM cases WHERE state = 'done'")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }
}
