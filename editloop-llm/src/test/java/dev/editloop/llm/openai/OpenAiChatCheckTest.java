package dev.editloop.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code editloop backends check} rows for openai-chat. */
class OpenAiChatCheckTest {
    private static final String SECRET = "sk-test-0123456789abcdef";

    private final FakeOpenAiChatServer server = new FakeOpenAiChatServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private List<BackendCheck> check(Map<String, String> env, String spec) {
        return new OpenAiChatProvider(env).check(BackendSpec.parse(spec), BackendRole.THINKER);
    }

    @Test
    void aWorkingServerIsReachableAuthenticatedServesTheModelAndIsTimed() {
        List<BackendCheck> rows = check(Map.of(), "openai-chat:" + server.v1() + "?model=fake-vl");

        assertThat(rows).hasSize(1);
        BackendCheck row = rows.get(0);
        assertThat(row.ok()).as(row.detail()).isTrue();
        assertThat(row.endpoint()).isEqualTo(server.v1());
        assertThat(row.reachable()).isEqualTo(Status.OK);
        assertThat(row.authenticated()).isEqualTo(Status.OK);
        assertThat(row.model()).isEqualTo(Status.OK);
        assertThat(row.roundTripMillis()).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThat(row.detail()).contains("answered 'OK'");
        assertThat(server.requests("/v1/models")).hasSize(1);
        assertThat(server.lastChat().lastUserText()).contains("Reply with OK");
    }

    @Test
    void aModelTheServerDoesNotListFailsAndNamesWhatIsAvailable() {
        server.models("Qwen/Qwen3-VL-8B-Instruct", "EditThinker-8B");
        BackendCheck row =
                check(Map.of(), "openai-chat:" + server.v1() + "?model=gpt-4.1").get(0);

        assertThat(row.ok()).isFalse();
        assertThat(row.reachable()).isEqualTo(Status.OK);
        assertThat(row.authenticated()).isEqualTo(Status.OK);
        assertThat(row.model()).isEqualTo(Status.FAILED);
        assertThat(row.detail())
                .contains("'gpt-4.1' is not served here")
                .contains("EditThinker-8B, Qwen/Qwen3-VL-8B-Instruct");
        assertThat(row.roundTripMillis()).isNull();
        assertThat(server.chatCalls()).as("no round trip with a wrong model").isEmpty();
    }

    @Test
    void aRefusedKeyFailsAuthenticationNamingTheVariableWithoutTheKey() {
        server.requireKey("the-right-key-0000");
        BackendCheck row = check(Map.of("OPENAI_API_KEY", SECRET), "openai-chat:" + server.v1() + "?model=fake-vl")
                .get(0);

        assertThat(row.reachable()).isEqualTo(Status.OK);
        assertThat(row.authenticated()).isEqualTo(Status.FAILED);
        assertThat(row.detail()).contains("OPENAI_API_KEY").doesNotContain(SECRET);
        assertThat(row.toString()).doesNotContain(SECRET);
    }

    @Test
    void aServerThatIsDownIsUnreachable() {
        String url = server.v1();
        server.close();
        BackendCheck row = check(Map.of(), "openai-chat:" + url + "?model=fake-vl&timeout=2")
                .get(0);

        assertThat(row.reachable()).isEqualTo(Status.FAILED);
        assertThat(row.detail()).contains("connection refused");
    }

    @Test
    void aPoolGivesOneRowPerEndpoint() {
        try (FakeOpenAiChatServer other = new FakeOpenAiChatServer()) {
            other.models("something-else");
            List<BackendCheck> rows =
                    check(Map.of(), "openai-chat:" + server.v1() + "," + other.v1() + "?model=fake-vl");

            assertThat(rows).extracting(BackendCheck::endpoint).containsExactly(server.v1(), other.v1());
            assertThat(rows.get(0).ok()).isTrue();
            assertThat(rows.get(1).model()).isEqualTo(Status.FAILED);
        }
    }

    @Test
    void aSpecMistakeIsBadInput() {
        assertThatThrownBy(() -> check(Map.of(), "openai-chat:" + server.v1()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs a model");
    }
}
