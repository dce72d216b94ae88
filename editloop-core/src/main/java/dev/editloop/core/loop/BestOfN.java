package dev.editloop.core.loop;

import dev.editloop.core.CritiqueMode;
import dev.editloop.core.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Best-of-N per turn: think-while-edit where every turn asks the editor for N candidates under different seeds at
 * once ({@link RunContext#candidates}), the thinker critiques each one on its own, the best candidate is the turn,
 * and its critique's refined instruction drives the next turn (which edits the source again).
 *
 * <p>One critique per candidate, not one comparative critique of all N: every thinker port takes one edit per call
 * (and several servers take at most two images per request), absolute scores rank candidates across turns exactly as
 * the best-turn choice and the benchmark judge rank turns, and the N critiques run in parallel like the edits.
 *
 * <p>Seeds: candidate {@code i} (from 0) of turn {@code t} (from 1) gets {@code seed + (t−1)·N + i}, so turn 1's first
 * candidate is exactly the single pass, and no two candidates of a run share a seed.
 *
 * <p>Stops, in this order after each turn: {@code error}, {@code threshold}, {@code no_change} (as think-while-edit),
 * {@code min_gain} (the turn's best overall score gained less than the minimum over the best earlier turn; from turn
 * 2), {@code budget} (not one more candidate fits the budget), {@code max_turns}, {@code verdict_failed}. A turn the
 * budget cannot fully pay for makes as many candidates as it can. With a budget and no turn limit given, the limit is
 * {@value LoopRequest#MAX_TURN_LIMIT} turns, so the budget decides.
 */
public final class BestOfN implements Strategy {
    /** The strategy's name. */
    public static final String ID = "best-of-n";

    /** Candidates per turn when none is given. */
    public static final int DEFAULT_CANDIDATES = 4;

    /** The most candidates per turn. */
    public static final int MAX_CANDIDATES = 32;

    private final int candidates;
    private final Budget budget;
    private final Double minGain;

    /** {@value #DEFAULT_CANDIDATES} candidates per turn, no budget, no minimum gain (for {@link Strategy#parse}). */
    public BestOfN() {
        this(DEFAULT_CANDIDATES, null, null);
    }

    /**
     * @param candidates candidates per turn, 1..{@value #MAX_CANDIDATES} (1 is the plain loop under a budget)
     * @param budget what the run may spend, or null for the turn limit alone
     * @param minGain stop when a turn's best overall score gains less than this over the best earlier turn; null: never
     * @throws InvalidInputException for values out of range, or a budget that cannot pay for one candidate
     */
    public BestOfN(int candidates, Budget budget, Double minGain) {
        if (candidates < 1 || candidates > MAX_CANDIDATES) {
            throw new InvalidInputException(
                    "candidates per turn must be within 1.." + MAX_CANDIDATES + ", got " + candidates);
        }
        if (minGain != null && (minGain.isNaN() || minGain.isInfinite())) {
            throw new InvalidInputException("the minimum gain must be a number, got " + minGain);
        }
        if (budget != null && budget.unit() == Budget.Unit.COST && budget.amount() < budget.candidatePrice() - 1e-9) {
            throw new InvalidInputException("the budget of " + Budget.number(budget.amount())
                    + " does not pay for one candidate (" + Budget.number(budget.candidatePrice())
                    + ": one edit and its critique)");
        }
        this.candidates = candidates;
        this.budget = budget;
        this.minGain = minGain;
    }

    /** Candidates per turn. */
    public int candidates() {
        return candidates;
    }

    /** The budget, or null. */
    public Budget budget() {
        return budget;
    }

    /** The minimum gain, or null. */
    public Double minGain() {
        return minGain;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int defaultTurns() {
        return budget == null ? 5 : LoopRequest.MAX_TURN_LIMIT;
    }

    @Override
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("candidates", String.valueOf(candidates));
        if (budget != null) {
            params.put("budget", budget.id());
        }
        if (minGain != null) {
            params.put("min_gain", Budget.number(minGain));
        }
        return params;
    }

    @Override
    public StopReason run(RunContext run) {
        LoopRequest request = run.request();
        Spending spent = new Spending(System.nanoTime());
        String instruction = request.instruction();
        Double bestBefore = null;
        for (int t = 1; ; t++) {
            int count = affordable(spent);
            if (count == 0) {
                return StopReason.BUDGET;
            }
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                seeds.add(request.seed() + (long) (t - 1) * candidates + i);
            }
            Turn turn =
                    run.candidates(instruction, TurnBase.SOURCE, request.source(), CritiqueMode.COMPARE, null, seeds);
            for (Candidate c : turn.candidates()) {
                spent.calls++;
                if (c.image() != null) {
                    spent.critiques++;
                }
            }
            StopReason stop = StopRules.compare(run, turn);
            if (stop == StopReason.ERROR || stop == StopReason.THRESHOLD || stop == StopReason.NO_CHANGE) {
                return stop;
            }
            double overall = turn.critique().overall();
            if (minGain != null && bestBefore != null && overall - bestBefore < minGain) {
                return StopReason.MIN_GAIN;
            }
            bestBefore = bestBefore == null ? overall : Math.max(bestBefore, overall);
            if (affordable(spent) == 0) {
                return StopReason.BUDGET;
            }
            if (stop != null) {
                return stop;
            }
            instruction = turn.critique().refinedInstruction().strip();
        }
    }

    /** How many candidates the budget allows for the next turn: up to N, 0 when it is spent. */
    private int affordable(Spending spent) {
        if (budget == null) {
            return candidates;
        }
        return switch (budget.unit()) {
            case CALLS -> (int) Math.max(0, Math.min(candidates, (long) budget.amount() - spent.calls));
            case SECONDS -> (System.nanoTime() - spent.startNanos) / 1e9 < budget.amount() ? candidates : 0;
            case COST -> {
                double left =
                        budget.amount() - spent.calls * budget.editorPrice() - spent.critiques * budget.thinkerPrice();
                yield (int) Math.max(0, Math.min(candidates, Math.floor(left / budget.candidatePrice() + 1e-9)));
            }
        };
    }

    /** What one run has spent so far; local to the run. */
    private static final class Spending {
        final long startNanos;
        long calls;
        long critiques;

        Spending(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    @Override
    public String toString() {
        return ID + params();
    }
}
