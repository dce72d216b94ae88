package dev.editloop.core.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.loop.Fakes.RecordingEditor;
import dev.editloop.core.loop.Fakes.ScriptedThinker;
import dev.editloop.core.trajectory.Trajectory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strategies plug in: found by name through {@link ServiceLoader}, run by the engine unchanged. */
class StrategyPluginTest {
    @TempDir
    Path tmp;

    @Test
    void aStrategyListedAsAServiceIsFoundByNameAfterTheBuiltInOnes() throws Exception {
        Path services = Files.createDirectories(tmp.resolve("META-INF/services"));
        Files.writeString(services.resolve(Strategy.class.getName()), BestOfTwo.class.getName() + "\n");
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
            StrategyRegistry registry = StrategyRegistry.load(ServiceLoader.load(Strategy.class, loader));
            assertThat(registry.ids())
                    .containsExactly(
                            "think-while-edit", "think-before-edit", "single", "reflect", "best-of-n", "best-of-two");
            assertThat(registry.find("Best_Of_Two")).isInstanceOf(BestOfTwo.class);
            assertThat(registry.find("single")).isSameAs(Strategy.SINGLE);
        }
    }

    @Test
    void aStrategyCannotTakeABuiltInNameOrAMalformedOne() {
        Strategy impostor = new BestOfTwo() {};
        Strategy shouting = new Strategy() {
            @Override
            public String id() {
                return "Best Of Three";
            }

            @Override
            public int defaultTurns() {
                return 3;
            }

            @Override
            public StopReason run(RunContext run) {
                return StopReason.MAX_TURNS;
            }
        };
        Strategy single = new Strategy() {
            @Override
            public String id() {
                return "single";
            }

            @Override
            public int defaultTurns() {
                return 9;
            }

            @Override
            public StopReason run(RunContext run) {
                return StopReason.MAX_TURNS;
            }
        };
        StrategyRegistry registry = StrategyRegistry.load(List.of(impostor, shouting, single));
        assertThat(registry.find("single")).isSameAs(Strategy.SINGLE);
        assertThat(registry.find("best-of-two")).isSameAs(impostor);
        assertThatThrownBy(() -> registry.find("best of three"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("known: think-while-edit, think-before-edit, single, reflect, best-of-two");
    }

    @Test
    void theEngineRunsAPluggedInStrategyWithItsTurnsBestTurnAndRecord() {
        RecordingEditor editor = new RecordingEditor();
        ScriptedThinker thinker = new ScriptedThinker().then(6, 9, "a").then(4, 9, "b");
        LoopResult result = new LoopEngine(editor, thinker)
                .run(new LoopRequest(
                        Fakes.source(), "make it brighter", new BestOfTwo(), 0, Threshold.DEFAULT, 0, true));
        assertThat(editor.calls)
                .extracting(c -> c.instruction())
                .containsExactly("make it brighter", "please make it brighter");
        assertThat(result.turnLimit()).isEqualTo(2);
        assertThat(result.bestTurn()).isEqualTo(1);
        assertThat(Trajectory.of(result).strategy()).isEqualTo("best-of-two");
    }

    @Test
    void theEngineRefusesATurnPastTheLimit() {
        Strategy greedy = new BestOfTwo() {
            @Override
            public int defaultTurns() {
                return 1;
            }
        };
        ScriptedThinker thinker = new ScriptedThinker().then(6, 9, "a");
        LoopResult result = new LoopEngine(new RecordingEditor(), thinker)
                .run(new LoopRequest(Fakes.source(), "x", greedy, 0, Threshold.DEFAULT, 0, true));
        assertThat(result.stopReason()).isEqualTo(StopReason.ERROR);
        assertThat(result.error()).contains("asked for turn 2 of 1");
        assertThat(result.turns()).hasSize(1);
    }
}
