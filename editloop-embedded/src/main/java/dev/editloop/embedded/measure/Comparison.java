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

    private final Analysis source;
    private final Analysis edited;
    private final Analysis aligned;
    private double[][] ssimMaps;

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
     * SSIM (whole image) between the edit and a predicted image of the same content (e.g. the source rotated), the
     * edit resampled to the prediction's grid. −1..1.
     */
    public double similarityTo(Analysis predicted) {
        Analysis e = edited.resampled(predicted.sampleWidth(), predicted.sampleHeight());
        double[] map = ssimMaps(predicted.y, e.y, predicted.sampleWidth(), predicted.sampleHeight())[0];
        double sum = 0;
        for (double v : map) {
            sum += v;
        }
        return sum / map.length;
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

    /** Mean absolute difference over R, G and B, in levels, over a zone. */
    public double meanAbsDiff(Zone zone) {
        boolean[] mask = zone.mask(source.sampleWidth(), source.sampleHeight());
        double sum = 0;
        int n = 0;
        for (int i = 0; i < source.y.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            sum += Math.abs(source.r[i] - aligned.r[i])
                    + Math.abs(source.g[i] - aligned.g[i])
                    + Math.abs(source.b[i] - aligned.b[i]);
            n++;
        }
        return n == 0 ? Double.NaN : sum / (3.0 * n);
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

    /** Contrast change: luma standard deviation ratio minus 1. Contrast ±N% reads ±N/100. */
    public double contrastChange(Zone zone) {
        double cs = Measurements.lumaContrast(source, zone);
        double ce = Measurements.lumaContrast(aligned, zone);
        return ce / Math.max(0.5, cs) - 1;
    }

    /** Exposure change in stops: log2 of the ratio of mean linear luminance. */
    public double exposureChange(Zone zone) {
        double ls = Measurements.meanLinearLuminance(source, zone);
        double le = Measurements.meanLinearLuminance(aligned, zone);
        return Math.log(Math.max(1e-4, le) / Math.max(1e-4, ls)) / Math.log(2);
    }

    /**
     * Saturation change: mean chroma ratio minus 1. Saturation ±N% (HSV) reads ±N/100 until colors clip; blending
     * toward grey at t reads −t.
     */
    public double saturationChange(Zone zone) {
        double cs = Measurements.meanChroma(source, zone);
        double ce = Measurements.meanChroma(aligned, zone);
        return ce / Math.max(0.5, cs) - 1;
    }

    /** Desaturation 0–1: one minus the mean chroma ratio; black and white at s% reads s/100. */
    public double desaturation(Zone zone) {
        return Math.max(0, Math.min(1, -saturationChange(zone)));
    }

    /**
     * Warmth change: the change of mean {@code R − B} divided by 80 levels, so that "warmer by N%" (R up and B down
     * by about N/100 · 40 levels) reads N/100.
     */
    public double warmthChange(Zone zone) {
        return (Measurements.warmth(aligned, zone) - Measurements.warmth(source, zone)) / 80.0;
    }

    /**
     * Hue shift in degrees (−180..180): the circular mean of per-pixel hue differences, weighted by the smaller
     * saturation of the pair; pixels below saturation 0.12 or value 25 in either image do not count. 0 when there is
     * no color to read.
     */
    public double hueShift(Zone zone) {
        boolean[] mask = zone.mask(source.sampleWidth(), source.sampleHeight());
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
        boolean[] mask = zone.mask(source.sampleWidth(), source.sampleHeight());
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < source.y.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            double x = source.y[i];
            double y = aligned.y[i];
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        if (n == 0) {
            return Double.NaN;
        }
        double vx = sxx / n - (sx / n) * (sx / n);
        if (vx < 1e-6) {
            return 0;
        }
        double beta = (sxy / n - (sx / n) * (sy / n)) / vx;
        return Math.max(0, Math.min(1, (1 - beta) / 2));
    }

    /**
     * Tint 0–1: the least-squares blend factor f with which the edit equals {@code (1 − f)·source + f·color}, times
     * two, so that "tint it blue by N%" (a blend with the color at N/200) reads N/100.
     */
    public double tint(NamedColor color, Zone zone) {
        boolean[] mask = zone.mask(source.sampleWidth(), source.sampleHeight());
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
     * Sepia shift: how far the edit moved from the source toward a full sepia toning of it (the classic sepia
     * matrix), on the {@link Measurements#sepianess sepia-ness} scale: 0 unchanged, about 1 full sepia, about s/100
     * or more for a sepia blend at s%. Negative when the edit moved away from sepia.
     */
    public double sepiaShift(Zone zone) {
        boolean[] mask = zone.mask(source.sampleWidth(), source.sampleHeight());
        int n = source.y.length;
        float[] sr = new float[n];
        float[] sg = new float[n];
        float[] sb = new float[n];
        for (int i = 0; i < n; i++) {
            float r = source.r[i];
            float g = source.g[i];
            float b = source.b[i];
            sr[i] = Math.min(255, 0.393f * r + 0.769f * g + 0.189f * b);
            sg[i] = Math.min(255, 0.349f * r + 0.686f * g + 0.168f * b);
            sb[i] = Math.min(255, 0.272f * r + 0.534f * g + 0.131f * b);
        }
        double full = Measurements.sepianess(sr, sg, sb, mask);
        double before = Measurements.sepianess(source.r, source.g, source.b, mask);
        double after = Measurements.sepianess(aligned.r, aligned.g, aligned.b, mask);
        return (after - before) / Math.max(0.05, full - before);
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

    /** Detail change: ratio of {@link Measurements#detail local detail} minus 1. */
    public double detailChange(Zone zone) {
        double a = Measurements.detail(source, zone);
        double b = Measurements.detail(aligned, zone);
        return b / Math.max(0.25, a) - 1;
    }

    /**
     * Vignette change: {@code 1 − r_e / r_s} where r is the corner-to-center luma ratio of each image; 0 when the
     * corners kept their brightness relative to the center, s when the corners were darkened by the factor
     * {@code 1 − s} relative to the center.
     */
    public double vignetteChange() {
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
        double mean = Measurements.mean(values, mask);
        double std = Math.max(1e-3, Measurements.std(values, mask));
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) ((values[i] - mean) / std);
        }
        return out;
    }

    private static double mse(float[] a, float[] b, boolean[] mask) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            double d = a[i] - b[i];
            sum += d * d;
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    private double mean(double[] map, Zone zone) {
        boolean[] mask = zone.mask(source.sampleWidth(), source.sampleHeight());
        double sum = 0;
        int n = 0;
        for (int i = 0; i < map.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            sum += map[i];
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
