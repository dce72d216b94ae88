package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opencv.core.Mat;

/**
 * One operation of the classic editor, described in one place: the words it is known by, how its
 * action is written ({@link #phrase}), the OpenCV work ({@link #apply}), the knob the heuristic thinker turns
 * ({@link #control}) and what it does to the measurements ({@link #changes}, {@link #touched}). The editor, the
 * thinker, the judge and {@code editloop vocabulary} read these facts from here; {@link Operations} lists every
 * descriptor. A new operation is one implementation and one line in {@link Operations} (or a call to {@link
 * Operations#register}); its actions are {@link Action.Apply} unless it reads an older action record.
 */
public interface Operation {
    /** The metrics a global tone change moves. */
    Set<Metric> TONE = Collections.unmodifiableSet(EnumSet.of(
            Metric.BRIGHTNESS, Metric.CONTRAST, Metric.SATURATION, Metric.WARMTH, Metric.EXPOSURE, Metric.VIGNETTE));
    /** The metrics a color change moves. */
    Set<Metric> COLOR = Collections.unmodifiableSet(
            EnumSet.of(Metric.SATURATION, Metric.WARMTH, Metric.HUE, Metric.TINT, Metric.SEPIA, Metric.DESATURATION));
    /** The metrics a change of texture moves. */
    Set<Metric> TEXTURE = Collections.unmodifiableSet(EnumSet.of(
            Metric.GRAIN,
            Metric.BLUR,
            Metric.SHARPNESS,
            Metric.BACKGROUND_SHARPNESS,
            Metric.DETAIL,
            Metric.STRUCTURE_LOSS,
            Metric.FLATNESS));

    /**
     * The id: the knowledge base's knob name, lower case with dashes ({@code pixel-art}); upper-cased with {@code _} it is
     * the knob's name in code ({@code PIXEL_ART}).
     */
    String id();

    /** The family it is listed under. */
    Family family();

    /** The words people use for it; the first is its label (what the thinker's notes call the knob). */
    Words words();

    /** Whether an action is this operation's. */
    boolean reads(Action action);

    /** The canonical English phrase of an action of this operation, which the classic parser reads back. */
    String phrase(Action action);

    /**
     * Reads a clause that the classic parser's word tables left, in this operation's own words: how an operation
     * that the tables do not name yet is understood ({@link dev.editloop.embedded.classic.Instructions}). The
     * built-in operations are named in the tables and read nothing here.
     */
    default java.util.Optional<Action> read(String clause) {
        return java.util.Optional.empty();
    }

    /** What the result looks like on purpose, so that the quality checks do not count it as a defect. */
    default Set<Look> looks() {
        return Set.of();
    }

    /**
     * The expected changes of an action: what the judge measures. {@code lo} and {@code hi} widen the range around
     * the ideal (tight when the request gave a number, wide otherwise).
     */
    List<Change> changes(Action action, double lo, double hi);

    /** The metrics an action moves, on purpose or as a side effect (not counted as "something else changed"). */
    Set<Metric> touched(Action action);

    /** Where an action goes in a plan's processing order: geometry 0, color filters 10, content 20 … text 90. */
    int stage(Action action);

    /** Whether it changes the image's geometry (size, orientation, framing). */
    default boolean geometric() {
        return false;
    }

    /** The region an action is confined to, or WHOLE when it acts on the whole image or on no fixed place. */
    default Region confinedTo(Action action) {
        return Region.WHOLE;
    }

    /** Example actions for {@code editloop vocabulary}, listed with the family. */
    List<Action> examples();

    /** Further examples, listed after every operation's first ones. */
    default List<Action> moreExamples() {
        return List.of();
    }

    /**
     * An operation with an amount: the knob the heuristic thinker turns, done by the OpenCV work in {@link #apply} on
     * the whole image or a crop around its region. These are the operations one can add at run time ({@link
     * Operations#register}).
     */
    interface Adjustable extends Operation {
        /** The amount of an action of this operation (percent, degrees, stops, pixels or levels). */
        double amount(Action action);

        /** The region an action of this operation applies to. */
        Region region(Action action);

        /** The color of an action of this operation (a tint's), else null. */
        default NamedColor color(Action action) {
            return null;
        }

        /** A new action with an amount already fitted to the {@link #control}, a region and a color (tints). */
        Action make(double amount, Region region, NamedColor color);

