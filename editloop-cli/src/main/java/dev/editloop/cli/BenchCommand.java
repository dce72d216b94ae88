package dev.editloop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code editloop bench}: benchmark suites with their official scoring, a resumable runner and reports. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Run an editor and a thinker on a benchmark suite, score every edit with the benchmark's own judge protocol"
                    + " and aggregation, and report: does the loop beat a single pass, by how much, in which"
                    + " categories, and how sure can you be.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop bench suites",
            "  ./editloop bench run rise --data ../shared/benchmarks/risebench-64 \\",
            "      --out runs/rise-loop",
            "  ./editloop bench run rise --data ../shared/benchmarks/risebench-64 \\",
            "      --strategy single --out runs/rise-single",
            "  ./editloop bench report runs/rise-loop --vs runs/rise-single",
            "  ./editloop bench judge runs/rise-loop \\",
            "      --judge openai-chat:http://127.0.0.1:8000/v1?model=judge \\",
            "      --out runs/rise-loop-rejudged"
        },
        subcommands = {
            BenchSuitesCommand.class,
            BenchRunCommand.class,
            BenchJudgeCommand.class,
            BenchReportCommand.class
        })
final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.OK;
    }
}
