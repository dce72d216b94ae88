package dev.editloop.editors;

import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.retry.RetryPolicy;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the providers of the HTTP editors share: the editor role, remote retries ({@link RetryPolicy#DEFAULT}), keys
 * read from the environment, and a check that asks the editor itself and turns a spec it refuses into a FAILED row.
 */
public abstract class HttpEditorProvider implements BackendProvider {
    /** An editor that can probe its own endpoints for {@code editloop backends check}. */
    public interface CheckedEditor extends Editor {
        /** One row per endpoint: reachable, authenticated, model present, one round trip. */
        List<BackendCheck> check();
    }

    private final String kind;
    private final String description;
    private final String defaultEndpoint;

    /**
     * A provider.
     *
     * @param defaultEndpoint the URL used when the spec names none, for check rows; null when a URL is required
     */
    protected HttpEditorProvider(String kind, String description, String defaultEndpoint) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.description = Objects.requireNonNull(description, "description");
        this.defaultEndpoint = defaultEndpoint;
    }

    /** Creates the editor a spec names, with keys from the given environment. */
    protected abstract CheckedEditor create(BackendSpec spec, Map<String, String> env);

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public final Editor editor(BackendSpec spec) {
        return create(spec, System.getenv());
    }

    @Override
    public final RetryPolicy defaultRetryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    @Override
    public final List<BackendCheck> check(BackendSpec spec, BackendRole role) {
        return check(spec, System.getenv());
    }

    /** As {@link #check(BackendSpec, BackendRole)}, with an explicit environment (tests). */
    public final List<BackendCheck> check(BackendSpec spec, Map<String, String> env) {
        try (CheckedEditor editor = create(spec, env)) {
            return editor.check();
        } catch (InvalidInputException e) {
            return List.of(RemoteChecks.invalid(spec, defaultEndpoint, e));
        }
    }
}