        /**
         * The OpenCV work: the edited image (a new Mat the caller releases) of {@code src} (the whole image or a crop
         * around a region). {@code scale} is the shorter side of the whole image; {@code seed} feeds every random choice.
         */
        Mat apply(Mat src, Action action, int scale, long seed);

        /** Context the work needs around a region so that its edge looks like the global effect's (pixels). */
        default int margin(Action action, int scale) {
            return 0;
        }

        /**
         * The eased amount when the judge sees a defect this operation causes at that amount (clipping from a contrast
         * boost, noise from grain…), or null when it does not cause it. {@code measured}: the defect's reading.
         */
        default Double ease(Defect defect, double amount, double measured) {
            return null;
        }

        /** Whether an action of this operation has a color of its own (a tint). */
        default boolean takesColor() {
            return false;
        }

        /**
         * The operation whose further step takes back an overshoot of this one in reflect mode (this one, unless its
         * {@link Control#inversion} answers with another's amount: too much black and white is a saturation boost).
         */
        default Adjustable takenBackBy() {
            return this;
        }

        /** The knob the heuristic thinker turns. */
        Control control();

        /** By default where its knob belongs in a plan. */
        @Override
        default int stage(Action action) {
            return control().stage();
        }

        /** By default its region. */
        @Override
        default Region confinedTo(Action action) {
            return region(action);
        }
    }

    /** Looks an operation makes on purpose. */
    enum Look {
        /** Lines or blocks instead of the photo's detail (sketch, cartoon, pixel art). */
        LINES,
        /** Edge-preserving washes of paint. */
        PAINT,
        /** A blur of part or all of the image. */
        BLUR,
        /** Noise on purpose. */
        GRAIN,
        /** A printer's screen of dots (halftone): a texture that is the look itself, of no amount to hold it to. */
        SCREEN,
        /** Flat blocks (pixel art). */
        BLOCKS,
        /** Few tone levels (posterize): banding on purpose. */
        FEW_LEVELS,
        /** Clipped blacks or whites on purpose. */
        CLIPS,
        /** Mostly white paper: a very bright mean is right. */
        WHITE_PAPER,
        /** Done on the whole image even when its effect is measured in parts of it (tilt-shift). */
        WHOLE_IMAGE
    }

    /** The judge's quality defects an operation may cause (its artifact names). */
    enum Defect {
        CLIPPING,
        NOISE,
        BLOCKINESS_OR_BANDING,
        MEAN_LUMA,
        OVERSATURATION,
        LOST_SHARPNESS;

        /** The defect of an artifact of the judge, by its name. */
        public static java.util.Optional<Defect> named(String artifact) {
            if (artifact.equals("added clipping")) {
                return java.util.Optional.of(CLIPPING);
            } else if (artifact.equals("added noise")) {
                return java.util.Optional.of(NOISE);
            } else if (artifact.equals("added blockiness") || artifact.startsWith("tone levels")) {
                return java.util.Optional.of(BLOCKINESS_OR_BANDING);
            } else if (artifact.equals("mean luma")) {
                return java.util.Optional.of(MEAN_LUMA);
            } else if (artifact.equals("mean saturation")) {
                return java.util.Optional.of(OVERSATURATION);
            } else if (artifact.equals("lost sharpness")) {
                return java.util.Optional.of(LOST_SHARPNESS);
            }
            return java.util.Optional.empty();
        }
    }

    /** The families of {@code editloop vocabulary}. */
    enum Family {
        TONE("tone", () -> "global tone and colour adjustments, up or down by an amount"),
        FILTER("color filters", () -> "whole-image filters, in full or at a strength"),
        STYLE("styles", () -> "looks and effects with a strength (pixel art: a block size)"),
        COLOR_CHANGE(
                "color change",
                () -> "areas of one named colour turned into another; colours: "
                        + String.join(
                                ", ",
                                NamedColor.PALETTE.stream()
                                        .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                                        .toList())
                        + "; by convention, \"green\" eyes are hazel (yellow-green to green) and a \"pink\" nose"
                        + " is red"),
        REMOVAL(
                "removal",
                () -> "an object of a named colour (silver, chrome or metallic: polished metal), or whatever is in a"
                        + " region, filled in with patches of the ground around it; a thing over 15% of the image, or"
                        + " one no fill would hide, is refused"),
        BACKGROUND(
                "background",
                () -> "the background found by segmentation, blurred, filled with a colour or toned (darker,"
                        + " lighter, black and white) while the subject stays as it is"),
        TEXT(
                "text",
                () -> "text in quotes at "
                        + String.join(
                                ", ",
                                java.util.Arrays.stream(Action.Position.values())
                                        .map(Action.Position::phrase)
                                        .toList())),
        GEOMETRY("geometry", () -> "rotate, flip, crop, zoom, resize, frame");

