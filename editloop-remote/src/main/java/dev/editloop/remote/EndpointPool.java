package dev.editloop.remote;

import dev.editloop.core.EditLoopException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Several endpoints of one backend used as one: each call goes to the least-loaded endpoint in service that has a free
 * slot (at most {@code concurrency} requests in flight per endpoint), preferring endpoints whose last call succeeded,
 * with ties broken round robin so that load spreads. A call waits only when every endpoint in service is full, and then
 * takes the first slot that frees on any of them. An endpoint is taken out after {@code maxFailures} consecutive
 * retriable failures, to rest for {@code cooldown} and then be health-checked (when a probe is set) before it serves
 * again. When every endpoint is out, the one whose rest ends first is tried anyway, so a pool never refuses work by
 * itself.
 *
 * <p>Failover across endpoints comes from the retry wrapper ({@link dev.editloop.core.retry.Retrying}): each attempt
 * asks the pool again. When a call fails with a {@link RetriableException} and another endpoint in good standing (in
 * service, no failure since its last success) exists, the pool marks the exception
 * {@link RetriableException#failoverAvailable(boolean) failoverAvailable}, and the wrapper tries again at once instead
 * of backing off; the backoff applies only when every endpoint is failing. Thread-safe: all state is guarded by one
 * fair lock; calls run outside it.
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
        final int index;
        int inFlight;
        int consecutiveFailures;
        long outUntil; // nanoTime; 0 when in service
        boolean probing;
        long calls;
        long failures;

        State(URI endpoint, int index) {
            this.endpoint = endpoint;
            this.index = index;
        }
    }

    private final String backend;
    private final List<State> states;
    private final int concurrency;
    private final int maxFailures;
    private final long cooldownNanos;
    private final LongSupplier clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition slotFreed = lock.newCondition();
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
        if (concurrency < 1 || maxFailures < 1) {
            throw new IllegalArgumentException("concurrency and maxFailures must be at least 1");
        }
        this.concurrency = concurrency;
        this.maxFailures = maxFailures;
        this.cooldownNanos = cooldown.toNanos();
        this.clock = clock;
        List<State> list = new ArrayList<>();
        for (URI uri : endpoints) {
            list.add(new State(uri, list.size()));
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
     * Runs one call on the least-loaded endpoint in service (waiting only while every one is full), and records the
     * outcome: a success puts the endpoint back in good standing; a retriable failure counts towards taking it out, and
     * is marked {@link RetriableException#failoverAvailable(boolean) failoverAvailable} when another endpoint in good
     * standing can take the next attempt.
     *
     * @throws NonRetriableException when the thread is interrupted while waiting for a slot
     */
    public <T> T call(EndpointCall<T> call) {
        State state = acquire();
        try {
            T result = call.apply(state.endpoint);
            succeeded(state);
            return result;
        } catch (RetriableException e) {
            e.failoverAvailable(failed(state, true));
            throw e;
        } catch (EditLoopException e) {
            failed(state, e.retriable());
            throw e;
        } catch (RuntimeException e) {
            failed(state, false);
            throw e;
        } finally {
            release(state);
        }
    }

    /** The state of every endpoint, in order. */
    public List<EndpointStatus> status() {
        lock.lock();
        try {
            long now = clock.getAsLong();
            return states.stream()
                    .map(s -> new EndpointStatus(
                            s.endpoint, inService(s, now), s.consecutiveFailures, s.calls, s.failures, s.inFlight))
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    /** Reserves a slot on the best endpoint, probing a rested one first. */
    private State acquire() {
        while (true) {
            State chosen;
            boolean rested;
            try {
                lock.lockInterruptibly();
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
            try {
                while (true) {
                    long now = clock.getAsLong();
                    chosen = best(now);
                    if (chosen != null) {
                        break;
                    }
                    awaitSlot(now);
                }
                chosen.inFlight++;
                next = (chosen.index + 1) % states.size();
                rested = chosen.outUntil != 0 && clock.getAsLong() - chosen.outUntil >= 0 && !chosen.probing;
                if (rested) {
                    chosen.probing = true;
                }
            } finally {
                lock.unlock();
            }
            if (!rested) {
                return chosen;
            }
            boolean healthy = healthy(chosen.endpoint);
            lock.lock();
            try {
                chosen.probing = false;
                if (healthy) {
                    chosen.outUntil = 0;
                    chosen.consecutiveFailures = 0;
                    return chosen;
                }
                chosen.outUntil = outUntil(clock.getAsLong());
                chosen.inFlight--;
                slotFreed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * The endpoint the next call goes to, or null when it must wait: among the endpoints in service with a free slot,
     * those in good standing first, then the fewest in flight, then the first in round-robin order from {@code next}.
     * When no endpoint is in service (or being probed), the one whose rest ends first, if it has a free slot.
     */
    private State best(long now) {
        int n = states.size();
        State best = null;
        boolean anyInService = false;
        for (int i = 0; i < n; i++) {
            State s = states.get((next + i) % n);
            if (!inService(s, now) || s.probing) {
                continue;
            }
            anyInService = true;
            if (s.inFlight >= concurrency) {
                continue;
            }
            if (best == null || better(s, best)) {
                best = s;
            }
        }
        if (best != null || anyInService) {
            return best;
        }
        if (states.stream().anyMatch(s -> s.probing)) {
            return null;
        }
        State soonest = states.get(0);
        for (State s : states) {
            if (s.outUntil - soonest.outUntil < 0) {
                soonest = s;
            }
        }
        return soonest.inFlight < concurrency ? soonest : null;
    }

    /**
     * Whether {@code a} should take the call rather than {@code b}: good standing first (no failure since the last
     * success, or a rest just over, so that a rested endpoint is probed and rejoins), then fewer calls in flight.
     */
    private static boolean better(State a, State b) {
        boolean aGood = a.consecutiveFailures == 0 || a.outUntil != 0;
        boolean bGood = b.consecutiveFailures == 0 || b.outUntil != 0;
        if (aGood != bGood) {
            return aGood;
        }
        return a.inFlight < b.inFlight;
    }

    /** Waits for a slot to free; wakes at the latest when the first resting endpoint's rest ends (or after 1 s). */
    private void awaitSlot(long now) {
        long wait = Long.MAX_VALUE;
        for (State s : states) {
            if (s.outUntil != 0 && s.outUntil - now > 0) {
                wait = Math.min(wait, s.outUntil - now);
            }
        }
        try {
            if (wait == Long.MAX_VALUE) {
                slotFreed.await();
            } else {
                slotFreed.awaitNanos(Math.min(wait, 1_000_000_000L));
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private NonRetriableException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new NonRetriableException(
                backend + ": interrupted while waiting for a free endpoint of " + states.size(), e);
    }

    private static boolean inService(State s, long now) {
        return s.outUntil == 0 || now - s.outUntil >= 0;
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

    private void release(State s) {
        lock.lock();
        try {
            s.inFlight--;
            slotFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void succeeded(State s) {
        lock.lock();
        try {
            s.calls++;
            s.consecutiveFailures = 0;
            s.outUntil = 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a failure.
     *
     * @return whether another endpoint in good standing (in service, not failing) can take the next attempt
     */
    private boolean failed(State s, boolean retriable) {
        lock.lock();
        try {
            s.calls++;
            s.failures++;
            if (!retriable) {
                return false;
            }
            s.consecutiveFailures++;
            long now = clock.getAsLong();
            if (s.consecutiveFailures >= maxFailures) {
                s.outUntil = outUntil(now);
            }
            for (State other : states) {
                if (other != s && other.consecutiveFailures == 0 && inService(other, now) && !other.probing) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }
}
