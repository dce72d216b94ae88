package dev.editloop.core.parse;

import dev.editloop.core.Plan;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@link ThinkerReplyParser#parsePlan} read from a think-before rewrite or a reflect target description.
 *
 * @param kind which plan the reply answers
 * @param text the rewritten instruction (REWRITE) or the target description (DESCRIBE_TARGET); null when unreadable
 * @param reasoning the reply's reasoning, possibly empty
 * @param problem why the reply cannot be used; null when it can
 * @param raw the raw reply
 * @param notes how the reply departed from the requested format, for logs
 */
public record PlanReply(PlanKind kind, String text, String reasoning, String problem, String raw, List<String> notes) {
    public PlanReply {
        reasoning = reasoning == null ? "" : reasoning;
        raw = raw == null ? "" : raw;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Whether the reply can be used. */
    public boolean readable() {
        return problem == null;
    }

    /** A rewrite answer that declares the request impossible: {@code FAILED}, optionally followed by the reason. */
    private static final Pattern FAILED = Pattern.compile("(?s)\\s*FAILED\\b[\\s.:;!\\-–—]*(.*)");

    /**
     * The plan: for REWRITE, the rewritten instruction, or the user's instruction with the verdict FAILED when the
     * answer is {@code FAILED} (the thinker judges the request impossible); for DESCRIBE_TARGET, the user's instruction with this
     * description.
     *
     * @param instruction the user's instruction
     * @throws IllegalStateException when the reply is unreadable
     */
    public Plan toPlan(String instruction, Usage usage) {
        if (!readable()) {
            throw new IllegalStateException("unreadable plan reply: " + problem);
        }
        if (kind == PlanKind.REWRITE && FAILED.matcher(text).matches()) {
            // the thinker already judges the request impossible: no rewrite, the user's instruction stays
            String why = FAILED.matcher(text).replaceFirst("$1").strip();
            String because = reasoning.isBlank() ? why : why.isEmpty() ? reasoning : reasoning + "\n" + why;
            return new Plan(instruction, List.of(), null, because, raw, usage, Verdict.FAILED);
        }
        return kind == PlanKind.REWRITE
                ? new Plan(text, List.of(), null, reasoning, raw, usage)
                : new Plan(instruction, List.of(), text, reasoning, raw, usage);
    }
}