        private final String title;
        private final java.util.function.Supplier<String> summary;

        Family(String title, java.util.function.Supplier<String> summary) {
            this.title = title;
            this.summary = summary;
        }

        public String title() {
            return title;
        }

        public String summary() {
            return summary.get();
        }
    }

    /**
     * The words of an operation.
     *
     * @param label the short name the thinker's notes use ("film grain")
     * @param words the nouns and verbs people use for it, label first
     */
    record Words(String label, List<String> words) {
        public Words {
            Objects.requireNonNull(label, "label");
            words = List.copyOf(words);
        }

        public static Words of(String label, String... more) {
            return new Words(
                    label,
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(label), java.util.Arrays.stream(more))
                            .toList());
        }
    }

    /** How the thinker refines an amount. */
    enum Refine {
        /** Through the slope: a missing Δm asks for Δm / slope more. */
        SLOPE,
        /** The amount is the measured value itself (pixel block size, tone levels): scale by ideal / measured. */
        RATIO
    }

    /** Reflect mode's inversion: the amount of a further step that moves the metric from m to t, or null. */
    @FunctionalInterface
    interface Inversion {
        Double delta(double m, double t, boolean weak, double slope);
    }

    /**
     * The knob of an operation: what the thinker turns up or down.
     *
     * @param metric the metric it mainly moves, or null when no single metric reads it
     * @param slope metric units per amount unit (0 when there is no metric); the calibration against the editor
     * @param min the smallest amount
     * @param max the largest amount
     * @param steps amounts are rounded to 1/steps (exposure: tenths of a stop)
     * @param stepFloor the least a refinement may move the amount
     * @param stage where the action goes in a plan's processing order (geometry 0 … finishing 95)
     * @param refine how a missing effect becomes a missing amount
     * @param strongerIsSmaller whether a smaller amount is the stronger effect (fewer tone levels)
     * @param inversion reflect mode's correction on top of a previous output
     */
    record Control(
            Metric metric,
            double slope,
            double min,
            double max,
            double steps,
            double stepFloor,
            int stage,
            Refine refine,
            boolean strongerIsSmaller,
            Inversion inversion) {
        public Control {
            Objects.requireNonNull(refine, "refine");
            Objects.requireNonNull(inversion, "inversion");
            if (!(min < max) || !(steps > 0)) {
                throw new IllegalArgumentException("a knob needs min < max and positive steps");
            }
        }

        /** A knob in whole units refined through its slope, with the default step floor (15). */
        public static Control of(Metric metric, double slope, double min, double max, int stage, Inversion inversion) {
            return new Control(metric, slope, min, max, 1, 15, stage, Refine.SLOPE, false, inversion);
        }

        public Control withSteps(double steps, double stepFloor) {
            return new Control(metric, slope, min, max, steps, stepFloor, stage, refine, strongerIsSmaller, inversion);
        }

        public Control withRefine(Refine refine, boolean strongerIsSmaller) {
            return new Control(metric, slope, min, max, steps, stepFloor, stage, refine, strongerIsSmaller, inversion);
        }

        /** Whether the amount may be negative (tone adjustments). */
        public boolean signed() {
            return min < 0;
        }
    }

    /**
     * One expected, measurable change of an action (the judge's {@code Effect}).
     *
     * @param metric what is measured
     * @param zone where
     * @param color the color for color metrics, else null
     * @param near the weakest value that still counts as done
     * @param ideal the best value
     * @param far the strongest value that still counts as right
     * @param weight how much it counts (1 primary, 0.5 secondary)
     * @param byKnob whether this operation's knob produces it (so the thinker may turn it)
     */
    record Change(
            Metric metric,
            Zone zone,
            NamedColor color,
            double near,
            double ideal,
            double far,
            double weight,
            boolean byKnob) {}
}
