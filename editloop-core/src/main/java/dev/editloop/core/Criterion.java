package dev.editloop.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing a {@link Judge} is asked to score, on an integer scale of its own: VIEScore's {@code edit_success} 0–10,
 * ImgEdit's rubric lines 1–5, RISE's logical {@code reasoning} 0–1. A judge answers with the raw value on this scale;
 * mapping to a benchmark's figures is the protocol's job.
 *
 * @param name the score's name in the reply, e.g. {@code edit_success}; lower case letters, digits and underscores
 * @param min the lowest value
 * @param max the highest value (above {@code min})
 * @param meaning what the score is about, for judges that measure instead of read ({@link Meaning})
 */
public record Criterion(String name, int min, int max, Meaning meaning) {
    /** What a criterion measures, in the terms a measuring judge can answer. */
    public enum Meaning {
        /** Whether the edit does what was asked (edit success, instruction following, reasoning, knowledge). */
        INSTRUCTION,
        /** Whether what was not asked for stayed as in the source (over-editing, consistency). */
        PRESERVATION,
        /** How natural and clean the result looks (naturalness, artifacts, quality, plausibility). */
        QUALITY
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public Criterion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a criterion name is lower case letters, digits and '_': '" + name + "'");
        }
        if (max <= min) {
            throw new IllegalArgumentException("criterion " + name + ": max " + max + " must exceed min " + min);
        }
    }

    /** Whether a value lies on this criterion's scale (ends included). */
    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** The scale as text, e.g. {@code 0-10}. */
    public String range() {
        return String.format(Locale.ROOT, "%d-%d", min, max);
    }
}
