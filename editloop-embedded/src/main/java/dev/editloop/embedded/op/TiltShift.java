package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Hsv;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.classic.ToneOps;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.opencv.core.Mat;

/** Tilt-shift: a sharp band in the middle, blurred top and bottom, more saturated: a miniature look. */
final class TiltShift extends StyleOperation {
    TiltShift() {
        super(
                Style.TILT_SHIFT,
                "tilt-shift",
                Words.of("tilt-shift", "tilt shift", "miniature", "diorama", "toy model"),
                Control.of(Metric.DETAIL, -0.011, 10, 100, 60, (m, t, weak, slope) -> weak ? (t - m) / slope : null));
    }

    @Override
    public Set<Look> looks() {
        return Set.of(Look.BLUR, Look.WHOLE_IMAGE);
    }

    @Override
    String text(double strength) {
        return "apply a tilt-shift effect at " + Action.Num.fmt(strength) + "%";
    }

    @Override
    Mat work(Mat src, double strength, int scale, long seed) {
        return tiltShift(src, strength, scale);
    }

    /** Its saturation boost moves what a saturation step moves (brightness, the warm cast): touched, not unasked. */
    @Override
    public Set<Metric> touched(Action action) {
        return TOUCHED;
    }

    private static final Set<Metric> TOUCHED = Collections.unmodifiableSet(plus(TEXTURE, TONE.toArray(Metric[]::new)));

    /** Measured where the blur is: the top and bottom thirds. */
    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        double ideal = amount(action) * control().slope();
        return List.of(
                new Change(Metric.DETAIL, Zone.in(Region.TOP_THIRD), null, ideal * lo * 0.5, ideal, -1.05, 0.5, true),
                new Change(
                        Metric.DETAIL, Zone.in(Region.BOTTOM_THIRD), null, ideal * lo * 0.5, ideal, -1.05, 0.5, true));
    }

    /** Sharp horizontal band in the middle, blurred top and bottom, more saturated: a miniature look. */
    static Mat tiltShift(Mat src, double strength, int scale) {
        try (Mats m = new Mats()) {
            double s = strength / 100;
            Mat blurred = m.keep(Mats.gaussian(src, s * scale / 50.0));
            int w = src.cols();
            int h = src.rows();
            byte[] a = Mats.bytes(src);
            byte[] b = Mats.bytes(blurred);
            for (int y = 0; y < h; y++) {
                double t = Mats.smoothstep(0.08, 0.3, Math.abs((y + 0.5) / h - 0.5));
                if (t == 0) {
                    continue;
                }
                for (int i = y * w * 3, end = i + w * 3; i < end; i++) {
                    int va = a[i] & 0xff;
                    a[i] = (byte) Hsv.clamp255(va + ((b[i] & 0xff) - va) * t);
                }
            }
            Mat mixed = m.keep(Mats.bgr(w, h, a));
            Mat vivid = m.keep(ToneOps.saturation(mixed, 1 + 0.4 * s));
            return ToneOps.contrast(vivid, 10 * s);
        }
    }
}
