package dev.editloop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
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
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop edit --image examples/chelsea.png \\",
            "      --instruction \"make this look like an old photograph\"",
            "  ./editloop bench run rise --data ../shared/benchmarks/risebench-64 \\",
            "      --limit 8 --out runs/rise",
            "  ./editloop data generate --cases examples/bench/demo.jsonl \\",
            "      --out runs/data",
            "  ./editloop serve",
            "  ./editloop backends",
            "  ./editloop vocabulary",
            "  ./editloop help edit"
        },
        subcommands = {
            EditCommand.class,
            BenchCommand.class,
            DataCommand.class,
            ServeCommand.class,
            BackendsCommand.class,
            VocabularyCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Exit code: the run completed (whether or not the threshold was reached). */
    public static final int OK = 0;
    /** Exit code: the run started but stopped on a backend error; finished turns are on disk. */
    public static final int RUN_ERROR = 1;
    /** Exit code: bad input (a missing image, an unknown backend, an unwritable folder, bad options). */
    public static final int BAD_INPUT = 2;
    /** Exit code: the run was cancelled (Ctrl-C); the finished turns are on disk. */
    public static final int CANCELLED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Main::configureLogging));
    }

    /** Runs the command with the given streams and returns the exit code (used by tests); logging is left as is. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, verbose -> {});
    }

    private static int run(String[] args, PrintStream out, PrintStream err, Consumer<Boolean> logging) {
        CommandLine cli = commandLine();
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionStrategy(parsed -> {
            logging.accept(verbose(parsed));
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli.execute(args);
    }

    /** The command tree with its converters, config-file defaults and error handling, not yet run. */
    static CommandLine commandLine() {
        Errors errors = new Errors();
        CommandLine cli = new CommandLine(new Main());
        cli.setDefaultValueProvider(new ConfigDefaults());
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setExitCodeExceptionMapper(errors);
        return cli;
    }

    /**
     * Sets up the SLF4J simple logger once per process, before the first logger exists: warnings and errors on stderr
     * (see {@code simplelogger.properties}), everything from debug up with {@code --verbose}.
     */
    private static void configureLogging(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version and the git commit it was built from, embedded by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        /** The version, or {@code development build}. */
        static String version() {
            return filled(properties().getProperty("version"), "development build");
        }

        /** The git commit, or {@code unknown}. */
        static String commit() {
            return filled(properties().getProperty("commit"), "unknown");
        }

        private static Properties properties() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // reported as unknown
            }
            return p;
        }

        @Override
        public String[] getVersion() {
            Properties p = properties();
            return new String[] {
                "editloop " + filled(p.getProperty("version"), "development build") + " (commit "
                        + filled(p.getProperty("commit"), "unknown") + ")",
                String.format(
                        Locale.ROOT,
                        "Java %s (%s), %s %s",
                        System.getProperty("java.version"),
                        System.getProperty("java.vendor"),
                        System.getProperty("os.name"),
                        System.getProperty("os.arch"))
            };
        }

        private static String filled(String value, String otherwise) {
            return value == null || value.isBlank() || value.contains("${") ? otherwise : value.strip();
        }
    }
}
