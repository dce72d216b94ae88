package dev.editloop.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.embedded.heuristic.KnowledgeBase;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code editloop vocabulary} lists is what the classic editor and the heuristic thinker really understand. */
class VocabularyTest {
    @Test
    void everyClassicExampleIsCarriedOutByTheClassicEditorAsItIs() {
        List<Vocabulary.Family> families = Vocabulary.classicFamilies();
        assertThat(families).extracting(Vocabulary.Family::name).contains("tone", "styles", "geometry");
        for (Vocabulary.Family family : families) {
            assertThat(family.examples()).as(family.name()).isNotEmpty();
            for (String example : family.examples()) {
                ParsedInstruction parsed = InstructionParser.parse(example);
                assertThat(parsed.fullyUnderstood())
                        .as("%s: \"%s\" leaves %s", family.name(), example, parsed.notUnderstood())
                        .isTrue();
                assertThat(parsed.actions()).as(example).hasSize(1);
                assertThat(parsed.actions().get(0).phrase()).as("read back").isEqualTo(example);
            }
        }
    }

    @Test
    void everyToneFilterAndStyleIsListed() {
        String all = String.join(
                "\n",
                Vocabulary.classicFamilies().stream()
                        .flatMap(f -> f.examples().stream())
                        .toList());
        for (Action.Tone tone : Action.Tone.values()) {
            assertThat(all)
                    .contains(
                            tone.name().equals("WARMTH")
                                    ? "warmer"
                                    : tone.name().toLowerCase());
        }
        assertThat(Arrays.stream(Action.Style.values()).count())
                .isEqualTo(Vocabulary.classicFamilies().stream()
                        .filter(f -> f.name().equals("styles"))
                        .findFirst()
                        .orElseThrow()
                        .examples()
                        .size());
    }

    @Test
    void everyConceptExampleIsRecognisedByTheThinker() {
        List<Vocabulary.ConceptEntry> concepts = Vocabulary.thinkerConcepts();
        assertThat(concepts).hasSameSizeAs(KnowledgeBase.standard().concepts());
        for (Vocabulary.ConceptEntry concept : concepts) {
            assertThat(concept.examples()).as(concept.id()).isNotEmpty();
            for (String example : concept.examples()) {
                assertThat(KnowledgeBase.standard().find(example.toLowerCase(java.util.Locale.ROOT)))
                        .as("%s: \"%s\"", concept.id(), example)
                        .extracting(m -> m.concept().id())
                        .contains(concept.id());
            }
        }
    }
}
