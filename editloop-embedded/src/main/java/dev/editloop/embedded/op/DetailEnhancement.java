package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Hsv;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.heuristic.Metric;
import java.util.Set;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/** Detail enhancement (HDR): local contrast and fine detail boosted. */
final class DetailEnhancement extends StyleOperation {
    DetailEnhancement() {
        super(
                Style.HDR,
                "hdr",
                Words.of("detail enhancement", "hdr", "high dynamic range", "details", "clarity"),
                Control.of(Metric.DETAIL, 0.009, 5, 100, 60, (m, t, weak, slope) -> weak ? (t - m) / slope : null));
    }

    @Override
    public Double ease(Defect defect, double amount, double measured) {
        return defect == Defect.NOISE ? Double.valueOf(amount * 0.6) : null;
    }

    @Override
    String text(double strength) {
        return "enhance the details by " + Action.Num.fmt(strength) + "%";
    }

    @Override
    Mat work(Mat src, double strength, int scale, long seed) {
        return hdr(src, strength, scale);
    }

    @Override
    double context(double strength, int scale) {
        return 3 * scale / 40.0;
    }

    @Override
    public Set<Metric> touched(Action action) {
        return SOFT_OR_SHARP;
    }

    /**
     * Local contrast (a wide unsharp mask whose boost is limited at strong edges, so that no halos appear) plus fine
     * detail (a narrow one).
     */
    static Mat hdr(Mat src, double strength, int scale) {
        try (Mats m = new Mats()) {
            double s = strength / 100;
            Mat base = m.keep(Mats.gaussian(src, Math.max(2, scale / 40.0)));
            byte[] a = Mats.bytes(src);
            byte[] b = Mats.bytes(base);
            double k = 1.5 * s;
            for (int i = 0; i < a.length; i++) {
                int v = a[i] & 0xff;
                int detail = Math.max(-14, Math.min(14, v - (b[i] & 0xff)));
                a[i] = (byte) Hsv.clamp255(v + k * detail);
            }
            Mat local = m.keep(Mats.bgr(src.cols(), src.rows(), a));
            Mat fine = m.keep(Mats.gaussian(local, Math.max(1, scale / 300.0)));
            Mat out = new Mat();
            Core.addWeighted(local, 1 + 0.8 * s, fine, -0.8 * s, 0, out);
            return out;
        }
    }
}
