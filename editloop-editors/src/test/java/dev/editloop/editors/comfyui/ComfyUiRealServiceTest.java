package dev.editloop.editors.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs one edit on a real ComfyUI server. Skipped unless {@code EDITLOOP_TEST_COMFYUI_URL} is set (e.g.
 * {@code http://127.0.0.1:8188}); {@code EDITLOOP_TEST_COMFYUI_WORKFLOW} picks the workflow (default
 * {@code qwen-image-edit}), whose model files the server must have.
 */
class ComfyUiRealServiceTest {
    @Test
    void oneEditOnARealServer() {
        String url = System.getenv("EDITLOOP_TEST_COMFYUI_URL");
        Assumptions.assumeTrue(
                url != null && !url.isBlank(), "EDITLOOP_TEST_COMFYUI_URL is not set: no ComfyUI server to test");
        String workflow = System.getenv().getOrDefault("EDITLOOP_TEST_COMFYUI_WORKFLOW", "qwen-image-edit");
        String spec = "comfyui:" + url.strip() + "?workflow=" + workflow + "&timeout=1800&steps=4";

        List<BackendCheck> rows = BackendRegistry.load().check(BackendSpec.parse(spec), BackendRole.EDITOR);
        assertThat(rows).allSatisfy(row -> assertThat(row.ok()).as(row.detail()).isTrue());

        Picture source = TestImages.scene(320, 240, 3);
        try (Editor editor = BackendRegistry.load().editor(spec)) {
            EditResult result = editor.edit(EditCall.of(source, "make the sky red", 7));

            assertThat(result.image().width()).isEqualTo(320);
            assertThat(result.image().height()).isEqualTo(240);
            assertThat(result.image().samePixels(source)).isFalse();
            assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("prompt "));
        }
    }
}
