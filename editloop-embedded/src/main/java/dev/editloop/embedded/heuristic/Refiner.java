package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Assessment.Artifact;
import dev.editloop.embedded.heuristic.Assessment.Guard;
import dev.editloop.embedded.heuristic.Assessment.Reading;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.op.Operation;
import dev.editloop.embedded.op.Operations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an assessment into the next instruction: rephrase what the editor did not understand, turn up effects that
 * are too weak, turn down effects that overshoot or hurt quality, and keep what works. Pure and deterministic.
 */
final class Refiner {
    private Refiner() {}

    /** The next plan and the reasons for each change, one line each. */
    record Refinement(List<Action> actions, List<String> notes, boolean rephrased) {
        String instruction() {
            return Action.instruction(actions);
        }
    }

    /** Think-while-edit: the full plan for the next edit of the source. */
    static Refinement refine(
            Intent intent,
            Assessment assessment,
            String current,
            Function<String, ParsedInstruction> parser,
            KnowledgeBase knowledge,
            Analysis source) {
        List<String> notes = new ArrayList<>();
        ParsedInstruction parsed = Intent.parse(parser, current);
        List<Action> plan = new ArrayList<>();
        boolean rephrased = false;
        // knobs whose actions this round only spells out: the edit did not have them, so their readings say nothing
        // about their amounts
        Set<Knob> fresh = new HashSet<>();
        if (parsed.actions().isEmpty()) {
            plan.addAll(intent.plan(source));
            rephrased = true;
            notes.add("the editor understood none of \"" + current + "\""
                    + (assessment.unchanged() ? " and left the image unchanged" : "")
                    + "; spell it out in its vocabulary: " + Action.instruction(plan));
        } else {
            List<Action> wanted = intent.plan(source);
            for (Action action : parsed.actions()) {
                boolean belongs = wanted.stream()
                                .anyMatch(w -> w.equals(action)
                                        || (Knob.of(action).isPresent() && Knob.sameControl(w, action)))
                        || restores(intent, action);
                if (belongs || wanted.isEmpty()) {
                    plan.add(action);
                } else {
                    // the editor's literal reading of an abstract word ("softer" read as a blur): not what is meant
                    notes.add("drop \"" + action.phrase() + "\": the editor's literal reading, not part of what the"
                            + " request means");
                }
            }
            for (String fragment : parsed.notUnderstood()) {
                for (KnowledgeBase.Match match : knowledge.find(fragment)) {
                    List<Action> spelled = new ArrayList<>();
                    for (Action action : Intent.conceptPlan(match.concept(), source)) {
                        if (!contains(plan, action)) {
                            insert(plan, action);
                            spelled.add(action);
                            Knob.of(action).ifPresent(fresh::add);
                        }
                    }
                    rephrased = true;
                    notes.add("the editor skipped \"" + fragment + "\"; spell out "
                            + match.concept().title() + " as: " + Action.instruction(spelled));
                }
            }
            for (Action action : intent.concrete()) {
                if (!contains(plan, action)) {
                    insert(plan, action);
                    Knob.of(action).ifPresent(fresh::add);
                    notes.add("restore the requested step: " + action.phrase());
                }
            }
            for (Concept concept : intent.concepts()) {
                for (Action action : concept.plan(source)) {
                    if (Knob.of(action).isEmpty() && !contains(plan, action)) {
                        insert(plan, action);
                        notes.add("restore the " + concept.title() + " step: " + action.phrase());
                    }
                }
            }
        }
        if (rephrased && assessment.unchanged()) {
            return new Refinement(List.copyOf(plan), notes, true);
        }

        Set<Knob> turned = new HashSet<>(fresh);
        List<Reading> readings = new ArrayList<>(assessment.readings());
        readings.sort(Comparator.comparingDouble((Reading r) -> -r.effect().weight()));
        for (Reading reading : readings) {
            Effect effect = reading.effect();
            Effect.Standing standing = reading.standing();
            if (reading.fromSource()) {
                // the source decides this effect (already there, or impossible here): never turn a knob for it, and
                // drop a step of the plan that could only work against the other steps
                fromSource(intent, reading, plan, turned, notes, source);
                continue;
            }
            if (standing == Effect.Standing.ON_TARGET || standing == Effect.Standing.NOT_APPLICABLE) {
                continue;
            }
            Knob knob = effect.knob();
            if (knob == null) {
                notes.add(effect.label() + " is " + standing.words() + " ("
                        + effect.metric().format(reading.measured())
                        + "), and no amount of the editor controls it; keep the step as it is");
                continue;
            }
            if (turned.contains(knob)) {
                continue;
            }
            int index = find(plan, knob, effect);
            if (index >= 0) {
                Action action = plan.get(index);
                double amount = knob.amount(action);
                // an artifact this step causes (clipping from contrast, noise from grain…) and that turning it up
                // would make worse: quality first when it costs PQ its 8, else hold, else turn up gently
                Artifact caused = standing == Effect.Standing.WEAK ? worstCaused(assessment, knob, amount) : null;
                if (caused != null && assessment.quality() < 8 && caused.penalty() >= 0.5) {
                    Optional<Action> eased = knob.with(action, amount * QUALITY_FIRST);
                    if (eased.isPresent() && !eased.get().equals(action)) {
                        plan.set(index, eased.get());
                        notes.add(effect.label() + " is too weak ("
                                + effect.metric().format(reading.measured())
                                + "), but PQ " + assessment.quality() + " is under 8 from "
                                + caused.line().toLowerCase(Locale.ROOT) + ", which \"" + action.phrase()
                                + "\" causes: quality first, soften it to \""
                                + eased.get().phrase() + "\"");
                        turned.add(knob);
                        continue;
                    }
                }
                if (caused != null && caused.penalty() >= 1) {
                    notes.add(
                            effect.label() + " is too weak (" + effect.metric().format(reading.measured())
                                    + "), but the image already shows " + caused.name() + "; hold \"" + action.phrase()
                                    + "\"");
                    turned.add(knob);
                    continue;
                }
                double next = nextAmount(knob, amount, reading);
                if (caused != null && caused.penalty() > 0) {
                    // the step already costs some quality: a small step up, not the full distance
                    next = amount
                            + Math.max(-GENTLY * Math.abs(amount), Math.min(GENTLY * Math.abs(amount), next - amount));
                }
                if (knob.signed() && Math.signum(next) != Math.signum(amount)) {
                    next = 0; // turning a knob past zero would undo other steps, not this one: drop it instead
                }
                Optional<Action> changed = knob.with(action, next);
                if (changed.isEmpty()) {
                    plan.remove(index);
                    notes.add("drop \"" + action.phrase() + "\": " + effect.label() + " reads "
                            + effect.metric().format(reading.measured()) + ", " + effect.target());
                } else if (!changed.get().equals(action)) {
                    plan.set(index, changed.get());
                    notes.add((standing == Effect.Standing.WEAK ? "strengthen" : "soften") + " " + knob.label() + ": "
                            + effect.label() + " reads " + effect.metric().format(reading.measured()) + " ("
                            + effect.target() + "), so \"" + action.phrase() + "\" becomes \""
                            + changed.get().phrase() + "\"");
                } else {
                    notes.add(effect.label() + " is " + standing.words() + " but " + knob.label()
                            + " is already at its limit");
                }
                turned.add(knob);
            } else if (standing == Effect.Standing.STRONG) {
                notes.add(effect.label() + " is too strong (" + effect.metric().format(reading.measured())
                        + ") from other steps; there is no " + knob.label() + " step to ease off");
                turned.add(knob);
            } else {
                Region region =
                        effect.zone().outside() ? Region.WHOLE : effect.zone().region();
                if (knob.operation().looks().contains(Operation.Look.WHOLE_IMAGE)) {
                    region = Region.WHOLE;
                }
                Optional<Action> added = knob.make(startAmount(knob, reading), region, effect.color());
                if (added.isPresent()) {
                    insert(plan, added.get());
                    notes.add("add \"" + added.get().phrase() + "\": " + effect.label() + " reads "
                            + effect.metric().format(reading.measured()) + " (" + effect.target() + ")");
                    turned.add(knob);
                }
            }
        }
        for (Guard guard : assessment.guards()) {
            if (guard.kept() != null && guard.penalty() > 0) {
                restore(plan, guard, turned, notes);
            }
        }
        for (Artifact artifact : assessment.artifacts()) {
            if (artifact.penalty() < 0.5) {
                continue;
            }
            qualityFix(plan, artifact, turned, notes);
        }
        if (plan.isEmpty()) {
            plan.addAll(intent.plan(source));
        }
        return new Refinement(List.copyOf(plan), notes, rephrased);
    }

