package dev.editloop.bench.run;

import java.time.Duration;

/**
 * Where a benchmark run stands, for a progress bar: cases by state (over every process working on the run), backend
 * calls of this process, the call rate and an estimate of the time left.
 *
 * @param total the run's cases
 * @param done cases finished and judged (by any session)
 * @param failed cases finished with an error
 * @param inFlight cases claimed with a live lease (by any process)
 * @param finishedHere cases this session finished (done or failed)
 * @param calls backend calls of this session
 * @param callsPerMinute backend calls per minute of this session (cache hits excluded)
 * @param elapsed time since this session started
 * @param eta the estimated time until every case is finished, from this session's rate; null before the first case
 *     finishes
 */
public record BenchProgress(
        int total,
        int done,
        int failed,
        int inFlight,
        int finishedHere,
        Calls calls,
        double callsPerMinute,
        Duration elapsed,
        Duration eta) {

    /** Cases neither finished nor in flight. */
    public int open() {
        return Math.max(0, total - done - failed - inFlight);
    }

    /** The share of cases finished (done or failed), 0 to 1. */
    public double fraction() {
        return total == 0 ? 1 : (double) (done + failed) / total;
    }

    /**
     * Backend calls of one session.
     *
     * @param editor edits that reached the editor
     * @param thinker critiques and plans that reached the thinker
     * @param judge questions that reached the judge
     * @param cached answers taken from the run's cache instead
     * @param failed calls that failed (after the backend's retries)
     */
    public record Calls(long editor, long thinker, long judge, long cached, long failed) {
        /** Calls that reached a backend. */
        public long total() {
            return editor + thinker + judge;
        }
    }
}
