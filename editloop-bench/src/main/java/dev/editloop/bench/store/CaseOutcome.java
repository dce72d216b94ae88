package dev.editloop.bench.store;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished case: its loop, every judge call, and its score. Committed to the store in one transaction with its
 * files already on disk; a case is either complete or redone.
 *
 * @param benchCase the case
 * @param failed true when the case could not be finished (the error says why); a failed case is redone only with
 *     {@code --retry-failed}
 * @param error why it failed, or null
 * @param trajectory the case's {@code trajectory.json}, relative to the run folder, or null when the loop never
 *     started
 * @param stopReason the loop's stop reason (snake_case, as in trajectories), or null
 * @param bestTurn the loop's best turn (from 1), or 0 when there is none
 * @param turns every turn, with the thinker's and the judge's scores
 * @param judgements every judge call
 */
public record CaseOutcome(
        BenchCase benchCase,
        boolean failed,
        String error,
        String trajectory,
        String stopReason,
        int bestTurn,
        List<TurnOutcome> turns,
        List<JudgeRecord> judgements) {
    public CaseOutcome {
        Objects.requireNonNull(benchCase, "benchCase");
        if (failed && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("a failed case needs its error");
        }
        turns = turns == null ? List.of() : List.copyOf(turns);
        judgements = judgements == null ? List.of() : List.copyOf(judgements);
    }

    /** The best turn, if the loop made one. */
    public Optional<TurnOutcome> best() {
        return turns.stream().filter(t -> t.turn() == bestTurn).findFirst();
    }

    /** The benchmark score of this case for one judge sample: the best turn's. */
    public Optional<CaseScore> score(int sample) {
        return best().filter(t -> sample < t.scores().size())
                .map(t -> t.scores().get(sample));
    }
}
