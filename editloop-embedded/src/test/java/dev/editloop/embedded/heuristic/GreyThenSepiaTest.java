package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grey first, then a sepia toning: the toning gives the grey its brown, so the grey is not read on its own, and the
 * toning is done at any strength asked, as long as no colour of the source is left.
 */
class GreyThenSepiaTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final Picture CAT = TestImages.cat();

    private static Critique judge(String request, String used) {
        Picture edited = EDITOR.edit(EditCall.of(CAT, used, 1)).image();
        return THINKER.critique(CritiqueCall.compare(CAT, edited, request, used, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "drain the colour to greyscale, then give it a sepia wash",
                "monochrome first and then sepia at 30%"
            })
    void greyThenSepiaIsDone(String request) {
        Critique critique = judge(request, request);
        assertThat(critique.semantic()).as(critique.reasoning()).isGreaterThanOrEqualTo(8.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"monochrome first and then sepia at 30%"})
    void sepiaOverTheColoursIsNotTheGreyBase(String request) {
        // the grey step left out: the source's colours show through the toning
        Critique critique = judge(request, "apply a sepia tone at 30%");
        assertThat(critique.semantic()).as(critique.reasoning()).isLessThan(8.0);
    }
}
