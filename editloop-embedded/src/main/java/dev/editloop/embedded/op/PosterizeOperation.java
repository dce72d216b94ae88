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

/** "posterize it to 4 levels": N levels per channel ({@link Action.Posterize}); fewer levels is stronger. */
final class PosterizeOperation implements Operation.Adjustable {
    private static final Control CONTROL = Control.of(
                    Metric.LEVELS, 1, 2, 64, 85, (m, t, weak, slope) -> weak ? t : null)
            .withRefine(Refine.RATIO, true);

    @Override
    public String id() {
        return "posterize";
    }

    @Override
    public Family family() {
        return Family.FILTER;
    }

    @Override
    public Words words() {
        return Words.of("posterize", "posterise", "levels", "colours", "colors");
    }

    @Override
    public boolean reads(Action action) {
        return action instanceof Action.Posterize;
    }

    @Override
    public double amount(Action action) {
        return ((Action.Posterize) action).levels();
    }

    @Override
    public Region region(Action action) {
        return ((Action.Posterize) action).region();
    }

    @Override
    public Action make(double amount, Region region, NamedColor color) {
        return new Action.Posterize((int) amount, region);
    }

    @Override
    public String phrase(Action action) {
        Action.Posterize p = (Action.Posterize) action;
        return "posterize it to " + p.levels() + " levels" + p.region().suffix();
    }

    @Override
    public Mat apply(Mat src, Action action, int scale, long seed) {
        return ToneOps.posterize(src, ((Action.Posterize) action).levels());
    }

    @Override
    public Set<Look> looks() {
        return Set.of(Look.FEW_LEVELS, Look.CLIPS);
    }

    @Override
    public Double ease(Defect defect, double amount, double measured) {
        return defect == Defect.BLOCKINESS_OR_BANDING ? Double.valueOf(amount + 2) : null;
    }

    @Override
    public Control control() {
        return CONTROL;
    }

    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        Action.Posterize p = (Action.Posterize) action;
        double n = p.levels();
        return List.of(new Change(
                Metric.LEVELS,
                Zone.in(p.region()),
                null,
                Math.max(n + 3, n * 1.6),
                n,
                Math.max(1.2, n - 1.5),
                1,
                true));
    }

    @Override
    public Set<Metric> touched(Action action) {
        Set<Metric> out = EnumSet.copyOf(TONE);
        out.addAll(COLOR);
        out.addAll(TEXTURE);
        out.add(Metric.LEVELS);
        return out;
    }

    @Override
    public List<Action> examples() {
        return List.of();
    }

    @Override
    public List<Action> moreExamples() {
        return List.of(make(4, Region.WHOLE, null));
    }
}
