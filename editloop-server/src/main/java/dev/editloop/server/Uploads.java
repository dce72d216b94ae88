package dev.editloop.server;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.image.DecodedImage;
import dev.editloop.core.image.Images;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Uploaded images: the format from the first bytes (PNG, JPEG, GIF or BMP), the pixel count from the header before
 * anything is decoded (a small file that would decode to a huge bitmap is refused unread), then the decode.
 */
final class Uploads {
    private Uploads() {}

    /** The format of image bytes from their signature, or null when they are none of the accepted ones. */
    static String format(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "gif";
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return "bmp";
        }
        return null;
    }

    /**
     * Checks and decodes an uploaded image.
     *
     * @param param the form field it came in, for messages
     */
    static DecodedImage decode(byte[] bytes, long maxPixels, String param) {
        if (bytes.length == 0) {
            throw ApiError.bad("the image '" + param + "' is empty (0 bytes)", param);
        }
        String format = format(bytes);
        if (format == null) {
            throw ApiError.bad("the image '" + param + "' is not PNG, JPEG, GIF or BMP", param);
        }
        long[] size = headerSize(bytes, format, param);
        if (size[0] * size[1] > maxPixels) {
            throw ApiError.bad(
                    String.format(
                            Locale.ROOT,
                            "the image is %dx%d (%,d pixels), above this server's limit of %,d pixels",
                            size[0],
                            size[1],
                            size[0] * size[1],
                            maxPixels),
                    param);
        }
        try {
            return Images.decodeWithNotes(bytes, "'" + param + "'", maxPixels);
        } catch (InvalidInputException e) {
            throw ApiError.bad(e.getMessage(), param);
        }
    }

    /** Width and height read from the image's header only. */
    private static long[] headerSize(byte[] bytes, String format, String param) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw ApiError.bad("the image '" + param + "' is " + format + ", which this server cannot read", param);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new long[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiError api) {
                throw api;
            }
            throw ApiError.bad("the image '" + param + "' is corrupt or truncated (its header cannot be read)", param);
        }
    }
}
