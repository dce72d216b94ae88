package dev.editloop.data.reward;

import java.util.List;

/**
 * The rewards of one rollout.
 *
 * @param id the rollout's id
 * @param format the format reward, {0, 0.5, 1}
 * @param critic the critic reward, [0, 1]
 * @param edit the edit reward, [−1, 1], or NaN when it was not computed (no task, or the edit failed: see {@code
 *     problems})
 * @param total the weighted total
 * @param predictedSemantic the reply's SC as the loop's parser reads it, or NaN
 * @param predictedQuality the reply's PQ, or NaN
 * @param refinedInstruction the instruction that was run for the edit reward, or null when none was
 * @param overallAfter the scorer's overall of that edit, or NaN
 * @param problems how the reply departs from the format, and any edit failure
 */
public record RewardResult(
        String id,
        double format,
        double critic,
        double edit,
        double total,
        double predictedSemantic,
        double predictedQuality,
        String refinedInstruction,
        double overallAfter,
        List<String> problems) {
    public RewardResult {
        problems = List.copyOf(problems);
    }
}
