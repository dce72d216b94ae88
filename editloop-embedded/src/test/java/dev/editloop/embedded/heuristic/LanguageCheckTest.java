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

/** An instruction the embedded thinker cannot read is answered plainly, and English with foreign names still works. */
class LanguageCheckTest {
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final ClassicEditor EDITOR = new ClassicEditor();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "把这张照片变成黑白的",
                "让天空更蓝一些",
                "Mach das Bild schwarz-weiß",
                "Bitte füge eine Vignette hinzu und mach es heller",
                "Haz que la imagen parezca una foto antigua",
                "Añade un desenfoque al fondo",
                "Rends l'image plus chaude avec un effet vintage",
                "Сделай фото черно-белым",
                "この写真を白黒にして"
            })
    void aNonEnglishInstructionFailsWithTheReason(String instruction) {
        assertThat(LanguageCheck.notEnglish(instruction)).as(instruction).isPresent();
        Picture source = TestImages.scene(96, 64, 3);
        Picture edited = EDITOR.edit(EditCall.of(source, instruction, 1)).image();
        Critique critique = THINKER.critique(CritiqueCall.compare(source, edited, instruction, instruction, 1, 1));
        assertThat(critique.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(critique.semantic()).isZero();
        assertThat(critique.reasoning())
                .startsWith("the embedded thinker reads English; use a model thinker for other languages");
        Plan plan = THINKER.plan(new PlanCall(PlanKind.REWRITE, source, instruction, 3, 1));
        assertThat(plan.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(plan.reasoning()).contains("reads English");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "make it black and white",
                "make this look like Rio de Janeiro at sunset",
                "make the photo of Los Angeles look like an old photograph",
                "add the text \"東京へようこそ\" at the top",
                "add the text \"Feliz Navidad y próspero año nuevo\" at the bottom in red",
                "make the Place de la Concorde look like a watercolor painting",
                "make Müller's café warmer",
                "add a vignette, then make it look like El Greco painted it",
                "increase the contrast by 20% in the top half"
            })
    void englishWithForeignNamesOrQuotedTextIsStillRead(String instruction) {
        assertThat(LanguageCheck.notEnglish(instruction)).as(instruction).isEmpty();
        Picture source = TestImages.scene(96, 64, 3);
        Picture edited = EDITOR.edit(EditCall.of(source, instruction, 1)).image();
        Critique critique = THINKER.critique(CritiqueCall.compare(source, edited, instruction, instruction, 1, 1));
        assertThat(critique.reasoning()).doesNotContain("reads English");
    }
}
