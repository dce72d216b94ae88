package dev.editloop.embedded.measure;

/**
 * Loss of detail in the subject: whether the features that make a subject recognisable (eyes, a mouth, lettering, the
 * pattern of a patch) survived the edit. A style that paints, sketches or simplifies keeps the shapes at this scale;
 * a wiped face does not.
 *
 * <p>Read on the sample planes' luma in a middle band of scales, {@code G₁.₅(y) − G₅(y)} (features a few sample pixels
 * wide, coarser than grain and texture). At each pixel where the source has detail in that band (local band energy
 * above {@link #DETAIL_LEVEL} levels), the pixel is <em>lost</em> when, over a 7×7 box, the edit's band has under
 * {@link #WIPED} of the source's amplitude (wiped flat, after dividing by the ratio of the two images' luma contrast) or correlates under {@link #LOST} with it (replaced by
 * something else), on luma and on the HSV value alike (a saturation change moves luma, not value); a darker, softer or inverted tone scales the band and keeps the correlation, so it loses nothing. The image is
 * cut into an 8×8 grid; the reading is the worst window of 2×2 cells whose center lies in the subject area (the
 * middle of the frame and its upper part, where subjects and faces sit) and that holds enough detail: the share of its
 * detail pixels that were lost.
 */
public final class SubjectDetail {
    /** Local band standard deviation (levels) from which a source pixel counts as detail. */
    public static final double DETAIL_LEVEL = 5;

    /** Local correlation of the two bands under which a detail pixel counts as lost (replaced by something else). */
    public static final double LOST = 0.4;

    /** Local amplitude ratio of the two bands under which a detail pixel counts as lost (wiped flat). */
    public static final double WIPED = 0.3;

    private static final int GRID = 8;

    private SubjectDetail() {}

    /**
     * The worst subject window.
     *
     * @param lostShare the share 0–1 of the window's detail pixels that were lost (NaN when no window holds detail)
     * @param wholeLost the share 0–1 of all detail pixels in the image that were lost
     * @param centerX the window's center as a fraction of the width
     * @param centerY the window's center as a fraction of the height
     */
    public record Reading(double lostShare, double wholeLost, double centerX, double centerY) {
        /** Where the window lies in words. */
        public String where() {
            return Double.isNaN(centerX) ? "nowhere" : Planes.where(centerX, centerY);
        }
    }

    /** Reads the subject's detail loss of a comparison, in the subject area of the frame. */
    public static Reading of(Comparison c) {
        return of(c, null);
    }

    /**
     * Reads the subject's detail loss of a comparison on the subject's own pixels ({@code subject}, on the sample
     * plane; null: every pixel of the subject area of the frame): the grass beside a man's legs, which a painting
     * smooths as it should, is not his face.
     */
    public static Reading of(Comparison c, boolean[] subject) {
        Analysis s = c.source();
        Analysis e = c.aligned();
        int w = s.sampleWidth();
        int h = s.sampleHeight();
        if (w < 2 * GRID || h < 2 * GRID) {
            return new Reading(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        boolean[] lumaLost = new boolean[w * h];
        boolean[] detailHere = lostMap(s.y, e.y, w, h, lumaLost);
        // a saturation change moves luma but keeps the HSV value: a pixel is lost only when lost on both planes
        boolean[] valueLost = new boolean[w * h];
        lostMap(value(s), value(e), w, h, valueLost);
        int[][] detail = new int[GRID][GRID];
        int[][] lost = new int[GRID][GRID];
        int allDetail = 0;
        int allLost = 0;
        for (int y = 0; y < h; y++) {
            int cy = y * GRID / h;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!detailHere[i] || (subject != null && !subject[i])) {
                    continue;
                }
                int cx = x * GRID / w;
                detail[cy][cx]++;
                allDetail++;
                if (lumaLost[i] && valueLost[i]) {
                    lost[cy][cx]++;
                    allLost++;
                }
            }
        }
        double cellPixels = (double) w * h / (GRID * GRID);
        double worst = Double.NaN;
        double wx = Double.NaN;
        double wy = Double.NaN;
        for (int gy = 0; gy < GRID - 1; gy++) {
            for (int gx = 0; gx < GRID - 1; gx++) {
                double fx = (gx + 1.0) / GRID;
                double fy = (gy + 1.0) / GRID;
                if (fx < 0.24 || fx > 0.76 || fy < 0.12 || fy > 0.76) {
                    continue; // not where a subject sits
                }
                int d = detail[gy][gx] + detail[gy][gx + 1] + detail[gy + 1][gx] + detail[gy + 1][gx + 1];
                int l = lost[gy][gx] + lost[gy][gx + 1] + lost[gy + 1][gx] + lost[gy + 1][gx + 1];
                if (d < 0.08 * 4 * cellPixels) {
                    continue; // too little detail to tell
                }
                double share = (double) l / d;
                if (Double.isNaN(worst) || share > worst) {
                    worst = share;
                    wx = fx;
                    wy = fy;
                }
            }
        }
        return new Reading(worst, allDetail == 0 ? Double.NaN : (double) allLost / allDetail, wx, wy);
    }

    /** Flags the detail pixels of a source plane (returned) and, in {@code lost}, those the edit's plane lost. */
    private static boolean[] lostMap(float[] sy, float[] ey, int w, int h, boolean[] lost) {
        float[] bs = band(sy, w, h);
        float[] be = band(ey, w, h);
        float[] ss = new float[bs.length];
        float[] se = new float[bs.length];
        float[] ee = new float[bs.length];
        for (int i = 0; i < bs.length; i++) {
            ss[i] = bs[i] * bs[i];
            se[i] = bs[i] * be[i];
            ee[i] = be[i] * be[i];
        }
        float[] energy = Planes.box(ss, w, h, 3);
        float[] cross = Planes.box(se, w, h, 3);
        float[] edited = Planes.box(ee, w, h, 3);
        double contrast = Math.max(0.1, std(ey) / Math.max(1e-3, std(sy)));
        double floor = DETAIL_LEVEL * DETAIL_LEVEL;
        boolean[] detail = new boolean[bs.length];
        for (int i = 0; i < bs.length; i++) {
            if (energy[i] < floor) {
                continue;
            }
            detail[i] = true;
            double amplitude = Math.sqrt(edited[i] / energy[i]) / contrast;
            double correlation = Math.abs(cross[i]) / Math.sqrt(Math.max(1e-6, energy[i] * edited[i]));
            lost[i] = amplitude < WIPED || correlation < LOST;
        }
        return detail;
    }

    private static float[] value(Analysis a) {
        float[] v = new float[a.y.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(a.r[i], Math.max(a.g[i], a.b[i]));
        }
        return v;
    }

    private static float[] band(float[] y, int w, int h) {
        float[] fine = Planes.gaussian(y, w, h, 1.5);
        float[] coarse = Planes.gaussian(y, w, h, 5);
        float[] out = new float[y.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = fine[i] - coarse[i];
        }
        return out;
    }

    private static double std(float[] v) {
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