    /**
     * An effect the source decides: say so, and drop the step for it when the concept (not the user) put it in the
     * plan and it does nothing useful on this source (desaturating a grey photo would only take back the color that
     * cooling or a tint adds).
     */
    private static void fromSource(
            Intent intent, Reading reading, List<Action> plan, Set<Knob> turned, List<String> notes, Analysis source) {
        Effect effect = reading.effect();
        Knob knob = effect.knob();
        int index = knob == null ? -1 : find(plan, knob, effect);
        Action action = index >= 0 ? plan.get(index) : null;
        boolean requested = action != null && intent.concrete().contains(action);
        Optional<String> moot = action == null || requested ? Optional.empty() : Intent.moot(action, source);
        String reason = reading.fit().reason();
        if (moot.isPresent()) {
            plan.remove(index);
            turned.add(knob);
            notes.add("drop \"" + action.phrase() + "\": " + effect.label() + ": " + reason
                    + ", so the step could only work against the others");
        } else if (reading.standing() == Effect.Standing.LOST) {
            notes.add(effect.label() + " was " + reason + ", but the edit has "
                    + reading.fit().describe(effect, reading.measured())
                    + " from the other steps; no step of its own to change");
        } else if (reading.standing() == Effect.Standing.NOT_APPLICABLE) {
            notes.add(effect.label() + " cannot be done on this source: " + reason + "; leave it out");
        } else {
            notes.add(effect.label() + ": " + reason + "; nothing to do for it");
        }
    }

