package dev.editloop.core.trajectory;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.image.Alpha;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.Candidate;
import dev.editloop.core.loop.LoopEvent;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.RunRecorder;
import dev.editloop.core.loop.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's folder (DESIGN §5) as the run goes, so that finished turns are on disk even when a later step
 * fails: {@code source.png} when the run starts, {@code turn-N.png} when each edit returns (a best-of-N turn: its
 * kept candidate, and every candidate as {@code turn-N-candidate-K.png} with the turn's critique), {@code
 * trajectory.json} after each critique, and {@code final.png}, the final {@code trajectory.json} and {@code report.html} when it
 * stops, whatever the reason: a cancelled run or one past its deadline gets its best turn so far as {@code final.png}
 * and its report too.
 *
 * <p>It is the run's {@link RunRecorder}: called on the loop's thread, and a file it cannot write ends the run with
 * {@code error}.
 */
public final class RunFolder implements RunRecorder {
    /** File name of the report page. */
    public static final String REPORT = "report.html";

    /** File name of the trajectory. */
    public static final String TRAJECTORY = "trajectory.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path dir;
    // the source's transparency, put back in every PNG of the source's size; null for an opaque source
    private final Alpha alpha;
    // images of this run by file name, for the report; written and read only on the loop's thread
    private final Map<String, Picture> images = new HashMap<>();

    private RunFolder(Path dir, Alpha alpha) {
        this.dir = dir;
        this.alpha = alpha;
    }

    /**
     * Prepares a folder for a run: creates it (and its parents) and checks it can be written.
     *
     * @throws InvalidInputException when the folder cannot be created or written, or already holds a run
     */
    public static RunFolder create(Path dir) {
        return create(dir, null);
    }

    /**
     * Prepares a folder for a run whose source had transparency: {@code source.png}, each {@code turn-N.png} and
     * {@code final.png} of the source's size get it back ({@link Alpha#png}); null for an opaque source.
     *
     * @throws InvalidInputException when the folder cannot be created or written, or already holds a run
     */
    public static RunFolder create(Path dir, Alpha alpha) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException("output folder " + dir + " is a file, not a folder");
        }
        if (Files.exists(dir.resolve(TRAJECTORY))) {
            throw new InvalidInputException(
                    "output folder " + dir + " already holds a run (trajectory.json): choose another --out");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException("output folder " + dir + " cannot be written: " + describe(e), e);
        }
        return new RunFolder(dir, alpha);
    }

    /**
     * A new, unused folder under {@code root} named after the time and the instruction, e.g.
     * {@code runs/20261123-153012-make-it-black-and-white}.
     */
    public static Path fresh(Path root, String instruction, LocalDateTime now) {
        String slug = instruction
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        String base = STAMP.format(now) + (slug.isEmpty() ? "" : "-" + slug);
        Path candidate = root.resolve(base);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = root.resolve(base + "-" + i);
        }
        return candidate;
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    @Override
    public void on(LoopEvent event) {
        switch (event) {
            case LoopEvent.RunStarted started -> {
                image(Trajectory.SOURCE_IMAGE, started.request().source());
                if (started.request().region() != null) {
                    Images.writePng(started.request().region().toMask(), dir.resolve(Trajectory.REGION_IMAGE));
                }
                var references = started.request().references();
                for (int i = 0; i < references.size(); i++) {
                    Images.writePng(references.get(i), dir.resolve(Trajectory.referenceImage(i + 1)));
                }
            }
            case LoopEvent.EditDone edit -> {
                image(Trajectory.turnImage(edit.index()), edit.image());
                if (edit.unrepaired() != null) {
                    image(Trajectory.editorImage(edit.index()), edit.unrepaired());
                }
            }
            case LoopEvent.CritiqueDone critique -> {
                candidates(critique.turn());
                TrajectoryJson.write(Trajectory.of(critique.progress()), dir.resolve(TRAJECTORY));
            }
            case LoopEvent.RunFinished finished -> finish(finished.result());
            case LoopEvent.TurnStarted ignored -> {}
            case LoopEvent.PlanDone ignored -> {}
        }
    }

    /** A best-of-N turn's candidate images, each written once. */
    private void candidates(Turn turn) {
        for (Candidate c : turn.candidates()) {
            String name = Trajectory.candidateImage(turn.index(), c.number());
            if (c.image() != null && !images.containsKey(name)) {
                image(name, c.image());
            }
        }
    }

    private void finish(LoopResult result) {
        result.turns().forEach(this::candidates);
        Trajectory trajectory = Trajectory.of(result);
        if (trajectory.finalImage() != null) {
            image(Trajectory.FINAL_IMAGE, result.finalImage());
        }
        TrajectoryJson.write(trajectory, dir.resolve(TRAJECTORY));
        String html = HtmlReport.render(trajectory, images::get);
        try {
            Files.writeString(dir.resolve(REPORT), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(REPORT) + ": " + e.getMessage(), e);
        }
    }

    private void image(String name, Picture picture) {
        images.put(name, picture);
        Images.writePng(picture, alpha, dir.resolve(name));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a folder";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null && fs.getFile() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT) + " (" + fs.getFile() + ")";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
