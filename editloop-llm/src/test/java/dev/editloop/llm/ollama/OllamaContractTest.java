package dev.editloop.llm.ollama;

import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.contract.JudgeContract;
import dev.editloop.testkit.contract.ThinkerContract;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The thinker and judge contracts for ollama, against a loopback Ollama. */
class OllamaContractTest {
    private final FakeOllamaServer server = new FakeOllamaServer();
    private final FakeOllamaServer failing = new FakeOllamaServer();
    private final OllamaProvider provider = new OllamaProvider(Map.of());

    OllamaContractTest() {
        failing.failNext(1000, 500);
    }

    @AfterEach
    void stop() {
        server.close();
        failing.close();
    }

    private BackendSpec spec(FakeOllamaServer fake) {
        return BackendSpec.parse("ollama:" + fake.baseUri() + "?model=qwen2.5vl");
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
    }
}
