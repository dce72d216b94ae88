package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.op.Operation;
import dev.editloop.embedded.op.Operations;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A control of the classic editor with an amount: the thing the thinker turns up or down. Each knob is an {@link
 * Operation}'s {@link Operation.Control}: the {@link Metric} it mainly moves and how fast ({@link #slope()}: metric
 * units per amount unit, so that a missing {@code Δm} asks for {@code Δm / slope} more), its valid amounts, and how
 * its operation reads and writes its {@link Action}. There is one knob per registered operation; the rules of the
 * thinker and the judge read the operation's facts, not its name (the contrast constant is for the judge's clipping
 * allowance, which a strong contrast boost raises).
 */
public final class Knob {
    private static final Map<Operation.Adjustable, Knob> KNOBS = new ConcurrentHashMap<>();

    public static final Knob CONTRAST = named("contrast");

    private final Operation.Adjustable operation;
    private final Operation.Control control;

    private Knob(Operation.Adjustable operation) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.control = Objects.requireNonNull(operation.control(), "control");
    }

    private static Knob named(String id) {
        return byId(id).orElseThrow(() -> new IllegalStateException("no operation with an amount " + id));
    }

    /** The knob of an operation. */
    public static Knob of(Operation.Adjustable operation) {
        return KNOBS.computeIfAbsent(operation, Knob::new);
    }

    /** Every knob, in the registry's order. */
    public static List<Knob> values() {
        return Operations.all().stream()
                .flatMap(op -> adjustable(op).stream())
                .map(Knob::of)
                .toList();
    }

    /** The knob with an id as the knowledge base writes it ({@code pixel-art}). */
    public static Optional<Knob> byId(String id) {
        return Operations.byId(id).flatMap(Knob::adjustable).map(Knob::of);
    }

    private static Optional<Operation.Adjustable> adjustable(Operation op) {
        return op instanceof Operation.Adjustable a ? Optional.of(a) : Optional.empty();
    }

    /**
     * The knob that sets a quality back when other steps moved it ("darken it, but keep the contrast the same"): a
     * signed knob that mainly moves this metric, the one named like it first.
     */
    public static Optional<Knob> restoring(Metric metric) {
        List<Knob> candidates = values().stream()
                .filter(k -> k.metric() == metric && k.signed() && k.slope() != 0)
                .toList();
        return candidates.stream()
                .filter(k -> k.id().equals(metric.label(null)))
                .findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** The operation this knob turns. */
    public Operation.Adjustable operation() {
        return operation;
    }

    /** The facts of this knob. */
    public Operation.Control control() {
        return control;
    }

    /** The id, as the knowledge base writes it: {@code pixel-art}. */
    public String id() {
        return operation.id();
    }

    /** The name in code: {@code PIXEL_ART}. */
    public String name() {
        return operation.id().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String toString() {
        return name();
    }

    /** The metric this knob mainly moves, or null when no single metric reads it. */
    public Metric metric() {
        return control.metric();
    }

    /** Metric units per amount unit (0 when there is no metric). */
    public double slope() {
        return control.slope();
    }

    public String label() {
        return operation.words().label();
    }

    /** Whether the amount may be negative (tone adjustments). */
    public boolean signed() {
        return control.signed();
    }

    /** The knob of an action, if it has an adjustable amount. */
    public static Optional<Knob> of(Action action) {
        return Operations.of(action).flatMap(Knob::adjustable).map(Knob::of);
    }

    /** The amount of an action of this knob (percent, degrees, stops, pixels or levels). */
    public double amount(Action action) {
        if (!operation.reads(action) && !(action instanceof Action.Apply a && a.operation() == operation)) {
            throw new IllegalArgumentException("no amount in " + action);
        }
        return operation.amount(action);
    }

    /** The region an action of this knob applies to. */
    public static Region region(Action action) {
        return Operations.of(action)
                .flatMap(Knob::adjustable)
                .map(op -> op.region(action))
                .orElse(Region.WHOLE);
    }

    /** The tint color of a tint action, else null. */
    public static NamedColor color(Action action) {
        return Operations.of(action)
                .flatMap(Knob::adjustable)
                .map(op -> op.color(action))
                .orElse(null);
    }

    /** Rounds and clamps an amount to what this knob accepts; empty when it rounds to no change. */
    public Optional<Double> fit(double amount) {
        double steps = control.steps();
        double rounded = steps == 1 ? Math.round(amount) : Math.round(amount * steps) / steps;
        rounded = Math.max(control.min(), Math.min(control.max(), rounded));
        if (signed() && Math.abs(rounded) < 1 / steps) {
            return Optional.empty();
        }
        return Optional.of(rounded);
    }

    /** A new action of this knob with the given amount (fitted), region and tint color. */
    public Optional<Action> make(double amount, Region region, NamedColor color) {
        return fit(amount).map(a -> operation.make(a, region, color));
    }

    /** The same action with another amount (fitted); empty when the amount fits to nothing. */
    public Optional<Action> with(Action action, double amount) {
        return make(amount, region(action), color(action));
    }

    /** Whether two actions are the same control: same knob, region and (for tints) color. */
    public static boolean sameControl(Action a, Action b) {
        Optional<Knob> ka = of(a);
        return ka.isPresent() && ka.equals(of(b)) && region(a) == region(b) && Objects.equals(color(a), color(b));
    }
}
