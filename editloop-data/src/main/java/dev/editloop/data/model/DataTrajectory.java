package dev.editloop.data.model;

import java.util.List;
import java.util.Objects;

/**
 * One trajectory of the data set: an expert run of the loop on one case, every turn scored by the scorer.
 *
 * @param id the case id
 * @param task the task type (the case's category)
 * @param instruction the user's instruction (T_s)
 * @param source the source image in the image store
 * @param stopReason why the expert's loop stopped
 * @param turns the turns, in order (after {@code filter}: cut after the best turn)
 * @param generatedTurns how many turns the loop made before any cut
 */
public record DataTrajectory(
        String id,
        String task,
        String instruction,
        String source,
        String stopReason,
        List<DataTurn> turns,
        int generatedTurns) {
    public DataTrajectory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(instruction, "instruction");
        turns = List.copyOf(turns);
    }

    /** The population variance of the scorer's overall over the scored turns (0 with fewer than two). */
    public double scoreVariance() {
        double[] values = turns.stream()
                .filter(t -> t.scorer().scored())
                .mapToDouble(t -> t.scorer().overall())
                .toArray();
        return variance(values);
    }

    /** The population variance of some values (0 for fewer than two). */
    public static double variance(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / values.length;
    }

    /** The same trajectory with other turns. */
    public DataTrajectory withTurns(List<DataTurn> kept) {
        return new DataTrajectory(id, task, instruction, source, stopReason, kept, generatedTurns);
    }
}
