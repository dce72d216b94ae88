package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import java.util.Optional;

/**
 * A control of the classic editor with an amount: the thing the thinker turns up or down. Each knob knows the
 * {@link Metric} it mainly moves and how fast ({@link #slope()}: metric units per amount unit, so that a missing
 * {@code Δm} asks for {@code Δm / slope} more), its valid amounts, and how to read and write its {@link Action}.
 */
public enum Knob {
    BRIGHTNESS(Metric.BRIGHTNESS, 0.01, -95, 95, "brightness"),
    CONTRAST(Metric.CONTRAST, 0.01, -90, 150, "contrast"),
    SATURATION(Metric.SATURATION, 0.01, -100, 200, "saturation"),
    WARMTH(Metric.WARMTH, 0.01, -100, 100, "warmth"),
    HUE(Metric.HUE, 1, -180, 180, "hue"),
    EXPOSURE(Metric.EXPOSURE, 1, -4, 4, "exposure"),
    GRAYSCALE(Metric.DESATURATION, 0.01, 5, 100, "black and white"),
    SEPIA(Metric.SEPIA, 0.01, 5, 100, "sepia"),
    INVERT(Metric.INVERSION, 0.01, 5, 100, "inversion"),
    TINT(Metric.TINT, 0.01, 3, 100, "tint"),
    VIGNETTE(Metric.VIGNETTE, Calibration.VIGNETTE_PER_PERCENT, 5, 100, "vignette"),
    GRAIN(Metric.GRAIN, Calibration.GRAIN_PER_PERCENT, 3, 100, "film grain"),
    BLUR(Metric.BLUR, Calibration.BLUR_PER_PERCENT, 2, 100, "blur"),
    SHARPEN(Metric.SHARPNESS, Calibration.SHARPEN_PER_PERCENT, 5, 100, "sharpening"),
    HDR(Metric.DETAIL, Calibration.HDR_PER_PERCENT, 5, 100, "detail enhancement"),
    TILT_SHIFT(Metric.DETAIL, Calibration.TILT_SHIFT_PER_PERCENT, 10, 100, "tilt-shift"),
    PIXEL_ART(Metric.BLOCK_SIZE, 1, 2, 256, "pixel art"),
    POSTERIZE(Metric.LEVELS, 1, 2, 64, "posterize"),
    WATERCOLOR(Metric.SHARPNESS, Calibration.WATERCOLOR_PER_PERCENT, 10, 100, "watercolor"),
    CARTOON(null, 0, 10, 100, "cartoon"),
    PENCIL_SKETCH(Metric.DESATURATION, 0.0095, 10, 100, "pencil sketch");

    private final Metric metric;
    private final double slope;
    private final double min;
    private final double max;
    private final String label;

    Knob(Metric metric, double slope, double min, double max, String label) {
        this.metric = metric;
        this.slope = slope;
        this.min = min;
        this.max = max;
        this.label = label;
    }

    /** The metric this knob mainly moves, or null when no single metric reads it. */
    public Metric metric() {
        return metric;
    }

    /** Metric units per amount unit (0 when there is no metric). */
    public double slope() {
        return slope;
    }

    public String label() {
        return label;
    }

    /** Whether the amount may be negative (tone adjustments). */
    public boolean signed() {
        return min < 0;
    }

    /** The knob of an action, if it has an adjustable amount. */
    public static Optional<Knob> of(Action action) {
        return Optional.ofNullable(
                switch (action) {
                    case Action.Adjust a ->
                        switch (a.tone()) {
                            case BRIGHTNESS -> BRIGHTNESS;
                            case CONTRAST -> CONTRAST;
                            case SATURATION -> SATURATION;
                            case WARMTH -> WARMTH;
                            case HUE -> HUE;
                            case EXPOSURE -> EXPOSURE;
                        };
                    case Action.ColorFilter f ->
                        switch (f.filter()) {
                            case GRAYSCALE -> GRAYSCALE;
                            case SEPIA -> SEPIA;
                            case INVERT -> INVERT;
                        };
                    case Action.Tint t -> TINT;
                    case Action.Posterize p -> POSTERIZE;
                    case Action.Stylize s ->
                        switch (s.style()) {
                            case PENCIL_SKETCH -> PENCIL_SKETCH;
                            case WATERCOLOR -> WATERCOLOR;
                            case CARTOON -> CARTOON;
                            case PIXEL_ART -> PIXEL_ART;
                            case HDR -> HDR;
                            case BLUR -> BLUR;
                            case SHARPEN -> SHARPEN;
                            case TILT_SHIFT -> TILT_SHIFT;
                            case VIGNETTE -> VIGNETTE;
                            case FILM_GRAIN -> GRAIN;
                        };
                    default -> null;
                });
    }

