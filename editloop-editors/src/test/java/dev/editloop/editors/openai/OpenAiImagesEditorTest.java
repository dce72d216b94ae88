package dev.editloop.editors.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.HttpEditorFaults;
import dev.editloop.editors.RemoteChecks;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeHttpServer;
import dev.editloop.testkit.fake.FakeOpenAiImagesServer;
import dev.editloop.testkit.fake.MultipartForm;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiImagesEditorTest extends HttpEditorFaults {
    private static final String KEY = "sk-test-7f3a9b1c5d";
    private FakeOpenAiImagesServer fake;

    @BeforeEach
    void start() {
        fake = new FakeOpenAiImagesServer().models("gpt-image-1", "qwen-edit");
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
        return editor(fake.baseUrl(), "model=qwen-edit" + (params.isEmpty() ? "" : "&" + params), Map.of());
    }

    @Override
    protected Editor editorWithWrongKey() {
        fake.requireKey(KEY);
        return editor(fake.baseUrl(), "model=qwen-edit", Map.of("OPENAI_API_KEY", wrongKey()));
    }

    @Override
    protected String keyVariable() {
        return "OPENAI_API_KEY";
    }

    @Override
    protected String replyWithoutImage() {
        return "{\"created\":1,\"data\":[]}";
    }

    @Override
    protected String replyWithImageData(String data) {
        return "{\"created\":1,\"data\":[{\"b64_json\":\"" + data + "\"}]}";
    }

    private static OpenAiImagesEditor editor(String url, String query, Map<String, String> env) {
        return new OpenAiImagesEditor(BackendSpec.parse("openai-images:" + url + "?" + query), env);
    }

    @Test
    void editSendsTheFormAndReturnsTheServersImage() {
        Picture source = TestImages.scene(96, 64, 1);
        try (Editor editor = editor(
                fake.baseUrl(),
                "model=qwen-edit&steps=30&guidance=4.5&quality=high&extra.negative_prompt=blurry",
                Map.of())) {
            EditResult result = editor.edit(new EditCall(source, "make it brighter", 77, null, Map.of("user", "t1")));

            assertThat(result.image().samePixels(FakeOpenAiImagesServer.brighten(source, "make it brighter", 77)))
                    .as("the image the server made, decoded")
                    .isTrue();
            assertThat(result.notes()).isEmpty();
            assertThat(result.usage().promptTokens()).isPositive();
            assertThat(result.usage().completionTokens()).isEqualTo(1056);
            MultipartForm form = fake.lastForm();
            MultipartForm.Part image = form.part("image").orElseThrow();
            assertThat(image.contentType()).isEqualTo("image/png");
            assertThat(Images.decode(image.body(), "sent", Images.DEFAULT_MAX_PIXELS)
                            .samePixels(source))
                    .isTrue();
            assertThat(form.field("prompt")).isEqualTo("make it brighter");
            assertThat(form.field("model")).isEqualTo("qwen-edit");
            assertThat(form.field("n")).isEqualTo("1");
            assertThat(form.field("seed")).isEqualTo("77");
            assertThat(form.field("num_inference_steps")).isEqualTo("30");
            assertThat(form.field("guidance_scale")).isEqualTo("4.5");
            assertThat(form.field("quality")).isEqualTo("high");
            assertThat(form.field("negative_prompt")).isEqualTo("blurry");
            assertThat(form.field("user")).as("call options become fields").isEqualTo("t1");
            assertThat(form.part("size")).as("no size: the server decides").isEmpty();
            assertThat(form.part("mask")).isEmpty();
            assertThat(editor.capabilities().seeds()).isTrue();
            assertThat(editor.capabilities().masks()).isTrue();
            assertThat(editor.capabilities().stepsAndGuidance()).isTrue();
        }
    }

    @Test
    void anAnswerOfAnotherSizeIsResizedBackAndNoted() {
        fake.answerSize(128, 128);
        Picture source = TestImages.scene(90, 60, 2);
        try (Editor editor = editor(fake.baseUrl(), "model=qwen-edit", Map.of())) {
            EditResult result = editor.edit(EditCall.of(source, "warmer", 1));
            assertThat(result.image().width()).isEqualTo(90);
            assertThat(result.image().height()).isEqualTo(60);
            assertThat(result.notes()).anyMatch(n -> n.contains("128x128") && n.contains("90x60"));
        }
    }

    @Test
    void sizeSourceSendsTheSourcesSizeAndSizeIsPassedOtherwise() {
        Picture source = TestImages.scene(90, 60, 2);
        try (Editor editor = editor(fake.baseUrl(), "model=qwen-edit&size=source", Map.of())) {
            editor.edit(EditCall.of(source, "warmer", 1));
            assertThat(fake.lastForm().field("size")).isEqualTo("90x60");
        }
        try (Editor editor = editor(fake.baseUrl(), "model=qwen-edit&size=auto", Map.of())) {
            editor.edit(EditCall.of(source, "warmer", 1));
            assertThat(fake.lastForm().field("size")).isEqualTo("auto");
        }
        assertThatThrownBy(() -> editor(fake.baseUrl(), "model=m&size=big", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("size=big");
    }

    @Test
    void theMaskBecomesTransparentWhereTheEditMayHappen() {
        Picture source = TestImages.scene(40, 20, 4);
        byte[] mask = new byte[40 * 20 * 3];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                int i = (y * 40 + x) * 3;
                mask[i] = mask[i + 1] = mask[i + 2] = (byte) 255; // white left half: may change
            }
        }
        try (Editor editor = editor(fake.baseUrl(), "model=qwen-edit", Map.of())) {
            Picture edited = editor.edit(new EditCall(source, "brighter", 5, Picture.ofBgr(40, 20, mask), Map.of()))
                    .image();
            Picture full = FakeOpenAiImagesServer.brighten(source, "brighter", 5);
            int left = (10 * 40 + 5) * 3;
            int right = (10 * 40 + 30) * 3;
            assertThat(edited.bgr()[left]).as("left half edited").isEqualTo(full.bgr()[left]);
            assertThat(edited.bgr()[right]).as("right half kept").isEqualTo(source.bgr()[right]);
            assertThat(fake.lastForm().part("mask").orElseThrow().contentType()).isEqualTo("image/png");
        }
    }

    @Test
    void referenceImagesGoAsImageArrayPartsSourceFirstAndTheLimitFollowsTheModel() {
        Picture source = TestImages.scene(40, 20, 4);
        Picture hat = TestImages.scene(30, 30, 5);
        Picture scarf = TestImages.scene(20, 10, 6);
        try (Editor editor = editor(fake.baseUrl(), "model=gpt-image-1", Map.of())) {
            assertThat(editor.capabilities().maxImages()).isEqualTo(16);
            assertThat(editor.capabilities().multipleImages()).isTrue();
            editor.edit(EditCall.of(source, "put the hat from image 2 on it", 1).withReferences(List.of(hat, scarf)));

            MultipartForm form = fake.lastForm();
            assertThat(form.part("image"))
                    .as("several images go as image[] only")
                    .isEmpty();
            assertThat(form.all("image[]")).hasSize(3);
            List<Picture> received = fake.lastImages();
            assertThat(received.get(0).samePixels(source))
                    .as("the image to edit first")
                    .isTrue();
            assertThat(received.get(1).samePixels(hat)).isTrue();
            assertThat(received.get(2).samePixels(scarf)).isTrue();
        }
        try (Editor editor = editor(fake.baseUrl(), "model=Qwen/Qwen-Image-Edit-2509", Map.of())) {
            assertThat(editor.capabilities().maxImages()).isEqualTo(3);
        }
        try (Editor editor = editor(fake.baseUrl(), "model=qwen-edit", Map.of())) {
            assertThat(editor.capabilities().maxImages()).isEqualTo(1);
            editor.edit(EditCall.of(source, "warmer", 1));
            assertThat(fake.lastForm().part("image"))
                    .as("one image goes as image, as before")
                    .isPresent();
        }
        try (Editor editor = editor(fake.baseUrl(), "model=qwen-edit&max_images=2", Map.of())) {
            assertThat(editor.capabilities().maxImages()).isEqualTo(2);
        }
        assertThatThrownBy(() -> editor(fake.baseUrl(), "model=qwen-edit&max_images=40", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("max_images");
    }

    @Test
    void openAiItselfGetsNoSeedAndNeedsAKey() throws Exception {
        BackendSpec hosted = BackendSpec.parse("openai-images:https://api.openai.com/v1?model=gpt-image-1");
        try (OpenAiImagesEditor editor = new OpenAiImagesEditor(hosted, Map.of("OPENAI_API_KEY", KEY))) {
            assertThat(editor.fields(EditCall.of(TestImages.scene(8, 8, 1), "x", 9)))
                    .doesNotContainKey("seed")
                    .containsEntry("model", "gpt-image-1");
            assertThat(editor.capabilities().seeds()).isFalse();
            assertThat(editor.describe()).doesNotContain(KEY);
        }
        BackendSpec withSeed =
                BackendSpec.parse("openai-images:https://api.openai.com/v1?model=gpt-image-1&send_seed=true");
        try (OpenAiImagesEditor editor = new OpenAiImagesEditor(withSeed, Map.of("OPENAI_API_KEY", KEY))) {
            assertThat(editor.fields(EditCall.of(TestImages.scene(8, 8, 1), "x", 9)))
                    .containsEntry("seed", "9");
        }
        assertThatThrownBy(() -> new OpenAiImagesEditor(BackendSpec.parse("openai-images?model=gpt-image-1"), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void aServerThatRejectsUnknownFieldsIsServedWithSendSeedFalse() {
        fake.rejectUnknownFields(true);
        Picture source = TestImages.scene(30, 20, 1);
        try (Editor editor = editor(fake.baseUrl(), "model=qwen-edit", Map.of())) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "brighter", 3)))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("Unknown parameter: 'seed'");
        }
        try (Editor editor = editor(fake.baseUrl(), "model=qwen-edit&send_seed=false", Map.of())) {
            EditResult result = editor.edit(EditCall.of(source, "brighter", 3));
            assertThat(result.image().samePixels(FakeOpenAiImagesServer.brighten(source, "brighter", 0)))
                    .isTrue();
            assertThat(editor.capabilities().seeds()).isFalse();
        }
    }

    @Test
    void aProxyInFrontOfGptImageGetsNoSeedBecauseTheModelTakesNone() {
        fake.rejectUnknownFields(true); // as OpenAI does, behind whatever host name
        Picture source = TestImages.scene(30, 20, 1);
        try (Editor editor = editor(fake.baseUrl(), "model=gpt-image-1", Map.of())) {
            EditResult result = editor.edit(EditCall.of(source, "brighter", 3));
            assertThat(result.image().samePixels(FakeOpenAiImagesServer.brighten(source, "brighter", 0)))
                    .isTrue();
            assertThat(fake.lastForm().field("seed")).isNull();
            assertThat(editor.capabilities().seeds()).isFalse();
        }
        try (Editor editor = editor(fake.baseUrl(), "model=gpt-image-1&send_seed=true", Map.of())) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "brighter", 3)))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("Unknown parameter: 'seed'");
        }
    }

    @Test
    void theSeedIsSentByTheModelsCapabilitiesNotTheHost() {
        assertThat(OpenAiImagesEditor.takesSeed("gpt-image-1")).isFalse();
        assertThat(OpenAiImagesEditor.takesSeed("openai/gpt-image-1-mini")).isFalse();
        assertThat(OpenAiImagesEditor.takesSeed("dall-e-2")).isFalse();
        assertThat(OpenAiImagesEditor.takesSeed("Qwen/Qwen-Image-Edit-2511")).isTrue();
        fake.rejectUnknownFields(false);
        Picture source = TestImages.scene(30, 20, 1);
        try (Editor editor = editor(fake.baseUrl(), "model=Qwen/Qwen-Image-Edit-2511", Map.of())) {
            editor.edit(EditCall.of(source, "brighter", 3));
            assertThat(fake.lastForm().field("seed")).isNotNull();
        }
    }

    @Test
    void aModelIsRequired() {
        assertThatThrownBy(() -> new OpenAiImagesEditor(BackendSpec.parse("openai-images:" + fake.baseUrl()), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model=");
    }

    @Test
    void aReplyWithAUrlOnlySaysHowToGetBase64() {
        fake.urlOnly(true);
        try (Editor editor = editor(fake.baseUrl(), "model=qwen-edit", Map.of())) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(TestImages.scene(20, 20, 1), "x", 1)))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("URL only")
                    .hasMessageContaining("response_format=b64_json");
        }
    }

    @Test
    void aPoolOfTwoServersTakesTurnsAndSurvivesOneGoingDown() {
        try (FakeOpenAiImagesServer second = new FakeOpenAiImagesServer()) {
            String spec = "openai-images:" + fake.baseUrl() + "," + second.baseUrl() + "?model=qwen-edit&retry_delay=0";
            Picture source = TestImages.scene(24, 16, 1);
            try (Editor editor = BackendRegistry.load().editor(spec)) {
                editor.edit(EditCall.of(source, "a", 1));
                editor.edit(EditCall.of(source, "b", 1));
                assertThat(fake.forms()).hasSize(1);
                assertThat(second.forms()).hasSize(1);

                second.close();
                for (int i = 0; i < 3; i++) {
                    EditResult result = editor.edit(EditCall.of(source, "c", 1));
                    assertThat(result.image().width()).isEqualTo(24);
                }
                assertThat(fake.forms()).hasSize(4);
            }
        }
    }

    @Test
    void checkReportsModelKeyAndReachability() {
        BackendSpec good = BackendSpec.parse("openai-images:" + fake.baseUrl() + "?model=qwen-edit");
        BackendCheck row = new OpenAiImagesProvider().check(good, Map.of()).get(0);
        assertThat(row.ok()).isTrue();
        assertThat(row.model()).isEqualTo(Status.OK);
        assertThat(row.roundTripMillis()).as("no paid edit by default").isNull();
        assertThat(fake.forms()).isEmpty();

        BackendSpec timed = BackendSpec.parse("openai-images:" + fake.baseUrl() + "?model=qwen-edit&check_edit=true");
        BackendCheck timedRow =
                new OpenAiImagesProvider().check(timed, Map.of()).get(0);
        assertThat(timedRow.roundTripMillis()).isNotNull();
        assertThat(fake.forms()).hasSize(1);

        BackendSpec missing = BackendSpec.parse("openai-images:" + fake.baseUrl() + "?model=flux-pro");
        BackendCheck missingRow =
                new OpenAiImagesProvider().check(missing, Map.of()).get(0);
        assertThat(missingRow.model()).isEqualTo(Status.FAILED);
        assertThat(missingRow.detail()).contains("flux-pro").contains("qwen-edit");

        fake.requireKey(KEY);
        BackendCheck refused = new OpenAiImagesProvider()
                .check(good, Map.of("OPENAI_API_KEY", "sk-other-1234567"))
                .get(0);
        assertThat(refused.authenticated()).isEqualTo(Status.FAILED);
        assertThat(refused.detail()).contains("OPENAI_API_KEY").doesNotContain("sk-other-1234567");

        BackendCheck noKey = new OpenAiImagesProvider()
                .check(
                        BackendSpec.parse(
                                "openai-images:https://api.openai.com/v1?model=gpt-image-1&key_env=EDITLOOP_TEST_UNSET_KEY"),
                        dev.editloop.core.spi.BackendRole.EDITOR)
                .get(0);
        assertThat(noKey.authenticated()).isEqualTo(Status.FAILED);
        assertThat(noKey.ok()).isFalse();

        fake.close();
        BackendCheck down = new OpenAiImagesProvider().check(good, Map.of()).get(0);
        assertThat(down.reachable()).isEqualTo(Status.FAILED);
        assertThat(down.ok()).isFalse();
    }

    @Test
    void aServerWithoutAModelListPassesTheCheckWithTheModelUnknown() {
        fake.failNext("/v1/models", 1, 404, "application/json", "{\"detail\":\"Not Found\"}");
        BackendSpec spec = BackendSpec.parse("openai-images:" + fake.baseUrl() + "?model=Qwen/Qwen-Image-Edit");
        BackendCheck row = new OpenAiImagesProvider().check(spec, Map.of()).get(0);
        assertThat(row.ok()).isTrue();
        assertThat(row.model()).isEqualTo(Status.UNKNOWN);
        assertThat(row.detail()).contains("no model list");
    }

    @Test
    void theRegistryKnowsTheKindWithRetries() {
        BackendRegistry registry = BackendRegistry.load();
        assertThat(registry.providers()).containsKey("openai-images");
        assertThat(registry.providers()
                        .get("openai-images")
                        .defaultRetryPolicy()
                        .retries())
                .isTrue();
    }

    @Test
    void theMaskPngIsTransparentExactlyWhereTheMaskIsWhite() throws Exception {
        byte[] png = OpenAiImagesEditor.maskPng(Picture.solid(4, 2, Color.WHITE));
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat(image.getRGB(1, 1) >>> 24).isZero();
        byte[] black = OpenAiImagesEditor.maskPng(Picture.solid(4, 2, Color.BLACK));
        var opaque = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(black));
        assertThat(opaque.getRGB(1, 1) >>> 24).isEqualTo(255);
        assertThat(List.of(RemoteChecks.wireSeed(-1), RemoteChecks.wireSeed(42)))
                .containsExactly((1L << 31) - 1, 42L);
    }
}
