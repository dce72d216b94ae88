package dev.editloop.core.loop;

import dev.editloop.core.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run may spend ({@code --budget}): editor calls, seconds of wall time, or money at configured prices per call.
 *
 * @param unit what is counted
 * @param amount how much of it: calls (a whole number), seconds, or cost in the prices' currency
 * @param editorPrice the price of one editor call (cost budgets; 0 otherwise)
 * @param thinkerPrice the price of one thinker call (cost budgets; 0 otherwise)
 */
public record Budget(Unit unit, double amount, double editorPrice, double thinkerPrice) {
    /** What a budget counts. */
    public enum Unit {
        /** Editor calls: one per candidate. */
        CALLS,
        /** Seconds of wall time from the run's start, checked before each turn (the turn in flight finishes). */
        SECONDS,
        /** Money: editor calls times the editor's price plus critiques times the thinker's price. */
        COST
    }

    private static final Pattern CALLS = Pattern.compile("(?:calls:)?\\s*(\\d+)\\s*(?:calls?|editor calls?)?");
    private static final Pattern COST = Pattern.compile("(?:cost:|\\$)\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern SECONDS = Pattern.compile("seconds:\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    public Budget {
        if (unit == null) {
            throw new IllegalArgumentException("a budget needs a unit");
        }
        if (Double.isNaN(amount) || amount <= 0 || Double.isInfinite(amount)) {
            throw new InvalidInputException("the budget must be positive, got " + amount);
        }
        if (unit == Unit.CALLS && amount != Math.rint(amount)) {
            throw new InvalidInputException("a budget in editor calls is a whole number, got " + amount);
        }
        if (editorPrice < 0 || thinkerPrice < 0 || Double.isNaN(editorPrice) || Double.isNaN(thinkerPrice)) {
            throw new InvalidInputException("a price per call must be a number >= 0");
        }
        if (unit == Unit.COST && editorPrice + thinkerPrice <= 0) {
            throw new InvalidInputException(
                    "a cost budget needs the price of a call: --price editor=0.04 (and thinker=… if it is billed)");
        }
    }

    /** A budget of editor calls. */
    public static Budget calls(int calls) {
        return new Budget(Unit.CALLS, calls, 0, 0);
    }

    /** A budget of wall time. */
    public static Budget time(Duration duration) {
        return new Budget(Unit.SECONDS, duration.toMillis() / 1000.0, 0, 0);
    }

    /** A budget of money at the given prices per call. */
    public static Budget cost(double amount, double editorPrice, double thinkerPrice) {
        return new Budget(Unit.COST, amount, editorPrice, thinkerPrice);
    }

    /**
     * Reads a budget: {@code 12} or {@code calls:12} (editor calls), {@code 90s}, {@code 5m}, {@code 1h30m} or {@code
     * seconds:90} (wall time), {@code cost:1.50} or {@code $1.50} (money, at {@code prices}' {@code editor} and {@code
     * thinker} prices per call).
     *
     * @throws InvalidInputException for anything else, or a cost budget without prices
     */
    public static Budget parse(String text, Map<String, Double> prices) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = CALLS.matcher(t);
        if (m.matches()) {
            return calls(Integer.parseInt(m.group(1)));
        }
        m = COST.matcher(t);
        if (m.matches()) {
            Map<String, Double> p = prices == null ? Map.of() : prices;
            return cost(Double.parseDouble(m.group(1)), p.getOrDefault("editor", 0.0), p.getOrDefault("thinker", 0.0));
        }
        m = SECONDS.matcher(t);
        if (m.matches()) {
            return new Budget(Unit.SECONDS, Double.parseDouble(m.group(1)), 0, 0);
        }
        Matcher part = DURATION_PART.matcher(t);
        double seconds = 0;
        int at = 0;
        while (at < t.length() && part.find(at) && part.start() == at) {
            double v = Double.parseDouble(part.group(1));
            seconds += switch (part.group(2)) {
                case "h" -> v * 3600;
                case "m" -> v * 60;
                case "ms" -> v / 1000;
                default -> v;
            };
            at = part.end();
        }
        if (at > 0 && at == t.length()) {
            return new Budget(Unit.SECONDS, seconds, 0, 0);
        }
        throw new InvalidInputException("cannot read the budget '" + text
                + "': give editor calls (12), a time (90s, 5m) or a cost (cost:1.50, with --price editor=0.04)");
    }

    /** The price of one candidate: its edit and its critique (0 unless a cost budget). */
    public double candidatePrice() {
        return editorPrice + thinkerPrice;
    }

    /** The compact form recorded in trajectories and manifests: {@code calls:12}, {@code seconds:90}, {@code cost:1.5}. */
    public String id() {
        return switch (unit) {
            case CALLS -> "calls:" + (long) amount;
            case SECONDS -> "seconds:" + number(amount);
            case COST ->
                "cost:" + number(amount) + " (editor " + number(editorPrice) + ", thinker " + number(thinkerPrice)
                        + " per call)";
        };
    }

    /** For people: {@code 12 editor calls}, {@code 90 s}, {@code 1.5 at editor 0.04 + thinker 0.01 per call}. */
    @Override
    public String toString() {
        return switch (unit) {
            case CALLS -> (long) amount + " editor calls";
            case SECONDS -> number(amount) + " s";
            case COST ->
                "cost " + number(amount) + " (editor " + number(editorPrice) + ", thinker " + number(thinkerPrice)
                        + " per call)";
        };
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
