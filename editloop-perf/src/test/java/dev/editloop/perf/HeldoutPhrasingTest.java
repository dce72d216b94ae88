package dev.editloop.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.image.Picture;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The held-out phrasing corpora (examples/heldout to heldout11, each written by someone who had read only the README's
 * vocabulary, never the code) through the embedded loop: the pass rate of each stays at or above its floor and every
 * must-decline request is answered honestly. heldout to heldout10 have been worked from (their failures read and fixed
 * where the fix was honest); heldout11 is blind: only its rates are read. Each floor sits a little under the corpus's
 * last measured rate, for platform differences in the image operations; the rates, and how each got there change by
 * change, are in the README and docs/heldout-history.md.
 */
class HeldoutPhrasingTest {
    @Test
    void theHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        // 0.855 until three false passes were refused: "the red saucer" or "the red cup" alone recoloured both
        passesAboveItsFloor("examples/heldout/phrasings.jsonl", 0.875);
    }

    @Test
    void theSecondHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        passesAboveItsFloor("examples/heldout2/phrasings.jsonl", 0.845);
    }

    @Test
    void theThirdHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        // 0.845 until one false pass was refused: "the saucer" alone recoloured the cup with it
        passesAboveItsFloor("examples/heldout3/phrasings.jsonl", 0.875);
    }

    @Test
    void theFourthHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        passesAboveItsFloor("examples/heldout4/phrasings.jsonl", 0.88);
    }

    @Test
    void theFifthHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        passesAboveItsFloor("examples/heldout5/phrasings.jsonl", 0.87);
    }

    @Test
    void theSixthHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        // written blind; first run 85.0% (255) on the code before the colour areas were redrawn by GrabCut, 85.3%
        // after,
        // 86.3% with the sky keyed
        passesAboveItsFloor("examples/heldout6/phrasings.jsonl", 0.895);
    }

    @Test
    void theSeventhHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        // written blind; first run 80.7% (242), then worked from
        passesAboveItsFloor("examples/heldout7/phrasings.jsonl", 0.885);
    }

    @Test
    void theEighthHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        // written blind; first run 82.0% (246); worked from since heldout9 was written
        passesAboveItsFloor("examples/heldout8/phrasings.jsonl", 0.87);
    }

    @Test
    void theNinthHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        // written blind; first run 87.7% (263); worked from since heldout10 was written
        passesAboveItsFloor("examples/heldout9/phrasings.jsonl", 0.90);
    }

    @Test
    void theTenthHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        // written blind; first run 90.0% (270); its failures read when heldout11 was written
        passesAboveItsFloor("examples/heldout10/phrasings.jsonl", 0.92);
    }

    @Test
    void theEleventhHeldOutCorpusPassesAboveItsFloorAndEveryDeclineIsHonest() throws Exception {
        // written blind and kept blind (only its rates are read); first run 92.7% (278)
        passesAboveItsFloor("examples/heldout11/phrasings.jsonl", 0.92);
    }

    private static void passesAboveItsFloor(String file, double floor) throws Exception {
        Path corpusFile = TestImages.repoRoot().resolve(file);
        Path images = TestImages.repoRoot().resolveSibling("shared").resolve("images");
        assumeTrue(Files.isDirectory(images), "the shared photos folder is absent next to the repository");
        HeldoutEvaluation.Corpus corpus = HeldoutEvaluation.load(corpusFile, images);
        assertThat(corpus.lines()).hasSizeGreaterThanOrEqualTo(300);
        for (HeldoutEvaluation.Line l : corpus.lines()) {
            assumeTrue(Files.exists(images.resolve(l.image())), "photo " + l.image() + " is absent");
        }

        List<HeldoutEvaluation.Outcome> outcomes = HeldoutEvaluation.run(corpus, 2);

        List<String> dishonest = outcomes.stream()
                .filter(o -> !o.line().expectDone() && !o.pass())
                .map(o -> o.line().id() + " " + o.line().instruction() + ": " + o.why())
                .toList();
        assertThat(dishonest).as("must-decline requests that claimed success").isEmpty();
        String failures = outcomes.stream()
                .filter(o -> !o.pass())
                .map(o -> o.line().id() + " " + o.line().instruction() + ": " + o.why())
                .collect(Collectors.joining("\n"));
        assertThat(HeldoutEvaluation.rate(outcomes))
                .as("held-out pass rate; failures:%n%s", failures)
                .isGreaterThanOrEqualTo(floor);
    }

    @Test
    void pixelChecksSeeTheEditTheyName() {
        Picture source = TestImages.scene(96, 64, 7);
        Picture same = source;
        PixelCheck brighter = new PixelCheck("brightness", "whole", "up");
        PixelCheck unchanged = new PixelCheck("unchanged", "whole", "yes");
        PixelCheck orientation = new PixelCheck("orientation", "whole", "yes");
        assertThat(brighter.evaluate(source, same, List.of()).holds()).isFalse();
        assertThat(unchanged.evaluate(source, same, List.of()).holds()).isTrue();
        assertThat(orientation.evaluate(source, same, List.of()).holds()).isFalse();
        Picture mirrored = Picture.of(mirror(source.toBufferedImage()));
        assertThat(orientation.evaluate(source, mirrored, List.of()).holds()).isTrue();
        assertThat(unchanged.evaluate(source, mirrored, List.of()).holds()).isFalse();
    }

    private static java.awt.image.BufferedImage mirror(java.awt.image.BufferedImage in) {
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(
                in.getWidth(), in.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                out.setRGB(in.getWidth() - 1 - x, y, in.getRGB(x, y));
            }
        }
        return out;
    }
}
