package dev.editloop.data.reward;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the edit reward needs to run a refined instruction: the source image (every turn edits the source again), the
 * user's instruction (the scorer judges against it), the instruction the critiqued turn used (a reply repeating it
 * stops), the task type and the seed of the edit.
 *
 * @param source the source image file
 * @param originalInstruction the user's instruction T_s
 * @param previousInstruction the instruction of the critiqued turn T_t
 * @param task the task type (the scorer's case category)
 * @param seed the edit's seed
 */
public record EditTask(Path source, String originalInstruction, String previousInstruction, String task, long seed) {
    public EditTask {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(originalInstruction, "originalInstruction");
        previousInstruction = previousInstruction == null ? originalInstruction : previousInstruction;
        task = task == null || task.isBlank() ? "default" : task;
    }
}
