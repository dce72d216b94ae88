package dev.editloop.cli;

import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Thinker;
import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.image.DecodedImage;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Threshold;
import dev.editloop.core.region.Region;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
                    + " the scores reach the threshold. Writes source.png, turn-N.png, final.png (the best turn, or the"
                    + " unchanged source when no turn reaches the acceptance floor),"
                    + " trajectory.json and report.html into one folder.",
            "",
            "With no backend options everything runs offline: the classic editor and the heuristic thinker."
                    + " Defaults marked (default: …) come from the config file's defaults: block when it sets them.",
            ""
        },
        footer = {
            "",
            "Examples (in the EditLoop folder):",
            "  ./editloop edit -i examples/chelsea.png \\",
            "      -p \"make this look like an old photograph\"",
            "  ./editloop edit -i examples/coffee.png -p \"make it black and white\" \\",
            "      --strategy single",
            "  ./editloop edit -i examples/coffee.png -p \"make it warmer\" \\",
            "      --region 0,0,300,150",
            "  ./editloop edit -i examples/coffee.png \\",
            "      -p \"make it feel like a cold winter morning\" \\",
            "      --max-turns 3 --threshold overall:8.5 --out runs/winter",
            "  ./editloop edit -i examples/coffee.png -p \"make it warmer\" \\",
            "      --candidates 4 --budget 12 --min-gain 0.2",
            "",
            "The output folder must be new or empty: a folder that holds other files is refused (exit 2), so"
                    + " nothing in it is overwritten.",
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
            description = "Source image (PNG, JPEG incl. CMYK, BMP, GIF; transparency is kept).")
    Path image;

    @Option(
            names = {"-p", "--instruction"},
            required = true,
            paramLabel = "TEXT",
            description = "What to change, in plain language.")
    String instruction;

    @Option(
            names = "--mask",
            paramLabel = "FILE",
            description = "Mask image the size of the source: white may change, black stays (grey blends)."
                    + " A mask with transparent pixels is read as OpenAI's: transparent may change, opaque stays. Every turn the loop measures what changed"
                    + " outside it and puts that back when it can do so without a seam.")
    Path mask;

    @Option(
            names = "--region",
            paramLabel = "X,Y,W,H",
            description =
                    "The box that may change, in pixels from the top left corner; the rest stays, as with" + " --mask.")
    String region;

    @Option(
            names = "--ref",
            paramLabel = "FILE",
            description = "A reference image (repeatable): image 2, 3, ... of the request after the source, as in"
                    + " \"put the hat from image 2 on the cat\". Refused when the editor takes fewer images.")
    List<Path> refs = new ArrayList<>();

    @Option(
            names = "--accept",
            paramLabel = "FLOOR",
            defaultValue = "both:5",
            description = "Acceptance floor: when the best turn's scores stay below it, final.png is the unchanged"
                    + " source and the summary says no edit was accepted (every turn stays on disk). 'both:X' is SC"
                    + " and PQ >= X (a broken-looking edit is not handed over either); a number or 'sc:X' is SC >= X"
                    + " alone; 'overall:X' as for --threshold; 'none' hands over the best turn whatever its scores"
                    + " (default: ${DEFAULT-VALUE}).")
    String accept;

    @Mixin
    LoopOptions loop;

    @Mixin
    BackendOptions backends;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seed for every random choice (default: ${DEFAULT-VALUE}): the same seed gives the same"
                    + " images.")
    long seed;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Output folder, new or empty (default: ${DEFAULT-VALUE:-a new folder under runs/}).")
    Path out;

    @Mixin(name = ConfigOption.NAME)
    ConfigOption config;

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
            description = "Largest source image accepted, in pixels (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Option(
            names = "--price",
            paramLabel = "ROLE=X",
            description = "Price of one call, for a cost --budget: editor=0.04, thinker=0.01 (repeatable).")
    java.util.Map<String, Double> prices = new java.util.LinkedHashMap<>();

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        var stdout = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        EditLoopConfig cfg = config.config();
        // before anything is read or written: bad best-of-N options are refused with nothing on disk
        var strategy = loop.strategy(prices);
        BackendSpec editorChoice = backends.editorSpec(cfg);
        BackendSpec thinkerChoice = backends.thinkerSpec(cfg);
        if (maxPixels < 1) {
            throw new InvalidInputException("--max-pixels must be positive, got " + maxPixels);
        }
        if (mask != null && region != null) {
            throw new InvalidInputException("--mask and --region cannot be used together: give one of them");
        }
        if (strategy.id().equals(dev.editloop.core.loop.BestOfN.ID)
                && (mask != null || region != null || (refs != null && !refs.isEmpty()))) {
            throw new InvalidInputException(
                    "--strategy best-of-n does not take --mask, --region or --ref yet: its candidates edit the whole"
                            + " source");
        }
        DecodedImage decoded = Images.readDecoded(image, maxPixels);
        Picture source = decoded.picture();
        for (String note : decoded.notes()) {
            err.println("editloop: note: " + note);
        }
        Region confined = null;
        if (region != null) {
            confined = Region.parseBox(region, source.width(), source.height());
        } else if (mask != null) {
            DecodedImage maskImage = Images.readDecoded(mask, maxPixels);
            Picture maskPicture = maskImage.picture();
            if (maskPicture.width() != source.width() || maskPicture.height() != source.height()) {
                throw new InvalidInputException("--mask " + mask + " is " + maskPicture.width() + "x"
                        + maskPicture.height() + " but the image is " + source.width() + "x" + source.height()
                        + ": the mask must have the image's size");
            }
            // a mask with transparent pixels speaks OpenAI's convention (transparent may change, colours ignored),
            // as the server's edits endpoint reads it; an opaque one is read by brightness (white may change)
            confined = maskImage.alpha() != null
                    ? Region.transparent(maskImage.alpha(), mask.getFileName().toString())
                    : Region.mask(maskPicture, mask.getFileName().toString());
        }
        List<Picture> references = new ArrayList<>();
        for (Path ref : refs) {
            DecodedImage r = Images.readDecoded(ref, maxPixels);
            for (String note : r.notes()) {
                err.println("editloop: note: " + ref + ": " + note);
            }
            references.add(r.picture());
        }
        err.flush();
        Path dir = out != null ? out : RunFolder.fresh(Path.of("runs"), instruction, LocalDateTime.now());
        OutputFolder.requireNewOrEmpty(dir);
        // one session owns the backends: created once, closed once when the command ends (the ports it hands out
        // do nothing on close)
        BackendSession backends = new BackendSession(BackendRegistry.load());
        try (backends;
                Editor editor = backends.editor(editorChoice);
                Thinker thinker = backends.thinker(thinkerChoice)) {
            editor.capabilities().requireImages(1 + references.size(), editor.describe());
            RunFolder folder = RunFolder.create(dir, decoded.alpha());
            LoopRequest request = new LoopRequest(
                            source, instruction, strategy, loop.turnLimit(), loop.threshold, seed, !noReflectThinking)
                    .withAccept(acceptFloor(accept))
                    .withRegion(confined)
                    .withReferences(references);
            Progress progress = new Progress(err, verbosity.quiet);
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

    /**
     * The acceptance floor of {@code --accept}: {@code none} for none, a bare number for SC ≥ X, else a threshold.
     *
     * @throws InvalidInputException when the text is none of those
     */
    static Threshold acceptFloor(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("none") || t.equals("off")) {
            return null;
        }
        if (!t.contains(":")) {
            t = "sc:" + t;
        }
        try {
            return Threshold.parse(t);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    "--accept '" + text + "' is not a floor (use e.g. 5, sc:5, both:6, overall:6 or none)", e);
        }
    }
}
