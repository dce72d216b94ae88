package dev.editloop.llm.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judge;
import dev.editloop.core.Judgement;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.VieQuestions;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ollama kind against a loopback Ollama (native /api/chat). */
class OllamaProviderTest {
    private final FakeOllamaServer server = new FakeOllamaServer();
    private final OllamaProvider provider = new OllamaProvider(Map.of());
    private final Picture source = TestImages.scene(64, 48, 1);
    private final Picture edited = TestImages.scene(64, 48, 2);

    @AfterEach
    void stop() {
        server.close();
    }

    private BackendSpec spec(String params) {
        return BackendSpec.parse(
                "ollama:" + server.baseUri() + "?model=qwen2.5vl" + (params.isEmpty() ? "" : "&" + params));
    }

    private static Picture decode(JsonNode base64) throws Exception {
        return Picture.of(
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64.asText()))));
    }

    @Test
    void aCritiqueSendsSourceThenEditAndReadsTheReplyAndTokenCounts() throws Exception {
        try (Thinker thinker = provider.thinker(spec("seed=7&max_tokens=500"))) {
            Critique c = thinker.critique(CritiqueCall.compare(source, edited, "sunset", "sunset", 1, 1));
            assertThat(c.valid()).as(c.reasoning()).isTrue();
            assertThat(c.semantic()).isEqualTo(6.0);
            assertThat(c.usage()).isEqualTo(new Usage(900, 70));
        }
        JsonNode chat = server.lastChat();
        JsonNode images = chat.path("messages").get(0).path("images");
        assertThat(images).hasSize(2);
        assertThat(decode(images.get(0)).samePixels(source)).isTrue();
        assertThat(decode(images.get(1)).samePixels(edited)).isTrue();
        assertThat(chat.path("stream").asBoolean(true)).isFalse();
        assertThat(chat.path("options").path("seed").asInt()).isEqualTo(7);
        assertThat(chat.path("options").path("num_predict").asInt()).isEqualTo(500);
        assertThat(chat.path("options").path("temperature").asDouble(-1)).isEqualTo(0.0);
    }

    @Test
    void plansAndJudgementsWork() {
        try (Thinker thinker = provider.thinker(spec(""));
                Judge judge = provider.judge(spec(""))) {
            Plan plan = thinker.plan(new PlanCall(PlanKind.REWRITE, source, "sunset", 3, 1));
            assertThat(plan.instruction()).startsWith("turn the sky deep orange");
            Judgement j = judge.judge(VieQuestions.semantic(source, edited, "sunset", 1));
            assertThat(j.scores()).containsExactly(Map.entry("edit_success", 7.0), Map.entry("overediting", 9.0));
        }
    }

    @Test
    void jsonSchemaGoesIntoTheFormatField() {
        try (Thinker thinker = provider.thinker(spec("response_format=json_schema"))) {
            Critique c = thinker.critique(CritiqueCall.compare(source, edited, "sunset", "sunset", 1, 1));
            assertThat(c.valid()).as(c.reasoning()).isTrue();
        }
        assertThat(server.lastChat().path("format").path("properties").has("semantic"))
                .as(server.lastChat().path("format").toString())
                .isTrue();
    }

    @Test
    void extraFieldsAreRefusedAtCreation() {
        assertThatThrownBy(() -> provider.thinker(spec("extra.think=false")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot send extra request fields");
    }

    @Test
    void theModelIsRequired() {
        assertThatThrownBy(() -> provider.thinker(BackendSpec.parse("ollama:" + server.baseUri())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a model")
                .hasMessageContaining("ollama list");
    }

    @Test
    void checkListsTagsMatchesLatestAndTimesARoundTrip() {
        BackendCheck ok = provider.check(spec(""), BackendRole.THINKER).get(0);
        assertThat(ok.ok()).as(ok.detail()).isTrue();
        assertThat(ok.roundTripMillis()).isNotNull();
        assertThat(server.requests("/api/tags")).hasSize(1);

        BackendCheck missing = provider.check(
                        BackendSpec.parse("ollama:" + server.baseUri() + "?model=llava"), BackendRole.JUDGE)
                .get(0);
        assertThat(missing.model()).isEqualTo(Status.FAILED);
        assertThat(missing.detail()).contains("qwen2.5vl:latest");
    }

    @Test
    void describeNamesKindEndpointAndModel() {
        try (Thinker thinker = provider.thinker(spec(""))) {
            assertThat(thinker.describe()).isEqualTo("ollama:" + server.baseUri() + "?model=qwen2.5vl");
        }
    }
}
