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
    void anythingElseIsTheRestOfThePicture() {
        assertThat(Parts.keepsTheRest("anything else")).isTrue();
        assertThat(Parts.keepsTheRest("everything else")).isTrue();
        assertThat(Parts.keepsTheRest("the face")).isFalse();
        Intent intent = read("blur the top third and dont touch anything else");
        assertThat(intent.blocked()).isEmpty();
    }
}
