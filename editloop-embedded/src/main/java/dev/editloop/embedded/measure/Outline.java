package dev.editloop.embedded.measure;

import dev.editloop.embedded.OpenCv;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Where an edit that changed one part of a picture and kept the rest drew the line between them: along the outline of
 * a thing, or through one material. Read on the edit alone, never on the editor's mask or matte, so that it holds any
 * editor's segmentation to account, the embedded one included.
 *
 * <p>On the sample planes: a pixel is <em>changed</em> when its colour moved by more than {@value #CHANGED_LEVEL}
 * levels or it lost half its fine detail (a blur), <em>kept</em> when it moved by at most {@value #KEPT_LEVEL} levels
 * and has detail a blur or a fill would have removed (a smooth, unchanged area proves nothing). Along the changed
 * area's edge (away from the frame), where both sides hold enough of their kind within a box of 2% of the shorter
 * side, the source's colour (CIE Lab means) and texture (luma spread) on the kept side are compared with the changed
 * side's: when they differ by less than {@value #SAME_MATERIAL} units, the edge runs through one material, such as a
 * cat's fur cut in two, a sky half replaced or a tripod leg half blurred. A clean cut-out follows the thing's outline,
 * where the two sides differ.
 */
public final class Outline {
    /** Colour change (levels, the largest channel) above which a pixel is changed. */
    public static final int CHANGED_LEVEL = 20;

    /** Colour change (levels) at most which a pixel is kept. */
    public static final int KEPT_LEVEL = 6;

    /** Lab distance plus luma-spread difference under which both sides of the edge are one material. */
    public static final double SAME_MATERIAL = 10;

    /** Edge pixels with both sides readable (on the sample plane) below which the edge is not judged. */
    public static final int MIN_EVALUATED = 40;

    /** Fine detail (mean absolute high-pass luma, levels) from which an unchanged pixel shows it was kept. */
    private static final double DETAIL = 2.0;

    private Outline() {}

    /**
     * Where the edge between the changed and the kept area runs.
     *
     * @param evaluated edge pixels with enough of both sides around them to compare (on the sample plane)
     * @param share the fraction 0–1 of those where both sides are one material in the source
     * @param centerX where those lie, as a fraction of the width (NaN when none)
     * @param centerY where those lie, as a fraction of the height (NaN when none)
     */
    public record Reading(int evaluated, double share, double centerX, double centerY) {
        /** Whether enough of the edge was readable to judge it ({@link #MIN_EVALUATED} pixels). */
        public boolean judged() {
            return evaluated >= MIN_EVALUATED;
        }

        /** Where the cuts through one material lie, in words. */
        public String where() {
            return Double.isNaN(centerX) ? "nowhere" : Planes.where(centerX, centerY);
        }
    }

    /** Reads the edge of the area a comparison's edit changed. */
    public static Reading of(Comparison c) {
        Analysis s = c.source();
        Analysis e = c.aligned();
        int w = s.sampleWidth();
        int h = s.sampleHeight();
        int n = w * h;
        float[] detailSource = detail(s.y, w, h);
        float[] detailEdit = detail(e.y, w, h);
        boolean[] changed = new boolean[n];
        boolean[] still = new boolean[n];
        for (int i = 0; i < n; i++) {
            float d =
                    Math.max(Math.abs(s.r[i] - e.r[i]), Math.max(Math.abs(s.g[i] - e.g[i]), Math.abs(s.b[i] - e.b[i])));
            boolean textured = detailSource[i] > DETAIL;
            changed[i] = d > CHANGED_LEVEL || (textured && detailEdit[i] < 0.5f * detailSource[i]);
            still[i] = d <= KEPT_LEVEL && textured;
        }
        changed = Planes.clean(changed, w, h, 1, 2);
        boolean[] kept = new boolean[n];
        for (int i = 0; i < n; i++) {
            kept[i] = still[i] && !changed[i];
        }
        float[][] lab = lab(s.sampleBgr(), w, h);
        int r = Math.max(3, (int) Math.round(Math.min(w, h) * 0.02));
        float[] keptWeight = Planes.box(ones(kept), w, h, r);
        float[] changedWeight = Planes.box(ones(changed), w, h, r);
        float[][] keptMean = new float[3][];
        float[][] changedMean = new float[3][];
        for (int k = 0; k < 3; k++) {
            keptMean[k] = Planes.maskedBox(lab[k], kept, w, h, r);
            changedMean[k] = Planes.maskedBox(lab[k], changed, w, h, r);
        }
        float[] square = new float[n];
        for (int i = 0; i < n; i++) {
            square[i] = lab[0][i] * lab[0][i];
        }
        float[] keptSquare = Planes.maskedBox(square, kept, w, h, r);
        float[] changedSquare = Planes.maskedBox(square, changed, w, h, r);
        boolean[] inner = Planes.morph(changed, w, h, -1);
        int margin = r;
        int evaluated = 0;
        int same = 0;
        double sx = 0;
        double sy = 0;
        for (int y = margin; y < h - margin; y++) {
            for (int x = margin; x < w - margin; x++) {
                int i = y * w + x;
                if (!changed[i] || inner[i] || keptWeight[i] < 0.2f || changedWeight[i] < 0.2f) {
                    continue;
                }
                evaluated++;
                double dl = keptMean[0][i] - changedMean[0][i];
                double da = keptMean[1][i] - changedMean[1][i];
                double db = keptMean[2][i] - changedMean[2][i];
                double spreadKept = Math.sqrt(Math.max(0, keptSquare[i] - keptMean[0][i] * keptMean[0][i]));
                double spreadChanged = Math.sqrt(Math.max(0, changedSquare[i] - changedMean[0][i] * changedMean[0][i]));
                double distance = Math.sqrt(dl * dl + da * da + db * db) + Math.abs(spreadKept - spreadChanged);
                if (distance < SAME_MATERIAL) {
                    same++;
                    sx += x;
                    sy += y;
                }
            }
        }
        if (evaluated == 0) {
            return new Reading(0, 0, Double.NaN, Double.NaN);
        }
        return new Reading(
                evaluated,
                (double) same / evaluated,
                same == 0 ? Double.NaN : (sx / same + 0.5) / w,
                same == 0 ? Double.NaN : (sy / same + 0.5) / h);
    }

    /** Fine detail: the absolute high-pass luma, averaged over a 5×5 box. */
    private static float[] detail(float[] y, int w, int h) {
        return Planes.box(Planes.highPass(y, w, h, 1.5), w, h, 2);
    }

    private static float[] ones(boolean[] mask) {
        float[] out = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] ? 1 : 0;
        }
        return out;
    }

    /** CIE Lab planes (L 0–100, a and b centred on 0) of a lightly smoothed BGR sample. */
    static float[][] lab(byte[] bgr, int w, int h) {
        OpenCv.ensureLoaded();
        Mat in = Analysis.toMat(bgr, w, h);
        Mat smooth = new Mat();
        Mat lab = new Mat();
        try {
            Imgproc.GaussianBlur(in, smooth, new Size(0, 0), 1.0);
            Imgproc.cvtColor(smooth, lab, Imgproc.COLOR_BGR2Lab);
            byte[] px = new byte[w * h * 3];
            lab.get(0, 0, px);
            float[][] out = new float[3][w * h];
            for (int i = 0; i < w * h; i++) {
                out[0][i] = (px[3 * i] & 0xff) * (100f / 255f);
                out[1][i] = (px[3 * i + 1] & 0xff) - 128f;
                out[2][i] = (px[3 * i + 2] & 0xff) - 128f;
            }
            return out;
        } finally {
            in.release();
            smooth.release();
            lab.release();
        }
    }
}
