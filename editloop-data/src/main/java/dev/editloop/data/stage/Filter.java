package dev.editloop.data.stage;

import dev.editloop.bench.CaseScore;
import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.protocol.Protocols;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.Manifest;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.bench.store.TurnOutcome;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.data.DataDir;
import dev.editloop.data.ImageStore;
import dev.editloop.data.Jsonl;
import dev.editloop.data.StageProgress;
import dev.editloop.data.model.Critic;
import dev.editloop.data.model.DataTrajectory;
import dev.editloop.data.model.DataTurn;
import dev.editloop.data.model.Scores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code editloop data filter}: keeps a trajectory only if some later turn scores at least as well as turn 1 (by the
 * scorer's overall; the expert's own scores are never used), and cuts it after its best turn (the highest scorer
 * overall, ties to the later turn). Reads the generate run's store and case folders, stores every image once in the
 * image store, and writes the kept trajectories and a report of the reasons for the rest.
 */
public final class Filter {
    /** Why a trajectory was dropped. */
    public enum Reason {
        FAILED("the case failed"),
        UNSCORED("the scorer could not score turn 1"),
        SINGLE_TURN("only one turn: nothing later to compare with"),
        NEVER_RECOVERS("no later turn scores as well as turn 1");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the rule made of one trajectory: the cut trajectory, or the reason it was dropped. */
    public record Decision(DataTrajectory kept, Reason dropped) {}

    /**
     * The filter's counts.
     *
     * @param trajectories how many the run holds
     * @param kept how many were kept
     * @param dropped by reason id
     * @param turnsBefore turns of the kept trajectories before the cut
     * @param turnsAfter after it
     */
    public record Report(int trajectories, int kept, Map<String, Integer> dropped, int turnsBefore, int turnsAfter) {}

    private Filter() {}

    /** The rule on one trajectory. */
    public static Decision decide(DataTrajectory t) {
        List<DataTurn> turns = t.turns();
        if (turns.isEmpty() || !turns.getFirst().scorer().scored()) {
            return new Decision(null, Reason.UNSCORED);
        }
        if (turns.size() == 1) {
            return new Decision(null, Reason.SINGLE_TURN);
        }
        double first = turns.getFirst().scorer().overall();
        int best = 0;
        double bestScore = first;
        boolean recovers = false;
        for (int i = 1; i < turns.size(); i++) {
            Scores s = turns.get(i).scorer();
            if (!s.scored()) {
                continue;
            }
            if (s.overall() >= first) {
                recovers = true;
            }
            if (s.overall() >= bestScore) {
                best = i;
                bestScore = s.overall();
            }
        }
        if (!recovers) {
            return new Decision(null, Reason.NEVER_RECOVERS);
        }
        return new Decision(t.withTurns(turns.subList(0, best + 1)), null);
    }

    /** Applies the rule to trajectories already collected (tests, the synthetic benchmark). */
    public static Report apply(List<DataTrajectory> all, List<DataTrajectory> keptOut) {
        Map<String, Integer> dropped = new LinkedHashMap<>();
        int before = 0;
        int after = 0;
        for (DataTrajectory t : all) {
            Decision d = decide(t);
            if (d.kept() == null) {
                dropped.merge(d.dropped().id(), 1, Integer::sum);
            } else {
                keptOut.add(d.kept());
                before += t.turns().size();
                after += d.kept().turns().size();
            }
        }
        return new Report(all.size(), keptOut.size(), new TreeMap<>(dropped), before, after);
    }

    /**
     * Runs the stage on a data set folder: reads every finished case from the store, writes {@code
     * data/trajectories.jsonl} and {@code data/filter.json}. Idempotent: it reads the store, never its own output.
     */
    public static Report run(DataDir dir, ResultStore store, StageProgress progress) {
        Manifest manifest = store.manifest()
                .orElseThrow(() -> new InvalidInputException(
                        dir.root() + " holds no generate run: run 'editloop data generate --out " + dir.root() + "'"));
        Protocol protocol = Protocols.get(manifest.protocol(), Map.of());
        List<CaseOutcome> outcomes = store.outcomes();
        ImageStore images = new ImageStore(dir.images());
        List<DataTrajectory> all = new ArrayList<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        long done = 0;
        for (CaseOutcome o : outcomes) {
            if (o.failed() || o.trajectory() == null) {
                failed.merge(Reason.FAILED.id(), 1, Integer::sum);
            } else {
                all.add(collect(dir.root(), o, protocol.headline(), images));
            }
            progress.update(++done, outcomes.size());
        }
        List<DataTrajectory> kept = new ArrayList<>();
        Report r = apply(all, kept);
        Map<String, Integer> dropped = new TreeMap<>(r.dropped());
        failed.forEach((k, v) -> dropped.merge(k, v, Integer::sum));
        Report report = new Report(outcomes.size(), r.kept(), dropped, r.turnsBefore(), r.turnsAfter());
        Jsonl.write(dir.trajectories(), kept);
        Jsonl.writeJson(dir.filterReport(), report);
        return report;
    }

    /** One finished case as a data set trajectory, its images stored. */
    static DataTrajectory collect(Path root, CaseOutcome o, String headline, ImageStore images) {
        Path trajectoryFile = root.resolve(o.trajectory());
        Trajectory trajectory = Files.isRegularFile(trajectoryFile) ? TrajectoryJson.read(trajectoryFile) : null;
        Map<Integer, Trajectory.TurnRecord> records = new LinkedHashMap<>();
        if (trajectory != null) {
            trajectory.turns().forEach(t -> records.put(t.index(), t));
        }
        String source = images.put(trajectoryFile.resolveSibling(Trajectory.SOURCE_IMAGE));
        List<DataTurn> turns = new ArrayList<>();
        for (TurnOutcome t : o.turns()) {
            Trajectory.TurnRecord rec = records.get(t.turn());
            Critic expert = null;
            if (rec != null && rec.critique() != null) {
                var c = rec.critique();
                expert = new Critic(
                        c.semantic(), c.quality(), c.reasoning(), c.refinedInstruction(), c.verdict(), c.raw());
            }
            turns.add(new DataTurn(
                    t.turn(),
                    t.instruction(),
                    images.put(root.resolve(t.image())),
                    expert,
                    scorer(t.scores(), headline)));
        }
        return new DataTrajectory(
                o.benchCase().id(),
                o.benchCase().category(),
                o.benchCase().instruction(),
                source,
                o.stopReason(),
                turns,
                turns.size());
    }

    /** The scorer's scores of a turn: the mean over the readable judge samples, null fields where none is readable. */
    static Scores scorer(List<CaseScore> samples, String headline) {
        double sc = 0;
        double pq = 0;
        double o = 0;
        int nsp = 0;
        int no = 0;
        for (CaseScore s : samples) {
            if (!s.readable()) {
                continue;
            }
            double a = s.figure("SC");
            double b = s.figure("PQ");
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                sc += a;
                pq += b;
                nsp++;
            }
            double h = s.figure(headline);
            if (!Double.isNaN(h)) {
                o += h;
                no++;
            }
        }
        return new Scores(nsp == 0 ? null : sc / nsp, nsp == 0 ? null : pq / nsp, no == 0 ? null : o / no);
    }
}
