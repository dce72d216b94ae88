package dev.editloop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.VieQuestions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded backends together in the loop: what the loop is for, shown offline. */
class EmbeddedLoopTest {
    private static final BackendRegistry REGISTRY = BackendRegistry.load();
    private final Editor editor = REGISTRY.editor("embedded");
    private final Thinker thinker = REGISTRY.thinker("embedded");
    private final Judge judge = REGISTRY.judge("embedded");
    private final LoopEngine engine = new LoopEngine(editor, thinker);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "make this look like an old photograph",
                "make it feel like a cold winter morning",
                "give it a film noir look",
                "make it look like autumn"
            })
    void abstractRequestsFailInOnePassAndSucceedInTheLoop(String instruction) {
        for (Picture image : new Picture[] {TestImages.cat(), TestImages.coffee()}) {
            LoopResult single = engine.run(LoopRequest.of(image, instruction).withStrategy(Strategy.SINGLE));
            assertThat(single.best().critique().semantic())
                    .as("single: %s", instruction)
                    .isLessThan(8);
            assertThat(single.best().image())
                    .as("the classic editor leaves mood words alone")
                    .isEqualTo(image);

            LoopResult loop = engine.run(LoopRequest.of(image, instruction));
            assertThat(loop.stopReason()).as("loop: %s", instruction).isEqualTo(StopReason.THRESHOLD);
            assertThat(loop.turns().size()).isBetween(2, 5);

            double judgedSingle = viescore(image, single.finalImage(), instruction);
            double judgedLoop = viescore(image, loop.finalImage(), instruction);
            assertThat(judgedLoop)
                    .as("the independent judge prefers the loop's result for %s", instruction)
                    .isGreaterThan(judgedSingle + 2);
        }
    }

    @Test
    void aPlainRequestSucceedsAtOnce() {
        LoopResult result = engine.run(LoopRequest.of(TestImages.coffee(), "make it black and white"));
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(result.turns()).hasSize(1);
    }

    @Test
    void anImpossibleRequestIsDeclaredFailedAndLeavesTheImageAlone() {
        Picture cat = TestImages.cat();
        LoopResult result = engine.run(LoopRequest.of(cat, "replace the cat with a dog"));
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        assertThat(result.finalImage()).isEqualTo(cat);
        assertThat(result.best().critique().reasoning()).isNotBlank();
    }

    @Test
    void reflectAndThinkBeforeEditAlsoImproveOnSinglePass() {
        Picture cat = TestImages.cat();
        String instruction = "make this look like an old photograph";
        double single = viescore(
                cat,
                engine.run(LoopRequest.of(cat, instruction).withStrategy(Strategy.SINGLE))
                        .finalImage(),
                instruction);
        for (Strategy strategy : new Strategy[] {Strategy.THINK_BEFORE_EDIT, Strategy.REFLECT}) {
            LoopResult result = engine.run(LoopRequest.of(cat, instruction).withStrategy(strategy));
            assertThat(result.plan()).isNotNull();
            assertThat(viescore(cat, result.finalImage(), instruction))
                    .as(strategy.id())
                    .isGreaterThan(single);
        }
    }

    @Test
    void runsAreDeterministic() {
        Picture coffee = TestImages.coffee();
        LoopRequest request =
                LoopRequest.of(coffee, "make this look like an old photograph").withSeed(11);
        LoopResult a = engine.run(request);
        LoopResult b = engine.run(request);
        assertThat(b.turns()).hasSameSizeAs(a.turns());
        for (int i = 0; i < a.turns().size(); i++) {
            assertThat(b.turns().get(i).image().fingerprint())
                    .isEqualTo(a.turns().get(i).image().fingerprint());
            assertThat(b.turns().get(i).critique()).isEqualTo(a.turns().get(i).critique());
        }
    }

    @Test
    void theEmbeddedKindTakesNoUrlOrParameters() {
        assertThat(editor.describe()).isEqualTo("embedded");
        assertThatThrownBy(() -> REGISTRY.editor("embedded:http://localhost:1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("takes no URL or parameters");
    }

    private double viescore(Picture source, Picture edited, String instruction) {
        return VieQuestions.ask(judge, source, edited, instruction, 0).overall();
    }
}
