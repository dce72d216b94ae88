package dev.editloop.embedded.measure;

import dev.editloop.embedded.classic.Region;

/**
 * Halos and seams: thin bright or dark lines that the edit drew and the source did not have, such as the glow or the
 * dark fringe a bad matte leaves around a segmented subject, or a seam along the edge of a pasted area. A clean
 * background blur only removes structure; a tone change scales the structure that is there; neither draws lines.
 *
 * <p>Read on the sample planes' luma in a band of scales {@code G_a(y) − G_4a(y)} with a = 0.6% of the shorter side
 * (at least 1 pixel): rim-wide lines. At each pixel the <em>new structure</em> is
 * {@code |band_edit| − k·|band_source|}, with k the larger of the ratio of the two images' luma contrast and the
 * slope of the edit's tone curve at the pixel's luma (so a contrast change, linear or along a curve, draws nothing); a pixel is on a new line when that exceeds {@link #LINE_LEVEL} levels. The reading is the share of
 * the image on new lines, their mean strength, and their mean sign (bright or dark).
 */
public final class Halo {
    /** New band-pass structure (levels) from which a pixel lies on a line the edit drew. */
    public static final double LINE_LEVEL = 10;

    private Halo() {}

    /**
     * New lines the edit drew.
     *
     * @param share the fraction 0–1 of the image on new lines
     * @param strength their mean new structure in levels (0 when none)
     * @param signed the mean band value of the edit on them: positive a bright rim, negative a dark one
     * @param centerX where they lie, as a fraction of the width (NaN when none)
     * @param centerY where they lie, as a fraction of the height (NaN when none)
     */
    public record Reading(double share, double strength, double signed, double centerX, double centerY) {
        /** "bright" or "dark". */
        public String tone() {
            return signed >= 0 ? "bright" : "dark";
        }

        /** Where the lines lie in words. */
        public String where() {
            return Double.isNaN(centerX) ? "nowhere" : Planes.where(centerX, centerY);
        }
    }

    /** Reads the lines a comparison's edit drew. */
    public static Reading of(Comparison c) {
        return of(c, Region.WHOLE);
    }

    /**
     * Reads the lines a comparison's edit drew, leaving out the band along the inner borders of the region the edit
     * was confined to: where a local edit meets the part that was to stay as it was, the step between them is the edit
     * asked for ("invert the bottom half"), not a line it drew.
     */
    public static Reading of(Comparison c, Region confined) {
        Analysis s = c.source();
        Analysis e = c.aligned();
        int w = s.sampleWidth();
        int h = s.sampleHeight();
        double a = Math.max(1, 0.006 * Math.min(w, h));
        float[] bs = band(s.y, w, h, a);
        float[] be = band(e.y, w, h, a);
        double k = Math.max(0.2, std(e.y) / Math.max(1e-3, std(s.y)));
        double[] slope = curveSlope(s.y, e.y);
        int n = 0;
        double strength = 0;
        double signed = 0;
        double sx = 0;
        double sy = 0;
        boolean[] border = border(confined, w, h, (int) Math.ceil(8 * a) + 2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (border != null && border[i]) {
                    continue;
                }
                double local = Math.max(k, slope[bin(s.y[i])]);
                double extra = Math.abs(be[i]) - local * Math.abs(bs[i]);
                if (extra > LINE_LEVEL) {
                    n++;
                    strength += extra;
                    signed += be[i];
                    sx += x;
                    sy += y;
                }
            }
        }
        if (n == 0) {
            return new Reading(0, 0, 0, Double.NaN, Double.NaN);
        }
        return new Reading((double) n / (w * h), strength / n, signed / n, (sx / n + 0.5) / w, (sy / n + 0.5) / h);
    }

    /**
     * The pixels within {@code margin} of a border of the region that lies inside the image (not along the image's own
     * edge); null for the whole image.
     */
    private static boolean[] border(Region region, int w, int h, int margin) {
        if (region == null || region == Region.WHOLE) {
            return null;
        }
        int[] r = region.bounds(w, h);
        int x0 = r[0];
        int y0 = r[1];
        int x1 = r[0] + r[2];
        int y1 = r[1] + r[3];
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean alongY = y >= y0 - margin && y < y1 + margin;
                boolean alongX = x >= x0 - margin && x < x1 + margin;
                boolean vertical =
                        alongY && ((x0 > 0 && Math.abs(x - x0) <= margin) || (x1 < w && Math.abs(x - x1) <= margin));
                boolean horizontal =
                        alongX && ((y0 > 0 && Math.abs(y - y0) <= margin) || (y1 < h && Math.abs(y - y1) <= margin));
                out[y * w + x] = vertical || horizontal;
            }
        }
        return out;
    }

    private static final int BIN = 8;
    private static final int BINS = 256 / BIN;

    private static int bin(float luma) {
        return Math.max(0, Math.min(BINS - 1, (int) (luma / BIN)));
    }

    /**
     * The slope of the edit's tone curve at each source luma (bins of {@value #BIN} levels): the mean edited luma per
     * source luma, differenced over two bins either side. A curve steeper than the overall contrast ratio (an S-curve,
     * a stretch with a soft toe) scales the structure in its steep part by its slope, which draws no line.
     */
    private static double[] curveSlope(float[] source, float[] edit) {
        double[] sum = new double[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < source.length; i++) {
            int b = bin(source[i]);
            sum[b] += edit[i];
            count[b]++;
        }
        double[] mean = new double[BINS];
        boolean[] known = new boolean[BINS];
        for (int b = 0; b < BINS; b++) {
            known[b] = count[b] >= 8;
            mean[b] = known[b] ? sum[b] / count[b] : Double.NaN;
        }
        double[] slope = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            int lo = Math.max(0, b - 2);
            int hi = Math.min(BINS - 1, b + 2);
            while (lo < b && !known[lo]) {
                lo++;
            }
            while (hi > b && !known[hi]) {
                hi--;
            }
            slope[b] = hi > lo && known[lo] && known[hi] ? (mean[hi] - mean[lo]) / ((hi - lo) * BIN) : 0;
        }
        return slope;
    }

    private static float[] band(float[] y, int w, int h, double a) {
        float[] fine = Planes.gaussian(y, w, h, a);
        float[] coarse = Planes.gaussian(y, w, h, 4 * a);
        float[] out = new float[y.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fine[i] - coarse[i];
        }
        return out;
    }

    static double std(float[] v) {
        double sum = 0;
        double sq = 0;
        for (float x : v) {
            sum += x;
            sq += (double) x * x;
        }
        double mean = sum / v.length;
        return Math.sqrt(Math.max(0, sq / v.length - mean * mean));
    }
}
