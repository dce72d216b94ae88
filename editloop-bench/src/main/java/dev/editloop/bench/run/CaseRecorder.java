package dev.editloop.bench.run;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.Candidate;
import dev.editloop.core.loop.LoopEvent;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.RunRecorder;
import dev.editloop.core.loop.Turn;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The recorder of one benchmark case's loop: the lighter sibling of {@link RunFolder} for runs whose reader is the
 * benchmark report, not a person opening the folder. It writes {@code source.png} when the run starts and {@code
 * turn-N.png} as each edit returns (so nothing holds a whole suite in memory; a PNG source is copied, not encoded again), and {@code trajectory.json} and {@code
 * final.png} once, when the loop stops. It leaves out what a benchmark run does not read: the trajectory rewritten
 * after every critique (a case that stops half-way is redone from the cache anyway: its folder is cleared) and the
 * per-case {@code report.html} (the run's own HTML report, {@code editloop bench report --format html}, shows every
 * case). {@code final.png} is a hard link to the image it copies where the file system allows, never a second encode.
 *
 * <p>Called on the loop's thread; a file it cannot write ends the case's loop with {@code error}.
 */
final class CaseRecorder implements RunRecorder {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final Path dir;
    private final Path sourceFile;

    private CaseRecorder(Path dir, Path sourceFile) {
        this.dir = dir;
        this.sourceFile = sourceFile;
    }

    /**
     * A recorder into a case folder, which it creates (the caller has cleared what an earlier attempt left).
     *
     * @param sourceFile the file the loop's source picture was read from: when it is a PNG, {@code source.png} is a
     *     copy of it (decoding either gives the same pixels) instead of a new encoding; null to always encode
     */
    static CaseRecorder create(Path dir, Path sourceFile) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the case folder " + dir + ": " + e.getMessage(), e);
        }
        return new CaseRecorder(dir, sourceFile);
    }

    @Override
    public void on(LoopEvent event) {
        switch (event) {
            case LoopEvent.RunStarted started -> source(started.request().source());
            case LoopEvent.EditDone edit ->
                Images.writePng(edit.image(), dir.resolve(Trajectory.turnImage(edit.index())));
            case LoopEvent.CritiqueDone done -> candidates(done.turn());
            case LoopEvent.RunFinished finished -> finish(finished.result());
            default -> {}
        }
    }

    private void source(Picture source) {
        Path target = dir.resolve(Trajectory.SOURCE_IMAGE);
        if (sourceFile != null && isPng(sourceFile)) {
            try {
                Files.copy(sourceFile, target, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (IOException e) {
                // encode it instead
            }
        }
        Images.writePng(source, target);
    }

    private static boolean isPng(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    /** A best-of-N turn's candidate images (a turn whose critique failed gets them when the run finishes). */
    private void candidates(Turn turn) {
        for (Candidate c : turn.candidates()) {
            Path file = dir.resolve(Trajectory.candidateImage(turn.index(), c.number()));
            if (c.image() != null && !Files.exists(file)) {
                Images.writePng(c.image(), file);
            }
        }
    }

    private void finish(LoopResult result) {
        result.turns().forEach(this::candidates);
        Trajectory trajectory = Trajectory.of(result);
        if (trajectory.finalImage() != null) {
            Picture image = result.finalImage();
            String copyOf = result.accepted() && result.best() != null
                    ? Trajectory.turnImage(result.best().index())
                    : Trajectory.SOURCE_IMAGE;
            linkOrWrite(dir.resolve(Trajectory.FINAL_IMAGE), dir.resolve(copyOf), image);
        }
        TrajectoryJson.write(trajectory, dir.resolve(RunFolder.TRAJECTORY));
    }

    private static void linkOrWrite(Path target, Path same, Picture image) {
        try {
            Files.deleteIfExists(target);
            if (Files.isRegularFile(same)) {
                try {
                    Files.createLink(target, same);
                    return;
                } catch (IOException | UnsupportedOperationException e) {
                    // a file system without hard links: write the bytes
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        Images.writePng(image, target);
    }
}
