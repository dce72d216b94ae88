package dev.editloop.data.stage;

import dev.editloop.core.InvalidInputException;
import dev.editloop.data.DataDir;
import dev.editloop.data.Jsonl;
import dev.editloop.data.model.StepSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code editloop data split}: the RL set and the SFT set, with no trajectory in both.
 *
 * <p><b>RL</b>: the N trajectories with the highest score variance (the scorer's overall over the cut trajectory: the
 * expert struggled, then improved), balanced across task types: each task's trajectories are ranked by variance
 * (ties by id), and the tasks take turns: in each round every task offers its next-ranked trajectory, and the
 * offers are taken in order of variance until N are chosen or none is left (so a last, partial round prefers the
 * trajectories that vary most). A trajectory whose scores never vary (variance 0) is not an RL trajectory. All its steps go to RL.
 *
 * <p><b>SFT</b>: the steps of every other trajectory on which the expert was steady, that is whose own overall is
 * within {@code maxCriticGap} of the scorer's overall of the same image (a step whose critique disagrees with the
 * independent scorer would teach a wrong judgement). Steps the scorer could not score are left out.
 */
public final class Split {
    /**
     * The stage's counts.
     *
     * @param input the file the steps came from
     * @param rlTrajectories trajectories in RL
     * @param rlSteps steps in RL
     * @param sftTrajectories trajectories with steps in SFT
     * @param sftSteps steps in SFT
     * @param rlByTask RL trajectories by task
     * @param dropped SFT candidates left out, by reason ({@code critic_gap}, {@code unscored})
     * @param maxCriticGap the gap allowed
     */
    public record Report(
            String input,
            int rlTrajectories,
            int rlSteps,
            int sftTrajectories,
            int sftSteps,
            Map<String, Integer> rlByTask,
            Map<String, Integer> dropped,
            double maxCriticGap) {}

    private Split() {}

    /** Splits steps (grouped by trajectory in input order) into {@code sft} and {@code rl}. */
    public static Report split(
            List<StepSample> steps,
            int rlTrajectories,
            double maxCriticGap,
            String input,
            List<StepSample> sft,
            List<StepSample> rl) {
        if (rlTrajectories < 0) {
            throw new InvalidInputException("--rl-trajectories must not be negative, got " + rlTrajectories);
        }
        if (Double.isNaN(maxCriticGap) || maxCriticGap < 0) {
            throw new InvalidInputException("--max-critic-gap must be 0 or more, got " + maxCriticGap);
        }
        Map<String, List<StepSample>> byTrajectory = new LinkedHashMap<>();
        for (StepSample s : steps) {
            byTrajectory.computeIfAbsent(s.trajectory(), k -> new ArrayList<>()).add(s);
        }
        Map<String, List<String>> byTask = new TreeMap<>();
        byTrajectory.forEach((id, ss) -> {
            if (ss.getFirst().trajectoryVariance() > 0) {
                byTask.computeIfAbsent(ss.getFirst().task(), k -> new ArrayList<>())
                        .add(id);
            }
        });
        Comparator<String> ranking = Comparator.<String>comparingDouble(
                        id -> -byTrajectory.get(id).getFirst().trajectoryVariance())
                .thenComparing(Comparator.naturalOrder());
        byTask.values().forEach(ids -> ids.sort(ranking));
        Set<String> chosen = new HashSet<>();
        Map<String, Integer> rlByTask = new TreeMap<>();
        int round = 0;
        boolean any = true;
        while (chosen.size() < rlTrajectories && any) {
            List<String> candidates = new ArrayList<>();
            for (List<String> ids : byTask.values()) {
                if (round < ids.size()) {
                    candidates.add(ids.get(round));
                }
            }
            any = !candidates.isEmpty();
            candidates.sort(ranking);
            for (String id : candidates) {
                if (chosen.size() >= rlTrajectories) {
                    break;
                }
                chosen.add(id);
                rlByTask.merge(byTrajectory.get(id).getFirst().task(), 1, Integer::sum);
            }
            round++;
        }
        Map<String, Integer> dropped = new TreeMap<>();
        Set<String> sftTrajectories = new HashSet<>();
        byTrajectory.forEach((id, ss) -> {
            if (chosen.contains(id)) {
                rl.addAll(ss);
                return;
            }
            for (StepSample s : ss) {
                if (!s.scorer().scored()) {
                    dropped.merge("unscored", 1, Integer::sum);
                } else if (Math.abs(s.target().overall() - s.scorer().overall()) > maxCriticGap) {
                    dropped.merge("critic_gap", 1, Integer::sum);
                } else {
                    sft.add(s);
                    sftTrajectories.add(id);
                }
            }
        });
        return new Report(
                input, chosen.size(), rl.size(), sftTrajectories.size(), sft.size(), rlByTask, dropped, maxCriticGap);
    }

    /**
     * Runs the stage on {@code data/balanced.jsonl} (or {@code data/steps.jsonl} when the steps were not balanced):
     * writes {@code data/sft.jsonl}, {@code data/rl.jsonl} and {@code data/split.json}.
     */
    public static Report run(DataDir dir, int rlTrajectories, double maxCriticGap) {
        Path input = Files.isRegularFile(dir.balanced()) ? dir.balanced() : dir.require(dir.steps(), "unroll");
        List<StepSample> steps = Jsonl.read(input, StepSample.class);
        List<StepSample> sft = new ArrayList<>();
        List<StepSample> rl = new ArrayList<>();
        Report report = split(
                steps,
                rlTrajectories,
                maxCriticGap,
                dir.data().relativize(input).toString(),
                sft,
                rl);
        Jsonl.write(dir.sft(), sft);
        Jsonl.write(dir.rl(), rl);
        Jsonl.writeJson(dir.splitReport(), report);
        return report;
    }
}
