package dev.editloop.cli;

import dev.editloop.data.DataDir;
import dev.editloop.data.stage.Unroll;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code editloop data unroll}: one step sample per turn. */
@Command(
        name = "unroll",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Turn every kept trajectory into one step sample per turn: the inputs (source image, current image,"
                    + " original and previous instruction), the target (reasoning, scores, refined instruction and a"
                    + " continue/stop label), and the scorer's scores and their change as metadata. Writes"
                    + " DIR/data/steps.jsonl.",
            ""
        },
        footer = {"", "Examples (in the EditLoop folder):", "  ./editloop data unroll runs/data"})
final class DataUnrollCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The data set folder.")
    Path dir;

    @Override
    public Integer call() {
        DataDir data = DataDir.open(dir);
        Unroll.Report r = Unroll.run(data);
        var out = spec.commandLine().getOut();
        out.println("unroll: " + r.steps() + " steps from " + r.trajectories() + " trajectories"
                + (r.skipped() > 0 ? " (" + r.skipped() + " turns without a readable expert critique skipped)" : ""));
        out.println("wrote " + data.steps());
        out.flush();
        return Main.OK;
    }
}
