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
}
