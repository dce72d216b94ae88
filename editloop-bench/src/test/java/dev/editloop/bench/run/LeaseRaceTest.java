package dev.editloop.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.Claim;
import dev.editloop.bench.store.Manifest;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.bench.store.SqliteStore;
import dev.editloop.core.image.Images;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.testkit.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lease renewal that finds a case already committed (so "lost") must not interrupt the worker, which has moved on to
 * its next store call: on PostgreSQL an interrupt closes the connection's socket under a virtual thread, and the whole
 * run stopped with "the result store failed". The store here forces that order: the commit is slow, so the renewer sees
 * the case while it commits; its renewal answers "lost" only once the worker is in its next claim, which waits
 * interruptibly.
 */
class LeaseRaceTest {
    @TempDir
    Path dir;

    @Test
    void aRenewalThatLosesAFinishedCaseDoesNotInterruptTheWorkersNextStoreCall() throws Exception {
        Path image = dir.resolve("a.png");
        Images.writePng(TestImages.scene(48, 32, 1), image);
        List<BenchCase> cases = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            cases.add(new BenchCase("test", "case-" + i, "c", "make it darker", image, null, null, Map.of()));
        }
        Path runDir = dir.resolve("run");
        BenchOptions options = BenchOptions.builder(runDir, "test", "hash", cases, new AskProtocol())
                .maxTurns(1)
                .concurrency(1)
                .lease(Duration.ofSeconds(1))
                .editLoop("test", "test")
                .build();
        try (BackendSession session = TestBackends.session();
                RacingStore store = new RacingStore(SqliteStore.open(runDir))) {
            BenchSummary summary = new BenchRunner(session).run(options, store, BenchListener.NONE);
            assertThat(store.lostAfterCommit)
                    .as("the renewer saw a committed case as lost")
                    .isTrue();
            assertThat(store.interruptedInClaim).as("a claim was interrupted").isFalse();
            assertThat(summary.complete()).isTrue();
            assertThat(store.counts()).isEqualTo(new ResultStore.Counts(2, 2, 0, 0));
        }
    }

    /** SQLite, with a slow commit, a renewal that answers "lost" for committed cases, and an interruptible claim. */
    private static final class RacingStore implements ResultStore {
        private final SqliteStore store;
        private final Set<String> committed = ConcurrentHashMap.newKeySet();
        private volatile CountDownLatch inNextClaim = new CountDownLatch(1);
        volatile boolean lostAfterCommit;
        volatile boolean interruptedInClaim;
        private final AtomicBoolean raced = new AtomicBoolean();

        RacingStore(SqliteStore store) {
            this.store = store;
        }

        @Override
        public void begin(Manifest manifest, List<BenchCase> cases) {
            store.begin(manifest, cases);
        }

        @Override
        public Optional<Manifest> manifest() {
            return store.manifest();
        }

        @Override
        public Optional<Claim> claim(String worker, Duration lease, boolean retryFailed) {
            if (!committed.isEmpty()) {
                inNextClaim.countDown();
                try {
                    Thread.sleep(400); // a store round trip, interruptible as a socket read is
                } catch (InterruptedException e) {
                    interruptedInClaim = true;
                    throw new IllegalStateException("the claim was interrupted", e);
                }
            }
            return store.claim(worker, lease, retryFailed);
        }

        @Override
        public boolean renew(Claim claim, Duration lease) {
            if (committed.contains(claim.benchCase().id()) && raced.compareAndSet(false, true)) {
                try {
                    inNextClaim.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                lostAfterCommit = true;
                return false;
            }
            return store.renew(claim, lease);
        }

        @Override
        public void release(Claim claim) {
            store.release(claim);
        }

        @Override
        public boolean complete(Claim claim, CaseOutcome outcome) {
            boolean ok = store.complete(claim, outcome);
            committed.add(claim.benchCase().id());
            try {
                Thread.sleep(1500); // the renewer (every 333 ms) sees the case still in flight, committed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok;
        }

        @Override
        public List<CaseOutcome> outcomes() {
            return store.outcomes();
        }

        @Override
        public Counts counts() {
            return store.counts();
        }

        @Override
        public void finish(Instant ended) {
            store.finish(ended);
        }

        @Override
        public Optional<Instant> ended() {
            return store.ended();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
