package dev.editloop.server;

/**
 * A job as kept in the store.
 *
 * @param id the job's id (lower-case letters and digits)
 * @param createdMs when it was submitted (epoch milliseconds)
 * @param updatedMs when its row last changed
 * @param instruction the user's instruction
 * @param strategy the strategy's id
 * @param profile the profile it was run with, or null
 * @param editor the editor's display name
 * @param thinker the thinker's display name
 * @param origin {@code api} (the job API and the page) or {@code openai} (the edits endpoint)
 * @param status {@link Status#id()}
 * @param stopReason the loop's stop reason, or null until it stops
 * @param turns finished turns
 * @param bestTurn the best turn, 0 when none
 * @param accepted whether the best turn was handed over as the answer, null until finished
 * @param error the one-line error of a failed job, or null
 */
public record JobRecord(
        String id,
        long createdMs,
        long updatedMs,
        String instruction,
        String strategy,
        String profile,
        String editor,
        String thinker,
        String origin,
        String status,
        String stopReason,
        int turns,
        int bestTurn,
        Boolean accepted,
        String error) {

    /** A job's state. */
    public enum Status {
        QUEUED,
        RUNNING,
        FINISHED,
        CANCELLED,
        FAILED,
        INTERRUPTED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether the job will not change any more. */
        public boolean terminal() {
            return this != QUEUED && this != RUNNING;
        }

        public static Status of(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Status state() {
        return Status.of(status);
    }

    JobRecord with(Status value, String stop, int turnCount, int best, Boolean acceptedValue, String errorValue) {
        return new JobRecord(
                id,
                createdMs,
                System.currentTimeMillis(),
                instruction,
                strategy,
                profile,
                editor,
                thinker,
                origin,
                value.id(),
                stop,
                turnCount,
                best,
                acceptedValue,
                errorValue);
    }
}
