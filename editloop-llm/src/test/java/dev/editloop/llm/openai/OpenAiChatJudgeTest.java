package dev.editloop.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.Criterion;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.JudgeImage;
import dev.editloop.core.Judgement;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.VieQuestions;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import dev.editloop.testkit.fake.FakeOpenAiChatServer.ChatCall;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The chat judge against a loopback OpenAI-compatible server: images, labels, parsing, range checks, repairs. */
class OpenAiChatJudgeTest {
    private final FakeOpenAiChatServer server = new FakeOpenAiChatServer();
    private final Picture source = TestImages.scene(80, 60, 1);
    private final Picture edited = TestImages.scene(80, 60, 2);
    private final Picture reference = TestImages.scene(80, 60, 3);
    private final JudgeCall call = VieQuestions.semantic(source, edited, "make the sky orange", 1);

    /** A RISE-like question: edit then reference, two criteria on 1-5. */
    private final JudgeCall fiveScale = new JudgeCall(
            "rise",
            "reasoning",
            List.of(JudgeImage.edited(edited), JudgeImage.reference(reference)),
            "Does the EDITED image match the REFERENCE? Score reasoning and plausibility.",
            List.of(
                    new Criterion("reasoning", 1, 5, Criterion.Meaning.INSTRUCTION),
                    new Criterion("plausibility", 1, 5, Criterion.Meaning.QUALITY)),
            "make the sky orange",
            "an orange sky",
            1);

    @AfterEach
    void stop() {
        server.close();
    }

    private Judge judge(String params) {
        return new OpenAiChatProvider(Map.of())
                .judge(BackendSpec.parse(
                        "openai-chat:" + server.v1() + "?model=fake-vl" + (params.isEmpty() ? "" : "&" + params)));
    }

    private static Picture decode(FakeOpenAiChatServer.Image image) throws Exception {
        return Picture.of(ImageIO.read(new ByteArrayInputStream(image.bytes())));
    }

    @Test
    void sendsTheImagesInOrderEachLabelledAndReadsOneValuePerCriterion() throws Exception {
        try (Judge judge = judge("")) {
            Judgement j = judge.judge(fiveScale);
            assertThat(j.protocol()).isEqualTo("rise");
            assertThat(j.scores()).containsExactly(Map.entry("reasoning", 4.0), Map.entry("plausibility", 5.0));
            assertThat(j.reasoning()).contains("The sky changed as asked");
            assertThat(j.usage()).isEqualTo(new Usage(1200, 80));
            assertThat(j.model()).as("the model the server reported").isEqualTo("fake-vl");
        }
        ChatCall c = server.lastChat();
        assertThat(c.images()).hasSize(2);
        assertThat(decode(c.images().get(0)).samePixels(edited)).isTrue();
        assertThat(decode(c.images().get(1)).samePixels(reference)).isTrue();
        String prompt = c.prompt();
        assertThat(prompt).contains("Image 1: the EDITED image").contains("Image 2: the REFERENCE image");
        assertThat(prompt.indexOf("Image 1:")).isLessThan(prompt.indexOf("Image 2:"));
        assertThat(prompt).contains("Does the EDITED image match the REFERENCE?");
        assertThat(prompt).contains("\"reasoning\": <integer 1-5>").contains("\"plausibility\": <integer 1-5>");
    }

    @Test
    void nameValueLinesAndBareListsAreReadToo() {
        server.script(
                "Edit success: 6\nOver-editing: 9.5\nThe sky is orange.",
                "My grades: [8, 7]",
                "```json\n{'Edit Success': '7/10', overediting: 10,}\n```");
        try (Judge judge = judge("")) {
            assertThat(judge.judge(call).scores())
                    .containsExactly(Map.entry("edit_success", 6.0), Map.entry("overediting", 9.5));
            assertThat(judge.judge(call).scores())
                    .containsExactly(Map.entry("edit_success", 8.0), Map.entry("overediting", 7.0));
            assertThat(judge.judge(call).scores())
                    .containsExactly(Map.entry("edit_success", 7.0), Map.entry("overediting", 10.0));
        }
    }

    @Test
    void anUnreadableReplyIsRepairedOnceWithTheExpectedForm() {
        server.script("Looks great to me!");
        try (Judge judge = judge("")) {
            Judgement j = judge.judge(call);
            assertThat(j.score("edit_success")).isEqualTo(7.0);
            assertThat(j.usage()).isEqualTo(new Usage(2400, 160));
            assertThat(j.raw()).contains("Looks great to me!").contains("[repair]");
        }
        ChatCall repair = server.chatCalls().get(1);
        assertThat(repair.roles()).containsExactly("user", "assistant", "user");
        assertThat(repair.lastUserText())
                .contains("could not be used")
                .contains("no JSON object")
                .contains("\"edit_success\": <integer 0-10>");
    }

    @Test
    void aScoreOffItsScaleIsNeverClampedButRepaired() {
        server.script("{\"reasoning\": 6, \"plausibility\": 4, \"reasoning_text\": \"percent\"}");
        try (Judge judge = judge("")) {
            Judgement j = judge.judge(fiveScale);
            assertThat(j.score("reasoning")).isEqualTo(4.0);
        }
        assertThat(server.chatCalls().get(1).lastUserText()).contains("reasoning 6 is out of range: not within 1-5");
    }

    @Test
    void stillUnreadableAfterTheRepairIsAnErrorNamingWhatWasUnreadable() {
        server.script("{\"edit_success\": 7}", "{\"edit_success\": 7, \"overediting\": 11}");
        try (Judge judge = judge("")) {
            assertThatThrownBy(() -> judge.judge(call))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("openai-chat at " + server.v1())
                    .hasMessageContaining("judge reply had no readable scores for question vie/semantic")
                    .hasMessageContaining("overediting 11 is out of range")
                    .hasMessageContaining("after 1 repair");
        }
        assertThat(server.chatCalls()).hasSize(2);
        assertThat(server.chatCalls().get(1).lastUserText()).contains("no value for overediting");
    }

    @Test
    void repairsZeroFailsAtTheFirstUnreadableReply() {
        server.script("nothing useful");
        try (Judge judge = judge("repairs=0")) {
            assertThatThrownBy(() -> judge.judge(call))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageNotContaining("after");
        }
        assertThat(server.chatCalls()).hasSize(1);
    }

    @Test
    void jsonSchemaOptionAsksForOneIntegerPerCriterion() {
        try (Judge judge = judge("response_format=json_schema")) {
            judge.judge(fiveScale);
        }
        var schema = server.lastChat().responseFormat().path("json_schema").path("schema");
        assertThat(schema.path("properties").path("reasoning").path("type").asText())
                .isEqualTo("integer");
        assertThat(schema.path("properties").path("plausibility").path("type").asText())
                .isEqualTo("integer");
        assertThat(schema.path("required").toString()).contains("plausibility");
    }
}
