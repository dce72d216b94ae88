package dev.editloop.editors.editthinker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.HttpEditorFaults;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeEditThinkerServer;
import dev.editloop.testkit.fake.FakeHttpServer;
import dev.editloop.testkit.fake.FakeOpenAiImagesServer;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EditThinkerEditorTest extends HttpEditorFaults {
    private static final String KEY = "et-key-93b1f0a6c2";
    private FakeEditThinkerServer fake;

    @BeforeEach
    void start() {
        fake = new FakeEditThinkerServer();
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
        return editor(fake.baseUrl(), params, Map.of());
    }

    @Override
    protected Editor editorWithWrongKey() {
        fake.requireKey(KEY);
        return editor(fake.baseUrl(), "key_env=EDITTHINKER_KEY", Map.of("EDITTHINKER_KEY", wrongKey()));
    }

    @Override
    protected String keyVariable() {
        return "EDITTHINKER_KEY";
    }

    @Override
    protected String replyWithoutImage() {
        return "{\"success\":true,\"task_id\":\"t1\"}";
    }

    @Override
    protected String replyWithImageData(String data) {
        return "{\"success\":true,\"edited_image\":\"" + data + "\"}";
    }

    private static EditThinkerEditor editor(String url, String query, Map<String, String> env) {
        return new EditThinkerEditor(BackendSpec.parse("editthinker-http:" + url + "?" + query), env);
    }

    @Test
    void editPostsTheJsonBodyAndDecodesTheEditedImage() {
        Picture source = TestImages.scene(80, 52, 3);
        try (Editor editor = editor(fake.baseUrl(), "preset=flux-kontext", Map.of())) {
            EditResult result = editor.edit(EditCall.of(source, "add snow", 1234));

            assertThat(result.image().samePixels(FakeOpenAiImagesServer.brighten(source, "add snow", 1234)))
                    .isTrue();
            assertThat(result.notes())
                    .as("the enhancer is off: no rewritten prompt")
                    .isEmpty();
            JsonNode body = fake.lastEdit();
            assertThat(body.path("prompt").asText()).isEqualTo("add snow");
            assertThat(body.path("seed").asLong()).isEqualTo(1234);
            assertThat(body.path("num_inference_steps").asInt()).isEqualTo(28);
            assertThat(body.path("guidance_scale").asDouble()).isEqualTo(2.5);
            assertThat(body.path("enhance_prompt").asBoolean(true)).isFalse();
            Picture sent = Images.decode(
                    Base64.getDecoder().decode(body.path("image").asText()), "sent", Images.DEFAULT_MAX_PIXELS);
            assertThat(sent.samePixels(source))
                    .as("the image goes as base64 PNG")
                    .isTrue();
            assertThat(fake.requests("/edit").get(0).header("authorization"))
                    .as("no key by default")
                    .isNull();
            assertThat(editor.capabilities().seeds()).isTrue();
            assertThat(editor.capabilities().stepsAndGuidance()).isTrue();
        }
    }

    @Test
    void presetsGiveTheReferenceDefaultsAndStepsAndGuidanceOverrideThem() {
        Picture source = TestImages.scene(20, 20, 1);
        try (Editor editor = editor(fake.baseUrl(), "preset=qwen-image-edit&steps=8", Map.of())) {
            editor.edit(EditCall.of(source, "x", 1));
            assertThat(fake.lastEdit().path("num_inference_steps").asInt()).isEqualTo(8);
            assertThat(fake.lastEdit().path("guidance_scale").asDouble()).isEqualTo(5.0);
        }
        try (Editor editor = editor(fake.baseUrl(), "preset=omnigen2&guidance=3", Map.of())) {
            editor.edit(EditCall.of(source, "x", 1));
            assertThat(fake.lastEdit().path("num_inference_steps").asInt()).isEqualTo(50);
            assertThat(fake.lastEdit().path("guidance_scale").asDouble()).isEqualTo(3.0);
        }
        try (Editor editor = editor(fake.baseUrl(), "", Map.of())) {
            editor.edit(new EditCall(source, "x", 1, null, Map.of("true_cfg_scale", "4", "negative_prompt", " ")));
            JsonNode body = fake.lastEdit();
            assertThat(body.has("num_inference_steps"))
                    .as("no preset: the server's defaults")
                    .isFalse();
            assertThat(body.has("guidance_scale")).isFalse();
            assertThat(body.path("true_cfg_scale").isNumber())
                    .as("options become typed fields")
                    .isTrue();
            assertThat(body.path("negative_prompt").asText()).isEqualTo(" ");
        }
        assertThatThrownBy(() -> editor(fake.baseUrl(), "preset=sdxl", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("flux-kontext");
    }

    @Test
    void theEnhancedPromptIsNotedWhenTheEnhancerIsOn() {
        try (Editor editor = editor(fake.baseUrl(), "enhance_prompt=true", Map.of())) {
            EditResult result = editor.edit(EditCall.of(TestImages.scene(20, 20, 1), "add snow", 1));
            assertThat(fake.lastEdit().path("enhance_prompt").asBoolean()).isTrue();
            assertThat(result.notes()).anyMatch(n -> n.contains("enhanced the prompt"));
        }
    }

    @Test
    void anAnswerOfAnotherSizeIsResizedBack() {
        fake.answerSize(64, 64);
        try (Editor editor = editor(fake.baseUrl(), "", Map.of())) {
            EditResult result = editor.edit(EditCall.of(TestImages.scene(50, 30, 1), "x", 1));
            assertThat(result.image().width()).isEqualTo(50);
            assertThat(result.image().height()).isEqualTo(30);
            assertThat(result.notes()).anyMatch(n -> n.contains("64x64"));
        }
    }

    @Test
    void successFalseIsNotRetriedAndQuotesTheError() {
        fake.failEdits("CUDA out of memory");
        try (Editor editor = editor(fake.baseUrl(), "", Map.of())) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(TestImages.scene(20, 20, 1), "x", 1)))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("editthinker-http at http://127.0.0.1:" + fake.port())
                    .hasMessageContaining("CUDA out of memory");
        }
    }

    @Test
    void anUnhealthyServerIsRetriable() {
        fake.unhealthy(true);
        try (Editor editor = editor(fake.baseUrl(), "", Map.of())) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(TestImages.scene(20, 20, 1), "x", 1)))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageContaining("503");
        }
    }

    @Test
    void aUrlIsRequired() {
        assertThatThrownBy(() -> new EditThinkerEditor(BackendSpec.parse("editthinker-http"), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("URL");
    }

    @Test
    void aPoolOfTwoServersTakesTurnsAndSurvivesOneGoingDown() {
        try (FakeEditThinkerServer second = new FakeEditThinkerServer()) {
            String spec = "editthinker-http:" + fake.baseUrl() + "," + second.baseUrl() + "?retry_delay=0";
            Picture source = TestImages.scene(24, 16, 1);
            try (Editor editor = BackendRegistry.load().editor(spec)) {
                editor.edit(EditCall.of(source, "a", 1));
                editor.edit(EditCall.of(source, "b", 1));
                assertThat(fake.edits()).hasSize(1);
                assertThat(second.edits()).hasSize(1);

                second.close();
                for (int i = 0; i < 3; i++) {
                    assertThat(editor.edit(EditCall.of(source, "c", 1)).image().height())
                            .isEqualTo(16);
                }
                assertThat(fake.edits()).hasSize(4);
            }
        }
    }

    @Test
    void anEndpointTakenOutReturnsOnlyWhenItsHealthSaysReady() {
        try (FakeEditThinkerServer second = new FakeEditThinkerServer()) {
            String spec = "editthinker-http:" + fake.baseUrl() + "," + second.baseUrl()
                    + "?retry_delay=0&max_failures=1&cooldown=0";
            Picture source = TestImages.scene(24, 16, 1);
            try (Editor editor = BackendRegistry.load().editor(spec)) {
                second.unhealthy(true);
                for (int i = 0; i < 4; i++) {
                    editor.edit(EditCall.of(source, "a", 1));
                }
                assertThat(second.requests("/health"))
                        .as("the rested endpoint is probed")
                        .isNotEmpty();
                assertThat(second.edits())
                        .as("an unhealthy endpoint gets one failing edit, then probes only")
                        .hasSize(1);
                second.unhealthy(false);
                for (int i = 0; i < 4; i++) {
                    editor.edit(EditCall.of(source, "b", 1));
                }
                assertThat(second.edits()).as("healthy again, it serves").hasSizeGreaterThan(1);
            }
        }
    }

    @Test
    void checkProbesHealth() {
        BackendSpec spec = BackendSpec.parse("editthinker-http:" + fake.baseUrl());
        BackendCheck row = new EditThinkerProvider().check(spec, Map.of()).get(0);
        assertThat(row.ok()).isTrue();
        assertThat(row.model()).isEqualTo(Status.OK);
        assertThat(row.authenticated()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(row.roundTripMillis()).isNull();
        assertThat(fake.edits()).isEmpty();

        BackendCheck timed = new EditThinkerProvider()
                .check(BackendSpec.parse("editthinker-http:" + fake.baseUrl() + "?check_edit=true"), Map.of())
                .get(0);
        assertThat(timed.roundTripMillis()).isNotNull();
        assertThat(fake.edits()).hasSize(1);

        fake.unhealthy(true);
        BackendCheck sick = new EditThinkerProvider().check(spec, Map.of()).get(0);
        assertThat(sick.model()).isEqualTo(Status.FAILED);
        assertThat(sick.detail()).contains("not ready");

        fake.close();
        BackendCheck down = new EditThinkerProvider().check(spec, Map.of()).get(0);
        assertThat(down.reachable()).isEqualTo(Status.FAILED);
    }
}
