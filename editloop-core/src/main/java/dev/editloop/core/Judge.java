package dev.editloop.core;

/**
 * Port: scores a finished edit under a benchmark protocol (VIEScore, ImgEdit rubric, KRIS, RISE), independently of
 * the thinker that produced it.
 */
public interface Judge extends AutoCloseable {
    /** Scores one edit. */
    Judgement judge(JudgeCall call);

    /** How this judge appears in results: kind, model and endpoint, never a key. */
    String describe();

    /** Releases connections or native resources; the default does nothing. */
    @Override
    default void close() {}
}
