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
 * Recolouring on the astronaut, where the colour rule meets a real photo: a colour the source does not show is not
 * claimed from a few stray pixels, a recolour that leaves a thing in patches is not claimed either, and "the blue
 * patch" is the badge, a thing, recoloured whole.
 */
class RecolourHonestyTest {
    private static final LoopEngine ENGINE =
            new LoopEngine(new ClassicEditor(), new HeuristicThinker(InstructionParser::parse));

    private static Picture astronaut() {
        var path = TestImages.shared("astronaut.png");
        assumeTrue(path.isPresent(), "the shared photo astronaut.png is absent (../shared/images)");
        return Images.read(path.get());
    }

    private static Turn best(LoopResult result) {
        return result.turns().get(result.bestTurn() - 1);
    }

    @Test
    void aColourTheSourceDoesNotShowIsAnsweredFailedNotScoredFromStrayPixels() {
        // the badge is violet-blue and nothing reads as blue; a few pixels that did turned red, and the old judge
        // scored that SC 8.1 from the red gained
        LoopResult result = ENGINE.run(LoopRequest.of(astronaut(), "change the blue areas to red"));
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        assertThat(result.turns().get(0).critique().reasoning()).contains("the source shows no blue");
    }

    @Test
    void aSuitRecolouredInPatchesIsNotClaimed() {
        // the suit's lit folds read orange and its shaded folds red: the orange areas alone turn it into blotches
        LoopResult result = ENGINE.run(LoopRequest.of(astronaut(), "change the orange areas to blue"));
        Turn best = best(result);
        assertThat(result.stopReason()).isNotEqualTo(StopReason.THRESHOLD);
        assertThat(best.critique().semantic()).as(best.critique().reasoning()).isLessThan(8);
        assertThat(best.critique().quality()).as(best.critique().reasoning()).isLessThanOrEqualTo(5);
        assertThat(best.critique().reasoning()).contains("recoloured area's edge cuts through one material");
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

    private static double meanRedMinusBlue(Picture p, int x0, int y0, int x1, int y1) {
        byte[] px = p.bgr();
        double sum = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = 3 * (y * p.width() + x);
                sum += (px[i + 2] & 0xff) - (px[i] & 0xff);
                n++;
            }
        }
        return sum / n;
    }
}
