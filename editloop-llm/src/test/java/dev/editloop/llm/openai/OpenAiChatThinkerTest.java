package dev.editloop.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import dev.editloop.testkit.fake.FakeOpenAiChatServer.ChatCall;
import dev.editloop.testkit.fake.FakeOpenAiChatServer.Image;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat thinker end to end against a loopback OpenAI-compatible server. */
class OpenAiChatThinkerTest {
    private static final String INSTRUCTION = "make it look like a sunset";

    private final FakeOpenAiChatServer server = new FakeOpenAiChatServer();
    private final Picture source = TestImages.scene(120, 80, 1);
    private final Picture edited = TestImages.scene(120, 80, 2);

    @AfterEach
    void stop() {
        server.close();
    }

    private Thinker thinker(String params) {
        String spec = "openai-chat:" + server.v1() + "?model=" + FakeOpenAiChatServer.DEFAULT_MODEL
                + (params.isEmpty() ? "" : "&" + params);
        return new OpenAiChatProvider(Map.of()).thinker(BackendSpec.parse(spec));
    }

    private static Picture decode(Image image) throws Exception {
        return Picture.of(ImageIO.read(new ByteArrayInputStream(image.bytes())));
    }

    @Test
    void compareSendsSourceThenEditInHighDetailWithBothInstructions() throws Exception {
        try (Thinker thinker = thinker("")) {
            Critique c =
                    thinker.critique(CritiqueCall.compare(source, edited, INSTRUCTION, "turn the sky orange", 2, 7));

            assertThat(c.valid()).as(c.reasoning()).isTrue();
            assertThat(c.semantic()).isEqualTo(6.0);
            assertThat(c.quality()).isEqualTo(8.0);
            assertThat(c.verdict()).isEqualTo(Verdict.REFINE);
            assertThat(c.refinedInstruction())
                    .isEqualTo("make the sky a deep sunset orange and keep the tower unchanged");
            assertThat(c.raw()).contains("<think>");
            assertThat(c.usage()).isEqualTo(new Usage(1200, 80));

            ChatCall call = server.lastChat();
            assertThat(call.model()).isEqualTo(FakeOpenAiChatServer.DEFAULT_MODEL);
            assertThat(call.images()).hasSize(2).allSatisfy(image -> {
                assertThat(image.pngDataUri()).isTrue();
                assertThat(image.detail()).isEqualTo("high");
            });
            assertThat(decode(call.images().get(0)).samePixels(source))
                    .as("image 1 is the source")
                    .isTrue();
            assertThat(decode(call.images().get(1)).samePixels(edited))
                    .as("image 2 is the edit")
                    .isTrue();
            assertThat(call.prompt())
                    .contains("The user's request: " + INSTRUCTION)
                    .contains("given for this edit: turn the sky orange");
            assertThat(call.field("temperature").asDouble(-1))
                    .as("temperature 0 by default")
                    .isEqualTo(0.0);
            assertThat(call.responseFormat().isMissingNode()
                            || call.responseFormat().isNull())
                    .as("tagged text unless json_schema is asked for")
                    .isTrue();
        }
    }

    @Test
    void aRegionAndReferenceImagesAreSentWithWordsSayingWhichImageIsWhich() throws Exception {
        Picture hat = TestImages.scene(60, 40, 9);
        Picture scarf = TestImages.scene(50, 50, 10);
        dev.editloop.core.region.Preservation p = new dev.editloop.core.region.Preservation(0.8, 4.0, 3.2, 0.93, 0.4);
        dev.editloop.core.region.RegionReport report = new dev.editloop.core.region.RegionReport(
                "box 0,0,60,40", true, p, p, false, null, dev.editloop.core.region.RegionReport.KEPT);
        try (Thinker thinker = thinker("")) {
            thinker.critique(new CritiqueCall(
                    dev.editloop.core.CritiqueMode.COMPARE,
                    source,
                    edited,
                    "put the hat from image 2 on the cat",
                    "put the hat from image 2 on the cat",
                    1,
                    null,
                    0,
                    List.of(hat, scarf),
                    dev.editloop.core.region.Region.box(0, 0, 60, 40, 120, 80),
                    report));

            ChatCall call = server.lastChat();
            assertThat(call.images()).hasSize(4);
            assertThat(decode(call.images().get(2)).samePixels(hat))
                    .as("image 3 is the first reference")
                    .isTrue();
            assertThat(decode(call.images().get(3)).samePixels(scarf))
                    .as("image 4 is the second")
                    .isTrue();
            assertThat(call.prompt())
                    .contains("confined to a region of the picture: box 0,0,60,40")
                    .contains("ΔE 3.20")
                    .contains("- Image 3 here is the user's image 2 (reference 1)")
                    .contains("- Image 4 here is the user's image 3 (reference 2)")
                    .contains("<region>x, y, w, h</region>");
        }
    }

