package dev.editloop.core.region;

import dev.editloop.core.image.Picture;
import java.util.Locale;

/**
 * How well an edit kept the pixels outside its region, measured against the image it edited.
 *
 * <ul>
 *   <li>{@code meanAbsRgb}: mean absolute difference per channel, in levels (0–255), over the outside pixels;
 *   <li>{@code meanDeltaE}: mean CIE76 colour difference ΔE*ab (sRGB, D65) over the outside pixels; about 2.3 is the
 *       smallest difference people notice side by side;
 *   <li>{@code ssim}: structural similarity of the luminance (8×8 windows, stride 4, the usual constants) over the
 *       windows that lie wholly outside the region; 1 is identical;
 *   <li>{@code changedShare}: the share of outside pixels whose ΔE is above 2.3.
 * </ul>
 *
 * A turn <em>leaked</em> when the mean ΔE is above {@link #LEAK_DELTA_E} or the SSIM is below {@link #LEAK_SSIM}.
 *
 * @param outsideShare the share of the image outside the region, 0..1 (0: nothing to measure, every figure perfect)
 * @param meanAbsRgb mean absolute channel difference outside, levels
 * @param meanDeltaE mean ΔE*ab outside
 * @param ssim luminance SSIM outside
 * @param changedShare share of outside pixels with ΔE above 2.3
 */
