package dev.editloop.cli;

import picocli.CommandLine.Option;

/** The shared {@code --verbose} and {@code --quiet} options (a picocli mixin). */
final class Verbosity {
    @Option(names = "--verbose", description = "Debug logging, and a stack trace with errors.")
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print less: no progress lines (edit), only the failed rows (backends check).")
    boolean quiet;
}
