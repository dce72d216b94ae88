package dev.editloop.core.loop;

import dev.editloop.core.Critique;
import dev.editloop.core.InvalidInputException;

/**
 * A way of running the loop: which turns to make, in what order, and when to stop (DESIGN §1). The engine
 * ({@link LoopEngine}) owns everything else: the run's lifecycle, what a turn is (edit, critique, events),
 * cancellation and deadlines, and the choice of the best turn.
 *
 * <p>The four strategies of DESIGN §1 are built in ({@link #THINK_WHILE_EDIT}, {@link #THINK_BEFORE_EDIT},
 * {@link #SINGLE}, {@link #REFLECT}). A new one is one class implementing this interface, with a public no-argument
 * constructor, listed in {@code META-INF/services/dev.editloop.core.loop.Strategy} of its module: {@link #parse}
 * then finds it by its {@link #id()}, and the engine runs it unchanged. A built-in name cannot be taken over.
 *
 * <p>A strategy holds no state between runs: one instance serves every run, from several threads at once.
 */
public interface Strategy {
    /** Edit, critique, refine, edit the source again; the default. */
    Strategy THINK_WHILE_EDIT = new ThinkWhileEdit();

    /** Rewrite the instruction once from the source alone, edit once, critique for the record. */
    Strategy THINK_BEFORE_EDIT = new ThinkBeforeEdit();

    /** One edit with the user's instruction, one critique for the record: the baseline. */
    Strategy SINGLE = new SinglePass();

    /** ReasonEdit's think, edit, reflect: corrections edit the previous output, failures restart from the source. */
    Strategy REFLECT = new Reflect();

    /**
     * The name used on the command line and recorded as {@code strategy} in trajectories, e.g. {@code
     * think-while-edit}: lower case, words joined by {@code -}.
     */
    String id();

    /** The turn limit when the request gives none (5 think-while-edit, 3 reflect, 1 for the one-turn strategies). */
    int defaultTurns();

    /** Whether the request's turn limit applies; a strategy that is not iterative always has a limit of one turn. */
    default boolean iterative() {
        return true;
    }

    /**
     * Runs the turns of one run through {@code run} and returns why it stopped. {@link RunContext#plan} and {@link
     * RunContext#turn} throw when the run is cancelled or past its deadline: let that exception pass (the engine
     * records the stop), and let backend failures pass too (the engine records {@link StopReason#ERROR}).
     *
     * @return the stop reason, never null; {@link StopReason#ERROR} when the last critique could not be read
     */
    StopReason run(RunContext run);

    /**
     * Compares two scored turns for the best-turn choice: positive when {@code a} is better. Ties (0) go to the later
     * turn; turns without a readable critique always rank below scored ones. The default ranks by overall score
     * sqrt(SC·PQ).
     */
    default int compare(Critique a, Critique b) {
        return Double.compare(a.overall(), b.overall());
    }

    /**
     * The settings of this strategy that change what it does (e.g. best-of-N's candidates and budget), by snake_case
     * name; trajectories record them as {@code strategy_params} and benchmark manifests as part of the strategy. Empty
     * for the built-in strategies.
     */
    default java.util.Map<String, String> params() {
        return java.util.Map.of();
    }

    /**
     * Finds a strategy by name ({@code think-while-edit}, {@code think-before-edit}, {@code single}, {@code reflect},
     * or one registered through {@link java.util.ServiceLoader}); case and {@code _} for {@code -} do not matter.
     *
     * @throws InvalidInputException for an unknown name, listing the known ones
     */
    static Strategy parse(String text) {
        return StrategyRegistry.get().find(text);
    }

    /** The known strategy names, comma-separated, the built-in ones first. */
    static String known() {
        return String.join(", ", StrategyRegistry.get().ids());
    }
}
