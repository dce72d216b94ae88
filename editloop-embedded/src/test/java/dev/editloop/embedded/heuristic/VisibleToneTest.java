package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.measure.Measurements;
import dev.editloop.embedded.measure.Zone;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;

/**
 * The thinker judges tone moves as a viewer sees them: more contrast asked with darker corners or a darker picture must
 * show as more contrast on the whole picture, and half a turn of the hue is done whichever way it turned.
 */
class VisibleToneTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final Picture CAT = TestImages.cat();

    private static final Picture COFFEE = TestImages.coffee();

    private static Picture edit(Picture source, String instruction) {
        return EDITOR.edit(EditCall.of(source, instruction, 1)).image();
    }

    private static Critique judge(Picture source, String request, Picture edited, String used) {
        return THINKER.critique(CritiqueCall.compare(source, edited, request, used, 1, 1));
    }

    private static double contrast(Picture p) {
        return Measurements.lumaContrast(Analysis.of(p), Zone.WHOLE);
    }

    @Test
    void aFilmNoirCrushesItsShadowsByDesignAndAPlainStretchDoesNot() {
        Picture camera = TestImages.sharedPicture("camera.png").orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(camera != null, "the shared photo camera.png is absent");
        String used = "decrease the brightness by 5%, then increase the contrast by 45%, then add a vignette at 25%";
        Picture edited = edit(camera, used);
        // the dark coat goes to black: a noir still's deep shadows, and the corners darken beyond the stretch
        Critique noir = judge(camera, "like a still from a 1940s detective movie", edited, used);
        assertThat(noir.quality()).isGreaterThanOrEqualTo(8.0);
        assertThat(noir.semantic()).isGreaterThanOrEqualTo(8.0);
        assertThat(noir.reasoning()).doesNotContain("crushed shadows").contains("vignette: +");
        // the same black coat asked as plain contrast is crushed detail
        Critique plain = judge(
                camera,
                "increase the contrast by 45%",
                edit(camera, "increase the contrast by 45%"),
                "increase the contrast by 45%");
        assertThat(plain.quality()).isLessThan(8.0);
        assertThat(plain.reasoning()).contains("crushed shadows");
    }

    @Test
    void brighterAndMoreSaturatedMustLookMoreColourful() {
        // the rocket at dusk made brighter (and warmer, which takes from a blue sky's chroma) keeps each colour's
        // max − min, so the saturation reading rose 14% while the navy sky turned a paler steel blue (CIELAB chroma
        // +5%): the colours must look richer, not only hold more
        Picture rocket = TestImages.sharedPicture("rocket.jpg").orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(rocket != null, "the shared photo rocket.jpg is absent");
        String request = "brighter, more saturated, and a touch warmer please";
        String weak = "increase the brightness by 25%, then increase the saturation by 25%, then make it warmer by 10%";
        Critique pale = judge(rocket, request, edit(rocket, weak), weak);
        assertThat(pale.semantic()).isLessThan(8.0);
        assertThat(pale.reasoning()).containsPattern("saturation: [-+]\\d+% \\(target [^)]*\\): too weak");
        String strong =
                "increase the brightness by 25%, then increase the saturation by 45%, then make it warmer by 10%";
        Picture richer = edit(rocket, strong);
        assertThat(Measurements.meanLabChroma(Analysis.of(richer), Zone.WHOLE))
                .isGreaterThan(1.1 * Measurements.meanLabChroma(Analysis.of(rocket), Zone.WHOLE));
        Critique rich = judge(rocket, request, richer, strong);
        assertThat(rich.reasoning()).doesNotContainPattern("saturation: [^\\n]*too weak");
        assertThat(rich.semantic()).isGreaterThanOrEqualTo(8.0);
        // saturation alone, with no brightening, is read as before: the colours keep their brightness
        String plain = "increase the saturation by 25%";
        Critique alone = judge(rocket, "more saturated", edit(rocket, plain), plain);
        assertThat(alone.semantic()).isGreaterThanOrEqualTo(8.0);
    }

    @Test
    void moreContrastThatAVignetteTakesBackIsNotClaimed() {
        String used = "increase the contrast by 20%, then add a vignette at 60%";
        Picture edited = edit(COFFEE, used);
        // the premise: on the whole picture, the spread of luma did not grow
        assertThat(contrast(edited)).isLessThan(contrast(COFFEE) * 1.03);
        Critique critique = judge(COFFEE, "more contrast and darker corners", edited, used);
        assertThat(critique.semantic()).isLessThan(8.0);
        assertThat(critique.reasoning()).containsPattern("contrast: [-+]\\d+% \\(target [^)]*\\): too weak");
    }

    @Test
    void moreContrastThatShowsOnTheWholePictureStillCounts() {
        String used = "increase the contrast by 40%, then add a vignette at 15%";
        Picture edited = edit(COFFEE, used);
        assertThat(contrast(edited)).isGreaterThan(contrast(COFFEE) * 1.03);
        Critique critique = judge(COFFEE, "punchier contrast with slightly darker corners", edited, used);
        assertThat(critique.reasoning()).doesNotContainPattern("contrast: [^\\n]*too weak");
    }

    @Test
    void halfATurnOfTheHueIsDoneWhicheverWayItTurned() {
        // on this photo half a turn reads +180°: asked the other way round, it is the same picture
        String used = "shift the hue by -180 degrees";
        Critique critique = judge(CAT, "shift the hue by -180 degrees, please", edit(CAT, used), used);
        assertThat(critique.reasoning()).containsPattern("hue shift: [-+]?180° \\(target [^)]*\\): on target");
        assertThat(critique.semantic()).isGreaterThanOrEqualTo(8.0);
    }
}
