package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.heuristic.Metric;
import java.util.Set;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/** Sharpening: an unsharp mask of amount 2·s/100. */
final class Sharpen extends StyleOperation {
    Sharpen() {
        super(
                Style.SHARPEN,
                "sharpen",
                Words.of("sharpening", "sharpen", "sharper", "sharpness", "crisp", "unsharp mask"),
                Control.of(Metric.SHARPNESS, 0.03, 5, 100, 60, (m, t, weak, slope) -> weak ? (t - m) / slope : null));
    }

    @Override
    public Double ease(Defect defect, double amount, double measured) {
        return defect == Defect.NOISE ? Double.valueOf(amount * 0.6) : null;
    }

    @Override
    String text(double strength) {
        return "sharpen it by " + Action.Num.fmt(strength) + "%";
    }

    @Override
    Mat work(Mat src, double strength, int scale, long seed) {
        return sharpen(src, strength, scale);
    }

    @Override
    double context(double strength, int scale) {
        return 3 * Math.max(1, scale / 400.0);
    }

    @Override
    public Set<Metric> touched(Action action) {
        return SOFT_OR_SHARP;
    }

    /** Unsharp mask: original + 2·s·(original − blur). */
    static Mat sharpen(Mat src, double strength, int scale) {
        double amount = 2 * strength / 100;
        Mat blurred = Mats.gaussian(src, Math.max(1, scale / 400.0));
        Mat out = new Mat();
        Core.addWeighted(src, 1 + amount, blurred, -amount, 0, out);
        blurred.release();
        return out;
    }
}
