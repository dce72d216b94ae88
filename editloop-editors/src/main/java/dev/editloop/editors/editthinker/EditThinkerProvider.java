package dev.editloop.editors.editthinker;

import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.HttpEditorProvider;
import java.util.Map;

/**
 * Registers spec kind {@code editthinker-http}: the EditThinker reference editor servers, e.g.
 * {@code editthinker-http:http://gpu1:8005,http://gpu2:8005?preset=flux-kontext}.
 */
public final class EditThinkerProvider extends HttpEditorProvider {
    /** The provider ServiceLoader creates. */
    public EditThinkerProvider() {
        super(
                EditThinkerEditor.KIND,
                "editor over the EditThinker editor-server protocol (POST /edit with a base64 image; FLUX.1 Kontext, "
                        + "Qwen-Image-Edit, OmniGen2)",
                null);
    }

    @Override
    protected EditThinkerEditor create(BackendSpec spec, Map<String, String> env) {
        return new EditThinkerEditor(spec, env);
    }
}
