package dev.editloop.core;

/**
 * Port: answers one judge question about a finished edit (the pictures, the prompt, the criteria and their scales),
 * independently of the thinker that produced it. The benchmark protocols (VIEScore, the ImgEdit rubric, KRIS, RISE)
 * decide the questions and combine the answers; a judge only answers.
 */
public interface Judge extends AutoCloseable {
    /**
     * Answers one question: a raw value for every criterion of the call, on the criterion's scale.
     *
     * @throws NonRetriableException when the judge's reply cannot be read (never a made-up score)
     */
    Judgement judge(JudgeCall call);

    /**
     * What this judge is, as far as results go: kind, model, endpoints and the parameters that change its answers, never
     * a key. Trajectories and benchmark results record it; {@link #describe()} is derived from it.
     *
     * <p>The default reads {@link #describe()} back and is meant for test doubles only: every real adapter builds its
     * own identity (the port contracts in the testkit check that it does).
     */
    default BackendIdentity identity() {
        return BackendIdentity.fromDisplay(describe());
    }

    /**
     * How this judge appears in progress lines and logs: in real adapters {@code identity().display()} (kind, endpoints,
     * model), never a key.
     */
    String describe();

    /** Releases connections or native resources; the default does nothing. */
    @Override
    default void close() {}
}
