package dev.editloop.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import dev.editloop.testkit.fake.FakeOpenAiChatServer.ChatCall;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The VIEScore chat judge against a loopback OpenAI-compatible server. */
class OpenAiChatJudgeTest {
    private final FakeOpenAiChatServer server = new FakeOpenAiChatServer();
    private final Picture source = TestImages.scene(80, 60, 1);
    private final Picture edited = TestImages.scene(80, 60, 2);
    private final JudgeCall call = new JudgeCall(JudgeCall.VIESCORE, source, edited, "make the sky orange", 1);

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
    void semanticOnBothImagesQualityOnTheEditTheMinimumOfEachAndTheirGeometricMean() throws Exception {
        try (Judge judge = judge("")) {
            Judgement j = judge.judge(call);

            assertThat(j.protocol()).isEqualTo("viescore");
            assertThat(j.scores()).containsOnlyKeys("semantic", "quality", "overall");
            assertThat(j.score("semantic")).as("min(7, 9)").isEqualTo(7.0);
            assertThat(j.score("quality")).as("min(8, 6)").isEqualTo(6.0);
            assertThat(j.score("overall")).isCloseTo(Math.sqrt(42), within(1e-9));
            assertThat(j.reasoning()).contains("The sky changed as asked").contains("a faint seam");
            assertThat(j.raw()).contains("[7, 9]").contains("[8, 6]");
            assertThat(j.usage()).isEqualTo(new Usage(2400, 160));
        }
        List<ChatCall> calls = server.chatCalls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).images()).hasSize(2);
        assertThat(decode(calls.get(0).images().get(0)).samePixels(source)).isTrue();
        assertThat(decode(calls.get(0).images().get(1)).samePixels(edited)).isTrue();
        assertThat(calls.get(0).prompt()).contains("make the sky orange");
        assertThat(calls.get(1).images()).hasSize(1);
        assertThat(decode(calls.get(1).images().get(0)).samePixels(edited)).isTrue();
        assertThat(calls.get(1).images().get(0).detail()).isEqualTo("high");
    }

    @Test
    void aReplyInProseAndFencesWithDecimalScoresIsRead() {
        server.script(
                "Here is my grade:\n```json\n{'score': [6.5, 9,], reasoning: 'close'}\n```",
                "{\"scores\": [\"7/10\", 10], \"reasoning\": \"clean\"}");
        try (Judge judge = judge("")) {
            Judgement j = judge.judge(call);
            assertThat(j.score("semantic")).isEqualTo(6.5);
            assertThat(j.score("quality")).isEqualTo(7.0);
        }
    }

    @Test
    void anUnreadableReplyIsRepairedOnce() {
        server.script("Looks great to me!");
        try (Judge judge = judge("")) {
            Judgement j = judge.judge(call);
            assertThat(j.score("semantic")).isEqualTo(7.0);
            assertThat(j.usage()).isEqualTo(new Usage(3600, 240));
        }
        ChatCall repair = server.chatCalls().get(1);
        assertThat(repair.roles()).containsExactly("user", "assistant", "user");
        assertThat(repair.lastUserText()).contains("could not be used").contains("no JSON object");
    }

    @Test
    void aScoreOutOfRangeIsNeverClampedButRepaired() {
        server.script("{\"score\": [85, 90], \"reasoning\": \"percent\"}");
        try (Judge judge = judge("")) {
            Judgement j = judge.judge(call);
            assertThat(j.score("semantic")).isEqualTo(7.0);
        }
        assertThat(server.chatCalls().get(1).lastUserText()).contains("out of range");
    }

    @Test
    void stillUnreadableAfterTheRepairIsAnErrorNotAnInventedScore() {
        server.script("Looks great to me!", "Really, it is great.");
        try (Judge judge = judge("")) {
            assertThatThrownBy(() -> judge.judge(call))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("openai-chat at " + server.v1())
                    .hasMessageContaining("judge reply had no readable score")
                    .hasMessageContaining("semantic consistency");
        }
        assertThat(server.chatCalls()).hasSize(2);
    }

    @Test
    void anotherProtocolIsRefusedListingTheSupportedOne() {
        try (Judge judge = judge("")) {
            assertThatThrownBy(() -> judge.judge(new JudgeCall("imgedit", source, edited, "x", 1)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("imgedit")
                    .hasMessageContaining("supported: viescore");
        }
        assertThat(server.chatCalls()).isEmpty();
    }

    @Test
    void jsonSchemaOptionAsksForAScoreList() {
        try (Judge judge = judge("response_format=json_schema")) {
            judge.judge(call);
        }
        var schema = server.lastChat().responseFormat().path("json_schema").path("schema");
        assertThat(schema.path("properties").path("score").path("type").asText())
                .isEqualTo("array");
    }
}
