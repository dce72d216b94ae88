package dev.editloop.embedded.classic;

import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.op.Operation;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A classic operation without an amount (a color change, a removal, the background, text, geometry): what it is
 * called, how its action is written, the OpenCV work, what the judge measures and what it may move. The instances are
 * in {@link ContentOperations} and {@link GeometryOperations}.
 *
 * @param <A> the action record it reads
 */
public final class FixedOperation<A extends Action> implements Operation {
    /** The OpenCV work of an action: the result and what happened. */
    @FunctionalInterface
    interface Work<A> {
        ContentOps.Done run(org.opencv.core.Mat src, A action, int scale, long seed);
    }

    /** The judge's expected changes of an action. */
    @FunctionalInterface
    interface Changes<A> {
        List<Change> of(A action);
    }

    private final String id;
    private final Family family;
    private final Words words;
    private final Class<A> type;
    private final Function<A, String> phrase;
    private final Work<A> work;
    private final Changes<A> changes;
    private final Function<A, Set<Metric>> touched;
    private final Function<A, Region> confinedTo;
    private final int stage;
    private final boolean geometric;
    private final List<Action> examples;

    FixedOperation(
            String id,
            Family family,
            Words words,
            Class<A> type,
            Function<A, String> phrase,
            Work<A> work,
            Changes<A> changes,
            Function<A, Set<Metric>> touched,
            Function<A, Region> confinedTo,
            int stage,
            boolean geometric,
            List<Action> examples) {
        this.id = Objects.requireNonNull(id, "id");
        this.family = family;
        this.words = words;
        this.type = type;
        this.phrase = phrase;
        this.work = work;
        this.changes = changes;
        this.touched = touched;
        this.confinedTo = confinedTo;
        this.stage = stage;
        this.geometric = geometric;
        this.examples = List.copyOf(examples);
    }

    /** Every metric: removal, background and text are confined or structural changes, checked by their own effects. */
    static Set<Metric> everything(Action action) {
        return EnumSet.allOf(Metric.class);
    }

    /** Measured against the source transformed the same way; resampling softens and denoises. */
    static Set<Metric> geometry(Action action) {
        Set<Metric> out = EnumSet.of(Metric.GEOMETRY);
        out.addAll(TEXTURE);
        return out;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public Words words() {
        return words;
    }

    @Override
    public boolean reads(Action action) {
        return type.isInstance(action);
    }

    @Override
    public String phrase(Action action) {
        return phrase.apply(type.cast(action));
    }

    /** Carries out an action of this operation (package-private: the classic editor's own work). */
    ContentOps.Done done(org.opencv.core.Mat src, Action action, int scale, long seed) {
        return work.run(src, type.cast(action), scale, seed);
    }

    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        return changes.of(type.cast(action));
    }

    @Override
    public Set<Metric> touched(Action action) {
        return touched.apply(type.cast(action));
    }

    @Override
    public Region confinedTo(Action action) {
        return confinedTo.apply(type.cast(action));
    }

    @Override
    public int stage(Action action) {
        return stage;
    }

    @Override
    public boolean geometric() {
        return geometric;
    }

    @Override
    public List<Action> examples() {
        return examples;
    }
}
