package dev.editloop.data.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.data.model.DataTrajectory;
import dev.editloop.data.model.DataTurn;
import dev.editloop.data.model.Scores;
import dev.editloop.data.model.StepSample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each stage's rule on small trajectories whose right outcome is worked out by hand. */
class StagesTest {
    @Test
    void oneThatOnlyGetsWorseIsDropped() {
        Filter.Decision d = Filter.decide(Trajectories.of("worse", "color", 6, 5, 4));
        assertThat(d.kept()).isNull();
        assertThat(d.dropped()).isEqualTo(Filter.Reason.NEVER_RECOVERS);
    }

    @Test
    void oneWhoseBestIsTurnThreeOfFiveIsCutToThree() {
        Filter.Decision d = Filter.decide(Trajectories.of("peak", "color", 4, 5, 7, 6, 5));
        assertThat(d.kept().turns()).extracting(DataTurn::turn).containsExactly(1, 2, 3);
        assertThat(d.kept().generatedTurns()).isEqualTo(5);
    }

    @Test
    void tiesGoToTheLaterTurnAndEqualToTurnOneCountsAsRecovering() {
        // 6, 6, 4: turn 2 equals turn 1 (kept), and is the best (ties to the later turn)
        assertThat(Filter.decide(Trajectories.of("flat", "x", 6, 6, 4)).kept().turns())
                .hasSize(2);
        // 7, 6, 7: the best is turn 3
        assertThat(Filter.decide(Trajectories.of("dip", "x", 7, 6, 7)).kept().turns())
                .hasSize(3);
    }

    @Test
    void singleTurnsAndUnscoredFirstTurnsAreDroppedWithTheirReasons() {
        assertThat(Filter.decide(Trajectories.of("one", "x", 9)).dropped()).isEqualTo(Filter.Reason.SINGLE_TURN);
        DataTrajectory t = Trajectories.of("blind", "x", 5, 8);
        DataTrajectory unscored = t.withTurns(List.of(
                new DataTurn(1, "the request", "images/a.png", t.turns().get(0).expert(), new Scores(null, null, null)),
                t.turns().get(1)));
        assertThat(Filter.decide(unscored).dropped()).isEqualTo(Filter.Reason.UNSCORED);
        List<DataTrajectory> kept = new ArrayList<>();
        Filter.Report r = Filter.apply(
                List.of(
                        Trajectories.of("a", "x", 6, 5),
                        Trajectories.of("b", "x", 3, 8, 2),
                        Trajectories.of("c", "x", 9)),
                kept);
        assertThat(r.kept()).isEqualTo(1);
        assertThat(r.dropped()).containsEntry("never_recovers", 1).containsEntry("single_turn", 1);
        assertThat(r.turnsBefore()).isEqualTo(3);
        assertThat(r.turnsAfter()).isEqualTo(2);
    }

    @Test
    void unrollMakesOneStepPerTurnTheLastOneStops() {
        DataTrajectory t = Filter.decide(Trajectories.of("u", "style", 2, 6, 8)).kept();
        List<StepSample> steps = new ArrayList<>();
        Unroll.unroll(t, steps::add);
        assertThat(steps).hasSize(3);
        StepSample first = steps.get(0);
        assertThat(first.previousInstruction()).isEqualTo("the request");
        assertThat(first.target().refinedInstruction()).isEqualTo("instruction 2"); // what turn 2 ran
        assertThat(first.target().label()).isEqualTo("continue");
        assertThat(first.scoreDelta()).isNull();
        StepSample second = steps.get(1);
        assertThat(second.scoreDelta()).isEqualTo(4.0);
        StepSample last = steps.get(2);
        assertThat(last.target().label()).isEqualTo("stop");
        assertThat(last.target().refinedInstruction()).isEqualTo("instruction 3"); // its own, repeated: stop
        assertThat(last.scoreDelta()).isEqualTo(2.0);
        // variance of 2, 6, 8: mean 16/3, squares (100 + 4 + 64)/9 / 3 → 56/9
        assertThat(last.trajectoryVariance()).isCloseTo(56.0 / 9, within(1e-9));
        assertThat(last.target().reply())
                .isEqualTo("<think>turn 3 looks 8.0</think>\n<score>{\"semantic\": 8, \"quality\": 8}</score>\n"
                        + "<answer>instruction 3</answer>");
    }

    private static List<StepSample> steps(DataTrajectory... ts) {
        List<StepSample> out = new ArrayList<>();
        for (DataTrajectory t : ts) {
            Unroll.unroll(t, out::add);
        }
        return out;
    }

