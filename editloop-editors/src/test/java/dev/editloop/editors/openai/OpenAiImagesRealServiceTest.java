package dev.editloop.editors.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edits against real servers; each test runs only when its variables are set: OpenAI (billed) needs {@code
 * OPENAI_API_KEY} and {@code EDITLOOP_TEST_OPENAI_IMAGES=1}; a self-hosted server (vLLM-Omni, SGLang) needs {@code
 * EDITLOOP_TEST_OPENAI_IMAGES_URL} and {@code EDITLOOP_TEST_OPENAI_IMAGES_MODEL}.
 */
class OpenAiImagesRealServiceTest {
    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Test
    void openAiEditsAndKeepsTheSourceSize() {
        assumeTrue(
                env("OPENAI_API_KEY") != null && "1".equals(env("EDITLOOP_TEST_OPENAI_IMAGES")),
                "set OPENAI_API_KEY and EDITLOOP_TEST_OPENAI_IMAGES=1 to run a billed edit against api.openai.com");
        String model = env("EDITLOOP_TEST_OPENAI_IMAGES_MODEL") == null
                ? "gpt-image-1"
                : env("EDITLOOP_TEST_OPENAI_IMAGES_MODEL");
        run("openai-images:https://api.openai.com/v1?model=" + model + "&quality=low&size=1024x1024");
    }

    @Test
    void aSelfHostedServerEditsAndKeepsTheSourceSize() {
        assumeTrue(
                env("EDITLOOP_TEST_OPENAI_IMAGES_URL") != null && env("EDITLOOP_TEST_OPENAI_IMAGES_MODEL") != null,
                "set EDITLOOP_TEST_OPENAI_IMAGES_URL (e.g. http://gpu1:8000/v1) and EDITLOOP_TEST_OPENAI_IMAGES_MODEL"
                        + " to edit on a vLLM-Omni or SGLang server");
        run("openai-images:" + env("EDITLOOP_TEST_OPENAI_IMAGES_URL") + "?model="
                + env("EDITLOOP_TEST_OPENAI_IMAGES_MODEL") + "&steps=20");
    }

    private static void run(String spec) {
        BackendRegistry registry = BackendRegistry.load();
        List<BackendCheck> rows = registry.check(BackendSpec.parse(spec), BackendRole.EDITOR);
        assertThat(rows).allMatch(BackendCheck::ok, "every endpoint passes the probe: " + rows);
        Picture source = TestImages.scene(320, 240, 11);
        try (Editor editor = registry.editor(spec)) {
            EditResult result = editor.edit(EditCall.of(source, "paint the red ball blue", 7));
            assertThat(result.image().width()).isEqualTo(320);
            assertThat(result.image().height()).isEqualTo(240);
            assertThat(result.image().samePixels(source)).isFalse();
        }
    }
}
