package dev.editloop.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void listsPlaceholdersInOrderOfFirstAppearance() {
        PromptTemplate t = PromptTemplate.of("t", "{{b}} then {{ a }} then {{b}} and {{c.d-e_f}}");
        assertThat(t.placeholders()).containsExactly("b", "a", "c.d-e_f");
        assertThat(t.uses("a")).isTrue();
        assertThat(t.uses("z")).isFalse();
    }

    @Test
    void rendersInOnePassAndIgnoresUnusedValues() {
        PromptTemplate t = PromptTemplate.of("t", "Do {{x}}; keep {{y}}.");
        assertThat(t.render(Map.of("x", "{{y}} and $1 \\o/", "y", "the sky", "unused", "-")))
                .isEqualTo("Do {{y}} and $1 \\o/; keep the sky.");
    }

    @Test
    void leavesBracesThatAreNotPlaceholders() {
        PromptTemplate t = PromptTemplate.of("t", "{\"semantic\": x} {{ }} {{1abc}} {{name}}");
        assertThat(t.placeholders()).containsExactly("name");
        assertThat(t.render(Map.of("name", "N"))).isEqualTo("{\"semantic\": x} {{ }} {{1abc}} N");
    }

    @Test
    void aPlaceholderWithoutAValueFailsClearly() {
        PromptTemplate t = PromptTemplate.of("think-while-edit", "{{original_instruction}} / {{previous_instruction}}");
        Map<String, String> values = new HashMap<>();
        values.put("original_instruction", "add a hat");
        values.put("previous_instruction", null);
        assertThatThrownBy(() -> t.render(values))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("prompt 'think-while-edit'")
                .hasMessageContaining("{{previous_instruction}}")
                .hasMessageContaining("values given: [original_instruction, previous_instruction]");
    }

    @Test
    void aMissingResourceIsAPackagingError() {
        assertThatThrownBy(() -> PromptTemplate.fromResource("x", "/dev/editloop/core/prompts/nope.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nope.txt");
    }
}
