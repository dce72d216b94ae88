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

    /** How this editor appears in trajectories and logs: kind, model and endpoint, never a key. */
    String describe();

    /** Releases connections or native resources; the default does nothing. */
    @Override
    default void close() {}
}
