package dev.editloop.cli;

import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Threshold;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code editloop edit}: runs the loop on one image and writes the run folder. */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Edit one image in a loop: the editor edits, the thinker scores the result (SC: it did what was asked"
                    + " and nothing else; PQ: it looks natural), explains, and rewrites the instruction; repeat until"
                    + " the scores reach the threshold. Writes source.png, turn-N.png, final.png (the best turn),"
                    + " trajectory.json and report.html into one folder.",
            "",
            "With no backend options everything runs offline: the classic editor and the heuristic thinker.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  editloop edit -i examples/chelsea.png \\",
            "      -p \"make this look like an old photograph\"",
            "  editloop edit -i examples/coffee.png -p \"make it black and white\" \\",
            "      --strategy single",
            "  editloop edit -i photo.png -p \"make it feel like a cold winter morning\" \\",
            "      --max-turns 3 --out runs/winter",
            "",
            "Exit status: 0 the run completed (whether or not the threshold was reached); 1 a backend failed"
                    + " (finished turns are kept on disk); 2 bad input."
        })
final class EditCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = {"-i", "--image"},
            required = true,
            paramLabel = "PATH",
            description = "Source image (PNG, JPEG, BMP, GIF).")
    Path image;

    @Option(
            names = {"-p", "--instruction"},
            required = true,
            paramLabel = "TEXT",
            description = "What to change, in plain language.")
    String instruction;

    @Option(
            names = {"-s", "--strategy"},
            paramLabel = "NAME",
            defaultValue = "think-while-edit",
            description = "think-while-edit (default), think-before-edit, single, or reflect.")
    String strategy;

    @Option(
            names = {"-n", "--max-turns"},
            paramLabel = "N",
            description =
                    "Turn limit (default: 5 for think-while-edit, 3 for reflect; single and think-before-edit make one).")
    Integer maxTurns;

    @Option(
            names = {"-t", "--threshold"},
            paramLabel = "X",
            defaultValue = "8",
            description = "Stop when SC >= X and PQ >= X (default 8); 'overall:X' stops when sqrt(SC*PQ) >= X.")
    String threshold;

    @Option(
            names = "--editor",
            paramLabel = "SPEC",
            defaultValue = "embedded",
            description = "Editor backend (default: embedded, the classic editor).")
    String editorSpec;

    @Option(
            names = "--thinker",
            paramLabel = "SPEC",
            defaultValue = "embedded",
            description = "Thinker backend (default: embedded, the heuristic thinker).")
    String thinkerSpec;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seed for every random choice (default 0): the same seed gives the same images.")
    long seed;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Output folder (default: a new folder under runs/).")
    Path out;

    @Option(names = "--json", description = "Print trajectory.json to stdout instead of the summary.")
    boolean json;

    @Option(
            names = "--no-reflect-thinking",
            description = "Reflect only: skip the first step that rewrites the instruction into concrete actions.")
    boolean noReflectThinking;

    @Option(
            names = "--max-pixels",
            paramLabel = "N",
            defaultValue = "40000000",
            description = "Largest source image accepted, in pixels (default 40000000).")
    long maxPixels;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress lines on stderr.")
    boolean quiet;

    @Option(names = "--verbose", description = "Debug logging, and a stack trace with errors.")
    boolean verbose;

    @Override
    public Integer call() {
        var stdout = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Strategy chosen = Strategy.parse(strategy);
        Threshold limit = Threshold.parse(threshold);
        if (maxTurns != null && (maxTurns < 1 || maxTurns > LoopRequest.MAX_TURN_LIMIT)) {
            throw new InvalidInputException(
                    "--max-turns must be within 1.." + LoopRequest.MAX_TURN_LIMIT + ", got " + maxTurns);
        }
        if (maxPixels < 1) {
            throw new InvalidInputException("--max-pixels must be positive, got " + maxPixels);
        }
        Picture source = Images.read(image, maxPixels);
        BackendRegistry registry = BackendRegistry.load();
        try (Editor editor = registry.editor(editorSpec);
                Thinker thinker = registry.thinker(thinkerSpec)) {
            Path dir = out != null ? out : RunFolder.fresh(Path.of("runs"), instruction, LocalDateTime.now());
            RunFolder folder = RunFolder.create(dir);
            LoopRequest request = new LoopRequest(
                    source, instruction, chosen, maxTurns == null ? 0 : maxTurns, limit, seed, !noReflectThinking);
            Progress progress = new Progress(err, quiet);
            LoopResult result = new LoopEngine(editor, thinker).run(request, folder.andThen(progress));
            if (json) {
                stdout.print(TrajectoryJson.toJson(Trajectory.of(result)));
                stdout.flush();
            } else {
                Summary.print(stdout, result, dir);
            }
            if (result.stopReason() == StopReason.ERROR) {
                err.println("editloop: error: " + result.error() + " (finished turns are kept in " + dir + ")");
                err.flush();
                return Main.RUN_ERROR;
            }
            return Main.OK;
        }
    }
}
