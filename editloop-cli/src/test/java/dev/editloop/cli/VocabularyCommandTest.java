package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.embedded.Vocabulary;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.classic.ParsedInstruction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code editloop vocabulary}: what a newcomer can type, grouped, every example understood as printed. */
class VocabularyCommandTest {
    @Test
    void listsTheEditorsFamiliesAndTheThinkersConceptsGrouped() {
        CliRun run = CliRun.of("vocabulary");
        assertThat(run.exit()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("CLASSIC EDITOR (--editor embedded)", "HEURISTIC THINKER (--thinker embedded)");
        assertThat(out.indexOf("CLASSIC EDITOR")).isLessThan(out.indexOf("HEURISTIC THINKER"));
        for (Vocabulary.Family family : Vocabulary.classicFamilies()) {
            assertThat(out).contains("  " + family.name() + ": ");
        }
        for (Vocabulary.ConceptEntry concept : Vocabulary.thinkerConcepts()) {
            assertThat(out).contains("(" + concept.id() + ")");
        }
        assertThat(out).contains("the embedded thinker reads English");
    }

    @Test
    void everyEditorExampleAsPrintedIsCarriedOutByTheClassicEditor() {
        CliRun run = CliRun.of("vocabulary", "editor");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain("HEURISTIC THINKER");
        List<String> examples = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            if (line.matches("    \\S.*")) {
                examples.add(line.strip());
            }
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(25);
        for (String example : examples) {
            ParsedInstruction parsed = InstructionParser.parse(example);
            assertThat(parsed.fullyUnderstood())
                    .as("\"%s\" leaves %s", example, parsed.notUnderstood())
                    .isTrue();
            assertThat(parsed.actions()).as(example).isNotEmpty();
        }
    }

    @Test
    void theThinkerPartAloneAndABadPart() {
        CliRun thinker = CliRun.of("vocabulary", "thinker");
        assertThat(thinker.exit()).isZero();
        assertThat(thinker.out()).contains("HEURISTIC THINKER").doesNotContain("CLASSIC EDITOR");
        assertThat(thinker.out()).contains("old photograph");
        CliRun bad = CliRun.of("vocabulary", "moods");
        assertThat(bad.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(bad.errorLines()).singleElement().asString().contains("moods");
        CliRun help = CliRun.of("vocabulary", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("editor, thinker or all");
    }
}
