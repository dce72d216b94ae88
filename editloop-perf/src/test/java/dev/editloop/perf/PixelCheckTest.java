package dev.editloop.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.image.Picture;
import dev.editloop.testkit.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/** The second held-out corpus's check vocabulary: named transforms, named sizes, synonyms and regions. */
class PixelCheckTest {
    private final Picture source = TestImages.scene(96, 64, 7);

    @Test
    void namedOrientationsTellTheTransformsApart() {
        Picture cw =
                transformed(source, 64, 96, (x, y) -> source.toBufferedImage().getRGB(y, 63 - x));
        Picture ccw =
                transformed(source, 64, 96, (x, y) -> source.toBufferedImage().getRGB(95 - y, x));
        Picture mirror =
                transformed(source, 96, 64, (x, y) -> source.toBufferedImage().getRGB(95 - x, y));
        Picture flip =
                transformed(source, 96, 64, (x, y) -> source.toBufferedImage().getRGB(x, 63 - y));
        assertThat(holds("orientation", "whole", "cw90", cw)).isTrue();
        assertThat(holds("orientation", "whole", "ccw90", cw)).isFalse();
        assertThat(holds("orientation", "whole", "ccw90", ccw)).isTrue();
        assertThat(holds("orientation", "whole", "mirror_h", mirror)).isTrue();
        assertThat(holds("orientation", "whole", "mirror_v", mirror)).isFalse();
        assertThat(holds("orientation", "whole", "mirror_v", flip)).isTrue();
    }

    @Test
    void aWhiteBorderDoesNotHideAFlip() {
        Picture flip =
                transformed(source, 96, 64, (x, y) -> source.toBufferedImage().getRGB(x, 63 - y));
        BufferedImage framed = new BufferedImage(116, 84, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = framed.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 116, 84);
        g.drawImage(flip.toBufferedImage(), 10, 10, null);
        g.dispose();
        assertThat(holds("orientation", "whole", "mirror_v", Picture.of(framed)))
                .isTrue();
    }

    @Test
    void namedSizes() {
        assertThat(holds("size", "whole", "half", Picture.solid(48, 32, Color.GRAY)))
                .isTrue();
        assertThat(holds("size", "whole", "half_width", Picture.solid(48, 64, Color.GRAY)))
                .isTrue();
        assertThat(holds("size", "whole", "half", Picture.solid(48, 64, Color.GRAY)))
                .isFalse();
        assertThat(holds("size", "whole", "square", Picture.solid(64, 64, Color.GRAY)))
                .isTrue();
        assertThat(holds("size", "whole", "800x600", Picture.solid(800, 600, Color.GRAY)))
                .isTrue();
        assertThat(holds("size", "whole", "800x600", Picture.solid(800, 601, Color.GRAY)))
                .isTrue();
        assertThat(holds("size", "whole", "800x600", Picture.solid(640, 480, Color.GRAY)))
                .isFalse();
        assertThat(holds("size", "whole", "aspect_16_9", Picture.solid(160, 90, Color.GRAY)))
                .isTrue();
        assertThat(holds("size", "whole", "larger", Picture.solid(192, 128, Color.GRAY)))
                .isTrue();
        assertThat(holds("size", "whole", "same", source)).isTrue();
    }

    @Test
    void unchangedWithNoMeansSomethingChanged() {
        assertThat(holds("unchanged", "whole", "no", source)).isFalse();
        Picture darker = transformed(source, 96, 64, (x, y) -> {
            Color c = new Color(source.toBufferedImage().getRGB(x, y));
            return c.darker().getRGB();
        });
        assertThat(holds("unchanged", "whole", "no", darker)).isTrue();
    }

    @Test
    void synonymsReadAsTheFirstCorpusMeasures() {
        assertThat(new PixelCheck("grain", "whole", "up").measure()).isEqualTo("noise");
        assertThat(new PixelCheck("hue", "whole", "shifted")).isEqualTo(new PixelCheck("hue_shift", "whole", "yes"));
        assertThat(new PixelCheck("negative", "whole", "yes").measure()).isEqualTo("inverted");
    }

    @Test
    void outsideABackgroundEditIsTheSubject() {
        PixelCheck background = new PixelCheck("brightness", "background", "up");
        boolean[] outside = PixelCheck.mask("outside_region", 90, 60, List.of(background));
        boolean[] subject = PixelCheck.mask("subject", 90, 60, List.of());
        assertThat(outside).isEqualTo(subject);
        boolean[] corner = PixelCheck.mask("top_right_corner", 90, 60, List.of());
        assertThat(corner[89]).isTrue();
        assertThat(corner[0]).isFalse();
    }

    private boolean holds(String measure, String region, String direction, Picture edit) {
        PixelCheck check = new PixelCheck(measure, region, direction);
        return check.evaluate(source, edit, List.of(check)).holds();
    }

    private static Picture transformed(Picture source, int w, int h, IntBinaryOperator rgbAt) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, rgbAt.applyAsInt(x, y));
            }
        }
        return Picture.of(out);
    }
}
