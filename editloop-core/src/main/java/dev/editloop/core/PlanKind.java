package dev.editloop.core;

/** What {@link Thinker#plan(PlanCall)} is asked for. */
public enum PlanKind {
    /** Rewrite the instruction into concrete edit actions from the source image alone (think-before, reflect). */
    REWRITE,
    /** Describe the intended result image in words (reflect mode's reference for judging). */
    DESCRIBE_TARGET
}
