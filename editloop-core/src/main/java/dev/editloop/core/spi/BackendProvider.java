package dev.editloop.core.spi;

import dev.editloop.core.Editor;
import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
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
}
