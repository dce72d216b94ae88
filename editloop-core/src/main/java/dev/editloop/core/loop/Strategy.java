package dev.editloop.core.loop;

import dev.editloop.core.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four ways the loop can run (DESIGN §1). */
public enum Strategy {
    /** Edit, critique, refine, edit the source again; the default. */
    THINK_WHILE_EDIT("think-while-edit", 5),
    /** Rewrite the instruction once from the source alone, edit once, critique for the record. */
    THINK_BEFORE_EDIT("think-before-edit", 1),
    /** One edit with the user's instruction, one critique for the record: the baseline. */
    SINGLE("single", 1),
    /** ReasonEdit's think, edit, reflect: corrections edit the previous output, failures restart from the source. */
    REFLECT("reflect", 3);

    private final String id;
    private final int defaultTurns;

    Strategy(String id, int defaultTurns) {
        this.id = id;
        this.defaultTurns = defaultTurns;
    }

    /** The name used on the command line and in trajectories, e.g. {@code think-while-edit}. */
    public String id() {
        return id;
    }

    /** The turn limit when none is given (5, 1, 1, 3). */
    public int defaultTurns() {
        return defaultTurns;
    }

    /** Whether the strategy runs more than one turn. */
    public boolean iterative() {
        return this == THINK_WHILE_EDIT || this == REFLECT;
    }

    /**
     * Parses a strategy name ({@code think-while-edit}, {@code think-before-edit}, {@code single}, {@code reflect}).
     *
     * @throws InvalidInputException for an unknown name, listing the known ones
     */
    public static Strategy parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Strategy strategy : values()) {
            if (strategy.id.equals(key)) {
                return strategy;
            }
        }
        throw new InvalidInputException("unknown strategy '" + text + "' (known: " + known() + ")");
    }

    /** The known strategy names, comma-separated. */
    public static String known() {
        return Arrays.stream(values()).map(Strategy::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
