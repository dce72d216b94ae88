package dev.editloop.cli;

import dev.editloop.data.DataDir;
import dev.editloop.data.stage.Stats;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code editloop data stats}: a table and an HTML page of what the data set holds. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Print what the data set holds: kept and dropped trajectories with the reasons, turn counts and score"
                    + " variances, steps per task type and score bucket, and the split. Also writes"
                    + " DIR/data/stats.txt and DIR/data/stats.html (charts in inline SVG, opens offline).",
            ""
        },
        footer = {"", "Examples (in the EditLoop folder):", "  ./editloop data stats runs/data"})
final class DataStatsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The data set folder.")
    Path dir;

    @Override
    public Integer call() {
        DataDir data = DataDir.open(dir);
        var out = spec.commandLine().getOut();
        out.print(Stats.run(data));
        out.println("\npage: " + data.data().resolve("stats.html"));
        out.flush();
        return Main.OK;
    }
}
