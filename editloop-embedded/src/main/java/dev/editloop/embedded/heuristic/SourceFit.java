package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.Measurements;
import dev.editloop.embedded.measure.Zone;
import java.util.Locale;

/**
 * How an expected {@link Effect} stands on a particular source before any edit: it {@link Kind#APPLIES applies}
 * (the usual case: measure the change), the source {@link Kind#ALREADY already} has the target state (muted colors
 * on a grey photo, "darker" on a nearly black one), or it {@link Kind#CANNOT cannot} happen on this source (more
 * saturation or a hue shift on a grey photo). A relative reading is meaningless in the last two cases (the change of
 * a quantity that is about zero), so an {@code ALREADY} effect is read absolutely: the edit must stay within a
 * bound ({@link #holds}), e.g. its mean chroma under a "muted" ceiling; a {@code CANNOT} effect is not measured and
 * does not count.
 *
 * @param kind how the effect stands
 * @param reason why, in words ("already muted in the source (mean chroma 0.0 levels)"), null when it applies
 * @param bound the bound the edit's absolute reading must respect for {@code ALREADY}
 * @param upper whether the bound is a ceiling (else a floor)
 */
public record SourceFit(Kind kind, String reason, double bound, boolean upper) {
    /** How an effect stands on a source. */
    public enum Kind {
        APPLIES,
        ALREADY,
        CANNOT
    }

    /** Mean chroma (levels) of an edit of a grey source that still reads as muted: a cool or warm cast, no more. */
    static final double MUTED_CHROMA = 40;
    /** Mean luma under which a source is already dark: "darker" asks nothing more of it. */
    static final double DARK_LUMA = 40;
    /** Mean luma over which a source is already bright. */
    static final double BRIGHT_LUMA = 225;
    /** How far (levels of mean luma) an already dark or bright source may move the wrong way and still hold. */
    static final double LUMA_SLACK = 4;

    static final SourceFit APPLIES = new SourceFit(Kind.APPLIES, null, Double.NaN, true);

    /** How an effect stands on a source. */
    static SourceFit of(Effect effect, Analysis source) {
        Metric metric = effect.metric();
        Zone zone = effect.zone();
        switch (metric) {
            case SATURATION, DESATURATION, HUE -> {
                double chroma = Measurements.meanChroma(source, zone);
                if (!(chroma < Comparison.GREY_CHROMA)) {
                    return APPLIES;
                }
                String grey = String.format(Locale.ROOT, "mean chroma %.1f levels", chroma);
                if (metric == Metric.HUE) {
                    return new SourceFit(
                            Kind.CANNOT, "the source has no color whose hue could shift (" + grey + ")", 0, true);
                }
                boolean less = metric == Metric.DESATURATION ? effect.upward() : !effect.upward();
                if (!less) {
                    return new SourceFit(Kind.CANNOT, "the source has no color to saturate (" + grey + ")", 0, true);
                }
                return metric == Metric.DESATURATION
                        ? new SourceFit(
                                Kind.ALREADY,
                                "already black and white in the source (" + grey + ")",
                                Comparison.GREY_CHROMA,
                                true)
                        : new SourceFit(Kind.ALREADY, "already muted in the source (" + grey + ")", MUTED_CHROMA, true);
            }
            case BRIGHTNESS, EXPOSURE -> {
                double luma = Measurements.meanLuma(source, zone);
                if (!effect.upward() && luma < DARK_LUMA) {
                    return new SourceFit(
                            Kind.ALREADY,
                            String.format(Locale.ROOT, "already dark in the source (mean luma %.0f)", luma),
                            luma + LUMA_SLACK,
                            true);
                }
                if (effect.upward() && luma > BRIGHT_LUMA) {
                    return new SourceFit(
                            Kind.ALREADY,
                            String.format(Locale.ROOT, "already bright in the source (mean luma %.0f)", luma),
                            luma - LUMA_SLACK,
                            false);
                }
                return APPLIES;
            }
            case COLOR_LOSS -> {
                // removing or recoloring a named colour the source does not show: nothing can be removed, and an
                // unchanged picture must not read as the colour gone
                double share = effect.color() == null ? 1 : Measurements.colorAreaShare(source, zone, effect.color());
                if (share >= 0.005) {
                    return APPLIES;
                }
                return new SourceFit(
                        Kind.CANNOT,
                        String.format(
                                Locale.ROOT,
                                "the source shows no %s (%.1f%% of the pixels)",
                                effect.color().name().toLowerCase(Locale.ROOT),
                                share * 100),
                        0,
                        true);
            }
            case SELECTION_CHANGE -> {
                // a thing of a colour the source does not show: nothing can be recoloured or removed
                if (effect.color() == null
                        || Metric.selected(source, effect.color(), effect.zone().region())
                                .isPresent()) {
                    return APPLIES;
                }
                return new SourceFit(
                        Kind.CANNOT,
                        "the source shows no " + effect.color().name().toLowerCase(Locale.ROOT) + " object"
                                + effect.zone().region().suffix(),
                        0,
                        true);
            }
            default -> {
                return APPLIES;
            }
        }
    }

    /** The absolute reading an {@code ALREADY} effect is held to: the edit's mean chroma or mean luma in the zone. */
    double measure(Effect effect, Comparison c) {
        return switch (effect.metric()) {
            case BRIGHTNESS, EXPOSURE -> Measurements.meanLuma(c.aligned(), effect.zone());
            default -> Measurements.meanChroma(c.aligned(), effect.zone());
        };
    }

    /** Whether an absolute reading respects the bound. */
    boolean holds(double absolute) {
        return upper ? absolute <= bound : absolute >= bound;
    }

    /**
     * Achievement of an {@code ALREADY} effect: 1 while the bound holds, then falling from {@link Effect#EDGE} to 0
     * as the edit moves away (by the bound again for chroma, by 40 levels for luma).
     */
    double achievement(Effect effect, double absolute) {
        if (Double.isNaN(absolute)) {
            return Double.NaN;
        }
        if (holds(absolute)) {
            return 1;
        }
        double scale = effect.metric() == Metric.BRIGHTNESS || effect.metric() == Metric.EXPOSURE
                ? 40
                : Math.max(Comparison.GREY_CHROMA, bound);
        return Effect.EDGE * Math.max(0, 1 - Math.abs(absolute - bound) / scale);
    }

    /** "mean chroma 28 levels (muted: at most 40)". */
    String describe(Effect effect, double absolute) {
        boolean luma = effect.metric() == Metric.BRIGHTNESS || effect.metric() == Metric.EXPOSURE;
        return String.format(
                Locale.ROOT,
                "%s %.0f%s (%s %.0f)",
                luma ? "mean luma" : "mean chroma",
                absolute,
                luma ? "" : " levels",
                upper ? "at most" : "at least",
                bound);
    }
}
