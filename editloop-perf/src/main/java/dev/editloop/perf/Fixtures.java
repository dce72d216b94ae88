package dev.editloop.perf;

import dev.editloop.core.image.Picture;
import dev.editloop.testkit.TestImages;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Benchmark inputs: a real photo scaled to the size the targets are stated for. */
final class Fixtures {
    /** The side of the square benchmark image. */
    static final int SIDE = 1024;

    private Fixtures() {}

    /** The coffee photo scaled to 1024x1024. */
    static Picture photo1024() {
        BufferedImage src = TestImages.coffee().toBufferedImage();
        BufferedImage out = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(src, 0, 0, SIDE, SIDE, null);
        } finally {
            g.dispose();
        }
        return Picture.of(out);
    }

    /**
     * A wood-like ground at 1024x1024 (wavy stripes with fine grain, seeded) with a blue disc covering {@code share}
     * of it: a thing to remove whose hole must be filled with the ground's texture.
     */
    static Picture woodWithDisc(double share) {
        byte[] bgr = new byte[SIDE * SIDE * 3];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double r = Math.sqrt(share * SIDE * SIDE / Math.PI);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = 3 * (y * SIDE + x);
                if (Math.hypot(x - SIDE * 0.45, y - SIDE * 0.55) < r) {
                    bgr[i] = (byte) 200;
                    bgr[i + 1] = (byte) 60;
                    bgr[i + 2] = (byte) 30;
                    continue;
                }
                double u = y + 12 * Math.sin(x / 90.0) + 5 * Math.sin(x / 23.0 + y / 40.0);
                double l = 90 + 50 * (0.5 + 0.5 * Math.sin(u / 7.0)) + random.nextGaussian() * 6;
                bgr[i] = (byte) Math.max(0, Math.min(255, Math.round(l * 0.45)));
                bgr[i + 1] = (byte) Math.max(0, Math.min(255, Math.round(l * 0.75)));
                bgr[i + 2] = (byte) Math.max(0, Math.min(255, Math.round(l * 1.1)));
            }
        }
        return Picture.ofBgr(SIDE, SIDE, bgr);
    }
}