    /** Whether an action is the step that sets back a quality the request says to keep. */
    private static boolean restores(Intent intent, Action action) {
        Optional<Knob> knob = Knob.of(action);
        return knob.isPresent()
                && Knob.region(action) == Region.WHOLE
                && intent.kept().contains(knob.get().metric())
                && Knob.restoring(knob.get().metric()).equals(knob);
    }

    /**
     * A quality the request says to keep was moved by the other steps (darkening by scaling lowers the contrast):
     * a step of its own, or the one already there, is turned by the signed change it has to undo.
     */
    private static void restore(List<Action> plan, Guard guard, Set<Knob> turned, List<String> notes) {
        Metric metric = guard.kept();
        Optional<Knob> knob = Knob.restoring(metric);
        String moved =
                metric.label(null) + " as it is, and the other steps moved it by " + metric.format(guard.measured());
        if (knob.isEmpty()) {
            notes.add("the request keeps the " + moved + "; no step of the editor sets it back");
            return;
        }
        Knob k = knob.get();
        if (turned.contains(k)) {
            return;
        }
        turned.add(k);
        double step = -guard.measured() / k.slope();
        for (int i = 0; i < plan.size(); i++) {
            Action action = plan.get(i);
            if (Knob.of(action).orElse(null) == k && Knob.region(action) == Region.WHOLE) {
                Optional<Action> changed = k.with(action, k.amount(action) + step);
                if (changed.isEmpty()) {
                    plan.remove(i);
                } else {
                    plan.set(i, changed.get());
                }
                notes.add("the request keeps the " + moved + ": \"" + action.phrase() + "\" becomes "
                        + changed.map(a -> "\"" + a.phrase() + "\"").orElse("nothing"));
                return;
            }
        }
        Optional<Action> added = k.make(step, Region.WHOLE, null);
        if (added.isPresent()) {
            insert(plan, added.get());
            notes.add(
                    "the request keeps the " + moved + ": add \"" + added.get().phrase() + "\" to set it back");
        }
    }

    /** The factor a too-weak step is eased by when it costs PQ its 8 (a smaller step than for a strong one). */
    static final double QUALITY_FIRST = 0.85;
    /** The largest relative step up for a step that already causes some artifact. */
    static final double GENTLY = 0.15;

    /** The costliest artifact that turning this step further up would make worse, or null. */
    private static Artifact worstCaused(Assessment assessment, Knob knob, double amount) {
        Artifact worst = null;
        for (Artifact artifact : assessment.artifacts()) {
            if (artifact.penalty() > 0
                    && softened(knob, amount, artifact) != null
                    && (worst == null || artifact.penalty() > worst.penalty())) {
                worst = artifact;
            }
        }
        return worst;
    }

