package dev.editloop.core.loop;

import java.util.Locale;

/** Which image a turn edited: the user's source, or the previous turn's output (reflect corrections). */
public enum TurnBase {
    SOURCE,
    PREVIOUS;

    /** Lower-case name used in trajectories. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
