package dev.editloop.core.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;

/**
 * The transparency of a source image, kept beside its {@link Picture} so that a run can put it back in the PNGs it
 * writes: an immutable plane of 8-bit alpha values, one per pixel, row by row (255 opaque, 0 transparent).
 *
 * <p>A {@code Picture} stays an opaque RGB value: transparent input is composited on white, which is what editors and
 * thinkers see. {@link #png(Picture)} undoes that composite for every pixel (the colour under a half-transparent pixel
 * is recovered from its white-composited value), so an unedited picture comes back as the original RGBA, to within
 * one level where the alpha is low, and an edited one keeps the source's shape. It applies only to a picture of the
 * same size: an edit that crops, rotates or resizes comes out opaque.
 */
public final class Alpha {
    private final int width;
    private final int height;
    private final byte[] values;

    private Alpha(int width, int height, byte[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /**
     * An alpha plane from values (copied).
     *
     * @throws IllegalArgumentException when the size is not positive or the array length is not width·height
     */
    public static Alpha of(int width, int height, byte[] values) {
        Objects.requireNonNull(values, "values");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("alpha size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height != values.length) {
            throw new IllegalArgumentException("expected " + ((long) width * height) + " alpha values for " + width
                    + "x" + height + ", got " + values.length);
        }
        return new Alpha(width, height, values.clone());
    }

    /** The alpha plane of an image, or null when it has no alpha channel or every pixel is opaque. */
    public static Alpha of(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return null;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] values = new byte[Math.multiplyExact(w, h)];
        boolean transparent = false;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int a = row[x] >>> 24;
                values[y * w + x] = (byte) a;
                transparent |= a != 255;
            }
        }
        return transparent ? new Alpha(w, h, values) : null;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** A copy of the values, one byte per pixel, row by row. */
    public byte[] values() {
        return values.clone();
    }

    /** Whether this plane fits a picture: the same width and height. */
    public boolean fits(Picture picture) {
        return picture.width() == width && picture.height() == height;
    }

    /**
     * The PNG (8-bit RGBA) of a picture with this transparency put back: each colour is recovered from its
     * composite on white; the picture's own PNG when the sizes differ.
     */
    public byte[] png(Picture picture) {
        if (!fits(picture)) {
            return picture.png();
        }
        byte[] bgr = picture.bgr();
        for (int i = 0; i < values.length; i++) {
            int a = values[i] & 0xFF;
            if (a == 255 || a == 0) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                int c = bgr[i * 3 + k] & 0xFF;
                // c = (a·colour + (255 − a)·255) / 255, so colour = 255·(c − 255 + a) / a
                int colour = Math.round(255f * (c - 255 + a) / a);
                bgr[i * 3 + k] = (byte) Math.clamp(colour, 0, 255);
            }
        }
        return PngEncoder.encode(width, height, bgr, values, Images.PNG_LEVEL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alpha other
                && width == other.width
                && height == other.height
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Alpha[" + width + "x" + height + "]";
    }
}
