package dev.editloop.cli;

import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Thinker;
import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Threshold;
import dev.editloop.core.prompt.Prompts;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.core.spi.BackendSpec;
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
                    + " (finished turns are kept on disk); 2 bad input; 130 cancelled with Ctrl-C (finished turns,"
                    + " final.png and report.html are written)."
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
            description = "Stop when SC >= X and PQ >= X (default 8); 'overall:X' stops when sqrt(SC*PQ) >= X.")
    String threshold;

    @Option(
            names = "--editor",
            paramLabel = "SPEC",
            description = "Editor backend: a spec (KIND:URL?key=value&…) or a name from the config file (default:"
                    + " embedded, the classic editor). See 'editloop backends'.")
    String editorSpec;

    @Option(
            names = "--thinker",
            paramLabel = "SPEC",
            description = "Thinker backend: a spec or a name from the config file (default: embedded, the heuristic"
                    + " thinker).")
    String thinkerSpec;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed for every random choice (default 0): the same seed gives the same images.")
    Long seed;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Output folder (default: a new folder under runs/).")
    Path out;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Config file naming backends and defaults (default: ./editloop.yaml when it exists).")
    Path config;

    @Option(
            names = "--prompt",
            paramLabel = "NAME=FILE",
            description = "Replace one of the thinker's prompts with your own file (repeatable), e.g."
                    + " think-while-edit=my-prompt.txt. Names: think-while-edit, think-before-edit, reflect-target,"
                    + " reflect-judge, repair.")
    java.util.List<String> prompts = new java.util.ArrayList<>();

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
        EditLoopConfig cfg = EditLoopConfig.locate(config, Path.of(""));
        Strategy chosen = Strategy.parse(pick(strategy, cfg, "strategy", "think-while-edit"));
        Threshold limit = Threshold.parse(pick(threshold, cfg, "threshold", "8"));
        if (maxTurns == null && cfg.defaultValue("max_turns").isPresent()) {
            maxTurns = number(cfg, "max_turns");
        }
        long chosenSeed = seed != null
                ? seed
                : cfg.defaultValue("seed").map(v -> (long) number(cfg, "seed")).orElse(0L);
        if (out == null && cfg.defaultValue("out").isPresent()) {
            out = Path.of(cfg.defaultValue("out").get());
        }
        BackendSpec editorChoice = cfg.resolve(pick(editorSpec, cfg, "editor", "embedded"));
        BackendSpec thinkerChoice = withPrompts(cfg.resolve(pick(thinkerSpec, cfg, "thinker", "embedded")));
        if (maxTurns != null && (maxTurns < 1 || maxTurns > LoopRequest.MAX_TURN_LIMIT)) {
            throw new InvalidInputException(
                    "--max-turns must be within 1.." + LoopRequest.MAX_TURN_LIMIT + ", got " + maxTurns);
        }
        if (maxPixels < 1) {
            throw new InvalidInputException("--max-pixels must be positive, got " + maxPixels);
        }
        Picture source = Images.read(image, maxPixels);
        // one session owns the backends: created once, closed once when the command ends (the ports it hands out
        // do nothing on close)
        BackendSession backends = new BackendSession(BackendRegistry.load());
        try (backends;
                Editor editor = backends.editor(editorChoice);
                Thinker thinker = backends.thinker(thinkerChoice)) {
            Path dir = out != null ? out : RunFolder.fresh(Path.of("runs"), instruction, LocalDateTime.now());
            RunFolder folder = RunFolder.create(dir);
            LoopRequest request = new LoopRequest(
                    source,
                    instruction,
                    chosen,
                    maxTurns == null ? 0 : maxTurns,
                    limit,
                    chosenSeed,
                    !noReflectThinking);
            Progress progress = new Progress(err, quiet);
            LoopResult result = CancellableRun.run(new LoopEngine(editor, thinker), request, folder, progress, err);
            if (result == null) {
                return CancellableRun.CANCELLED;
            }
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

    private static String pick(String given, EditLoopConfig cfg, String key, String fallback) {
        return given != null ? given : cfg.defaultValue(key).orElse(fallback);
    }

    private static int number(EditLoopConfig cfg, String key) {
        String value = cfg.defaultValue(key).orElseThrow();
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "config file " + cfg.source() + ": defaults." + key + " is not a whole number: " + value);
        }
    }

    /** Adds each {@code --prompt NAME=FILE} to the thinker's spec as {@code prompt.NAME=FILE}, checked first. */
    private BackendSpec withPrompts(BackendSpec thinker) {
        if (prompts.isEmpty()) {
            return thinker;
        }
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>(thinker.params());
        for (String entry : prompts) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new InvalidInputException("--prompt expects NAME=FILE, got '" + entry + "'");
            }
            String name = entry.substring(0, eq).strip();
            Path file = Path.of(entry.substring(eq + 1).strip());
            // an unknown name, a missing file or an unknown placeholder is bad input now, before any backend is called
            Prompts.defaults().withOverride(name, file);
            params.put("prompt." + name, file.toString());
        }
        return new BackendSpec(thinker.kind(), thinker.endpoints(), params);
    }
}
