package dev.editloop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code editloop data}: training data for thinker models, stage by stage, and the GRPO rewards. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Build a training set for a thinker model from your own editors and instructions: an expert thinker runs"
                    + " the loop, a scorer scores every turn, and the runs that teach something become SFT and RL"
                    + " samples in the formats trainers read. Each stage reads the folder the one before wrote and"
                    + " can be run again.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop data generate --cases examples/bench/demo.jsonl \\",
            "      --out runs/data",
            "  ./editloop data filter runs/data",
            "  ./editloop data unroll runs/data",
            "  ./editloop data balance runs/data --by task,score --seed 1",
            "  ./editloop data split runs/data --rl-trajectories 4",
            "  ./editloop data export runs/data --format sft --to jsonl",
            "  ./editloop data export runs/data --format rl --to parquet",
            "  ./editloop data stats runs/data"
        },
        subcommands = {
            DataGenerateCommand.class,
            DataFilterCommand.class,
            DataUnrollCommand.class,
            DataBalanceCommand.class,
            DataSplitCommand.class,
            DataExportCommand.class,
            DataStatsCommand.class,
            DataRewardCommand.class,
            DataBenchCommand.class
        })
final class DataCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.OK;
    }
}
