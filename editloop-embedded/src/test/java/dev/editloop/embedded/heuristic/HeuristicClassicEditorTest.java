package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.EditCall;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.testkit.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The thinker driving the real classic editor through think-while-edit, as the loop runs it. */
class HeuristicClassicEditorTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final List<Picture> IMAGES =
            List.of(TestImages.cat(), TestImages.coffee(), TestImages.scene(640, 480, 3));

    /** Runs think-while-edit: every turn edits the source with the current instruction; stops at a verdict. */
    static List<Critique> loop(Picture source, String request, int maxTurns) {
        List<Critique> turns = new ArrayList<>();
        String current = request;
        for (int turn = 1; turn <= maxTurns; turn++) {
            Picture edited = EDITOR.edit(EditCall.of(source, current, 42)).image();
            Critique critique = THINKER.critique(CritiqueCall.compare(source, edited, request, current, turn, 42));
            turns.add(critique);
            if (critique.verdict() != Verdict.REFINE
                    || critique.refinedInstruction().equals(current)) {
                break;
            }
            current = critique.refinedInstruction();
        }
        return turns;
    }

    static Stream<Arguments> everyConceptOnEveryImage() {
        return KnowledgeBase.standard().concepts().stream()
                .flatMap(c ->
                        IMAGES.stream().map(image -> Arguments.of(c.phrasings().get(0), image)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"make this look like an old photograph", "make it feel like a cold winter morning"})
    void abstractRequestsStartNearZeroAndSucceedWithinTwoRefinements(String request) {
        for (Picture source : IMAGES) {
            List<Critique> turns = loop(source, request, 5);
            Critique first = turns.get(0);
            assertThat(first.semantic()).as("unchanged image").isLessThanOrEqualTo(2.0);
            assertThat(first.verdict()).isEqualTo(Verdict.REFINE);
            Critique last = turns.get(turns.size() - 1);
            assertThat(last.verdict())
                    .as(request + " on " + source + "\n" + last.reasoning())
                    .isEqualTo(Verdict.SUCCESS);
            assertThat(last.semantic()).isGreaterThanOrEqualTo(8.0);
            assertThat(last.quality()).isGreaterThanOrEqualTo(8.0);
            assertThat(turns).hasSizeLessThanOrEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"make it black and white", "increase the contrast by 30%", "make it warmer"})
    void plainRequestsDoneByTheEditorSucceedAtOnce(String request) {
        for (Picture source : IMAGES) {
            List<Critique> turns = loop(source, request, 3);
            assertThat(turns)
                    .as(request + " on " + source + "\n" + turns.get(0).reasoning())
                    .hasSize(1);
            assertThat(turns.get(0).verdict()).isEqualTo(Verdict.SUCCESS);
            assertThat(turns.get(0).semantic()).isGreaterThanOrEqualTo(8.0);
            assertThat(turns.get(0).quality()).isGreaterThanOrEqualTo(8.0);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyConceptOnEveryImage")
    void everyConceptReachesSuccessWithinThreeRefinements(String request, Picture source) {
        List<Critique> turns = loop(source, request, 4);
        Critique last = turns.get(turns.size() - 1);
        assertThat(last.verdict()).as(last.reasoning()).isEqualTo(Verdict.SUCCESS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "make it look like an old photograph and add the text \"1920\" at the bottom",
                "add the text \"BIG SALE\" at the bottom right corner in yellow",
                "make the sky more blue and make it dramatic",
                "increase the brightness by 30% in the top third",
                "make the red areas blue",
                "remove the red object",
                "rotate it 90 degrees clockwise",
                "crop it to the left half",
                "blur the background"
            })
    void concreteLocalGeometricAndMixedRequestsSucceed(String request) {
        List<Critique> turns = loop(TestImages.scene(640, 480, 3), request, 4);
        Critique last = turns.get(turns.size() - 1);
        assertThat(last.verdict()).as(last.reasoning()).isEqualTo(Verdict.SUCCESS);
        assertThat(turns).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void theWrongEditScoresLowEvenWhenTheEditorChangedSomething() {
        Picture source = TestImages.scene(640, 480, 3);
        String request = "rotate it 90 degrees clockwise";
        Picture counter = EDITOR.edit(EditCall.of(source, "rotate it 270 degrees clockwise", 1))
                .image();
        Critique wrong = THINKER.critique(CritiqueCall.compare(source, counter, request, request, 1, 1));
        assertThat(wrong.semantic()).isLessThan(8.0);
        String local = "increase the brightness by 30% in the top third";
        Picture elsewhere = EDITOR.edit(EditCall.of(source, "increase the brightness by 30% in the bottom third", 1))
                .image();
        assertThat(THINKER.critique(CritiqueCall.compare(source, elsewhere, local, local, 1, 1))
                        .semantic())
                .isLessThan(5.0);
    }

    @Test
    void textIsReadInItsColourWhereItChangedThePictureOnADarkGround() {
        // the coffee photo's top left corner is dark wood: black letters there add little black to it
        java.util.Optional<Picture> shared = TestImages.sharedPicture("coffee.png");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                shared.isPresent(), "the shared photos are absent (../shared/images)");
        Picture coffee = shared.get();
        String black = "add the text \"Good Morning\" at the top left corner in black";
        Picture done = EDITOR.edit(EditCall.of(coffee, black, 1)).image();
        Critique right = THINKER.critique(CritiqueCall.compare(coffee, done, black, black, 1, 1));
        assertThat(right.verdict()).as(right.reasoning()).isEqualTo(Verdict.SUCCESS);
        assertThat(right.reasoning()).contains("changed pixels that are black in the top left corner");
        // the same words in yellow are not what was asked
        Picture yellow = EDITOR.edit(
                        EditCall.of(coffee, "add the text \"Good Morning\" at the top left corner in yellow", 1))
                .image();
        Critique wrong = THINKER.critique(CritiqueCall.compare(coffee, yellow, black, black, 1, 1));
        assertThat(wrong.semantic()).as(wrong.reasoning()).isLessThan(8.0);
    }

    @Test
    void aPartlyImpossibleRequestDoesWhatItCanAndStops() {
        List<Critique> turns = loop(TestImages.cat(), "make it look like night and add a moon", 5);
        Critique last = turns.get(turns.size() - 1);
        assertThat(last.verdict()).isEqualTo(Verdict.REFINE);
        assertThat(last.semantic()).isBetween(4.0, 5.0); // the night half done, the moon impossible
        // once nothing measurable can improve, the refinement repeats the instruction and the loop stops (no change)
        assertThat(turns).hasSizeLessThanOrEqualTo(3);
        assertThat(last.reasoning()).contains("Instruction used: \"" + last.refinedInstruction() + "\"");
        assertThat(last.reasoning()).contains("moon").contains("generative editor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"make this look like an old photograph", "make it feel like a cold winter morning"})
    void reflectReachesSuccessWithinThreeAttempts(String request) {
        Picture source = TestImages.coffee();
        Plan rewrite = THINKER.plan(new PlanCall(PlanKind.REWRITE, source, request, 3, 1));
        Plan target = THINKER.plan(new PlanCall(PlanKind.DESCRIBE_TARGET, source, request, 3, 1));
        Picture previous = source;
        String instruction = rewrite.instruction();
        Picture base = source;
        Critique critique = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Picture edited =
                    EDITOR.edit(EditCall.of(base, instruction, attempt)).image();
            critique = THINKER.critique(new CritiqueCall(
                    CritiqueMode.REFLECT,
                    source,
                    edited,
                    request,
                    instruction,
                    attempt,
                    target.targetDescription(),
                    1));
            if (critique.verdict() == Verdict.SUCCESS) {
                break;
            }
            assertThat(critique.hasRefinement()).isTrue();
            base = critique.verdict() == Verdict.REFLECTION ? edited : source;
            instruction = critique.refinedInstruction();
            previous = edited;
        }
        assertThat(critique.verdict()).as(critique.reasoning()).isEqualTo(Verdict.SUCCESS);
        assertThat(critique.targetDescription()).isEqualTo(target.targetDescription());
        assertThat(previous).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"replace the cat with a dog", "add a hat", "make the person smile"})
    void impossibleRequestsFailAtOnce(String request) {
        List<Critique> turns = loop(TestImages.cat(), request, 3);
        assertThat(turns).hasSize(1);
        assertThat(turns.get(0).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(turns.get(0).hasRefinement()).isFalse();
    }
}
