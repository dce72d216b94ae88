package dev.editloop.cli;

import dev.editloop.core.InvalidInputException;
import dev.editloop.data.DataDir;
import dev.editloop.data.StageProgress;
import dev.editloop.data.export.Export;
import dev.editloop.data.stage.Balance;
import dev.editloop.data.stage.Split;
import dev.editloop.data.stage.Synthetic;
import dev.editloop.data.stage.Unroll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code editloop data bench}: times the stages on a synthetic set. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Time filter, unroll, balance, split and export on a synthetic set of about --steps step records"
                    + " (deterministic for --seed, six task types, a few small images), written into a new folder.",
            ""
        },
        footer = {"", "Examples (in the EditLoop folder):", "  ./editloop data bench runs/synthetic --steps 200000"})
final class DataBenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A new folder for the synthetic set.")
    Path dir;

    @Option(
            names = "--steps",
            paramLabel = "N",
            defaultValue = "200000",
            description = "Step records (default: 200000).")
    int steps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The seed (default: 0).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (steps < 1) {
            throw new InvalidInputException("--steps must be at least 1, got " + steps);
        }
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new InvalidInputException(dir + " is not empty: give a new folder");
                }
            }
        }
        Files.createDirectories(dir);
        DataDir data = new DataDir(dir);
        var out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Path synthetic = Synthetic.write(data, steps, seed);
        long total = System.nanoTime();
        time(out, "make", t0, "");
        t0 = System.nanoTime();
        var f = Synthetic.filter(data, synthetic);
        time(out, "filter", t0, f.kept() + " of " + f.trajectories() + " trajectories kept");
        t0 = System.nanoTime();
        var u = Unroll.run(data);
        time(out, "unroll", t0, u.steps() + " steps");
        t0 = System.nanoTime();
        var b = Balance.run(data, List.of(Balance.Key.TASK, Balance.Key.SCORE), 0, seed);
        time(out, "balance", t0, b.kept() + " steps kept");
        t0 = System.nanoTime();
        var s = Split.run(data, Math.max(1, f.kept() / 14), 2);
        time(out, "split", t0, "SFT " + s.sftSteps() + ", RL " + s.rlSteps() + " steps");
        t0 = System.nanoTime();
        var sft = Export.run(data, new Export.Options(Export.Format.SFT, false, null, false), StageProgress.NONE);
        time(out, "export sft jsonl", t0, size(sft));
        t0 = System.nanoTime();
        var rl = Export.run(data, new Export.Options(Export.Format.RL, true, null, true), StageProgress.NONE);
        time(out, "export rl parquet", t0, size(rl));
        time(out, "all stages", total, "");
        return Main.OK;
    }

    private static String size(Export.Result r) throws java.io.IOException {
        long bytes = 0;
        for (Path p : r.files().keySet()) {
            bytes += Files.size(p);
        }
        return DataExportCommand.human(bytes);
    }

    private static void time(java.io.PrintWriter out, String stage, long t0, String note) {
        out.println(String.format(Locale.ROOT, "%-18s %7.1f s  %s", stage, (System.nanoTime() - t0) / 1e9, note));
        out.flush();
    }
}
