package dev.editloop.cli;

import dev.editloop.core.EditLoopException;
import dev.editloop.core.InvalidInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place exceptions become what the user sees: one clear line on stderr (a stack trace only with
 * {@code --verbose}) and an exit code: {@value Main#BAD_INPUT} for bad input (options, files, specs),
 * {@value Main#CANCELLED} for a cancelled run, {@value Main#RUN_ERROR} for a backend that failed.
 */
final class Errors
        implements CommandLine.IExecutionExceptionHandler,
                CommandLine.IParameterExceptionHandler,
                CommandLine.IExitCodeExceptionMapper {

    @Override
    public int getExitCode(Throwable ex) {
        if (ex instanceof ParameterException || ex instanceof InvalidInputException) {
            return Main.BAD_INPUT;
        }
        if (ex instanceof CancellationException || ex instanceof InterruptedException) {
            return Main.CANCELLED;
        }
        return Main.RUN_ERROR;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("editloop: error: " + message(ex));
        if (verbose(commandLine)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return getExitCode(ex);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String unknown = unknownCommand(ex);
        if (unknown != null) {
            CommandSpec spec = cl.getCommandSpec();
            err.println("editloop: unknown command '" + unknown + "'"
                    + (spec.parent() == null ? "" : " for '" + spec.qualifiedName() + "'") + "; the commands are: "
                    + String.join(", ", cl.getSubcommands().keySet()));
        } else {
            err.println("editloop: " + oneLine(ex.getMessage()));
        }
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the "
                + (unknown != null ? "commands." : "options."));
        err.flush();
        return getExitCode(ex);
    }

    /** The first unmatched word when a command with subcommands was given one it does not have; else null. */
    private static String unknownCommand(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched)
                || ex.getCommandLine().getSubcommands().isEmpty()) {
            return null;
        }
        List<String> words = unmatched.getUnmatched();
        return words.isEmpty() || words.getFirst().startsWith("-") ? null : words.getFirst();
    }

    private static boolean verbose(CommandLine commandLine) {
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        return parsed != null && parsed.hasMatchedOption("--verbose");
    }

    static String message(Throwable ex) {
        if (ex instanceof UncheckedIOException io && io.getMessage() != null) {
            return oneLine(io.getMessage());
        }
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            message = ex.getClass().getSimpleName()
                    + (ex instanceof EditLoopException ? "" : " (run with --verbose for details)");
        }
        return oneLine(message);
    }

    private static String oneLine(String message) {
        return message == null
                ? ""
                : message.lines().findFirst().orElse(message).strip();
    }
}
