package dev.editloop.editors.editthinker;

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

/**
 * Registers spec kind {@code editthinker-http}: the EditThinker reference editor servers, e.g.
 * {@code editthinker-http:http://gpu1:8005,http://gpu2:8005?preset=flux-kontext}.
 */
public final class EditThinkerProvider implements BackendProvider {
    @Override
    public String kind() {
        return EditThinkerEditor.KIND;
    }

    @Override
    public String description() {
        return "editor over the EditThinker editor-server protocol (POST /edit with a base64 image; FLUX.1 Kontext, "
                + "Qwen-Image-Edit, OmniGen2)";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        return new EditThinkerEditor(spec, System.getenv());
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
        try (EditThinkerEditor editor = new EditThinkerEditor(spec, env)) {
            return editor.check();
        } catch (InvalidInputException e) {
            return List.of(RemoteChecks.invalid(spec, null, e));
        }
    }
}
