package dev.editloop.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PromptsTest {
    @TempDir
    Path dir;

    static List<String> names() {
        return Prompts.names();
    }

    @Test
    void knowsItsSevenPrompts() {
        assertThat(Prompts.names())
                .containsExactly(
                        "think-while-edit",
                        "think-before-edit",
                        "reflect-target",
                        "reflect-judge",
                        "repair",
                        "region",
                        "references");
    }

    @ParameterizedTest
    @MethodSource("names")
    void eachDefaultRendersWithItsDocumentedPlaceholders(String name) {
        PromptTemplate template = Prompts.defaults().get(name);
        assertThat(template.name()).isEqualTo(name);
        assertThat(template.placeholders()).containsExactlyInAnyOrderElementsOf(Prompts.placeholders(name));

        Map<String, String> values = new LinkedHashMap<>();
        for (String p : Prompts.placeholders(name)) {
            values.put(p, "<<" + p + " value>>");
        }
        String text = Prompts.defaults().render(name, values);
        for (String p : Prompts.placeholders(name)) {
            assertThat(text).contains("<<" + p + " value>>");
        }
        assertThat(text).doesNotContain("{{").isNotBlank();
    }

    @Test
    void theThinkWhileEditPromptStatesTheImagesAndTheFormat() {
        String text = Prompts.defaults().get(Prompts.THINK_WHILE_EDIT).text();
        assertThat(text)
                .contains("Image 1 is the SOURCE")
                .contains("Image 2 is the EDIT")
                .contains("<think>")
                .contains("<score>{\"semantic\": x, \"quality\": y}</score>")
                .contains("<answer>");
        assertThat(text.indexOf("Judge.")).isLessThan(text.indexOf("Plan."));
    }

    @Test
    void theReflectJudgePromptOffersTheThreeVerdicts() {
        String text = Prompts.defaults().get(Prompts.REFLECT_JUDGE).text();
        assertThat(text)
                .contains("SUCCESS")
                .contains("REFLECTION")
                .contains("FAILED")
                .contains("<verdict>");
    }

    @Test
    void anOverrideFromAFileIsUsed() throws IOException {
        Path file = dir.resolve("my-critic.txt");
        Files.writeString(file, "Critique: {{original_instruction}} → ", StandardCharsets.UTF_8);
        Prompts prompts = Prompts.defaults().withOverride(Prompts.THINK_WHILE_EDIT, file);

        assertThat(prompts.render(
                        Prompts.THINK_WHILE_EDIT,
                        Map.of("original_instruction", "add a hat", "previous_instruction", "add a red hat")))
                .isEqualTo("Critique: add a hat → ");
        assertThat(prompts.get(Prompts.THINK_WHILE_EDIT).origin()).isEqualTo(file.toString());
        // the others stay as they were, and the defaults are not changed
        assertThat(prompts.get(Prompts.REPAIR)).isSameAs(Prompts.defaults().get(Prompts.REPAIR));
        assertThat(Prompts.defaults().get(Prompts.THINK_WHILE_EDIT).text()).contains("Image 1 is the SOURCE");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Prompts.defaults().withOverride("critic", dir.resolve("x.txt")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown prompt 'critic'")
                .hasMessageContaining("think-while-edit")
                .hasMessageContaining("reflect-judge");
        assertThatThrownBy(() -> Prompts.defaults().get("nope")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aMissingFileIsAClearError() {
        Path missing = dir.resolve("missing.txt");
        assertThatThrownBy(() -> Prompts.defaults().withOverride(Prompts.REPAIR, missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("prompt file")
                .hasMessageContaining("missing.txt")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> PromptTemplate.fromFile(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void aFileThatIsNotUtf8IsAClearError() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xFF});
        assertThatThrownBy(() -> PromptTemplate.fromFile(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void anOverrideMayNotUsePlaceholdersThePromptDoesNotProvide() throws IOException {
        Path file = dir.resolve("judge.txt");
        Files.writeString(file, "Judge {{instruction}} against {{reference_image}}.");
        assertThatThrownBy(() -> Prompts.defaults().withOverride(Prompts.REFLECT_JUDGE, file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("{{reference_image}}")
                .hasMessageContaining("{{instruction}}, {{target_description}}");
    }
}
