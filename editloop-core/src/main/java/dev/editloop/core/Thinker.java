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

    /** How this thinker appears in trajectories and logs: kind, model and endpoint, never a key. */
    String describe();

    /** Releases connections or native resources; the default does nothing. */
    @Override
    default void close() {}
}
