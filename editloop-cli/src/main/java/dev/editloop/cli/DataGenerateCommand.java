package dev.editloop.cli;

import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.run.BenchOptions;
import dev.editloop.bench.run.BenchRun;
import dev.editloop.bench.run.BenchRunner;
import dev.editloop.bench.run.BenchSummary;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.bench.store.Stores;
import dev.editloop.bench.suite.Suite;
import dev.editloop.bench.suite.SuiteData;
import dev.editloop.bench.suite.SuiteOptions;
import dev.editloop.bench.suite.SuiteSummary;
import dev.editloop.bench.suite.Suites;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code editloop data generate}: expert trajectories on the benchmark runner: the same store, resume, concurrency and
 * multi-host claiming as {@code bench run}; the scorer is the judge, and it scores every turn.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Run the expert thinker and the editor through the loop on every case (the expert decides when to stop)"
                    + " and have the scorer score every turn. Runs on the benchmark runner: resumable after a crash or"
                    + " Ctrl-C, K cases at once, several hosts on one PostgreSQL store. The expert's own scores are"
                    + " kept but only the scorer's decide what 'filter' keeps.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop data generate --cases examples/bench/demo.jsonl \\",
            "      --out runs/data",
            "  ./editloop data generate --suite imgedit --data ~/data/ImgEdit \\",
            "      --thinker openai-chat:https://api.openai.com/v1?model=gpt-4.1 \\",
            "      --editor comfyui:http://gpu1:8188?workflow=qwen-image-edit \\",
            "      --scorer openai-chat:https://api.openai.com/v1?model=gpt-4o \\",
            "      --concurrency 32 --out runs/thinkedit",
            "",
            "Exit status: 0 every case finished; 1 some cases failed (--retry-failed redoes them); 2 bad"
                    + " input; 130 cancelled (run the same command to continue)."
        })
final class DataGenerateCommand implements Callable<Integer> {
    /** What a data set folder may hold: a run folder's files and the later stages' {@code data/}. */
    private static final Set<String> FOLDER_FILES =
            Set.of("run.db", "run.db-wal", "run.db-shm", "cases", "cache", "inputs", "data", "bench-report.html");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class Source {
        @Option(
                names = "--cases",
                paramLabel = "FILE",
                required = true,
                description = "Your cases, one JSON object a line: id, image, instruction, category (the task type).")
        Path cases;

        @ArgGroup(exclusive = false)
        SuiteSource suite;
    }

    static final class SuiteSource {
        @Option(
                names = "--suite",
                paramLabel = "SUITE",
                required = true,
                description = "A benchmark suite's cases: gedit, imgedit, kris, rise (see 'editloop bench suites').")
        String name;

        @Option(names = "--data", paramLabel = "PATH", required = true, description = "The suite's data.")
        Path data;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            required = true,
            description = "The data set folder: new, or an earlier generate run to resume.")
    Path out;

    @Mixin
    LoopOptions loop;

    @Mixin
    BackendOptions backends;

    @Option(
            names = "--scorer",
            paramLabel = "SPEC",
            defaultValue = "embedded",
            description = "The scorer: a judge backend spec or configured name (default: ${DEFAULT-VALUE}).")
    String scorer;

    @Option(
            names = "--protocol",
            paramLabel = "NAME",
            defaultValue = "vie",
            description = "The scorer's protocol (default: ${DEFAULT-VALUE}: SC, PQ and their overall per turn).")
    String protocolName;

    @Option(
            names = {"-k", "--concurrency"},
            paramLabel = "K",
            defaultValue = "4",
            description = "Cases in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Only the first N cases; 0 for all.")
    int limit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The run's seed (default: 0).")
    long seed;

    @Option(
            names = "--store",
            paramLabel = "LOCATION",
            description = "sqlite (run.db in the folder, the default) or postgresql://user@host:port/db?run=NAME to"
                    + " share one run between hosts (password from PGPASSWORD).")
    String store;

    @Option(names = "--retry-failed", description = "Redo the cases that failed in an earlier session.")
    boolean retryFailed;

    @Mixin(name = ConfigOption.NAME)
    ConfigOption config;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        var stdout = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        EditLoopConfig cfg = config.config();
        requireDataFolder(out);
        Protocol protocol = dev.editloop.bench.protocol.Protocols.get(protocolName, java.util.Map.of());
        SuiteData loaded;
        if (source.cases != null) {
            loaded = Suites.get("jsonl").load(source.cases, new SuiteOptions("en", out));
        } else {
            Suite suite = Suites.get(source.suite.name);
            loaded = suite.load(source.suite.data, new SuiteOptions("en", out));
        }
        if (!verbosity.quiet) {
            SuiteSummary.lines(loaded).forEach(err::println);
            err.flush();
        }
        BenchOptions options = BenchOptions.builder(out, loaded, protocol)
                .limit(limit)
                .strategy(loop.strategy)
                .editor(backends.editor)
                .thinker(backends.thinker)
                .judge(scorer)
                .maxTurns(loop.turnLimit())
                .threshold(loop.threshold)
                .seed(seed)
                .concurrency(concurrency)
                .retryFailed(retryFailed)
                .editLoop(Main.Version.version(), Main.Version.commit())
                .build();
        BackendSession session = new BackendSession(BackendRegistry.load(), s -> backends.resolve(cfg, s));
        try (session;
                ResultStore results = Stores.open(store, out)) {
            BenchProgressBar bar = new BenchProgressBar(err, verbosity.quiet, System.console() != null);
            BenchRun run = new BenchRunner(session).start(options, results, bar);
            BenchSummary summary = BenchCli.awaitWithCtrlC(run, bar, err, out);
            if (summary == null) {
                return CancellableRun.CANCELLED;
            }
            var p = summary.progress();
            stdout.println("generate: " + p.done() + " trajectories done, " + p.failed() + " failed of " + p.total()
                    + " cases in " + BenchProgressBar.duration(summary.wall()) + " · " + out);
            if (!summary.complete()) {
                stdout.println("generate: " + (p.total() - p.done() - p.failed())
                        + " cases are still open or in flight elsewhere; run the same command to continue");
            }
            stdout.println("next: ./editloop data filter " + out);
            stdout.flush();
            if (p.failed() > 0) {
                err.println("generate: " + p.failed() + " cases failed; --retry-failed redoes them");
                err.flush();
                return Main.RUN_ERROR;
            }
            return Main.OK;
        }
    }

    static void requireDataFolder(Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new InvalidInputException("--out " + dir + " is a file, not a folder");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> strangers =
                    new ArrayList<>(entries.map(p -> p.getFileName().toString())
                            .filter(n -> !FOLDER_FILES.contains(n))
                            .sorted()
                            .limit(3)
                            .toList());
            if (!strangers.isEmpty()) {
                throw new InvalidInputException("--out " + dir + " holds files that are not a data set's ("
                        + String.join(", ", strangers) + "): give a new folder, or the folder of the run to resume");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }
}
