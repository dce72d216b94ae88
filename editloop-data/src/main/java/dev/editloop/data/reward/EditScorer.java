package dev.editloop.data.reward;

/**
 * Runs one edit and scores it: the editor edits the task's source with the instruction, the scorer judges the result
 * against the user's instruction. Implementations must be thread-safe ({@link RewardBatch} calls them concurrently).
 */
@FunctionalInterface
public interface EditScorer {
    /**
     * The scorer's overall score (0–10) of the edit made from {@code task.source()} with {@code instruction}.
     *
     * @throws RuntimeException when the edit or the scoring fails (the reward records the failure, never a made-up
     *     score)
     */
    double score(EditTask task, String instruction);
}
