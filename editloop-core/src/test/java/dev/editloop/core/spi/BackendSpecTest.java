package dev.editloop.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.CritiqueCall;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackendSpecTest {
    @Test
    void parsesTheSpecFormsOfDesignSection4() {
        assertThat(BackendSpec.parse("embedded")).isEqualTo(new BackendSpec("embedded", List.of(), Map.of()));
        BackendSpec chat = BackendSpec.parse("openai-chat:http://127.0.0.1:8000/v1?model=Qwen/Qwen3-VL-8B-Instruct");
        assertThat(chat.kind()).isEqualTo("openai-chat");
        assertThat(chat.endpoints()).containsExactly("http://127.0.0.1:8000/v1");
        assertThat(chat.param("model")).isEqualTo("Qwen/Qwen3-VL-8B-Instruct");
        BackendSpec gemini = BackendSpec.parse("gemini:?model=gemini-2.5-flash");
        assertThat(gemini.endpoints()).isEmpty();
        assertThat(gemini.param("model")).isEqualTo("gemini-2.5-flash");
        BackendSpec pool = BackendSpec.parse("editthinker-http:http://gpu1:8000,http://gpu2:8000?steps=28&x=a%20b");
        assertThat(pool.endpoints()).containsExactly("http://gpu1:8000", "http://gpu2:8000");
        assertThat(pool.params()).containsExactly(Map.entry("steps", "28"), Map.entry("x", "a b"));
        assertThat(BackendSpec.parse("embedded?strength=2").param("strength")).isEqualTo("2");
    }

    @Test
    void displayNeverShowsUserInfo() {
        BackendSpec spec = BackendSpec.parse("comfyui:http://user:secret@gpu2:8188?workflow=w.json");
        assertThat(spec.display())
                .isEqualTo("comfyui:http://gpu2:8188?workflow=w.json")
                .doesNotContain("secret");
    }

    @Test
    void malformedSpecsGiveClearErrors() {
        assertThatThrownBy(() -> BackendSpec.parse(" "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> BackendSpec.parse("http://gpu1:8000/v1")).hasMessageContaining("put the kind first");
        assertThatThrownBy(() -> BackendSpec.parse("openai-chat:gpu1:8000"))
                .hasMessageContaining("not an absolute URL");
        assertThatThrownBy(() -> BackendSpec.parse("Bad Kind")).hasMessageContaining("is not valid");
    }

    @Test
    void theRegistryFailsFastOnUnknownKindsAndWrongRoles() {
        BackendProvider thinkerOnly = new BackendProvider() {
            @Override
            public String kind() {
                return "chat";
            }

            @Override
            public String description() {
                return "a thinker";
            }

            @Override
            public Set<BackendRole> roles() {
                return Set.of(BackendRole.THINKER);
            }

            @Override
            public Thinker thinker(BackendSpec spec) {
                return new Thinker() {
                    @Override
                    public dev.editloop.core.Critique critique(CritiqueCall call) {
                        throw new AssertionError();
                    }

                    @Override
                    public Plan plan(PlanCall call) {
                        throw new AssertionError();
                    }

                    @Override
                    public String describe() {
                        return spec.display();
                    }
                };
            }
        };
        BackendRegistry registry = BackendRegistry.of(List.of(thinkerOnly));
        assertThat(registry.thinker("chat:http://h:1/v1?model=m").describe()).isEqualTo("chat:http://h:1/v1?model=m");
        assertThatThrownBy(() -> registry.thinker("nope"))
                .hasMessage("unknown thinker backend 'nope' (known thinker kinds: chat)");
        assertThatThrownBy(() -> registry.editor("chat"))
                .hasMessage("backend 'chat' cannot be used as editor (known editor kinds: none on the classpath)");
    }

    @Test
    void aKeyInASpecIsRefusedWithoutRepeatingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BackendSpec.parse("openai-chat:https://api.openai.com/v1?model=m&api_key=sk-123456"))
                .isInstanceOf(dev.editloop.core.InvalidInputException.class)
                .hasMessageContaining("'api_key' looks like a secret")
                .hasMessageContaining("key_env")
                .hasMessageNotContaining("sk-123456");
        assertThat(BackendSpec.parse("x:http://h?max_tokens=5&key_env=K").params())
                .hasSize(2);
    }
}
