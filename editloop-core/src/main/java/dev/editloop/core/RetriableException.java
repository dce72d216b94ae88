package dev.editloop.core;

/** A failure that may go away when the same call is tried again: a timeout, a 429 or 5xx, a refused connection. */
public class RetriableException extends EditLoopException {
    private static final long serialVersionUID = 1L;

    public RetriableException(String message) {
        this(message, null);
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final boolean retriable() {
        return true;
    }
}
