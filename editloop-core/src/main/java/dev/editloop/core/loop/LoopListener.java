package dev.editloop.core.loop;

/**
 * Receives a run's {@link LoopEvent}s, in order, on a thread of its own: a listener cannot stall or stop the loop.
 *
 * <p>Each listener of a run gets its own bounded queue ({@link #QUEUE_CAPACITY} events) emptied by its own virtual
 * thread. When it falls behind and its queue is full, the OLDEST queued progress event ({@link LoopEvent.PlanDone},
 * {@link LoopEvent.TurnStarted}, {@link LoopEvent.EditDone}, {@link LoopEvent.CritiqueDone}) is dropped to make room,
 * so a listener that catches up sees the latest state; {@link LoopEvent.RunStarted} and {@link LoopEvent.RunFinished}
 * are never dropped. Dropped events are counted ({@link RunHandle#droppedEvents()}). A listener that throws is logged
 * once and detached: it receives nothing more, and the run goes on ({@link RunHandle#detachedListeners()}).
 *
 * <p>What must not be lost, the run folder, is written by a {@link RunRecorder} instead: synchronously, and a failure
 * ends the run.
 */
@FunctionalInterface
public interface LoopListener {
    /** Does nothing. */
    LoopListener NONE = event -> {};

    /** How many events a listener's queue holds before progress events are dropped. */
    int QUEUE_CAPACITY = 64;

    /** Called for every event that is not dropped, in order, on the listener's own thread. */
    void on(LoopEvent event);

    /** A listener that calls this one, then the other, on the same thread. */
    default LoopListener andThen(LoopListener other) {
        return event -> {
            on(event);
            other.on(event);
        };
    }
}
