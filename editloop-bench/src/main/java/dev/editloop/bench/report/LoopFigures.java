package dev.editloop.bench.report;

import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.TurnOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the loop did, by the judge's headline figure: the score at each turn, why cases stopped, how many ended worse
 * than turn 1, and how well the thinker's scores agree with the judge's.
 *
 * <p>A turn's judge figure is the protocol's headline figure of that turn, averaged over the judge samples whose
 * score was readable (a turn with none is not judged). Failed cases take part only in the stop-reason counts.
 *
 * @param headline the protocol's headline figure
 * @param turns the figures per turn, from turn 1 to the last turn any case reached
 * @param stopReasons how many cases stopped for each reason (all cases; {@code none} when a case has no stop reason),
 *     most frequent first
 * @param gotWorse how many cases ended worse than turn 1: their best turn's judge figure is below turn 1's
 * @param gotWorseCases the ids of those cases, in the run's order
 * @param comparedWithTurnOne how many cases had both figures (turn 1 and the best turn) to compare
 * @param agreement judge-vs-thinker agreement
 */
public record LoopFigures(
        String headline,
        List<TurnFigure> turns,
        Map<String, Integer> stopReasons,
        int gotWorse,
        List<String> gotWorseCases,
        int comparedWithTurnOne,
        Agreement agreement) {

    /** How the carried-forward figure is defined; printed by every format. */
    public static final String CARRIED_DEFINITION = "reached: mean over the cases that made turn t, of turn t's own"
            + " judge figure. carried: mean over every judged case of the turn the loop would have answered with under"
            + " a budget of t turns (the thinker's best of turns 1..t, highest overall, ties to the later turn; once a"
            + " case has stopped, its recorded best turn), so the last column equals the benchmark score's mean";

    public LoopFigures {
        Objects.requireNonNull(headline, "headline");
        turns = List.copyOf(turns);
        stopReasons = Collections.unmodifiableMap(new LinkedHashMap<>(stopReasons));
        gotWorseCases = List.copyOf(gotWorseCases);
        Objects.requireNonNull(agreement, "agreement");
    }

    /**
     * The headline figure at one turn.
     *
     * @param turn the turn (from 1)
     * @param reached how many cases have a judged turn {@code turn}
     * @param reachedMean the mean of turn {@code turn}'s judge figure over those cases, NaN when none
     * @param carried how many cases count in the carried-forward mean (every case with a judged turn)
     * @param carriedMean the carried-forward mean (see {@link #CARRIED_DEFINITION})
     */
    public record TurnFigure(int turn, int reached, double reachedMean, int carried, double carriedMean) {}

    /**
     * Judge-vs-thinker agreement.
     *
     * @param pairs how many judged turns have both the thinker's overall and the judge's figure
     * @param pearson Pearson's correlation over those pairs, NaN below two or when one side is constant
     * @param spearman Spearman's rank correlation over those pairs
     * @param bestTurnCases how many cases have at least two judged turns and a judged best turn
     * @param bestTurnAgree how many of those the thinker's best turn is also the judge's (ties count as agreement)
     */
    public record Agreement(int pairs, double pearson, double spearman, int bestTurnCases, int bestTurnAgree) {}

    /** The loop figures of a run's outcomes. */
    public static LoopFigures of(List<CaseOutcome> outcomes, String headline) {
        Map<String, Integer> stops = new TreeMap<>();
        List<double[]> pairs = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        int compared = 0;
        int bestCases = 0;
        int bestAgree = 0;
        int lastTurn = 0;
        for (CaseOutcome o : outcomes) {
            stops.merge(o.stopReason() == null ? "none" : o.stopReason(), 1, Integer::sum);
            if (o.failed()) {
                continue;
            }
            int judged = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (TurnOutcome t : o.turns()) {
                double judge = BenchReport.headlineOf(t, headline);
                if (Double.isFinite(judge)) {
                    judged++;
                    max = Math.max(max, judge);
                    lastTurn = Math.max(lastTurn, t.turn());
                    if (Double.isFinite(t.overall())) {
                        pairs.add(new double[] {t.overall(), judge});
                    }
                }
            }
            double best = o.best().map(t -> BenchReport.headlineOf(t, headline)).orElse(Double.NaN);
            double first =
                    turn(o, 1).map(t -> BenchReport.headlineOf(t, headline)).orElse(Double.NaN);
            if (Double.isFinite(best) && Double.isFinite(first)) {
                compared++;
                if (best < first) {
                    worse.add(o.benchCase().id());
                }
            }
            if (judged >= 2 && Double.isFinite(best)) {
                bestCases++;
                if (best >= max) {
                    bestAgree++;
                }
            }
        }
        List<TurnFigure> turns = new ArrayList<>();
        for (int turn = 1; turn <= lastTurn; turn++) {
            List<Double> reached = new ArrayList<>();
            List<Double> carried = new ArrayList<>();
            for (CaseOutcome o : outcomes) {
                if (o.failed()) {
                    continue;
                }
                final int t = turn;
                turn(o, t)
                        .map(x -> BenchReport.headlineOf(x, headline))
                        .filter(Double::isFinite)
                        .ifPresent(reached::add);
                double c = carried(o, t, headline);
                if (Double.isFinite(c)) {
                    carried.add(c);
                }
            }
            turns.add(new TurnFigure(turn, reached.size(), mean(reached), carried.size(), mean(carried)));
        }
        double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
        Agreement agreement =
                new Agreement(pairs.size(), Stats.pearson(x, y), Stats.spearman(x, y), bestCases, bestAgree);
        Map<String, Integer> sortedStops = new LinkedHashMap<>();
        stops.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sortedStops.put(e.getKey(), e.getValue()));
        return new LoopFigures(headline, turns, sortedStops, worse.size(), worse, compared, agreement);
    }

    /**
     * The judge figure of the turn the loop would answer with under a budget of {@code budget} turns: past the case's
     * last turn its recorded best turn; before, the thinker's best of turns 1..budget (ties to the later turn, an
     * invalid critique ranking below any score). NaN when that turn was not judged.
     */
    static double carried(CaseOutcome o, int budget, String headline) {
        if (o.turns().isEmpty()) {
            return Double.NaN;
        }
        int last = o.turns().stream().mapToInt(TurnOutcome::turn).max().getAsInt();
        if (budget >= last && o.best().isPresent()) {
            return BenchReport.headlineOf(o.best().get(), headline);
        }
        TurnOutcome pick = null;
        for (TurnOutcome t : o.turns()) {
            if (t.turn() > budget) {
                continue;
            }
            double score = Double.isFinite(t.overall()) ? t.overall() : Double.NEGATIVE_INFINITY;
            double pickScore = pick == null
                    ? Double.NaN
                    : Double.isFinite(pick.overall()) ? pick.overall() : Double.NEGATIVE_INFINITY;
            if (pick == null || score > pickScore || (score == pickScore && t.turn() > pick.turn())) {
                pick = t;
            }
        }
        return pick == null ? Double.NaN : BenchReport.headlineOf(pick, headline);
    }

    private static java.util.Optional<TurnOutcome> turn(CaseOutcome o, int turn) {
        return o.turns().stream().filter(t -> t.turn() == turn).findFirst();
    }

    private static double mean(List<Double> values) {
        return Stats.mean(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
