package dev.editloop.llm.anthropic;

import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.contract.JudgeContract;
import dev.editloop.testkit.contract.ThinkerContract;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The thinker and judge contracts for anthropic, against a loopback Messages API with a key required. */
class AnthropicContractTest {
    private static final String SECRET = "sk-ant-contract-0123456789";

    private final FakeAnthropicServer server = new FakeAnthropicServer();
    private final FakeAnthropicServer failing = new FakeAnthropicServer();
    private final AnthropicProvider provider = new AnthropicProvider(Map.of("ANTHROPIC_API_KEY", SECRET));

    AnthropicContractTest() {
        server.requireKey(SECRET);
        failing.requireKey("another-key-0000");
    }

    @AfterEach
    void stop() {
        server.close();
        failing.close();
    }

    private BackendSpec spec(FakeAnthropicServer fake) {
        return BackendSpec.parse("anthropic:" + fake.v1());
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
