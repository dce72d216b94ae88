package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.heuristic.HeuristicThinker;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;

/**
 * A thing named by its colour, on the shared photos: the pixels of the thing change and the rest stays; a removal
 * too large to fill is refused; a colour the photo does not show finds nothing; and the thinker scores the change on
 * the thing, so an edit that did not happen or happened elsewhere does not score high.
 */
class ObjectRecolourTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);

    private static Picture shared(String name) {
        var path = TestImages.shared(name);
        assumeTrue(path.isPresent(), "the shared photo " + name + " is absent (../shared/images)");
        return Images.read(path.get());
    }

    private static EditResult edit(Picture source, String instruction) {
        return EDITOR.edit(EditCall.of(source, instruction, 3));
    }

    private static int[] rgb(Picture p, int x, int y) {
        byte[] bgr = p.bgr();
        int i = 3 * (y * p.width() + x);
        return new int[] {bgr[i + 2] & 0xff, bgr[i + 1] & 0xff, bgr[i] & 0xff};
    }

    private static boolean same(Picture a, Picture b, int x, int y) {
        return java.util.Arrays.equals(rgb(a, x, y), rgb(b, x, y));
    }

    @Test
    void theBlueBadgeTurnsRedAndNothingElseChanges() {
        Picture astronaut = shared("astronaut.png");
        Picture out = edit(astronaut, "make the blue patch on her suit red").image();
        int[] ring = rgb(out, 167, 382);
        assertThat(ring[0])
                .as("the badge is red now: %s", java.util.Arrays.toString(ring))
                .isGreaterThan(ring[2] + 40);
        assertThat(same(astronaut, out, 60, 120)).as("the wall behind her").isTrue();
        assertThat(same(astronaut, out, 100, 400))
                .as("the suit beside the badge")
                .isTrue();
        // lightness kept: the ring is neither much lighter nor much darker than it was
        assertThat(Math.abs(luma(ring) - luma(rgb(astronaut, 167, 382)))).isLessThan(40);
    }

    @Test
    void aColourNamedByConventionIsReadAsThatConventionOnlyOfTheThingItIsSaidOf() {
        // the cat's "green" eyes are yellow-green: said of eyes, green is hazel, and the eyes turn blue
        Picture cat = shared("chelsea.png");
        EditResult eyes = edit(cat, "change the green eyes to blue");
        assertThat(eyes.notes()).anyMatch(n -> n.startsWith("applied: change the hazel object to blue"));
        for (int[] iris : new int[][] {{150, 105}, {330, 140}}) {
            int[] was = rgb(cat, iris[0], iris[1]);
            int[] now = rgb(eyes.image(), iris[0], iris[1]);
            assertThat(now[2] - now[0])
                    .as("the iris at %d,%d is bluer: %s", iris[0], iris[1], java.util.Arrays.toString(now))
                    .isGreaterThan(was[2] - was[0] + 40);
        }
        assertThat(same(cat, eyes.image(), 100, 200)).as("the cheek").isTrue();
        assertThat(same(cat, eyes.image(), 262, 240)).as("the nose").isTrue();
        // its "pink" nose is the red of a nose, which turns purple; the eyes stay
        EditResult nose = edit(cat, "turn the pink nose purple");
        assertThat(nose.notes()).anyMatch(n -> n.startsWith("applied: change the red object to purple"));
        assertThat(same(cat, nose.image(), 262, 240)).as("the nose").isFalse();
        assertThat(same(cat, nose.image(), 150, 105)).as("the eye").isTrue();
        // green said of anything else is green: the cat shows none, and her blond hair is not green either
        EditResult car = edit(cat, "turn the green car red");
        assertThat(car.image().samePixels(cat)).isTrue();
        assertThat(car.notes()).anyMatch(n -> n.contains("no green object found"));
        Picture astronaut = shared("astronaut.png");
        assertThat(edit(astronaut, "remove the green scarf").image().samePixels(astronaut))
                .as("her blond hair is not green")
                .isTrue();
    }

    @Test
    void theRedCupAndSaucerTurnGreenWhileTheWoodStays() {
        Picture coffee = shared("coffee.png");
        Picture out = edit(coffee, "make the red mug and its plate green").image();
        int[] saucer = rgb(out, 120, 250);
        assertThat(saucer[1])
                .as("the saucer is green: %s", java.util.Arrays.toString(saucer))
                .isGreaterThan(saucer[0]);
        assertThat(same(coffee, out, 560, 60)).as("the table far from the cup").isTrue();
        assertThat(same(coffee, out, 290, 150)).as("the coffee").isTrue();
    }

    @Test
    void aRedCupPaintedWhiteGetsLightWithItsShading() {
        Picture coffee = shared("coffee.png");
        Picture out = edit(coffee, "paint the red plate white").image();
        int[] saucer = rgb(out, 120, 250);
        assertThat(luma(saucer))
                .as("the saucer is light: %s", java.util.Arrays.toString(saucer))
                .isGreaterThan(180);
        assertThat(Math.max(saucer[0], Math.max(saucer[1], saucer[2]))
                        - Math.min(saucer[0], Math.min(saucer[1], saucer[2])))
                .as("and nearly colourless")
                .isLessThan(40);
    }

    @Test
    void aSmallThingIsRemovedAndALargeOneIsRefused() {
        Picture cat = shared("chelsea.png");
        EditResult nose = edit(cat, "take out the red nose");
        assertThat(nose.notes()).anyMatch(n -> n.startsWith("applied: remove the red object"));
        assertThat(same(cat, nose.image(), 262, 240)).as("the nose changed").isFalse();
        assertThat(same(cat, nose.image(), 100, 200)).as("the cheek did not").isTrue();

        Picture coffee = shared("coffee.png");
        EditResult saucer = edit(coffee, "get rid of the red plate");
        assertThat(saucer.image().samePixels(coffee)).isTrue();
        assertThat(saucer.notes()).anyMatch(n -> n.contains("too large to fill plausibly"));
    }

    @Test
    void aColourThePhotoDoesNotShowFindsNothing() {
        Picture coffee = shared("coffee.png");
        EditResult chair = edit(coffee, "remove the green armchair");
        assertThat(chair.image().samePixels(coffee)).isTrue();
        assertThat(chair.notes()).anyMatch(n -> n.contains("no green object found"));
        EditResult recolour = edit(coffee, "turn the purple vase yellow");
        assertThat(recolour.image().samePixels(coffee)).isTrue();
    }

    @Test
    void theThinkerScoresTheChangeOnTheNamedThing() {
        Picture coffee = shared("coffee.png");
        String request = "turn the red cup and saucer green";
        Picture done = edit(coffee, request).image();
        Critique good = THINKER.critique(CritiqueCall.compare(coffee, done, request, request, 1, 1));
        assertThat(good.semantic()).as(good.reasoning()).isGreaterThanOrEqualTo(8);

        Critique nothing = THINKER.critique(CritiqueCall.compare(coffee, coffee, request, request, 1, 1));
        assertThat(nothing.semantic()).as(nothing.reasoning()).isLessThan(5);

        // the coffee recoloured instead of the cup: the wrong thing changed
        Picture elsewhere = edit(coffee, "turn the orange coffee blue").image();
        Critique wrong = THINKER.critique(CritiqueCall.compare(coffee, elsewhere, request, request, 1, 1));
        assertThat(wrong.semantic()).as(wrong.reasoning()).isLessThan(5);
    }

    private static double luma(int[] c) {
        return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
    }
}
