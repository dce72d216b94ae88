package dev.editloop.embedded.measure;

import java.util.Objects;

/**
 * The area an edit changed, as a clean mask on the comparison's sample grid: a pixel changed when its 5×5
 * neighbourhood moved by more than {@link #THRESHOLD} levels on average in some channel, specks and pinholes removed.
 * The local artifact measures ({@link FillTexture}, {@link Halo}) read the changed area against its surroundings.
 *
 * @param width grid width
 * @param height grid height
 * @param mask one flag per grid pixel, row-major
 * @param share the fraction 0–1 of the image that changed
 * @param centerX the changed area's centroid as a fraction of the width (NaN when nothing changed)
 * @param centerY the changed area's centroid as a fraction of the height (NaN when nothing changed)
 */
public record ChangedArea(int width, int height, boolean[] mask, double share, double centerX, double centerY) {
    /** The mean change in levels (any channel, 5×5 average) above which a pixel counts as changed. */
    public static final double THRESHOLD = 14;

    public ChangedArea {
        Objects.requireNonNull(mask, "mask");
        if (mask.length != width * height) {
            throw new IllegalArgumentException("mask size does not match " + width + "x" + height);
        }
        mask = mask.clone();
    }

    /** The changed area of a comparison (computed once per comparison). */
    public static ChangedArea of(Comparison c) {
        return c.changedArea();
    }

    static ChangedArea compute(Analysis source, Analysis aligned) {
        int w = source.sampleWidth();
        int h = source.sampleHeight();
        float[][] diffs = new float[3][w * h];
        for (int i = 0; i < w * h; i++) {
            diffs[0][i] = Math.abs(source.r[i] - aligned.r[i]);
            diffs[1][i] = Math.abs(source.g[i] - aligned.g[i]);
            diffs[2][i] = Math.abs(source.b[i] - aligned.b[i]);
        }
        boolean[] changed = new boolean[w * h];
        for (float[] d : diffs) {
            float[] local = Planes.box(d, w, h, 2);
            for (int i = 0; i < changed.length; i++) {
                changed[i] |= local[i] > THRESHOLD;
            }
        }
        boolean[] clean = Planes.clean(changed, w, h, 1, 2);
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (clean[y * w + x]) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return new ChangedArea(
                w,
                h,
                clean,
                (double) n / (w * h),
                n == 0 ? Double.NaN : (sx / n + 0.5) / w,
                n == 0 ? Double.NaN : (sy / n + 0.5) / h);
    }

    /** Where the changed area lies in words: "the center", "the lower left"… */
    public String where() {
        return Double.isNaN(centerX) ? "nowhere" : Planes.where(centerX, centerY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangedArea a
                && a.width == width
                && a.height == height
                && java.util.Arrays.equals(a.mask, mask);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + java.util.Arrays.hashCode(mask);
    }

    @Override
    public String toString() {
        return "ChangedArea[" + width + "x" + height + ", " + String.format("%.3f", share) + " changed at " + where()
                + "]";
    }
}
