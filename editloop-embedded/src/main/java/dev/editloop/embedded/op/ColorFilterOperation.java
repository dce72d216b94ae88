package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.classic.ToneOps;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencv.core.Mat;

/**
 * The whole-image color filters, one family sharing {@link ToneOps#filter}: black and white, sepia and inversion, in
 * full or blended with the original at a strength s% ({@link Action.ColorFilter}).
 */
public final class ColorFilterOperation implements Operation.Adjustable {
    public static final ColorFilterOperation GRAYSCALE = new ColorFilterOperation(
            Filter.GRAYSCALE,
            Words.of("black and white", "grayscale", "monochrome", "mono", "colorless"),
            "convert it to black and white",
            Control.of(
                    Metric.DESATURATION,
                    0.01,
                    5,
                    100,
                    10,
                    (m, t, weak, slope) -> weak
                            ? 100 * (t - m) / Math.max(0.05, 1 - m)
                            : 100 * ((1 - t) / Math.max(0.05, 1 - m) - 1)), // a saturation boost
            1,
            List.of());
    public static final ColorFilterOperation SEPIA = new ColorFilterOperation(
            Filter.SEPIA,
            Words.of("sepia"),
            "apply a sepia tone",
            Control.of(
                    Metric.SEPIA,
                    0.01,
                    5,
                    100,
                    10,
                    (m, t, weak, slope) -> weak ? 100 * Math.min(1, (t - m) / Math.max(0.05, 1 - m)) : null),
            0.95,
            List.of(40.0));
    public static final ColorFilterOperation INVERT = new ColorFilterOperation(
            Filter.INVERT,
            Words.of("inversion", "invert", "inverse", "negative", "negate"),
            "invert the colors",
            Control.of(Metric.INVERSION, 0.01, 5, 100, 10, (m, t, weak, slope) -> null),
            1,
            List.of());

    private final Filter filter;
    private final Words words;
    private final String base;
    private final Control control;
    private final double reads;
    private final List<Double> more;

    /** @param reads the metric's reading at full strength (a sepia toning reads 0.95 of a full one) */
    private ColorFilterOperation(
            Filter filter, Words words, String base, Control control, double reads, List<Double> more) {
        this.filter = filter;
        this.words = words;
        this.base = base;
        this.control = control;
        this.reads = reads;
        this.more = more;
    }

    public Filter filter() {
        return filter;
    }

    @Override
    public String id() {
        return filter.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Family family() {
        return Family.FILTER;
    }

    @Override
    public Words words() {
        return words;
    }

    @Override
    public boolean reads(Action action) {
        return action instanceof Action.ColorFilter f && f.filter() == filter;
    }

    @Override
    public double amount(Action action) {
        return ((Action.ColorFilter) action).strength();
    }

    @Override
    public Region region(Action action) {
        return ((Action.ColorFilter) action).region();
    }

    @Override
    public Action make(double amount, Region region, NamedColor color) {
        return new Action.ColorFilter(filter, amount, region);
    }

    @Override
    public String phrase(Action action) {
        Action.ColorFilter f = (Action.ColorFilter) action;
        return base
                + (f.strength() == 100 ? "" : " at " + Action.Num.fmt(f.strength()) + "%")
                + f.region().suffix();
    }

    @Override
    public Mat apply(Mat src, Action action, int scale, long seed) {
        return ToneOps.filter(src, filter, ((Action.ColorFilter) action).strength());
    }

    /** Inversion clips by design. */
    @Override
    public Set<Look> looks() {
        return filter == Filter.INVERT ? Set.of(Look.CLIPS) : Set.of();
    }

    /** Too much black and white is taken back by a saturation boost. */
    @Override
    public Operation.Adjustable takenBackBy() {
        return filter == Filter.GRAYSCALE ? ToneAdjustment.SATURATION : this;
    }

    @Override
    public Control control() {
        return control;
    }

    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        Action.ColorFilter f = (Action.ColorFilter) action;
        double ideal = f.strength() / 100 * reads;
        double far = ideal >= 0.9 ? 1.02 + ideal - 0.9 : Math.min(ideal * hi, 1.02);
        double near = ideal >= 0.9 ? Math.min(0.85, ideal * 0.9) : ideal * lo;
        return List.of(new Change(control.metric(), Zone.in(f.region()), null, near, ideal, far, 1, true));
    }

    @Override
    public Set<Metric> touched(Action action) {
        Set<Metric> out = EnumSet.copyOf(COLOR);
        if (filter != Filter.GRAYSCALE) {
            out.addAll(TONE);
            out.add(Metric.HUE);
        }
        if (filter == Filter.INVERT) {
            out.add(Metric.INVERSION);
            out.add(Metric.STRUCTURE_LOSS);
        }
        return out;
    }

    @Override
    public List<Action> examples() {
        return List.of(make(100, Region.WHOLE, null));
    }

    @Override
    public List<Action> moreExamples() {
        return more.stream().map(a -> make(a, Region.WHOLE, null)).toList();
    }
}
