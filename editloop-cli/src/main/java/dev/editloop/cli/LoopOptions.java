package dev.editloop.cli;

import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Threshold;
import picocli.CommandLine.Option;

/**
 * The loop's options (a picocli mixin) shared by {@code edit} and {@code bench run}: {@code --strategy},
 * {@code --max-turns} and {@code --threshold}; their defaults can come from the config file.
 */
final class LoopOptions {
    @Option(
            names = {"-s", "--strategy"},
            paramLabel = "NAME",
            defaultValue = "think-while-edit",
            converter = Converters.StrategyConverter.class,
            description = "think-while-edit, think-before-edit, single, or reflect (default: ${DEFAULT-VALUE}).")
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

    /** The turn limit for the request: 0 for the strategy's own default. */
    int turnLimit() {
        return maxTurns == null ? 0 : maxTurns;
    }
}
