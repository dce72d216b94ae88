package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.ContentOperations;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.op.Operation;
import dev.editloop.embedded.op.Operations;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What each concrete action of the classic editor should do to the pixels: its expected {@link Effect}s, and the
 * metrics it may move as a side effect ({@link #touched}), which therefore do not count as "something else changed".
 * Each action's {@link Operation} says both; the knob of an operation with an amount turns its own effects.
 */
public final class ActionEffects {

    private ActionEffects() {}

    /** Whether an action changes the image's geometry (size, orientation, framing). */
    public static boolean geometric(Action action) {
        return Operations.of(action).map(Operation::geometric).orElse(false);
    }

    /** The region text at a position lands in. */
    public static Region region(Action.Position position) {
        return ContentOperations.region(position);
    }

    /** The region an action is confined to, or WHOLE when it acts on the whole image or on no fixed place. */
    public static Region confinedTo(Action action) {
        return Operations.of(action).map(op -> op.confinedTo(action)).orElse(Region.WHOLE);
    }

    /**
     * The expected effects of one action. {@code explicit} says whether the request gave the amount (a number):
     * then the target range is ±30–40% around it, otherwise wide.
     */
    public static List<Effect> of(Action action, boolean explicit) {
        double lo = explicit ? 0.7 : 0.35;
        double hi = explicit ? 1.4 : 2.5;
        List<Effect> out = new ArrayList<>();
        Operation op = Operations.of(action).orElse(null);
        if (op == null) {
            return out;
        }
        Knob knob = op instanceof Operation.Adjustable a ? Knob.of(a) : null;
        for (Operation.Change c : op.changes(action, lo, hi)) {
            out.add(new Effect(
                    c.metric(),
                    c.zone(),
                    c.color(),
                    c.near(),
                    c.ideal(),
                    c.far(),
                    c.weight(),
                    c.byKnob() ? knob : null));
        }
        return out;
    }

    /** The metrics an action moves, on purpose or as a side effect. */
    public static Set<Metric> touched(Action action) {
        Set<Metric> out = EnumSet.noneOf(Metric.class);
        Operations.of(action).ifPresent(op -> out.addAll(op.touched(action)));
        return out;
    }
}
