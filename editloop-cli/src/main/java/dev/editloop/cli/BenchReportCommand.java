package dev.editloop.cli;

import dev.editloop.bench.protocol.Protocols;
import dev.editloop.bench.report.BenchReport;
import dev.editloop.bench.report.Comparison;
import dev.editloop.bench.report.ReportFormat;
import dev.editloop.bench.store.Manifest;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code editloop bench report}: the benchmark's own table, loop figures and comparisons of a run. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Report a benchmark run: the benchmark's own table computed as its official code does, failures (never"
                    + " scored), loop figures (score per turn, stop reasons, cases worse than turn 1, judge-thinker"
                    + " agreement) and, with --vs, paired differences with bootstrap 95%% intervals and a verdict"
                    + " (better / worse / no evidence) for DIR against each baseline.",
            ""
        },
        footer = {
            "",
            "Formats: table (terminal), json, csv, cases (one JSON line per case with the benchmark's own fields and"
                    + " the judge's raw sub-scores, for the official aggregation scripts), html (one page; written"
                    + " into DIR, whose images it links).",
            "",
            "Examples:",
            "  ./editloop bench report runs/rise-loop",
            "  ./editloop bench report runs/rise-loop --vs runs/rise-single --format html",
            "  ./editloop bench report runs/rise-loop --format cases \\",
            "      --output rise-cases.jsonl"
        })
final class BenchReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The run folder.")
    Path dir;

    @Option(
            names = "--vs",
            paramLabel = "DIR2",
            description = "A baseline run of the same suite to compare with (repeatable): differences are DIR − DIR2.")
    List<Path> baselines = new ArrayList<>();

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, json, csv, cases or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Write to FILE instead of stdout (html: default DIR/bench-report.html).")
    Path output;

    @Option(
            names = "--store",
            paramLabel = "LOCATION",
            description = "The run's store, when not run.db in DIR (e.g. postgresql://…?run=NAME).")
    String store;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "" + Comparison.DEFAULT_SEED,
            description = "The bootstrap's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws IOException {
        ReportFormat chosen = ReportFormat.get(format);
        BenchReport report = load(dir, store);
        List<Comparison> comparisons = new ArrayList<>();
        for (Path baseline : baselines) {
            comparisons.add(Comparison.of(load(baseline, null), report, seed));
        }
        if (chosen.name().equals("cases") && !verbosity.quiet) {
            // the cases file is one line per case for the benchmarks' own scripts: its notes go to stderr
            var err = spec.commandLine().getErr();
            report.notes().forEach(n -> err.println("note: " + n));
            err.flush();
        }
        Path file = output;
        if (file == null && chosen.name().equals("html")) {
            file = dir.resolve(chosen.fileName());
        }
        if (file == null) {
            var writer = spec.commandLine().getOut();
            var bytes = new java.io.ByteArrayOutputStream();
            chosen.write(report, comparisons, dir, bytes);
            writer.print(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
        } else {
            try (OutputStream out = Files.newOutputStream(file)) {
                chosen.write(report, comparisons, dir, out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            spec.commandLine().getErr().println("report: " + file);
            spec.commandLine().getErr().flush();
        }
        return Main.OK;
    }

    private static BenchReport load(Path folder, String location) {
        try (ResultStore store = BenchCli.openExisting(folder, location)) {
            Manifest manifest =
                    store.manifest().orElseThrow(() -> new InvalidInputException(folder + " holds no benchmark run"));
            return BenchReport.of(
                    manifest, store.outcomes(), Protocols.get(manifest.protocol(), Map.of()), store.ended());
        }
    }
}
