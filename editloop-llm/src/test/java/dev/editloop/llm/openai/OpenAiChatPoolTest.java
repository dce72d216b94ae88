package dev.editloop.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several endpoints of one thinker: round robin, and failover through the registry's retry wrapper. */
class OpenAiChatPoolTest {
    private final FakeOpenAiChatServer first = new FakeOpenAiChatServer();
    private final FakeOpenAiChatServer second = new FakeOpenAiChatServer();
    private final BackendRegistry registry = BackendRegistry.of(List.of(new OpenAiChatProvider(Map.of())));
    private final Picture picture = TestImages.scene(48, 32, 1);

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private String spec() {
        return "openai-chat:" + first.v1() + "," + second.v1() + "?model=" + FakeOpenAiChatServer.DEFAULT_MODEL
                + "&retry_delay=0&timeout=2";
    }

    private Critique critique(Thinker thinker) {
        return thinker.critique(CritiqueCall.compare(picture, picture, "brighter", "brighter", 1, 1));
    }

    @Test
    void requestsTakeTurnsOverTheEndpoints() {
        try (Thinker thinker = registry.thinker(spec())) {
            for (int i = 0; i < 4; i++) {
                assertThat(critique(thinker).valid()).isTrue();
            }
            assertThat(thinker.describe())
                    .isEqualTo("openai-chat:" + first.v1() + "," + second.v1() + "?model=fake-vl");
        }
        assertThat(first.chatCalls()).hasSize(2);
        assertThat(second.chatCalls()).hasSize(2);
    }

    @Test
    void whenOneEndpointIsDownEveryCallSucceedsOnTheOther() {
        second.close();
        try (Thinker thinker = registry.thinker(spec())) {
            for (int i = 0; i < 4; i++) {
                assertThat(critique(thinker).valid()).isTrue();
            }
        }
        assertThat(first.chatCalls()).hasSize(4);
    }

    @Test
    void aServerErrorOnOneEndpointIsRetriedOnTheOther() {
        first.failNext(1, 503);
        try (Thinker thinker = registry.thinker(spec())) {
            assertThat(critique(thinker).valid()).isTrue();
        }
        assertThat(first.requests("/v1/chat")).hasSize(1);
        assertThat(second.chatCalls()).hasSize(1);
    }
}
