package dev.editloop.cli;

import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule for {@code --out}: the folder must be new or empty. A folder that already holds files is refused, naming a
 * few of them, so that a run never overwrites a {@code final.png} (or anything else) it did not write.
 */
final class OutputFolder {
    private static final int SHOWN = 3;

    private OutputFolder() {}

    /**
     * Checks that {@code dir} does not exist, or is an empty folder.
     *
     * @throws InvalidInputException when it is a file, or a folder that holds anything
     */
    static void requireNewOrEmpty(Path dir) {
        if (!Files.exists(dir)) {
            for (Path up = dir.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
                if (Files.exists(up) && !Files.isDirectory(up)) {
                    throw new InvalidInputException(
                            "output folder " + dir + " cannot be written: " + up + " is a file, not a folder");
                }
            }
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("output folder " + dir + " is a file, not a folder");
        }
        List<String> names;
        long count;
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> all =
                    entries.map(p -> p.getFileName().toString()).sorted().toList();
            count = all.size();
            names = all.subList(0, (int) Math.min(SHOWN, count));
        } catch (IOException e) {
            return; // an unreadable folder is reported by the write check that follows, with its reason
        }
        if (count > 0) {
            String shown = String.join(", ", names) + (count > SHOWN ? ", … (" + count + " entries)" : "");
            throw new InvalidInputException("output folder " + dir + " is not empty (it holds " + shown
                    + "): give a new or empty folder with --out, nothing in it is overwritten");
        }
    }
}
