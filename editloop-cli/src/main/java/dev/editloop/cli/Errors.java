package dev.editloop.cli;

import dev.editloop.core.EditLoopException;
import dev.editloop.core.InvalidInputException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Turns exceptions into one clear line on stderr and an exit code; a stack trace only with {@code --verbose}. */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    private final PrintStream err;
    private final boolean verbose;

    Errors(PrintStream err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        err.println("editloop: error: " + message(ex));
        if (verbose) {
            ex.printStackTrace(err);
        }
        return ex instanceof InvalidInputException ? Main.BAD_INPUT : Main.RUN_ERROR;
    }

    static String message(Throwable ex) {
        if (ex instanceof UncheckedIOException io && io.getMessage() != null) {
            return io.getMessage();
        }
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            message = ex.getClass().getSimpleName()
                    + (ex instanceof EditLoopException ? "" : " (run with --verbose for details)");
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
