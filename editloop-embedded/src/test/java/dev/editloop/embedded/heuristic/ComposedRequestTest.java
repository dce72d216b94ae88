package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** What the thinker expects of a request made of parts that bear on each other. */
class ComposedRequestTest {
    private static final KnowledgeBase KB = KnowledgeBase.standard();
    private static final Analysis CAT = Analysis.of(TestImages.cat());

    private static Intent read(String text) {
        return Intent.read(text, InstructionParser::parse, KB);
    }

    @Test
    void aSketchTonedSepiaIsNotAskedToStayGrey() {
        assertThat(read("pencil sketch").effects(CAT)).anyMatch(e -> e.metric() == Metric.DESATURATION);
        assertThat(read("pencil sketch, then sepia").effects(CAT))
                .noneMatch(e -> e.metric() == Metric.DESATURATION)
                .anyMatch(e -> e.metric() == Metric.SEPIA);
        assertThat(read("make it a pencil drawing and tint it blue").effects(CAT))
                .noneMatch(e -> e.metric() == Metric.DESATURATION);
    }

    @Test
    void aCartoonsFlatColoursAreNotCountedUnderAVignetteLaidOverThem() {
        assertThat(read("turn it into a cartoon").effects(CAT)).anyMatch(e -> e.metric() == Metric.LEVELS);
        assertThat(read("cartoon it and add a vignette").effects(CAT))
                .noneMatch(e -> e.metric() == Metric.LEVELS)
                .anyMatch(e -> e.metric() == Metric.VIGNETTE);
        assertThat(read("turn it into a cartoon, then add some grain").effects(CAT))
                .noneMatch(e -> e.metric() == Metric.LEVELS)
                .anyMatch(e -> e.metric() == Metric.GRAIN);
        // a vignette before the cartoon is drawn over by it: the flat colours are read
        assertThat(read("add a vignette, then turn it into a cartoon").effects(CAT))
                .anyMatch(e -> e.metric() == Metric.LEVELS);
    }

    @Test
    void sharpeningAfterALookThatSharpensHasNoUpperBound() {
        Effect alone = read("sharpen it").effects(CAT).stream()
                .filter(e -> e.metric() == Metric.SHARPNESS)
                .findFirst()
                .orElseThrow();
        Effect afterCartoon = read("turn it into a cartoon, then sharpen it").effects(CAT).stream()
                .filter(e -> e.metric() == Metric.SHARPNESS)
                .findFirst()
                .orElseThrow();
        assertThat(afterCartoon.near()).isEqualTo(alone.near());
        assertThat(afterCartoon.far()).isGreaterThan(20 * alone.far());
        assertThat(afterCartoon.target()).startsWith("target at least");
        // a tone step before a tone step keeps both bounds
        Effect afterContrast = read("increase the contrast, then brighten it").effects(CAT).stream()
                .filter(e -> e.metric() == Metric.BRIGHTNESS)
                .findFirst()
                .orElseThrow();
        assertThat(afterContrast.target()).doesNotContain("at least");
    }

    @Test
    void anythingElseIsTheRestOfThePicture() {
        assertThat(Parts.keepsTheRest("anything else")).isTrue();
        assertThat(Parts.keepsTheRest("everything else")).isTrue();
        assertThat(Parts.keepsTheRest("the face")).isFalse();
        Intent intent = read("blur the top third and dont touch anything else");
        assertThat(intent.blocked()).isEmpty();
    }
}
