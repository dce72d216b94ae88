package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.ContentOperations;
import dev.editloop.embedded.classic.GeometryOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of the classic editor's operations, in the order {@code editloop vocabulary} lists them. Adding an
 * operation is one line here (or, for an operation with an amount, a {@link #register} call, e.g. from a plug-in or a
 * test).
 */
public final class Operations {
    private static final List<Operation> BUILT_IN = List.of(
            ToneAdjustment.BRIGHTNESS,
            ToneAdjustment.CONTRAST,
            ToneAdjustment.SATURATION,
            ToneAdjustment.WARMTH,
            ToneAdjustment.HUE,
            ToneAdjustment.EXPOSURE,
            ColorFilterOperation.GRAYSCALE,
            ColorFilterOperation.SEPIA,
            ColorFilterOperation.INVERT,
            new PosterizeOperation(),
            new TintOperation(),
            new PencilSketch(),
            new Watercolor(),
            new Cartoon(),
            new PixelArt(),
            new Halftone(),
            new DetailEnhancement(),
            new Blur(),
            new Sharpen(),
            new TiltShift(),
            new Vignette(),
            new FilmGrain(),
            ContentOperations.RECOLOR,
            ContentOperations.REMOVE_COLORED,
            ContentOperations.REMOVE_REGION,
            ContentOperations.BACKGROUND,
            ContentOperations.TEXT,
            GeometryOperations.ROTATE,
            GeometryOperations.FLIP,
            GeometryOperations.CROP_ASPECT,
            GeometryOperations.CROP_REGION,
            GeometryOperations.ZOOM,
            GeometryOperations.RESIZE,
            GeometryOperations.SCALE,
            GeometryOperations.BORDER);

    private static final List<Operation> ALL = new CopyOnWriteArrayList<>(BUILT_IN);

    private Operations() {}

    /** Every operation, built-in ones first, then registered ones in the order they came. */
    public static List<Operation> all() {
        return List.copyOf(ALL);
    }

    /**
     * Adds an operation: from then on the classic editor carries out its {@link Action.Apply} actions, the
     * heuristic thinker measures and refines it, and the vocabulary lists it.
     *
     * @throws IllegalArgumentException when an operation with the same id is already registered
     */
    public static synchronized void register(Operation.Adjustable operation) {
        String id = operation.id();
        if (byId(id).isPresent()) {
            throw new IllegalArgumentException("an operation \"" + id + "\" is already registered");
        }
        if (!id.equals(id.toLowerCase(Locale.ROOT)) || id.isBlank()) {
            throw new IllegalArgumentException("an operation id is lower case, got \"" + id + "\"");
        }
        ALL.add(operation);
    }

    /** Removes a registered operation (not a built-in one); for tests that register one for a while. */
    public static synchronized void unregister(Operation operation) {
        if (BUILT_IN.contains(operation)) {
            throw new IllegalArgumentException("a built-in operation stays registered: " + operation.id());
        }
        ALL.remove(operation);
    }

    /** The operation of an action. */
    public static Optional<Operation> of(Action action) {
        if (action instanceof Action.Apply a) {
            return Optional.of(a.operation());
        }
        for (Operation op : ALL) {
            if (op.reads(action)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** The operation with an id ({@link Operation#id}). */
    public static Optional<Operation> byId(String id) {
        for (Operation op : ALL) {
            if (op.id().equals(id)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** The operations of a family, in registry order. */
    public static List<Operation> family(Operation.Family family) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : ALL) {
            if (op.family() == family) {
                out.add(op);
            }
        }
        return out;
    }
}
