package dev.editloop.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.prompt.Prompts;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.llm.openai.OpenAiChatProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chat thinker or judge is identified by its model, sampling and prompts, never by its key. */
class ChatIdentityTest {
    private static final String KEY = "sk-chat-identity-91b2";
    private static final String URL = "http://127.0.0.1:9/v1";

    @TempDir
    Path tmp;

    private final OpenAiChatProvider provider = new OpenAiChatProvider(Map.of("OPENAI_API_KEY", KEY));

    private Thinker thinker(String query) {
        return provider.thinker(BackendSpec.parse("openai-chat:" + URL + "?" + query));
    }

    @Test
    void theThinkerRecordsModelSamplingAndTheHashOfEachPrompt() {
        try (Thinker thinker = thinker("model=EditThinker-8B&temperature=0.7&max_tokens=2048&seed=3&timeout=60")) {
            BackendIdentity id = thinker.identity();
            assertThat(id.kind()).isEqualTo("openai-chat");
            assertThat(id.model()).isEqualTo("EditThinker-8B");
            assertThat(id.endpoints()).containsExactly(URL);
            assertThat(id.params())
                    .containsEntry("temperature", "0.7")
                    .containsEntry("max_tokens", "2048")
                    .containsEntry("seed", "3")
                    .containsEntry("response_format", "text")
                    .containsEntry("image_budget", String.valueOf(1024 * 1024))
                    .containsEntry("repairs", "1")
                    .doesNotContainKeys("timeout", "key_env");
            for (String name : Prompts.names()) {
                assertThat(id.params())
                        .containsEntry(
                                "prompt." + name + ".sha256",
                                Prompts.defaults().get(name).sha256());
            }
            assertThat(thinker.describe())
                    .isEqualTo(id.display())
                    .isEqualTo("openai-chat:" + URL + "?model=EditThinker-8B");
            assertThat(id.toString() + id.params()).doesNotContain(KEY);
        }
    }

    @Test
    void aPromptOverrideChangesOnlyThatPromptsHashAndTemperatureChangesTheIdentity() throws Exception {
        Path mine = tmp.resolve("mine.txt");
        String text = "Judge the edit of {{original_instruction}}; answer in tags.";
        Files.writeString(mine, text);
        BackendIdentity plain;
        BackendIdentity overridden;
        BackendIdentity warmer;
        try (Thinker a = thinker("model=m");
                Thinker b = thinker("model=m&prompt.think-while-edit=" + mine);
                Thinker c = thinker("model=m&temperature=0.2")) {
            plain = a.identity();
            overridden = b.identity();
            warmer = c.identity();
        }
        String key = "prompt." + Prompts.THINK_WHILE_EDIT + ".sha256";
        assertThat(overridden.params().get(key))
                .isEqualTo(BackendIdentity.sha256(text))
                .isNotEqualTo(plain.params().get(key));
        assertThat(overridden.params())
                .as("the file's path is not part of the identity, only its content")
                .doesNotContainValue(mine.toString());
        assertThat(overridden.with(key, plain.params().get(key))).isEqualTo(plain);
        assertThat(plain.params()).containsEntry("temperature", "0.0");
        assertThat(warmer).isNotEqualTo(plain);
        assertThat(warmer.params()).containsEntry("temperature", "0.2");
    }

    @Test
    void theJudgeRecordsItsOwnPrompts() {
        try (Judge judge = provider.judge(BackendSpec.parse("openai-chat:" + URL + "?model=gpt-4.1"))) {
            BackendIdentity id = judge.identity();
            assertThat(id.model()).isEqualTo("gpt-4.1");
            assertThat(id.params().keySet())
                    .anyMatch(k -> k.startsWith("prompt.") && !k.contains(Prompts.THINK_WHILE_EDIT))
                    .noneMatch(k -> k.contains(Prompts.THINK_WHILE_EDIT))
                    .contains("prompt." + Prompts.REPAIR + ".sha256");
            assertThat(judge.describe()).isEqualTo("openai-chat:" + URL + "?model=gpt-4.1");
        }
    }
}
