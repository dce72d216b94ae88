package dev.editloop.data.stage;

import dev.editloop.data.model.Critic;
import dev.editloop.data.model.DataTrajectory;
import dev.editloop.data.model.DataTurn;
import dev.editloop.data.model.Scores;
import java.util.ArrayList;
import java.util.List;

/** Hand-built trajectories: the scorer's overall per turn is given, SC = PQ = overall, the expert agrees. */
final class Trajectories {
    private Trajectories() {}

    static DataTrajectory of(String id, String task, double... overall) {
        List<DataTurn> turns = new ArrayList<>();
        for (int i = 0; i < overall.length; i++) {
            double o = overall[i];
            Critic expert =
                    new Critic(o, o, "turn " + (i + 1) + " looks " + o, "instruction " + (i + 2), "refine", "raw");
            turns.add(new DataTurn(
                    i + 1,
                    i == 0 ? "the request" : "instruction " + (i + 1),
                    "images/" + id + "-" + (i + 1) + ".png",
                    expert,
                    new Scores(o, o, o)));
        }
        return new DataTrajectory(
                id, task, "the request", "images/" + id + "-src.png", "max_turns", turns, turns.size());
    }
}
