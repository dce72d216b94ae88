package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.embedded.classic.InstructionParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The words around "miniature" ("a tiny miniature set", "little models") belong to the miniature look. */
class MiniatureWordsTest {
    private static final KnowledgeBase KB = KnowledgeBase.standard();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "turn it into a small miniature scene",
                "make it look like small scale models",
                "give it a tiny miniature toy model look, please"
            })
    void theWholePhraseIsTheMiniatureLook(String phrasing) {
        Intent intent = Intent.read(phrasing, InstructionParser::parse, KB);
        assertThat(intent.concepts().stream().map(Concept::id)).as(phrasing).contains("miniature");
        assertThat(intent.blocked()).as(phrasing).isEmpty();
    }
}
