package dev.editloop.editors.editthinker;

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
 * An edit on a real EditThinker editor server; runs only when {@code EDITLOOP_TEST_EDITTHINKER_URL} is set (one URL
 * or several, comma-separated), with the preset from {@code EDITLOOP_TEST_EDITTHINKER_PRESET} (default
 * flux-kontext).
 */
class EditThinkerRealServiceTest {
    @Test
    void aRealServerEditsAndKeepsTheSourceSize() {
        String url = System.getenv("EDITLOOP_TEST_EDITTHINKER_URL");
        assumeTrue(
                url != null && !url.isBlank(),
                "set EDITLOOP_TEST_EDITTHINKER_URL (e.g. http://gpu1:8005) to edit on an EditThinker editor server");
        String preset = System.getenv().getOrDefault("EDITLOOP_TEST_EDITTHINKER_PRESET", "flux-kontext");
        String spec = "editthinker-http:" + url.strip() + "?preset=" + preset;
        BackendRegistry registry = BackendRegistry.load();
        List<BackendCheck> rows = registry.check(BackendSpec.parse(spec), BackendRole.EDITOR);
        assertThat(rows).allMatch(BackendCheck::ok, "every endpoint is healthy: " + rows);
        Picture source = TestImages.scene(320, 240, 11);
        try (Editor editor = registry.editor(spec)) {
            EditResult first = editor.edit(EditCall.of(source, "paint the red ball blue", 7));
            assertThat(first.image().width()).isEqualTo(320);
            assertThat(first.image().height()).isEqualTo(240);
            assertThat(first.image().samePixels(source)).isFalse();
        }
    }
}
