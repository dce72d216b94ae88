package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Assessment.Reading;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.op.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reflect mode: corrections that are applied to the PREVIOUS output, so each one is a delta ("increase the contrast
 * by 10%"), computed from how far the measured effect is from its ideal. Some overshoots cannot be undone by a
 * further edit (too much grain or blur: the operation's {@link dev.editloop.embedded.op.Operation.Inversion} says
 * none can); then the attempt must restart from the source.
 */
final class Reflector {
    private Reflector() {}

    /** The corrections, or empty when an off-target effect cannot be corrected on top of the previous output. */
    record Corrections(List<Action> actions, List<String> notes, List<String> irreversible) {
        boolean possible() {
            return irreversible.isEmpty() && !actions.isEmpty();
        }
    }

    static Corrections corrections(Intent intent, Assessment assessment, Analysis source) {
        List<Action> actions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        for (Reading reading : assessment.offTarget()) {
            Effect effect = reading.effect();
            boolean weak = reading.standing() == Effect.Standing.WEAK;
            double m = reading.measured();
            double t = effect.ideal();
            Knob knob = effect.knob();
            Region region = effect.zone().outside()
                            || (knob != null && knob.operation().looks().contains(Operation.Look.WHOLE_IMAGE))
                    ? Region.WHOLE
                    : effect.zone().region();
            if (knob == null) {
                if (weak) {
                    // the same concrete step again (e.g. a recolor that left some of the color)
                    for (Action action : intent.plan(source)) {
                        if (Knob.of(action).isEmpty()
                                && !ActionEffects.geometric(action)
                                && !actions.contains(action)) {
                            actions.add(action);
                            notes.add(effect.label() + " is too weak ("
                                    + effect.metric().format(m) + "); repeat \"" + action.phrase() + "\"");
                        }
                    }
                } else {
                    irreversible.add(
                            effect.label() + " overshoots (" + effect.metric().format(m) + ")");
                }
                continue;
            }
            Double amount = delta(knob, m, t, weak);
            if (amount == null) {
                irreversible.add(effect.label() + " is " + reading.standing().words() + " ("
                        + effect.metric().format(m) + ", " + effect.target() + ") and a further " + knob.label()
                        + " step cannot take it back");
                continue;
            }
            Knob by = weak ? knob : Knob.of(knob.operation().takenBackBy());
            Optional<Action> action =
                    by == knob ? knob.make(amount, region, effect.color()) : by.make(amount, region, null);
            if (action.isPresent()) {
                actions.add(action.get());
                notes.add(effect.label() + " reads " + effect.metric().format(m) + " (" + effect.target()
                        + "); correct with \"" + action.get().phrase() + "\"");
            }
        }
        return new Corrections(List.copyOf(actions), notes, irreversible);
    }

    /**
     * The amount of a further step of a knob that moves the metric from m to t, or null when none can (its
     * operation's {@link dev.editloop.embedded.op.Operation.Inversion}).
     */
    static Double delta(Knob knob, double m, double t, boolean weak) {
        return knob.control().inversion().delta(m, t, weak, knob.slope());
    }
}
