package dev.editloop.bench.report;

import dev.editloop.bench.CaseScore;
import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.Manifest;
import dev.editloop.bench.store.TurnOutcome;
import dev.editloop.core.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A benchmark run's report, computed once from its manifest, its case outcomes and its judge protocol, and printed by
 * any {@link ReportFormat}.
 *
 * <p>The benchmark's own table is {@link Protocol#aggregate} over the best-turn score of every case that was not a
 * failure, once per judge sample; the protocol receives unreadable scores too and treats them as its benchmark's code
 * does (RISE counts them unsolved; the others leave them out). With several samples, {@link #table()} holds the mean
 * of each figure over the samples and {@link #spread()} its standard deviation and range. Per-case figures (loop
 * figures, comparisons) use the headline figure averaged over the samples whose score was readable.
 *
 * @param manifest the run's manifest
 * @param protocol the judge protocol the run was scored with
 * @param ended when the run ended, or null while it is unfinished
 * @param counts how many cases are in each state
 * @param table the benchmark's table: the only sample's, or each figure's mean over the samples
 * @param sampleTables the table of each judge sample, in sample order
 * @param spread each figure's spread over the samples, by row label then column; empty with one sample
 * @param failures cases that failed, had no judged best turn, or whose score was unreadable (listed, never scored)
 * @param loop the loop figures
 * @param cases each case's figures, in the run's order
 * @param outcomes the outcomes the report was computed from
 */
public record BenchReport(
        Manifest manifest,
        Protocol protocol,
        Instant ended,
        Counts counts,
        ScoreTable table,
        List<ScoreTable> sampleTables,
        Map<String, Map<String, Spread>> spread,
        List<Failure> failures,
        LoopFigures loop,
        List<CaseFigures> cases,
        List<CaseOutcome> outcomes) {

    public BenchReport {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(table, "table");
        sampleTables = List.copyOf(sampleTables);
        Map<String, Map<String, Spread>> copy = new LinkedHashMap<>();
        spread.forEach((row, byColumn) -> copy.put(row, Collections.unmodifiableMap(new LinkedHashMap<>(byColumn))));
        spread = Collections.unmodifiableMap(copy);
        failures = List.copyOf(failures);
        Objects.requireNonNull(loop, "loop");
        cases = List.copyOf(cases);
        outcomes = List.copyOf(outcomes);
    }

    /**
     * Computes the report of a run.
     *
     * @param ended when the run ended, empty while it is unfinished
     * @throws InvalidInputException when the protocol is not the one the manifest names
     */
    public static BenchReport of(
            Manifest manifest, List<CaseOutcome> outcomes, Protocol protocol, Optional<Instant> ended) {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(protocol, "protocol");
        if (!manifest.protocol().equals(protocol.name())) {
            throw new InvalidInputException("the run was judged with protocol '" + manifest.protocol()
                    + "', cannot report it with protocol '" + protocol.name() + "'");
        }
        String headline = protocol.headline();
        int samples = manifest.judgeSamples();
        List<ScoreTable> sampleTables = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            sampleTables.add(protocol.aggregate(bestScores(outcomes, s)));
        }
        List<Failure> failures = new ArrayList<>();
        List<CaseFigures> cases = new ArrayList<>();
        int failed = 0;
        int scored = 0;
        int unreadable = 0;
        int unscored = 0;
        for (CaseOutcome o : outcomes) {
            String id = o.benchCase().id();
            String category = o.benchCase().category();
            CaseFigures figures = CaseFigures.of(o, headline);
            cases.add(figures);
            if (o.failed()) {
                failed++;
                failures.add(new Failure(id, category, Failure.ERROR, -1, o.error()));
                continue;
            }
            int present = 0;
            int readable = 0;
            for (int s = 0; s < samples; s++) {
                Optional<CaseScore> score = o.score(s);
                if (score.isEmpty()) {
                    continue;
                }
                present++;
                if (score.get().readable()) {
                    readable++;
                } else {
                    List<String> problems = score.get().problems();
                    failures.add(new Failure(
                            id,
                            category,
                            Failure.UNREADABLE,
                            s,
                            problems.isEmpty() ? "the judge's reply could not be read" : String.join("; ", problems)));
                }
            }
            if (present == 0) {
                unscored++;
                failures.add(new Failure(
                        id,
                        category,
                        Failure.NO_SCORE,
                        -1,
                        o.bestTurn() == 0
                                ? "no best turn (stopped: " + o.stopReason() + ")"
                                : "best turn " + o.bestTurn() + " was not judged"));
            } else if (readable == 0) {
                unreadable++;
            } else {
                scored++;
            }
        }
        Counts counts = new Counts(outcomes.size(), outcomes.size() - failed, failed, scored, unreadable, unscored);
        ScoreTable table = samples == 1 ? sampleTables.get(0) : meanTable(sampleTables);
        Map<String, Map<String, Spread>> spread = samples == 1 ? Map.of() : spread(sampleTables);
        return new BenchReport(
                manifest,
                protocol,
                ended.orElse(null),
                counts,
                table,
                sampleTables,
                spread,
                failures,
                LoopFigures.of(outcomes, headline),
                cases,
                outcomes);
    }

    /** The protocol's headline figure. */
    public String headline() {
        return protocol.headline();
    }

    /** Where this report departs from the benchmark's official code, and what it left out: the table's notes. */
    public List<String> notes() {
        Set<String> notes = new LinkedHashSet<>();
        for (ScoreTable t : sampleTables) {
            notes.addAll(t.notes());
        }
        return List.copyOf(notes);
    }

    /** The run's start, from the manifest. */
    public Instant started() {
        return manifest.started();
    }

    /** The best-turn score of every case that was not a failure, for one judge sample (unreadable ones included). */
    static List<CaseScore> bestScores(List<CaseOutcome> outcomes, int sample) {
        List<CaseScore> scores = new ArrayList<>();
        for (CaseOutcome o : outcomes) {
            if (!o.failed()) {
                o.score(sample).ifPresent(scores::add);
            }
        }
        return scores;
    }

    /**
     * A turn's judge figure: the headline figure averaged over the judge samples whose score was readable and has the
     * figure; NaN when none.
     */
    public static double headlineOf(TurnOutcome turn, String headline) {
        double sum = 0;
        int n = 0;
        for (CaseScore s : turn.scores()) {
            double v = s.readable() ? s.figure(headline) : Double.NaN;
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Each figure's mean over the samples' tables, rows and columns in first-seen order. */
    static ScoreTable meanTable(List<ScoreTable> tables) {
        List<String> columns = new ArrayList<>(tables.get(0).columns());
        Map<String, ScoreRow> firstRows = new LinkedHashMap<>();
        for (ScoreTable t : tables) {
            for (String c : t.columns()) {
                if (!columns.contains(c)) {
                    columns.add(c);
                }
            }
            for (ScoreRow r : t.rows()) {
                firstRows.putIfAbsent(r.label(), r);
            }
        }
        List<ScoreRow> rows = new ArrayList<>();
        for (ScoreRow first : firstRows.values()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String c : columns) {
                values.put(c, Stats.mean(Stats.finite(valuesOf(tables, first.label(), c))));
            }
            rows.add(new ScoreRow(first.label(), first.kind(), first.cases(), values));
        }
        List<String> notes = new ArrayList<>();
        for (ScoreTable t : tables) {
            t.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        }
        return new ScoreTable(tables.get(0).protocol(), columns, rows, notes);
    }

    private static Map<String, Map<String, Spread>> spread(List<ScoreTable> tables) {
        ScoreTable mean = meanTable(tables);
        Map<String, Map<String, Spread>> out = new LinkedHashMap<>();
        for (ScoreRow row : mean.rows()) {
            Map<String, Spread> byColumn = new LinkedHashMap<>();
            for (String c : mean.columns()) {
                byColumn.put(c, Spread.of(valuesOf(tables, row.label(), c)));
            }
            out.put(row.label(), byColumn);
        }
        return out;
    }

    private static double[] valuesOf(List<ScoreTable> tables, String label, String column) {
        return tables.stream()
                .map(t -> t.row(label)
                        .map(r -> r.values().getOrDefault(column, Double.NaN))
                        .orElse(Double.NaN))
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    /**
     * How many cases are in each state.
     *
     * @param total every case with an outcome
     * @param done cases that were not failures
     * @param failed cases that failed with an error
     * @param scored done cases with a readable best-turn score in at least one judge sample
     * @param unreadable done cases whose best-turn score was unreadable in every judge sample
     * @param unscored done cases with no judged best turn
     */
    public record Counts(int total, int done, int failed, int scored, int unreadable, int unscored) {}

    /**
     * A figure's spread over the judge samples.
     *
     * @param samples how many samples had the figure
     * @param mean the mean
     * @param sd the sample standard deviation (n − 1), NaN below two samples
     * @param min the smallest
     * @param max the largest
     */
    public record Spread(int samples, double mean, double sd, double min, double max) {
        static Spread of(double[] values) {
            double[] v = Stats.finite(values);
            return new Spread(v.length, Stats.mean(v), Stats.sd(v), Stats.min(v), Stats.max(v));
        }
    }

    /**
     * A case listed as a failure: never given a score.
     *
     * @param caseId the case's id
     * @param category its category
     * @param kind {@value #ERROR}, {@value #UNREADABLE} or {@value #NO_SCORE}
     * @param sample the judge sample (from 0) for {@value #UNREADABLE}, else −1
     * @param detail the error or the problems, one line
     */
    public record Failure(String caseId, String category, String kind, int sample, String detail) {
        /** The case failed with an error. */
        public static final String ERROR = "error";
        /** The judge's reply for the case's best turn could not be read. */
        public static final String UNREADABLE = "unreadable";
        /** The case finished without a judged best turn. */
        public static final String NO_SCORE = "no_score";

        public Failure {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(kind, "kind");
            detail = detail == null ? "" : detail.replaceAll("\\s+", " ").strip();
        }
    }

    /**
     * One case's figures, from the judge's headline figure.
     *
     * @param caseId the case's id
     * @param category its category
     * @param failed whether the case failed
     * @param bestTurn the loop's best turn, 0 when none
     * @param turns how many turns the loop made
     * @param score the best turn's judge figure (the case's score), NaN when unscored
     * @param turnOne turn 1's judge figure, NaN when not judged
     * @param gotWorse whether the best turn's figure is below turn 1's
     */
    public record CaseFigures(
            String caseId,
            String category,
            boolean failed,
            int bestTurn,
            int turns,
            double score,
            double turnOne,
            boolean gotWorse) {
        static CaseFigures of(CaseOutcome o, String headline) {
            double score = o.failed()
                    ? Double.NaN
                    : o.best().map(t -> headlineOf(t, headline)).orElse(Double.NaN);
            double first = o.failed()
                    ? Double.NaN
                    : o.turns().stream()
                            .filter(t -> t.turn() == 1)
                            .findFirst()
                            .map(t -> headlineOf(t, headline))
                            .orElse(Double.NaN);
            return new CaseFigures(
                    o.benchCase().id(),
                    o.benchCase().category(),
                    o.failed(),
                    o.bestTurn(),
                    o.turns().size(),
                    score,
                    first,
                    Double.isFinite(score) && Double.isFinite(first) && score < first);
        }
    }
}
