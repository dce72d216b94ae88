package dev.editloop.cli;

import dev.editloop.data.StageProgress;
import java.io.PrintWriter;

/**
 * The progress bar of a data stage on stderr: one redrawn line on a terminal, else a line at most every ten seconds
 * and one at the end.
 */
final class StageBar implements StageProgress {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final String stage;
    private final boolean quiet;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastLine;
    private boolean drawn;

    StageBar(PrintWriter err, String stage, boolean quiet) {
        this.err = err;
        this.stage = stage;
        this.quiet = quiet;
        this.terminal = System.console() != null;
    }

    @Override
    public synchronized void update(long done, long total) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        boolean end = done >= total;
        if (!end && now - lastLine < (terminal ? 200_000_000L : 10_000_000_000L)) {
            return;
        }
        lastLine = now;
        double fraction = total <= 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (now - start) / 1e9;
        String eta = done == 0 || end
                ? ""
                : " · ETA "
                        + BenchProgressBar.duration(
                                java.time.Duration.ofMillis((long) (elapsed / done * (total - done) * 1000)));
        String line = stage + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + eta;
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            if (end) {
                err.println();
            }
        } else {
            err.println(line);
        }
        drawn = true;
        err.flush();
    }
}
