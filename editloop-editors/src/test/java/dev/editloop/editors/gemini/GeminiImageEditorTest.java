package dev.editloop.editors.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.retry.RetryPolicy;
import dev.editloop.core.retry.Retrying;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.HttpEditorFaults;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeGeminiServer;
import dev.editloop.testkit.fake.FakeHttpServer;
import dev.editloop.testkit.fake.FakeOpenAiImagesServer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GeminiImageEditorTest extends HttpEditorFaults {
    private static final String KEY = "AIza-test-5c8e2d91f0";
    private static final Map<String, String> ENV = Map.of("GEMINI_API_KEY", KEY);
    private FakeGeminiServer fake;

    @BeforeEach
    void start() {
        fake = new FakeGeminiServer().requireGoogleKey(KEY);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Override
    protected FakeHttpServer fake() {
        return fake;
    }

    @Override
    protected Editor editor(String params) {
        return editor(fake.baseUrl(), params, ENV);
    }

    @Override
    protected Editor editorWithWrongKey() {
        return editor(fake.baseUrl(), "", Map.of("GEMINI_API_KEY", wrongKey()));
    }

    @Override
    protected String keyVariable() {
        return "GEMINI_API_KEY";
    }

    @Override
    protected String replyWithoutImage() {
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[]},\"finishReason\":\"STOP\"}]}";
    }

    @Override
    protected String replyWithImageData(String data) {
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"inlineData\":{\"mimeType\":"
                + "\"image/png\",\"data\":\"" + data + "\"}}]},\"finishReason\":\"STOP\"}]}";
    }

    private static GeminiImageEditor editor(String url, String query, Map<String, String> env) {
        return new GeminiImageEditor(BackendSpec.parse("gemini-image:" + url + "?" + query), env);
    }

    @Test
    void editSendsTheImageInlineAndReadsTheImagePart() {
        Picture source = TestImages.scene(70, 44, 5);
        fake.caption("Here is the image with snow.");
        try (Editor editor = editor(fake.baseUrl(), "", ENV)) {
            EditResult result = editor.edit(EditCall.of(source, "add snow", 9));

            assertThat(result.image().samePixels(FakeOpenAiImagesServer.brighten(source, "add snow", 0)))
                    .isTrue();
            assertThat(result.notes()).anyMatch(n -> n.contains("Here is the image with snow."));
            assertThat(result.usage().promptTokens()).isPositive();
            assertThat(result.usage().completionTokens()).isEqualTo(1290);
            var request = fake.requests("/v1beta/models/gemini-2.5-flash-image:generateContent")
                    .get(0);
            assertThat(request.header("x-goog-api-key")).isEqualTo(KEY);
            JsonNode body = fake.lastBody();
            JsonNode parts = body.path("contents").path(0).path("parts");
            assertThat(parts.path(0).path("text").asText()).isEqualTo("add snow");
            JsonNode inline = parts.path(1).path("inline_data");
            assertThat(inline.path("mime_type").asText()).isEqualTo("image/png");
            Picture sent = Images.decode(
                    Base64.getDecoder().decode(inline.path("data").asText()), "sent", Images.DEFAULT_MAX_PIXELS);
            assertThat(sent.samePixels(source)).isTrue();
            assertThat(body.path("generationConfig").path("responseModalities").toString())
                    .isEqualTo("[\"TEXT\",\"IMAGE\"]");
            assertThat(body.path("generationConfig").has("seed")).isFalse();
            assertThat(editor.describe()).doesNotContain(KEY);
        }
    }

    @Test
    void referenceImagesFollowTheSourceAsInlinePartsAndTheLimitFollowsTheModel() {
        Picture source = TestImages.scene(70, 44, 5);
        Picture hat = TestImages.scene(30, 30, 6);
        Picture scarf = TestImages.scene(20, 40, 7);
        try (Editor editor = editor(fake.baseUrl(), "", ENV)) {
            assertThat(editor.capabilities().maxImages()).isEqualTo(3);
            editor.edit(EditCall.of(source, "put the hat from image 2 on it", 9).withReferences(List.of(hat, scarf)));

            List<Picture> received = fake.lastImages();
            assertThat(received).hasSize(3);
            assertThat(received.get(0).samePixels(source))
                    .as("the image to edit first")
                    .isTrue();
            assertThat(received.get(1).samePixels(hat)).isTrue();
            assertThat(received.get(2).samePixels(scarf)).isTrue();
            JsonNode parts = fake.lastBody().path("contents").path(0).path("parts");
            assertThat(parts.path(0).path("text").asText()).isEqualTo("put the hat from image 2 on it");
            assertThat(parts).hasSize(4);
        }
        try (Editor editor = editor(fake.baseUrl(), "model=gemini-3-pro-image-preview", ENV)) {
            assertThat(editor.capabilities().maxImages()).isEqualTo(14);
        }
        try (Editor editor = editor(fake.baseUrl(), "max_images=1", ENV)) {
            assertThat(editor.capabilities().maxImages()).isEqualTo(1);
            assertThat(editor.capabilities().multipleImages()).isFalse();
        }
    }

    @Test
    void parametersShapeTheRequest() {
        try (Editor editor = editor(
                fake.baseUrl(),
                "model=models/gemini-3-pro-image&modalities=image&aspect_ratio=3:2&send_seed=true",
                ENV)) {
            editor.edit(EditCall.of(TestImages.scene(30, 20, 1), "x", 5));
            assertThat(fake.requests("/v1beta/models/gemini-3-pro-image:generateContent"))
                    .hasSize(1);
            JsonNode config = fake.lastBody().path("generationConfig");
            assertThat(config.path("responseModalities").toString()).isEqualTo("[\"IMAGE\"]");
            assertThat(config.path("imageConfig").path("aspectRatio").asText()).isEqualTo("3:2");
            assertThat(config.path("seed").asLong()).isEqualTo(5);
        }
        assertThatThrownBy(() -> editor(fake.baseUrl(), "modalities=TEXT", ENV))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("IMAGE");
    }

    @Test
    void anAnswerOfAnotherSizeIsResizedBack() {
        fake.answerSize(1024, 1024);
        try (Editor editor = editor(fake.baseUrl(), "", ENV)) {
            EditResult result = editor.edit(EditCall.of(TestImages.scene(60, 40, 1), "x", 1));
            assertThat(result.image().width()).isEqualTo(60);
            assertThat(result.notes()).anyMatch(n -> n.contains("1024x1024") && n.contains("60x40"));
        }
    }

    @Test
    void aTextOnlyAnswerIsARefusalQuotingTheText() {
        fake.refuseWith("I can't edit images of real people in that way.");
        try (Editor editor = editor(fake.baseUrl(), "", ENV)) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(TestImages.scene(20, 20, 1), "x", 1)))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("text and no image")
                    .hasMessageContaining("I can't edit images of real people");
        }
    }

    @Test
    void aBlockedPromptIsNotRetriedAndNamesTheReason() {
        fake.blockPrompt("PROHIBITED_CONTENT");
        try (Editor editor = editor(fake.baseUrl(), "", ENV)) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(TestImages.scene(20, 20, 1), "x", 1)))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("blocked")
                    .hasMessageContaining("PROHIBITED_CONTENT");
        }
    }

    @Test
    void aSafetyStopIsReportedAsBlocked() {
        fake.failNext(
                null,
                1,
                200,
                "application/json",
                "{\"candidates\":[{\"content\":{\"role\":\"model\"},\"finishReason\":\"IMAGE_SAFETY\"}]}");
        try (Editor editor = editor(fake.baseUrl(), "", ENV)) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(TestImages.scene(20, 20, 1), "x", 1)))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("IMAGE_SAFETY");
        }
    }

    @Test
    void snakeCaseReplyPartsAndProxyDataUrisAreRead() {
        Picture red = Picture.solid(10, 10, java.awt.Color.RED);
        String b64 = Base64.getEncoder().encodeToString(red.png());
        fake.failNext(
                null,
                1,
                200,
                "application/json",
                "{\"candidates\":[{\"content\":{\"parts\":[{\"inline_data\":{\"mime_type\":\"image/png\",\"data\":\""
                        + b64 + "\"}}]}}]}");
        fake.failNext(
                null,
                1,
                200,
                "application/json",
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"![image](data:image/png;base64," + b64
                        + ")\"}]}}]}");
        try (Editor editor = editor(fake.baseUrl(), "", ENV)) {
            assertThat(editor.edit(EditCall.of(red, "x", 1)).image().samePixels(red))
                    .isTrue();
            assertThat(editor.edit(EditCall.of(red, "x", 1)).image().samePixels(red))
                    .isTrue();
        }
    }

    @Test
    void theKeyIsRequiredAtCreation() {
        assertThatThrownBy(() -> editor(fake.baseUrl(), "", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("GEMINI_API_KEY");
    }

    @Test
    void aMissingModelIsNotRetried() {
        fake.models("gemini-2.5-flash-image");
        try (Editor editor = editor(fake.baseUrl(), "model=gemini-9-image", ENV)) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(TestImages.scene(20, 20, 1), "x", 1)))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("404")
                    .hasMessageContaining("gemini-9-image");
        }
    }

    @Test
    void aPoolOfTwoServersTakesTurnsAndSurvivesOneGoingDown() {
        try (FakeGeminiServer second = new FakeGeminiServer()) {
            BackendSpec spec =
                    BackendSpec.parse("gemini-image:" + fake.baseUrl() + "," + second.baseUrl() + "?retry_delay=0");
            Picture source = TestImages.scene(24, 16, 1);
            // what BackendRegistry.editor(spec) builds, with this test's key instead of the process environment's
            RetryPolicy policy = spec.retryPolicy(new GeminiImageProvider().defaultRetryPolicy());
            try (Editor editor = Retrying.editor(new GeminiImageEditor(spec, ENV), policy, d -> {})) {
                editor.edit(EditCall.of(source, "a", 1));
                editor.edit(EditCall.of(source, "b", 1));
                assertThat(fake.bodies()).hasSize(1);
                assertThat(second.bodies()).hasSize(1);
                second.close();
                for (int i = 0; i < 3; i++) {
                    assertThat(editor.edit(EditCall.of(source, "c", 1)).image().width())
                            .isEqualTo(24);
                }
                assertThat(fake.bodies()).hasSize(4);
            }
        }
    }

    @Test
    void checkFindsTheModelAndNamesABadKey() {
        BackendSpec spec = BackendSpec.parse("gemini-image:" + fake.baseUrl());
        BackendCheck row = new GeminiImageProvider().check(spec, ENV).get(0);
        assertThat(row.ok()).isTrue();
        assertThat(row.roundTripMillis()).isNull();
        assertThat(fake.bodies()).isEmpty();

        BackendCheck timed = new GeminiImageProvider()
                .check(BackendSpec.parse("gemini-image:" + fake.baseUrl() + "?check_edit=true"), ENV)
                .get(0);
        assertThat(timed.roundTripMillis()).isNotNull();
        assertThat(fake.bodies()).hasSize(1);

        BackendCheck badKey = new GeminiImageProvider()
                .check(spec, Map.of("GEMINI_API_KEY", "AIza-wrong-000111"))
                .get(0);
        assertThat(badKey.authenticated()).isEqualTo(Status.FAILED);
        assertThat(badKey.detail()).contains("GEMINI_API_KEY").doesNotContain("AIza-wrong-000111");

        BackendCheck noKey = new GeminiImageProvider().check(spec, Map.of()).get(0);
        assertThat(noKey.authenticated()).isEqualTo(Status.FAILED);

        fake.models("gemini-2.5-flash-image");
        BackendCheck missing = new GeminiImageProvider()
                .check(BackendSpec.parse("gemini-image:" + fake.baseUrl() + "?model=gemini-9"), ENV)
                .get(0);
        assertThat(missing.model()).isEqualTo(Status.FAILED);

        fake.close();
        assertThat(new GeminiImageProvider().check(spec, ENV).get(0).reachable())
                .isEqualTo(Status.FAILED);
    }

    @Test
    void theRegistryKnowsTheKind() {
        assertThat(BackendRegistry.load().providers())
                .containsKeys("gemini-image", "editthinker-http", "openai-images");
    }
}
