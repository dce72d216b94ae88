package dev.editloop.core.loop;

/**
 * The critical subscriber of a run: it persists the run (the run folder, {@code
 * dev.editloop.core.trajectory.RunFolder}) and is called synchronously on the loop's thread, before the queued
 * {@link LoopListener}s see the event, so that what it writes is on disk before the run moves on.
 *
 * <p>A recorder that throws ends the run with {@link StopReason#ERROR} and the message "the run folder could not be
 * written: …"; it still receives {@link LoopEvent.RunFinished} to write what it can. This is the only subscriber
 * whose failure ends a run.
 */
@FunctionalInterface
public interface RunRecorder {
    /** Records nothing. */
    RunRecorder NONE = event -> {};

    /** Called for every event, in order, on the loop's thread. */
    void on(LoopEvent event);
}
