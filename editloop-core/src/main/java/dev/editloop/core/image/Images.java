package dev.editloop.core.image;

import dev.editloop.core.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/** Reading and writing images with clear errors: missing files, non-images, corrupt data, images too large. */
public final class Images {
    /** Largest image accepted by default: 40 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private Images() {}

    /**
     * Reads an image file.
     *
     * @throws InvalidInputException when the file is missing, unreadable, not an image, corrupt, or larger than
     *     {@code maxPixels}
     */
    public static Picture read(Path path, long maxPixels) {
        return readDecoded(path, maxPixels).picture();
    }

    /**
     * Reads an image file with what reading it changed: its transparency (to put back when writing) and notes on
     * reductions (16 bits to 8 per channel, an animated GIF to its first frame).
     *
     * @throws InvalidInputException when the file is missing, unreadable, not an image, corrupt, or larger than
     *     {@code maxPixels}
     */
    public static DecodedImage readDecoded(Path path, long maxPixels) {
        if (Files.isDirectory(path)) {
            throw new InvalidInputException("image " + path + " is a folder, not an image file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("image " + path + " does not exist");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException("image " + path + " cannot be read (permission denied)");
        } catch (IOException e) {
            throw new InvalidInputException("image " + path + " cannot be read: " + e.getMessage(), e);
        }
        return decodeWithNotes(bytes, path.toString(), maxPixels);
    }

    /** Reads an image file with the default pixel limit. */
    public static Picture read(Path path) {
        return read(path, DEFAULT_MAX_PIXELS);
    }

    /**
     * Decodes image bytes, checking the size in the header before decoding the pixels.
     *
     * @throws InvalidInputException when the bytes are not a readable image or exceed {@code maxPixels}
     */
    public static Picture decode(byte[] bytes, String where, long maxPixels) {
        return decodeWithNotes(bytes, where, maxPixels).picture();
    }

    /**
     * Decodes image bytes as {@link #decode(byte[], String, long)} does, keeping the transparency and noting what the
     * decoding reduced. CMYK and YCCK JPEGs are converted to RGB by the TwelveMonkeys JPEG plugin on the class path
     * (the JDK's own reader decodes them far too light, or not at all).
     *
     * @throws InvalidInputException when the bytes are not a readable image or exceed {@code maxPixels}
     */
    public static DecodedImage decodeWithNotes(byte[] bytes, String where, long maxPixels) {
        if (bytes.length == 0) {
            throw new InvalidInputException("image " + where + " is empty (0 bytes)");
        }
        // streams cached in memory, made directly: the bytes are in memory already, and ImageIO's own choice (a file
        // cache whose cleanup registers a shutdown hook on first use) fails when a run is completed during Ctrl-C
        try (ImageInputStream in =
                new javax.imageio.stream.MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException(
                        "image " + where + " is not an image EditLoop can read (PNG, JPEG, BMP or GIF expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > maxPixels) {
                    throw new InvalidInputException("image " + where + " is " + width + "x" + height + " ("
                            + pixelCount(width * height, maxPixels) + "), above the limit of "
                            + pixelCount(maxPixels, width * height) + "; resize it first or raise the limit with"
                            + " --max-pixels");
                }
                BufferedImage image = reader.read(0);
                List<String> notes = new ArrayList<>();
                int bits = maxComponentBits(image);
                if (bits > 8) {
                    notes.add("the image has " + bits + " bits per channel; EditLoop edits it at 8 bits per channel");
                }
                if ("gif".equalsIgnoreCase(reader.getFormatName())) {
                    int frames = gifFrames(bytes);
                    if (frames > 1) {
                        notes.add("the image is an animated GIF of " + frames + " frames; only the first frame is"
                                + " edited");
                    }
                }
                Alpha alpha = Alpha.of(image);
                if (alpha != null) {
                    notes.add("the image has transparency: it is edited on white and the transparency is put back"
                            + " in the PNGs written (an edit that changes the size comes out flattened on white)");
                }
                return new DecodedImage(Picture.of(image), alpha, notes);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("image " + where + " is corrupt or truncated: " + describe(e), e);
        }
    }

    private static int maxComponentBits(BufferedImage image) {
        int bits = 0;
        for (int size : image.getColorModel().getComponentSize()) {
            bits = Math.max(bits, size);
        }
        return bits;
    }

    /** The number of frames of a GIF (a second pass over its bytes: the first reads forward only), 1 if unknown. */
    private static int gifFrames(byte[] bytes) {
        try (ImageInputStream in =
                new javax.imageio.stream.MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
            if (!readers.hasNext()) {
                return 1;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                return Math.max(1, reader.getNumImages(true));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /**
     * A pixel count as people read it, against the count it is compared with: in megapixels (one decimal) when both
     * are 1 MP or more and differ at that precision, else in pixels.
     */
    private static String pixelCount(long pixels, long other) {
        String mp = megapixels(pixels);
        if (Math.min(pixels, other) < 1_000_000 || mp.equals(megapixels(other))) {
            return String.format(java.util.Locale.ROOT, "%,d pixels", pixels);
        }
        return mp;
    }

    private static String megapixels(long pixels) {
        return String.format(java.util.Locale.ROOT, "%.1f MP", pixels / 1e6).replace(".0 MP", " MP");
    }

    /**
     * The picture scaled to exactly {@code width}×{@code height} (bilinear; large reductions go by halving steps, so
     * detail is averaged rather than skipped). Returns the picture itself when the size already matches.
     */
    public static Picture resize(Picture picture, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a size must be at least 1x1, got " + width + "x" + height);
        }
        if (picture.width() == width && picture.height() == height) {
            return picture;
        }
        BufferedImage current = picture.toBufferedImage();
        int w = current.getWidth();
        int h = current.getHeight();
        while (w / 2 >= width && h / 2 >= height) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h);
        }
        return Picture.of(draw(current, width, height));
    }

    /**
     * The picture scaled down, keeping its aspect ratio, so that it has at most {@code maxPixels} pixels; the picture
     * itself when it already fits. Thinkers use it to keep requests within a pixel budget.
     */
    public static Picture fitWithin(Picture picture, long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("the pixel budget must be positive, got " + maxPixels);
        }
        if (picture.pixels() <= maxPixels) {
            return picture;
        }
        double scale = Math.sqrt((double) maxPixels / picture.pixels());
        int width = Math.max(1, (int) Math.floor(picture.width() * scale));
        int height = Math.max(1, (int) Math.floor(picture.height() * scale));
        while ((long) width * height > maxPixels) {
            if (width >= height) {
                width--;
            } else {
                height--;
            }
        }
        return resize(picture, width, height);
    }

