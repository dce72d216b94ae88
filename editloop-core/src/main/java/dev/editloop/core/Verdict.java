package dev.editloop.core;

import java.util.Locale;

/** The thinker's decision about an edit. */
public enum Verdict {
    /** The edit does what was asked: stop. */
    SUCCESS,
    /** Think-while-edit: not there yet; edit the source again with the refined instruction. */
    REFINE,
    /** Reflect: close; edit the previous output again with the corrected instruction. */
    REFLECTION,
    /**
     * The attempt failed. In think-while-edit: the edit is impossible for this editor, stop. In reflect: start again
     * from the source with the rewritten instruction (or stop when there is none).
     */
    FAILED,
    /** The thinker's reply could not be read; scores are absent and the raw text is kept. */
    INVALID;

    /** The lower-case name used in trajectories. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a verdict name in any case. */
    public static Verdict parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
