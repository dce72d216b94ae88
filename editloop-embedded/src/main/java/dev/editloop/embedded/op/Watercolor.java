package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Hsv;
import dev.editloop.embedded.classic.Mats;
import dev.editloop.embedded.classic.ToneOps;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** A watercolor painting: flat washes, pigment pooled at their edges, a textured paper. */
final class Watercolor extends StyleOperation {
    /** Seed of the watercolor paper texture: the paper is the same sheet whatever the call's seed. */
    private static final long PAPER_SEED = 0x5EED_7A9E_12L;

    Watercolor() {
        super(
                Style.WATERCOLOR,
                "watercolor",
                Words.of("watercolor", "watercolor painting", "painting", "painted", "aquarelle", "painterly"),
                Control.of(
                        Metric.SHARPNESS, -0.025, 10, 100, 30, (m, t, weak, slope) -> weak ? (t - m) / slope : null));
    }

    @Override
    public Set<Look> looks() {
        return Set.of(Look.PAINT);
    }

    @Override
    public Double ease(Defect defect, double amount, double measured) {
        return defect == Defect.LOST_SHARPNESS ? Double.valueOf(amount * 0.6) : null;
    }

    @Override
    String text(double strength) {
        return "turn it into a watercolor painting" + at(strength);
    }

    @Override
    Mat work(Mat src, double strength, int scale, long seed) {
        return blendWith(src, watercolor(src, scale), strength);
    }

    @Override
    double context(double strength, int scale) {
        return scale / 30.0;
    }

    @Override
    public Set<Metric> touched(Action action) {
        return LOOK;
    }

    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        double ideal = amount(action) * control().slope();
        return List.of(new Change(
                Metric.SHARPNESS, Zone.in(region(action)), null, ideal * lo * 0.5, ideal, ideal * 4, 1, true));
    }

    /**
     * Washes of flat color (edge-preserving smoothing on a copy of at most 512 pixels, narrow enough in color to keep
     * a face's features), pigment pooled at their edges, uneven wash
     * density, thin paint letting a textured paper through.
     */
    static Mat watercolor(Mat src, int scale) {
        try (Mats m = new Mats()) {
            // at 512 pixels a face keeps its eyes and mouth through the washes; a smaller copy (or a wider color
            // range in the smoothing) wipes them flat
            Mat small = m.keep(Mats.fit(src, 512));
            Mat a = m.mat();
            Mat b = m.mat();
            Imgproc.bilateralFilter(small, a, 9, 40, 9);
            Imgproc.bilateralFilter(a, b, 9, 40, 9);
            Imgproc.bilateralFilter(b, a, 9, 40, 9);
            Imgproc.medianBlur(a, b, 5);
            Imgproc.GaussianBlur(b, a, new Size(0, 0), 1.0); // the soft edges of wet paint
            Mat vivid = m.keep(ToneOps.saturation(a, 1.1));
            // pigment pools at the edges of washes: darken along the gradient of the smoothed image
            Mat gray = m.mat();
            Imgproc.cvtColor(vivid, gray, Imgproc.COLOR_BGR2GRAY);
            Mat gradient = m.mat();
            Imgproc.morphologyEx(
                    gray,
                    gradient,
                    Imgproc.MORPH_GRADIENT,
                    Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3)));
            Mat up = m.mat();
            Imgproc.resize(vivid, up, src.size(), 0, 0, Imgproc.INTER_CUBIC);
            Mat edges = m.mat();
            Imgproc.resize(gradient, edges, src.size(), 0, 0, Imgproc.INTER_LINEAR);
            byte[] px = Mats.bytes(up);
            byte[] edge = Mats.bytes(edges);
            float[] paper = texture(src.cols(), src.rows(), 3, 0.8, 0.07f, PAPER_SEED);
            float[] wash = texture(src.cols(), src.rows(), 40, 1.5, 0.06f, PAPER_SEED + 1);
            for (int i = 0, p = 0; i < px.length; i += 3, p++) {
                double pool = 1 - 0.45 * Math.min(1, (edge[p] & 0xff) / 60.0);
                double texture = paper[p] * wash[p];
                for (int c = 0; c < 3; c++) {
                    double v = px[i + c] & 0xff;
                    v = v + 0.15 * (255 - v); // thin paint lets the paper through
                    px[i + c] = (byte) Hsv.clamp255(v * pool * texture);
                }
            }
            return Mats.bgr(src.cols(), src.rows(), px);
        }
    }

    /**
     * A texture around 1.0 (±{@code depth}), the same for a given size and seed: noise on a grid {@code cell} times
     * coarser than the image, blurred by {@code blur} cells and scaled up.
     */
    private static float[] texture(int width, int height, int cell, double blur, float depth, long seed) {
        int w = Math.max(2, width / cell);
        int h = Math.max(2, height / cell);
        SplittableRandom random = new SplittableRandom(seed);
        float[] noise = new float[w * h];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        Mat small = new Mat(h, w, CvType.CV_32F);
        small.put(0, 0, noise);
        Imgproc.GaussianBlur(small, small, new Size(0, 0), blur);
        Core.normalize(small, small, -1, 1, Core.NORM_MINMAX);
        Mat full = new Mat();
        Imgproc.resize(small, full, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
        float[] out = new float[width * height];
        full.get(0, 0, out);
        small.release();
        full.release();
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 + depth * out[i];
        }
        return out;
    }
}
