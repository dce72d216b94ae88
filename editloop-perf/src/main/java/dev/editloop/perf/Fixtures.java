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
}
