package dev.editloop.core;

/** A failure that trying again will not fix: bad input, a rejected request, a reply that cannot be used. */
public class NonRetriableException extends EditLoopException {
    private static final long serialVersionUID = 1L;

    public NonRetriableException(String message) {
        this(message, null);
    }

    public NonRetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final boolean retriable() {
        return false;
    }
}
