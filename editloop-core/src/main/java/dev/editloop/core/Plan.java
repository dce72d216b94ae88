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
 */
public record Plan(
        String instruction, List<String> actions, String targetDescription, String reasoning, String raw, Usage usage) {
    public Plan {
        if (instruction == null || instruction.isBlank()) {
            throw new IllegalArgumentException("a plan needs an instruction");
        }
        actions = actions == null ? List.of() : List.copyOf(actions);
        reasoning = reasoning == null ? "" : reasoning;
        raw = raw == null ? "" : raw;
        usage = usage == null ? Usage.NONE : usage;
    }
}
