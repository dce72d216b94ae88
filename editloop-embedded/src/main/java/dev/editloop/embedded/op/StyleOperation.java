package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opencv.core.Mat;

/**
 * A named style or effect with a strength in percent ({@link Action.Stylize}; pixel art: a block size). Looks (sketch,
 * watercolor, cartoon) default to full strength; effects of a degree always state their amount. The knob's slope is
 * the calibration of the effect's metric per percent, measured against this work on the test scenes.
 */
abstract class StyleOperation implements Operation.Adjustable {
    /** What a look that repaints the whole image moves. */
    static final Set<Metric> LOOK = Collections.unmodifiableSet(plus(
            plus(plus(TONE, Metric.LEVELS, Metric.BLOCK_SIZE), COLOR.toArray(Metric[]::new)),
            TEXTURE.toArray(Metric[]::new)));
    /** What a change of softness or sharpness moves. */
    static final Set<Metric> SOFT_OR_SHARP =
            Collections.unmodifiableSet(plus(TEXTURE, Metric.CONTRAST, Metric.SATURATION));

    private final Style style;
    private final String id;
    private final Words words;
    private final Control control;

    StyleOperation(Style style, String id, Words words, Control control) {
        this.style = style;
        this.id = id;
        this.words = words;
        this.control = control;
    }

    static Set<Metric> plus(Set<Metric> base, Metric... more) {
        Set<Metric> out = EnumSet.copyOf(base);
        out.addAll(List.of(more));
        return out;
    }

    /** The phrase without the region: "blur it by 40%". */
    abstract String text(double strength);

    /** The OpenCV work at a strength. */
    abstract Mat work(Mat src, double strength, int scale, long seed);

    /** Context around a region in pixels (0: none). */
    double context(double strength, int scale) {
        return 0;
    }

    /** " at 40%", or nothing at full strength (looks). */
    static String at(double strength) {
        return strength == 100 ? "" : " at " + Action.Num.fmt(strength) + "%";
    }

    /** Releases {@code full} after blending it with the original at the strength. */
    static Mat blendWith(Mat src, Mat full, double strength) {
        Mat out = Mats.mix(src, full, strength / 100);
        full.release();
        return out;
    }

    public Style style() {
        return style;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return Family.STYLE;
    }

    @Override
    public Words words() {
        return words;
    }

    @Override
    public boolean reads(Action action) {
        return action instanceof Action.Stylize s && s.style() == style;
    }

    @Override
    public double amount(Action action) {
        return ((Action.Stylize) action).strength();
    }

    @Override
    public Region region(Action action) {
        return ((Action.Stylize) action).region();
    }

    @Override
    public Action make(double amount, Region region, NamedColor color) {
        return new Action.Stylize(style, amount, region);
    }

    @Override
    public String phrase(Action action) {
        Action.Stylize s = (Action.Stylize) action;
        return text(s.strength()) + s.region().suffix();
    }

    @Override
    public Mat apply(Mat src, Action action, int scale, long seed) {
        return work(src, amount(action), scale, seed);
    }

    @Override
    public int margin(Action action, int scale) {
        return (int) Math.ceil(context(amount(action), scale));
    }

    @Override
    public Control control() {
        return control;
    }

    /** By default one change of the knob's metric, the amount times the slope. */
    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        double ideal = amount(action) * control.slope();
        return List.of(
                new Change(control.metric(), Zone.in(region(action)), null, ideal * lo, ideal, ideal * hi, 1, true));
    }

    @Override
    public Set<Metric> touched(Action action) {
        return EnumSet.copyOf(LOOK);
    }

    @Override
    public List<Action> examples() {
        return List.of(make(40, Region.WHOLE, null));
    }
}
