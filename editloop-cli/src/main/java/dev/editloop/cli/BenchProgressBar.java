package dev.editloop.cli;

import dev.editloop.bench.run.BenchListener;
import dev.editloop.bench.run.BenchProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The progress bar of {@code editloop bench run} and {@code judge} on stderr: done, failed, in flight, calls per
 * minute and the time left. On a terminal it redraws one line; otherwise (a log file, CI) it prints a line at most
 * every {@link #LOG_EVERY}, so logs stay short. Failed cases are named as they fail.
 */
final class BenchProgressBar implements BenchListener {
    /** How often a line is printed when stderr is not a terminal. */
    static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private long lastLine;
    private boolean drawn;
    private String last = "";

    BenchProgressBar(PrintWriter err, boolean quiet, boolean terminal) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(BenchProgress p) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        boolean finished = p.open() == 0 && p.inFlight() == 0;
        if (!terminal && !finished && drawn && now - lastLine < LOG_EVERY.toNanos()) {
            return;
        }
        String line = line(p);
        if (line.equals(last)) {
            return;
        }
        last = line;
        lastLine = now;
        drawn = true;
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public synchronized void caseFinished(String caseId, boolean failed, String error) {
        if (!failed || quiet) {
            return;
        }
        if (terminal && drawn) {
            err.print("\r\u001b[K");
        }
        err.println("case " + caseId + " failed: " + error);
        err.flush();
    }

    /** Ends the bar's line on a terminal. */
    synchronized void close() {
        if (terminal && drawn && !quiet) {
            err.println();
            err.flush();
        }
    }

    /** One progress line, e.g. {@code [######------] 32/64 done · 1 failed · 4 in flight · 41 calls/min · ETA 2m10s}. */
    static String line(BenchProgress p) {
        int filled = (int) Math.round(p.fraction() * WIDTH);
        StringBuilder bar = new StringBuilder("[");
        bar.append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
        bar.append(p.done()).append('/').append(p.total()).append(" done");
        bar.append(" · ").append(p.failed()).append(" failed");
        bar.append(" · ").append(p.inFlight()).append(" in flight");
        bar.append(String.format(Locale.ROOT, " · %.0f calls/min", p.callsPerMinute()));
        if (p.calls().cached() > 0) {
            bar.append(" · ").append(p.calls().cached()).append(" cached");
        }
        bar.append(" · ETA ").append(p.eta() == null ? "–" : duration(p.eta()));
        return bar.toString();
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
