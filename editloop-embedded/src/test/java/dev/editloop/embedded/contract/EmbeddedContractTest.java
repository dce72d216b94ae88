package dev.editloop.embedded.contract;

import dev.editloop.core.Editor;
import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.testkit.contract.EditorContract;
import dev.editloop.testkit.contract.JudgeContract;
import dev.editloop.testkit.contract.ThinkerContract;
import org.junit.jupiter.api.Nested;

/** The embedded backends pass the port contracts, created through the registry as users create them. */
class EmbeddedContractTest {
    private static final BackendRegistry REGISTRY = BackendRegistry.load();

    @Nested
    class ClassicEditorContract extends EditorContract {
        @Override
        protected Editor editor() {
            return REGISTRY.editor("embedded");
        }
    }

    @Nested
    class HeuristicThinkerContract extends ThinkerContract {
        @Override
        protected Thinker thinker() {
            return REGISTRY.thinker("embedded");
        }
    }

    @Nested
    class HeuristicJudgeContract extends JudgeContract {
        @Override
        protected Judge judge() {
            return REGISTRY.judge("embedded");
        }
    }
}
