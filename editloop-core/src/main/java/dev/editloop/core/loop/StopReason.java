package dev.editloop.core.loop;

import java.util.Locale;

/** Why a run stopped, recorded as {@code stop_reason}. The rules are checked in the order declared here. */
public enum StopReason {
    /** The scores reached the threshold. */
    THRESHOLD,
    /** Reflect: the thinker said SUCCESS. */
    VERDICT_SUCCESS,
    /** The refined instruction equals the previous one (or the thinker offered none). */
    NO_CHANGE,
    /** Best-of-N: the last turn's best candidate gained less than the minimum gain over the best earlier turn. */
    MIN_GAIN,
    /** Best-of-N: the budget (editor calls, seconds or cost) does not allow another candidate. */
    BUDGET,
    /** The turn limit was reached. */
    MAX_TURNS,
    /** The thinker declared the edit impossible. */
    VERDICT_FAILED,
    /** A backend failed beyond its retries, or the thinker's reply could not be read; finished turns are kept. */
    ERROR,
    /**
     * The run was cancelled (Ctrl-C, a server's cancel, {@link RunHandle#cancel()}); the finished turns, the best
     * one so far and the report are written.
     */
    CANCELLED,
    /** The run passed its deadline ({@link LoopRequest#timeout()}); written like {@link #CANCELLED}. */
    DEADLINE;

    /** The snake_case name used in trajectories, e.g. {@code verdict_failed}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a snake_case name. */
    public static StopReason parse(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
