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
 * The held-out phrasing corpora (examples/heldout to heldout10, each written by someone who had read only the vocabulary
 * table; heldout4 to heldout6 were blind until their failures were read for the phrasing fixes of 2026-12-07, heldout7
 * was run once blind and then worked from, heldout8 was blind until its failures were read on 2026-12-07's fourth
 * session, heldout9 was blind until its failures were read on 2026-12-07's fifth session, heldout10 is blind) through
 * the embedded loop: the pass rate stays
 * at or above its floor and every must-decline request is answered honestly. Measured: 286 of 330 (86.7%), 277 of 331
 * (83.7%), 257 of 300 (85.7%), 253 of 300 (84.3%) and 250 of 300 (83.3%), with colour words read as regions (one rule
 * for the editor and the judge), corners a third by a third, and the judge reading where an edit's changed area meets
 * the rest (backgrounds, recolours and fills that cut through one material are not claimed); since a thing named
 * alone on an area of its colour that is two things (the red cup on its red saucer) is refused, the first three read
 * 283 of 330 (85.8%), 276 of 331 (83.4%) and 253 of 300 (84.3%); with the colour areas redrawn by GrabCut (a red
 * saucer into its deep shade, not the wood beside it) and grain over a cartoon not read as tone levels, all six
 * read 287 (87.0%), 280 (84.6%), 255 (85.0%), 250 (83.3%), 250 (83.3%) and 256 of 300 (85.3%); with a sky keyed pixel
 * by pixel (the sky between a tower's girders changes with the rest) and "the blue sky" read as the blue areas that reach
 * the top edge, 290 (87.9%), 281 (84.9%), 256 (85.3%), 251 (83.7%), 250 (83.3%) and 259 (86.3%); with a recoloured
 * pixel read by its nearest colour name once it has moved (a sky turned purple is no longer blue), 290, 281, 258
 * (86.0%), 252 (84.0%), 250 and 260 (86.7%); with the phrasings read from heldout4 to heldout7's failures (amounts as
 * their own sentence, asides, "-ish" colours, "the word hello", the state to leave), a negative's contrast read by its
 * slope, a vignette read apart from the tone change around it and film noir's blacks crushed by design, 291 (88.2%), 282
 * (85.2%), 260 (86.7%), 260 (86.7%), 256 (85.3%), 266 (88.7%), heldout7 258 (86.0%; 242 on its first, blind run) and
 * heldout8 249 (83.0%; 246 on its first run, blind); with a removal refused on a thin outline of something else and
 * on an area that runs out of the picture on two sides (three false passes: the cup's rim bitten out, the dark ground
 * beyond the table filled with wood), and a turn to portrait refused on a square picture, 290, 281, 259, 260, 255, 266,
 * 260 and 251; with "make it landscape" alone read as a crop to 3:2 made only when the picture is not landscape yet,
 * and the top of a head of hair (lighter than the rest, close to the backdrop) kept with the subject by its texture,
 * 292 (88.5%), 282 (85.2%), 261 (87.0%), 262 (87.3%), 259 (86.3%), 269 (89.7%), 264 (88.0%), heldout8 252 (84.0%)
 * and heldout9 264 (88.0%; 263 on its first, blind run, which had the crop and not the hair); with heldout8's failures
 * read (a look's flat colours under a later vignette, sharpening after a look, a state sentence beside its request)
 * and a tone move made behind the subject ("darken the background", "make the background black and white"), heldout4
 * 264 (88.0%) and heldout8 260 (86.7%), the rest unchanged; with text read in its colour where it changed the
 * picture, grain over a cartoon and "keep the left half, crop the rest", heldout2 283 (85.5%), heldout5 260 (86.7%),
 * heldout7 265 (88.3%) and heldout8 262 (87.3%); with colour words read by convention of eyes and noses (green eyes
 * are hazel, a pink nose red, for a change of colour), words of size and shape before a colour, more sentences that say
 * how the picture is now, and what the picture is for read as filler, heldout3 265 (88.3%), heldout4 267 (89.0%),
 * heldout5 263 (87.7%), heldout6 271 (90.3%), heldout7 268 (89.3%), heldout8 264 (88.0%), heldout9 273 (91.0%) and
 * heldout10 276 (92.0%; 270 on its first, blind run), the first two unchanged; with a subject's lost detail read on
 * the subject the judge finds (a watercolour is not charged for the grass beside the cameraman), heldout5 264 (88.0%),
 * heldout7 270 (90.0%), heldout8 265 (88.3%) and heldout9 274 (91.3%). Each floor leaves a small margin for platform
 * differences in the image operations.
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
        // written blind and kept blind (only its rates are read); first run 90.0% (270)
        passesAboveItsFloor("examples/heldout10/phrasings.jsonl", 0.91);
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
