package dev.editloop.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.Judge;
import dev.editloop.core.Judgement;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.VieQuestions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One critique, one judgement and one check against real chat services; each runs only when its variables are set,
 * so that no test spends money or needs a GPU by surprise:
 *
 * <ul>
 *   <li>{@code EDITLOOP_TEST_OPENAI_CHAT_URL} (e.g. {@code http://127.0.0.1:8000/v1} or
 *       {@code https://api.openai.com/v1}) and {@code EDITLOOP_TEST_OPENAI_CHAT_MODEL}; key from
 *       {@code OPENAI_API_KEY} when the server needs one;
 *   <li>{@code EDITLOOP_TEST_OLLAMA_URL} and {@code EDITLOOP_TEST_OLLAMA_MODEL};
 *   <li>{@code EDITLOOP_TEST_GEMINI_MODEL} with {@code GEMINI_API_KEY};
 *   <li>{@code EDITLOOP_TEST_ANTHROPIC_MODEL} with {@code ANTHROPIC_API_KEY}.
 * </ul>
 */
class RealChatServicesTest {
    private final BackendRegistry registry = BackendRegistry.load();

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String model(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private void exercise(String spec) {
        Picture source = TestImages.scene(256, 192, 11);
        byte[] bgr = source.bgr();
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) (255 - (bgr[i] & 0xff));
        }
        Picture edited = Picture.ofBgr(source.width(), source.height(), bgr);

        List<BackendCheck> rows = registry.check(BackendSpec.parse(spec), BackendRole.THINKER);
        assertThat(rows).allSatisfy(row -> assertThat(row.ok()).as(row.detail()).isTrue());

        try (Thinker thinker = registry.thinker(spec)) {
            Critique c = thinker.critique(
                    CritiqueCall.compare(source, edited, "invert the colors", "invert the colors", 1, 1));
            assertThat(c.valid())
                    .as("critique: %s / raw: %s", c.reasoning(), c.raw())
                    .isTrue();
            assertThat(c.usage().promptTokens()).isPositive();
        }
        try (Judge judge = registry.judge(spec)) {
            Judgement j = judge.judge(VieQuestions.semantic(source, edited, "invert the colors", 1));
            assertThat(j.score("edit_success")).isBetween(0.0, 10.0);
        }
    }

    @Test
    void openAiCompatibleServer() {
        String url = env("EDITLOOP_TEST_OPENAI_CHAT_URL");
        String model = env("EDITLOOP_TEST_OPENAI_CHAT_MODEL");
        assumeTrue(
                url != null && model != null, "set EDITLOOP_TEST_OPENAI_CHAT_URL and EDITLOOP_TEST_OPENAI_CHAT_MODEL");
        exercise("openai-chat:" + url + "?model=" + model(model));
    }

    @Test
    void ollama() {
        String url = env("EDITLOOP_TEST_OLLAMA_URL");
        String model = env("EDITLOOP_TEST_OLLAMA_MODEL");
        assumeTrue(url != null && model != null, "set EDITLOOP_TEST_OLLAMA_URL and EDITLOOP_TEST_OLLAMA_MODEL");
        exercise("ollama:" + url + "?model=" + model(model));
    }

    @Test
    void gemini() {
        String model = env("EDITLOOP_TEST_GEMINI_MODEL");
        assumeTrue(model != null && env("GEMINI_API_KEY") != null, "set EDITLOOP_TEST_GEMINI_MODEL and GEMINI_API_KEY");
        exercise("gemini:?model=" + model(model));
    }

    @Test
    void anthropic() {
        String model = env("EDITLOOP_TEST_ANTHROPIC_MODEL");
        assumeTrue(
                model != null && env("ANTHROPIC_API_KEY") != null,
                "set EDITLOOP_TEST_ANTHROPIC_MODEL and ANTHROPIC_API_KEY");
        exercise("anthropic:?model=" + model(model));
    }
}