public record Preservation(
        double outsideShare, double meanAbsRgb, double meanDeltaE, double ssim, double changedShare) {
    /** Mean ΔE above which a turn leaked. */
    public static final double LEAK_DELTA_E = 1.0;

    /** SSIM below which a turn leaked. */
    public static final double LEAK_SSIM = 0.98;

    /** The noticeable ΔE*ab (CIE76) for {@link #changedShare}. */
    public static final double NOTICEABLE_DELTA_E = 2.3;

    /** Whether the outside changed more than the tolerance. */
    public boolean leaked() {
        return meanDeltaE > LEAK_DELTA_E || ssim < LEAK_SSIM;
    }

    /** "ΔE 3.21, |RGB| 4.0, SSIM 0.912, 38% of the outside visibly changed". */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "ΔE %.2f, |RGB| %.1f, SSIM %.3f, %.0f%% of the outside visibly changed",
                meanDeltaE,
                meanAbsRgb,
                ssim,
                changedShare * 100);
    }

    /**
     * Measures what changed outside {@code region} from {@code before} to {@code after}.
     *
     * @throws IllegalArgumentException when the sizes differ
     */
    public static Preservation measure(Picture before, Picture after, Region region) {
        int w = before.width();
        int h = before.height();
        if (after.width() != w || after.height() != h || region.width() != w || region.height() != h) {
            throw new IllegalArgumentException("cannot compare " + w + "x" + h + " with " + after.width() + "x"
                    + after.height() + " in a " + region.width() + "x" + region.height() + " region");
        }
        byte[] a = before.bgr();
        byte[] b = after.bgr();
        long outside = 0;
        double absSum = 0;
        double deSum = 0;
        long changed = 0;
        float[] labA = new float[3];
        float[] labB = new float[3];
        for (int i = 0; i < w * h; i++) {
            if (!region.outside(i)) {
                continue;
            }
            outside++;
            int p = 3 * i;
            int d0 = Math.abs((a[p] & 0xff) - (b[p] & 0xff));
            int d1 = Math.abs((a[p + 1] & 0xff) - (b[p + 1] & 0xff));
            int d2 = Math.abs((a[p + 2] & 0xff) - (b[p + 2] & 0xff));
            if (d0 + d1 + d2 == 0) {
                continue;
            }
            absSum += d0 + d1 + d2;
            lab(a, p, labA);
            lab(b, p, labB);
            double dl = labA[0] - labB[0];
            double da = labA[1] - labB[1];
            double db = labA[2] - labB[2];
            double de = Math.sqrt(dl * dl + da * da + db * db);
            deSum += de;
            if (de > NOTICEABLE_DELTA_E) {
                changed++;
            }
        }
        if (outside == 0) {
            return new Preservation(0, 0, 0, 1, 0);
        }
        double ssim = ssimOutside(a, b, w, h, region);
        return new Preservation(
                outside / (double) (w * h),
                absSum / (3.0 * outside),
                deSum / outside,
                ssim,
                changed / (double) outside);
    }

    // ---- colour ---------------------------------------------------------------------------------------------------

    private static final float[] LINEAR = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
    }

    /** CIE L*a*b* (D65) of the B,G,R pixel at {@code p}. */
    static void lab(byte[] bgr, int p, float[] out) {
        double r = LINEAR[bgr[p + 2] & 0xff];
        double g = LINEAR[bgr[p + 1] & 0xff];
        double bl = LINEAR[bgr[p] & 0xff];
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * bl) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * bl;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * bl) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        out[0] = (float) (116 * fy - 16);
        out[1] = (float) (500 * (fx - fy));
        out[2] = (float) (200 * (fy - fz));
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    // ---- structure ------------------------------------------------------------------------------------------------

    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);

    /**
     * Mean SSIM of the luminance over 8×8 windows at stride 4 that lie wholly outside the region; sums are kept per
     * 4×4 cell so that a window is four cells. 1 when no window lies outside.
     */
    static double ssimOutside(byte[] a, byte[] b, int w, int h, Region region) {
        int cw = w / 4;
        int ch = h / 4;
        if (cw < 2 || ch < 2) {
            return 1;
        }
        int cells = cw * ch;
        double[] sx = new double[cells];
        double[] sy = new double[cells];
        double[] sxx = new double[cells];
        double[] syy = new double[cells];
        double[] sxy = new double[cells];
        boolean[] out = new boolean[cells];
        java.util.Arrays.fill(out, true);
        for (int y = 0; y < ch * 4; y++) {
            int crow = (y / 4) * cw;
            for (int x = 0; x < cw * 4; x++) {
                int i = y * w + x;
                int c = crow + x / 4;
                if (!region.outside(i)) {
                    out[c] = false;
                }
                int p = 3 * i;
                double la = 0.114 * (a[p] & 0xff) + 0.587 * (a[p + 1] & 0xff) + 0.299 * (a[p + 2] & 0xff);
                double lb = 0.114 * (b[p] & 0xff) + 0.587 * (b[p + 1] & 0xff) + 0.299 * (b[p + 2] & 0xff);
                sx[c] += la;
                sy[c] += lb;
                sxx[c] += la * la;
                syy[c] += lb * lb;
                sxy[c] += la * lb;
            }
        }
        double total = 0;
        long windows = 0;
        for (int cy = 0; cy + 1 < ch; cy++) {
            for (int cx = 0; cx + 1 < cw; cx++) {
                int c00 = cy * cw + cx;
                int c01 = c00 + 1;
                int c10 = c00 + cw;
                int c11 = c10 + 1;
                if (!(out[c00] && out[c01] && out[c10] && out[c11])) {
                    continue;
                }
                double n = 64;
                double mx = (sx[c00] + sx[c01] + sx[c10] + sx[c11]) / n;
                double my = (sy[c00] + sy[c01] + sy[c10] + sy[c11]) / n;
                double vx = Math.max(0, (sxx[c00] + sxx[c01] + sxx[c10] + sxx[c11]) / n - mx * mx);
                double vy = Math.max(0, (syy[c00] + syy[c01] + syy[c10] + syy[c11]) / n - my * my);
                double cxy = (sxy[c00] + sxy[c01] + sxy[c10] + sxy[c11]) / n - mx * my;
                total += ((2 * mx * my + C1) * (2 * cxy + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
                windows++;
            }
        }
        return windows == 0 ? 1 : total / windows;
    }
}
