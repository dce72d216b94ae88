package dev.editloop.core.loop;

/**
 * Receives a run's {@link LoopEvent}s on the thread that runs the loop. A listener that throws stops the run: the
 * exception reaches the caller of {@link LoopEngine#run}.
 */
@FunctionalInterface
public interface LoopListener {
    /** Does nothing. */
    LoopListener NONE = event -> {};

    /** Called for every event, in order. */
    void on(LoopEvent event);

    /** A listener that calls this one, then the other. */
    default LoopListener andThen(LoopListener other) {
        return event -> {
            on(event);
            other.on(event);
        };
    }
}
