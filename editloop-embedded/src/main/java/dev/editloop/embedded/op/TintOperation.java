package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.classic.ToneOps;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opencv.core.Mat;

/** "tint it blue by 20%": a blend toward a named color at s/100·0.5 ({@link Action.Tint}). */
final class TintOperation implements Operation.Adjustable {
    private static final Control CONTROL = Control.of(
            Metric.TINT,
            0.01,
            3,
            100,
            50,
            (m, t, weak, slope) -> weak ? 200 * (1 - (1 - t / 2) / Math.max(0.05, 1 - m / 2)) : null);

    @Override
    public String id() {
        return "tint";
    }

    @Override
    public Family family() {
        return Family.FILTER;
    }

    @Override
    public Words words() {
        return Words.of("tint", "cast", "wash", "toned");
    }

    @Override
    public boolean reads(Action action) {
        return action instanceof Action.Tint;
    }

    @Override
    public double amount(Action action) {
        return ((Action.Tint) action).strength();
    }

    @Override
    public Region region(Action action) {
        return ((Action.Tint) action).region();
    }

    @Override
    public NamedColor color(Action action) {
        return ((Action.Tint) action).color();
    }

    /** Without a color, an orange tint (the warm cast most looks ask for). */
    @Override
    public Action make(double amount, Region region, NamedColor color) {
        return new Action.Tint(color == null ? NamedColor.of("orange") : color, amount, region);
    }

    @Override
    public String phrase(Action action) {
        Action.Tint t = (Action.Tint) action;
        return "tint it " + t.color().name() + " by " + Action.Num.fmt(t.strength()) + "%"
                + t.region().suffix();
    }

    @Override
    public Mat apply(Mat src, Action action, int scale, long seed) {
        Action.Tint t = (Action.Tint) action;
        return ToneOps.tint(src, t.color(), t.strength());
    }

    @Override
    public boolean takesColor() {
        return true;
    }

    @Override
    public Control control() {
        return CONTROL;
    }

    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        Action.Tint t = (Action.Tint) action;
        double ideal = t.strength() / 100;
        return List.of(new Change(Metric.TINT, Zone.in(t.region()), t.color(), ideal * lo, ideal, ideal * hi, 1, true));
    }

    @Override
    public Set<Metric> touched(Action action) {
        Set<Metric> out = EnumSet.copyOf(COLOR);
        out.addAll(TONE);
        return out;
    }

    @Override
    public List<Action> examples() {
        return List.of();
    }

    @Override
    public List<Action> moreExamples() {
        return List.of(make(30, Region.WHOLE, NamedColor.of("blue")));
    }
}