    @Test
    void aPlanSeesTheReferencesAfterTheSourceAndIsToldWhichIsWhich() throws Exception {
        Picture hat = TestImages.scene(60, 40, 9);
        try (Thinker thinker = thinker("")) {
            thinker.plan(new dev.editloop.core.PlanCall(
                    dev.editloop.core.PlanKind.REWRITE, source, "put the hat from image 2 on it", 3, 0, List.of(hat)));

            ChatCall call = server.lastChat();
            assertThat(call.images()).hasSize(2);
            assertThat(decode(call.images().get(1)).samePixels(hat)).isTrue();
            assertThat(call.prompt()).contains("- Image 2 here is the user's image 2 (reference 1)");
        }
    }

    @Test
    void aReplyMayProposeARegion() throws Exception {
        server.script("<think>only the sky</think><score>[5, 9]</score><answer>make the sky orange</answer>"
                + "<region>0, 0, 120, 30</region>");
        try (Thinker thinker = thinker("")) {
            Critique c = thinker.critique(CritiqueCall.compare(source, edited, INSTRUCTION, INSTRUCTION, 1, 0));
            assertThat(c.refinedInstruction()).isEqualTo("make the sky orange");
            assertThat(c.region()).containsExactly(new dev.editloop.core.region.Box(0, 0, 120, 30));
        }
    }

    @Test
    void reflectSendsTheEditAloneWithTheTargetDescription() throws Exception {
        try (Thinker thinker = thinker("")) {
            Critique c = thinker.critique(new CritiqueCall(
                    CritiqueMode.REFLECT,
                    source,
                    edited,
                    INSTRUCTION,
                    "turn the sky orange",
                    1,
                    "A deep orange sky over the same street.",
                    3));

            assertThat(c.verdict()).isEqualTo(Verdict.SUCCESS);
            assertThat(c.semantic()).isEqualTo(9.0);
            assertThat(c.targetDescription()).isEqualTo("A deep orange sky over the same street.");
            ChatCall call = server.lastChat();
            assertThat(call.images()).hasSize(1);
            assertThat(decode(call.images().get(0)).samePixels(edited)).isTrue();
            assertThat(call.prompt())
                    .contains("A deep orange sky over the same street.")
                    .contains("The edit instruction was: turn the sky orange");
        }
    }

    @Test
    void rewritePlanSendsTheSourceWithTheInstruction() throws Exception {
        try (Thinker thinker = thinker("")) {
            Plan plan = thinker.plan(new PlanCall(PlanKind.REWRITE, source, INSTRUCTION, 3, 1));

            assertThat(plan.instruction()).isEqualTo("turn the sky deep orange; add warm light on the walls");
            assertThat(plan.targetDescription()).isNull();
            assertThat(plan.usage()).isEqualTo(new Usage(1200, 80));
            ChatCall call = server.lastChat();
            assertThat(call.images()).hasSize(1);
            assertThat(decode(call.images().get(0)).samePixels(source)).isTrue();
            assertThat(call.prompt())
                    .contains("The user's request: " + INSTRUCTION)
                    .contains("at most 3 concrete");
        }
    }

    @Test
    void describeTargetPlanKeepsTheInstructionAndReturnsTheDescription() {
        try (Thinker thinker = thinker("")) {
            Plan plan = thinker.plan(new PlanCall(PlanKind.DESCRIBE_TARGET, source, INSTRUCTION, 3, 1));

            assertThat(plan.instruction()).isEqualTo(INSTRUCTION);
            assertThat(plan.targetDescription()).startsWith("The same street at sunset");
            assertThat(server.lastChat().prompt()).contains("<target>");
        }
    }

