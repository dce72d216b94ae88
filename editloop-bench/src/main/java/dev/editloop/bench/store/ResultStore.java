package dev.editloop.bench.store;

import dev.editloop.bench.BenchCase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable state of one benchmark run: its manifest, its cases and who works on them, and every finished case.
 * Implementations: SQLite in the run folder (the default) and PostgreSQL (several hosts on one run). Thread-safe:
 * the runner's workers share one instance.
 *
 * <p>Every method that writes commits before it returns; {@link #complete} stores a case's outcome and judge records
 * in one transaction, so after a crash a case is either complete or still open.
 */
public interface ResultStore extends AutoCloseable {
    /**
     * Starts the run, or joins it when it exists: registers the cases (idempotently) under the manifest.
     *
     * @throws dev.editloop.core.InvalidInputException when the store already holds a run whose manifest differs (the
     *     message names the fields that differ); runs are never merged
     */
    void begin(Manifest manifest, List<BenchCase> cases);

    /** The run's manifest, or empty before {@link #begin}. */
    Optional<Manifest> manifest();

    /**
     * Claims the next open case: one never claimed, or one whose lease expired, or (with {@code retryFailed}) one that
     * failed before this store was opened (so that a case failing again in the same session is not retried forever).
     * Empty when none is left to claim now (others may still be in flight).
     */
    Optional<Claim> claim(String worker, Duration lease, boolean retryFailed);

    /** Extends a claim's lease; false when the claim was lost (expired and taken by another worker). */
    boolean renew(Claim claim, Duration lease);

    /**
     * Gives a claimed case back unfinished (its run was cancelled), so that the next worker or the next resume takes it
     * at once instead of after the lease. A claim that was lost meanwhile is left alone. The default does nothing: the
     * case is claimed again when its lease expires.
     */
    default void release(Claim claim) {}

    /**
     * Commits a finished (or failed) case in one transaction.
     *
     * @return false when the claim was lost meanwhile (another worker owns the case now): nothing was written
     */
    boolean complete(Claim claim, CaseOutcome outcome);

    /** Every committed case, in the suite's order. */
    List<CaseOutcome> outcomes();

    /** Counts of the run's cases by state. */
    Counts counts();

    /** Marks the run's end time (the last worker to find nothing left calls it). */
    void finish(Instant ended);

    /** When the run ended, if it has. */
    Optional<Instant> ended();

    @Override
    void close();

    /**
     * How many cases are in each state.
     *
     * @param total all registered cases
     * @param done finished and judged
     * @param failed finished with an error
     * @param inFlight claimed with a live lease
     */
    record Counts(int total, int done, int failed, int inFlight) {
        /** Cases neither finished nor in flight. */
        public int open() {
            return total - done - failed - inFlight;
        }
    }
}
