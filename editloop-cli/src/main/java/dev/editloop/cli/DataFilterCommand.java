package dev.editloop.cli;

import dev.editloop.bench.store.ResultStore;
import dev.editloop.data.DataDir;
import dev.editloop.data.stage.Filter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code editloop data filter}: keeps the trajectories that recover, cut after their best turn. */
@Command(
        name = "filter",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Keep a trajectory only if some later turn scores at least as well as turn 1 (the scorer's overall),"
                    + " and cut it after its best turn (ties go to the later turn). Stores every image once by"
                    + " content under DIR/data/images and writes DIR/data/trajectories.jsonl and filter.json."
                    + " Reads the generate run, never its own output: running it again gives the same files.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop data filter runs/data",
            "  ./editloop data filter runs/thinkedit \\",
            "      --store postgresql://editloop@db:5432/runs?run=thinkedit"
        })
final class DataFilterCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The data set folder ('data generate --out').")
    Path dir;

    @Option(names = "--store", paramLabel = "LOCATION", description = "The generate run's store, if not sqlite.")
    String store;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        DataDir data = DataDir.open(dir);
        try (ResultStore results = BenchCli.openExisting(dir, store)) {
            Filter.Report r =
                    Filter.run(data, results, new StageBar(spec.commandLine().getErr(), "filter", verbosity.quiet));
            out.println("filter: kept " + r.kept() + " of " + r.trajectories() + " trajectories (turns "
                    + r.turnsBefore() + " -> " + r.turnsAfter() + " after the cut)");
            for (Filter.Reason reason : Filter.Reason.values()) {
                Integer n = r.dropped().get(reason.id());
                if (n != null) {
                    out.println("  dropped " + n + ": " + reason.text() + " (" + reason.id() + ")");
                }
            }
            out.println("wrote " + data.trajectories());
            out.flush();
        }
        return Main.OK;
    }
}
