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

    /**
     * Reads {@code editor}, {@code thinker} or {@code judge}, in any case.
     *
     * @throws dev.editloop.core.InvalidInputException for anything else
     */
    public static BackendRole parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (BackendRole role : values()) {
            if (role.name().equals(t)) {
                return role;
            }
        }
        throw new dev.editloop.core.InvalidInputException(
                "unknown role '" + text + "' (known roles: editor, thinker, judge)");
    }
}
