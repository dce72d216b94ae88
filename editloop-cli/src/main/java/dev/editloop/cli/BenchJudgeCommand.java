package dev.editloop.cli;

import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.run.BenchRun;
import dev.editloop.bench.run.BenchRunner;
import dev.editloop.bench.run.BenchSummary;
import dev.editloop.bench.run.RejudgeOptions;
import dev.editloop.bench.store.Manifest;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.bench.store.Stores;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSession;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code editloop bench judge}: re-scores a finished run with another judge, without editing again. */
@Command(
        name = "judge",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Judge a finished run's edits again with another judge (or protocol, prompts or samples) into a new run"
                    + " folder, without calling the editor or the thinker. Reports read it like any run, and"
                    + " 'bench report NEW --vs DIR' compares the judges. Resumable like 'bench run'.",
            ""
        },
        footer = {
            "",
            "Example:",
            "  ./editloop bench judge runs/rise-loop \\",
            "      --judge openai-chat:http://127.0.0.1:8000/v1?model=Qwen2.5-VL-72B \\",
            "      --judge-samples 3 --out runs/rise-loop-qwen-judge"
        })
final class BenchJudgeCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The finished run's folder.")
    Path source;

    @Option(
            names = "--judge",
            paramLabel = "SPEC",
            required = true,
            description = "The judge to score with: a chat backend spec or configured name, or embedded.")
    String judge;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            required = true,
            description = "The new run folder (new, or an earlier re-judging to resume).")
    Path out;

    @Option(
            names = {"-k", "--concurrency"},
            paramLabel = "K",
            defaultValue = "4",
            description = "Cases judged at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--store",
            paramLabel = "LOCATION",
            description = "The finished run's store, when not run.db in DIR.")
    String store;

    @Option(
            names = "--out-store",
            paramLabel = "LOCATION",
            description = "The new run's store (default: run.db in --out).")
    String outStore;

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
        if (source.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new InvalidInputException("--out must be another folder than the run it judges again (" + out + ")");
        }
        BenchCli.requireRunFolder(out);
        try (ResultStore from = BenchCli.openExisting(source, store)) {
            Manifest manifest = from.manifest()
                    .orElseThrow(() -> new InvalidInputException(source + " holds no benchmark run to judge again"));
            Protocol protocol = judging.protocol(manifest.protocol());
            RejudgeOptions options = new RejudgeOptions(
                    out,
                    judge,
                    protocol,
                    judging.samples,
                    concurrency,
                    4,
                    null,
                    Main.Version.version(),
                    Main.Version.commit());
            BackendSession session = new BackendSession(BackendRegistry.load(), cfg::resolve);
            try (session;
                    ResultStore to = Stores.open(outStore, out)) {
                BenchProgressBar bar = new BenchProgressBar(err, verbosity.quiet, System.console() != null);
                BenchRun run = new BenchRunner(session).rejudge(from, source, options, to, bar);
                BenchSummary summary = BenchCli.awaitWithCtrlC(run, bar, err, out);
                if (summary == null) {
                    return CancellableRun.CANCELLED;
                }
                return BenchCli.finish(summary, to, protocol, out, stdout, err);
            }
        }
    }
}
