package dev.editloop.core;

import dev.editloop.core.image.Picture;
import java.util.List;
import java.util.Objects;

/**
 * One request to {@link Thinker#plan(PlanCall)}: the thinker sees only the source image and the instruction.
 *
 * @param kind rewrite or describe the target
 * @param source the source image
 * @param instruction the user's instruction
 * @param maxActions at most this many concrete actions in a rewrite (reflect: 3)
 * @param seed seed for any random choice
 * @param references the request's reference images after the source (images 2, 3, …), in order; never null
 */
public record PlanCall(
        PlanKind kind, Picture source, String instruction, int maxActions, long seed, List<Picture> references) {
    public PlanCall {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(instruction, "instruction");
        if (maxActions < 1) {
            throw new IllegalArgumentException("maxActions must be at least 1, got " + maxActions);
        }
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A call with the source alone. */
    public PlanCall(PlanKind kind, Picture source, String instruction, int maxActions, long seed) {
        this(kind, source, instruction, maxActions, seed, List.of());
    }
}
