package dev.editloop.embedded.measure;

import java.util.Objects;

/**
 * Which pixels changed between two images, on the comparison's sample grid (row-major).
 *
 * @param width grid width
 * @param height grid height
 * @param changed one flag per grid pixel
 * @param threshold the change in levels (any channel) above which a pixel counts as changed
 */
public record ChangeMask(int width, int height, boolean[] changed, int threshold) {
    public ChangeMask {
        Objects.requireNonNull(changed, "changed");
        if (changed.length != width * height) {
            throw new IllegalArgumentException("mask size does not match " + width + "x" + height);
        }
        changed = changed.clone();
    }

    /** Whether grid pixel (x, y) changed. */
    public boolean changed(int x, int y) {
        return changed[y * width + x];
    }

    /** The fraction 0–1 of changed pixels. */
    public double fraction() {
        return fraction(Zone.WHOLE);
    }

    /** The fraction 0–1 of changed pixels within a zone ({@code NaN} for an empty zone). */
    public double fraction(Zone zone) {
        return Masked.fraction(zone.mask(width, height), changed.length, i -> changed[i]);
    }

    /**
     * The bounding box {x, y, width, height} of the changed pixels in an image of the given size, or {@code null}
     * when nothing changed.
     */
    public int[] bounds(int imageWidth, int imageHeight) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (changed[y * width + x]) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return null;
        }
        double sx = (double) imageWidth / width;
        double sy = (double) imageHeight / height;
        int bx = (int) Math.floor(x0 * sx);
        int by = (int) Math.floor(y0 * sy);
        return new int[] {
            bx,
            by,
            Math.min(imageWidth, (int) Math.ceil((x1 + 1) * sx)) - bx,
            Math.min(imageHeight, (int) Math.ceil((y1 + 1) * sy)) - by
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeMask m
                && m.width == width
                && m.height == height
                && m.threshold == threshold
                && java.util.Arrays.equals(m.changed, changed);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + java.util.Arrays.hashCode(changed);
    }

    @Override
    public String toString() {
        return "ChangeMask[" + width + "x" + height + ", " + String.format("%.3f", fraction()) + " changed]";
    }
}
