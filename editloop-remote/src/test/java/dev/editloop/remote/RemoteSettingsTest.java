package dev.editloop.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.spi.BackendSpec;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteSettingsTest {
    private static RemoteSettings read(String spec, Map<String, String> env) {
        return RemoteSettings.from(
                BackendSpec.parse(spec), "https://api.example.com/v1", "EXAMPLE_KEY", Duration.ofSeconds(60), env);
    }

    @Test
    void defaultsApplyWhenTheSpecSaysNothing() {
        RemoteSettings s = read("openai-chat:?model=m", Map.of("EXAMPLE_KEY", "k-123456"));
        assertThat(s.endpoints()).containsExactly(URI.create("https://api.example.com/v1"));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.concurrency()).isEqualTo(RemoteSettings.DEFAULT_CONCURRENCY);
        assertThat(s.key().present()).isTrue();
        assertThat(s.key().variable()).isEqualTo("EXAMPLE_KEY");
        assertThat(s.toString()).doesNotContain("k-123456");
    }

    @Test
    void theSpecOverridesEverySetting() {
        RemoteSettings s = read(
                "openai-chat:http://a:8000/v1/,http://b:8000/v1?key_env=OTHER&timeout=2.5&concurrency=8"
                        + "&max_failures=5&cooldown=500ms",
                Map.of("OTHER", "o-123456"));
        assertThat(s.endpoints()).containsExactly(URI.create("http://a:8000/v1"), URI.create("http://b:8000/v1"));
        assertThat(s.key().variable()).isEqualTo("OTHER");
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.concurrency()).isEqualTo(8);
        assertThat(s.maxFailures()).isEqualTo(5);
        assertThat(s.cooldown()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void malformedParametersAreBadInputNamingTheParameter() {
        assertThatThrownBy(() -> read("x:http://a?timeout=soon", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("timeout=soon");
        assertThatThrownBy(() -> read("x:http://a?timeout=9999999", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("up to a week");
        assertThat(read("x:http://a?timeout=2m", Map.of()).timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> read("x:http://a?concurrency=0", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("concurrency=0");
    }

    @Test
    void aRequiredUrlThatIsMissingIsBadInput() {
        assertThatThrownBy(() -> RemoteSettings.from(
                        BackendSpec.parse("comfyui?workflow=x"), null, null, Duration.ofSeconds(1), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a URL");
    }

    @Test
    void aKeyNeverShowsAndIsRedactedFromText() {
        ApiKey key = ApiKey.fromEnv("K", Map.of("K", "secret-value-1"));
        assertThat(key.toString()).doesNotContain("secret-value-1");
        assertThat(key.redact("Bearer secret-value-1 was refused")).isEqualTo("Bearer *** was refused");
        assertThat(ApiKey.fromEnv("K", Map.of()).hint()).contains("K").contains("not set");
    }
}
