package dev.editloop.core;

import java.util.List;

/**
 * The thinker's answer to a {@link PlanCall}.
 *
 * @param instruction REWRITE: the rewritten instruction (never blank); DESCRIBE_TARGET: the user's instruction
 * @param actions REWRITE: the concrete actions the instruction consists of, in order; may be empty
 * @param targetDescription DESCRIBE_TARGET: what the intended result looks like; null for REWRITE
 * @param reasoning the thinker's explanation
 * @param raw the thinker's raw text
 * @param usage tokens used
 * @param verdict {@link Verdict#FAILED} when the thinker already declares the request impossible for the editor
 *     (the instruction is then the user's, and {@code reasoning} says why); null otherwise
 */
public record Plan(
        String instruction,
        List<String> actions,
        String targetDescription,
        String reasoning,
        String raw,
        Usage usage,
        Verdict verdict) {
    public Plan {
        if (verdict != null && verdict != Verdict.FAILED) {
            throw new IllegalArgumentException("a plan's verdict is FAILED or none, got " + verdict);
        }
        if (instruction == null || instruction.isBlank()) {
            throw new IllegalArgumentException("a plan needs an instruction");
        }
        actions = actions == null ? List.of() : List.copyOf(actions);
        reasoning = reasoning == null ? "" : reasoning;
        raw = raw == null ? "" : raw;
        usage = usage == null ? Usage.NONE : usage;
    }

    /** A plan without a verdict: the thinker found a way to carry out the request. */
    public Plan(
            String instruction,
            List<String> actions,
            String targetDescription,
            String reasoning,
            String raw,
            Usage usage) {
        this(instruction, actions, targetDescription, reasoning, raw, usage, null);
    }

    /** Whether the thinker declared the request impossible for the editor before any edit. */
    public boolean failed() {
        return verdict == Verdict.FAILED;
    }
}
