package dev.editloop.core.loop;

import dev.editloop.core.Critique;
import dev.editloop.core.InvalidInputException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * When a critique is good enough to stop: both scores at least {@code value} (the default rule, SC ≥ 8 and PQ ≥ 8),
 * or the overall score sqrt(SC·PQ) at least {@code value}.
 *
 * @param rule which scores are compared
 * @param value the threshold, 0–10
 */
public record Threshold(Rule rule, double value) {
    /** SC ≥ 8 and PQ ≥ 8. */
    public static final Threshold DEFAULT = new Threshold(Rule.BOTH, 8);

    /** Which scores a threshold compares. */
    public enum Rule {
        /** Semantic and quality each at least the value. */
        BOTH,
        /** sqrt(semantic·quality) at least the value. */
        OVERALL;

        /** Lower-case name used in trajectories. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Threshold {
        if (rule == null) {
            throw new IllegalArgumentException("threshold rule is required");
        }
        if (Double.isNaN(value) || value < 0 || value > 10) {
            throw new InvalidInputException("threshold must be within 0..10, got " + value);
        }
    }

    /**
     * Parses {@code 8} (both scores ≥ 8), {@code both:8} or {@code overall:7.5}.
     *
     * @throws InvalidInputException when the text is not of those forms or the value is out of range
     */
    public static Threshold parse(String text) {
        String spec = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Rule rule = Rule.BOTH;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            String name = spec.substring(0, colon).trim();
            rule = switch (name) {
                case "both" -> Rule.BOTH;
                case "overall" -> Rule.OVERALL;
                default ->
                    throw new InvalidInputException(
                            "unknown threshold rule '" + name + "' in '" + text + "' (use both:X or overall:X)");
            };
            spec = spec.substring(colon + 1).trim();
        }
        try {
            return new Threshold(rule, Double.parseDouble(spec));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "threshold '" + text + "' is not a number (use e.g. 8, both:8 or overall:7.5)", e);
        }
    }

    /** Whether a critique reaches the threshold; an invalid critique never does. */
    public boolean met(Critique critique) {
        if (critique == null || !critique.valid()) {
            return false;
        }
        return switch (rule) {
            case BOTH -> critique.semantic() >= value && critique.quality() >= value;
            case OVERALL -> critique.overall() >= value;
        };
    }

    @Override
    public String toString() {
        String number = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return rule == Rule.BOTH ? "SC>=" + number + " and PQ>=" + number : "overall>=" + number;
    }
}
