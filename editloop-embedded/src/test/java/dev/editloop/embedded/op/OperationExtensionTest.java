package dev.editloop.embedded.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.Vocabulary;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.ClassicOperations;
import dev.editloop.embedded.classic.Instructions;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Assessment;
import dev.editloop.embedded.heuristic.Evaluator;
import dev.editloop.embedded.heuristic.HeuristicThinker;
import dev.editloop.embedded.heuristic.Intent;
import dev.editloop.embedded.heuristic.Knob;
import dev.editloop.embedded.heuristic.KnowledgeBase;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "One place per operation": an operation that lives only in the test sources ({@link Solarize}), added through the
 * registry's extension point, is read from its words, carried out by the classic editor, measured and refined by the
 * heuristic thinker and listed by the vocabulary, with no other file touched.
 */
class OperationExtensionTest {
    private static final Solarize SOLARIZE = new Solarize();
    private static final Picture SCENE = TestImages.scene(480, 360, 7);

    @BeforeAll
    static void register() {
        Operations.register(SOLARIZE);
    }

    @AfterAll
    static void unregister() {
        Operations.unregister(SOLARIZE);
    }

    @Test
    void theEditorReadsItsWordsNextToTheBuiltInOnes() {
        ParsedInstruction parsed = Instructions.parse("add a vignette at 30%, then solarize it at 60%");
        assertThat(parsed.notUnderstood()).isEmpty();
        assertThat(parsed.actions())
                .extracting(Action::phrase)
                .containsExactly("add a vignette at 30%", "solarize it at 60%");
        assertThat(Instructions.parse("solarise it by 25%").actions())
                .containsExactly(new Action.Apply(SOLARIZE, 25, Region.WHOLE));
    }

    @Test
    void theClassicEditorCarriesItOut() {
        EditResult result = new ClassicEditor().edit(EditCall.of(SCENE, "solarize it at 100%", 3));
        assertThat(result.notes()).contains("applied: solarize it");
        Picture edited = result.image();
        assertThat(edited.samePixels(SCENE)).isFalse();
        // every channel ends at or below the middle: the bright half was inverted
        for (byte b : edited.bgr()) {
            assertThat(b & 0xff).isLessThanOrEqualTo(128);
        }
        // local versions come from the same work
        Picture top = ClassicOperations.apply(SCENE, new Action.Apply(SOLARIZE, 100, Region.TOP_HALF), 3);
        byte[] before = SCENE.bgr();
        byte[] after = top.bgr();
        assertThat(after[after.length - 1]).isEqualTo(before[before.length - 1]);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void theThinkerMeasuresItsEffectWithItsKnob() {
        Intent intent = Intent.read("solarize it at 60%", Instructions::parse, KnowledgeBase.standard());
        Picture done = ClassicOperations.apply(SCENE, new Action.Apply(SOLARIZE, 60, Region.WHOLE), 3);
        Assessment assessment = Evaluator.assess(intent, SCENE, done);
        Assessment.Reading reading = assessment.readings().stream()
                .filter(r -> r.effect().knob() == Knob.of(SOLARIZE))
                .findFirst()
                .orElseThrow();
        assertThat(reading.effect().metric()).isEqualTo(Metric.INVERSION);
        assertThat(reading.measured()).isGreaterThan(0.1);
        Assessment nothing = Evaluator.assess(intent, SCENE, SCENE);
        assertThat(nothing.semantic()).isLessThan(assessment.semantic());
    }

    @Test
    void theThinkerStrengthensAWeakSolarization() {
        HeuristicThinker thinker = new HeuristicThinker(Instructions::parse);
        Picture weak = ClassicOperations.apply(SCENE, new Action.Apply(SOLARIZE, 10, Region.WHOLE), 3);
        Critique c =
                thinker.critique(CritiqueCall.compare(SCENE, weak, "solarize it at 80%", "solarize it at 80%", 1, 7));
        assertThat(c.verdict()).isEqualTo(Verdict.REFINE);
        Action next = Instructions.parse(c.refinedInstruction()).actions().get(0);
        assertThat(next).isInstanceOf(Action.Apply.class);
        assertThat(Knob.of(SOLARIZE).amount(next)).isGreaterThan(80);
    }

    @Test
    void theVocabularyListsIt() {
        assertThat(Vocabulary.classicFamilies())
                .filteredOn(f -> f.name().equals("styles"))
                .singleElement()
                .satisfies(f -> assertThat(f.examples()).endsWith("solarize it at 40%"));
        assertThat(Knob.byId("solarize")).contains(Knob.of(SOLARIZE));
    }

    @Test
    void anIdIsRegisteredOnce() {
        assertThatThrownBy(() -> Operations.register(new Solarize()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"solarize\" is already registered");
    }
}
