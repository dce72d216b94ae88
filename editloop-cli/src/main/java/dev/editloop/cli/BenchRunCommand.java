package dev.editloop.cli;

import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.run.BenchOptions;
import dev.editloop.bench.run.BenchRun;
import dev.editloop.bench.run.BenchRunner;
import dev.editloop.bench.run.BenchSummary;
import dev.editloop.bench.run.DryRun;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.bench.store.Stores;
import dev.editloop.bench.suite.Suite;
import dev.editloop.bench.suite.SuiteData;
import dev.editloop.bench.suite.SuiteOptions;
import dev.editloop.bench.suite.SuiteSummary;
import dev.editloop.bench.suite.Suites;
import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code editloop bench run}: runs a suite through the loop and the judge, resumably, K cases at a time. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Run every case of a benchmark suite through the loop (editor + thinker), judge every turn with the"
                    + " suite's judge protocol, and store the results in the run folder. The same command after a"
                    + " crash, kill -9 or Ctrl-C continues where it stopped: finished cases are never redone.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop bench run rise --data ../shared/benchmarks/risebench-64 \\",
            "      --out runs/rise-loop",
            "  ./editloop bench run imgedit --data ~/data/ImgEdit/Benchmark \\",
            "      --categories style,adjust \\",
            "      --editor comfyui:http://gpu1:8188?workflow=qwen-image-edit \\",
            "      --thinker openai-chat:http://127.0.0.1:8000/v1?model=EditThinker-8B \\",
            "      --judge openai-chat:https://api.openai.com/v1?model=gpt-4o \\",
            "      --concurrency 16 --out runs/imgedit",
            "  ./editloop bench run rise --data ../shared/benchmarks/risebench-64 \\",
            "      --dry-run --price judge=0.01 \\",
            "      --out runs/rise-loop",
            "",
            "Exit status: 0 every case finished; 1 some cases failed (they are listed; --retry-failed redoes"
                    + " them); 2 bad input; 130 cancelled with Ctrl-C (cases in flight are redone on resume)."
        })
final class BenchRunCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "SUITE",
            description = "gedit, imgedit, kris, rise or jsonl (see 'editloop bench suites').")
    String suiteName;

    @Option(
            names = "--data",
            paramLabel = "PATH",
            required = true,
            description = "The suite's data (see 'editloop bench suites' for each layout).")
    Path data;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            required = true,
            description = "The run folder: new, or an earlier run of the same command to resume.")
    Path out;

    @Option(
            names = "--language",
            paramLabel = "en|cn",
            defaultValue = "en",
            description = "GEdit only: the instructions' language (default: ${DEFAULT-VALUE}).")
    String language;

    @Mixin
    LoopOptions loop;

    @Mixin
    BackendOptions backends;

    @Option(
            names = "--judge",
            paramLabel = "SPEC",
            defaultValue = "embedded",
            description =
                    "Judge backend: any chat backend spec or configured name, or embedded (default: ${DEFAULT-VALUE}).")
    String judge;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "Only the first N cases (after --categories); 0 for all.")
    int limit;

    @Option(names = "--categories", paramLabel = "A,B", split = ",", description = "Only these categories.")
    List<String> categories = new ArrayList<>();

    @Option(
            names = {"-k", "--concurrency"},
            paramLabel = "K",
            defaultValue = "4",
            description =
                    "Cases in flight at once (default: ${DEFAULT-VALUE}); backends are shared, each pool keeps its own limits.")
    int concurrency;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "The run's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--store",
            paramLabel = "LOCATION",
            description =
                    "Where results are kept: sqlite (run.db in the run folder, the default) or"
                            + " postgresql://user@host:port/db?run=NAME to share one run between hosts (password from PGPASSWORD).")
    String store;

    @Option(names = "--retry-failed", description = "Redo the cases that failed in an earlier session.")
    boolean retryFailed;

    @Option(
            names = "--case-timeout",
            paramLabel = "DURATION",
            converter = Converters.DurationConverter.class,
            description =
                    "Time allowed per case; a case past it stops with 'deadline' and is judged on its finished turns.")
    Duration caseTimeout;

    @Option(
            names = "--dry-run",
            description =
                    "Print the cases, the most calls each backend can get and (with --price) the cost; call nothing.")
    boolean dryRun;

    @Option(
            names = "--price",
            paramLabel = "ROLE=X",
            description = "Price of one call, for --dry-run and a cost --budget: editor=0.04, thinker=0.01,"
                    + " judge=0.01 (repeatable).")
    Map<String, Double> prices = new LinkedHashMap<>();

    @Mixin
    JudgeOptions judging;

    @Mixin(name = ConfigOption.NAME)
    ConfigOption config;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        var stdout = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        EditLoopConfig cfg = config.config();
        var strategy = loop.strategy(prices);
        Suite suite = Suites.get(suiteName);
        Protocol protocol = judging.protocol(suite.protocol());
        BenchCli.requireRunFolder(out);
        SuiteData loaded = suite.load(data, new SuiteOptions(language, out));
        if (!verbosity.quiet) {
            SuiteSummary.lines(loaded).forEach(err::println);
            err.flush();
        }
        BenchOptions options = BenchOptions.builder(out, loaded, protocol)
                .language(suite.name().equals("gedit") ? language : null)
                .categories(categories)
                .limit(limit)
                .strategy(strategy)
                .editor(backends.editor)
                .thinker(backends.thinker)
                .judge(judge)
                .judgeSamples(judging.samples)
                .maxTurns(loop.turnLimit())
                .threshold(loop.threshold)
                .seed(seed)
                .concurrency(concurrency)
                .retryFailed(retryFailed)
                .caseTimeout(caseTimeout)
                .editLoop(Main.Version.version(), Main.Version.commit())
                .build();
        if (dryRun) {
            ResultStore existing = BenchCli.hasRun(out, store) ? Stores.open(store, out) : null;
            try {
                DryRun plan = BenchRunner.dryRun(options, prices, existing);
                stdout.println(plan.text());
                stdout.flush();
            } finally {
                if (existing != null) {
                    existing.close();
                }
            }
            return Main.OK;
        }
        BackendSession session = new BackendSession(BackendRegistry.load(), s -> backends.resolve(cfg, s));
        try (session;
                ResultStore results = Stores.open(store, out)) {
            BenchProgressBar bar = new BenchProgressBar(err, verbosity.quiet, System.console() != null);
            BenchRun run = new BenchRunner(session).start(options, results, bar);
            BenchSummary summary = BenchCli.awaitWithCtrlC(run, bar, err, out);
            if (summary == null) {
                return CancellableRun.CANCELLED;
            }
            return BenchCli.finish(summary, results, protocol, out, stdout, err);
        }
    }
}
