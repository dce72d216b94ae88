package dev.editloop.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.llm.gemini.GeminiProvider;
import dev.editloop.llm.openai.OpenAiChatProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a chat spec may say, and the clear errors when it says something wrong. */
class ChatSettingsTest {
    private final OpenAiChatProvider openai = new OpenAiChatProvider(Map.of());

    private ChatSettings openai(String spec) {
        return openai.settings(BackendSpec.parse(spec));
    }

    @Test
    void defaults() {
        ChatSettings s = openai("openai-chat:?model=gpt-4.1");
        assertThat(s.remote().endpoints()).extracting(Object::toString).containsExactly("https://api.openai.com/v1");
        assertThat(s.temperature()).isEqualTo(0.0);
        assertThat(s.maxTokens()).isNull();
        assertThat(s.seed()).isNull();
        assertThat(s.jsonSchema()).isFalse();
        assertThat(s.imageBudget()).isEqualTo(1024L * 1024);
        assertThat(s.repairs()).isEqualTo(1);
        assertThat(s.remote().timeout()).hasSeconds(120);
        assertThat(s.remote().key().variable()).isEqualTo("OPENAI_API_KEY");
    }

    @Test
    void temperatureNoneSendsNone() {
        assertThat(openai("openai-chat:?model=o4-mini&temperature=none").temperature())
                .isNull();
    }

    @Test
    void extraValuesAreJsonWhenTheyParseAndTextOtherwise() {
        ChatSettings s = openai("openai-chat:?model=m&extra.a=%7B%22x%22%3A1%7D&extra.b=3&extra.c=hello&extra.d=true");
        assertThat(s.extras()).containsEntry("a", Map.of("x", 1));
        assertThat(s.extras()).containsEntry("b", 3);
        assertThat(s.extras()).containsEntry("c", "hello");
        assertThat(s.extras()).containsEntry("d", true);
        assertThatThrownBy(() -> openai("openai-chat:?model=m&extra.a=%7Bbroken"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not parse");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> openai("openai-chat:?model=m&temprature=0.2"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown parameter temprature")
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> openai("openai-chat:?model=m&temperature=hot"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("temperature=hot");
        assertThatThrownBy(() -> openai("openai-chat:?model=m&response_format=xml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("json_schema");
        assertThatThrownBy(() -> openai("openai-chat:?model=m&prompt.no-such=x.txt"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown prompt 'no-such'")
                .hasMessageContaining("think-while-edit")
                .hasMessageContaining("judge-format");
        assertThatThrownBy(() -> openai("openai-chat:?model=m&repairs=9"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("repairs");
    }

    @Test
    void geminiNeedsItsKeyButHasADefaultModel() {
        assertThatThrownBy(() -> new GeminiProvider(Map.of()).thinker(BackendSpec.parse("gemini:")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("GEMINI_API_KEY");
        ChatSettings s =
                new GeminiProvider(Map.of("GEMINI_API_KEY", "g-key-123456")).settings(BackendSpec.parse("gemini:"));
        assertThat(s.model()).isEqualTo(GeminiProvider.DEFAULT_MODEL);
        assertThat(s.describe())
                .isEqualTo("gemini:https://generativelanguage.googleapis.com/v1beta?model=gemini-2.5-flash");
        assertThatThrownBy(() -> new GeminiProvider(Map.of("GEMINI_API_KEY", "g-key-123456"))
                        .settings(BackendSpec.parse("gemini:?extra.x=1")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("extra");
    }

    @Test
    void describeHidesUserInfoInUrls() {
        ChatSettings s = openai("openai-chat:http://user:pw@gpu1:8000/v1?model=m");
        assertThat(s.describe())
                .isEqualTo("openai-chat:http://gpu1:8000/v1?model=m")
                .doesNotContain("pw");
    }

    @Test
    void everyKindIsFoundByTheServiceLoaderAsThinkerAndJudge() {
        BackendRegistry registry = BackendRegistry.load();
        for (String kind : List.of("openai-chat", "ollama", "gemini", "anthropic")) {
            assertThat(registry.providers()).containsKey(kind);
            assertThat(registry.providers().get(kind).roles())
                    .containsExactlyInAnyOrder(BackendRole.THINKER, BackendRole.JUDGE);
            assertThat(registry.providers().get(kind).defaultRetryPolicy())
                    .isEqualTo(dev.editloop.core.retry.RetryPolicy.DEFAULT);
        }
    }
}
