package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.heuristic.Metric;
import java.util.Set;
import org.opencv.core.Mat;

/** A Gaussian blur, σ = s/100·min(w,h)/60. */
final class Blur extends StyleOperation {
    Blur() {
        super(
                Style.BLUR,
                "blur",
                Words.of("blur", "blurry", "defocus", "out of focus", "gaussian blur"),
                Control.of(
                        Metric.BLUR,
                        0.01,
                        2,
                        100,
                        60,
                        (m, t, weak, slope) -> weak ? Math.sqrt(Math.max(0, t * t - m * m)) / slope : null));
    }

    @Override
    public Set<Look> looks() {
        return Set.of(Look.BLUR);
    }

    @Override
    public Double ease(Defect defect, double amount, double measured) {
        return defect == Defect.LOST_SHARPNESS ? Double.valueOf(amount * 0.6) : null;
    }

    @Override
    String text(double strength) {
        return "blur it by " + Action.Num.fmt(strength) + "%";
    }

    @Override
    Mat work(Mat src, double strength, int scale, long seed) {
        return Mats.gaussian(src, strength / 100 * scale / 60.0);
    }

    @Override
    double context(double strength, int scale) {
        return 3 * strength / 100 * scale / 60.0;
    }

    @Override
    public Set<Metric> touched(Action action) {
        return SOFT_OR_SHARP;
    }
}
