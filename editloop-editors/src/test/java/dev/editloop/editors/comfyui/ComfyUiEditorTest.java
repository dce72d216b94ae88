package dev.editloop.editors.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeComfyUiServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComfyUiEditorTest {
    private final FakeComfyUiServer fake = new FakeComfyUiServer();
    private final Picture source = TestImages.scene(96, 64, 7);

    @AfterEach
    void stop() {
        fake.close();
    }

    private ComfyUiEditor editor(String workflow, String extra) {
        return new ComfyUiEditor(
                BackendSpec.parse(
                        "comfyui:" + fake.baseUri() + "?workflow=" + workflow + "&poll=5ms&timeout=5" + extra),
                Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen-image-edit", "flux-kontext-dev", "qwen-image-edit-inpaint", "qwen-image-edit-2509"})
    void bothShippedWorkflowsPassComfyUisValidationAndRun(String name) {
        try (ComfyUiEditor editor = editor(name, "")) {
            EditResult result = editor.edit(EditCall.of(source, "make the sky orange", 11));

            assertThat(fake.requests("/prompt")).hasSize(1);
            assertThat(result.image().width()).isEqualTo(96);
            assertThat(fake.lastPrompt().has("_editloop")).isFalse();
        }
    }

    @Test
    void theInpaintingWorkflowTakesTheMaskAsAnUploadedLoadImageMask() {
        try (ComfyUiEditor editor = editor("qwen-image-edit-inpaint", "")) {
            assertThat(editor.capabilities().masks()).isTrue();
            assertThat(editor.capabilities().maxImages()).isEqualTo(1);
            dev.editloop.core.region.Region top = dev.editloop.core.region.Region.box(0, 0, 96, 20, 96, 64);
            editor.edit(new EditCall(source, "make the sky orange", 3, top.toMask(), Map.of()));

            ObjectNode sent = fake.lastPrompt();
            String mask = sent.at("/14/inputs/image").asText();
            assertThat(sent.at("/14/inputs/class_type").isMissingNode()).isTrue();
            assertThat(sent.at("/14/class_type").asText()).isEqualTo("LoadImageMask");
            assertThat(fake.uploads()).containsKey(mask);
            Picture uploaded = Images.decode(fake.uploads().get(mask), "mask", Images.DEFAULT_MAX_PIXELS);
            assertThat(uploaded.samePixels(top.toMask())).isTrue();
            assertThat(sent.at("/11/inputs/latent_image/0").asText()).isEqualTo("15");
        }
    }

    @Test
    void theQwen2509WorkflowTakesUpToThreeImagesAndLeavesOutTheOnesARequestLacks() {
        Picture hat = TestImages.scene(40, 40, 8);
        try (ComfyUiEditor editor = editor("qwen-image-edit-2509", "")) {
            assertThat(editor.capabilities().maxImages()).isEqualTo(3);
            assertThat(editor.capabilities().masks()).isFalse();
            editor.edit(EditCall.of(source, "put the hat from image 2 on the car", 3)
                    .withReferences(List.of(hat)));

            ObjectNode sent = fake.lastPrompt();
            String ref = sent.at("/14/inputs/image").asText();
            assertThat(Images.decode(fake.uploads().get(ref), "ref", Images.DEFAULT_MAX_PIXELS)
                            .samePixels(hat))
                    .isTrue();
            assertThat(sent.has("15"))
                    .as("no third image: its LoadImage is left out")
                    .isFalse();
            assertThat(sent.at("/6/inputs/image2/0").asText()).isEqualTo("14");
            assertThat(sent.at("/6/inputs").has("image3")).isFalse();

            editor.edit(EditCall.of(source, "make the car red", 3));
            sent = fake.lastPrompt();
            assertThat(sent.has("14")).isFalse();
            assertThat(sent.at("/6/inputs").has("image2")).isFalse();
            assertThat(sent.at("/6/inputs/image1/0").asText()).isEqualTo("5");
        }
    }

    @Test
    void anEditUploadsFillsQueuesFollowsAndDownloads() {
        fake.outputSize(128, 128);
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            EditResult result = editor.edit(EditCall.of(source, "make the car \"red\"", 1234));

            ObjectNode sent = fake.lastPrompt();
            String uploaded = sent.at("/4/inputs/image").asText();
            assertThat(fake.uploads()).containsKey(uploaded);
            assertThat(uploaded).startsWith("editloop-").endsWith(".png");
            assertThat(sent.at("/6/inputs/prompt").asText()).isEqualTo("make the car \"red\"");
            assertThat(sent.at("/11/inputs/seed").isIntegralNumber()).isTrue();
            assertThat(sent.at("/11/inputs/seed").asLong()).isEqualTo(1234);
            assertThat(sent.at("/11/inputs/steps").asInt()).isEqualTo(20);
            assertThat(sent.at("/11/inputs/cfg").asDouble()).isEqualTo(2.5);
            assertThat(sent.at("/7/inputs/prompt").asText()).isEqualTo(" ");
            assertThat(fake.clientIds())
                    .hasSize(1)
                    .allSatisfy(id -> assertThat(id).isNotBlank());

            // the output is the fake's edit of the uploaded image, resized back to the source's size
            Picture expected = fake.expectedOutput(source, sent);
            assertThat(expected.width()).isEqualTo(128);
            assertThat(result.image().width()).isEqualTo(96);
            assertThat(result.image().height()).isEqualTo(64);
            assertThat(result.image().samePixels(source)).isFalse();
            assertThat(result.image().samePixels(Images.resize(expected, 96, 64)))
                    .isTrue();
            assertThat(result.notes())
                    .anySatisfy(n -> assertThat(n).contains("128x128").contains("96x64"))
                    .anySatisfy(n -> assertThat(n).contains("qwen-image-edit").contains("seed 1234"));
            assertThat(fake.requests("/view").get(0).query())
                    .contains("type=output")
                    .contains("filename=");
        }
    }

    @Test
    void theOutputAtTheSourceSizeComesBackUnchangedAndDependsOnTheSeed() {
        try (ComfyUiEditor editor = editor("flux-kontext-dev", "")) {
            EditResult first = editor.edit(EditCall.of(source, "add snow", 1));
            ObjectNode firstSent = fake.lastPrompt();
            EditResult second = editor.edit(EditCall.of(source, "add snow", 2));

            assertThat(first.image().samePixels(fake.expectedOutput(source, firstSent)))
                    .isTrue();
            assertThat(first.image().samePixels(second.image())).isFalse();
            assertThat(first.notes()).noneMatch(n -> n.contains("resized"));
            // a unique upload per call, so a re-run is never served from ComfyUI's cache
            assertThat(fake.uploads()).hasSize(2);
        }
    }

    @Test
    void callOptionsAndSpecParametersOverrideTheWorkflowDefaults() {
        try (ComfyUiEditor editor = editor("qwen-image-edit", "&steps=30&guidance=4&negative_prompt=blurry")) {
            editor.edit(EditCall.of(source, "x", 1));
            assertThat(fake.lastPrompt().at("/11/inputs/steps").asInt()).isEqualTo(30);
            assertThat(fake.lastPrompt().at("/11/inputs/cfg").asDouble()).isEqualTo(4.0);
            assertThat(fake.lastPrompt().at("/7/inputs/prompt").asText()).isEqualTo("blurry");

            editor.edit(
                    new EditCall(source, "x", 1, null, Map.of("num_inference_steps", "8", "guidance_scale", "1.5")));
            assertThat(fake.lastPrompt().at("/11/inputs/steps").asInt()).isEqualTo(8);
            assertThat(fake.lastPrompt().at("/11/inputs/cfg").asDouble()).isEqualTo(1.5);

            assertThatThrownBy(() -> editor.edit(new EditCall(source, "x", 1, null, Map.of("steps", "many"))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("steps=many");
        }
    }

    @Test
    void aRunningPromptIsPolledUntilItsHistoryAppears() {
        fake.runningPolls(4);
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            editor.edit(EditCall.of(source, "x", 1));
        }
        assertThat(fake.requests("/history/")).hasSize(5);
        assertThat(fake.requests("/history/").get(0).path())
                .endsWith(fake.requests("/history/").get(4).path().substring(9));
    }

    @Test
    void aFailingNodeIsQuotedWithItsTypeAndException() {
        fake.failNode(1, "KSampler", "torch.OutOfMemoryError", "CUDA out of memory. Tried to allocate 2.00 GiB");
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(NonRetriableException.class)
                    .isNotInstanceOf(RetriableException.class)
                    .hasMessageContaining("comfyui at " + fake.baseUri())
                    .hasMessageContaining("node 11 (KSampler)")
                    .hasMessageContaining("torch.OutOfMemoryError: CUDA out of memory");
        }
    }

    @Test
    void aMissingModelFileIsNamedWithItsFolderBeforeAnythingIsQueued() {
        fake.withoutModelFile("qwen_image_edit_fp8_e4m3fn.safetensors");
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("ComfyUI at " + fake.baseUri()
                            + " has no UNETLoader model 'qwen_image_edit_fp8_e4m3fn.safetensors': put it in"
                            + " models/diffusion_models/");
        }
        assertThat(fake.requests("/upload")).isEmpty();
        assertThat(fake.requests("/prompt")).isEmpty();
    }

    @Test
    void everyMissingFileIsListedWithItsOwnFolder() {
        fake.withoutModelFile("clip_l.safetensors").withoutModelFile("ae.safetensors");
        try (ComfyUiEditor editor = editor("flux-kontext-dev", "")) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("DualCLIPLoader model 'clip_l.safetensors': put it in models/text_encoders/")
                    .hasMessageContaining("VAELoader model 'ae.safetensors': put it in models/vae/");
        }
    }

    @Test
    void aModelFileTheServerRejectsAtQueueTimeIsExplainedLikeThePreCheck() {
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            editor.edit(EditCall.of(source, "x", 1)); // the pre-check passes and is cached
            fake.withoutModelFile("qwen_image_vae.safetensors"); // then the file disappears

            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("ComfyUI at " + fake.baseUri()
                            + " has no VAELoader model 'qwen_image_vae.safetensors': put it in models/vae/");
        }
        assertThat(fake.requests("/object_info")).hasSize(1);
    }

    @Test
    void anUnknownNodeTypeIsReportedBeforeQueueing() {
        fake.withoutNodeType("TextEncodeQwenImageEdit");
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("has no node type 'TextEncodeQwenImageEdit'")
                    .hasMessageContaining("custom node");
        }
        assertThat(fake.requests("/prompt")).isEmpty();
    }

    @Test
    void anUnknownNodeTypeAtQueueTimeQuotesComfyUisInvalidPrompt() {
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            editor.edit(EditCall.of(source, "x", 1));
            fake.withoutNodeType("CFGNorm");

            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("invalid_prompt")
                    .hasMessageContaining("node CFGNorm does not exist");
        }
    }

    @Test
    void aChoiceTheServerLacksIsQuotedWithWhatItOffers() {
        // a sampler the server lacks is caught by the pre-check too, with what the server offers
        fake.models("KSampler", "sampler_name", "dpmpp_2m");
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("does not offer KSampler sampler_name 'euler'")
                    .hasMessageContaining("'dpmpp_2m'");
        }
    }

    @Test
    void aServerErrorIsRetriableAndNamesTheEndpoint() {
        fake.failNext("/prompt", 1, 500, "text/plain", "500 Internal Server Error\n\nServer got itself in trouble");
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageContaining("comfyui at " + fake.baseUri() + "/prompt")
                    .hasMessageContaining("HTTP 500");
        }
    }

    @Test
    void aProxysHtmlPageIsDescribedNotDumped() {
        fake.htmlErrorNext(1);
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageContaining("502 Bad Gateway")
                    .hasMessageNotContaining("<html");
        }
    }

    @Test
    void aHangingServerTimesOutRetriably() {
        fake.hangNext(1);
        try (ComfyUiEditor editor = new ComfyUiEditor(
                BackendSpec.parse("comfyui:" + fake.baseUri() + "?workflow=qwen-image-edit&timeout=0.3"), Map.of())) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageContaining("timeout");
        }
    }

    @Test
    void aViewThatIsNotAnImageIsAClearError() {
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            fake.failNext("/view", 1, 200, "text/html", "<html><title>Login</title></html>");
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("/view")
                    .hasMessageContaining("an image");
        }
    }

    @Test
    void routesUnderApiAreServedToo() {
        try (ComfyUiEditor editor = new ComfyUiEditor(
                BackendSpec.parse("comfyui:" + fake.baseUri() + "/api?workflow=qwen-image-edit&poll=5ms"), Map.of())) {
            editor.edit(EditCall.of(source, "x", 1));
        }
        assertThat(fake.requests("/api/prompt")).hasSize(1);
    }

    @Test
    void capabilitiesAndDescriptionFollowTheWorkflow() {
        try (ComfyUiEditor editor = editor("qwen-image-edit", "")) {
            assertThat(editor.capabilities().seeds()).isTrue();
            assertThat(editor.capabilities().stepsAndGuidance()).isTrue();
            assertThat(editor.capabilities().masks()).isFalse();
            assertThat(editor.describe()).isEqualTo("comfyui:" + fake.baseUri() + "?workflow=qwen-image-edit");
        }
    }

    @Test
    void badSpecParametersAreRefused() {
        assertThatThrownBy(() -> editor("qwen-image-edit", "&stepz=3"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown parameter 'stepz'");
        assertThatThrownBy(() -> editor("qwen-image-edit", "&steps=0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("steps=0");
        assertThatThrownBy(() -> new ComfyUiEditor(BackendSpec.parse("comfyui:" + fake.baseUri()), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("workflow=");
        assertThatThrownBy(() -> new ComfyUiEditor(BackendSpec.parse("comfyui:?workflow=qwen-image-edit"), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a URL");
    }
}
