package dev.editloop.cli;

import dev.editloop.data.DataDir;
import dev.editloop.data.stage.Balance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code editloop data balance}: evens out task types and score levels. */
@Command(
        name = "balance",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Even out the steps across task types and score levels. Steps are grouped by the --by keys (score:"
                    + " the scorer's overall in buckets 0-2, 2-4, 4-6, 6-8, 8-10); every group above the cap keeps a"
                    + " random cap of its steps drawn with the seed, smaller groups are kept whole. The cap is"
                    + " --per-group, or the median group size. Same seed, same steps. Writes"
                    + " DIR/data/balanced.jsonl and balance.json.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop data balance runs/data --by task,score --seed 1",
            "  ./editloop data balance runs/data --by task --per-group 5000"
        })
final class DataBalanceCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The data set folder.")
    Path dir;

    @Option(
            names = "--by",
            paramLabel = "KEYS",
            split = ",",
            description = "task, score, or both (default: task,score).")
    List<String> by = new ArrayList<>(List.of("task", "score"));

    @Option(
            names = "--per-group",
            paramLabel = "N",
            defaultValue = "0",
            description = "The cap per group; 0 for the median group size (default).")
    int perGroup;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The seed (default: 0).")
    long seed;

    @Override
    public Integer call() {
        DataDir data = DataDir.open(dir);
        Balance.Report r = Balance.run(data, Balance.Key.parse(by), perGroup, seed);
        var out = spec.commandLine().getOut();
        out.println("balance: kept " + r.kept() + " of " + r.steps() + " steps in "
                + r.before().size() + " groups, at most " + r.cap() + " per group (seed " + r.seed() + ")");
        r.before()
                .forEach((g, n) -> out.println(String.format(
                        java.util.Locale.ROOT,
                        "  %-24s %6d -> %6d",
                        g,
                        n,
                        r.after().get(g))));
        out.println("wrote " + data.balanced());
        out.flush();
        return Main.OK;
    }
}