    @Test
    void picturesAboveTheBudgetAreScaledDownAndOthersAreSentAsTheyAre() throws Exception {
        Picture big = TestImages.scene(400, 300, 5);
        try (Thinker thinker = thinker("image_budget=" + 200 * 150)) {
            thinker.critique(CritiqueCall.compare(big, source, INSTRUCTION, INSTRUCTION, 1, 1));
        }
        List<Image> images = server.lastChat().images();
        Picture sentBig = decode(images.get(0));
        assertThat((long) sentBig.width() * sentBig.height()).isLessThanOrEqualTo(200L * 150);
        assertThat(sentBig.width()).isEqualTo(200);
        assertThat(decode(images.get(1)).samePixels(source))
                .as("within the budget: unchanged")
                .isTrue();
        assertThat(Images.fitWithin(big, 200L * 150).samePixels(sentBig)).isTrue();
    }

    @Test
    void picturesAreSentAsPngByDefault() throws Exception {
        try (Thinker thinker = thinker("")) {
            thinker.critique(CritiqueCall.compare(source, edited, INSTRUCTION, INSTRUCTION, 1, 1));
        }
        for (Image image : server.lastChat().images()) {
            assertThat(image.mediaType()).isEqualTo("image/png");
            assertThat(image.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
        assertThat(decode(server.lastChat().images().get(0)).samePixels(source)).isTrue();
    }

    @Test
    void withImageFormatJpegPicturesAreSentAsJpegAtTheGivenQuality() throws Exception {
        Picture photo = TestImages.coffee();
        try (Thinker thinker = thinker("image_format=jpeg&jpeg_quality=80")) {
            thinker.critique(CritiqueCall.compare(photo, photo, INSTRUCTION, INSTRUCTION, 1, 1));
        }
        List<Image> images = server.lastChat().images();
        assertThat(images).hasSize(2);
        for (Image image : images) {
            assertThat(image.url()).startsWith("data:image/jpeg;base64,");
            assertThat(image.mediaType()).isEqualTo("image/jpeg");
            assertThat(image.bytes()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        }
        Picture fit = Images.fitWithin(photo, dev.editloop.llm.ChatSettings.DEFAULT_IMAGE_BUDGET);
        assertThat(decode(images.get(0)).width()).isEqualTo(fit.width());
        assertThat(images.get(0).bytes()).isEqualTo(Images.encodeJpeg(fit, 80));
        assertThat(images.get(0).bytes().length).isLessThan(fit.png().length / 3);
    }

    @Test
    void anUnknownImageFormatOrAQualityWithoutJpegIsRefusedInOneLine() {
        assertThatThrownBy(() -> thinker("image_format=webp"))
                .isInstanceOf(dev.editloop.core.InvalidInputException.class)
                .hasMessageContaining("image_format=webp is not supported");
        assertThatThrownBy(() -> thinker("jpeg_quality=80"))
                .isInstanceOf(dev.editloop.core.InvalidInputException.class)
                .hasMessageContaining("jpeg_quality applies to image_format=jpeg only");
        assertThatThrownBy(() -> thinker("image_format=jpeg&jpeg_quality=0"))
                .isInstanceOf(dev.editloop.core.InvalidInputException.class)
                .hasMessageContaining("jpeg_quality");
    }

    @Test
    void aPromptFileReplacesTheDefaultPrompt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my.txt");
        Files.writeString(file, "Custom review. Asked: {{original_instruction}}. Reply <think/><score/><answer/>.");
        try (Thinker thinker = thinker("prompt.think-while-edit=" + file)) {
            thinker.critique(CritiqueCall.compare(source, edited, INSTRUCTION, INSTRUCTION, 1, 1));
        }
        assertThat(server.lastChat().prompt())
                .isEqualTo("Custom review. Asked: " + INSTRUCTION + ". Reply <think/><score/><answer/>.");
    }

    @Test
    void aPromptFileWithAnUnknownPlaceholderFailsAtCreation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "Review {{source_caption}}");
        assertThatThrownBy(() -> thinker("prompt.think-while-edit=" + file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("{{source_caption}}");
    }

    @Test
    void jsonSchemaOptionSendsAStrictSchemaAndTheJsonReplyIsRead() {
        try (Thinker thinker = thinker("response_format=json_schema")) {
            Critique c = thinker.critique(CritiqueCall.compare(source, edited, INSTRUCTION, INSTRUCTION, 1, 1));
            assertThat(c.valid()).as(c.reasoning()).isTrue();
            assertThat(c.semantic()).isEqualTo(6.0);
            assertThat(c.refinedInstruction()).startsWith("make the sky");
            assertThat(c.raw()).startsWith("{");

            var format = server.lastChat().responseFormat();
            assertThat(format.path("type").asText()).isEqualTo("json_schema");
            assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
            var properties = format.path("json_schema").path("schema").path("properties");
            assertThat(properties.has("reasoning")
                            && properties.has("semantic")
                            && properties.has("quality")
                            && properties.has("answer"))
                    .as(properties.toString())
                    .isTrue();

            Plan plan = thinker.plan(new PlanCall(PlanKind.DESCRIBE_TARGET, source, INSTRUCTION, 3, 1));
            assertThat(plan.targetDescription()).startsWith("The same street");
            assertThat(server.lastChat()
                            .responseFormat()
                            .path("json_schema")
                            .path("schema")
                            .path("properties")
                            .has("target"))
                    .isTrue();
        }
    }

    @Test
    void extraFieldsSeedAndLimitsGoIntoTheRequest() {
        try (Thinker thinker = thinker("extra.chat_template_kwargs=" + "%7B%22enable_thinking%22%3Afalse%7D"
                + "&extra.top_k=20&extra.mode=fast&seed=42&max_tokens=900&temperature=0.3")) {
            thinker.critique(CritiqueCall.compare(source, edited, INSTRUCTION, INSTRUCTION, 1, 1));
        }
        ChatCall call = server.lastChat();
        assertThat(call.field("chat_template_kwargs").path("enable_thinking").isBoolean())
                .as(call.body().toString())
                .isTrue();
        assertThat(call.field("chat_template_kwargs").path("enable_thinking").asBoolean())
                .isFalse();
        assertThat(call.field("top_k").asInt()).isEqualTo(20);
        assertThat(call.field("mode").asText()).isEqualTo("fast");
        assertThat(call.field("seed").asInt()).isEqualTo(42);
        assertThat(call.field("max_tokens").asInt()).isEqualTo(900);
        assertThat(call.field("temperature").asDouble()).isEqualTo(0.3);
    }

    @Test
    void garbageThenAGoodReplyGivesAValidCritiqueWithUsageOfBothCalls() {
        server.script("I like this picture a lot!");
        try (Thinker thinker = thinker("")) {
            Critique c = thinker.critique(CritiqueCall.compare(source, edited, INSTRUCTION, INSTRUCTION, 1, 1));

            assertThat(c.valid()).isTrue();
            assertThat(c.semantic()).isEqualTo(6.0);
            assertThat(c.usage()).isEqualTo(new Usage(2400, 160));
        }
        List<ChatCall> calls = server.chatCalls();
        assertThat(calls).hasSize(2);
        ChatCall repair = calls.get(1);
        assertThat(repair.roles()).containsExactly("user", "assistant", "user");
        assertThat(repair.body().path("messages").get(1).path("content").asText())
                .isEqualTo("I like this picture a lot!");
        assertThat(repair.lastUserText()).contains("could not be used").contains("<score>");
    }

    @Test
    void garbageTwiceGivesAnInvalidCritiqueThatKeepsTheRawText() {
        server.script("I like this picture a lot!", "Still no scores, sorry.");
        try (Thinker thinker = thinker("")) {
            Critique c = thinker.critique(CritiqueCall.compare(source, edited, INSTRUCTION, INSTRUCTION, 1, 1));

            assertThat(c.valid()).isFalse();
            assertThat(c.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(c.semantic()).isNull();
            assertThat(c.quality()).isNull();
            assertThat(c.raw()).isEqualTo("Still no scores, sorry.");
            assertThat(c.reasoning()).contains("missing score");
            assertThat(c.usage()).isEqualTo(new Usage(2400, 160));
        }
        assertThat(server.chatCalls()).hasSize(2);
    }

    @Test
    void repairsZeroSendsNoRepair() {
        server.script("no scores here");
        try (Thinker thinker = thinker("repairs=0")) {
            Critique c = thinker.critique(CritiqueCall.compare(source, edited, INSTRUCTION, INSTRUCTION, 1, 1));
            assertThat(c.valid()).isFalse();
        }
        assertThat(server.chatCalls()).hasSize(1);
    }

    @Test
    void anUnreadablePlanAfterItsRepairIsAnErrorNamingTheBackendAndWhatWasMissing() {
        server.script("", "");
        try (Thinker thinker = thinker("")) {
            assertThatThrownBy(() -> thinker.plan(new PlanCall(PlanKind.DESCRIBE_TARGET, source, INSTRUCTION, 3, 1)))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("openai-chat at " + server.v1())
                    .hasMessageContaining("target description could not be read")
                    .hasMessageContaining("empty reply");
        }
        assertThat(server.chatCalls()).hasSize(2);
    }
}
