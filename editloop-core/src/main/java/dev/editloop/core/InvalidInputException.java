package dev.editloop.core;

/**
 * What the user gave cannot be used: a missing or corrupt image, an unknown backend or strategy, an option out of
 * range, an output folder that cannot be written. The message names the input and says what to do.
 */
public class InvalidInputException extends NonRetriableException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
