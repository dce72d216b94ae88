package dev.editloop.cli;

import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.report.BenchReport;
import dev.editloop.bench.report.ReportFormat;
import dev.editloop.bench.run.BenchRun;
import dev.editloop.bench.run.BenchSummary;
import dev.editloop.bench.store.Manifest;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** What the {@code bench} commands share: run folders, Ctrl-C, and the report a run ends with. */
final class BenchCli {
    /** The files and folders a run folder holds; a folder with anything else is not a run folder. */
    private static final Set<String> RUN_FILES = Set.of(
            "run.db",
            "run.db-wal",
            "run.db-shm",
            "cases",
            "cache",
            "inputs",
            "bench-report.html",
            "bench-report.txt",
            "bench-report.json");

    private BenchCli() {}

    /** {@code --judge-prompt NAME=FILE} entries as a map. */
    static Map<String, Path> promptFiles(List<String> entries) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new InvalidInputException("--judge-prompt expects NAME=FILE, got '" + entry + "'");
            }
            files.put(
                    entry.substring(0, eq).strip(),
                    Path.of(entry.substring(eq + 1).strip()));
        }
        return files;
    }

    /**
     * Makes sure {@code dir} can hold a run: new, empty, or an earlier run (to resume). A folder holding other files is
     * refused, so a run never writes among files it did not make.
     */
    static void requireRunFolder(Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new InvalidInputException("--out " + dir + " is a file, not a folder");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> strangers = entries.map(p -> p.getFileName().toString())
                    .filter(n -> !RUN_FILES.contains(n))
                    .sorted()
                    .limit(3)
                    .toList();
            if (!strangers.isEmpty()) {
                throw new InvalidInputException("--out " + dir + " holds files that are not a benchmark run's ("
                        + String.join(", ", strangers) + "): give a new folder, or the folder of the run to resume");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code dir} (with that store) may already hold a run to read. */
    static boolean hasRun(Path dir, String store) {
        boolean sqlite = store == null || store.isBlank() || store.strip().equalsIgnoreCase("sqlite");
        return !sqlite || Files.isRegularFile(dir.resolve("run.db"));
    }

    /**
     * Opens an existing run's store for reading.
     *
     * @throws InvalidInputException when the folder holds no run
     */
    static ResultStore openExisting(Path dir, String store) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + " is not a folder");
        }
        if (!hasRun(dir, store)) {
            throw new InvalidInputException(
                    dir + " holds no benchmark run (no run.db): give the --out folder of" + " 'editloop bench run'");
        }
        return dev.editloop.bench.store.Stores.open(store, dir);
    }

    /**
     * Waits for a run; Ctrl-C cancels it (cases in flight stay open for the next resume), waits a bounded time for the
     * workers to stop, and prints one line.
     *
     * @return the summary, or null when Ctrl-C ended the run (the line is printed and the JVM is exiting)
     */
    static BenchSummary awaitWithCtrlC(BenchRun run, BenchProgressBar bar, PrintWriter err, Path dir) {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    interrupted.set(true);
                    run.cancel();
                    try {
                        var summary = run.await(CancellableRun.FINISH_WAIT);
                        bar.close();
                        err.println(
                                summary.isPresent()
                                        ? "editloop: cancelled; "
                                                + summary.get().progress().done() + " of "
                                                + summary.get().progress().total() + " cases are done in " + dir
                                                + "; run the same command to continue"
                                        : "editloop: cancelled; the cases in flight did not stop within "
                                                + CancellableRun.FINISH_WAIT.toSeconds()
                                                + " s; they are redone on resume");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        err.flush();
                        reported.countDown();
                    }
                },
                "editloop-bench-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        BenchSummary summary = run.join();
        if (interrupted.get()) {
            try {
                reported.await(CancellableRun.FINISH_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C arrived as the run ended
        }
        bar.close();
        return summary;
    }

    /**
     * Ends a run: prints the benchmark's table on stdout, writes {@code bench-report.html} into the run folder, says
     * what failed, and gives the exit status (1 when cases failed).
     */
    static int finish(
            BenchSummary summary, ResultStore store, Protocol protocol, Path dir, PrintWriter stdout, PrintWriter err) {
        Manifest manifest = store.manifest().orElseThrow();
        BenchReport report = BenchReport.of(manifest, store.outcomes(), protocol, store.ended());
        stdout.print(render(ReportFormat.get("table"), report, dir));
        stdout.flush();
        ReportFormat html = ReportFormat.get("html");
        Path page = dir.resolve(html.fileName());
        write(html, report, dir, page);
        var p = summary.progress();
        err.println("run: " + p.done() + " done, " + p.failed() + " failed of " + p.total() + " cases in "
                + BenchProgressBar.duration(summary.wall()) + " · report: " + page);
        if (!summary.complete()) {
            err.println("run: " + (p.total() - p.done() - p.failed())
                    + " cases are still open or in flight elsewhere; run the same command to continue");
        }
        if (p.failed() > 0) {
            err.println("run: " + p.failed() + " cases failed (listed in the report); --retry-failed redoes them");
            err.flush();
            return Main.RUN_ERROR;
        }
        err.flush();
        return Main.OK;
    }

    static String render(ReportFormat format, BenchReport report, Path dir) {
        var bytes = new java.io.ByteArrayOutputStream();
        try {
            format.write(report, List.of(), dir, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static void write(ReportFormat format, BenchReport report, Path dir, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            format.write(report, List.of(), dir, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
