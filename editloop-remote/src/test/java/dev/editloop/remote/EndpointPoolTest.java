package dev.editloop.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EndpointPoolTest {
    private static final URI A = URI.create("http://a:1");
    private static final URI B = URI.create("http://b:1");
    private static final URI C = URI.create("http://c:1");

    private final AtomicLong now = new AtomicLong(1_000);

    private EndpointPool pool(int concurrency, List<URI> endpoints) {
        return new EndpointPool("test", endpoints, concurrency, 2, Duration.ofSeconds(30), now::get);
    }

    @Test
    void requestsGoRoundRobin() {
        EndpointPool pool = pool(4, List.of(A, B, C));
        List<URI> used = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            used.add(pool.call(uri -> uri));
        }
        assertThat(used).containsExactly(A, B, C, A, B, C);
    }

    @Test
    void anEndpointIsTakenOutAfterRepeatedRetriableFailuresAndComesBackAfterItsRest() {
        EndpointPool pool = pool(4, List.of(A, B));
        AtomicInteger bFailures = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            try {
                pool.call(uri -> {
                    if (uri.equals(A) || bFailures.getAndIncrement() == 0) {
                        throw new RetriableException("down");
                    }
                    return uri;
                });
            } catch (RetriableException expected) {
                // A fails every time; B once, so that A is asked twice
            }
        }
        assertThat(pool.status().get(0).inService()).isFalse();
        List<URI> used = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            used.add(pool.call(uri -> uri));
        }
        assertThat(used).as("only B serves while A rests").containsOnly(B);

        now.addAndGet(Duration.ofSeconds(31).toNanos());
        List<URI> after = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            after.add(pool.call(uri -> uri));
        }
        assertThat(after).as("A serves again after its rest").contains(A, B);
    }

    @Test
    void aRestedEndpointThatFailsItsHealthProbeStaysOut() {
        AtomicInteger probes = new AtomicInteger();
        EndpointPool pool = pool(4, List.of(A, B)).healthProbe(uri -> {
            probes.incrementAndGet();
            return false;
        });
        for (int i = 0; i < 2; i++) {
            try {
                pool.call(uri -> {
                    throw new RetriableException("down");
                });
            } catch (RetriableException expected) {
                // alternate A, B: one failure each
            }
        }
        for (int i = 0; i < 2; i++) {
            try {
                pool.call(uri -> {
                    if (uri.equals(A)) {
                        throw new RetriableException("down");
                    }
                    return uri;
                });
            } catch (RetriableException expected) {
                // A's second failure takes it out
            }
        }
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        List<URI> used = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            used.add(pool.call(uri -> uri));
        }
        assertThat(probes.get()).isPositive();
        assertThat(used).containsOnly(B);
    }

    @Test
    void nonRetriableFailuresDoNotTakeAnEndpointOut() {
        EndpointPool pool = pool(4, List.of(A));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> pool.call(uri -> {
                        throw new NonRetriableException("bad request");
                    }))
                    .isInstanceOf(NonRetriableException.class);
        }
        assertThat(pool.status().get(0).inService()).isTrue();
        assertThat(pool.status().get(0).failures()).isEqualTo(5);
    }

    @Test
    void whenEveryEndpointIsOutTheSoonestBackIsTriedAnyway() {
        EndpointPool pool = pool(4, List.of(A));
        for (int i = 0; i < 2; i++) {
            try {
                pool.call(uri -> {
                    throw new RetriableException("down");
                });
            } catch (RetriableException expected) {
                // taken out
            }
        }
        URI chosen = pool.call(uri -> uri);
        assertThat(chosen).isEqualTo(A);
    }

    @Test
    void noMoreThanTheConcurrencyLimitRunsOnOneEndpoint() throws Exception {
        EndpointPool pool = pool(2, List.of(A));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(8);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                executor.submit(() -> {
                    pool.call(uri -> {
                        int r = running.incrementAndGet();
                        peak.accumulateAndGet(r, Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        return uri;
                    });
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(peak.get()).isEqualTo(2);
    }

    /** Starts a call that holds its slot until the latch opens; returns when it is running, with its endpoint. */
    private static URI hold(EndpointPool pool, CountDownLatch release, java.util.concurrent.ExecutorService executor)
            throws Exception {
        java.util.concurrent.CompletableFuture<URI> started = new java.util.concurrent.CompletableFuture<>();
        executor.submit(() -> pool.call(uri -> {
            started.complete(uri);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return uri;
        }));
        return started.get(10, TimeUnit.SECONDS);
    }

    @Test
    void noCallQueuesBehindABusyEndpointWhileAnotherIsFree() throws Exception {
        EndpointPool pool = pool(1, List.of(A, B));
        CountDownLatch release = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            URI busy = hold(pool, release, executor);
            assertThat(busy).isEqualTo(A);
            java.util.concurrent.Future<List<URI>> quick = executor.submit(() -> {
                List<URI> used = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    used.add(pool.call(uri -> uri));
                }
                return used;
            });
            // round robin would send the second of these to A and wait there until the held call ends
            assertThat(quick.get(10, TimeUnit.SECONDS)).containsOnly(B);
            release.countDown();
        }
    }

    @Test
    void aCallGoesToTheLeastLoadedEndpoint() throws Exception {
        EndpointPool pool = pool(4, List.of(A, B, C));
        CountDownLatch releaseA = new CountDownLatch(1);
        CountDownLatch releaseB = new CountDownLatch(1);
        CountDownLatch releaseRest = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(hold(pool, releaseA, executor)).isEqualTo(A);
            assertThat(hold(pool, releaseB, executor)).isEqualTo(B);
            assertThat(hold(pool, releaseRest, executor)).isEqualTo(C);
            assertThat(hold(pool, releaseRest, executor))
                    .as("ties go round robin")
                    .isEqualTo(A);
            releaseB.countDown();
            while (pool.status().get(1).inFlight() > 0) {
                Thread.onSpinWait();
            }
            // A has 2 in flight, C 1, B none: B, then C and B (tied at 1, round robin from C)
            assertThat(hold(pool, releaseRest, executor)).isEqualTo(B);
            assertThat(hold(pool, releaseRest, executor)).isEqualTo(C);
            assertThat(hold(pool, releaseRest, executor)).isEqualTo(B);
            assertThat(pool.status())
                    .extracting(EndpointPool.EndpointStatus::inFlight)
                    .containsExactly(2, 2, 2);
            releaseA.countDown();
            releaseRest.countDown();
        }
    }

    @Test
    void whenEveryEndpointIsFullACallTakesTheFirstSlotThatFreesAnywhere() throws Exception {
        EndpointPool pool = pool(1, List.of(A, B));
        CountDownLatch releaseA = new CountDownLatch(1);
        CountDownLatch releaseB = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            hold(pool, releaseA, executor);
            hold(pool, releaseB, executor);
            java.util.concurrent.Future<URI> waiting = executor.submit(() -> pool.call(uri -> uri));
            releaseB.countDown();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(B);
            releaseA.countDown();
        }
    }

    @Test
    void aRetriableFailureSaysWhetherAnotherEndpointCanTakeTheNextAttempt() {
        EndpointPool pool = pool(4, List.of(A, B));
        RetriableException first = failure(pool);
        assertThat(first.failoverAvailable()).as("B has not failed").isTrue();
        RetriableException second = failure(pool);
        assertThat(second.failoverAvailable()).as("both are failing: back off").isFalse();

        EndpointPool single = pool(4, List.of(A));
        assertThat(failure(single).failoverAvailable()).isFalse();
    }

    @Test
    void theNextAttemptAfterAFailureGoesToAnEndpointInGoodStanding() {
        EndpointPool pool = pool(4, List.of(A, B, C));
        List<URI> tried = new ArrayList<>();
        RetriableException e = failure(pool, tried); // A fails
        assertThat(e.failoverAvailable()).isTrue();
        for (int i = 0; i < 4; i++) {
            tried.add(pool.call(uri -> uri));
        }
        assertThat(tried).containsExactly(A, B, C, B, C);
    }

    private static RetriableException failure(EndpointPool pool) {
        return failure(pool, new ArrayList<>());
    }

    private static RetriableException failure(EndpointPool pool, List<URI> tried) {
        try {
            pool.call(uri -> {
                tried.add(uri);
                throw new RetriableException(uri + ": HTTP 503");
            });
        } catch (RetriableException e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }
}
