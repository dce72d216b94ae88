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
 * A local edit meets the part that stays as it was along its region's border: that step is what the request asked
 * for, not a seam the edit drew, and does not cost quality.
 */
class RegionBorderTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "flip the colours of the upper half to their opposites|invert the colors in the top half",
                "invert the right half only|invert the colors in the right half",
                "a hazy, washed-out bottom two thirds, the top third as it was|decrease the contrast by 45% in the"
                        + " bottom two thirds, then increase the brightness by 25% in the bottom two thirds"
            })
    void theStepAlongTheRegionsBorderIsNoSeam(String request, String used) {
        Picture coffee = TestImages.coffee();
        Picture edited = EDITOR.edit(EditCall.of(coffee, used, 1)).image();
        Critique critique = THINKER.critique(CritiqueCall.compare(coffee, edited, request, used, 1, 1));
        assertThat(critique.reasoning()).as(request).doesNotContain("rim or seam the edit drew");
        assertThat(critique.quality()).as(request).isGreaterThanOrEqualTo(8.0);
    }
}
