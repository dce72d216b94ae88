package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Hsv;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.heuristic.Metric;
import java.util.Set;
import java.util.SplittableRandom;
import org.opencv.core.Mat;

/** Film grain: seeded monochrome Gaussian noise, σ = s/100·30 levels. */
final class FilmGrain extends StyleOperation {
    FilmGrain() {
        super(
                Style.FILM_GRAIN,
                "grain",
                Words.of("film grain", "grain", "grainy", "film noise", "noise", "noisy"),
                Control.of(
                        Metric.GRAIN,
                        0.01,
                        3,
                        100,
                        82,
                        (m, t, weak, slope) -> weak ? Math.sqrt(Math.max(0, t * t - m * m)) / slope : null));
    }

    @Override
    public Set<Look> looks() {
        return Set.of(Look.GRAIN);
    }

    @Override
    public Double ease(Defect defect, double amount, double measured) {
        return defect == Defect.NOISE ? Double.valueOf(amount * 0.6) : null;
    }

    @Override
    String text(double strength) {
        return "add film grain at " + Action.Num.fmt(strength) + "%";
    }

    @Override
    Mat work(Mat src, double strength, int scale, long seed) {
        return grain(src, strength / 100 * 30, seed);
    }

    @Override
    public Set<Metric> touched(Action action) {
        return plus(TEXTURE, Metric.CONTRAST, Metric.LEVELS);
    }

    /** Seeded monochrome Gaussian noise with standard deviation {@code sigma} levels. */
    static Mat grain(Mat src, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] px = Mats.bytes(src);
        for (int i = 0; i < px.length; i += 3) {
            double n = random.nextGaussian() * sigma;
            px[i] = (byte) Hsv.clamp255((px[i] & 0xff) + n);
            px[i + 1] = (byte) Hsv.clamp255((px[i + 1] & 0xff) + n);
            px[i + 2] = (byte) Hsv.clamp255((px[i + 2] & 0xff) + n);
        }
        return Mats.bgr(src.cols(), src.rows(), px);
    }
}
