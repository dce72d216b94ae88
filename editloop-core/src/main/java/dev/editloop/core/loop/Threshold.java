package dev.editloop.core.loop;

import dev.editloop.core.Critique;
import dev.editloop.core.InvalidInputException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * When a critique is good enough: both scores at least {@code value} (the default stop rule, SC ≥ 8 and PQ ≥ 8), the
 * overall score sqrt(SC·PQ) at least {@code value}, or semantic consistency alone at least {@code value}. The default
 * acceptance floor is both scores at least 5 (see {@link LoopRequest#accept()}).
 *
 * @param rule which scores are compared
 * @param value the threshold, 0–10
 */
public record Threshold(Rule rule, double value) {
    /** SC ≥ 8 and PQ ≥ 8. */
    public static final Threshold DEFAULT = new Threshold(Rule.BOTH, 8);

    /**
     * The default acceptance floor, SC ≥ 5 and PQ ≥ 5: under SC 5 the thinker says the request was mostly not carried
     * out, under PQ 5 that the picture looks broken (a smeared fill, a thing cut in two); either way the edit is not
     * handed over as the answer.
     */
    public static final Threshold ACCEPT_DEFAULT = new Threshold(Rule.BOTH, 5);

    /** Which scores a threshold compares. */
    public enum Rule {
        /** Semantic and quality each at least the value. */
        BOTH,
        /** sqrt(semantic·quality) at least the value. */
        OVERALL,
        /** Semantic consistency alone at least the value. */
        SEMANTIC;

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
     * Parses {@code 8} (both scores ≥ 8), {@code both:8}, {@code overall:7.5} or {@code sc:5} (semantic consistency
     * alone, also {@code semantic:5}).
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
                case "sc", "semantic" -> Rule.SEMANTIC;
                default ->
                    throw new InvalidInputException(
                            "unknown threshold rule '" + name + "' in '" + text + "' (use both:X, overall:X or sc:X)");
            };
            spec = spec.substring(colon + 1).trim();
        }
        try {
            return new Threshold(rule, Double.parseDouble(spec));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "threshold '" + text + "' is not a number (use e.g. 8, both:8, overall:7.5 or sc:5)", e);
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
            case SEMANTIC -> critique.semantic() >= value;
        };
    }

    @Override
    public String toString() {
        String number = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return switch (rule) {
            case BOTH -> "SC>=" + number + " and PQ>=" + number;
            case OVERALL -> "overall>=" + number;
            case SEMANTIC -> "SC>=" + number;
        };
    }
}
