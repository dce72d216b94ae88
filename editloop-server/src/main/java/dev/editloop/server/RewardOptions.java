package dev.editloop.server;

import dev.editloop.core.InvalidInputException;

/**
 * How the reward endpoint ({@code POST /v1/rewards}) runs.
 *
 * @param editor the editor that runs refined instructions (a spec or a configured name), or null for the server's
 *     editor
 * @param scorer the judge that scores those edits (VIEScore protocol), or null for the server's thinker
 * @param editConcurrency edits at once, over all batches
 * @param batches batches admitted at once (running or waiting for an edit slot); past it a batch gets 429
 * @param maxRollouts the most rollouts in one batch
 * @param maxBytes the largest request body of a batch
 */
public record RewardOptions(
        String editor, String scorer, int editConcurrency, int batches, int maxRollouts, long maxBytes) {
    public static final int DEFAULT_EDIT_CONCURRENCY = 2;
    public static final int DEFAULT_BATCHES = 4;
    public static final int DEFAULT_MAX_ROLLOUTS = 256;
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    public RewardOptions {
        editor = editor == null || editor.isBlank() ? null : editor.strip();
        scorer = scorer == null || scorer.isBlank() ? null : scorer.strip();
        if (editConcurrency < 1 || editConcurrency > 256) {
            throw new InvalidInputException("--reward-concurrency must be within 1..256, got " + editConcurrency);
        }
        if (batches < 1 || batches > 1024) {
            throw new InvalidInputException("--reward-batches must be within 1..1024, got " + batches);
        }
        if (maxRollouts < 1 || maxRollouts > 100_000) {
            throw new InvalidInputException("--max-reward-batch must be within 1..100000, got " + maxRollouts);
        }
        if (maxBytes < 1024) {
            throw new InvalidInputException("--max-reward-mb must be at least 1 KB, got " + maxBytes + " bytes");
        }
    }

    /** The server's editor and thinker, 2 edits at once, 4 batches, 256 rollouts and 64 MB a batch. */
    public static RewardOptions defaults() {
        return new RewardOptions(
                null, null, DEFAULT_EDIT_CONCURRENCY, DEFAULT_BATCHES, DEFAULT_MAX_ROLLOUTS, DEFAULT_MAX_BYTES);
    }

    public RewardOptions withBackends(String editorValue, String scorerValue) {
        return new RewardOptions(editorValue, scorerValue, editConcurrency, batches, maxRollouts, maxBytes);
    }

    public RewardOptions withLimits(int editConcurrencyValue, int batchesValue, int maxRolloutsValue, long bytes) {
        return new RewardOptions(editor, scorer, editConcurrencyValue, batchesValue, maxRolloutsValue, bytes);
    }
}
