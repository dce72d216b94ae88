package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.EditCall;
import dev.editloop.core.image.Picture;
import org.junit.jupiter.api.Test;

/**
 * A recolor changes the things of the color, not every speck of it: the red cup turns green, the reddish flecks in
 * the wood grain around it stay as they were; a small object of its own (a patch) still changes.
 */
class RecolorObjectsTest {
    private static final int W = 300;
    private static final int H = 200;

    private static void paint(byte[] bgr, int x0, int y0, int x1, int y1, int r, int g, int b) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = 3 * (y * W + x);
                bgr[i] = (byte) b;
                bgr[i + 1] = (byte) g;
                bgr[i + 2] = (byte) r;
            }
        }
    }

    private static int[] rgb(Picture p, int x, int y) {
        byte[] bgr = p.bgr();
        int i = 3 * (y * W + x);
        return new int[] {bgr[i + 2] & 0xff, bgr[i + 1] & 0xff, bgr[i] & 0xff};
    }

    @Test
    void specksOfTheColorStayWhileTheObjectsChange() {
        byte[] bgr = new byte[W * H * 3];
        paint(bgr, 0, 0, W, H, 120, 110, 100); // a grey-brown ground
        paint(bgr, 40, 50, 140, 150, 200, 20, 20); // the red object, 100x100
        paint(bgr, 220, 30, 240, 50, 200, 20, 20); // a small red patch of its own, 20x20
        for (int k = 0; k < 12; k++) { // red flecks, 3x3 each
            int x = 170 + (k % 4) * 30;
            int y = 100 + (k / 4) * 30;
            paint(bgr, x, y, x + 3, y + 3, 200, 20, 20);
        }
        Picture source = Picture.ofBgr(W, H, bgr);
        Picture edited = new ClassicEditor()
                .edit(EditCall.of(source, "change the red areas to blue", 1))
                .image();
        int[] object = rgb(edited, 90, 100);
        assertThat(object[2]).as("the object is blue now").isGreaterThan(object[0] + 100);
        int[] patch = rgb(edited, 230, 40);
        assertThat(patch[2]).as("the small patch is blue too").isGreaterThan(patch[0] + 100);
        int[] fleck = rgb(edited, 171, 101);
        assertThat(fleck).as("a fleck stays red").containsExactly(200, 20, 20);
    }
}
