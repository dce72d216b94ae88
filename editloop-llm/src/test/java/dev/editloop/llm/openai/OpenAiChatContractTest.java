package dev.editloop.llm.openai;

import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.contract.JudgeContract;
import dev.editloop.testkit.contract.ThinkerContract;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The thinker and judge contracts for openai-chat, against the fake server with a key required. */
class OpenAiChatContractTest {
    private static final String SECRET = "sk-contract-0123456789";

    private final FakeOpenAiChatServer server = new FakeOpenAiChatServer();
    private final FakeOpenAiChatServer failing = new FakeOpenAiChatServer();
    private final OpenAiChatProvider provider = new OpenAiChatProvider(Map.of("OPENAI_API_KEY", SECRET));

    OpenAiChatContractTest() {
        server.requireKey(SECRET);
        failing.failNext(1000, 500);
    }

    @AfterEach
    void stop() {
        server.close();
        failing.close();
    }

    private BackendSpec spec(FakeOpenAiChatServer fake) {
        return BackendSpec.parse("openai-chat:" + fake.v1() + "?model=" + FakeOpenAiChatServer.DEFAULT_MODEL);
    }

    @Nested
    class AsThinker extends ThinkerContract {
        @Override
        protected Thinker thinker() {
            return provider.thinker(spec(server));
        }

        @Override
        protected Optional<Thinker> failingThinker() {
            return Optional.of(provider.thinker(spec(failing)));
        }

        @Override
        protected String secret() {
            return SECRET;
        }
    }

    @Nested
    class AsJudge extends JudgeContract {
        @Override
        protected Judge judge() {
            return provider.judge(spec(server));
        }

        @Override
        protected Optional<Judge> failingJudge() {
            return Optional.of(provider.judge(spec(failing)));
        }

        @Override
        protected String secret() {
            return SECRET;
        }
    }
}
