package dev.editloop.core.loop;

/** The name and turn default of a built-in strategy. */
abstract class BuiltInStrategy implements Strategy {
    private final String id;
    private final int defaultTurns;

    BuiltInStrategy(String id, int defaultTurns) {
        this.id = id;
        this.defaultTurns = defaultTurns;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int defaultTurns() {
        return defaultTurns;
    }

    @Override
    public boolean iterative() {
        return defaultTurns > 1;
    }

    @Override
    public final String toString() {
        return id;
    }
}
