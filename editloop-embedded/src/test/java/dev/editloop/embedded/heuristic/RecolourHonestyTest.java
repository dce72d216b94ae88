package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Turn;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;

/**
 * Recolouring on the astronaut, where colour words meet a real photo: a colour the source does not show is not
 * claimed from a few stray pixels, "the orange" is the whole red-orange suit and not her face or the flag, "the blue
 * areas" are the flag's blue and not the violet badge, and "the blue patch" is the badge, a thing, recoloured whole.
 */
class RecolourHonestyTest {
    private static final LoopEngine ENGINE =
            new LoopEngine(new ClassicEditor(), new HeuristicThinker(InstructionParser::parse));

    private static Picture photo(String name) {
        var path = TestImages.shared(name);
        assumeTrue(path.isPresent(), "the shared photo " + name + " is absent (../shared/images)");
        return Images.read(path.get());
    }

    private static Picture astronaut() {
        return photo("astronaut.png");
    }

    private static Turn best(LoopResult result) {
        return result.turns().get(result.bestTurn() - 1);
    }

    @Test
    void theBlueSkyTurnsOrangeDownToTheHorizonAndBetweenTheGirdersOfTheTowers() {
        Picture source = photo("rocket.jpg");
        LoopResult result = ENGINE.run(LoopRequest.of(source, "make the blue sky orange"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        Picture out = best(result).image();
        // the open sky, the sky seen through the lower part of the right tower, and low over the horizon: the edit
        // that found "the blue thing" left the latter two blue, an edge through the sky
        int[][] boxes = {{120, 5, 250, 60}, {580, 250, 630, 330}, {400, 360, 470, 395}};
        for (int[] b : boxes) {
            assertThat(skyWarmth(source, out, b[0], b[1], b[2], b[3])
                            - skyWarmth(source, source, b[0], b[1], b[2], b[3]))
                    .as("warmth gained by the sky at %d,%d", b[0], b[1])
                    .isGreaterThan(40);
        }
        // the rocket's white body is not the sky
        assertThat(meanChange(source, out, 316, 200, 326, 300)).isLessThan(3.0);
    }

    @Test
    void aColourTheSourceDoesNotShowIsAnsweredFailedNotScoredFromStrayPixels() {
        // nothing in the photo is green: a few pixels that turned red elsewhere must not be scored as the change
        LoopResult result = ENGINE.run(LoopRequest.of(astronaut(), "change the green areas to red"));
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        assertThat(result.turns().get(0).critique().reasoning()).contains("the source shows no green");
    }

    @Test
    void theBlueAreasAreTheFlagsBlueNotTheVioletBadge() {
        // the flag's canton is a dark blue, the name tag blue; the round badge is violet and stays
        LoopResult result = ENGINE.run(LoopRequest.of(astronaut(), "change the blue areas to red"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        Picture out = best(result).image();
        Picture source = astronaut();
        assertThat(meanRedMinusBlue(out, 5, 5, 30, 40) - meanRedMinusBlue(source, 5, 5, 30, 40))
                .isGreaterThan(60);
        assertThat(meanRedMinusBlue(out, 150, 360, 195, 410)).isEqualTo(meanRedMinusBlue(source, 150, 360, 195, 410));
    }

    @Test
    void theOrangeSuitTurnsBlueWholeLitAndShadedFoldsAlikeAndNothingElse() {
        // the suit is a red-orange that a pixel rule splits: its lit folds read orange, its shaded folds red. Read as
        // regions of one material it is "the orange", and it changes whole, while her face, her hair and the flag's
        // red stripes (one word over, "the red") stay as they are
        LoopResult result = ENGINE.run(LoopRequest.of(astronaut(), "change the orange areas to blue"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        Picture out = best(result).image();
        Picture source = astronaut();
        assertThat(meanRedMinusBlue(out, 80, 330, 120, 370)).isLessThan(-100);
        assertThat(meanRedMinusBlue(out, 215, 455, 245, 485)).isLessThan(-30);
        for (int[] kept : new int[][] {{200, 100, 260, 160}, {200, 20, 260, 50}, {0, 150, 40, 170}}) {
            assertThat(meanRedMinusBlue(out, kept[0], kept[1], kept[2], kept[3]))
                    .as("box %s", java.util.Arrays.toString(kept))
                    .isEqualTo(meanRedMinusBlue(source, kept[0], kept[1], kept[2], kept[3]));
        }
    }

    @Test
    void theBluePatchIsTheBadgeRecolouredWhole() {
        LoopResult result = ENGINE.run(LoopRequest.of(astronaut(), "make the blue patch red"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(best(result).editorNotes()).anyMatch(n -> n.contains("change the blue object to red"));
        Picture out = best(result).image();
        Picture source = astronaut();
        // the badge (about x 135–210, y 345–425) is red now; the backdrop above her shoulder has not moved
        assertThat(meanRedMinusBlue(out, 150, 360, 195, 410) - meanRedMinusBlue(source, 150, 360, 195, 410))
                .isGreaterThan(60);
        assertThat(Math.abs(meanRedMinusBlue(out, 300, 20, 360, 80) - meanRedMinusBlue(source, 300, 20, 360, 80)))
                .isLessThan(2);
    }

    @Test
    void theRedAreasOfTheCoffeePhotoAreTheCupAndSaucerIntoTheirDeepShadeAndNotTheWoodBeside() {
        // "change red to green": the saucer's deep shade under the cup (nearly black red) turns green with the rest,
        // while the reddish streak of wood beside the saucer's lower right stays wood. Before the areas were redrawn
        // by GrabCut the shade stayed maroon and the wood turned green, and the judge rightly refused the cut
        Picture source = photo("coffee.png");
        LoopResult result = ENGINE.run(LoopRequest.of(source, "change red to green"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        Picture out = best(result).image();
        assertThat(meanGreenMinusRed(out, 245, 285, 275, 310) - meanGreenMinusRed(source, 245, 285, 275, 310))
                .as("the shade under the cup")
                .isGreaterThan(15);
        assertThat(meanGreenMinusRed(out, 120, 180, 160, 220) - meanGreenMinusRed(source, 120, 180, 160, 220))
                .as("the saucer, lit")
                .isGreaterThan(60);
        assertThat(meanGreenMinusRed(out, 445, 330, 475, 370))
                .as("the wood beside the saucer")
                .isEqualTo(meanGreenMinusRed(source, 445, 330, 475, 370));
    }

    /** The mean absolute change of a box's channels from one picture to another. */
    private static double meanChange(Picture a, Picture b, int x0, int y0, int x1, int y1) {
        byte[] pa = a.bgr();
        byte[] pb = b.bgr();
        return boxMean(a.width(), x0, y0, x1, y1, i -> true, i -> {
            double d = 0;
            for (int k = 0; k < 3; k++) {
                d += Math.abs((pa[i + k] & 0xff) - (pb[i + k] & 0xff));
            }
            return d / 3;
        });
    }

    /** The mean red minus blue of the box's pixels that are sky in the source (blue over red by 30 levels). */
    private static double skyWarmth(Picture source, Picture p, int x0, int y0, int x1, int y1) {
        byte[] s = source.bgr();
        byte[] px = p.bgr();
        return boxMean(
                p.width(),
                x0,
                y0,
                x1,
                y1,
                i -> (s[i] & 0xff) - (s[i + 2] & 0xff) > 30,
                i -> (px[i + 2] & 0xff) - (px[i] & 0xff));
    }

    private static double meanDifference(Picture p, int plus, int minus, int x0, int y0, int x1, int y1) {
        byte[] px = p.bgr();
        return boxMean(p.width(), x0, y0, x1, y1, i -> true, i -> (px[i + plus] & 0xff) - (px[i + minus] & 0xff));
    }

    /** The mean of a value read at each kept pixel of a box (by its offset in B,G,R bytes). */
    private static double boxMean(
            int width,
            int x0,
            int y0,
            int x1,
            int y1,
            java.util.function.IntPredicate keep,
            java.util.function.IntToDoubleFunction value) {
        double sum = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = 3 * (y * width + x);
                if (keep.test(i)) {
                    sum += value.applyAsDouble(i);
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static double meanGreenMinusRed(Picture p, int x0, int y0, int x1, int y1) {
        return meanDifference(p, 1, 2, x0, y0, x1, y1);
    }

    private static double meanRedMinusBlue(Picture p, int x0, int y0, int x1, int y1) {
        return meanDifference(p, 2, 0, x0, y0, x1, y1);
    }

    /** The mean of one BGR channel minus another over a box. */
}
