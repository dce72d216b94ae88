package dev.editloop.llm.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.Judge;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.VieQuestions;
import dev.editloop.testkit.fake.FakeGeminiServer;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gemini kind against the loopback Gemini API. */
class GeminiProviderTest {
    static final String SECRET = "gemini-test-key-0123456789";

    private final FakeGeminiServer server = GeminiProviderTest.answering(new FakeGeminiServer());
    private final GeminiProvider provider = new GeminiProvider(Map.of("GEMINI_API_KEY", SECRET));
    private final Picture source = TestImages.scene(64, 48, 1);
    private final Picture edited = TestImages.scene(64, 48, 2);

    /** The fake answering EditLoop's prompts the way the OpenAI fake does. */
    static FakeGeminiServer answering(FakeGeminiServer server) {
        return server.textResponder(r -> FakeOpenAiChatServer.defaultAnswer(
                r.texts().isEmpty() ? "" : r.texts().get(0),
                r.lastText(),
                r.body().path("generationConfig").has("responseSchema")
                        || r.body().path("generationConfig").has("responseJsonSchema")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static BackendSpec spec(FakeGeminiServer server, String params) {
        return BackendSpec.parse("gemini:" + server.baseUrl() + "/v1beta" + (params.isEmpty() ? "" : "?" + params));
    }

    private static List<Picture> inlineImages(JsonNode body) throws Exception {
        List<Picture> pictures = new ArrayList<>();
        for (JsonNode part : body.path("contents").get(0).path("parts")) {
            JsonNode inline = part.has("inlineData") ? part.get("inlineData") : part.get("inline_data");
            if (inline != null) {
                byte[] png = Base64.getDecoder().decode(inline.path("data").asText());
                pictures.add(Picture.of(ImageIO.read(new ByteArrayInputStream(png))));
            }
        }
        return pictures;
    }

    @Test
    void aCritiqueSendsSourceThenEditWithTheKeyHeaderAndTheDefaultModel() throws Exception {
        try (Thinker thinker = provider.thinker(spec(server, "seed=3"))) {
            Critique c = thinker.critique(CritiqueCall.compare(source, edited, "sunset", "sunset", 1, 1));
            assertThat(c.valid()).as(c.reasoning()).isTrue();
            assertThat(c.semantic()).isEqualTo(6.0);
            assertThat(c.usage().promptTokens()).isPositive();
            assertThat(thinker.describe())
                    .isEqualTo("gemini:" + server.baseUrl() + "/v1beta?model=" + GeminiProvider.DEFAULT_MODEL);
        }
        assertThat(server.requests().get(0).path())
                .isEqualTo("/v1beta/models/" + GeminiProvider.DEFAULT_MODEL + ":generateContent");
        assertThat(server.requests().get(0).header("x-goog-api-key")).isEqualTo(SECRET);
        List<Picture> images = inlineImages(server.lastBody());
        assertThat(images).hasSize(2);
        assertThat(images.get(0).samePixels(source)).isTrue();
        assertThat(images.get(1).samePixels(edited)).isTrue();
        assertThat(server.lastBody().path("generationConfig").path("seed").asInt())
                .isEqualTo(3);
    }

    @Test
    void plansAndJudgementsWork() {
        try (Thinker thinker = provider.thinker(spec(server, ""));
                Judge judge = provider.judge(spec(server, ""))) {
            Plan plan = thinker.plan(new PlanCall(PlanKind.DESCRIBE_TARGET, source, "sunset", 3, 1));
            assertThat(plan.targetDescription()).startsWith("The same street");
            VieQuestions.Scores j = VieQuestions.ask(judge, source, edited, "sunset", 1);
            assertThat(j.semantic()).as("min(7, 9)").isEqualTo(7.0);
            assertThat(j.quality()).as("the fake gives 7 and 9 again").isEqualTo(7.0);
            assertThat(j.overall()).isCloseTo(7, within(1e-9));
        }
    }

    @Test
    void jsonSchemaIsSentAsAResponseSchema() {
        try (Thinker thinker = provider.thinker(spec(server, "response_format=json_schema"))) {
            Critique c = thinker.critique(CritiqueCall.compare(source, edited, "sunset", "sunset", 1, 1));
            assertThat(c.valid()).as(c.reasoning()).isTrue();
        }
        JsonNode config = server.lastBody().path("generationConfig");
        assertThat(config.path("responseMimeType").asText())
                .as(config.toString())
                .isEqualTo("application/json");
    }

    @Test
    void aKeyGoogleRefusesIsAnAuthenticationFailureNamingTheVariable() {
        server.requireGoogleKey("another-key-0000");
        try (Thinker thinker = provider.thinker(spec(server, ""))) {
            EditLoopException e = catchThrowableOfType(
                    EditLoopException.class,
                    () -> thinker.critique(CritiqueCall.compare(source, edited, "sunset", "sunset", 1, 1)));
            assertThat(e).isInstanceOf(NonRetriableException.class);
            assertThat(e.getMessage())
                    .contains("gemini at " + server.baseUrl())
                    .contains("authentication failed")
                    .contains("GEMINI_API_KEY")
                    .doesNotContain(SECRET);
        }
        BackendCheck row = provider.check(spec(server, ""), BackendRole.THINKER).get(0);
        assertThat(row.authenticated()).isEqualTo(Status.FAILED);
        assertThat(row.detail()).contains("GEMINI_API_KEY").doesNotContain(SECRET);
    }

    @Test
    void checkListsModelsAndTimesARoundTrip() {
        BackendCheck row = provider.check(spec(server, ""), BackendRole.JUDGE).get(0);
        assertThat(row.ok()).as(row.detail()).isTrue();
        assertThat(row.roundTripMillis()).isNotNull();

        BackendCheck wrong = provider.check(spec(server, "model=gemini-9-ultra"), BackendRole.JUDGE)
                .get(0);
        assertThat(wrong.model()).isEqualTo(Status.FAILED);
        assertThat(wrong.detail()).contains("gemini-2.5-flash");
    }
}
