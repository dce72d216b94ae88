package dev.editloop.bench.report;

import dev.editloop.bench.CaseScore;
import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.Manifest;
import dev.editloop.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Run B against run A on the same suite: paired per-case differences (B − A) with percentile-bootstrap 95% intervals
 * and a plain verdict, for the headline figure overall and per category and for every figure of the benchmark's own
 * table. Higher is better for every benchmark figure EditLoop reports.
 *
 * <p>Cases are matched by suite and id. Only cases scored in both runs take part: cases present in one run only, and
 * cases failed or unscored in either, are listed and left out, so the table figures here are recomputed on the
 * matched cases and can differ from each run's full table. The bootstrap resamples cases with replacement,
 * {@value #RESAMPLES} times, from a fixed seed, so a report is reproducible; the headline figures resample the
 * matched cases (within the category for a category's figure); the table figures resample within each category
 * (stratified, keeping each category's size) and recompute the figure with the protocol's own aggregation, for both
 * runs on the same resampled cases. With several judge samples a table figure is its mean over the samples.
 *
 * @param a the baseline run's label
 * @param b the compared run's label
 * @param matched how many cases take part
 * @param onlyInA ids of cases only run A has
 * @param onlyInB ids of cases only run B has
 * @param leftOut ids of cases both runs have but at least one did not score (failed, unreadable, no judged turn)
 * @param seed the bootstrap's seed
 * @param resamples the bootstrap's resample count
 * @param differences the figures compared: headline overall, headline per category, then the table's figures
 */
public record Comparison(
        String a,
        String b,
        int matched,
        List<String> onlyInA,
        List<String> onlyInB,
        List<String> leftOut,
        long seed,
        int resamples,
        List<Difference> differences) {

    /** How many bootstrap resamples each interval is computed from. */
    public static final int RESAMPLES = 10_000;

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 20_240_601L;

    /** What the comparison's figures mean; printed by every format. */
    public static final String METHOD = "difference = B − A on the cases scored in both runs; 95% percentile"
            + " bootstrap interval over cases (" + RESAMPLES + " resamples, fixed seed; table figures resampled"
            + " within categories and recomputed with the benchmark's aggregation); better = interval above 0,"
            + " worse = below 0, no evidence otherwise";

    public Comparison {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
        leftOut = List.copyOf(leftOut);
        differences = List.copyOf(differences);
    }

    /** What a difference's interval says. */
    public enum Verdict {
        /** The interval lies above 0. */
        BETTER("better"),
        /** The interval lies below 0. */
        WORSE("worse"),
        /** The interval holds 0, or there were too few cases. */
        NO_EVIDENCE("no evidence");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** The verdict as printed. */
        public String label() {
            return label;
        }

        static Verdict of(double low, double high) {
            if (low > 0) {
                return BETTER;
            }
            if (high < 0) {
                return WORSE;
            }
            return NO_EVIDENCE;
        }
    }

    /**
     * One compared figure.
     *
     * @param scope {@value #HEADLINE} (the per-case headline figure's mean) or {@value #TABLE} (a figure of the
     *     benchmark's table)
     * @param row {@code overall} or a category for the headline; the table row's label for the table
     * @param figure the figure's name (the headline's name, or the table's column)
     * @param cases how many matched cases the figure covers
     * @param valueA the figure in run A over those cases
     * @param valueB the figure in run B over those cases
     * @param difference B − A
     * @param low the 95% interval's lower end
     * @param high its upper end
     * @param verdict what the interval says
     */
    public record Difference(
            String scope,
            String row,
            String figure,
            int cases,
            double valueA,
            double valueB,
            double difference,
            double low,
            double high,
            Verdict verdict) {
        /** Scope of the per-case headline figure. */
        public static final String HEADLINE = "headline";
        /** Scope of a figure of the benchmark's table. */
        public static final String TABLE = "table";
    }

    /** Compares with {@link #DEFAULT_SEED}. */
    public static Comparison of(BenchReport a, BenchReport b) {
        return of(a, b, DEFAULT_SEED);
    }

    /**
     * Compares run B with run A.
     *
     * @throws InvalidInputException when the runs are on different suites or data, or scored with different protocols
     */
    public static Comparison of(BenchReport a, BenchReport b, long seed) {
        Manifest ma = a.manifest();
        Manifest mb = b.manifest();
        if (!ma.suite().equals(mb.suite()) || !ma.dataHash().equals(mb.dataHash())) {
            throw new InvalidInputException("cannot compare runs on different data: " + ma.suite() + " data "
                    + shortHash(ma.dataHash()) + " vs " + mb.suite() + " data " + shortHash(mb.dataHash()));
        }
        if (!ma.protocol().equals(mb.protocol())) {
            throw new InvalidInputException(
                    "cannot compare runs scored with different protocols: " + ma.protocol() + " vs " + mb.protocol());
        }
        Map<String, Integer> indexB = new LinkedHashMap<>();
        for (int i = 0; i < b.cases().size(); i++) {
            indexB.put(b.cases().get(i).caseId(), i);
        }
        Map<String, Integer> indexA = new LinkedHashMap<>();
        List<String> onlyA = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < a.cases().size(); i++) {
            BenchReport.CaseFigures ca = a.cases().get(i);
            indexA.put(ca.caseId(), i);
            Integer j = indexB.get(ca.caseId());
            if (j == null) {
                onlyA.add(ca.caseId());
            } else if (Double.isFinite(ca.score())
                    && Double.isFinite(b.cases().get(j).score())) {
                pairs.add(new int[] {i, j});
            } else {
                leftOut.add(ca.caseId());
            }
        }
        List<String> onlyB = b.cases().stream()
                .map(BenchReport.CaseFigures::caseId)
                .filter(id -> !indexA.containsKey(id))
                .toList();
        int n = pairs.size();
        double[] sa = new double[n];
        double[] sb = new double[n];
        String[] category = new String[n];
        for (int k = 0; k < n; k++) {
            sa[k] = a.cases().get(pairs.get(k)[0]).score();
            sb[k] = b.cases().get(pairs.get(k)[1]).score();
            category[k] = a.cases().get(pairs.get(k)[0]).category();
        }
        Map<String, int[]> byCategory = groups(category);
        List<Difference> differences = new ArrayList<>();
        String headline = a.headline();
        int[] all = new int[n];
        Arrays.setAll(all, k -> k);
        differences.add(meanDifference("overall", headline, all, sa, sb, seed));
        byCategory.forEach((c, members) -> differences.add(meanDifference(c, headline, members, sa, sb, seed)));
        List<CaseOutcome> outA = new ArrayList<>();
        List<CaseOutcome> outB = new ArrayList<>();
        for (int[] p : pairs) {
            outA.add(a.outcomes().get(p[0]));
            outB.add(b.outcomes().get(p[1]));
        }
        int samples = Math.min(ma.judgeSamples(), mb.judgeSamples());
        differences.addAll(tableDifferences(a, outA, outB, byCategory, samples, seed));
        return new Comparison(label(ma), label(mb), n, onlyA, onlyB, leftOut, seed, RESAMPLES, differences);
    }

    private static Difference meanDifference(
            String row, String figure, int[] members, double[] sa, double[] sb, long seed) {
        int m = members.length;
        double[] d = new double[m];
        double meanA = 0;
        double meanB = 0;
        for (int k = 0; k < m; k++) {
            d[k] = sb[members[k]] - sa[members[k]];
            meanA += sa[members[k]];
            meanB += sb[members[k]];
        }
        if (m == 0) {
            return new Difference(
                    Difference.HEADLINE,
                    row,
                    figure,
                    0,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Verdict.NO_EVIDENCE);
        }
        SplittableRandom random = new SplittableRandom(mix(seed, Difference.HEADLINE + "/" + row));
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int k = 0; k < m; k++) {
                sum += d[random.nextInt(m)];
            }
            means[r] = sum / m;
        }
        Arrays.sort(means);
        double low = Stats.quantile(means, 0.025);
        double high = Stats.quantile(means, 0.975);
        return new Difference(
                Difference.HEADLINE,
                row,
                figure,
                m,
                meanA / m,
                meanB / m,
                Stats.mean(d),
                low,
                high,
                Verdict.of(low, high));
    }

    /** Every figure of the benchmark's table on the matched cases, stratified bootstrap within categories. */
    private static List<Difference> tableDifferences(
            BenchReport a,
            List<CaseOutcome> outA,
            List<CaseOutcome> outB,
            Map<String, int[]> byCategory,
            int samples,
            long seed) {
        if (outA.isEmpty()) {
            return List.of();
        }
        int n = outA.size();
        int[] identity = new int[n];
        Arrays.setAll(identity, k -> k);
        Map<String, Map<String, Double>> observedA = figures(a, outA, identity, samples);
        Map<String, Map<String, Double>> observedB = figures(a, outB, identity, samples);
        List<String[]> keys = new ArrayList<>();
        observedA.forEach((row, columns) -> columns.keySet().forEach(c -> keys.add(new String[] {row, c})));
        double[][] diffs = new double[keys.size()][RESAMPLES];
        SplittableRandom random = new SplittableRandom(mix(seed, Difference.TABLE));
        int[] chosen = new int[n];
        for (int r = 0; r < RESAMPLES; r++) {
            int at = 0;
            for (int[] members : byCategory.values()) {
                for (int k = 0; k < members.length; k++) {
                    chosen[at++] = members[random.nextInt(members.length)];
                }
            }
            Map<String, Map<String, Double>> fa = figures(a, outA, chosen, samples);
            Map<String, Map<String, Double>> fb = figures(a, outB, chosen, samples);
            for (int k = 0; k < keys.size(); k++) {
                diffs[k][r] = value(fb, keys.get(k)) - value(fa, keys.get(k));
            }
        }
        List<Difference> out = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            double va = value(observedA, keys.get(k));
            double vb = value(observedB, keys.get(k));
            double[] sorted = Stats.finite(diffs[k]);
            Arrays.sort(sorted);
            double low = Stats.quantile(sorted, 0.025);
            double high = Stats.quantile(sorted, 0.975);
            boolean known = Double.isFinite(va) && Double.isFinite(vb) && sorted.length > 0;
            out.add(new Difference(
                    Difference.TABLE,
                    keys.get(k)[0],
                    keys.get(k)[1],
                    rowCases(a, outA, identity, keys.get(k)[0]),
                    va,
                    vb,
                    vb - va,
                    low,
                    high,
                    known ? Verdict.of(low, high) : Verdict.NO_EVIDENCE));
        }
        return out;
    }

    /** The table's figures over the chosen cases (with repeats), each averaged over the judge samples. */
    private static Map<String, Map<String, Double>> figures(
            BenchReport report, List<CaseOutcome> outcomes, int[] chosen, int samples) {
        Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();
        for (int s = 0; s < samples; s++) {
            List<CaseScore> scores = new ArrayList<>(chosen.length);
            for (int k : chosen) {
                outcomes.get(k).score(s).ifPresent(scores::add);
            }
            ScoreTable table = report.protocol().aggregate(scores);
            for (ScoreRow row : table.rows()) {
                Map<String, double[]> byColumn = sums.computeIfAbsent(row.label(), x -> new LinkedHashMap<>());
                row.values().forEach((c, v) -> {
                    double[] acc = byColumn.computeIfAbsent(c, x -> new double[2]);
                    if (v != null && Double.isFinite(v)) {
                        acc[0] += v;
                        acc[1]++;
                    }
                });
            }
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        sums.forEach((row, byColumn) -> {
            Map<String, Double> values = new LinkedHashMap<>();
            byColumn.forEach((c, acc) -> values.put(c, acc[1] == 0 ? Double.NaN : acc[0] / acc[1]));
            out.put(row, values);
        });
        return out;
    }

    private static int rowCases(BenchReport report, List<CaseOutcome> outcomes, int[] chosen, String row) {
        List<CaseScore> scores = new ArrayList<>();
        for (int k : chosen) {
            outcomes.get(k).score(0).ifPresent(scores::add);
        }
        return report.protocol().aggregate(scores).row(row).map(ScoreRow::cases).orElse(0);
    }

    private static double value(Map<String, Map<String, Double>> figures, String[] key) {
        Map<String, Double> row = figures.get(key[0]);
        Double v = row == null ? null : row.get(key[1]);
        return v == null ? Double.NaN : v;
    }

    private static Map<String, int[]> groups(String[] category) {
        Map<String, List<Integer>> lists = new LinkedHashMap<>();
        for (int k = 0; k < category.length; k++) {
            lists.computeIfAbsent(category[k], x -> new ArrayList<>()).add(k);
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        lists.forEach(
                (c, l) -> out.put(c, l.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    private static long mix(long seed, String key) {
        return seed * 0x9E3779B97F4A7C15L + key.hashCode();
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** A run's label: strategy, editor and thinker, and its start. */
    static String label(Manifest m) {
        return m.strategy() + " · editor " + m.editor().display() + " · thinker "
                + m.thinker().display() + " · " + m.started();
    }
}
