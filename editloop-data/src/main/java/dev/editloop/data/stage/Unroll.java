package dev.editloop.data.stage;

import dev.editloop.data.DataDir;
import dev.editloop.data.Jsonl;
import dev.editloop.data.model.DataTrajectory;
import dev.editloop.data.model.DataTurn;
import dev.editloop.data.model.StepSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code editloop data unroll}: one step sample per turn of every kept trajectory. The input is what the thinker sees
 * at turn t (I_src, I_t, T_s, T_t); the target is the expert's reasoning and scores, the next instruction (the next
 * turn's, so the sample teaches what was actually run; on the last turn T_t repeated, the loop's way to stop) and the
 * label {@code continue} or {@code stop} (the last turn after the cut is where the thinker should have stopped).
 * Metadata: the scorer's scores of I_t, the change from turn t−1 and the trajectory's score variance. A turn whose
 * expert critique is missing or unreadable has nothing to teach and gives no sample.
 */
public final class Unroll {
    /**
     * The stage's counts.
     *
     * @param trajectories trajectories read
     * @param steps samples written
     * @param skipped turns without a readable expert critique
     */
    public record Report(int trajectories, int steps, int skipped) {}

    private Unroll() {}

    /** The samples of one trajectory, handed to {@code out}; returns how many turns were skipped. */
    public static int unroll(DataTrajectory t, Consumer<StepSample> out) {
        List<DataTurn> turns = t.turns();
        double variance = t.scoreVariance();
        int skipped = 0;
        for (int i = 0; i < turns.size(); i++) {
            DataTurn turn = turns.get(i);
            if (turn.expert() == null || !turn.expert().valid()) {
                skipped++;
                continue;
            }
            boolean last = i == turns.size() - 1;
            String next = last ? turn.instruction() : turns.get(i + 1).instruction();
            var target = new StepSample.Target(
                    turn.expert().reasoning() == null ? "" : turn.expert().reasoning(),
                    turn.expert().semantic(),
                    turn.expert().quality(),
                    next,
                    last ? StepSample.Target.STOP : StepSample.Target.CONTINUE);
            Double delta = null;
            if (i > 0 && turn.scorer().scored() && turns.get(i - 1).scorer().scored()) {
                delta = turn.scorer().overall() - turns.get(i - 1).scorer().overall();
            }
            out.accept(new StepSample(
                    t.id() + "#" + turn.turn(),
                    t.id(),
                    turn.turn(),
                    turns.size(),
                    t.task(),
                    t.source(),
                    turn.image(),
                    t.instruction(),
                    turn.instruction(),
                    target,
                    turn.scorer(),
                    delta,
                    variance));
        }
        return skipped;
    }

    /** Runs the stage: {@code data/trajectories.jsonl} → {@code data/steps.jsonl}. */
    public static Report run(DataDir dir) {
        List<DataTrajectory> trajectories = Jsonl.read(dir.require(dir.trajectories(), "filter"), DataTrajectory.class);
        List<StepSample> steps = new ArrayList<>();
        int skipped = 0;
        for (DataTrajectory t : trajectories) {
            skipped += unroll(t, steps::add);
        }
        Jsonl.write(dir.steps(), steps);
        return new Report(trajectories.size(), steps.size(), skipped);
    }
}
