package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Hsv;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.heuristic.Metric;
import java.util.EnumSet;
import java.util.Set;
import org.opencv.core.Mat;

/** A vignette: radial darkening, the corners multiplied by (1 − s/100). */
final class Vignette extends StyleOperation {
    Vignette() {
        super(
                Style.VIGNETTE,
                "vignette",
                Words.of("vignette", "vignetting", "darken the corners", "dark edges"),
                Control.of(
                        Metric.VIGNETTE,
                        0.0088,
                        5,
                        100,
                        80,
                        (m, t, weak, slope) -> weak ? (1 - (1 - t) / Math.max(0.05, 1 - m)) / slope : null));
    }

    @Override
    String text(double strength) {
        return "add a vignette at " + Action.Num.fmt(strength) + "%";
    }

    @Override
    Mat work(Mat src, double strength, int scale, long seed) {
        return vignette(src, strength);
    }

    @Override
    public Set<Metric> touched(Action action) {
        return EnumSet.of(Metric.VIGNETTE, Metric.BRIGHTNESS, Metric.CONTRAST, Metric.EXPOSURE);
    }

    /** Radial darkening from about a quarter of the way out; the corners are multiplied by (1 − s). */
    static Mat vignette(Mat src, double strength) {
        int w = src.cols();
        int h = src.rows();
        double s = strength / 100;
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double[] dx2 = new double[w];
        for (int x = 0; x < w; x++) {
            double d = cx == 0 ? 0 : (x - cx) / cx;
            dx2[x] = d * d;
        }
        byte[] px = Mats.bytes(src);
        for (int y = 0; y < h; y++) {
            double dy = cy == 0 ? 0 : (y - cy) / cy;
            double dy2 = dy * dy;
            for (int x = 0, i = y * w * 3; x < w; x++, i += 3) {
                double r = Math.sqrt((dx2[x] + dy2) / 2);
                double f = 1 - s * Mats.smoothstep(0.25, 1, r);
                if (f == 1) {
                    continue;
                }
                px[i] = (byte) Hsv.clamp255((px[i] & 0xff) * f);
                px[i + 1] = (byte) Hsv.clamp255((px[i + 1] & 0xff) * f);
                px[i + 2] = (byte) Hsv.clamp255((px[i + 2] & 0xff) * f);
            }
        }
        return Mats.bgr(w, h, px);
    }
}
