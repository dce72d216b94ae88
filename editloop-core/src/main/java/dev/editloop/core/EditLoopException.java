package dev.editloop.core;

/**
 * Root of every failure EditLoop reports: one unchecked hierarchy, split into failures worth retrying
 * ({@link RetriableException}) and failures that will not go away by trying again ({@link NonRetriableException}).
 *
 * <p>Messages say what failed, where, and what to do, in one line; they never contain a secret.
 */
public abstract class EditLoopException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected EditLoopException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether trying the same call again may succeed (a timeout, a 5xx, a refused connection). */
    public abstract boolean retriable();
}
