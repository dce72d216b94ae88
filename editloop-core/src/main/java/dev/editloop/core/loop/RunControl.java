package dev.editloop.core.loop;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A run's stop signal (cancel or deadline) and the way it calls backends: each call runs on its own virtual thread
 * while the loop's thread waits for the first of the answer, the stop signal and the deadline. On a stop the call's
 * thread is interrupted and the loop stops waiting at once, whether or not the backend honours the interrupt.
 */
final class RunControl {
    private static final AtomicLong CALLS = new AtomicLong();

    private final CompletableFuture<StopReason> stopped = new CompletableFuture<>();
    private final long deadlineNanos;
    private final boolean hasDeadline;

    RunControl(Duration timeout) {
        this.hasDeadline = timeout != null;
        this.deadlineNanos = hasDeadline ? System.nanoTime() + timeout.toNanos() : 0;
    }

    /** Requests a stop; the first reason wins. */
    void stop(StopReason reason) {
        stopped.complete(reason);
    }

    /** Throws when a stop was requested or the deadline has passed. */
    void check() {
        if (hasDeadline && System.nanoTime() - deadlineNanos >= 0) {
            stop(StopReason.DEADLINE);
        }
        StopReason reason = stopped.getNow(null);
        if (reason != null) {
            throw new RunStopped(reason);
        }
    }

    /**
     * Runs one backend call and returns its answer, or throws {@link RunStopped} when the run is stopped first.
     * Exceptions of the call pass through unchanged.
     */
    <T> T call(String name, Supplier<T> body) {
        check();
        CompletableFuture<T> answer = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual()
                .name(name + "-" + CALLS.incrementAndGet())
                .start(() -> {
                    try {
                        answer.complete(body.get());
                    } catch (Throwable e) {
                        answer.completeExceptionally(e);
                    }
                });
        try {
            CompletableFuture<Object> first = CompletableFuture.anyOf(answer, stopped);
            if (hasDeadline) {
                first.get(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            } else {
                first.get();
            }
        } catch (TimeoutException e) {
            stop(StopReason.DEADLINE);
        } catch (InterruptedException e) {
            // the loop's own thread was interrupted: a cancel by other means
            stop(StopReason.CANCELLED);
        } catch (ExecutionException | CancellationException e) {
            // the answer failed: reported below
        }
        if (!answer.isDone()) {
            worker.interrupt();
            throw new RunStopped(stopped.getNow(StopReason.CANCELLED));
        }
        try {
            return answer.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Thrown through a strategy when the run is stopped; carries CANCELLED or DEADLINE. */
    static final class RunStopped extends RuntimeException {
        final StopReason reason;

        RunStopped(StopReason reason) {
            super("the run was stopped: " + reason.id(), null, false, false);
            this.reason = reason;
        }
    }
}
