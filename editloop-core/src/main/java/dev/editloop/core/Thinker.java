package dev.editloop.core;

/**
 * Port: the multimodal critic and planner that drives the loop.
 *
 * <p>A thinker judges first, then plans: its refined instruction must follow from its critique. A reply it cannot
 * turn into scores becomes {@link Critique#invalid}, never an invented score. Transient backend failures are
 * {@link RetriableException}s.
 */
public interface Thinker extends AutoCloseable {
    /** Judges an edited image and proposes the next instruction (or a verdict). */
    Critique critique(CritiqueCall call);

    /** Rewrites an instruction into concrete actions, or describes the intended target image. */
    Plan plan(PlanCall call);

    /**
     * What this thinker is, as far as results go: kind, model, endpoints and the parameters that change its answers, never
     * a key. Trajectories and benchmark results record it; {@link #describe()} is derived from it.
     *
     * <p>The default reads {@link #describe()} back and is meant for test doubles only: every real adapter builds its
     * own identity (the port contracts in the testkit check that it does).
     */
    default BackendIdentity identity() {
        return BackendIdentity.fromDisplay(describe());
    }

    /**
     * How this thinker appears in progress lines and logs: in real adapters {@code identity().display()} (kind, endpoints,
     * model), never a key.
     */
    String describe();

    /** Releases connections or native resources; the default does nothing. */
    @Override
    default void close() {}
}
