package dev.editloop.data.model;

import java.util.Objects;

/**
 * One turn of a trajectory in the data set.
 *
 * @param turn the turn number, from 1
 * @param instruction the instruction the editor was given (T_t)
 * @param image the turn's image in the data set's image store ({@code images/<sha256>.png})
 * @param expert the expert thinker's critique, or null when the thinker failed on this turn
 * @param scorer the scorer's scores of this turn's image (averaged over judge samples), never null (fields null when
 *     the scorer could not score it)
 */
public record DataTurn(int turn, String instruction, String image, Critic expert, Scores scorer) {
    public DataTurn {
        if (turn < 1) {
            throw new IllegalArgumentException("turns count from 1, got " + turn);
        }
        Objects.requireNonNull(instruction, "instruction");
        scorer = scorer == null ? new Scores(null, null, null) : scorer;
    }
}
