package dev.editloop.bench.report;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.JudgeRecord;
import dev.editloop.bench.store.Manifest;
import dev.editloop.bench.store.TurnOutcome;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built runs for the report tests: a mean-per-category protocol, manifests and outcomes. */
final class Fixtures {
    static final String NOTE = "test protocol: unreadable cases are left out of every mean";

    private Fixtures() {}

    /**
     * A protocol that scores a case by its judge's sub-score {@code s} (figure {@code score}, the headline) and makes a
     * table of category means and, as overall, the plain mean of the category means (as GEdit does).
     */
    static final class MeanProtocol implements Protocol {
        @Override
        public String name() {
            return "mean";
        }

        @Override
        public String description() {
            return "mean per category, overall = mean of category means";
        }

        @Override
        public List<JudgeCall> questions(
                BenchCase benchCase, Picture source, Picture edited, Picture reference, long seed) {
            throw new UnsupportedOperationException("reports never ask questions");
        }

        @Override
        public CaseScore score(BenchCase benchCase, List<Judgement> answers) {
            Judgement a = answers.get(0);
            return a == null
                    ? new CaseScore(benchCase.id(), benchCase.category(), null, null, false, List.of("no answer"))
                    : Fixtures.score(benchCase.id(), benchCase.category(), a.score("s"));
        }

        @Override
        public ScoreTable aggregate(List<CaseScore> scores) {
            Map<String, List<Double>> byCategory = new LinkedHashMap<>();
            for (CaseScore s : scores) {
                if (s.readable()) {
                    byCategory
                            .computeIfAbsent(s.category(), c -> new ArrayList<>())
                            .add(s.figure("score"));
                }
            }
            List<ScoreRow> rows = new ArrayList<>();
            double sum = 0;
            int n = 0;
            for (var e : byCategory.entrySet()) {
                double mean = e.getValue().stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(Double.NaN);
                rows.add(new ScoreRow(e.getKey(), "category", e.getValue().size(), Map.of("score", mean)));
                sum += mean;
                n++;
            }
            int all = byCategory.values().stream().mapToInt(List::size).sum();
            rows.add(new ScoreRow("overall", "overall", all, Map.of("score", n == 0 ? Double.NaN : sum / n)));
            return new ScoreTable(name(), List.of("score"), rows, List.of(NOTE));
        }

        @Override
        public String headline() {
            return "score";
        }

        @Override
        public Map<String, String> promptHashes() {
            return Map.of("judge", "abc123");
        }
    }

    static Manifest manifest(int samples) {
        return manifest("gedit", "data-hash-1", samples, "think-while-edit");
    }

    static Manifest manifest(String suite, String dataHash, int samples, String strategy) {
        BackendIdentity embedded = BackendIdentity.of("embedded", null, List.of(), Map.of());
        return new Manifest(
                suite,
                dataHash,
                "en",
                List.of(),
                0,
                strategy,
                5,
                "sc>=8,pq>=8",
                7,
                embedded,
                embedded,
                BackendIdentity.of("embedded", "judge-1", List.of(), Map.of()),
                "mean",
                samples,
                Map.of("judge", "abc123"),
                "0.1.0",
                "deadbeef",
                Instant.parse("2026-01-02T03:04:05Z"));
    }

    static BenchCase benchCase(String id, String category) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", id);
        fields.put("task_type", category);
        fields.put("Intersection_exist", "True");
        return new BenchCase("gedit", id, category, "edit " + id, Path.of("images", id + ".png"), null, null, fields);
    }

    static CaseScore score(String id, String category, double s) {
        return new CaseScore(id, category, Map.of("s", s), Map.of("score", s), true, List.of());
    }

    static CaseScore unreadable(String id, String category) {
        return new CaseScore(id, category, Map.of(), Map.of(), false, List.of("no JSON object in the reply"));
    }

    /** A turn: the thinker's overall, and the judge's {@code s} per sample (NaN: unreadable). */
    static TurnOutcome turn(String id, String category, int turn, double thinker, double... judge) {
        List<CaseScore> scores = new ArrayList<>();
        for (double s : judge) {
            scores.add(Double.isNaN(s) ? unreadable(id, category) : score(id, category, s));
        }
        return new TurnOutcome(
                turn,
                "instruction " + turn,
                "cases/" + id + "/turn-" + turn + ".png",
                thinker,
                thinker,
                thinker,
                scores);
    }

    /** A finished case whose turns give the thinker's overall then one judge figure per sample (see {@link #turn}). */
    static CaseOutcome done(String id, String category, String stop, int best, double[]... turns) {
        List<TurnOutcome> list = new ArrayList<>();
        List<JudgeRecord> records = new ArrayList<>();
        for (int t = 0; t < turns.length; t++) {
            double[] row = turns[t];
            double[] judge = java.util.Arrays.copyOfRange(row, 1, row.length);
            list.add(turn(id, category, t + 1, row[0], judge));
            for (int s = 0; s < judge.length; s++) {
                records.add(
                        Double.isNaN(judge[s])
                                ? new JudgeRecord(t + 1, s, 0, null, 12, "unreadable after 2 repairs")
                                : new JudgeRecord(
                                        t + 1,
                                        s,
                                        0,
                                        new Judgement(
                                                "mean",
                                                Map.of("s", judge[s]),
                                                "judge says " + judge[s],
                                                "{\"s\": " + judge[s] + "}",
                                                null),
                                        12,
                                        null));
            }
        }
        return new CaseOutcome(
                benchCase(id, category), false, null, "cases/" + id + "/trajectory.json", stop, best, list, records);
    }

    static CaseOutcome failed(String id, String category, String error) {
        return new CaseOutcome(benchCase(id, category), true, error, null, "error", 0, List.of(), List.of());
    }

    static double[] t(double... values) {
        return values;
    }

    /**
     * The run worked out by hand in {@code BenchReportTest}: (thinker overall, judge) per turn.
     *
     * <pre>
     * c1 a threshold best 2: (4,5) (8,7)
     * c2 a max_turns best 2: (6,6) (7,4) (5,8)        got worse: 4 &lt; 6
     * c3 b threshold best 1: (9,10)
     * c4 b failed: editor down
     * c5 b no_change best 1: (3, unreadable)
     * c6 a max_turns best 3: (8,3) (6,5) (9,2)        got worse: 2 &lt; 3
     * </pre>
     */
    static List<CaseOutcome> handRun() {
        return List.of(
                done("c1", "a", "threshold", 2, t(4, 5), t(8, 7)),
                done("c2", "a", "max_turns", 2, t(6, 6), t(7, 4), t(5, 8)),
                done("c3", "b", "threshold", 1, t(9, 10)),
                failed("c4", "b", "editor down"),
                done("c5", "b", "no_change", 1, t(3, Double.NaN)),
                done("c6", "a", "max_turns", 3, t(8, 3), t(6, 5), t(9, 2)));
    }

    static BenchReport report(Manifest manifest, List<CaseOutcome> outcomes) {
        return BenchReport.of(
                manifest, outcomes, new MeanProtocol(), Optional.of(Instant.parse("2026-01-02T04:00:00Z")));
    }
}
