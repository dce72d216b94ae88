package dev.editloop.core.region;

import dev.editloop.core.image.Picture;
import java.util.Locale;

/**
 * The edge check of a composite: whether putting the outside back drew a visible line along the region's border.
 *
 * <p>It looks at the border band (the feather zone just inside the border and two pixels outside it) and takes the
 * mean luminance gradient there (Sobel, in levels per pixel) in three images: the source, the editor's own result,
 * and the composite. A seam is an edge the composite has and neither of the other two had: {@code excess} is the
 * composite's gradient minus the larger of the other two, and the seam is visible when it is above {@link
 * #VISIBLE_LEVELS}. A 40-level step spread over an 8-pixel feather gives about 4; a 12-level one about 1.
 *
 * @param composite mean gradient in the band of the composite
 * @param source mean gradient in the band of the source
 * @param edited mean gradient in the band of the editor's result
 * @param excess {@code composite - max(source, edited)}
 */
public record Seam(double composite, double source, double edited, double excess) {
    /** Excess gradient, in levels per pixel, above which the seam shows. */
    public static final double VISIBLE_LEVELS = 2.0;

    /** Whether the composite shows a line the source and the edit did not have. */
    public boolean visible() {
        return excess > VISIBLE_LEVELS;
    }

    /** "seam 0.4 levels/px (visible above 2.0)". */
    public String summary() {
        return String.format(Locale.ROOT, "seam %.1f levels/px (visible above %.1f)", excess, VISIBLE_LEVELS);
    }

    /** Measures the seam of {@code composite} along the border of {@code region}. */
    public static Seam measure(Picture source, Picture edited, Picture composite, Region region, int feather) {
        int w = source.width();
        int h = source.height();
        boolean[] band = band(region, feather);
        double gs = meanGradient(source, band, w, h);
        double ge = meanGradient(edited, band, w, h);
        double gc = meanGradient(composite, band, w, h);
        return new Seam(gc, gs, ge, gc - Math.max(gs, ge));
    }

    /** The feather zone inside the border, and up to two pixels outside it. */
    static boolean[] band(Region region, int feather) {
        int[] in = Composite.insideDistance(region);
        int[] out = Composite.outsideDistance(region);
        boolean[] band = new boolean[in.length];
        int inside = (Math.max(1, feather) + 1) * 3;
        for (int i = 0; i < band.length; i++) {
            band[i] = region.outside(i) ? out[i] <= 6 : in[i] <= inside;
        }
        return band;
    }

    private static double meanGradient(Picture picture, boolean[] band, int w, int h) {
        byte[] bgr = picture.bgr();
        float[] lum = new float[w * h];
        for (int i = 0; i < lum.length; i++) {
            int p = 3 * i;
            lum[i] = (float) (0.114 * (bgr[p] & 0xff) + 0.587 * (bgr[p + 1] & 0xff) + 0.299 * (bgr[p + 2] & 0xff));
        }
        double sum = 0;
        long n = 0;
        for (int y = 1; y + 1 < h; y++) {
            for (int x = 1; x + 1 < w; x++) {
                int i = y * w + x;
                if (!band[i]) {
                    continue;
                }
                double gx = (lum[i - w + 1]
                                + 2 * lum[i + 1]
                                + lum[i + w + 1]
                                - lum[i - w - 1]
                                - 2 * lum[i - 1]
                                - lum[i + w - 1])
                        / 8;
                double gy = (lum[i + w - 1]
                                + 2 * lum[i + w]
                                + lum[i + w + 1]
                                - lum[i - w - 1]
                                - 2 * lum[i - w]
                                - lum[i - w + 1])
                        / 8;
                sum += Math.sqrt(gx * gx + gy * gy);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
