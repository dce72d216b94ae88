package dev.editloop.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A picture made from part of a larger image holds that part's pixels, not the start of the larger one's buffer. */
class PictureSubimageTest {
    @Test
    void aSubimageGivesItsOwnPixels() {
        BufferedImage whole = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                whole.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 77);
            }
        }
        Picture part = Picture.of(whole.getSubimage(10, 5, 20, 12));

        assertThat(part.width()).isEqualTo(20);
        assertThat(part.height()).isEqualTo(12);
        byte[] bgr = part.bgr();
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 20; x++) {
                int p = 3 * (y * 20 + x);
                assertThat(new int[] {bgr[p] & 0xff, bgr[p + 1] & 0xff, bgr[p + 2] & 0xff})
                        .as("pixel %d,%d", x, y)
                        .containsExactly(77, (y + 5) * 8, (x + 10) * 6);
            }
        }
        // a whole image still goes the direct way and keeps its pixels
        assertThat(Picture.of(whole).samePixels(Picture.of(whole.getSubimage(0, 0, 40, 30))))
                .isTrue();
    }
}
