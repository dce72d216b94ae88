package dev.editloop.embedded.measure;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.NamedColor;
import java.util.Objects;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Measurements that compare an edited image with its source. The edit is resampled to the source's sample grid
 * when the sizes differ. Derived maps (SSIM) are computed once and kept; instances are thread-safe.
 *
 * <p>Most comparisons are built so that the classic editor's percent amounts read back directly: a brightness lift
 * of N% reads {@code N/100} in {@link #brightnessChange}, a contrast change of N% reads {@code N/100} in
 * {@link #contrastChange}, and so on; each method states its scale.
 */
public final class Comparison {
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final int SSIM_RADIUS = 3;
    private static final double[] BLUR_SIGMAS = {0, 0.3, 0.5, 0.8, 1.2, 1.8, 2.7, 4, 6, 9};

    /**
     * Mean chroma in levels ({@link Measurements#meanChroma}) under which a picture counts as (nearly) grey: a
     * saturation ratio has no base there, so {@link #saturationChange} reads the chroma added over this floor instead.
     */
    public static final double GREY_CHROMA = 6;

    /** The largest saturation change read from a (nearly) grey source: +400%, whatever color was added. */
    static final double GREY_SATURATION_LIMIT = 4;

    private final Analysis source;
    private final Analysis edited;
    private final Analysis aligned;
    private double[][] ssimMaps;
    private ChangedArea changedArea;
    private Outline.Reading outline;
    private Leftover.Reading leftover;

    private Comparison(Analysis source, Analysis edited) {
        this.source = Objects.requireNonNull(source, "source");
        this.edited = Objects.requireNonNull(edited, "edited");
        this.aligned = edited.resampled(source.sampleWidth(), source.sampleHeight());
    }

    /** Compares two analyses. */
    public static Comparison of(Analysis source, Analysis edited) {
        return new Comparison(source, edited);
    }

    /** Compares two pictures. */
    public static Comparison of(Picture source, Picture edited) {
        return new Comparison(Analysis.of(source), Analysis.of(edited));
    }

    public Analysis source() {
        return source;
    }

    public Analysis edited() {
        return edited;
    }

    /** The edit on the source's sample grid. */
    public Analysis aligned() {
        return aligned;
    }

    /** The area the edit changed, computed once ({@link ChangedArea}). */
    public synchronized ChangedArea changedArea() {
        if (changedArea == null) {
            changedArea = ChangedArea.compute(source, aligned);
        }
        return changedArea;
    }

    /** Where the edge between the changed and the kept area runs ({@link Outline}), read once. */
    public synchronized Outline.Reading outline() {
        if (outline == null) {
            outline = Outline.of(this);
        }
        return outline;
    }

    /** The old background left beside a new one ({@link Leftover}), read once. */
    public synchronized Leftover.Reading leftover() {
        if (leftover == null) {
            leftover = Leftover.of(this);
        }
        return leftover;
    }

    /** Whether both images have the same size. */
    public boolean sameSize() {
        return source.width() == edited.width() && source.height() == edited.height();
    }

    // ---------------------------------------------------------------- structure

    /** Mean SSIM of luma (7×7 windows, sample grid) over a zone, −1..1; 1 for identical images. */
    public double ssim(Zone zone) {
        return mean(maps()[0], zone);
    }

    /**
     * Mean SSIM structure term {@code (σxy + C3)/(σx σy + C3)} over a zone, −1..1: like SSIM but blind to changes of
     * brightness and contrast, so it tells whether the picture's content survived a tone edit.
     */
    public double structure(Zone zone) {
        return mean(maps()[1], zone);
    }

    private synchronized double[][] maps() {
        if (ssimMaps == null) {
            ssimMaps = ssimMaps(source.y, aligned.y, source.sampleWidth(), source.sampleHeight());
        }
        return ssimMaps;
    }

    static double[][] ssimMaps(float[] a, float[] b, int w, int h) {
        float[] aa = new float[a.length];
        float[] bb = new float[a.length];
        float[] ab = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            aa[i] = a[i] * a[i];
            bb[i] = b[i] * b[i];
            ab[i] = a[i] * b[i];
        }
        double[] ia = Measurements.integral(a, w, h);
        double[] ib = Measurements.integral(b, w, h);
        double[] iaa = Measurements.integral(aa, w, h);
        double[] ibb = Measurements.integral(bb, w, h);
        double[] iab = Measurements.integral(ab, w, h);
        double[] ssim = new double[a.length];
        double[] structure = new double[a.length];
        double c3 = C2 / 2;
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - SSIM_RADIUS);
            int y1 = Math.min(h, y + SSIM_RADIUS + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - SSIM_RADIUS);
                int x1 = Math.min(w, x + SSIM_RADIUS + 1);
                double n = (double) (x1 - x0) * (y1 - y0);
                double ma = Measurements.boxSum(ia, w, x0, y0, x1, y1) / n;
                double mb = Measurements.boxSum(ib, w, x0, y0, x1, y1) / n;
                double va = Math.max(0, Measurements.boxSum(iaa, w, x0, y0, x1, y1) / n - ma * ma);
                double vb = Math.max(0, Measurements.boxSum(ibb, w, x0, y0, x1, y1) / n - mb * mb);
                double cov = Measurements.boxSum(iab, w, x0, y0, x1, y1) / n - ma * mb;
                int i = y * w + x;
                ssim[i] = ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
                structure[i] = (cov + c3) / (Math.sqrt(va * vb) + c3);
            }
        }
        return new double[][] {ssim, structure};
    }

    /**
     * Pearson correlation −1..1 of source and edited luma over a zone (the edit on the source's grid): 1 when the
     * edit shows the same layout, whatever tone change came with it; near 0 or negative when the picture was moved,
     * turned or replaced.
     */
    public double correlation(Zone zone) {
        Masked.Moments m = lumaMoments(zone);
        if (m.n() == 0) {
            return Double.NaN;
        }
        double vx = m.varianceX();
        double vy = m.varianceY();
        if (vx < 1e-6 || vy < 1e-6) {
            return vx < 1e-6 && vy < 1e-6 ? 1 : 0;
        }
        return m.covariance() / Math.sqrt(vx * vy);
    }

    /**
     * SSIM (whole image) between the edit and a predicted image of the same content (e.g. the source rotated), the
     * edit resampled to the prediction's grid. −1..1.
     */
    public double similarityTo(Analysis predicted) {
        Analysis e = edited.resampled(predicted.sampleWidth(), predicted.sampleHeight());
        double[] map = ssimMaps(predicted.y, e.y, predicted.sampleWidth(), predicted.sampleHeight())[0];
        return Masked.mean(null, map.length, i -> map[i]);
    }

    /** The changed pixels: a pixel changed when any channel moved by more than {@code threshold} levels. */
    public ChangeMask changes(int threshold) {
        int n = source.y.length;
        boolean[] changed = new boolean[n];
        for (int i = 0; i < n; i++) {
            float d = Math.max(
                    Math.abs(source.r[i] - aligned.r[i]),
                    Math.max(Math.abs(source.g[i] - aligned.g[i]), Math.abs(source.b[i] - aligned.b[i])));
            changed[i] = d > threshold;
        }
        return new ChangeMask(source.sampleWidth(), source.sampleHeight(), changed, threshold);
    }

    /** The fraction 0–1 of pixels in a zone that changed by more than {@code threshold} levels in any channel. */
    public double changedFraction(Zone zone, int threshold) {
        return changes(threshold).fraction(zone);
    }

    /**
     * The share 0–1 of a zone's changed pixels (a channel moved by more than 12 levels) that read as a colour in the
     * edit: text in black drawn on a dark ground is black where it changed the picture, though the picture gains
     * little black. NaN when under 0.2% of the zone changed or the sizes differ.
     */
    public double changedToColor(Zone zone, NamedColor color) {
        if (!sameSize()) {
            return Double.NaN;
        }
        NamedColor.Rule rule = color.rule();
        boolean[] mask = sampleMask(zone);
        int n = 0;
        int changed = 0;
        int coloured = 0;
        for (int i = 0; i < source.y.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            n++;
            double moved = Math.max(
                    Math.abs(source.r[i] - aligned.r[i]),
                    Math.max(Math.abs(source.g[i] - aligned.g[i]), Math.abs(source.b[i] - aligned.b[i])));
            if (moved > 12) {
                changed++;
                if (rule.test((int) aligned.r[i], (int) aligned.g[i], (int) aligned.b[i])) {
                    coloured++;
                }
            }
        }
        return changed < Math.max(1, 0.002 * n) ? Double.NaN : (double) coloured / changed;
    }

    /** Mean absolute difference over R, G and B, in levels, over a zone. */
    public double meanAbsDiff(Zone zone) {
        Masked.Sum sum = Masked.sum(
                sampleMask(zone),
                source.y.length,
                i -> Math.abs(source.r[i] - aligned.r[i])
                        + Math.abs(source.g[i] - aligned.g[i])
                        + Math.abs(source.b[i] - aligned.b[i]));
        return sum.n() == 0 ? Double.NaN : sum.total() / (3.0 * sum.n());
    }

    // ---------------------------------------------------------------- tone

    /**
     * Brightness change as the classic editor's fraction: a lift {@code ΔL/(255 − L)} when luma rose, a cut
     * {@code ΔL/L} when it fell (L: the source's mean luma). Brightness +N% reads +N/100, −N% reads −N/100.
     */
    public double brightnessChange(Zone zone) {
        double ls = Measurements.meanLuma(source, zone);
        double le = Measurements.meanLuma(aligned, zone);
        double d = le - ls;
        if (d >= 0) {
            return d / Math.max(1, 255 - ls);
        }
        return d / Math.max(1, ls);
    }

    /**
     * Contrast change, read from a least-squares fit of edited luma as {@code α + β·s + γ·r²·s} (s: source luma, r:
     * distance from the center, 1 at the corners) over the zone's pixels the edit did not clip (no channel at 0 or
     * 255): γ takes up a vignette, clipped tones do not hide the change (they are an artifact of their own), and the
     * result is {@code |β| − 1}, the change of the RMS contrast (the standard deviation of luma, what a viewer sees as
     * contrast and what an independent judge measures) with the vignette left out. Contrast ±N% around the mean reads
     * ±N/100; a brightness shift reads 0; darkening by scaling toward black and lifting the shadows read as less
     * contrast, as they look; a negative reads by the size of its slope ({@code |β| − 1}), so "invert it, then more
     * contrast" reads the contrast added. Fitted pixel by pixel on the fine planes when both
     * images have the same size, so that no averaging blends clipped and unclipped pixels.
     */
    public double contrastChange(Zone zone) {
        Grid grid = grid();
        boolean[] mask = zone.mask(grid.w, grid.h);
        double[][] a = new double[3][3];
        double[] b = new double[3];
        int n = grid.forEachFitted(mask, (i, r2) -> {
            double sv = luma(grid.s[i]);
            double ev = luma(grid.e[i]);
            double r2s = r2 * sv;
            a[0][0] += 1;
            a[0][1] += sv;
            a[0][2] += r2s;
            a[1][1] += sv * sv;
            a[1][2] += sv * r2s;
            a[2][2] += r2s * r2s;
            b[0] += ev;
            b[1] += sv * ev;
            b[2] += r2s * ev;
        });
        if (n < 8 || n < 0.3 * grid.visited(mask)) {
            // most pixels clipped (posterized, heavily crushed): the plain ratio of luma spreads
            double cs = Measurements.lumaContrast(source, zone);
            double ce = Measurements.lumaContrast(aligned, zone);
            return ce / Math.max(1e-3, cs) - 1;
        }
        a[1][0] = a[0][1];
        a[2][0] = a[0][2];
        a[2][1] = a[1][2];
        // a little ridge on γ keeps the fit stable when r² barely varies (small zones)
        a[2][2] += 1e-3 * a[1][1];
        double[] fit = solve(a, b);
        if (fit == null) {
            return 0;
        }
        // the RMS contrast: the edit's spread of luma over the source's is the fitted slope β (a brightness shift
        // moves α only, a vignette γ only); clipped pixels are left out of the fit and counted as clipping instead.
        // A negative slope is the tone scale mirrored (a negative): its spread is the slope's size
        return Math.abs(fit[1]) - 1;
    }

    /** Solves a small linear system by Gaussian elimination with partial pivoting; null when singular. */
    private static double[] solve(double[][] a, double[] b) {
        int size = b.length;
        double[][] m = new double[size][];
        for (int i = 0; i < size; i++) {
            m[i] = a[i].clone();
        }
        double[] y = b.clone();
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int row = col + 1; row < size; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-9) {
                return null;
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double t = y[col];
            y[col] = y[pivot];
            y[pivot] = t;
            for (int row = col + 1; row < size; row++) {
                double f = m[row][col] / m[col][col];
                for (int k = col; k < size; k++) {
                    m[row][k] -= f * m[col][k];
                }
                y[row] -= f * y[col];
            }
        }
        double[] x = new double[size];
        for (int row = size - 1; row >= 0; row--) {
            double total = y[row];
            for (int k = row + 1; k < size; k++) {
                total -= m[row][k] * x[k];
            }
            x[row] = total / m[row][row];
        }
        return x;
    }

    /**
     * Pixel pairs for per-pixel fits: the fine planes (exact pixels) when both images have the same size, else the
     * sample planes (the edit resampled to the source's grid), packed as 0xRRGGBB.
     */
    private record Grid(int w, int h, int[] s, int[] e, int step) {
        /**
         * Visits, in row-major order, the pixels of the zone a fit reads (every {@code step}-th one, leaving out those
         * the edit clipped), with r², the squared distance from the center (1 at the corners). Returns how many.
         */
        int forEachFitted(boolean[] mask, FittedPixel visit) {
            double cx = (w - 1) / 2.0;
            double cy = (h - 1) / 2.0;
            double norm = Math.max(1e-9, cx * cx + cy * cy);
            int n = 0;
            for (int yy = 0; yy < h; yy += step) {
                double dy = (yy - cy) * (yy - cy);
                for (int x = 0; x < w; x += step) {
                    int i = yy * w + x;
                    if ((mask != null && !mask[i]) || clipped(e[i])) {
                        continue;
                    }
                    visit.accept(i, ((x - cx) * (x - cx) + dy) / norm);
                    n++;
                }
            }
            return n;
        }

        /** How many pixels of the zone a fit visits, clipped or not. */
        int visited(boolean[] mask) {
            int n = 0;
            for (int yy = 0; yy < h; yy += step) {
                for (int x = 0; x < w; x += step) {
                    if (mask == null || mask[yy * w + x]) {
                        n++;
                    }
                }
            }
            return n;
        }
    }

    /** A pixel visited by a fit: its index and r², its squared distance from the center (1 at the corners). */
    @FunctionalInterface
    private interface FittedPixel {
        void accept(int i, double r2);
    }

    private Grid grid;

    private synchronized Grid grid() {
        if (grid == null) {
            if (sameSize() && source.fineWidth() == edited.fineWidth() && source.fineHeight() == edited.fineHeight()) {
                // every other pixel of a large plane is plenty for a fit with three unknowns
                int step = source.fine.length > 300_000 ? 2 : 1;
                grid = new Grid(source.fineWidth(), source.fineHeight(), source.fine, edited.fine, step);
            } else {
                grid = new Grid(source.sampleWidth(), source.sampleHeight(), packed(source), packed(aligned), 1);
            }
        }
        return grid;
    }

    private static int[] packed(Analysis a) {
        int[] out = new int[a.y.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Math.round(a.r[i]) << 16) | (Math.round(a.g[i]) << 8) | Math.round(a.b[i]);
        }
        return out;
    }

    private static double luma(int p) {
        return 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
    }

    /** Whether a pixel has a channel at 0 or 255 (out of gamut or blown/crushed). */
    private static boolean clipped(int p) {
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        return r == 0 || g == 0 || b == 0 || r == 255 || g == 255 || b == 255;
    }

    private static int chroma(int p) {
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    }

    /** Exposure change in stops: log2 of the ratio of mean linear luminance. */
    public double exposureChange(Zone zone) {
        double ls = Measurements.meanLinearLuminance(source, zone);
        double le = Measurements.meanLinearLuminance(aligned, zone);
        return Math.log(Math.max(1e-4, le) / Math.max(1e-4, ls)) / Math.log(2);
    }

    /**
     * Saturation change: from a least-squares fit of edited chroma ({@code max − min} per pixel) as
     * {@code β·c + γ·r²·c} (c: source chroma, r: distance from the center; γ takes up a vignette), over the pixels the
     * edit did not push out of gamut (no channel at 0 or 255): {@code β − 1}. Saturation ±N% (HSV) reads ±N/100;
     * blending toward grey at t reads −t. Fitted on the fine planes when both images have the same size.
     *
     * <p>A (nearly) grey source (mean chroma under {@link #GREY_CHROMA} levels) has no base for a ratio: any tint
     * would read thousands of percent and staying grey −100% or 0 by chance. There the reading is the mean chroma
     * added over the floor, {@code (ce − cs) / max(cs, GREY_CHROMA)}, bounded to −1…{@value #GREY_SATURATION_LIMIT}:
     * 0 when the edit stays grey, continuous with the ratio at the floor.
     */
    public double saturationChange(Zone zone) {
        double cs = Measurements.meanChroma(source, zone);
        if (!(cs >= GREY_CHROMA)) {
            double ce = Measurements.meanChroma(aligned, zone);
            if (Double.isNaN(cs) || Double.isNaN(ce)) {
                return Double.NaN;
            }
            return Math.max(-1, Math.min(GREY_SATURATION_LIMIT, (ce - cs) / GREY_CHROMA));
        }
        Grid grid = grid();
        boolean[] mask = zone.mask(grid.w, grid.h);
        double[][] a = new double[2][2];
        double[] b = new double[2];
        int n = grid.forEachFitted(mask, (i, r2) -> {
            double u = chroma(grid.s[i]);
            double v = r2 * u;
            double c = chroma(grid.e[i]);
            a[0][0] += u * u;
            a[0][1] += u * v;
            a[1][1] += v * v;
            b[0] += u * c;
            b[1] += v * c;
        });
        double s11 = a[0][0];
        double s12 = a[0][1];
        double s22 = a[1][1] + 1e-3 * s11;
        double b1 = b[0];
        double b2 = b[1];
        double det = s11 * s22 - s12 * s12;
        if (s11 < 1e-6 || Math.abs(det) < 1e-12 * s11 * s11 || n < 0.3 * grid.visited(mask)) {
            // most pixels clipped (posterized colors): the plain ratio of mean chroma
            return Measurements.meanChroma(aligned, zone) / Math.max(0.5, Measurements.meanChroma(source, zone)) - 1;
        }
        return (b1 * s22 - b2 * s12) / det - 1;
    }

    /** Desaturation 0–1: one minus the mean chroma ratio; black and white at s% reads s/100. */
    public double desaturation(Zone zone) {
        return Math.max(0, Math.min(1, -saturationChange(zone)));
    }

    /**
     * The color cast the edit added: a least-squares fit, over the zone's pixels, of the edit's opponent chroma
     * {@code (R − G, (R + G)/2 − B)} as {@code (a + γ·r²) · source chroma + (bu, bv)} (r: distance from the center,
     * 1 at the corners). The scale absorbs saturation, contrast and brightness changes and a vignette; the offset is
     * the cast (a warm shift, a tint). Pixels the edit clipped are left out. Returns {a, bu, bv}.
     */
    public double[] colorCast(Zone zone) {
        Grid grid = grid();
        boolean[] mask = zone.mask(grid.w, grid.h);
        double[][] m = new double[4][4];
        double[] v = new double[4];
        int n = grid.forEachFitted(mask, (i, r2) -> {
            double su = opponentU(grid.s[i]);
            double sv = opponentV(grid.s[i]);
            double eu = opponentU(grid.e[i]);
            double ev = opponentV(grid.e[i]);
            double ss = su * su + sv * sv;
            m[0][0] += ss;
            m[0][1] += r2 * ss;
            m[1][1] += r2 * r2 * ss;
            m[0][2] += su;
            m[0][3] += sv;
            m[1][2] += r2 * su;
            m[1][3] += r2 * sv;
            v[0] += su * eu + sv * ev;
            v[1] += r2 * (su * eu + sv * ev);
            v[2] += eu;
            v[3] += ev;
        });
        if (n == 0) {
            return new double[] {1, 0, 0};
        }
        m[2][2] = n;
        m[3][3] = n;
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < p; q++) {
                m[p][q] = m[q][p];
            }
        }
        // a little ridge keeps the fit stable for nearly grey sources and small zones
        m[0][0] += 1e-3 * m[0][0] + 1e-6;
        m[1][1] += 1e-3 * m[0][0] + 1e-6;
        double[] fit = solve(m, v);
        if (fit == null) {
            return new double[] {1, v[2] / n, v[3] / n};
        }
        return new double[] {fit[0], fit[2], fit[3]};
    }

    private static double opponentU(int p) {
        return ((p >> 16) & 0xff) - ((p >> 8) & 0xff);
    }

    private static double opponentV(int p) {
        return 0.5 * (((p >> 16) & 0xff) + ((p >> 8) & 0xff)) - (p & 0xff);
    }

    /**
     * Warmth change: the warm (positive) or cool (negative) part of the {@link #colorCast color cast}, scaled so that
     * "warmer by N%" (R up and B down by N/100 · 40 levels, a cast of (40, 60)·N/100) reads N/100. Saturation and
     * contrast changes do not count.
     */
    public double warmthChange(Zone zone) {
        double[] cast = colorCast(zone);
        return (cast[1] * 40 + cast[2] * 60) / (40.0 * 40 + 60.0 * 60);
    }

    /**
     * Hue shift in degrees (−180..180): the circular mean of per-pixel hue differences, weighted by the smaller
     * saturation of the pair; pixels below saturation 0.12 or value 25 in either image do not count. 0 when there is
     * no color to read.
     */
    public double hueShift(Zone zone) {
        boolean[] mask = sampleMask(zone);
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < source.y.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            float ss = source.s[i];
            float se = aligned.s[i];
            if (ss < 0.12f || se < 0.12f) {
                continue;
            }
            float vs = Math.max(source.r[i], Math.max(source.g[i], source.b[i]));
            float ve = Math.max(aligned.r[i], Math.max(aligned.g[i], aligned.b[i]));
            if (vs < 25 || ve < 25) {
                continue;
            }
            double d = Math.toRadians(aligned.h[i] - source.h[i]);
            double w = Math.min(ss, se);
            sx += w * Math.cos(d);
            sy += w * Math.sin(d);
        }
        if (sx == 0 && sy == 0) {
            return 0;
        }
        return Math.toDegrees(Math.atan2(sy, sx));
    }

    /**
     * Inversion 0–1: {@code (1 − β)/2} with β the least-squares slope of edited luma on source luma. 0 for an
     * unchanged image, 1 for a full inversion, s/100 for an inversion blended at s%.
     */
    public double inversion(Zone zone) {
        Masked.Moments m = lumaMoments(zone);
        if (m.n() == 0) {
            return Double.NaN;
        }
        double vx = m.varianceX();
        if (vx < 1e-6) {
            return 0;
        }
        double beta = m.covariance() / vx;
        return Math.max(0, Math.min(1, (1 - beta) / 2));
    }

    /** The moments of source luma (x) and edited luma (y) over a zone, on the source's sample grid. */
    private Masked.Moments lumaMoments(Zone zone) {
        return Masked.moments(sampleMask(zone), source.y, aligned.y);
    }

    /**
     * Tint 0–1: twice the blend factor f with which the edit moved toward {@code color}, so that "tint it blue by N%"
     * (a blend with the color at N/200) reads N/100. For a chromatic color, f is read from the {@link #colorCast
     * color cast} (the cast's projection on the color's own chroma), so saturation or contrast changes made along the
     * way do not count; for grey, black and white, f is the least-squares blend factor in RGB.
     */
    public double tint(NamedColor color, Zone zone) {
        double cu = color.r() - color.g();
        double cv = 0.5 * (color.r() + color.g()) - color.b();
        double norm = cu * cu + cv * cv;
        if (norm >= 400) {
            double[] cast = colorCast(zone);
            return 2 * (cast[1] * cu + cast[2] * cv) / norm;
        }
        boolean[] mask = sampleMask(zone);
        double num = 0;
        double den = 0;
        for (int i = 0; i < source.y.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            double cr = color.r() - source.r[i];
            double cg = color.g() - source.g[i];
            double cb = color.b() - source.b[i];
            num += (aligned.r[i] - source.r[i]) * cr
                    + (aligned.g[i] - source.g[i]) * cg
                    + (aligned.b[i] - source.b[i]) * cb;
            den += cr * cr + cg * cg + cb * cb;
        }
        return den <= 1e-9 ? 0 : 2 * num / den;
    }

    /**
     * Sepia shift 0–1: how far the edit moved toward a sepia toning of the source. The edit's opponent chroma is fitted
     * by least squares as {@code a · source chroma + b · sepia chroma}, where the sepia chroma is that of the source
     * through the classic sepia matrix; the result is {@code b / (a + b)}: 0 unchanged, 1 full sepia, s/100 for a
     * sepia blend at s%, whatever saturation or contrast change came after. 0 when the edit has no color left.
     */
    public double sepiaShift(Zone zone) {
        Grid grid = grid();
        boolean[] mask = zone.mask(grid.w, grid.h);
        double[][] m = new double[2][2];
        double[] v = new double[2];
        grid.forEachFitted(mask, (i, r2) -> {
            int sv = grid.s[i];
            double r = (sv >> 16) & 0xff;
            double g = (sv >> 8) & 0xff;
            double b = sv & 0xff;
            double pr = Math.min(255, 0.393 * r + 0.769 * g + 0.189 * b);
            double pg = Math.min(255, 0.349 * r + 0.686 * g + 0.168 * b);
            double pb = Math.min(255, 0.272 * r + 0.534 * g + 0.131 * b);
            double su = r - g;
            double sw = 0.5 * (r + g) - b;
            double pu = pr - pg;
            double pw = 0.5 * (pr + pg) - pb;
            double eu = opponentU(grid.e[i]);
            double ew = opponentV(grid.e[i]);
            m[0][0] += su * su + sw * sw;
            m[0][1] += su * pu + sw * pw;
            m[1][1] += pu * pu + pw * pw;
            v[0] += eu * su + ew * sw;
            v[1] += eu * pu + ew * pw;
        });
        double ridge = 1e-3 * (m[0][0] + m[1][1]) + 1e-9;
        double ss = m[0][0] + ridge;
        double sp = m[0][1];
        double pp = m[1][1] + ridge;
        double es = v[0];
        double ep = v[1];
        double det = ss * pp - sp * sp;
        if (Math.abs(det) < 1e-12) {
            return 0;
        }
        double a = (es * pp - ep * sp) / det;
        double b = (ss * ep - sp * es) / det;
        if (a + b < 0.05) {
            return b > 0.05 ? 1 : 0;
        }
        return Math.max(-1, Math.min(1.5, b / (a + b)));
    }

    // ---------------------------------------------------------------- texture

    /**
     * Added noise in luma levels: {@code √max(0, σe² − σs²)} of the {@link Measurements#noise noise levels}, since
     * independent noise adds in quadrature.
     */
    public double addedNoise(Zone zone) {
        double ns = Measurements.noise(source, zone);
        double ne = Measurements.noise(edited, zone);
        return Math.sqrt(Math.max(0, ne * ne - ns * ns));
    }

    /** Sharpness change: log2 of the ratio of Laplacian variances; −1 halves it, +1 doubles it. */
    public double sharpnessChange(Zone zone) {
        double a = Measurements.sharpness(source, zone);
        double b = Measurements.laplacianVariance(
                aligned.y,
                aligned.sampleWidth(),
                aligned.sampleHeight(),
                zone.mask(aligned.sampleWidth(), aligned.sampleHeight()));
        return Math.log((b + 1) / (a + 1)) / Math.log(2);
    }

    /**
     * Sharpness change in stops, like {@link #sharpnessChange(Zone)}, on the zone's pixels that {@code keep} (a mask on
     * the source's sample plane) also holds; on the whole zone when they are under a twentieth of the picture.
     */
    public double sharpnessChange(Zone zone, boolean[] keep) {
        int w = source.sampleWidth();
        int h = source.sampleHeight();
        boolean[] mask = zone.mask(w, h);
        boolean[] both = new boolean[w * h];
        int n = 0;
        for (int p = 0; p < both.length; p++) {
            both[p] = (mask == null || mask[p]) && keep[p];
            if (both[p]) {
                n++;
            }
        }
        if (n < both.length / 20 || aligned.sampleWidth() != w || aligned.sampleHeight() != h) {
            return sharpnessChange(zone);
        }
        double a = Measurements.laplacianVariance(source.y, w, h, both);
        double b = Measurements.laplacianVariance(aligned.y, w, h, both);
        return Math.log((b + 1) / (a + 1)) / Math.log(2);
    }

    /**
     * Detail change: the ratio of {@link Measurements#detail local detail} over the ratio of luma contrast, minus 1:
     * local texture gained (sharpening, detail enhancement) or lost (blur, painterly smoothing) beyond what the
     * global contrast change explains.
     */
    public double detailChange(Zone zone) {
        double a = Measurements.detail(source, zone);
        double b = Measurements.detail(aligned, zone);
        double contrast =
                Measurements.lumaContrast(aligned, zone) / Math.max(0.5, Measurements.lumaContrast(source, zone));
        return b / Math.max(0.25, a) / Math.max(0.05, contrast) - 1;
    }

    /**
     * Vignette change: {@code 1 − r_e / r_s} where r is the corner-to-center luma ratio of each image; 0 when the
     * corners kept their brightness relative to the center, s when the corners were darkened by the factor
     * {@code 1 − s} relative to the center.
     */
    public double vignetteChange() {
        double toned = tonedVignette();
        if (!Double.isNaN(toned)) {
            return toned;
        }
        return plainVignette();
    }

    /**
     * The vignette an edit that was not asked for one added, read both ways: with the edit's tone curve taken out (as
     * {@link #vignetteChange}) and as the plain ratio of corners to center. The tone curve is fitted on the center and
     * carried to the corners, and a local edit that the fit still explains well (a detail enhancement lifts the
     * center's local contrast: a slope of 1.07) carries it wrongly to dark corners, which then read as lifted or
     * darkened although their mean moved a level. Only what both readings agree on is a vignette: 0 when they
     * disagree in sign, else the smaller of the two. A contrast stretch that lifts bright corners reads as a brighter
     * corner plainly and as none toned: none; a vignette reads as one either way.
     */
    public double vignetteSideEffect() {
        double toned = tonedVignette();
        double plain = plainVignette();
        if (Double.isNaN(toned)) {
            return plain;
        }
        if (Math.signum(toned) != Math.signum(plain)) {
            return 0;
        }
        return Math.abs(toned) < Math.abs(plain) ? toned : plain;
    }

    /** {@code 1 − r_e / r_s}, r the plain corner-to-center luma ratio of each image. */
    private double plainVignette() {
        double[] s = Measurements.cornersAndCenter(source);
        double[] e = Measurements.cornersAndCenter(aligned);
        double rs = s[0] / Math.max(1, s[1]);
        double re = e[0] / Math.max(1, e[1]);
        if (rs <= 1e-6) {
            return 0;
        }
        return 1 - re / rs;
    }

    /**
     * The vignette with the edit's tone curve taken out: the edited luma of the center (the middle third each way) fitted
     * as {@code α + β·s} on the source's, and the corners (as in {@link Measurements#vignette}) read against what
     * that fit predicts for them, {@code 1 − Σe / Σclamp(α + β·s)}. A contrast stretch lifts bright corners and a
     * brightness shift lifts them all, and neither is a vignette; darkening the corners beyond the picture's own tone
     * change is. NaN when the center is too flat or too clipped to fit, when the fit explains it poorly (a style or a
     * local edit, R² under 0.98), or when it finds no tone change to take out (slope within 8% of 1 and the mean moved
     * under 5 levels): then the plain ratio of corners to center is read.
     */
    private double tonedVignette() {
        if (!sameSize()) {
            return Double.NaN;
        }
        int w = source.sampleWidth();
        int h = source.sampleHeight();
        if (aligned.sampleWidth() != w || aligned.sampleHeight() != h || w < 6 || h < 6) {
            return Double.NaN;
        }
        float[] sy = source.y;
        float[] ey = aligned.y;
        boolean[] center = new boolean[w * h];
        for (int yy = h / 3; yy < h - h / 3; yy++) {
            for (int x = w / 3; x < w - w / 3; x++) {
                int i = yy * w + x;
                center[i] = ey[i] > 2 && ey[i] < 253;
            }
        }
        Masked.Moments fit = Masked.moments(center, w * h, i -> sy[i], i -> ey[i]);
        double n = fit.n();
        double centered = w / 3.0 * (h / 3.0);
        if (n < 30 || n < 0.5 * centered) {
            return Double.NaN;
        }
        double vs = fit.varianceX();
        double ve = fit.varianceY();
        double cov = fit.covariance();
        if (vs < 4 || ve < 1) {
            return Double.NaN; // a flat center: no tone curve to read
        }
        double beta = cov / vs;
        double alpha = fit.meanY() - beta * fit.meanX();
        double r2 = cov * cov / (vs * ve);
        if (r2 < 0.98 || (Math.abs(beta - 1) < 0.08 && Math.abs(alpha + (beta - 1) * fit.meanX()) < 5)) {
            return Double.NaN; // no global tone change to take out (or none that explains the center)
        }
        int cw = Math.max(1, w / 6);
        int ch = Math.max(1, h / 6);
        double predicted = 0;
        double actual = 0;
        for (int yy = 0; yy < h; yy++) {
            if (yy >= ch && yy < h - ch) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                if (x >= cw && x < w - cw) {
                    continue;
                }
                int i = yy * w + x;
                predicted += Math.max(0, Math.min(255, alpha + beta * sy[i]));
                actual += ey[i];
            }
        }
        return predicted < 1 ? Double.NaN : 1 - actual / predicted;
    }

    /**
     * The Gaussian blur that best explains the edit: the σ, in original-image pixels, for which the source blurred by
     * σ best matches the edit (least squares on luma normalized to zero mean and unit variance within the zone, so
     * tone changes do not count). 0 when the edit is as sharp as the source (or sharper).
     */
    public double blurSigma(Zone zone) {
        int w = source.sampleWidth();
        int h = source.sampleHeight();
        boolean[] mask = zone.mask(w, h);
        float[] target = normalized(aligned.y, mask);
        Mat src = new Mat(h, w, CvType.CV_32F);
        src.put(0, 0, source.y);
        float[] blurred = new float[w * h];
        double[] errors = new double[BLUR_SIGMAS.length];
        Mat out = new Mat();
        for (int k = 0; k < BLUR_SIGMAS.length; k++) {
            float[] candidate;
            if (BLUR_SIGMAS[k] == 0) {
                candidate = source.y;
            } else {
                Imgproc.GaussianBlur(src, out, new Size(0, 0), BLUR_SIGMAS[k]);
                out.get(0, 0, blurred);
                candidate = blurred;
            }
            errors[k] = mse(normalized(candidate, mask), target, mask);
        }
        src.release();
        out.release();
        int best = 0;
        for (int k = 1; k < errors.length; k++) {
            if (errors[k] < errors[best]) {
                best = k;
            }
        }
        double sigma = BLUR_SIGMAS[best];
        if (best > 0 && best < errors.length - 1) {
            // parabola through the neighbours, in index space
            double e0 = errors[best - 1];
            double e1 = errors[best];
            double e2 = errors[best + 1];
            double den = e0 - 2 * e1 + e2;
            if (den > 1e-12) {
                double offset = Math.max(-0.5, Math.min(0.5, 0.5 * (e0 - e2) / den));
                double lo = offset < 0 ? BLUR_SIGMAS[best - 1] : sigma;
                double hi = offset < 0 ? sigma : BLUR_SIGMAS[best + 1];
                double t = offset < 0 ? 1 + offset : offset;
                sigma = lo + (hi - lo) * t;
            }
        }
        return sigma / source.sampleScale();
    }

    private static float[] normalized(float[] values, boolean[] mask) {
        double mean = Masked.mean(mask, values);
        double std = Math.max(1e-3, Masked.std(mask, values));
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) ((values[i] - mean) / std);
        }
        return out;
    }

    private static double mse(float[] a, float[] b, boolean[] mask) {
        Masked.Sum sum = Masked.sum(mask, a.length, i -> {
            double d = a[i] - b[i];
            return d * d;
        });
        return sum.n() == 0 ? 0 : sum.mean();
    }

    private double mean(double[] map, Zone zone) {
        return Masked.mean(sampleMask(zone), map.length, i -> map[i]);
    }

    /** The zone's pixels on the source's sample grid. */
    private boolean[] sampleMask(Zone zone) {
        return zone.mask(source.sampleWidth(), source.sampleHeight());
    }
}
