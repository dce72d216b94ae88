package dev.editloop.core.loop;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run started by {@link LoopEngine#start}: cancel it from any thread, wait for its result, and see how its
 * listeners kept up.
 *
 * <p>Unlike a {@link java.util.concurrent.Future}, a cancelled run still has a result: {@link #cancel()} interrupts
 * the backend call in flight, and the engine stops waiting for it at once even if the backend ignores the interrupt;
 * the run then ends with {@link StopReason#CANCELLED}, its finished turns, best turn and report written by its
 * {@link RunRecorder}, and {@link #get} returns that result.
 */
public final class RunHandle {
    private final CompletableFuture<LoopResult> result;
    private final RunControl control;
    private final List<Delivery> deliveries;

    RunHandle(CompletableFuture<LoopResult> result, RunControl control, List<Delivery> deliveries) {
        this.result = result;
        this.control = control;
        this.deliveries = List.copyOf(deliveries);
    }

    /**
     * Asks the run to stop: it stops before its next step, and the backend call in flight is interrupted. Does
     * nothing when the run has already stopped or is already stopping. Returns at once.
     */
    public void cancel() {
        control.stop(StopReason.CANCELLED);
    }

    /** Whether the run has stopped and its recorder has finished. */
    public boolean isDone() {
        return result.isDone();
    }

    /** Waits for the run's result (the recorder has finished writing when it is returned). */
    public LoopResult get() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    /**
     * Waits at most {@code timeout} for the run's result.
     *
     * @throws TimeoutException when the run has not stopped by then
     */
    public LoopResult get(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    /** Waits for the result without being interruptible. */
    public LoopResult join() {
        try {
            return result.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw unwrap(e);
        }
    }

    /** The result as a future, for composition; completing or cancelling the returned copy does not affect the run. */
    public CompletableFuture<LoopResult> future() {
        return result.copy();
    }

    /**
     * Waits at most {@code timeout} until every listener has received {@link LoopEvent.RunFinished} or was detached.
     *
     * @return whether they all have
     */
    public boolean awaitListeners(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (Delivery delivery : deliveries) {
            if (!delivery.await(end - System.nanoTime())) {
                return false;
            }
        }
        return true;
    }

    /** How many progress events were dropped because a listener fell behind, over all of this run's listeners. */
    public long droppedEvents() {
        return deliveries.stream().mapToLong(Delivery::dropped).sum();
    }

    /** How many of this run's listeners threw and were detached. */
    public int detachedListeners() {
        return (int) deliveries.stream().filter(Delivery::detached).count();
    }

    private static RuntimeException unwrap(Exception e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
