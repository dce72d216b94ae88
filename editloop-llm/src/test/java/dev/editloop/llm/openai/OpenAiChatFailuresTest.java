package dev.editloop.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How HTTP and transport failures of a chat server reach the caller: EditLoop exceptions, one clear line, no key. */
class OpenAiChatFailuresTest {
    private static final String SECRET = "sk-test-0123456789abcdef";

    private final FakeOpenAiChatServer server = new FakeOpenAiChatServer();
    private final Picture picture = TestImages.scene(64, 48, 1);

    @AfterEach
    void stop() {
        server.close();
    }

    private Thinker thinker(Map<String, String> env, String params) {
        String spec = "openai-chat:" + server.v1() + "?model=" + FakeOpenAiChatServer.DEFAULT_MODEL
                + (params.isEmpty() ? "" : "&" + params);
        return new OpenAiChatProvider(env).thinker(BackendSpec.parse(spec));
    }

    private EditLoopException critiqueFails(Thinker thinker) {
        EditLoopException e = catchThrowableOfType(
                EditLoopException.class,
                () -> thinker.critique(CritiqueCall.compare(picture, picture, "brighter", "brighter", 1, 1)));
        assertThat(e).as("an EditLoop exception").isNotNull();
        assertThat(e.getMessage()).contains("openai-chat at " + server.v1()).doesNotContain(SECRET);
        return e;
    }

    @Test
    void aServerErrorIsRetriableAndLangChain4jDoesNotRetryOnItsOwn() {
        server.failNext(1, 500);
        try (Thinker thinker = thinker(Map.of(), "")) {
            EditLoopException e = critiqueFails(thinker);
            assertThat(e).isInstanceOf(RetriableException.class);
            assertThat(e.getMessage()).contains("HTTP 500").contains("fake openai-chat error 500");
        }
        assertThat(server.requests("/v1/chat"))
                .as("one attempt: retries are the wrapper's")
                .hasSize(1);
    }

    @Test
    void aRefusedKeyIsNotRetriableAndNamesTheVariableButNotTheKey() {
        server.requireKey("the-right-key-0000");
        try (Thinker thinker = thinker(Map.of("OPENAI_API_KEY", SECRET), "")) {
            EditLoopException e = critiqueFails(thinker);
            assertThat(e).isInstanceOf(NonRetriableException.class);
            assertThat(e.getMessage()).contains("authentication failed").contains("OPENAI_API_KEY");
        }
        assertThat(server.requests().get(0).header("authorization")).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void aRefusedKeyFromKeyEnvNamesThatVariable() {
        server.requireKey("the-right-key-0000");
        try (Thinker thinker = thinker(Map.of("VLLM_KEY", SECRET), "key_env=VLLM_KEY")) {
            EditLoopException e = critiqueFails(thinker);
            assertThat(e.getMessage()).contains("VLLM_KEY");
        }
    }

    @Test
    void withoutAKeyAPlaceholderIsSentAndA401SaysTheVariableIsNotSet() {
        server.requireKey("the-right-key-0000");
        try (Thinker thinker = thinker(Map.of(), "")) {
            EditLoopException e = critiqueFails(thinker);
            assertThat(e.getMessage()).contains("set the environment variable OPENAI_API_KEY (it is not set)");
        }
        assertThat(server.requests().get(0).header("authorization")).isEqualTo("Bearer EMPTY");
    }

    @Test
    void aProxyErrorPageIsDescribedByItsTitle() {
        server.htmlErrorNext(1);
        try (Thinker thinker = thinker(Map.of(), "")) {
            EditLoopException e = critiqueFails(thinker);
            assertThat(e).isInstanceOf(RetriableException.class);
            assertThat(e.getMessage()).contains("HTTP 502").contains("an HTML page ('502 Bad Gateway')");
        }
    }

    @Test
    void anHtmlPageWithStatus200IsAClearNonRetriableError() {
        server.failNext(
                null, 1, 200, "text/html", "<!DOCTYPE html><html><head><title>Sign in</title></head><body/></html>");
        try (Thinker thinker = thinker(Map.of(), "")) {
            EditLoopException e = critiqueFails(thinker);
            assertThat(e).isInstanceOf(NonRetriableException.class);
            assertThat(e.getMessage()).contains("expected a JSON reply but got an HTML page ('Sign in')");
        }
    }

    @Test
    void plainTextWithStatus200IsAClearNonRetriableError() {
        server.garbageNext(1);
        try (Thinker thinker = thinker(Map.of(), "")) {
            EditLoopException e = critiqueFails(thinker);
            assertThat(e).isInstanceOf(NonRetriableException.class);
            assertThat(e.getMessage()).contains("expected a JSON reply but got 'Lorem ipsum");
        }
    }

    @Test
    void jsonThatIsNotAChatCompletionIsAnEditLoopException() {
        server.failNext(null, 1, 200, "application/json", "{\"status\": \"ok\"}");
        try (Thinker thinker = thinker(Map.of(), "")) {
            EditLoopException e = critiqueFails(thinker);
            assertThat(e.getMessage()).contains("no choices");
        }
    }

    @Test
    void noReplyWithinTheTimeoutIsRetriable() {
        server.hangNext(1);
        try (Thinker thinker = thinker(Map.of(), "timeout=0.3")) {
            long start = System.nanoTime();
            EditLoopException e = critiqueFails(thinker);
            assertThat(e).isInstanceOf(RetriableException.class);
            assertThat(e.getMessage()).contains("no reply within the timeout");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        }
    }

    @Test
    void aServerThatIsDownIsRetriable() {
        String url = server.v1();
        server.close();
        try (Thinker thinker = new OpenAiChatProvider(Map.of())
                .thinker(BackendSpec.parse("openai-chat:" + url + "?model=m&timeout=2"))) {
            EditLoopException e = catchThrowableOfType(
                    EditLoopException.class,
                    () -> thinker.critique(CritiqueCall.compare(picture, picture, "brighter", "brighter", 1, 1)));
            assertThat(e).isInstanceOf(RetriableException.class);
            assertThat(e.getMessage()).contains("openai-chat at " + url).contains("connection refused");
        }
    }

    @Test
    void anUnknownModelIsNotRetriableAndSaysToCheckTheModelName() {
        try (Thinker thinker = new OpenAiChatProvider(Map.of())
                .thinker(BackendSpec.parse("openai-chat:" + server.v1() + "?model=no-such-model"))) {
            EditLoopException e = critiqueFails(thinker);
            assertThat(e).isInstanceOf(NonRetriableException.class);
            assertThat(e.getMessage())
                    .contains("HTTP 404")
                    .contains("model name")
                    .contains("no-such-model");
        }
    }

    @Test
    void aServerLimitedToOneImageSaysHowToStartVllm() {
        server.failNext(
                null,
                1,
                400,
                "application/json",
                "{\"object\":\"error\",\"message\":\"At most 1 image(s) may be provided in one request.\","
                        + "\"type\":\"BadRequestError\",\"code\":400}");
        try (Thinker thinker = thinker(Map.of(), "")) {
            EditLoopException e = critiqueFails(thinker);
            assertThat(e).isInstanceOf(NonRetriableException.class);
            assertThat(e.getMessage()).contains("At most 1 image(s)").contains("--limit-mm-per-prompt '{\"image\":2}'");
        }
    }
}
