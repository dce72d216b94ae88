package dev.editloop.llm.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The anthropic kind against a loopback Messages API. */
class AnthropicProviderTest {
    private static final String SECRET = "sk-ant-test-0123456789";

    private final FakeAnthropicServer server = new FakeAnthropicServer();
    private final AnthropicProvider provider = new AnthropicProvider(Map.of("ANTHROPIC_API_KEY", SECRET));
    private final Picture source = TestImages.scene(64, 48, 1);
    private final Picture edited = TestImages.scene(64, 48, 2);

    @AfterEach
    void stop() {
        server.close();
    }

    private BackendSpec spec(String params) {
        return BackendSpec.parse("anthropic:" + server.v1() + (params.isEmpty() ? "" : "?" + params));
    }

    @Test
    void aCritiqueSendsBase64ImagesInOrderWithTheKeyHeaderAndTheDefaultModel() throws Exception {
        try (Thinker thinker = provider.thinker(spec(""))) {
            Critique c = thinker.critique(CritiqueCall.compare(source, edited, "sunset", "sunset", 1, 1));
            assertThat(c.valid()).as(c.reasoning()).isTrue();
            assertThat(c.usage()).isEqualTo(new Usage(1500, 90));
            assertThat(thinker.describe()).isEqualTo("anthropic:" + server.v1() + "?model=claude-sonnet-4-5");
        }
        JsonNode body = server.last();
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(AnthropicProvider.DEFAULT_MAX_TOKENS);
        JsonNode content = body.path("messages").get(0).path("content");
        assertThat(content.get(0).path("type").asText()).isEqualTo("image");
        assertThat(content.get(0).path("source").path("media_type").asText()).isEqualTo("image/png");
        byte[] first = Base64.getDecoder()
                .decode(content.get(0).path("source").path("data").asText());
        assertThat(Picture.of(ImageIO.read(new ByteArrayInputStream(first))).samePixels(source))
                .isTrue();
        assertThat(content.get(1).path("type").asText()).isEqualTo("image");
        assertThat(content.get(2).path("type").asText()).isEqualTo("text");
        assertThat(server.requests().get(0).header("x-api-key")).isEqualTo(SECRET);
    }

    @Test
    void extraFieldsAreSent() {
        try (Thinker thinker = provider.thinker(spec("extra.top_k=5&extra.metadata=%7B%22user_id%22%3A%22u1%22%7D"))) {
            thinker.critique(CritiqueCall.compare(source, edited, "sunset", "sunset", 1, 1));
        }
        assertThat(server.last().path("top_k").asInt()).isEqualTo(5);
        assertThat(server.last().path("metadata").path("user_id").asText()).isEqualTo("u1");
    }

    @Test
    void aMissingKeyFailsAtCreationNamingTheVariable() {
        assertThatThrownBy(() -> new AnthropicProvider(Map.of()).thinker(spec("")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY");
        BackendCheck row = new AnthropicProvider(Map.of())
                .check(spec(""), BackendRole.THINKER)
                .get(0);
        assertThat(row.authenticated()).isEqualTo(Status.FAILED);
        assertThat(row.detail()).contains("ANTHROPIC_API_KEY");
    }

    @Test
    void aRefusedKeyNamesTheVariableAndHidesTheKey() {
        server.requireKey("another-key-000");
        try (Thinker thinker = provider.thinker(spec(""))) {
            EditLoopException e = catchThrowableOfType(
                    EditLoopException.class,
                    () -> thinker.critique(CritiqueCall.compare(source, edited, "sunset", "sunset", 1, 1)));
            assertThat(e).isInstanceOf(NonRetriableException.class);
            assertThat(e.getMessage())
                    .contains("anthropic at " + server.v1())
                    .contains("ANTHROPIC_API_KEY")
                    .doesNotContain(SECRET);
        }
    }

    @Test
    void jsonSchemaIsNotOffered() {
        assertThatThrownBy(() -> provider.thinker(spec("response_format=json_schema")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("json_schema");
    }

    @Test
    void checkMatchesAnAliasToItsDatedIdAndTimesARoundTrip() {
        BackendCheck row = provider.check(spec(""), BackendRole.JUDGE).get(0);
        assertThat(row.ok()).as(row.detail()).isTrue();
        assertThat(row.model()).isEqualTo(Status.OK);
        assertThat(row.roundTripMillis()).isNotNull();
        assertThat(server.requests("/v1/models").get(0).header("anthropic-version"))
                .isEqualTo(AnthropicProvider.API_VERSION);

        BackendCheck wrong =
                provider.check(spec("model=claude-sonnet-4"), BackendRole.JUDGE).get(0);
        assertThat(wrong.model()).isEqualTo(Status.FAILED);
    }
}
