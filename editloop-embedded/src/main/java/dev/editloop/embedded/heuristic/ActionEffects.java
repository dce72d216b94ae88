package dev.editloop.embedded.heuristic;

import static dev.editloop.embedded.heuristic.Metric.BLOCK_SIZE;
import static dev.editloop.embedded.heuristic.Metric.BLUR;
import static dev.editloop.embedded.heuristic.Metric.BRIGHTNESS;
import static dev.editloop.embedded.heuristic.Metric.CHANGE;
import static dev.editloop.embedded.heuristic.Metric.COLOR_GAIN;
import static dev.editloop.embedded.heuristic.Metric.COLOR_LOSS;
import static dev.editloop.embedded.heuristic.Metric.CONTRAST;
import static dev.editloop.embedded.heuristic.Metric.DESATURATION;
import static dev.editloop.embedded.heuristic.Metric.DETAIL;
import static dev.editloop.embedded.heuristic.Metric.EXPOSURE;
import static dev.editloop.embedded.heuristic.Metric.FLATNESS;
import static dev.editloop.embedded.heuristic.Metric.GEOMETRY;
import static dev.editloop.embedded.heuristic.Metric.GRAIN;
import static dev.editloop.embedded.heuristic.Metric.HUE;
import static dev.editloop.embedded.heuristic.Metric.INVERSION;
import static dev.editloop.embedded.heuristic.Metric.LEVELS;
import static dev.editloop.embedded.heuristic.Metric.SATURATION;
import static dev.editloop.embedded.heuristic.Metric.SEPIA;
import static dev.editloop.embedded.heuristic.Metric.SHARPNESS;
import static dev.editloop.embedded.heuristic.Metric.STRUCTURE_LOSS;
import static dev.editloop.embedded.heuristic.Metric.TINT;
import static dev.editloop.embedded.heuristic.Metric.VIGNETTE;
import static dev.editloop.embedded.heuristic.Metric.WARMTH;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.measure.Zone;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What each concrete action of the classic editor should do to the pixels: its expected {@link Effect}s, and the
 * metrics it may move as a side effect ({@link #touched}), which therefore do not count as "something else changed".
 */
public final class ActionEffects {
    private static final Set<Metric> TONE = EnumSet.of(BRIGHTNESS, CONTRAST, SATURATION, WARMTH, EXPOSURE, VIGNETTE);
    private static final Set<Metric> COLOR = EnumSet.of(SATURATION, WARMTH, HUE, TINT, SEPIA, DESATURATION);
    private static final Set<Metric> TEXTURE = EnumSet.of(GRAIN, BLUR, SHARPNESS, DETAIL, STRUCTURE_LOSS, FLATNESS);

    private ActionEffects() {}

    /** Whether an action changes the image's geometry (size, orientation, framing). */
    public static boolean geometric(Action action) {
        return action instanceof Action.Rotate
                || action instanceof Action.Flip
                || action instanceof Action.CropRegion
                || action instanceof Action.CropAspect
                || action instanceof Action.Zoom
                || action instanceof Action.Resize
                || action instanceof Action.Scale
                || action instanceof Action.Border;
    }

    /** The region text at a position lands in. */
    public static Region region(Action.Position position) {
        return switch (position) {
            case TOP -> Region.TOP_THIRD;
            case BOTTOM -> Region.BOTTOM_THIRD;
            case CENTER -> Region.CENTER;
            case TOP_LEFT -> Region.TOP_LEFT;
            case TOP_RIGHT -> Region.TOP_RIGHT;
            case BOTTOM_LEFT -> Region.BOTTOM_LEFT;
            case BOTTOM_RIGHT -> Region.BOTTOM_RIGHT;
        };
    }

    /** The region an action is confined to, or WHOLE when it acts on the whole image or on no fixed place. */
    public static Region confinedTo(Action action) {
        return switch (action) {
            case Action.RemoveRegion r -> r.region();
            case Action.AddText t -> region(t.position());
            default -> Knob.of(action).isPresent() ? Knob.region(action) : Region.WHOLE;
        };
    }

    /**
     * The expected effects of one action. {@code explicit} says whether the request gave the amount (a number):
     * then the target range is ±30–40% around it, otherwise wide.
     */
    public static List<Effect> of(Action action, boolean explicit) {
        double lo = explicit ? 0.7 : 0.35;
        double hi = explicit ? 1.4 : 2.5;
        List<Effect> out = new ArrayList<>();
        switch (action) {
            case Action.Adjust a -> {
                Knob knob = Knob.of(a).orElseThrow();
                double ideal = a.amount() * knob.slope();
                out.add(new Effect(knob.metric(), Zone.in(a.region()), null, ideal * lo, ideal, ideal * hi, 1, knob));
            }
            case Action.ColorFilter f -> {
                Knob knob = Knob.of(f).orElseThrow();
                double ideal = f.strength() / 100 * (f.filter() == Action.Filter.SEPIA ? 0.95 : 1);
                double far = ideal >= 0.9 ? 1.02 + ideal - 0.9 : Math.min(ideal * hi, 1.02);
                double near = ideal >= 0.9 ? Math.min(0.85, ideal * 0.9) : ideal * lo;
                out.add(new Effect(knob.metric(), Zone.in(f.region()), null, near, ideal, far, 1, knob));
            }
            case Action.Tint t -> {
                double ideal = t.strength() / 100;
                out.add(new Effect(TINT, Zone.in(t.region()), t.color(), ideal * lo, ideal, ideal * hi, 1, Knob.TINT));
            }
            case Action.Posterize p -> {
                double n = p.levels();
                out.add(new Effect(
                        LEVELS,
                        Zone.in(p.region()),
                        null,
                        Math.max(n + 3, n * 1.6),
                        n,
                        Math.max(1.2, n - 1.5),
                        1,
                        Knob.POSTERIZE));
            }
            case Action.Stylize s -> out.addAll(style(s, lo, hi));
            case Action.Recolor r -> {
                out.add(new Effect(COLOR_LOSS, Zone.WHOLE, r.from(), 0.45, 0.9, 1.02, 1, null));
                out.add(new Effect(COLOR_GAIN, Zone.WHOLE, r.to(), 0.003, 0.03, 1.0, 0.5, null));
            }
            case Action.RemoveColored r ->
                out.add(new Effect(COLOR_LOSS, Zone.WHOLE, r.color(), 0.6, 0.95, 1.02, 1, null));
            case Action.RemoveRegion r ->
                out.add(new Effect(CHANGE, Zone.in(r.region()), null, 0.05, 0.4, 1.01, 1, null));
            case Action.Background b -> {
                if (b.color() == null) {
                    out.add(new Effect(SHARPNESS, Zone.outside(Region.CENTER), null, -0.3, -1.5, -10, 1, null));
                } else {
                    out.add(new Effect(COLOR_GAIN, Zone.WHOLE, b.color(), 0.08, 0.35, 0.95, 1, null));
                }
            }
            case Action.AddText t -> {
                Zone zone = Zone.in(region(t.position()));
                // text changes a part of its zone; other edits of the same request may change all of it
                out.add(new Effect(CHANGE, zone, null, 0.005, 0.06, 1.01, 0.5, null));
                out.add(new Effect(COLOR_GAIN, zone, t.color(), 0.001, 0.02, 0.6, 0.5, null));
            }
            default -> {
                // geometry: one GEOMETRY effect for all geometric actions, added by the intent
            }
        }
        return out;
    }

    private static List<Effect> style(Action.Stylize s, double lo, double hi) {
        Knob knob = Knob.of(s).orElseThrow();
        Zone zone = Zone.in(s.region());
        double ideal = s.strength() * knob.slope();
        double k = s.strength() / 100;
        return switch (s.style()) {
            case VIGNETTE, FILM_GRAIN, BLUR, HDR, SHARPEN ->
                List.of(new Effect(knob.metric(), zone, null, ideal * lo, ideal, ideal * hi, 1, knob));
            case TILT_SHIFT ->
                List.of(
                        new Effect(DETAIL, Zone.in(Region.TOP_THIRD), null, ideal * lo * 0.5, ideal, -1.05, 0.5, knob),
                        new Effect(
                                DETAIL, Zone.in(Region.BOTTOM_THIRD), null, ideal * lo * 0.5, ideal, -1.05, 0.5, knob));
            case PIXEL_ART ->
                List.of(new Effect(
                        BLOCK_SIZE, zone, null, 0.7 * s.strength(), s.strength(), 25 * s.strength(), 1, knob));
            case WATERCOLOR -> List.of(new Effect(SHARPNESS, zone, null, ideal * lo * 0.5, ideal, ideal * 4, 1, knob));
            case CARTOON -> List.of(new Effect(LEVELS, zone, null, 24, 8, 2, 1, knob));
            case PENCIL_SKETCH ->
                List.of(
                        new Effect(DESATURATION, zone, null, 0.7 * k, 0.95 * k, 1.02, 1, knob),
                        new Effect(BRIGHTNESS, zone, null, 0.03 * k, 0.3 * k, 1.02, 0.5, null));
        };
    }

    /** The metrics an action moves, on purpose or as a side effect. */
    public static Set<Metric> touched(Action action) {
        Set<Metric> out = EnumSet.noneOf(Metric.class);
        switch (action) {
            case Action.Adjust a -> {
                out.addAll(TONE);
                if (a.tone() == Action.Tone.WARMTH || a.tone() == Action.Tone.HUE) {
                    out.addAll(COLOR);
                }
            }
            case Action.ColorFilter f -> {
                out.addAll(COLOR);
                if (f.filter() != Action.Filter.GRAYSCALE) {
                    out.addAll(TONE);
                    out.add(HUE);
                }
                if (f.filter() == Action.Filter.INVERT) {
                    out.add(INVERSION);
                    out.add(STRUCTURE_LOSS);
                }
            }
            case Action.Tint t -> {
                out.addAll(COLOR);
                out.addAll(TONE);
            }
            case Action.Posterize p -> {
                out.addAll(TONE);
                out.addAll(COLOR);
                out.addAll(TEXTURE);
                out.add(LEVELS);
            }
            case Action.Stylize s -> {
                switch (s.style()) {
                    case VIGNETTE -> {
                        out.add(VIGNETTE);
                        out.add(BRIGHTNESS);
                        out.add(CONTRAST);
                        out.add(EXPOSURE);
                    }
                    case FILM_GRAIN -> {
                        out.addAll(TEXTURE);
                        out.add(CONTRAST);
                        out.add(LEVELS);
                    }
                    case BLUR, SHARPEN, HDR -> {
                        out.addAll(TEXTURE);
                        out.add(CONTRAST);
                        out.add(SATURATION);
                    }
                    case TILT_SHIFT -> {
                        // its saturation boost moves what a saturation step moves (brightness, the warm cast)
                        out.addAll(TEXTURE);
                        out.addAll(TONE);
                    }
                    default -> {
                        out.addAll(TONE);
                        out.addAll(COLOR);
                        out.addAll(TEXTURE);
                        out.add(LEVELS);
                        out.add(BLOCK_SIZE);
                    }
                }
            }
            case Action.Recolor r -> {
                out.addAll(COLOR);
                out.add(BRIGHTNESS);
                out.add(COLOR_LOSS);
                out.add(COLOR_GAIN);
            }
            default -> {
                if (geometric(action)) {
                    // measured against the source transformed the same way; resampling softens and denoises
                    out.add(GEOMETRY);
                    out.addAll(TEXTURE);
                } else {
                    // removal, background, text: confined or structural changes, checked by their own effects
                    out.addAll(EnumSet.allOf(Metric.class));
                }
            }
        }
        return out;
    }
}
