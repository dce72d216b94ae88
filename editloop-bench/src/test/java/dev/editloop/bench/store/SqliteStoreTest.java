package dev.editloop.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aCommittedCaseReadsBackWhole() {
        List<BenchCase> cases = StoreFixtures.cases(3);
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.begin(StoreFixtures.manifest(), cases);
            Claim claim = store.claim("w1", LEASE, false).orElseThrow();
            assertThat(claim.benchCase()).isEqualTo(cases.get(0));
            CaseOutcome outcome = StoreFixtures.outcome(claim.benchCase(), 3);
            assertThat(store.complete(claim, outcome)).isTrue();
            assertThat(store.counts()).isEqualTo(new ResultStore.Counts(3, 1, 0, 0));
        }
        try (SqliteStore store = SqliteStore.open(dir)) {
            CaseOutcome read = store.outcomes().getFirst();
            CaseOutcome expected = StoreFixtures.outcome(cases.get(0), 3);
            assertThat(OutcomeJson.outcome(read)).isEqualTo(OutcomeJson.outcome(expected));
            assertThat(read.benchCase()).isEqualTo(expected.benchCase());
            assertThat(read.judgements()).hasSize(3);
            assertThat(read.judgements().get(2).error()).isEqualTo("unreadable after 2 repairs");
            assertThat(read.judgements().get(0).judgement().raw()).isEqualTo("Score: 4");
            assertThat(read.best().orElseThrow().quality()).isNaN();
            assertThat(read.score(0).orElseThrow().figure("missing")).isNaN();
            assertThat(read.score(0).orElseThrow().figure("O")).isEqualTo(7.5);
            assertThat(store.manifest()).contains(StoreFixtures.manifest());
        }
    }

    @Test
    void beginIsIdempotentAndAResumeMayComeFromAnotherBuild() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.begin(StoreFixtures.manifest(), StoreFixtures.cases(4));
        }
        Manifest m = StoreFixtures.manifest();
        Manifest later = new Manifest(
                m.suite(),
                m.dataHash(),
                m.language(),
                m.categories(),
                m.limit(),
                m.strategy(),
                m.maxTurns(),
                m.threshold(),
                m.seed(),
                m.editor(),
                m.thinker(),
                m.judge(),
                m.protocol(),
                m.judgeSamples(),
                m.promptHashes(),
                "0.2.0",
                "fedcba",
                Instant.parse("2026-02-01T00:00:00Z"));
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.begin(later, StoreFixtures.cases(4));
            assertThat(store.counts().total()).isEqualTo(4);
            // the first manifest stays (its start time), and both sessions are listed with their builds
            assertThat(store.manifest().orElseThrow().started()).isEqualTo(m.started());
            assertThat(store.sessions()).extracting(SqliteStore.Session::commit).containsExactly("abcdef", "fedcba");
        }
    }

    @Test
    void aDifferentManifestIsRefusedWithTheFieldsThatDiffer() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.begin(StoreFixtures.manifest(), StoreFixtures.cases(2));
            Manifest m = StoreFixtures.manifest();
            Manifest other = new Manifest(
                    m.suite(),
                    m.dataHash(),
                    m.language(),
                    m.categories(),
                    m.limit(),
                    "single",
                    m.maxTurns(),
                    m.threshold(),
                    m.seed(),
                    m.editor(),
                    m.thinker(),
                    m.judge().with("temperature", "0.7"),
                    m.protocol(),
                    3,
                    m.promptHashes(),
                    m.version(),
                    m.commit(),
                    m.started());
            assertThatThrownBy(() -> store.begin(other, StoreFixtures.cases(2)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("holds another run")
                    .hasMessageContaining("strategy (stored think-while-edit, given single)")
                    .hasMessageContaining("judge (stored")
                    .hasMessageContaining("temperature=0.7")
                    .hasMessageContaining("judge_samples (stored 1, given 3)")
                    .hasMessageNotContaining("editor (")
                    .hasMessageNotContaining("\n");
            assertThat(store.counts().total()).isEqualTo(2);
        }
    }

    @Test
    void concurrentWorkersClaimEachCaseOnce() throws Exception {
        int n = 40;
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.begin(StoreFixtures.manifest(), StoreFixtures.cases(n));
            List<String> claimed = Collections.synchronizedList(new ArrayList<>());
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> all = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    String worker = "w" + w;
                    all.add(pool.submit(() -> {
                        Optional<Claim> c;
                        while ((c = store.claim(worker, LEASE, false)).isPresent()) {
                            claimed.add(c.get().benchCase().id());
                            assertThat(store.complete(
                                            c.get(),
                                            StoreFixtures.outcome(c.get().benchCase(), 2)))
                                    .isTrue();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : all) {
                    f.get();
                }
            }
            assertThat(claimed).hasSize(n).doesNotHaveDuplicates();
            assertThat(store.counts()).isEqualTo(new ResultStore.Counts(n, n, 0, 0));
        }
    }

    @Test
    void anExpiredLeaseIsReclaimedAndTheStaleTokenRefused() {
        MutableClock clock = new MutableClock();
        try (SqliteStore store = SqliteStore.open(dir, clock)) {
            store.begin(StoreFixtures.manifest(), StoreFixtures.cases(1));
            Claim first = store.claim("dead", Duration.ofSeconds(10), false).orElseThrow();
            assertThat(store.claim("other", LEASE, false)).isEmpty();
            assertThat(store.counts().inFlight()).isEqualTo(1);

            clock.advance(Duration.ofSeconds(11));
            assertThat(store.counts().inFlight()).isZero();
            Claim second = store.claim("other", LEASE, false).orElseThrow();
            assertThat(second.benchCase().id()).isEqualTo(first.benchCase().id());
            assertThat(second.token()).isGreaterThan(first.token());

            assertThat(store.renew(first, LEASE)).isFalse();
            assertThat(store.complete(first, StoreFixtures.outcome(first.benchCase(), 1)))
                    .isFalse();
            assertThat(store.outcomes()).isEmpty();
            store.release(first); // a stale release leaves the new owner alone
            assertThat(store.counts().inFlight()).isEqualTo(1);

            assertThat(store.renew(second, LEASE)).isTrue();
            assertThat(store.complete(second, StoreFixtures.outcome(second.benchCase(), 1)))
                    .isTrue();
            assertThat(store.attempts(first.benchCase().id())).isEqualTo(2);
        }
    }

    @Test
    void aReleasedCaseIsOpenAtOnce() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.begin(StoreFixtures.manifest(), StoreFixtures.cases(1));
            Claim claim = store.claim("w", LEASE, false).orElseThrow();
            store.release(claim);
            assertThat(store.counts().open()).isEqualTo(1);
            assertThat(store.claim("w2", LEASE, false)).isPresent();
        }
    }

    @Test
    void failedCasesAreRetriedOnlyWhenAskedAndOncePerSession() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.begin(StoreFixtures.manifest(), StoreFixtures.cases(1));
            Claim claim = store.claim("w", LEASE, false).orElseThrow();
            CaseOutcome failed = new CaseOutcome(claim.benchCase(), true, "editor down", null, null, 0, null, null);
            assertThat(store.complete(claim, failed)).isTrue();
            assertThat(store.counts()).isEqualTo(new ResultStore.Counts(1, 0, 1, 0));
            // failed in this session: not retried even when asked
            assertThat(store.claim("w", LEASE, true)).isEmpty();
        }
        sleepPastAMillisecond();
        try (SqliteStore store = SqliteStore.open(dir)) {
            assertThat(store.claim("w", LEASE, false)).isEmpty();
            Claim again = store.claim("w", LEASE, true).orElseThrow();
            assertThat(store.complete(again, StoreFixtures.outcome(again.benchCase(), 1)))
                    .isTrue();
            assertThat(store.counts()).isEqualTo(new ResultStore.Counts(1, 1, 0, 0));
            assertThat(store.outcomes())
                    .singleElement()
                    .satisfies(o -> assertThat(o.failed()).isFalse());
        }
    }

    @Test
    void finishRecordsTheEnd() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.begin(StoreFixtures.manifest(), StoreFixtures.cases(1));
            assertThat(store.ended()).isEmpty();
            Instant end = Instant.parse("2026-01-02T03:04:05Z");
            store.finish(end);
            assertThat(store.ended()).contains(end);
            assertThat(store.sessions().getFirst().ended()).isEqualTo(end);
        }
    }

    @Test
    void storesOpenSqliteByDefaultAndExplainOthers() {
        try (ResultStore store = Stores.open(null, dir)) {
            assertThat(store).isInstanceOf(SqliteStore.class);
        }
        assertThat(dir.resolve(SqliteStore.FILE)).exists();
        assertThatThrownBy(() -> Stores.open("postgresql://bob:secret@db:5432/runs", dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PGPASSWORD")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Stores.open("mysql://db/runs", dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("use sqlite");
    }

    private static void sleepPastAMillisecond() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
