package dev.editloop.cli;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.loop.BestOfN;
import dev.editloop.core.loop.Budget;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Threshold;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The loop's options (a picocli mixin) shared by {@code edit} and {@code bench run}: {@code --strategy},
 * {@code --max-turns} and {@code --threshold} (their defaults can come from the config file), and best-of-N's
 * {@code --candidates}, {@code --budget} and {@code --min-gain}.
 */
final class LoopOptions {
    @Option(
            names = {"-s", "--strategy"},
            paramLabel = "NAME",
            defaultValue = "think-while-edit",
            converter = Converters.StrategyConverter.class,
            description = "think-while-edit, think-before-edit, single, reflect, or best-of-n"
                    + " (default: ${DEFAULT-VALUE}).")
    Strategy strategy;

    @Option(
            names = {"-n", "--max-turns"},
            paramLabel = "N",
            defaultValue = Converters.TurnLimitConverter.AUTO,
            converter = Converters.TurnLimitConverter.class,
            description = "Turn limit, 1.." + LoopRequest.MAX_TURN_LIMIT + ", or auto: 5 for think-while-edit, 3 for"
                    + " reflect (default: ${DEFAULT-VALUE}); single and think-before-edit make one.")
    Integer maxTurns;

    @Option(
            names = {"-t", "--threshold"},
            paramLabel = "X",
            defaultValue = "8",
            converter = Converters.ThresholdConverter.class,
            description = "Stop when SC >= X and PQ >= X; 'overall:X' stops when sqrt(SC*PQ) >= X"
                    + " (default: ${DEFAULT-VALUE}).")
    Threshold threshold;

    @Option(
            names = "--candidates",
            paramLabel = "N",
            description = "Best-of-N: edit each turn N times under different seeds at once, critique each, go on with"
                    + " the best (1.." + BestOfN.MAX_CANDIDATES + "; selects --strategy best-of-n; default 4 there).")
    Integer candidates;

    @Option(
            names = "--budget",
            paramLabel = "B",
            description = "Best-of-N: stop when spent: editor calls (12), wall time (90s, 5m) or cost (cost:1.50,"
                    + " with --price editor=X[,thinker=Y]). Alone it runs the plain loop (one candidate) under it.")
    String budget;

    @Option(
            names = "--min-gain",
            paramLabel = "X",
            description = "Best-of-N: stop when a turn's best overall score gains less than X over the best earlier"
                    + " turn (0..10).")
    Double minGain;

    /**
     * The strategy to run: {@code --strategy}, or best-of-N when {@code --candidates}, {@code --budget} or {@code
     * --min-gain} is given (with the default strategy: one candidate unless {@code --candidates} says more).
     *
     * @param prices the price of one call by role, for a cost budget
     * @throws InvalidInputException when best-of-N's options go with another strategy, or are out of range
     */
    Strategy strategy(Map<String, Double> prices) {
        boolean bestOfN = candidates != null || budget != null || minGain != null;
        if (!bestOfN) {
            return strategy;
        }
        if (strategy != Strategy.THINK_WHILE_EDIT && !(strategy instanceof BestOfN)) {
            throw new InvalidInputException(
                    "--candidates, --budget and --min-gain go with --strategy best-of-n," + " not " + strategy.id());
        }
        if (minGain != null && (minGain < 0 || minGain > 10)) {
            throw new InvalidInputException("--min-gain must be within 0..10, got " + minGain);
        }
        int n = candidates != null ? candidates : strategy instanceof BestOfN ? BestOfN.DEFAULT_CANDIDATES : 1;
        return new BestOfN(n, budget == null ? null : Budget.parse(budget, prices), minGain);
    }

    /** The turn limit for the request: 0 for the strategy's own default. */
    int turnLimit() {
        return maxTurns == null ? 0 : maxTurns;
    }
}
