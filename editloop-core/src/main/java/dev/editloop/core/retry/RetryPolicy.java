package dev.editloop.core.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a failed call is tried again: exponential backoff with jitter, for
 * {@link dev.editloop.core.RetriableException}s only (429, 5xx, timeouts, refused connections).
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retry
 * @param initialDelay the wait before the second attempt
 * @param maxDelay the longest wait between two attempts
 * @param jitter the share of each wait that is random, 0–1 (0.5: the wait lies between half and all of the backoff)
 * @param maxRetryWait the longest wait a server's {@code Retry-After} can impose before an attempt (longer requests are
 *     cut to this)
 */
public record RetryPolicy(
        int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter, Duration maxRetryWait) {
    /** The default cap on a server's {@code Retry-After}: one minute. */
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(60);

    /** One attempt, no retry: the embedded backends. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);

    /**
     * Remote backends: 3 retries after 1 s, 2 s, 4 s (up to 30 s), each shortened by up to half at random; a server's
     * {@code Retry-After} is honoured up to a minute.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.5);

    /** A policy with the default cap on {@code Retry-After} waits. */
    public RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {
        this(maxAttempts, initialDelay, maxDelay, jitter, DEFAULT_MAX_RETRY_WAIT);
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative() || maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1, got " + jitter);
        }
    }

    /** Whether this policy ever tries again. */
    public boolean retries() {
        return maxAttempts > 1;
    }

    /**
     * The wait before attempt {@code attempt} (2 for the first retry): initialDelay·2^(attempt−2), capped at maxDelay,
     * minus a random share of up to {@code jitter}.
     */
    public Duration delayBefore(int attempt, RandomGenerator random) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        double base = initialDelay.toMillis() * Math.pow(2, Math.min(attempt - 2, 30));
        base = Math.min(base, maxDelay.toMillis());
        double factor = 1 - jitter * random.nextDouble();
        return Duration.ofMillis(Math.round(base * factor));
    }

    /** The same policy with another cap on {@code Retry-After} waits. */
    public RetryPolicy withMaxRetryWait(Duration cap) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, jitter, cap);
    }

    /** The wait a server's {@code Retry-After} asks for, cut to {@link #maxRetryWait()}. */
    public Duration retryAfterWait(Duration requested) {
        Duration r = requested.isNegative() ? Duration.ZERO : requested;
        return r.compareTo(maxRetryWait) > 0 ? maxRetryWait : r;
    }
}
