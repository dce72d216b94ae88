package dev.editloop.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure that may go away when the same call is tried again: a timeout, a 429 or 5xx, a refused connection.
 *
 * <p>Two hints tell the retry wrapper how soon to try again, without it knowing anything of HTTP: the wait the server
 * asked for ({@link #retryAfter()}, from a {@code Retry-After} header), and whether another endpoint of the same
 * backend can take the call now ({@link #failoverAvailable()}, set by the endpoint pool that saw the failure), in which
 * case the next attempt goes there at once.
 */
public class RetriableException extends EditLoopException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private volatile boolean failoverAvailable;

    public RetriableException(String message) {
        this(message, null);
    }

    public RetriableException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * A failure with the wait the server asked for.
     *
     * @param retryAfter the server's requested wait before trying again, or null when it named none
     */
    public RetriableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        if (retryAfter != null && retryAfter.isNegative()) {
            retryAfter = Duration.ZERO;
        }
        this.retryAfter = retryAfter;
    }

    @Override
    public final boolean retriable() {
        return true;
    }

    /** The wait the server asked for before the call is tried again ({@code Retry-After}), if it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether another endpoint of the backend was in good standing when this failure was seen, so that the next
     * attempt can go there without waiting.
     */
    public boolean failoverAvailable() {
        return failoverAvailable;
    }

    /**
     * Records whether another endpoint can take the call now (the endpoint pool calls this as the failure passes
     * through it).
     *
     * @return this exception
     */
    public RetriableException failoverAvailable(boolean available) {
        this.failoverAvailable = available;
        return this;
    }

    /** A copy of this failure's hints on a new message (the retry wrapper's "gave up" message). */
    public RetriableException withMessage(String message) {
        RetriableException copy = new RetriableException(Objects.requireNonNull(message, "message"), this, retryAfter);
        copy.failoverAvailable = failoverAvailable;
        return copy;
    }
}
