package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.fixtures.MiniEditor;
import dev.editloop.embedded.fixtures.PhraseParser;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** Prints how long one critique takes on a 1024×1024 pair; reported, not asserted. */
class HeuristicTimingTest {
    @Test
    void oneCritiqueOnA1024Pair() {
        PhraseParser parser = new PhraseParser();
        HeuristicThinker thinker = new HeuristicThinker(parser);
        Picture source = TestImages.scene(1024, 1024, 1);
        String[][] cases = {
            {
                "make this look like an old photograph",
                "apply a sepia tone at 85%, then decrease the contrast by 25%, then add a vignette at 40%, then add film grain at 25%"
            },
            {"make it dreamy", "blur it by 12%, then increase the brightness by 15%, then decrease the contrast by 20%"
            },
            {"make it black and white", "make it black and white"},
        };
        for (String[] c : cases) {
            Picture edited = new MiniEditor(parser).edit(source, c[1]);
            long best = Long.MAX_VALUE;
            Critique critique = null;
            for (int round = 0; round < 6; round++) {
                long t0 = System.nanoTime();
                critique = thinker.critique(CritiqueCall.compare(source, edited, c[0], c[1], 2, 1));
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("critique of \"%s\" on 1024x1024: best %.1f ms%n", c[0], best / 1e6);
            assertThat(critique.valid()).isTrue();
        }
    }
}
