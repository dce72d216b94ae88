package dev.editloop.bench.suite;

import java.util.HexFormat;

/** Recognises an image file's format by its first bytes, to name extracted images and refuse what is no image. */
final class ImageKind {
    private ImageKind() {}

    /** The usual extension for the bytes' format ({@code png}, {@code jpg}, {@code webp}…), or null when unknown. */
    static String extension(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "jpg";
        }
        if (b.length >= 12
                && starts(b, 'R', 'I', 'F', 'F')
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "webp";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "gif";
        }
        if (starts(b, 'B', 'M')) {
            return "bmp";
        }
        if (starts(b, 'I', 'I', 0x2A, 0x00) || starts(b, 'M', 'M', 0x00, 0x2A)) {
            return "tiff";
        }
        return null;
    }

    /** The first bytes in hex, for a message about what the data is instead. */
    static String head(byte[] b) {
        int n = Math.min(b.length, 8);
        return HexFormat.ofDelimiter(" ").formatHex(b, 0, n);
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
