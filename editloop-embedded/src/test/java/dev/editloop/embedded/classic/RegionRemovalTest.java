package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.testkit.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * "Remove the object in the top right corner": the one thing that stands apart from the region's ground is removed
 * and nothing else; a region that shows only its ground, or only parts of something larger, is refused with the
 * reason.
 */
class RegionRemovalTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final int SIDE = 384;
    private static final double CX = SIDE * 0.75;
    private static final double CY = SIDE * 0.24;
    private static final double R = 26;

    /** A smooth grey backdrop with fine grain, shaded from left to right; a dark blue disc when {@code thing}. */
    private static Picture backdrop(boolean thing) {
        byte[] bgr = new byte[SIDE * SIDE * 3];
        SplittableRandom random = new SplittableRandom(3);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = 3 * (y * SIDE + x);
                double l = 150 + 30.0 * x / SIDE + random.nextGaussian() * 3;
                if (thing && Math.hypot(x - CX, y - CY) < R) {
                    bgr[i] = (byte) 150;
                    bgr[i + 1] = (byte) 50;
                    bgr[i + 2] = (byte) 30;
                    continue;
                }
                bgr[i] = (byte) Hsv.clamp255(l);
                bgr[i + 1] = (byte) Hsv.clamp255(l);
                bgr[i + 2] = (byte) Hsv.clamp255(l + 4);
            }
        }
        return Picture.ofBgr(SIDE, SIDE, bgr);
    }

    private static double luma(byte[] bgr, int p) {
        return 0.114 * (bgr[3 * p] & 0xff) + 0.587 * (bgr[3 * p + 1] & 0xff) + 0.299 * (bgr[3 * p + 2] & 0xff);
    }

    @Test
    void theThingInTheCornerIsRemovedAndNothingElseChanges() {
        Picture source = backdrop(true);
        EditResult result = EDITOR.edit(EditCall.of(source, "remove the object in the top right corner", 7));
        assertThat(result.notes()).anyMatch(n -> n.startsWith("applied: remove the object in the top right corner"));
        Picture again = EDITOR.edit(EditCall.of(source, "remove the object in the top right corner", 7))
                .image();
        assertThat(again.samePixels(result.image()))
                .as("the same removal gives the same pixels")
                .isTrue();
        byte[] before = source.bgr();
        byte[] after = result.image().bgr();
        // the mask grows past the thing's rim by 1/60 of the shorter side (and the selection is read on the same
        // size): everything a margin beyond that stays bit-identical
        double reach = R + SIDE / 60.0 + 4;
        double sum = 0;
        double squares = 0;
        int inside = 0;
        double ground = 0;
        int groundCount = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int p = y * SIDE + x;
                double d = Math.hypot(x - CX, y - CY);
                if (d > reach) {
                    for (int c = 0; c < 3; c++) {
                        assertThat(after[3 * p + c])
                                .as("pixel %d,%d outside the grown thing", x, y)
                                .isEqualTo(before[3 * p + c]);
                    }
                    if (d < reach + 30) {
                        ground += luma(before, p);
                        groundCount++;
                    }
                } else if (d < R - 2) {
                    double l = luma(after, p);
                    sum += l;
                    squares += l * l;
                    inside++;
                    // no blue left where the disc was
                    assertThat((after[3 * p] & 0xff) - (after[3 * p + 2] & 0xff))
                            .isLessThan(30);
                }
            }
        }
        double mean = sum / inside;
        double spread = Math.sqrt(squares / inside - mean * mean);
        assertThat(Math.abs(mean - ground / groundCount))
                .as("the fill's tone against the backdrop's")
                .isLessThan(8);
        assertThat(spread)
                .as("the fill has the backdrop's grain, not a flat smear")
                .isBetween(1.5, 8.0);
    }

    @Test
    void aRegionThatShowsOnlyItsGroundIsRefused() {
        Picture source = backdrop(true);
        EditResult result = EDITOR.edit(EditCall.of(source, "delete whatever is in the top left corner", 7));
        assertThat(result.image().samePixels(source)).isTrue();
        assertThat(result.notes()).anyMatch(n -> n.contains("nothing distinct in the top left corner to remove"));
    }

    @Test
    void theCatsFaceHoldsNoThingOfItsOwnToRemove() {
        // the corners of the cat photo show fur, an eye, a nose: parts of the cat, which no fill may take away
        var path = TestImages.shared("chelsea.png");
        assumeTrue(path.isPresent(), "the shared photo chelsea.png is absent (../shared/images)");
        Picture cat = Images.read(path.get());
        for (String corner : new String[] {"top left", "top right", "bottom right"}) {
            EditResult result = EDITOR.edit(EditCall.of(cat, "remove the object in the " + corner + " corner", 7));
            assertThat(result.image().samePixels(cat)).as(corner).isTrue();
            assertThat(result.notes())
                    .as(corner)
                    .anyMatch(n -> n.startsWith("not applied (") && n.contains(corner + " corner"));
        }
    }

    @Test
    void aFlagTheFrameCutsIsNotAThingOfTheTopHalf() {
        var path = TestImages.shared("astronaut.png");
        assumeTrue(path.isPresent(), "the shared photo astronaut.png is absent (../shared/images)");
        Picture astronaut = Images.read(path.get());
        EditResult result = EDITOR.edit(EditCall.of(astronaut, "remove the object in the top half", 7));
        assertThat(result.image().samePixels(astronaut)).isTrue();
        assertThat(result.notes()).anyMatch(n -> n.contains("runs out of the picture"));
    }

    @Test
    void aHighlightOnTheHelmetIsNotTheThingInTheCorner() {
        // the bottom right corner (a third by a third) shows the black helmet with a white glare on it; the glare
        // stands
        // apart from the black but has no outline of its own, and wiping it off is not removing what is there
        var path = TestImages.shared("astronaut.png");
        assumeTrue(path.isPresent(), "the shared photo astronaut.png is absent (../shared/images)");
        Picture astronaut = Images.read(path.get());
        EditResult result = EDITOR.edit(EditCall.of(astronaut, "erase whatever is in the bottom right corner", 7));
        assertThat(result.image().samePixels(astronaut)).isTrue();
        assertThat(result.notes()).anyMatch(n -> n.contains("a highlight, a reflection or a glow"));
    }
}
