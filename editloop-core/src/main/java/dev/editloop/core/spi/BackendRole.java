package dev.editloop.core.spi;

import java.util.Locale;

/** The three ports a backend can fill. */
public enum BackendRole {
    EDITOR,
    THINKER,
    JUDGE;

    /** Lower-case name for messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
