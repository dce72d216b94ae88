package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Turn;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.Measurements;
import dev.editloop.embedded.measure.Zone;
import dev.editloop.testkit.TestImages;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The thinker and the real classic editor in the loop on a greyscale photo, where relative color readings have no
 * base: effects the source already has (muted colors, black and white) count as achieved, effects that cannot happen
 * (more saturation) do not count, and the loop neither fights itself nor stops on an artifact it caused.
 */
class HeuristicGreyscaleTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final LoopEngine ENGINE = new LoopEngine(EDITOR, THINKER);
    /** The cat photo through the classic editor's black and white: always available. */
    private static final Picture GREY_CAT = EDITOR.edit(
                    EditCall.of(TestImages.cat(), "convert it to black and white", 1))
            .image();
    /** "- saturation: +3243% (target …): too weak" in a turn's reasoning. */
    private static final Pattern STANDING = Pattern.compile("(?m)^- ([^:\\n]+): .*: (too weak|too strong)$");

    /** The shared greyscale photo, when the shared folder is there. */
    private static Optional<Picture> camera() {
        return TestImages.shared("camera.png").map((Path p) -> Images.read(p));
    }

    private static LoopResult run(Picture source, String request) {
        return ENGINE.run(LoopRequest.of(source, request));
    }

    private static String story(LoopResult result) {
        StringBuilder out = new StringBuilder("stop " + result.stopReason() + "\n");
        for (Turn turn : result.turns()) {
            out.append("---- turn ")
                    .append(turn.index())
                    .append(": ")
                    .append(turn.instruction())
                    .append('\n');
            out.append(turn.critique().reasoning()).append('\n');
        }
        return out.toString();
    }

    @Test
    void theConvertedCatIsGrey() {
        assertThat(Measurements.meanChroma(Analysis.of(GREY_CAT), Zone.WHOLE)).isLessThan(Comparison.GREY_CHROMA);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"make it feel like a cold winter morning", "give it a film noir look", "make it more dramatic"})
    void abstractRequestsReachTheThresholdOnTheGreyCat(String request) {
        assertReachesThreshold(GREY_CAT, request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"make it feel like a cold winter morning", "make it look like autumn"})
    void abstractRequestsReachTheThresholdOnTheSharedGreyPhoto(String request) {
        Optional<Picture> camera = camera();
        assumeTrue(camera.isPresent(), "the shared camera.png is not next to the repository; the grey cat covers this");
        assertReachesThreshold(camera.get(), request);
    }

    @ParameterizedTest
    @ValueSource(strings = {"give it a film noir look", "make it more dramatic"})
    void hardContrastLooksOnTheContrastyGreyPhotoDoNotClaimContrastTheyCannotAdd(String request) {
        Optional<Picture> camera = camera();
        assumeTrue(camera.isPresent(), "the shared camera.png is not next to the repository");
        // the photo is already hard-contrasted: any stretch that shows (RMS contrast up by a fifth) crushes its dark
        // coat past the allowance, and darker corners take back what spread it adds, so the loop stops short of the
        // threshold rather than hand over a flatter picture
        LoopResult result = run(camera.get(), request);
        // a success shows more contrast (the luma's standard deviation) than the source
        if (result.stopReason() == StopReason.THRESHOLD) {
            assertThat(lumaSpread(result.best().image()))
                    .as(story(result))
                    .isGreaterThan(lumaSpread(camera.get()) * 1.02);
        }
    }

    private static double lumaSpread(Picture p) {
        byte[] b = p.bgr();
        double sum = 0;
        double sq = 0;
        int n = b.length / 3;
        for (int i = 0; i < b.length; i += 3) {
            double y = 0.114 * (b[i] & 0xff) + 0.587 * (b[i + 1] & 0xff) + 0.299 * (b[i + 2] & 0xff);
            sum += y;
            sq += y * y;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }

    private static void assertReachesThreshold(Picture source, String request) {
        LoopResult result = run(source, request);
        assertThat(result.stopReason()).as(story(result)).isEqualTo(StopReason.THRESHOLD);
        assertThat(result.turns()).hasSizeLessThanOrEqualTo(5);
        assertThat(result.best().critique().semantic()).isGreaterThanOrEqualTo(8);
        assertThat(result.best().critique().quality()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void winterCountsTheMutedColorsAsAlreadyThereAndDoesNotDesaturateTheCoolCastAway() {
        LoopResult result = run(GREY_CAT, "make it feel like a cold winter morning");
        assertThat(result.stopReason()).as(story(result)).isEqualTo(StopReason.THRESHOLD);
        String first = result.turns().get(0).critique().reasoning();
        assertThat(first).contains("saturation: already muted in the source");
        assertThat(first).doesNotContain("+3243%").doesNotContain("saturation: -100%");
        for (Turn turn : result.turns()) {
            assertThat(turn.instruction()).doesNotContain("saturation");
        }
        assertThat(result.best().critique().reasoning())
                .containsPattern("saturation: already muted in the source .*: achieved");
    }

    static Stream<String> everyConcept() {
        return KnowledgeBase.standard().concepts().stream()
                .map(c -> c.phrasings().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyConcept")
    void noConceptOscillatesOnAGreyImage(String request) {
        for (Picture source :
                Stream.concat(Stream.of(GREY_CAT), camera().stream()).toList()) {
            LoopResult result = run(source, request);
            String story = story(result);
            assertThat(result.stopReason())
                    .as(story)
                    .isIn(StopReason.THRESHOLD, StopReason.NO_CHANGE, StopReason.VERDICT_FAILED);
            if (result.stopReason() != StopReason.THRESHOLD) {
                // a stop short of the threshold names what cannot be achieved
                assertThat(result.turns()
                                .get(result.turns().size() - 1)
                                .critique()
                                .reasoning())
                        .as(story)
                        // or the artifact past its allowance that a stronger step would only deepen
                        .containsAnyOf(
                                "does not apply",
                                "cannot",
                                "no step of its own",
                                "no amount of the editor",
                                "(allowed ");
            }
            // no effect is read too weak in one turn and too strong in another
            Map<String, Set<String>> standings = new HashMap<>();
            for (Turn turn : result.turns()) {
                Matcher m = STANDING.matcher(turn.critique().reasoning());
                while (m.find()) {
                    standings.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
                }
            }
            standings.forEach((effect, seen) -> assertThat(seen)
                    .as("%s flips between too weak and too strong\n%s", effect, story)
                    .hasSize(1));
        }
    }

    @Test
    void blackAndWhiteOfAGreyImageIsAlreadyDone() {
        LoopResult result = run(GREY_CAT, "make it black and white");
        assertThat(result.stopReason()).as(story(result)).isEqualTo(StopReason.THRESHOLD);
        assertThat(result.turns()).hasSize(1);
        assertThat(result.best().critique().reasoning()).contains("already black and white in the source");
    }

    @ParameterizedTest
    @ValueSource(strings = {"increase the saturation by 30%", "shift the hue by 40 degrees"})
    void aColorChangeNothingCanDoOnGreyIsDeclaredFailedWithTheReason(String request) {
        LoopResult result = run(GREY_CAT, request);
        assertThat(result.stopReason()).as(story(result)).isEqualTo(StopReason.VERDICT_FAILED);
        assertThat(result.turns()).hasSize(1);
        assertThat(result.best().critique().reasoning())
                .contains("nothing asked can happen on this source")
                .contains("the source has no color");
    }

    @Test
    void autumnOnGreyWarmsItAndLeavesOutWhatCannotApply() {
        LoopResult result = run(GREY_CAT, "make it look like autumn");
        assertThat(result.stopReason()).as(story(result)).isEqualTo(StopReason.THRESHOLD);
        Turn best = result.best();
        assertThat(best.instruction()).contains("warmer").doesNotContain("saturation");
        assertThat(best.critique().reasoning()).contains("saturation: does not apply, the source has no color");
    }

    @Test
    void darkerOnAnAlreadyVeryDarkImageCountsAsDone() {
        Picture dark = EDITOR.edit(EditCall.of(TestImages.cat(), "decrease the brightness by 80%", 1))
                .image();
        assertThat(Measurements.meanLuma(Analysis.of(dark), Zone.WHOLE)).isLessThan(40);
        LoopResult result = run(dark, "make it look like night");
        assertThat(result.stopReason()).as(story(result)).isEqualTo(StopReason.THRESHOLD);
        assertThat(result.best().critique().reasoning()).contains("brightness: already dark in the source");
        for (Turn turn : result.turns()) {
            assertThat(turn.instruction()).doesNotContain("decrease the brightness");
        }
    }

    @Test
    void aQualityDropFromATooWeakStepSoftensThatStep() {
        Optional<Picture> camera = camera();
        assumeTrue(camera.isPresent(), "the shared camera.png is not next to the repository");
        // on this already contrasty photo a strong contrast boost clips the dark coat (a drama, unlike a film noir,
        // keeps
        // its shadows): contrast still reads too weak
        String request = "make it more dramatic";
        String current =
                "decrease the brightness by 10%, then increase the contrast by 31%, then add a vignette at 40%";
        Picture edited = EDITOR.edit(EditCall.of(camera.get(), current, 1)).image();
        var critique = THINKER.critique(CritiqueCall.compare(camera.get(), edited, request, current, 3, 1));
        assertThat(critique.quality()).isLessThan(8);
        assertThat(critique.verdict()).isEqualTo(Verdict.REFINE);
        assertThat(critique.reasoning()).contains("quality first");
        assertThat(critique.refinedInstruction()).contains("increase the contrast by 26%");
        assertThat(List.of(critique.refinedInstruction().split(", then "))).hasSize(3);
    }
}
