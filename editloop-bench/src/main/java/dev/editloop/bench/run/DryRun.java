package dev.editloop.bench.run;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.BestOfN;
import dev.editloop.core.loop.Budget;
import java.awt.Color;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a run would do ({@code editloop bench run --dry-run}), computed without calling a backend: the cases (all
 * selected, and those still to do when the run exists), the most calls each backend can get for the cases still to do,
 * and their cost when prices are given.
 *
 * <p>Upper bounds: the editor gets at most one call per turn (cases × turn limit; best-of-N: one per candidate, at most
 * a budget of editor calls per case); the thinker one critique per edit
 * plus the plans of the strategy (think-before-edit: one rewrite; reflect: the optional rewrite and the target
 * description); the judge every question of the protocol for every turn, times the samples. Answers already in the
 * run's cache are not subtracted.
 *
 * @param cases the selected cases
 * @param remaining the cases still to do (not finished; failed ones only count with {@code retryFailed})
 * @param byCategory the remaining cases per category, in first-seen order
 * @param editorCalls the most editor calls
 * @param thinkerCalls the most thinker calls
 * @param judgeCalls the most judge calls
 * @param cost the cost per role for the given prices (only the roles priced), and {@code total}; empty without prices
 */
public record DryRun(
        int cases,
        int remaining,
        Map<String, Integer> byCategory,
        long editorCalls,
        long thinkerCalls,
        long judgeCalls,
        Map<String, Double> cost) {
    /** The roles a price can be given for. */
    public static final Set<String> ROLES = Set.of("editor", "thinker", "judge");

    static DryRun of(BenchOptions options, Map<String, Double> prices, ResultStore store) {
        Map<String, Double> priced = prices == null ? Map.of() : prices;
        for (var e : priced.entrySet()) {
            if (!ROLES.contains(e.getKey())) {
                throw new InvalidInputException("a price is for editor, thinker or judge, not '" + e.getKey() + "'");
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue().isNaN()) {
                throw new InvalidInputException("the " + e.getKey() + "'s price per call must be a number >= 0");
            }
        }
        var selected = options.selected();
        Set<String> finished = new HashSet<>();
        if (store != null && store.manifest().isPresent()) {
            for (CaseOutcome o : store.outcomes()) {
                if (!o.failed() || !options.retryFailed()) {
                    finished.add(o.benchCase().id());
                }
            }
        }
        int turns = options.turnLimit();
        // editor calls (and critiques) per turn; a budget of editor calls caps them per case
        int perTurn = 1;
        long capCalls = Long.MAX_VALUE;
        if (options.strategy() instanceof BestOfN best) {
            perTurn = best.candidates();
            if (best.budget() != null && best.budget().unit() == Budget.Unit.CALLS) {
                capCalls = (long) best.budget().amount();
                turns = (int) Math.min(turns, (capCalls + perTurn - 1) / perTurn);
            }
        }
        long callsPerCase = Math.min((long) turns * perTurn, capCalls);
        int plans = switch (options.strategy().id()) {
            case "think-before-edit" -> 1;
            case "reflect" -> 2;
            case "think-while-edit", "single", BestOfN.ID -> 0;
            default -> 2; // a strategy from a plugin: assume it may plan like reflect
        };
        Picture placeholder = Picture.solid(1, 1, Color.GRAY);
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        long editor = 0;
        long thinker = 0;
        long judge = 0;
        int remaining = 0;
        for (BenchCase c : selected) {
            if (finished.contains(c.id())) {
                continue;
            }
            remaining++;
            byCategory.merge(c.category(), 1, Integer::sum);
            editor += callsPerCase;
            thinker += callsPerCase + plans;
            int questions = options.protocol()
                    .questions(c, placeholder, placeholder, c.referenceImage() == null ? null : placeholder, 0)
                    .size();
            judge += (long) turns * questions * options.judgeSamples();
        }
        Map<String, Double> cost = new LinkedHashMap<>();
        if (!priced.isEmpty()) {
            double total = 0;
            for (String role : new String[] {"editor", "thinker", "judge"}) {
                Double price = priced.get(role);
                if (price != null) {
                    long calls = role.equals("editor") ? editor : role.equals("thinker") ? thinker : judge;
                    cost.put(role, calls * price);
                    total += calls * price;
                }
            }
            cost.put("total", total);
        }
        return new DryRun(selected.size(), remaining, byCategory, editor, thinker, judge, cost);
    }

    /** A few lines for the terminal. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d cases selected, %d to do%n", cases, remaining));
        byCategory.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-28s %6d%n", k, v)));
        out.append(String.format(
                Locale.ROOT,
                "at most: editor %d calls, thinker %d, judge %d%n",
                editorCalls,
                thinkerCalls,
                judgeCalls));
        if (!cost.isEmpty()) {
            StringBuilder line = new StringBuilder("cost at most:");
            cost.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.2f", k, v)));
            out.append(line).append(System.lineSeparator());
        }
        return out.toString();
    }
}
