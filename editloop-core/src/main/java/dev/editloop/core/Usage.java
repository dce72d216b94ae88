package dev.editloop.core;

/**
 * Tokens a model call consumed; {@link #NONE} for backends that do not count tokens (the embedded ones).
 *
 * @param promptTokens tokens sent
 * @param completionTokens tokens received
 */
public record Usage(long promptTokens, long completionTokens) {
    /** No tokens counted. */
    public static final Usage NONE = new Usage(0, 0);

    public Usage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /** The sum of two usages. */
    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
    }
}
