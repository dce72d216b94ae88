package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.testkit.TestImages;
import java.awt.Color;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Odd inputs give valid scores and verdicts, never an exception or an invented state. */
class HeuristicRobustnessTest {
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final HeuristicJudge JUDGE = new HeuristicJudge(InstructionParser::parse);
    private static final List<String> REQUESTS = List.of(
            "make this look like an old photograph",
            "increase the contrast by 30% in the top third",
            "rotate it 90 degrees clockwise",
            "make the red areas blue",
            "add a hat",
            "",
            "   ",
            "make it nicer");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 40})
    void tinyAndFlatPicturesAreJudged(int size) {
        List<Picture> pictures = List.of(
                Picture.solid(size, size, Color.GRAY),
                Picture.solid(size, size + 3, Color.BLACK),
                Picture.solid(size + 1, size, Color.WHITE),
                TestImages.scene(size + 8, size + 5, size));
        ClassicEditor editor = new ClassicEditor();
        for (Picture source : pictures) {
            for (String request : REQUESTS) {
                Picture edited = request.isBlank()
                        ? source
                        : editor.edit(dev.editloop.core.EditCall.of(source, request, 1))
                                .image();
                Critique compare = THINKER.critique(CritiqueCall.compare(source, edited, request, request, 1, 1));
                assertThat(compare.valid()).isTrue();
                Critique reflect = THINKER.critique(
                        new CritiqueCall(CritiqueMode.REFLECT, source, edited, request, request, 1, null, 1));
                assertThat(reflect.valid()).isTrue();
                assertThat(dev.editloop.testkit.VieQuestions.ask(JUDGE, source, edited, request, 1)
                                .overall())
                        .isBetween(0.0, 10.0);
                Plan plan =
                        THINKER.plan(new PlanCall(PlanKind.REWRITE, source, request.isBlank() ? "x" : request, 3, 1));
                assertThat(plan.instruction()).isNotBlank();
            }
        }
    }

    @Test
    void anEditOfAnotherSizeThanAskedCostsPreservation() {
        Picture source = TestImages.cat();
        String request = "make it black and white";
        Picture bw = new ClassicEditor()
                .edit(dev.editloop.core.EditCall.of(source, request, 1))
                .image();
        Picture bwCropped = new ClassicEditor()
                .edit(dev.editloop.core.EditCall.of(source, request + ", then crop it to the left half", 1))
                .image();
        double good = THINKER.critique(CritiqueCall.compare(source, bw, request, request, 1, 1))
                .semantic();
        Critique cropped = THINKER.critique(CritiqueCall.compare(source, bwCropped, request, request, 1, 1));
        assertThat(cropped.semantic()).isLessThan(good - 3);
        assertThat(cropped.reasoning()).contains("size changed");
    }

    @Test
    void aFailingOrSilentParserCountsAsUnderstandingNothing() {
        Function<String, ParsedInstruction> throwing = t -> {
            throw new IllegalStateException("parser down");
        };
        Function<String, ParsedInstruction> silent = t -> null;
        Picture cat = TestImages.cat();
        for (Function<String, ParsedInstruction> parser : List.of(throwing, silent)) {
            HeuristicThinker thinker = new HeuristicThinker(parser);
            Critique c = thinker.critique(CritiqueCall.compare(
                    cat, cat, "make this look like an old photograph", "make this look like an old photograph", 1, 1));
            assertThat(c.verdict()).isEqualTo(Verdict.REFINE);
            assertThat(c.semantic()).isZero();
        }
    }
}