    /** The amount that should move the effect to its ideal. */
    static double nextAmount(Knob knob, double amount, Reading reading) {
        Effect effect = reading.effect();
        double measured = reading.measured();
        double ideal = effect.ideal();
        if (knob.control().refine() == Operation.Refine.RATIO) {
            double ratio = measured > 1e-6 ? ideal / measured : 2;
            return amount * Math.max(0.4, Math.min(2.5, ratio));
        }
        if (knob.slope() == 0) {
            return reading.standing() == Effect.Standing.WEAK ? amount * 1.4 : amount * 0.7;
        }
        double step = (ideal - measured) / knob.slope();
        double floor = knob.control().stepFloor();
        double limit = Math.max(floor, 1.5 * Math.abs(amount));
        step = Math.max(-limit, Math.min(limit, step));
        return amount + step;
    }

    /** The amount for a new action that should produce the missing effect. */
    static double startAmount(Knob knob, Reading reading) {
        Effect effect = reading.effect();
        if (knob.control().refine() == Operation.Refine.RATIO) {
            return effect.ideal();
        }
        if (knob.slope() == 0) {
            return 100;
        }
        double measured = Double.isNaN(reading.measured()) ? 0 : reading.measured();
        return (effect.ideal() - measured) / knob.slope();
    }

    private static void qualityFix(List<Action> plan, Artifact artifact, Set<Knob> turned, List<String> notes) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Action action = plan.get(i);
            Optional<Knob> knob = Knob.of(action);
            if (knob.isEmpty() || turned.contains(knob.get())) {
                continue;
            }
            Knob k = knob.get();
            double amount = k.amount(action);
            Double next = softened(k, amount, artifact);
            if (next == null) {
                continue;
            }
            Optional<Action> replaced = k.with(action, next);
            if (replaced.isPresent() && !replaced.get().equals(action)) {
                plan.set(i, replaced.get());
                changed.add("\"" + action.phrase() + "\" → \"" + replaced.get().phrase() + "\"");
                turned.add(k);
            }
        }
        if (!changed.isEmpty()) {
            notes.add("ease off for quality (" + artifact.line().toLowerCase(Locale.ROOT) + "): "
                    + String.join(", ", changed));
        }
    }

    /**
     * The eased amount of a step that causes an artifact (clipping from contrast or a brightness lift, noise from
     * grain or sharpening, banding from posterizing…), or null when this step does not cause it.
     */
    private static Double softened(Knob k, double amount, Artifact artifact) {
        return Operation.Defect.named(artifact.name())
                .map(defect -> k.operation().ease(defect, amount, artifact.measured()))
                .orElse(null);
    }

    /** The index of the plan's action for a knob (preferring the effect's region and color), or −1. */
    static int find(List<Action> plan, Knob knob, Effect effect) {
        Region region = effect.zone().outside() ? Region.WHOLE : effect.zone().region();
        NamedColor color = effect.color();
        int fallback = -1;
        for (int i = 0; i < plan.size(); i++) {
            Action action = plan.get(i);
            if (Knob.of(action).orElse(null) != knob) {
                continue;
            }
            if (knob.operation().takesColor() && color != null && !color.equals(Knob.color(action))) {
                continue;
            }
            if (Knob.region(action) == region) {
                return i;
            }
            if (fallback < 0) {
                fallback = i;
            }
        }
        return fallback;
    }

    private static boolean contains(List<Action> plan, Action action) {
        return plan.stream()
                .anyMatch(p -> p.equals(action) || (Knob.of(action).isPresent() && Knob.sameControl(p, action)));
    }

    /** Inserts an action where it belongs in the processing order (after the last action of its stage or earlier). */
    static void insert(List<Action> plan, Action action) {
        int stage = stage(action);
        int at = 0;
        for (int i = 0; i < plan.size(); i++) {
            if (stage(plan.get(i)) <= stage) {
                at = i + 1;
            }
        }
        plan.add(at, action);
    }

    /** Processing order: geometry, color filters, painterly styles, tone, tints, texture, blocks, finishing. */
    static int stage(Action action) {
        return Operations.of(action).map(op -> op.stage(action)).orElse(20);
    }
}
