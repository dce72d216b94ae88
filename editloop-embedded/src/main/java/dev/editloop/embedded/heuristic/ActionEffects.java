package dev.editloop.embedded.heuristic;

import static dev.editloop.embedded.heuristic.Metric.BRIGHTNESS;
import static dev.editloop.embedded.heuristic.Metric.CHANGE;
import static dev.editloop.embedded.heuristic.Metric.COLOR_GAIN;
import static dev.editloop.embedded.heuristic.Metric.COLOR_LOSS;
import static dev.editloop.embedded.heuristic.Metric.GEOMETRY;
import static dev.editloop.embedded.heuristic.Metric.SHARPNESS;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.measure.Zone;
import dev.editloop.embedded.op.Operation;
import dev.editloop.embedded.op.Operations;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What each concrete action of the classic editor should do to the pixels: its expected {@link Effect}s, and the
 * metrics it may move as a side effect ({@link #touched}), which therefore do not count as "something else changed".
 * An action of an {@link Operation} (tone, filter, style…) says both itself; the others are described here.
 */
public final class ActionEffects {
    private static final Set<Metric> COLOR = Operation.COLOR;
    private static final Set<Metric> TEXTURE = Operation.TEXTURE;

    private ActionEffects() {}

    /** Whether an action changes the image's geometry (size, orientation, framing). */
    public static boolean geometric(Action action) {
        return action instanceof Action.Rotate
                || action instanceof Action.Flip
                || action instanceof Action.CropRegion
                || action instanceof Action.CropAspect
                || action instanceof Action.Zoom
                || action instanceof Action.Resize
                || action instanceof Action.Scale
                || action instanceof Action.Border;
    }

    /** The region text at a position lands in. */
    public static Region region(Action.Position position) {
        return switch (position) {
            case TOP -> Region.TOP_THIRD;
            case BOTTOM -> Region.BOTTOM_THIRD;
            case CENTER -> Region.CENTER;
            case TOP_LEFT -> Region.TOP_LEFT;
            case TOP_RIGHT -> Region.TOP_RIGHT;
            case BOTTOM_LEFT -> Region.BOTTOM_LEFT;
            case BOTTOM_RIGHT -> Region.BOTTOM_RIGHT;
        };
    }

    /** The region an action is confined to, or WHOLE when it acts on the whole image or on no fixed place. */
    public static Region confinedTo(Action action) {
        return switch (action) {
            case Action.RemoveRegion r -> r.region();
            case Action.AddText t -> region(t.position());
            default -> Knob.of(action).isPresent() ? Knob.region(action) : Region.WHOLE;
        };
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
        if (op != null) {
            Knob knob = Knob.of(op);
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
        switch (action) {
            case Action.Recolor r -> {
                out.add(new Effect(COLOR_LOSS, Zone.WHOLE, r.from(), 0.45, 0.9, 1.02, 1, null));
                out.add(new Effect(COLOR_GAIN, Zone.WHOLE, r.to(), 0.003, 0.03, 1.0, 0.5, null));
            }
            case Action.RemoveColored r ->
                out.add(new Effect(COLOR_LOSS, Zone.WHOLE, r.color(), 0.6, 0.95, 1.02, 1, null));
            case Action.RemoveRegion r ->
                out.add(new Effect(CHANGE, Zone.in(r.region()), null, 0.05, 0.4, 1.01, 1, null));
            case Action.Background b -> {
                if (b.color() == null) {
                    out.add(new Effect(SHARPNESS, Zone.outside(Region.CENTER), null, -0.3, -1.5, -10, 1, null));
                } else {
                    out.add(new Effect(COLOR_GAIN, Zone.WHOLE, b.color(), 0.08, 0.35, 0.95, 1, null));
                }
            }
            case Action.AddText t -> {
                Zone zone = Zone.in(region(t.position()));
                // text changes a part of its zone; other edits of the same request may change all of it
                out.add(new Effect(CHANGE, zone, null, 0.005, 0.06, 1.01, 0.5, null));
                out.add(new Effect(COLOR_GAIN, zone, t.color(), 0.001, 0.02, 0.6, 0.5, null));
            }
            default -> {
                // geometry: one GEOMETRY effect for all geometric actions, added by the intent
            }
        }
        return out;
    }

    /** The metrics an action moves, on purpose or as a side effect. */
    public static Set<Metric> touched(Action action) {
        Set<Metric> out = EnumSet.noneOf(Metric.class);
        Optional<Operation> op = Operations.of(action);
        if (op.isPresent()) {
            out.addAll(op.get().touched(action));
            return out;
        }
        switch (action) {
            case Action.Recolor r -> {
                out.addAll(COLOR);
                out.add(BRIGHTNESS);
                out.add(COLOR_LOSS);
                out.add(COLOR_GAIN);
            }
            default -> {
                if (geometric(action)) {
                    // measured against the source transformed the same way; resampling softens and denoises
                    out.add(GEOMETRY);
                    out.addAll(TEXTURE);
                } else {
                    // removal, background, text: confined or structural changes, checked by their own effects
                    out.addAll(EnumSet.allOf(Metric.class));
                }
            }
        }
        return out;
    }
}
