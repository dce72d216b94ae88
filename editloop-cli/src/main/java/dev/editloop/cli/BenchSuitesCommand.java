package dev.editloop.cli;

import dev.editloop.bench.suite.SuiteSummary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code editloop bench suites}: the suites this build reads, their judge protocols and data layouts. */
@Command(
        name = "suites",
        mixinStandardHelpOptions = true,
        description = "List the benchmark suites, the judge protocol each is scored with, and the data layout"
                + " --data must point at.")
final class BenchSuitesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println(SuiteSummary.catalog());
        out.flush();
        return Main.OK;
    }
}
