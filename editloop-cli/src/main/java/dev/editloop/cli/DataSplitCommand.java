package dev.editloop.cli;

import dev.editloop.data.DataDir;
import dev.editloop.data.stage.Split;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code editloop data split}: SFT and RL sets, no trajectory in both. */
@Command(
        name = "split",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Split the steps (balanced.jsonl, or steps.jsonl when balance has not run) into RL and SFT. RL: the N"
                    + " trajectories with the highest score variance, task types taking turns; all their steps."
                    + " SFT: the steps of the other trajectories where the expert's overall is within"
                    + " --max-critic-gap of the scorer's. No trajectory is in both. Writes DIR/data/sft.jsonl,"
                    + " rl.jsonl and split.json.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop data split runs/data --rl-trajectories 4",
            "  ./editloop data split runs/thinkedit --rl-trajectories 10000 \\",
            "      --max-critic-gap 1.5"
        })
final class DataSplitCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The data set folder.")
    Path dir;

    @Option(
            names = "--rl-trajectories",
            paramLabel = "N",
            required = true,
            description = "How many trajectories go to RL.")
    int rlTrajectories;

    @Option(
            names = "--max-critic-gap",
            paramLabel = "X",
            defaultValue = "2",
            description = "SFT keeps a step when |expert overall - scorer overall| <= X (default: ${DEFAULT-VALUE}).")
    double maxCriticGap;

    @Override
    public Integer call() {
        DataDir data = DataDir.open(dir);
        Split.Report r = Split.run(data, rlTrajectories, maxCriticGap);
        var out = spec.commandLine().getOut();
        out.println("split (" + r.input() + "): RL " + r.rlTrajectories() + " trajectories, " + r.rlSteps()
                + " steps; SFT " + r.sftSteps() + " steps from " + r.sftTrajectories() + " trajectories");
        if (r.rlTrajectories() < rlTrajectories) {
            out.println("  only " + r.rlTrajectories() + " trajectories have a score variance above 0");
        }
        r.rlByTask().forEach((t, n) -> out.println("  RL " + t + ": " + n));
        r.dropped().forEach((k, n) -> out.println("  left out of SFT: " + n + " (" + k + ")"));
        out.println("wrote " + data.sft() + " and " + data.rl());
        out.flush();
        return Main.OK;
    }
}
