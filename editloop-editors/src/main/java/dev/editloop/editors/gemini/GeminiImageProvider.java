package dev.editloop.editors.gemini;

import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.remote.RetryPolicy;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.RemoteChecks;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Registers spec kind {@code gemini-image}: Gemini image editing, e.g. {@code gemini-image:?model=gemini-2.5-flash-image}. */
public final class GeminiImageProvider implements BackendProvider {
    @Override
    public String kind() {
        return GeminiImageEditor.KIND;
    }

    @Override
    public String description() {
        return "editor over Gemini's generateContent with image output (gemini-2.5-flash-image and later)";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        return new GeminiImageEditor(spec, System.getenv());
    }

    @Override
    public RetryPolicy defaultRetryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    @Override
    public List<BackendCheck> check(BackendSpec spec, BackendRole role) {
        return check(spec, System.getenv());
    }

    /** As {@link #check(BackendSpec, BackendRole)}, with an explicit environment (tests). */
    static List<BackendCheck> check(BackendSpec spec, Map<String, String> env) {
        try (GeminiImageEditor editor = new GeminiImageEditor(spec, env)) {
            return editor.check();
        } catch (InvalidInputException e) {
            return List.of(RemoteChecks.invalid(spec, GeminiImageEditor.DEFAULT_ENDPOINT, e));
        }
    }
}
