package dev.editloop.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code editloop} command: entry point and the only place that calls {@link System#exit}. */
@Command(
        name = "editloop",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        usageHelpAutoWidth = true,
        description = {
            "EditLoop makes any instruction-based image editor think: edit, look, score, explain, rewrite the"
                    + " instruction, edit again, keep the best.",
            "",
            "Start with:%n  editloop edit --image examples/chelsea.png --instruction \"make this look like an old photograph\"",
            ""
        },
        subcommands = {EditCommand.class, BackendsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code: the run completed (whether or not the threshold was reached). */
    public static final int OK = 0;
    /** Exit code: the run started but stopped on a backend error; finished turns are on disk. */
    public static final int RUN_ERROR = 1;
    /** Exit code: bad input (a missing image, an unknown backend, an unwritable folder, bad options). */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "false");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler(new Errors(err, verbose));
        cli.setParameterExceptionHandler((ex, arguments) -> {
            err.println("editloop: " + ex.getMessage());
            err.println("Try 'editloop " + commandPath(ex.getCommandLine()) + "--help' for the options.");
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    private static String commandPath(CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName();
        return name.equals("editloop") ? "" : name.substring("editloop ".length()) + " ";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"editloop " + (version == null ? "development build" : version)};
        }
    }
}