    /** The amount of an action of this knob (percent, degrees, stops, pixels or levels). */
    public double amount(Action action) {
        return switch (action) {
            case Action.Adjust a -> a.amount();
            case Action.ColorFilter f -> f.strength();
            case Action.Tint t -> t.strength();
            case Action.Posterize p -> p.levels();
            case Action.Stylize s -> s.strength();
            default -> throw new IllegalArgumentException("no amount in " + action);
        };
    }

    /** The region an action of this knob applies to. */
    public static Region region(Action action) {
        return switch (action) {
            case Action.Adjust a -> a.region();
            case Action.ColorFilter f -> f.region();
            case Action.Tint t -> t.region();
            case Action.Posterize p -> p.region();
            case Action.Stylize s -> s.region();
            default -> Region.WHOLE;
        };
    }

    /** The tint color of a tint action, else null. */
    public static NamedColor color(Action action) {
        return action instanceof Action.Tint t ? t.color() : null;
    }

    /** Rounds and clamps an amount to what this knob accepts; empty when it rounds to no change. */
    public Optional<Double> fit(double amount) {
        double rounded = this == EXPOSURE ? Math.round(amount * 10) / 10.0 : Math.round(amount);
        rounded = Math.max(min, Math.min(max, rounded));
        if (signed() && Math.abs(rounded) < (this == EXPOSURE ? 0.1 : 1)) {
            return Optional.empty();
        }
        return Optional.of(rounded);
    }

    /** A new action of this knob with the given amount (fitted), region and tint color. */
    public Optional<Action> make(double amount, Region region, NamedColor color) {
        return fit(amount).map(a -> build(a, region, color));
    }

    /** The same action with another amount (fitted); empty when the amount fits to nothing. */
    public Optional<Action> with(Action action, double amount) {
        return make(amount, region(action), color(action));
    }

    private Action build(double a, Region region, NamedColor color) {
        return switch (this) {
            case BRIGHTNESS -> new Action.Adjust(Tone.BRIGHTNESS, a, region);
            case CONTRAST -> new Action.Adjust(Tone.CONTRAST, a, region);
            case SATURATION -> new Action.Adjust(Tone.SATURATION, a, region);
            case WARMTH -> new Action.Adjust(Tone.WARMTH, a, region);
            case HUE -> new Action.Adjust(Tone.HUE, a, region);
            case EXPOSURE -> new Action.Adjust(Tone.EXPOSURE, a, region);
            case GRAYSCALE -> new Action.ColorFilter(Filter.GRAYSCALE, a, region);
            case SEPIA -> new Action.ColorFilter(Filter.SEPIA, a, region);
            case INVERT -> new Action.ColorFilter(Filter.INVERT, a, region);
            case TINT -> new Action.Tint(color == null ? NamedColor.of("orange") : color, a, region);
            case POSTERIZE -> new Action.Posterize((int) a, region);
            case VIGNETTE -> new Action.Stylize(Style.VIGNETTE, a, region);
            case GRAIN -> new Action.Stylize(Style.FILM_GRAIN, a, region);
            case BLUR -> new Action.Stylize(Style.BLUR, a, region);
            case SHARPEN -> new Action.Stylize(Style.SHARPEN, a, region);
            case HDR -> new Action.Stylize(Style.HDR, a, region);
            case TILT_SHIFT -> new Action.Stylize(Style.TILT_SHIFT, a, region);
            case PIXEL_ART -> new Action.Stylize(Style.PIXEL_ART, a, region);
            case WATERCOLOR -> new Action.Stylize(Style.WATERCOLOR, a, region);
            case CARTOON -> new Action.Stylize(Style.CARTOON, a, region);
            case PENCIL_SKETCH -> new Action.Stylize(Style.PENCIL_SKETCH, a, region);
        };
    }

    /** Whether two actions are the same control: same knob, region and (for tints) color. */
    public static boolean sameControl(Action a, Action b) {
        Optional<Knob> ka = of(a);
        return ka.isPresent()
                && ka.equals(of(b))
                && region(a) == region(b)
                && java.util.Objects.equals(color(a), color(b));
    }
}
