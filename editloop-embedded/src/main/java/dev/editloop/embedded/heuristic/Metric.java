package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.Measurements;
import dev.editloop.embedded.measure.Zone;
import java.util.Locale;

/**
 * A measurable change between a source and its edit, read on a {@link Comparison}. Percent-scaled metrics read the
 * classic editor's amounts back as fractions (brightness +20% reads 0.20); each constant states its scale.
 */
public enum Metric {
    /** Brightness lift or cut as the editor's fraction ({@link Comparison#brightnessChange}). */
    BRIGHTNESS("brightness", Unit.PERCENT),
    /** Change of the luma coefficient of variation, vignette and clipping left out ({@link Comparison#contrastChange}). */
    CONTRAST("contrast", Unit.PERCENT),
    /** Mean chroma ratio minus 1. */
    SATURATION("saturation", Unit.PERCENT),
    /** Change of mean R−B over 80 levels. */
    WARMTH("warmth", Unit.PERCENT),
    /** Circular mean hue shift in degrees. */
    HUE("hue shift", Unit.DEGREES),
    /** Change of mean linear luminance in stops. */
    EXPOSURE("exposure", Unit.STOPS),
    /** Fraction of chroma removed (black and white). */
    DESATURATION("black and white", Unit.PERCENT),
    /** Move toward a full sepia toning (0 none, 1 full). */
    SEPIA("sepia tone", Unit.PERCENT),
    /** Inversion strength (0 none, 1 full). */
    INVERSION("inversion", Unit.PERCENT),
    /** Blend toward a named color, times two (the editor's tint percent). */
    TINT("tint", Unit.PERCENT),
    /** Corner darkening relative to the center. */
    VIGNETTE("vignette", Unit.PERCENT),
    /** Added luma noise over 30 levels (the editor's grain percent at σ = s/100 · 30). */
    GRAIN("film grain", Unit.PERCENT),
    /** Best-fit Gaussian blur σ over min(w, h)/60 (the editor's blur percent). */
    BLUR("blur", Unit.PERCENT),
    /** Sharpness change in stops (log2 of the Laplacian variance ratio). */
    SHARPNESS("sharpness", Unit.STOPS),
    /** Local detail ratio minus 1. */
    DETAIL("local detail", Unit.PERCENT),
    /** Mean run length of identical pixels in the edit (original pixels); baseline: the source's. */
    BLOCK_SIZE("pixel block size", Unit.PIXELS),
    /** Distinct tone levels per channel in the edit; baseline: the source's. */
    LEVELS("tone levels", Unit.COUNT),
    /** Increase of the fraction of identical neighbouring pixels. */
    FLATNESS("flat areas", Unit.PERCENT),
    /** Fraction of the source's pixels of a color that lost it (1 − after/before); n/a without that color. */
    COLOR_LOSS("loss of", Unit.PERCENT),
    /** Increase of the fraction of pixels of a color. */
    COLOR_GAIN("gain of", Unit.PERCENT),
    /** Fraction of pixels changed by more than 12 levels. */
    CHANGE("changed pixels", Unit.PERCENT),
    /** One minus the mean SSIM structure term: how much of the content's structure is gone. */
    STRUCTURE_LOSS("structure lost", Unit.PERCENT),
    /**
     * Luma correlation of the edit with the source transformed as asked (rotated, flipped, cropped…), 1 when it
     * matches; halved when the size is wrong.
     */
    GEOMETRY("match to the expected geometry", Unit.PERCENT);

    /** How a metric's values are written. */
    public enum Unit {
        PERCENT,
        DEGREES,
        STOPS,
        PIXELS,
        COUNT
    }

    private final String label;
    private final Unit unit;

    Metric(String label, Unit unit) {
        this.label = label;
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }

    /** A short name, with the color for color metrics ("tint orange", "loss of green"). */
    public String label(NamedColor color) {
        return color == null ? label : label + " " + color.name();
    }

    /** The value this metric reads when nothing was done (0, or the source's own value for absolute metrics). */
    public double baseline(Comparison c, Zone zone) {
        return switch (this) {
            case BLOCK_SIZE -> Measurements.blockSize(c.source(), zone);
            case LEVELS -> Measurements.levels(c.source(), zone);
            default -> 0;
        };
    }

    /**
     * Measures this metric on a comparison. For GEOMETRY the comparison's source must be the source transformed as
     * asked ({@link Evaluator} builds it so); the size check is the evaluator's. {@code NaN} when the metric does not apply (e.g. the loss of a color the source lacks).
     */
    public double measure(Comparison c, Zone zone, NamedColor color) {
        return switch (this) {
            case BRIGHTNESS -> c.brightnessChange(zone);
            case CONTRAST -> c.contrastChange(zone);
            case SATURATION -> c.saturationChange(zone);
            case WARMTH -> c.warmthChange(zone);
            case HUE -> c.hueShift(zone);
            case EXPOSURE -> c.exposureChange(zone);
            case DESATURATION -> c.desaturation(zone);
            case SEPIA -> c.sepiaShift(zone);
            case INVERSION -> c.inversion(zone);
            case TINT -> c.tint(color, zone);
            case VIGNETTE -> c.vignetteChange();
            case GRAIN -> c.addedNoise(zone) / 30.0;
            case BLUR ->
                c.blurSigma(zone)
                        * 60.0
                        / Math.min(c.source().width(), c.source().height());
            case SHARPNESS -> c.sharpnessChange(zone);
            case DETAIL -> c.detailChange(zone);
            case BLOCK_SIZE -> Measurements.blockSize(c.edited(), zone);
            case LEVELS -> Measurements.levels(c.edited(), zone);
            case FLATNESS -> Measurements.blockiness(c.edited(), zone) - Measurements.blockiness(c.source(), zone);
            case COLOR_LOSS -> {
                double before = Measurements.colorFraction(c.source(), zone, color);
                if (!(before >= 0.005)) {
                    yield Double.NaN;
                }
                double after = Measurements.colorFraction(c.aligned(), zone, color);
                yield 1 - after / before;
            }
            case COLOR_GAIN ->
                Measurements.colorFraction(c.aligned(), zone, color)
                        - Measurements.colorFraction(c.source(), zone, color);
            case CHANGE -> c.changedFraction(zone, 12);
            case STRUCTURE_LOSS -> 1 - c.structure(zone);
            case GEOMETRY -> Math.max(0, c.correlation(zone));
        };
    }

    /** Writes a value of this metric: "+20%", "−35°", "+0.5 stops", "12 px", "4 levels". */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return switch (unit) {
            case PERCENT -> String.format(Locale.ROOT, "%+.0f%%", value * 100);
            case DEGREES -> String.format(Locale.ROOT, "%+.0f°", value);
            case STOPS -> String.format(Locale.ROOT, "%+.2f stops", value);
            case PIXELS -> String.format(Locale.ROOT, "%.1f px", value);
            case COUNT -> String.format(Locale.ROOT, "%.0f levels", value);
        };
    }
}
