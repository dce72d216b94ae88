package dev.editloop.llm.gemini;

import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.testkit.contract.JudgeContract;
import dev.editloop.testkit.contract.ThinkerContract;
import dev.editloop.testkit.fake.FakeGeminiServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The thinker and judge contracts for gemini, against the loopback Gemini API with its key required. */
class GeminiContractTest {
    private final FakeGeminiServer server = GeminiProviderTest.answering(new FakeGeminiServer());
    private final FakeGeminiServer failing = new FakeGeminiServer();
    private final GeminiProvider provider = new GeminiProvider(Map.of("GEMINI_API_KEY", GeminiProviderTest.SECRET));

    GeminiContractTest() {
        server.requireGoogleKey(GeminiProviderTest.SECRET);
        failing.failNext(1000, 503);
    }

    @AfterEach
    void stop() {
        server.close();
        failing.close();
    }

    @Nested
    class AsThinker extends ThinkerContract {
        @Override
        protected Thinker thinker() {
            return provider.thinker(GeminiProviderTest.spec(server, ""));
        }

        @Override
        protected Optional<Thinker> failingThinker() {
            return Optional.of(provider.thinker(GeminiProviderTest.spec(failing, "")));
        }

        @Override
        protected String secret() {
            return GeminiProviderTest.SECRET;
        }
    }

    @Nested
    class AsJudge extends JudgeContract {
        @Override
        protected Judge judge() {
            return provider.judge(GeminiProviderTest.spec(server, ""));
        }

        @Override
        protected Optional<Judge> failingJudge() {
            return Optional.of(provider.judge(GeminiProviderTest.spec(failing, "")));
        }

        @Override
        protected String secret() {
            return GeminiProviderTest.SECRET;
        }
    }
}
