package dev.editloop.data;

import dev.editloop.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a data set folder. The folder is a benchmark run folder ({@code run.db}, {@code cases/}, {@code cache/},
 * written by {@code generate}); the later stages write under {@code data/}:
 *
 * <pre>
 * data/images/&lt;sha256&gt;.png   every image once, by content
 * data/trajectories.jsonl        filter: the kept trajectories, cut after their best turn
 * data/filter.json               filter: counts and the reasons of the dropped ones
 * data/steps.jsonl               unroll: one step sample per turn
 * data/balanced.jsonl            balance: the steps kept
 * data/sft.jsonl, data/rl.jsonl  split: the two sets of steps
 * data/export/…                  export: files for trainers
 * data/stats.txt, stats.html     stats
 * </pre>
 */
public record DataDir(Path root) {
    public static final String DATA = "data";

    /** The folder's data files; {@code root} must exist. */
    public static DataDir open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException(
                    root + " is not a folder: give the --out folder of 'editloop data generate'");
        }
        return new DataDir(root);
    }

    public Path data() {
        return root.resolve(DATA);
    }

    public Path images() {
        return data().resolve("images");
    }

    public Path trajectories() {
        return data().resolve("trajectories.jsonl");
    }

    public Path filterReport() {
        return data().resolve("filter.json");
    }

    public Path steps() {
        return data().resolve("steps.jsonl");
    }

    public Path balanced() {
        return data().resolve("balanced.jsonl");
    }

    public Path balanceReport() {
        return data().resolve("balance.json");
    }

    public Path sft() {
        return data().resolve("sft.jsonl");
    }

    public Path rl() {
        return data().resolve("rl.jsonl");
    }

    public Path splitReport() {
        return data().resolve("split.json");
    }

    public Path export() {
        return data().resolve("export");
    }

    /**
     * A stage's input file, which an earlier stage writes.
     *
     * @throws InvalidInputException naming the command to run first when it is missing
     */
    public Path require(Path file, String stage) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no " + root.relativize(file) + " in " + root + ": run 'editloop data "
                    + stage + " " + root + "' first");
        }
        return file;
    }
}
