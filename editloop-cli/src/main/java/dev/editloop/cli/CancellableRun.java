package dev.editloop.cli;

import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopListener;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.RunHandle;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.trajectory.RunFolder;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one loop for {@code editloop edit} so that Ctrl-C ends it cleanly: a JVM shutdown hook cancels the run (the
 * backend call in flight is interrupted), waits a bounded time for the run folder to be complete (finished turns,
 * {@code final.png} of the best turn so far, {@code trajectory.json} saying {@code cancelled}, {@code report.html}),
 * and prints one line on stderr. The JVM then exits with 130, as for any process ended by SIGINT.
 */
final class CancellableRun {
    /** The exit status after Ctrl-C (128 + SIGINT), set by the JVM. */
    static final int CANCELLED = 130;

    /** How long Ctrl-C waits for the run folder to be complete before the JVM exits anyway. */
    static final Duration FINISH_WAIT = Duration.ofSeconds(20);

    /** How long the run's end waits for the progress lines to be printed. */
    private static final Duration LISTENER_WAIT = Duration.ofSeconds(5);

    private CancellableRun() {}

    /**
     * Runs the request, writing {@code folder} and reporting to {@code progress}.
     *
     * @return the result, or null when Ctrl-C cancelled the run (its line is printed, and the JVM is exiting)
     */
    static LoopResult run(
            LoopEngine engine, LoopRequest request, RunFolder folder, LoopListener progress, PrintWriter err) {
        RunHandle handle = engine.start(request, folder, progress);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    interrupted.set(true);
                    handle.cancel();
                    try {
                        LoopResult result = handle.get(FINISH_WAIT);
                        awaitProgress(handle);
                        if (result.stopReason() == StopReason.CANCELLED) {
                            err.println(cancelledLine(result, folder));
                        }
                    } catch (TimeoutException e) {
                        err.println("editloop: cancelled; the run did not stop within " + FINISH_WAIT.toSeconds()
                                + " s, so the files in " + folder.dir() + " may be incomplete");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        err.flush();
                        reported.countDown();
                    }
                },
                "editloop-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        LoopResult result = handle.join();
        if (interrupted.get()) {
            // the JVM is shutting down: the hook prints the one line; nothing else is printed
            try {
                reported.await(FINISH_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C arrived as the run ended: the hook finds it done and prints nothing
        }
        awaitProgress(handle);
        return result;
    }

    /** The one line Ctrl-C prints, saying what is in the folder. */
    static String cancelledLine(LoopResult result, RunFolder folder) {
        if (result.turns().isEmpty()) {
            return "editloop: cancelled before any turn finished; trajectory.json and report.html are in "
                    + folder.dir();
        }
        return "editloop: cancelled; finished turns, final.png and report.html are in " + folder.dir();
    }

    private static void awaitProgress(RunHandle handle) {
        try {
            handle.awaitListeners(LISTENER_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
