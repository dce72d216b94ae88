package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Turn;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.testkit.TestImages;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The embedded default never claims an edit that did not happen: real benchmark requests (ImgEdit) whose main action
 * works on a named thing, or whose mood word describes a thing or the state to leave, are answered honestly, both
 * when the loop runs and when the thinker and the judge look at the global grade the old thinker used to accept.
 */
class HonestyTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final HeuristicJudge JUDGE = new HeuristicJudge(InstructionParser::parse);
    private static final LoopEngine ENGINE = new LoopEngine(EDITOR, THINKER);
    private static final Picture CAT = TestImages.cat();
    private static final Picture COFFEE = TestImages.coffee();

    private static final String SEPIA_LOOK = "apply a sepia tone at 85%, then decrease the contrast by 25%, then add a"
            + " vignette at 40%, then add film grain at 25%";
    private static final String WINTER_LOOK =
            "make it cooler by 35%, then decrease the saturation by 30%, then increase the brightness by 15%";

    /** A request, a word the answer must name, and the global grade the thinker used to accept for it. */
    static Stream<Arguments> objectRequests() {
        return Stream.of(
                Arguments.of(
                        "Add a small vintage bicycle leaning against the wooden panel wall near the lamp.",
                        "bicycle",
                        SEPIA_LOOK),
                Arguments.of(
                        "Add a horse-drawn sleigh traveling along the snow-covered path near the broken fence in the"
                                + " foreground.",
                        "sleigh",
                        WINTER_LOOK),
                Arguments.of(
                        "Extract the colorful patterned hat from the image.",
                        "hat",
                        "increase the saturation by 40%, then increase the contrast by 15%"),
                Arguments.of(
                        "Change the background from a winter setting with snow to a summer setting",
                        "background",
                        WINTER_LOOK),
                Arguments.of(
                        "Change the animal's fur color to a soft shade of brown.",
                        "fur",
                        "blur it by 12%, then increase the brightness by 15%, then decrease the contrast by 20%, then"
                                + " decrease the saturation by 10%"),
                Arguments.of(
                        "Change the motorcycle's body color to matte black.",
                        "motorcycle",
                        "decrease the contrast by 35%, then decrease the saturation by 40%, then increase the"
                                + " brightness by 12%"),
                Arguments.of("replace the dog with a bicycle", "dog", SEPIA_LOOK));
    }

    @ParameterizedTest
    @MethodSource("objectRequests")
    void anObjectRequestIsFailedAtOnceAndNamesWhy(String request, String thing, String oldGrade) {
        for (Picture source : new Picture[] {CAT, COFFEE}) {
            LoopResult result = ENGINE.run(LoopRequest.of(source, request));
            assertThat(result.stopReason()).as(request).isEqualTo(StopReason.VERDICT_FAILED);
            assertThat(result.turns()).hasSize(1);
            Critique c = result.turns().get(0).critique();
            assertThat(c.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(c.semantic()).isLessThan(5);
            assertThat(c.reasoning())
                    .contains(thing)
                    .containsAnyOf("generative editor", "cannot find", "recognised", "needs the thing to be found");
        }
    }

    @ParameterizedTest
    @MethodSource("objectRequests")
    void theGlobalGradeOnceAcceptedIsNotCreditedByTheThinkerOrTheJudge(String request, String thing, String grade) {
        Picture graded = EDITOR.edit(EditCall.of(CAT, grade, 1)).image();
        assertThat(graded.samePixels(CAT)).as("the grade changes the pixels").isFalse();
        Critique c = THINKER.critique(CritiqueCall.compare(CAT, graded, request, grade, 2, 1));
        assertThat(c.semantic()).as(request).isLessThan(5);
        assertThat(c.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(c.reasoning()).contains(thing);
        Judgement j = JUDGE.judge(dev.editloop.testkit.VieQuestions.semantic(CAT, graded, request, 1));
        assertThat(j.score("edit_success")).as(request).isLessThan(5);
        assertThat(j.reasoning()).contains(thing);
    }

    @Test
    void removingAColourThePictureDoesNotShowIsFailedNotScoredAsDone() {
        // the cat photo has no pink: the editor changes nothing, and an unchanged picture is not "the pink gone"
        LoopResult result = ENGINE.run(LoopRequest.of(CAT, "please remove the pink thing"));
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        Critique c = result.turns().get(0).critique();
        assertThat(c.semantic()).isLessThan(5);
        assertThat(c.reasoning()).contains("the source shows no pink");
        assertThat(result.accepted()).isFalse();
        Judgement j = JUDGE.judge(dev.editloop.testkit.VieQuestions.semantic(CAT, CAT, "remove the pink thing", 1));
        assertThat(j.score("edit_success")).isLessThan(5);
    }

    @Test
    void aStyleWhoseNameIsUnknownIsNotClaimedFromItsAdjective() {
        String request = "Transfer the image into a vibrant graffiti street-mural style.";
        LoopResult result = ENGINE.run(LoopRequest.of(COFFEE, request));
        assertThat(result.stopReason()).isNotEqualTo(StopReason.THRESHOLD);
        for (Turn t : result.turns()) {
            assertThat(t.critique().semantic()).isLessThan(8);
        }
        assertThat(result.best().critique().reasoning()).contains("graffiti").contains("neither done nor measured");
    }

    @Test
    void aThingToKeepThatCannotBeCheckedCapsTheScoreButTheRestOfTheImageDoesNot() {
        LoopResult face = ENGINE.run(LoopRequest.of(CAT, "make it warmer, but leave the face alone"));
        assertThat(face.stopReason()).isNotEqualTo(StopReason.THRESHOLD);
        assertThat(face.best().critique().semantic()).isLessThan(8);
        assertThat(face.best().critique().reasoning()).contains("face");

        LoopResult rest = ENGINE.run(LoopRequest.of(CAT, "make it warmer but keep everything else the same"));
        assertThat(rest.stopReason()).isEqualTo(StopReason.THRESHOLD);
    }

    @Test
    void theStateARequestLeavesIsNotItsTarget() {
        Intent intent = Intent.read(
                "Change the season from winter to summer", InstructionParser::parse, KnowledgeBase.standard());
        assertThat(intent.concepts()).extracting(Concept::id).containsExactly("sunny-day");
        LoopResult result = ENGINE.run(LoopRequest.of(COFFEE, "Change the season from winter to summer"));
        assertThat(result.best().instruction()).doesNotContain("cooler");
    }

    @Test
    void softerLowersTheContrastWithoutBlurring() {
        LoopResult result = ENGINE.run(LoopRequest.of(CAT, "make it softer"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(result.best().instruction()).doesNotContain("blur").contains("decrease the contrast");
    }

    @Test
    void watercolorIsNotOilPaint() {
        Intent intent = Intent.read(
                "make it look like a watercolor painting", InstructionParser::parse, KnowledgeBase.standard());
        assertThat(intent.concepts()).extracting(Concept::id).doesNotContain("oil-painting");
        assertThat(intent.concrete())
                .containsExactly(
                        new Action.Stylize(Action.Style.WATERCOLOR, 100, dev.editloop.embedded.classic.Region.WHOLE));
    }

    @Test
    void aFilmNoirFromThe1940sIsBlackAndWhiteWithHardContrastNotSepia() {
        LoopResult result = ENGINE.run(LoopRequest.of(CAT, "make it look like a 1940s film noir"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(result.best().instruction())
                .contains("black and white")
                .contains("increase the contrast")
                .doesNotContain("sepia");
    }

    @Test
    void aSunsetWarmsAndDarkensAndNeverAsksABlueSkyForSaturation() {
        Picture sky = TestImages.scene(640, 480, 5); // a blue sky over grass
        Intent intent = Intent.read("give it a sunset look", InstructionParser::parse, KnowledgeBase.standard());
        assertThat(intent.plan(Analysis.of(sky)))
                .noneMatch(
                        a -> a instanceof Action.Adjust adj && adj.tone() == Action.Tone.SATURATION && adj.amount() > 0)
                .anyMatch(a ->
                        a instanceof Action.Adjust adj && adj.tone() == Action.Tone.BRIGHTNESS && adj.amount() < 0);
        LoopResult result = ENGINE.run(LoopRequest.of(sky, "give it a sunset look"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(result.best().instruction()).contains("warmer");
    }

    @Test
    void theReadmeDemoStillSucceedsAtTurnTwo() {
        LoopResult result = ENGINE.run(LoopRequest.of(CAT, "make this look like an old photograph"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(result.bestTurn()).isEqualTo(2);
    }

    @Test
    void plainVocabularyStillSucceedsAtTurnOne() {
        // the coffee photo: a cup on a table, a subject the classic segmentation separates cleanly
        for (String request : new String[] {"make it black and white", "blur the background"}) {
            LoopResult result = ENGINE.run(LoopRequest.of(COFFEE, request));
            assertThat(result.stopReason()).as(request).isEqualTo(StopReason.THRESHOLD);
            assertThat(result.bestTurn()).as(request).isEqualTo(1);
        }
    }
}
