package dev.editloop.core.image;

import dev.editloop.core.InvalidInputException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable 8-bit RGB image: the value that flows between the loop and every editor and thinker.
 *
 * <p>Pixels are kept as interleaved B,G,R bytes, row by row (the layout of {@code TYPE_3BYTE_BGR} and of OpenCV's
 * {@code CV_8UC3}), so adapters convert without per-pixel work. Transparent input is composited on white; a run keeps
 * the source's transparency beside it as an {@link Alpha} plane and puts it back when it writes PNGs. Every
 * accessor returns a copy; a {@code Picture} never changes after it is made.
 */
public final class Picture {
    private final int width;
    private final int height;
    private final byte[] bgr;
    private volatile byte[] png;
    private volatile String fingerprint;

    private Picture(int width, int height, byte[] bgr) {
        this.width = width;
        this.height = height;
        this.bgr = bgr;
    }

    /**
     * A picture from interleaved B,G,R bytes (copied).
     *
     * @throws IllegalArgumentException when the size is not positive or the array length is not width·height·3
     */
    public static Picture ofBgr(int width, int height, byte[] bgr) {
        Objects.requireNonNull(bgr, "bgr");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height * 3 != bgr.length) {
            throw new IllegalArgumentException("expected " + ((long) width * height * 3) + " bytes for " + width + "x"
                    + height + ", got " + bgr.length);
        }
        return new Picture(width, height, bgr.clone());
    }

    /** A picture of one solid color. */
    public static Picture solid(int width, int height, Color color) {
        byte[] bytes = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        for (int i = 0; i < bytes.length; i += 3) {
            bytes[i] = (byte) color.getBlue();
            bytes[i + 1] = (byte) color.getGreen();
            bytes[i + 2] = (byte) color.getRed();
        }
        return new Picture(width, height, bytes);
    }

    /** A picture from any {@link BufferedImage}; grey becomes RGB, transparency is composited on white. */
    public static Picture of(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        BufferedImage bgrImage = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR || !packed(image)) {
            bgrImage = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = bgrImage.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        byte[] data = ((DataBufferByte) bgrImage.getRaster().getDataBuffer()).getData();
        int expected = image.getWidth() * image.getHeight() * 3;
        byte[] copy = data.length == expected ? data.clone() : Arrays.copyOf(data, expected);
        return new Picture(image.getWidth(), image.getHeight(), copy);
    }

    /**
     * Whether the image's bytes are exactly its own pixels, row after row: not a sub-image (whose raster shares its
     * parent's larger buffer) and with no row padding, so that they can be copied as they are.
     */
    private static boolean packed(BufferedImage image) {
        var raster = image.getRaster();
        return raster.getParent() == null
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel() instanceof java.awt.image.ComponentSampleModel c
                && c.getPixelStride() == 3
                && c.getScanlineStride() == image.getWidth() * 3;
    }

    /**
     * Decodes PNG, JPEG, BMP or GIF bytes.
     *
     * @param where names the bytes' origin in error messages (a path, a URL)
     * @throws InvalidInputException when the bytes are not an image this JVM can read
     */
    public static Picture decode(byte[] bytes, String where) {
        return Images.decode(bytes, where, Images.DEFAULT_MAX_PIXELS);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Number of pixels. */
    public long pixels() {
        return (long) width * height;
    }

    /** A copy of the interleaved B,G,R bytes. */
    public byte[] bgr() {
        return bgr.clone();
    }

    /** A new {@code TYPE_3BYTE_BGR} image with these pixels, free to modify. */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(bgr, 0, target, 0, bgr.length);
        return image;
    }

    /** The PNG encoding (computed once, deterministic: the same pixels always give the same bytes). */
    public byte[] png() {
        byte[] encoded = png;
        if (encoded == null) {
            encoded = Images.encodePng(this);
            png = encoded;
        }
        return encoded.clone();
    }

    /** Writes the PNG encoding into a stream. */
    public void writePng(java.io.OutputStream out) {
        try {
            out.write(png());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether both pictures have the same size and exactly the same pixels. */
    public boolean samePixels(Picture other) {
        return other != null && width == other.width && height == other.height && Arrays.equals(bgr, other.bgr);
    }

    /** Hex SHA-256 of the size and pixels (computed once): a short identity for logs, tests and cache keys. */
    public String fingerprint() {
        String known = fingerprint;
        if (known != null) {
            return known;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((width + "x" + height + ":").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            digest.update(bgr);
            known = HexFormat.of().formatHex(digest.digest());
            fingerprint = known;
            return known;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Picture other && samePixels(other);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(bgr);
    }

    @Override
    public String toString() {
        return "Picture[" + width + "x" + height + "]";
    }

    static ByteArrayOutputStream buffer(long pixels) {
        return new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, Math.max(1024, pixels)));
    }
}
