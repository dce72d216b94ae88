package dev.editloop.core;

/**
 * Port: an instruction-based image editor. Given an image and an instruction it returns an edited image of the
 * same size.
 *
 * <p>Implementations throw {@link RetriableException} for transient failures and {@link NonRetriableException}
 * otherwise. An editor that does not understand an instruction returns the image unchanged and says so in
 * {@link EditResult#notes()}; it never pretends.
 */
public interface Editor extends AutoCloseable {
    /** Carries out one edit. */
    EditResult edit(EditCall call);

    /** What this editor can take beyond an image and an instruction. */
    default EditorCapabilities capabilities() {
        return EditorCapabilities.BASIC;
    }

    /**
     * What this editor is, as far as results go: kind, model, endpoints and the parameters that change its answers, never
     * a key. Trajectories and benchmark results record it; {@link #describe()} is derived from it.
     *
     * <p>The default reads {@link #describe()} back and is meant for test doubles only: every real adapter builds its
     * own identity (the port contracts in the testkit check that it does).
     */
    default BackendIdentity identity() {
        return BackendIdentity.fromDisplay(describe());
    }

    /**
     * How this editor appears in progress lines and logs: in real adapters {@code identity().display()} (kind, endpoints,
     * model), never a key.
     */
    String describe();

    /** Releases connections or native resources; the default does nothing. */
    @Override
    default void close() {}
}
