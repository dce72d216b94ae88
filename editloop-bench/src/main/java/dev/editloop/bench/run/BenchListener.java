package dev.editloop.bench.run;

/**
 * Receives a benchmark run's progress (the CLI draws its bar from it). Called from one thread of the runner's own, at
 * most every half second and after cases finish; a listener that throws is logged and kept, and never stalls a worker.
 */
public interface BenchListener {
    /** Hears nothing. */
    BenchListener NONE = progress -> {};

    /** The run's state now. */
    void progress(BenchProgress progress);

    /**
     * A case finished in this session.
     *
     * @param caseId the case
     * @param failed whether it failed
     * @param error why it failed, or null
     */
    default void caseFinished(String caseId, boolean failed, String error) {}
}
