package dev.editloop.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Editor;
import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.heuristic.HeuristicThinker;
import dev.editloop.embedded.heuristic.KnowledgeBase;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedIdentityTest {
    private final BackendRegistry registry = BackendRegistry.of(List.of(new EmbeddedProvider()));

    @Test
    void eachEmbeddedBackendNamesItsEngineAndShowsAsEmbedded() {
        try (Editor editor = registry.editor("embedded");
                Thinker thinker = registry.thinker("embedded");
                Judge judge = registry.judge("embedded")) {
            BackendIdentity e = editor.identity();
            assertThat(e.kind()).isEqualTo("embedded");
            assertThat(e.model()).isNull();
            assertThat(e.endpoints()).isEmpty();
            assertThat(e.params()).containsEntry("engine", "classic").containsEntry("seed", "per-call");
            assertThat(editor.describe()).isEqualTo("embedded");

            BackendIdentity t = thinker.identity();
            assertThat(t.params())
                    .containsEntry("engine", "heuristic")
                    .containsEntry("knowledge", "standard")
                    .containsEntry(
                            "concepts",
                            String.valueOf(KnowledgeBase.standard().concepts().size()));
            assertThat(thinker.describe()).isEqualTo("embedded");
            assertThat(judge.identity().params()).containsEntry("engine", "heuristic");
            assertThat(t).isNotEqualTo(e);
        }
    }

    @Test
    void aThinkerWithAnotherKnowledgeBaseHasAnotherIdentity() {
        KnowledgeBase fewer =
                new KnowledgeBase(KnowledgeBase.standard().concepts().subList(0, 3));
        BackendIdentity custom = new HeuristicThinker(InstructionParser::parse, fewer).identity();
        assertThat(custom.params()).containsEntry("knowledge", "custom").containsEntry("concepts", "3");
        assertThat(custom).isNotEqualTo(new HeuristicThinker(InstructionParser::parse).identity());
    }
}
