package dev.editloop.data;

/** Told how far a long stage has come (the CLI draws a bar). */
@FunctionalInterface
public interface StageProgress {
    StageProgress NONE = (done, total) -> {};

    /** {@code done} of {@code total} items are through. */
    void update(long done, long total);
}
