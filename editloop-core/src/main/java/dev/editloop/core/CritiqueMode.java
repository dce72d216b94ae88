package dev.editloop.core;

/** How the thinker looks at an edit. */
public enum CritiqueMode {
    /**
     * Think-while-edit: compare source and edit (two images) against the original and the current instruction,
     * score, and refine the instruction.
     */
    COMPARE,
    /**
     * Reflect: judge the edited image alone against a description of the intended target, and give one verdict
     * (SUCCESS, REFLECTION with a correction, or FAILED with a rewrite).
     */
    REFLECT
}
