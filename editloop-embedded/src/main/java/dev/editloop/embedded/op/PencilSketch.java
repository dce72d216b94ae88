package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.List;
import java.util.Set;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** A grey pencil sketch: the grey image divided by its blurred negative (color dodge), darkened a little. */
final class PencilSketch extends StyleOperation {
    PencilSketch() {
        super(
                Style.PENCIL_SKETCH,
                "pencil-sketch",
                Words.of("pencil sketch", "sketch", "pencil drawing", "drawing", "graphite"),
                Control.of(Metric.DESATURATION, 0.0095, 10, 100, 30, (m, t, weak, slope) -> null));
    }

    @Override
    public Set<Look> looks() {
        return Set.of(Look.LINES, Look.CLIPS, Look.WHITE_PAPER);
    }

    @Override
    String text(double strength) {
        return "turn it into a pencil sketch" + at(strength);
    }

    @Override
    Mat work(Mat src, double strength, int scale, long seed) {
        return blendWith(src, pencil(src, scale), strength);
    }

    @Override
    double context(double strength, int scale) {
        return 3 * Math.max(2, scale / 80.0);
    }

    @Override
    public Set<Metric> touched(Action action) {
        return LOOK;
    }

    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        double k = amount(action) / 100;
        Zone zone = Zone.in(region(action));
        return List.of(
                new Change(Metric.DESATURATION, zone, null, 0.7 * k, 0.95 * k, 1.02, 1, true),
                new Change(Metric.BRIGHTNESS, zone, null, 0.03 * k, 0.3 * k, 1.02, 0.5, false));
    }

    /** Grey sketch: the grey image divided by its blurred negative (color dodge), darkened a little. */
    static Mat pencil(Mat src, int scale) {
        try (Mats m = new Mats()) {
            Mat gray = m.mat();
            Imgproc.cvtColor(src, gray, Imgproc.COLOR_BGR2GRAY);
            Mat inverted = m.mat();
            Core.bitwise_not(gray, inverted);
            Mat blurred = m.keep(Mats.gaussian(inverted, Math.max(2, scale / 80.0)));
            Mat denominator = m.mat();
            Core.bitwise_not(blurred, denominator); // 255 − blur(255 − gray)
            Mat dodge = m.mat();
            Core.divide(gray, denominator, dodge, 256);
            Mat darker = m.keep(Mats.lut(dodge, v -> (int) Math.round(255 * Math.pow(v / 255.0, 2.2))));
            Mat out = new Mat();
            Imgproc.cvtColor(darker, out, Imgproc.COLOR_GRAY2BGR);
            return out;
        }
    }
}
