package dev.editloop.core.region;

import java.util.Locale;

/**
 * A rectangle a thinker proposes as the region of a local request, as written in its reply: {@code x, y, w, h},
 * in pixels, or as fractions of the image's width and height when every value is at most 1.
 *
 * @param x left edge
 * @param y top edge
 * @param w width
 * @param h height
 */
public record Box(double x, double y, double w, double h) {
    public Box {
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(w) && Double.isFinite(h))) {
            throw new IllegalArgumentException("a box needs four finite numbers");
        }
        if (x < 0 || y < 0 || w <= 0 || h <= 0) {
            throw new IllegalArgumentException(
                    "a box needs x, y >= 0 and a positive width and height, got " + text(x, y, w, h));
        }
    }

    /** Whether the values are fractions of the image size (every value at most 1). */
    public boolean fractional() {
        return x <= 1 && y <= 1 && w <= 1 && h <= 1;
    }

    /**
     * The box in pixels of an image of the given size, as {x, y, width, height}, clipped to the image; null when
     * nothing of it lies inside the image.
     */
    public int[] pixels(int width, int height) {
        double sx = fractional() ? width : 1;
        double sy = fractional() ? height : 1;
        int x0 = (int) Math.max(0, Math.round(x * sx));
        int y0 = (int) Math.max(0, Math.round(y * sy));
        int x1 = (int) Math.min(width, Math.round((x + w) * sx));
        int y1 = (int) Math.min(height, Math.round((y + h) * sy));
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }

    /** {@code x,y,w,h} as written in replies and trajectories. */
    @Override
    public String toString() {
        return text(x, y, w, h);
    }

    private static String text(double x, double y, double w, double h) {
        return num(x) + "," + num(y) + "," + num(w) + "," + num(h);
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    }
}
