package dev.editloop.bench.protocol;

import dev.editloop.bench.CaseScore;
import dev.editloop.core.Criterion;
import dev.editloop.core.Judgement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Arithmetic the protocols share, written once so that every table rounds and averages the same way. */
final class Figures {
    private Figures() {}

    /**
     * Rounds as Python's {@code round(x, places)} does, which the benchmarks' official code uses: to the nearest value
     * of the exact binary double, ties (exact halves only) to even. So {@code 3.335} (stored as 3.33499999…) gives
     * {@code 3.33}, {@code 0.125} gives {@code 0.12} and {@code 0.375} gives {@code 0.38}. NaN stays NaN.
     */
    static double pyRound(double x, int places) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(x).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** The mean of the values, NaN when there are none. */
    static double mean(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    /** The mean of the values that are not NaN, NaN when none. */
    static double meanOfPresent(List<Double> values) {
        return mean(values.stream().filter(v -> !Double.isNaN(v)).toList());
    }

    /** Case scores by category, categories sorted by name. */
    static Map<String, List<CaseScore>> byCategory(List<CaseScore> scores) {
        Map<String, List<CaseScore>> map = new TreeMap<>();
        for (CaseScore s : scores) {
            map.computeIfAbsent(s.category(), k -> new ArrayList<>()).add(s);
        }
        return map;
    }

    /** "3 cases had no readable reply and are left out: a, b, c" (at most ten ids), or null when none. */
    static String unreadableNote(List<CaseScore> scores, String consequence) {
        List<String> ids = scores.stream()
                .filter(s -> !s.readable())
                .map(CaseScore::caseId)
                .toList();
        if (ids.isEmpty()) {
            return null;
        }
        String shown = String.join(", ", ids.subList(0, Math.min(10, ids.size())));
        return String.format(
                Locale.ROOT,
                "%d case%s had no readable judge reply and %s: %s%s",
                ids.size(),
                ids.size() == 1 ? "" : "s",
                consequence,
                shown,
                ids.size() > 10 ? ", …" : "");
    }

    /**
     * One criterion's raw value from an answer, or null (with the reason added to {@code problems}) when the answer is
     * missing, lacks the criterion or holds a value off its scale.
     */
    static Double read(Judgement answer, String question, Criterion criterion, List<String> problems) {
        if (answer == null) {
            return null; // the caller notes the missing answer once per question
        }
        Double v = answer.scores().get(criterion.name());
        if (v == null || v.isNaN()) {
            problems.add(question + ": no " + criterion.name() + " in the reply");
            return null;
        }
        if (!criterion.contains(v)) {
            problems.add(question + ": " + criterion.name() + " " + v + " is off its scale " + criterion.range());
            return null;
        }
        return v;
    }

    /** Checks the answer count against the questions asked. */
    static void checkCount(String protocol, String caseId, int questions, List<Judgement> answers) {
        if (answers.size() != questions) {
            throw new IllegalArgumentException(
                    protocol + " case " + caseId + ": " + answers.size() + " answers for " + questions + " questions");
        }
    }
}
