package dev.editloop.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.spi.BackendSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditLoopConfigTest {
    @TempDir
    Path tmp;

    private static final String SAMPLE = """
            backends:
              qwen-edit:
                spec: comfyui:http://gpu2:8188?workflow=qwen-image-edit&steps=30
                timeout: 300
                concurrency: 2
                params:
                  steps: 40
              thinker-8b:
                spec: openai-chat:http://gpu1:8000/v1,http://gpu1:8001/v1?model=EditThinker-8B
                key_env: VLLM_KEY
                params:
                  extra.chat_template_kwargs: {enable_thinking: false}
              plain: embedded
            defaults:
              editor: qwen-edit
              max_turns: 3
            """;

    @Test
    void entriesBecomeSpecsWithTheirFieldsAsParameters() {
        EditLoopConfig c = EditLoopConfig.parse(SAMPLE, Path.of("editloop.yaml"));
        BackendSpec qwen = c.resolve("qwen-edit");
        assertThat(qwen.kind()).isEqualTo("comfyui");
        assertThat(qwen.endpoints()).containsExactly("http://gpu2:8188");
        assertThat(qwen.params())
                .containsEntry("workflow", "qwen-image-edit")
                .containsEntry("steps", "40")
                .containsEntry("timeout", "300")
                .containsEntry("concurrency", "2");
        BackendSpec thinker = c.resolve("thinker-8b");
        assertThat(thinker.endpoints()).hasSize(2);
        assertThat(thinker.param("key_env")).isEqualTo("VLLM_KEY");
        assertThat(thinker.param("extra.chat_template_kwargs")).isEqualTo("{\"enable_thinking\":false}");
        assertThat(c.resolve("plain").kind()).isEqualTo("embedded");
        assertThat(c.defaultValue("editor")).contains("qwen-edit");
        assertThat(c.defaultValue("max_turns")).contains("3");
    }

    @Test
    void aValueThatIsNotANameIsReadAsASpec() {
        EditLoopConfig c = EditLoopConfig.parse(SAMPLE, null);
        assertThat(c.resolve("openai-chat:http://h:1/v1?model=m").kind()).isEqualTo("openai-chat");
        assertThat(EditLoopConfig.empty().resolve("embedded").kind()).isEqualTo("embedded");
    }

    @Test
    void mistakesNameTheFileAndTheEntry() {
        assertThatThrownBy(() -> EditLoopConfig.parse("backends:\n  x:\n    timeout: 3\n", Path.of("e.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("e.yaml")
                .hasMessageContaining("backends.x")
                .hasMessageContaining("'spec' is missing");
        assertThatThrownBy(() -> EditLoopConfig.parse("backend:\n  x: embedded\n", Path.of("e.yaml")))
                .hasMessageContaining("unknown section 'backend'");
        assertThatThrownBy(() -> EditLoopConfig.parse("defaults:\n  editr: x\n", Path.of("e.yaml")))
                .hasMessageContaining("defaults.editr");
        assertThatThrownBy(() -> EditLoopConfig.parse("backends: [oops", Path.of("e.yaml")))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> EditLoopConfig.parse("backends:\n  x: 'http://h:1'\n", Path.of("e.yaml")))
                .hasMessageContaining("backends.x")
                .hasMessageContaining("put the kind first");
    }

    @Test
    void theWorkingFoldersFileIsUsedOnlyWhenPresent() throws Exception {
        assertThat(EditLoopConfig.locate(null, tmp).backends()).isEmpty();
        Files.writeString(tmp.resolve(EditLoopConfig.FILE_NAME), "backends:\n  a: embedded\n");
        assertThat(EditLoopConfig.locate(null, tmp).backends()).containsKey("a");
        assertThatThrownBy(() -> EditLoopConfig.locate(tmp.resolve("other.yaml"), tmp))
                .hasMessageContaining("does not exist");
    }
}
