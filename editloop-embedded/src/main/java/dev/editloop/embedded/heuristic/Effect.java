package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.Zone;
import java.util.Locale;
import java.util.Objects;

/**
 * An expected, measurable effect of an edit: a {@link Metric} on a {@link Zone} that should land between
 * {@code near} (just enough) and {@code far} (as much as is still right), best at {@code ideal}. The three may run
 * upward (near &lt; ideal &lt; far) or downward (posterizing to fewer levels, darkening).
 *
 * @param metric what is measured
 * @param zone where
 * @param color the color for color metrics, else null
 * @param near the weakest value that still counts as done
 * @param ideal the best value
 * @param far the strongest value that still counts as right
 * @param weight how much the effect counts in the score (1 primary, 0.5 secondary, 0.25 a touch)
 * @param knob the editor control that produces it, or null when none can be turned
 */
public record Effect(
        Metric metric, Zone zone, NamedColor color, double near, double ideal, double far, double weight, Knob knob) {

    /** How many times the near side's width the far side must reach to be shown as left open. */
    static final double OPEN = 50;

    /** Achievement at the edges of the target range; 1 at the ideal. */
    static final double EDGE = 0.85;

    public Effect {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(zone, "zone");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("an effect needs a positive weight");
        }
        boolean up = near < ideal && ideal < far;
        boolean down = near > ideal && ideal > far;
        if (!up && !down) {
            throw new IllegalArgumentException(
                    "near, ideal and far must be strictly ordered, got " + near + ", " + ideal + ", " + far);
        }
    }

    /** A whole-image effect. */
    public static Effect of(Metric metric, double near, double ideal, double far, double weight, Knob knob) {
        return new Effect(metric, Zone.WHOLE, null, near, ideal, far, weight, knob);
    }

    /** The same effect in another zone. */
    public Effect in(Zone other) {
        return new Effect(metric, other, color, near, ideal, far, weight, knob);
    }

    /** The same effect with another weight. */
    public Effect weighted(double w) {
        return new Effect(metric, zone, color, near, ideal, far, w, knob);
    }

    /** Whether stronger means a larger value. */
    public boolean upward() {
        return far > near;
    }

    /** "sepia tone", "tint orange in the top third". */
    public String label() {
        String base = metric.label(color);
        return zone.whole() ? base : base + " in " + zone.phrase();
    }

    /**
     * Measures the effect (NaN when it does not apply). A hue shift is an angle: it is read on the turn nearest the
     * ideal, so that half a turn asked one way and measured the other way (+180° and −180° are the same colours) is done.
     */
    public double measure(Comparison c) {
        double measured = metric.measure(c, zone, color);
        if (metric == Metric.HUE && !Double.isNaN(measured)) {
            while (measured - ideal > 180) {
                measured -= 360;
            }
            while (ideal - measured > 180) {
                measured += 360;
            }
        }
        return measured;
    }

    /**
     * How far the effect was achieved, 0–1: 1 at the ideal, {@value #EDGE} at near and far, falling linearly to 0
     * toward "nothing done" below near, and toward 0 above far (0 at far + 0.83·(far − ideal)). NaN when the
     * measurement is NaN.
     */
    public double achievement(double measured, double baseline) {
        if (Double.isNaN(measured)) {
            return Double.NaN;
        }
        double span = far - near;
        double t = (measured - near) / span;
        double ti = (ideal - near) / span;
        if (t >= 0 && t <= 1) {
            double off = t < ti ? (ti - t) / ti : (t - ti) / (1 - ti);
            return 1 - (1 - EDGE) * off;
        }
        if (t < 0) {
            double denominator = near - baseline;
            double fraction = Math.abs(denominator) < 1e-12 ? 0 : (measured - baseline) / denominator;
            return EDGE * Math.max(0, Math.min(1, fraction));
        }
        double over = (measured - far) / (far - ideal);
        return EDGE * Math.max(0, 1 - 1.2 * over);
    }

    /** Where a measured value stands: below, within or beyond the target range. */
    public Standing standing(double measured) {
        if (Double.isNaN(measured)) {
            return Standing.NOT_APPLICABLE;
        }
        double t = (measured - near) / (far - near);
        if (t < 0) {
            return Standing.WEAK;
        }
        if (t > 1) {
            return Standing.STRONG;
        }
        return Standing.ON_TARGET;
    }

    /** Where a measurement stands relative to the target range. */
    public enum Standing {
        WEAK("too weak"),
        ON_TARGET("on target"),
        STRONG("too strong"),
        NOT_APPLICABLE("does not apply"),
        /** The source already had the target state and the edit kept it ({@link SourceFit.Kind#ALREADY}). */
        ALREADY("already so in the source"),
        /** The source already had the target state, but other steps of the edit moved it away. */
        LOST("lost by other steps");

        private final String words;

        Standing(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** "target +5%…+40%, ideal +15%"; "target at least +5%, ideal +15%" when the far end is left open. */
    public String target() {
        if (Math.abs(far - ideal) > OPEN * Math.abs(ideal - near)) {
            return String.format(
                    Locale.ROOT,
                    "target at %s %s, ideal %s",
                    upward() ? "least" : "most",
                    metric.format(near),
                    metric.format(ideal));
        }
        double lo = Math.min(near, far);
        double hi = Math.max(near, far);
        return String.format(
                Locale.ROOT, "target %s…%s, ideal %s", metric.format(lo), metric.format(hi), metric.format(ideal));
    }
}
