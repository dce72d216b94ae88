package dev.editloop.remote;

import dev.editloop.core.EditLoopException;
import dev.editloop.core.NonRetriableException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Several endpoints of one backend used as one: round robin over the endpoints that are in service, at most
 * {@code concurrency} requests in flight per endpoint, and an endpoint taken out after {@code maxFailures}
 * consecutive retriable failures, to rest for {@code cooldown} and then be health-checked (when a probe is set) before
 * it serves again. When every endpoint is out, the one whose rest ends first is tried anyway, so a pool never refuses
 * work by itself.
 *
 * <p>Failover across endpoints comes from the retry wrapper ({@link Retrying}): each attempt asks the pool again and
 * gets the next endpoint in service. Thread-safe: the endpoint states are guarded by this pool's monitor, and the
 * per-endpoint limits are semaphores acquired outside it.
 */
public final class EndpointPool {
    /** One call against one endpoint. */
    @FunctionalInterface
    public interface EndpointCall<T> {
        /** Makes the call against this endpoint. */
        T apply(URI endpoint);
    }

    /**
     * What the pool knows about one endpoint.
     *
     * @param endpoint the URL
     * @param inService whether it takes requests now
     * @param consecutiveFailures retriable failures since its last success
     * @param calls calls made to it
     * @param failures calls that failed (retriable or not)
     * @param inFlight calls running now
     */
    public record EndpointStatus(
            URI endpoint, boolean inService, int consecutiveFailures, long calls, long failures, int inFlight) {}

    private static final class State {
        final URI endpoint;
        final Semaphore permits;
        int consecutiveFailures;
        long outUntil; // nanoTime; 0 when in service
        long calls;
        long failures;

        State(URI endpoint, int concurrency) {
            this.endpoint = endpoint;
            this.permits = new Semaphore(concurrency, true);
        }
    }

    private final String backend;
    private final List<State> states;
    private final int concurrency;
    private final int maxFailures;
    private final long cooldownNanos;
    private final LongSupplier clock;
    private volatile Predicate<URI> probe = uri -> true;
    private int next;

    /** A pool over the settings' endpoints, with its limits. */
    public EndpointPool(RemoteSettings settings) {
        this(
                settings.backend(),
                settings.endpoints(),
                settings.concurrency(),
                settings.maxFailures(),
                settings.cooldown(),
                System::nanoTime);
    }

    /**
     * A pool with an explicit clock (tests).
     *
     * @param clock a nanosecond clock, like {@link System#nanoTime()}
     */
    public EndpointPool(
            String backend,
            List<URI> endpoints,
            int concurrency,
            int maxFailures,
            Duration cooldown,
            LongSupplier clock) {
        this.backend = Objects.requireNonNull(backend, "backend");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one endpoint");
        }
        this.concurrency = concurrency;
        this.maxFailures = maxFailures;
        this.cooldownNanos = cooldown.toNanos();
        this.clock = clock;
        List<State> list = new ArrayList<>();
        for (URI uri : endpoints) {
            list.add(new State(uri, concurrency));
        }
        this.states = List.copyOf(list);
    }

    /**
     * Sets the health probe run on an endpoint whose rest is over, before it serves again; it returns whether the
     * endpoint is healthy (an exception counts as unhealthy). By default every rested endpoint is trusted.
     */
    public EndpointPool healthProbe(Predicate<URI> probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
        return this;
    }

    /** The endpoints, in order. */
    public List<URI> endpoints() {
        return states.stream().map(s -> s.endpoint).toList();
    }

    /** The per-endpoint concurrency limit. */
    public int concurrency() {
        return concurrency;
    }

    /**
     * Runs one call on the next endpoint in service, waiting for a free slot on it, and records the outcome: a success
     * puts the endpoint back in good standing; a retriable failure counts towards taking it out.
     */
    public <T> T call(EndpointCall<T> call) {
        State state = pick();
        try {
            state.permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NonRetriableException(HttpFailures.where(backend, state.endpoint) + ": interrupted", e);
        }
        try {
            T result = call.apply(state.endpoint);
            succeeded(state);
            return result;
        } catch (EditLoopException e) {
            failed(state, e.retriable());
            throw e;
        } catch (RuntimeException e) {
            failed(state, false);
            throw e;
        } finally {
            state.permits.release();
        }
    }

    /** The state of every endpoint, in order. */
    public synchronized List<EndpointStatus> status() {
        long now = clock.getAsLong();
        return states.stream()
                .map(s -> new EndpointStatus(
                        s.endpoint,
                        s.outUntil == 0 || now - s.outUntil >= 0,
                        s.consecutiveFailures,
                        s.calls,
                        s.failures,
                        concurrency - s.permits.availablePermits()))
                .toList();
    }

    private State pick() {
        for (int attempt = 0; attempt < states.size(); attempt++) {
            State candidate = null;
            boolean rested = false;
            synchronized (this) {
                long now = clock.getAsLong();
                int n = states.size();
                for (int i = 0; i < n; i++) {
                    State s = states.get((next + i) % n);
                    if (s.outUntil == 0 || now - s.outUntil >= 0) {
                        candidate = s;
                        rested = s.outUntil != 0;
                        next = (next + i + 1) % n;
                        break;
                    }
                }
            }
            if (candidate == null) {
                break;
            }
            if (!rested) {
                return candidate;
            }
            boolean healthy = healthy(candidate.endpoint);
            synchronized (this) {
                if (healthy) {
                    candidate.outUntil = 0;
                    candidate.consecutiveFailures = 0;
                    return candidate;
                }
                candidate.outUntil = outUntil(clock.getAsLong());
            }
        }
        synchronized (this) {
            State soonest = states.get(0);
            for (State s : states) {
                if (s.outUntil - soonest.outUntil < 0) {
                    soonest = s;
                }
            }
            return soonest;
        }
    }

    private long outUntil(long now) {
        long until = now + cooldownNanos;
        return until == 0 ? 1 : until;
    }

    private boolean healthy(URI endpoint) {
        try {
            return probe.test(endpoint);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private synchronized void succeeded(State s) {
        s.calls++;
        s.consecutiveFailures = 0;
        s.outUntil = 0;
    }

    private synchronized void failed(State s, boolean retriable) {
        s.calls++;
        s.failures++;
        if (!retriable) {
            return;
        }
        s.consecutiveFailures++;
        if (s.consecutiveFailures >= maxFailures) {
            s.outUntil = outUntil(clock.getAsLong());
        }
    }
}
