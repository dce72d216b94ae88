package dev.editloop.editors;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.remote.EndpointPool;
import dev.editloop.remote.HttpFailures;
import dev.editloop.remote.HttpTransport;
import dev.editloop.remote.RemoteSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the HTTP editors share: the spec and settings, one transport, and an endpoint pool through which every edit
 * runs ({@link #editAt} makes the edit against the endpoint the pool chose). Identified by kind, model, endpoints and
 * the parameters that change its images ({@link #identityParams()}), never the key.
 */
public abstract class HttpEditor implements HttpEditorProvider.CheckedEditor {
    /** The spec the editor was made from. */
    protected final BackendSpec spec;
    /** The common remote settings read from the spec. */
    protected final RemoteSettings settings;
    /** The HTTP transport, carrying the key the way the protocol wants. */
    protected final HttpTransport transport;
    /** The endpoints, used in turn. */
    protected final EndpointPool pool;

    /** Spec parameters that tune how calls travel, not what comes back: never part of an identity. */
    protected static final Set<String> TRANSPORT_PARAMS = Set.of(
            "key_env",
            "timeout",
            "concurrency",
            "max_failures",
            "cooldown",
            "retries",
            "retry_delay",
            "max_retry_wait",
            "check_edit");

    /** Built on first use; racing threads build equal values, so no lock is needed. */
    private volatile BackendIdentity identity;

    /**
     * An editor over the settings' endpoints; a rested endpoint serves again once {@link #healthy} says so.
     *
     * @param auth how the key travels
     */
    protected HttpEditor(BackendSpec spec, RemoteSettings settings, HttpTransport.Auth auth) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = new HttpTransport(settings, auth);
        this.pool = new EndpointPool(settings).healthProbe(this::healthy);
    }

    /** Makes one edit against one endpoint. */
    protected abstract EditResult editAt(URI endpoint, EditCall call);

    /** The health probe of a rested endpoint; by default every rested endpoint is trusted. */
    protected boolean healthy(URI endpoint) {
        return true;
    }

    @Override
    public final EditResult edit(EditCall call) {
        return pool.call(endpoint -> editAt(endpoint, call));
    }

    /**
     * Kind, model, endpoints (no user info) and {@link #identityParams()}; built once, on first use, after the subclass
     * has read its settings.
     */
    @Override
    public BackendIdentity identity() {
        BackendIdentity made = identity;
        if (made == null) {
            List<String> endpoints =
                    settings.endpoints().stream().map(HttpFailures::redact).toList();
            made = BackendIdentity.of(spec.kind(), model(), endpoints, identityParams());
            identity = made;
        }
        return made;
    }

    /** The identity's display: {@code kind:endpoints?model=…}, never a key. */
    @Override
    public String describe() {
        return identity().display();
    }

    /** The model the editor asks for, or null when the kind has none; by default the spec's {@code model}. */
    protected String model() {
        String model = spec.param("model");
        return model == null ? null : model.strip();
    }

    /**
     * The parameters that change this editor's images (steps, guidance, size, quality, how the seed is handled…), as
     * the editor reads them. The default keeps every spec parameter except the model and the ones that only tune
     * transport ({@link #TRANSPORT_PARAMS}); editors override it with the values they really send.
     */
    protected Map<String, ?> identityParams() {
        Map<String, String> params = new TreeMap<>(spec.params());
        params.keySet().removeIf(name -> name.equals("model") || TRANSPORT_PARAMS.contains(name));
        return params;
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return describe();
    }
}
