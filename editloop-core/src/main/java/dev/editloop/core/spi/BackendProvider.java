package dev.editloop.core.spi;

import dev.editloop.core.Editor;
import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.retry.RetryPolicy;
import java.util.List;
import java.util.Set;

/**
 * Service-provider interface: a backend module registers one provider per spec kind in
 * {@code META-INF/services/dev.editloop.core.spi.BackendProvider}. The {@link BackendRegistry} finds them, so the
 * CLI, the server, the benchmark runner and the data pipeline never import an adapter package.
 */
public interface BackendProvider {
    /** The spec kind this provider answers to, e.g. {@code embedded} or {@code openai-chat}. */
    String kind();

    /** One line for help texts: what this backend is. */
    String description();

    /** The ports this provider can create. */
    Set<BackendRole> roles();

    /** Creates an editor; only called when {@link #roles()} contains EDITOR. */
    default Editor editor(BackendSpec spec) {
        throw new UnsupportedOperationException(kind() + " provides no editor");
    }

    /** Creates a thinker; only called when {@link #roles()} contains THINKER. */
    default Thinker thinker(BackendSpec spec) {
        throw new UnsupportedOperationException(kind() + " provides no thinker");
    }

    /** Creates a judge; only called when {@link #roles()} contains JUDGE. */
    default Judge judge(BackendSpec spec) {
        throw new UnsupportedOperationException(kind() + " provides no judge");
    }

    /**
     * The retry policy for this kind unless the spec's {@code retries} parameter says otherwise: none for in-process
     * backends (the default), {@link RetryPolicy#DEFAULT} for remote ones. The registry wraps every port it creates
     * with it ({@link dev.editloop.core.retry.Retrying}).
     */
    default RetryPolicy defaultRetryPolicy() {
        return RetryPolicy.NONE;
    }

    /**
     * Probes the backend a spec names for {@code editloop backends check}: one row per endpoint (reachable,
     * authenticated, model present, one round trip). Never throws for a backend that is down: that is a row with
     * FAILED in it. The default says this kind has no probe.
     *
     * @param role the role the backend is checked for
     */
    default List<BackendCheck> check(BackendSpec spec, BackendRole role) {
        return List.of(new BackendCheck(
                spec.display(),
                spec.endpoints().isEmpty() ? "-" : String.join(",", spec.endpoints()),
                BackendCheck.Status.UNKNOWN,
                BackendCheck.Status.UNKNOWN,
                BackendCheck.Status.UNKNOWN,
                null,
                kind() + " has no probe"));
    }
}