    private static BufferedImage draw(BufferedImage from, int width, int height) {
        BufferedImage to = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = to.createGraphics();
        try {
            g.setRenderingHint(
                    java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(from, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return to;
    }

    /** Writes a picture as PNG, creating parent folders. */
    public static void writePng(Picture picture, Path path) {
        writePng(picture, null, path);
    }

    /**
     * Writes a picture as PNG with a source's transparency put back ({@link Alpha#png(Picture)}) when {@code alpha}
     * is not null and fits the picture, else as an opaque PNG; creates parent folders.
     */
    public static void writePng(Picture picture, Alpha alpha, Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(path, alpha == null ? picture.png() : alpha.png(picture));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The deflate level of {@link Picture#png()}: 1. With adaptive filtering, level 1 makes a 1024x1024 photo 1.6x
     * smaller than the JDK writer did, in less time; level 6 saves another 8% for several times the time, level 9 10%
     * for twenty times (README, "Speed"; {@code PngEncodingBenchmark}). The same bytes go to disk and to backends.
     */
    public static final int PNG_LEVEL = 1;

    /** PNG encoding at {@link #PNG_LEVEL} with EditLoop's encoder ({@link #encodePng(Picture, int)}). Deterministic. */
    static byte[] encodePng(Picture picture) {
        return encodePng(picture, PNG_LEVEL);
    }

    /**
     * PNG encoding at a deflate level, 0 (stored, fastest, largest) to 9 (smallest, slowest), with per-row adaptive
     * filtering: about half the size of the JDK ImageIO writer's output on photos. Deterministic.
     */
    public static byte[] encodePng(Picture picture, int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level must be within 0..9, got " + level);
        }
        return PngEncoder.encode(picture, level);
    }

    /** PNG encoding with the JDK's ImageIO writer at a deflate level (the encoder EditLoop used before; benchmarks). */
    public static byte[] encodePngImageIo(Picture picture, int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level must be within 0..9, got " + level);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = Picture.buffer(picture.pixels());
        try (ImageOutputStream stream = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                // the JDK's PNG writer uses deflate level (int) (9 * (1 - quality)); aim at the middle of the band
                param.setCompressionQuality(Math.max(0f, 1f - (level + 0.5f) / 9f));
            }
            writer.write(null, new IIOImage(picture.toBufferedImage(), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * JPEG encoding at a quality of 1–100 (baseline, 4:2:0 as the JDK writes it): for thinkers asked to take JPEG
     * ({@code image_format=jpeg}), where a few artefacts cost less than the upload.
     */
    public static byte[] encodeJpeg(Picture picture, int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be within 1..100, got " + quality);
        }
        ImageWriter writer = jpegWriter();
        ByteArrayOutputStream out = Picture.buffer(picture.pixels() / 4);
        try (ImageOutputStream stream = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(picture.toBufferedImage(), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A JPEG writer: the JDK's own, so that JPEG bytes do not depend on which ImageIO plugins are on the class path
     * (the TwelveMonkeys plugin, there to read CMYK, registers a writer ahead of it), else the first one there is.
     */
    public static ImageWriter jpegWriter() {
        ImageWriter first = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                if (first != null) {
                    first.dispose();
                }
                return writer;
            }
            if (first == null) {
                first = writer;
            } else {
                writer.dispose();
            }
        }
        if (first == null) {
            throw new IllegalStateException("this JVM has no JPEG writer");
        }
        return first;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
