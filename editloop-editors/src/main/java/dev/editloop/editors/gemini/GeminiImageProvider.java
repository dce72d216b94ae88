package dev.editloop.editors.gemini;

import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.HttpEditorProvider;
import java.util.Map;

/** Registers spec kind {@code gemini-image}: Gemini image editing, e.g. {@code gemini-image:?model=gemini-2.5-flash-image}. */
public final class GeminiImageProvider extends HttpEditorProvider {
    /** The provider ServiceLoader creates. */
    public GeminiImageProvider() {
        super(
                GeminiImageEditor.KIND,
                "editor over Gemini's generateContent with image output (gemini-2.5-flash-image and later)",
                GeminiImageEditor.DEFAULT_ENDPOINT);
    }

    @Override
    protected GeminiImageEditor create(BackendSpec spec, Map<String, String> env) {
        return new GeminiImageEditor(spec, env);
    }
}
