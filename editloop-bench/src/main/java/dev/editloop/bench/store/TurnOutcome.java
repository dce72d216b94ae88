package dev.editloop.bench.store;

import dev.editloop.bench.CaseScore;
import java.util.List;
import java.util.Objects;

/**
 * One turn of a case's loop, as a benchmark keeps it: the thinker's own scores and the judge's.
 *
 * @param turn the turn (from 1)
 * @param instruction the instruction the editor was given
 * @param image the turn's image, relative to the run folder
 * @param semantic the thinker's SC, NaN when its critique was invalid
 * @param quality the thinker's PQ, NaN when invalid
 * @param overall the thinker's overall, NaN when invalid
 * @param scores the judge protocol's score of this turn, one per judge sample (in sample order)
 */
public record TurnOutcome(
        int turn,
        String instruction,
        String image,
        double semantic,
        double quality,
        double overall,
        List<CaseScore> scores) {
    public TurnOutcome {
        if (turn < 1) {
            throw new IllegalArgumentException("turns count from 1, got " + turn);
        }
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(image, "image");
        scores = scores == null ? List.of() : List.copyOf(scores);
    }
}
