package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A question about the picture is not a request for the look a word in it names; polite requests still are. */
class QuestionCheckTest {
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final ClassicEditor EDITOR = new ClassicEditor();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "was this shot at sunset or at sunrise?",
                "is that a winter scene?",
                "what season does this look like?",
                "which of these colours is the warmest?",
                "does the sky look foggy to anyone else?",
                "where was this photo taken, a beach at golden hour?"
            })
    void aQuestionAboutThePictureFailsAndNamesTheReason(String question) {
        assertThat(QuestionCheck.questionAboutPicture(question)).as(question).isPresent();
        Picture source = TestImages.scene(96, 64, 3);
        Picture edited = EDITOR.edit(EditCall.of(source, question, 1)).image();
        Critique critique = THINKER.critique(CritiqueCall.compare(source, edited, question, question, 1, 1));
        assertThat(critique.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(critique.semantic()).isZero();
        assertThat(critique.reasoning()).startsWith("this asks a question about the picture");
        Plan plan = THINKER.plan(new PlanCall(PlanKind.REWRITE, source, question, 3, 1));
        assertThat(plan.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(plan.reasoning()).contains("cannot answer questions");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "could you make it warmer?",
                "can the background be pure white?",
                "is it possible to add a vignette?",
                "how about a sepia look?",
                "what about making it a bit brighter?",
                "why not cool it down a little?",
                "do you think it could be a tad darker?",
                "would it look better in black and white?",
                "make it look like a winter morning",
                "is it too dark? brighten it a bit"
            })
    void aRequestWordedAsAQuestionStaysARequest(String request) {
        assertThat(QuestionCheck.questionAboutPicture(request)).as(request).isEmpty();
        Picture source = TestImages.scene(96, 64, 3);
        Plan plan = THINKER.plan(new PlanCall(PlanKind.REWRITE, source, request, 3, 1));
        assertThat(plan.reasoning()).doesNotContain("cannot answer questions");
    }
}
