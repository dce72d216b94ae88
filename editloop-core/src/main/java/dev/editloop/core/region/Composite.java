package dev.editloop.core.region;

import dev.editloop.core.image.Picture;

/**
 * Puts an edit back onto the image it was made from, inside a region only. The feathered composite fades the edit out
 * over {@link #feather} pixels just inside the region's border, so that every pixel outside the region is exactly the
 * base image's and the border shows no hard step.
 */
public final class Composite {
    private Composite() {}

    /** The feather width for an image of this size: 1% of the shorter side, between 2 and 16 pixels. */
    public static int feather(int width, int height) {
        return (int) Math.max(2, Math.min(16, Math.round(0.01 * Math.min(width, height))));
    }

    /**
     * The edit inside the region, the base outside it, faded over {@code feather} pixels inside the border. Pixels
     * outside the region ({@link Region#outside}) are bit-identical to {@code base}.
     */
    public static Picture feathered(Picture base, Picture edited, Region region, int feather) {
        int w = base.width();
        int h = base.height();
        float[] alpha = new float[w * h];
        int[] d = insideDistance(region);
        double f = Math.max(1, feather) * 3.0; // chamfer units are thirds of a pixel
        byte[] weights = region.weights();
        for (int i = 0; i < alpha.length; i++) {
            if (region.outside(i)) {
                continue;
            }
            double ramp = Math.min(1, d[i] / f);
            alpha[i] = (float) (ramp * (weights[i] & 0xff) / 255.0);
        }
        return blend(base, edited, alpha);
    }

    /**
     * The edit where the region's weight says so, the base elsewhere: each pixel is {@code base + weight/255 · (edited
     * − base)}, and pixels outside the region are the base's exactly. No extra feather: a soft mask brings its own.
     */
    public static Picture masked(Picture base, Picture edited, Region region) {
        byte[] weights = region.weights();
        float[] alpha = new float[weights.length];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = region.outside(i) ? 0 : (weights[i] & 0xff) / 255f;
        }
        return blend(base, edited, alpha);
    }

    private static Picture blend(Picture base, Picture edited, float[] alpha) {
        if (edited.width() != base.width() || edited.height() != base.height()) {
            throw new IllegalArgumentException("cannot composite a " + edited.width() + "x" + edited.height()
                    + " edit onto a " + base.width() + "x" + base.height() + " image");
        }
        byte[] a = base.bgr();
        byte[] b = edited.bgr();
        byte[] out = a.clone();
        for (int i = 0; i < alpha.length; i++) {
            float t = alpha[i];
            if (t <= 0) {
                continue;
            }
            int p = 3 * i;
            for (int c = 0; c < 3; c++) {
                int va = a[p + c] & 0xff;
                int vb = b[p + c] & 0xff;
                out[p + c] = (byte) Math.round(va + t * (vb - va));
            }
        }
        return Picture.ofBgr(base.width(), base.height(), out);
    }

    /**
     * For each pixel inside the region, its chamfer distance (3 per step, 4 per diagonal step) to the nearest outside
     * pixel; 0 outside. The image's own border does not count as outside.
     */
    static int[] insideDistance(Region region) {
        return distance(region, true);
    }

    /** For each pixel outside the region, its chamfer distance to the nearest inside pixel; 0 inside. */
    static int[] outsideDistance(Region region) {
        return distance(region, false);
    }

    private static int[] distance(Region region, boolean fromOutside) {
        int w = region.width();
        int h = region.height();
        int inf = Integer.MAX_VALUE / 4;
        int[] d = new int[w * h];
        for (int i = 0; i < d.length; i++) {
            boolean seed = fromOutside == region.outside(i);
            d[i] = seed ? 0 : inf;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int v = d[i];
                if (v == 0) {
                    continue;
                }
                if (x > 0) v = Math.min(v, d[i - 1] + 3);
                if (y > 0) {
                    v = Math.min(v, d[i - w] + 3);
                    if (x > 0) v = Math.min(v, d[i - w - 1] + 4);
                    if (x + 1 < w) v = Math.min(v, d[i - w + 1] + 4);
                }
                d[i] = v;
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                int v = d[i];
                if (v == 0) {
                    continue;
                }
                if (x + 1 < w) v = Math.min(v, d[i + 1] + 3);
                if (y + 1 < h) {
                    v = Math.min(v, d[i + w] + 3);
                    if (x + 1 < w) v = Math.min(v, d[i + w + 1] + 4);
                    if (x > 0) v = Math.min(v, d[i + w - 1] + 4);
                }
                d[i] = v;
            }
        }
        return d;
    }
}
