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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A quality the request says to keep ("darken it, but keep the contrast the same") is part of what it asks. Darkening
 * by scaling the levels also lowers the contrast and the colourfulness by as much: that edit is not accepted, and the
 * thinker adds the step that sets the kept quality back, after which it is.
 */
class KeptQualityTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final Picture CAT = TestImages.cat();

    private static Critique judge(String request, String used) {
        Picture edited = EDITOR.edit(EditCall.of(CAT, used, 1)).image();
        return THINKER.critique(CritiqueCall.compare(CAT, edited, request, used, 1, 1));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "darken it slightly but keep the contrast the same | kept contrast | increase the contrast",
                "darken it a touch but leave the colours exactly as they are | kept saturation"
                        + " | increase the saturation"
            })
    void aKeptQualityMovedByTheOtherStepsIsSetBackBeforeTheEditIsAccepted(
            String request, String guard, String restoring) {
        Critique first = judge(request, request);
        assertThat(first.semantic()).as(first.reasoning()).isLessThan(8.0);
        assertThat(first.reasoning()).contains(guard).contains("the request keeps the");
        assertThat(first.refinedInstruction()).as(first.reasoning()).contains(restoring);

        Critique second = judge(request, first.refinedInstruction());
        assertThat(second.semantic()).as(second.reasoning()).isGreaterThanOrEqualTo(8.0);
        // the darkening is still there, and the step that restores the kept quality stays in the plan
        assertThat(second.reasoning()).contains("brightness: -");
        assertThat(second.refinedInstruction()).as(second.reasoning()).contains(restoring);
    }
}