    @Test
    void balanceCapsEachGroupAtTheMedianAndTheSeedReproducesIt() {
        // task a: 10 steps, b: 4, c: 2 (every step in bucket 4-6) → median 4 → 4, 4, 2
        List<StepSample> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.addAll(steps(Trajectories.of("a" + i, "a", 5, 5)));
        }
        all.addAll(steps(Trajectories.of("b0", "b", 5, 5), Trajectories.of("b1", "b", 5, 5)));
        all.addAll(steps(Trajectories.of("c0", "c", 5, 5)));
        List<StepSample> kept = new ArrayList<>();
        Balance.Report r = Balance.balance(all, List.of(Balance.Key.TASK, Balance.Key.SCORE), 0, 7, kept);
        assertThat(r.cap()).isEqualTo(4);
        assertThat(r.after())
                .containsEntry("a/4-6", 4)
                .containsEntry("b/4-6", 4)
                .containsEntry("c/4-6", 2);
        assertThat(kept).hasSize(10);
        List<StepSample> again = new ArrayList<>();
        Balance.balance(all, List.of(Balance.Key.TASK, Balance.Key.SCORE), 0, 7, again);
        assertThat(again).isEqualTo(kept);
        List<StepSample> other = new ArrayList<>();
        Balance.balance(all, List.of(Balance.Key.TASK), 3, 8, other);
        assertThat(other).hasSize(3 + 3 + 2);
        assertThat(Balance.bucket(10.0)).isEqualTo("8-10");
        assertThat(Balance.bucket(7.99)).isEqualTo("6-8");
        assertThat(Balance.bucket(null)).isEqualTo("unscored");
    }

    @Test
    void theHighestVarianceTrajectoriesGoToRlTaskTypesTakingTurnsAndNoneIsInBoth() {
        // variances: a-big (0, 10) 25; a-mid (2, 8) 9; a-small (4, 6) 1; b-mid (3, 7) 4; b-flat (5, 5) 0
        List<StepSample> all = steps(
                Trajectories.of("a-big", "a", 0, 10),
                Trajectories.of("a-mid", "a", 2, 8),
                Trajectories.of("a-small", "a", 4, 6),
                Trajectories.of("b-mid", "b", 3, 7),
                Trajectories.of("b-flat", "b", 5, 5));
        List<StepSample> sft = new ArrayList<>();
        List<StepSample> rl = new ArrayList<>();
        // 3 for RL: round 1 takes a-big and b-mid (b's best, though a-mid varies more), round 2 takes a-mid
        Split.Report r = Split.split(all, 3, 2, "steps.jsonl", sft, rl);
        Set<String> rlIds = new HashSet<>();
        rl.forEach(s -> rlIds.add(s.trajectory()));
        assertThat(rlIds).containsExactlyInAnyOrder("a-big", "b-mid", "a-mid");
        assertThat(r.rlByTask()).containsEntry("a", 2).containsEntry("b", 1);
        assertThat(rl).hasSize(6);
        assertThat(sft).extracting(StepSample::trajectory).containsOnly("a-small", "b-flat");
        assertThat(sft).noneMatch(s -> rlIds.contains(s.trajectory()));
        // b-flat never varies: never RL, even when asked for more than there are
        List<StepSample> rl2 = new ArrayList<>();
        Split.split(all, 10, 2, "steps.jsonl", new ArrayList<>(), rl2);
        assertThat(rl2).noneMatch(s -> s.trajectory().equals("b-flat"));
    }

    @Test
    void sftLeavesOutStepsWhereTheExpertDisagreesWithTheScorer() {
        DataTrajectory t = Trajectories.of("gap", "a", 4, 6);
        // the expert said 9/9 at turn 1 where the scorer gave 4: a gap of 5
        var wrong = new dev.editloop.data.model.Critic(9.0, 9.0, "looks great", "instruction 2", "refine", "raw");
        DataTrajectory disagree = t.withTurns(List.of(
                new DataTurn(1, "the request", "images/g1.png", wrong, new Scores(4.0, 4.0, 4.0)),
                t.turns().get(1)));
        List<StepSample> sft = new ArrayList<>();
        Split.Report r = Split.split(steps(disagree), 0, 2, "steps.jsonl", sft, new ArrayList<>());
        assertThat(sft).extracting(StepSample::turn).containsExactly(2);
        assertThat(r.dropped()).containsEntry("critic_gap", 1);
    }
}
