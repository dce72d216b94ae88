package dev.editloop.core.loop;

import dev.editloop.core.Critique;
import dev.editloop.core.Verdict;

/** Stop rules that several strategies share. */
public final class StopRules {
    private StopRules() {}

    /**
     * The stop rules of think-while-edit (DESIGN §1.1) after a turn, checked in this order: {@code error} (the
     * critique could not be read), {@code threshold}, {@code no_change}, {@code max_turns}, {@code verdict_failed};
     * null when the loop goes on.
     */
    public static StopReason compare(RunContext run, Turn turn) {
        Critique critique = turn.critique();
        if (critique == null || !critique.valid()) {
            return StopReason.ERROR;
        }
        if (run.request().threshold().met(critique)) {
            return StopReason.THRESHOLD;
        }
        if (!critique.hasRefinement() && critique.verdict() != Verdict.FAILED
                || critique.hasRefinement()
                        && critique.refinedInstruction()
                                .strip()
                                .equals(turn.instruction().strip())) {
            return StopReason.NO_CHANGE;
        }
        if (turn.index() >= run.turnLimit()) {
            return StopReason.MAX_TURNS;
        }
        if (critique.verdict() == Verdict.FAILED) {
            return StopReason.VERDICT_FAILED;
        }
        return null;
    }

    /**
     * The stop of a strategy that makes one turn: as {@link #compare}, except that a critique with the verdict
     * FAILED stops with {@code verdict_failed} rather than {@code max_turns}, so that the thinker's reason is
     * reported.
     */
    public static StopReason oneTurn(RunContext run, Turn turn) {
        StopReason stop = compare(run, turn);
        if (stop == StopReason.MAX_TURNS && turn.critique().verdict() == Verdict.FAILED) {
            return StopReason.VERDICT_FAILED;
        }
        return stop == null ? StopReason.MAX_TURNS : stop;
    }
}
