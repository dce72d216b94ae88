package dev.editloop.core.loop;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Plan;
import dev.editloop.core.image.Picture;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a run, or its progress so far (then {@code stopReason} is null).
 *
 * @param request the request
 * @param editor the editor's identity (kind, model, endpoints, result-changing parameters; never a key); its
 *     {@code display()} is what people see
 * @param thinker the thinker's identity
 * @param plan the thinker's rewrite (think-before-edit, reflect with thinking), or null
 * @param targetDescription reflect: the description of the intended result, or null
 * @param planMs wall time of the planning calls
 * @param turns the finished turns, in order
 * @param bestTurn the best turn's index (from 1), or 0 when there is no turn
 * @param stopReason why the run stopped; null while it runs
 * @param error the error's one-line message when {@code stopReason} is ERROR, else null (see also {@link
 *     #verdictReason()})
 */
public record LoopResult(
        LoopRequest request,
        BackendIdentity editor,
        BackendIdentity thinker,
        Plan plan,
        String targetDescription,
        long planMs,
        List<Turn> turns,
        int bestTurn,
        StopReason stopReason,
        String error) {
    public LoopResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(thinker, "thinker");
        turns = List.copyOf(turns);
        if (bestTurn < 0 || bestTurn > turns.size()) {
            throw new IllegalArgumentException("best turn " + bestTurn + " is not one of " + turns.size() + " turns");
        }
    }

    /** Whether the run has stopped. */
    public boolean finished() {
        return stopReason != null;
    }

    /** The best turn, or null when there is none. */
    public Turn best() {
        return bestTurn == 0 ? null : turns.get(bestTurn - 1);
    }

    /**
     * Whether the best turn is handed over as the answer: it exists and its critique reaches the request's acceptance
     * floor (any best turn when the request has none).
     */
    public boolean accepted() {
        Turn best = best();
        if (best == null) {
            return false;
        }
        return request.accept() == null || request.accept().met(best.critique());
    }

    /**
     * The run's answer: the best turn's image when it is {@link #accepted()}, else the unchanged source (a wrong edit is
     * never the answer a person gets; the turns stay in the result).
     */
    public Picture finalImage() {
        return accepted() ? best().image() : request.source();
    }

    /**
     * Why the thinker declared the edit impossible, when the run stopped with {@link StopReason#VERDICT_FAILED}: the
     * reasoning of its plan when the plan already said FAILED (nothing was edited), else of the last critique; null
     * for other stops.
     */
    public String verdictReason() {
        if (stopReason != StopReason.VERDICT_FAILED) {
            return null;
        }
        if (plan != null && plan.failed()) {
            return plan.reasoning();
        }
        Turn last = turns.isEmpty() ? null : turns.getLast();
        return last == null || last.critique() == null ? null : last.critique().reasoning();
    }

    /** The turn limit that applied. */
    public int turnLimit() {
        return request.turnLimit();
    }
}
