package dev.editloop.editors.gemini;

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
 * A billed edit on Gemini; runs only when {@code GEMINI_API_KEY} and {@code EDITLOOP_TEST_GEMINI_IMAGE=1} are set
 * (model from {@code EDITLOOP_TEST_GEMINI_IMAGE_MODEL}, default {@value GeminiImageEditor#DEFAULT_MODEL}).
 */
class GeminiImageRealServiceTest {
    @Test
    void geminiEditsAndKeepsTheSourceSize() {
        String key = System.getenv("GEMINI_API_KEY");
        assumeTrue(
                key != null && !key.isBlank() && "1".equals(System.getenv("EDITLOOP_TEST_GEMINI_IMAGE")),
                "set GEMINI_API_KEY and EDITLOOP_TEST_GEMINI_IMAGE=1 to run a billed edit on Gemini");
        String model =
                System.getenv().getOrDefault("EDITLOOP_TEST_GEMINI_IMAGE_MODEL", GeminiImageEditor.DEFAULT_MODEL);
        String spec = "gemini-image:?model=" + model;
        BackendRegistry registry = BackendRegistry.load();
        List<BackendCheck> rows = registry.check(BackendSpec.parse(spec), BackendRole.EDITOR);
        assertThat(rows).allMatch(BackendCheck::ok, "the model is reachable with this key: " + rows);
        Picture source = TestImages.scene(320, 240, 11);
        try (Editor editor = registry.editor(spec)) {
            EditResult result = editor.edit(EditCall.of(source, "Paint the red ball blue. Change nothing else.", 7));
            assertThat(result.image().width()).isEqualTo(320);
            assertThat(result.image().height()).isEqualTo(240);
            assertThat(result.image().samePixels(source)).isFalse();
        }
    }
}
