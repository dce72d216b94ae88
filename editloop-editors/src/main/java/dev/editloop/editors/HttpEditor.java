package dev.editloop.editors;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.remote.EndpointPool;
import dev.editloop.remote.HttpTransport;
import dev.editloop.remote.RemoteSettings;
import java.net.URI;
import java.util.Objects;

/**
 * What the HTTP editors share: the spec and settings, one transport, and an endpoint pool through which every edit
 * runs ({@link #editAt} makes the edit against the endpoint the pool chose). Described by the spec, never the key.
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

    /** The spec as shown (without the key); an editor may show less of it. */
    @Override
    public String describe() {
        return spec.display();
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
