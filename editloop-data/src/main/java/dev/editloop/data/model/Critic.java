package dev.editloop.data.model;

/**
 * The expert thinker's critique of one turn, as the data set keeps it. Never used to filter: only the scorer's scores
 * decide what is kept.
 *
 * @param semantic the expert's SC, or null when its reply was unreadable
 * @param quality the expert's PQ, or null
 * @param reasoning its reasoning
 * @param refinedInstruction its refined instruction, or null
 * @param verdict {@code refine}, {@code success}, {@code failed} or {@code invalid}
 * @param raw its raw reply
 */
public record Critic(
        Double semantic, Double quality, String reasoning, String refinedInstruction, String verdict, String raw) {
    /** Whether the critique holds scores. */
    public boolean valid() {
        return semantic != null && quality != null && !"invalid".equals(verdict);
    }

    /** √(SC·PQ), or null. */
    public Double overall() {
        return valid() ? Math.sqrt(semantic * quality) : null;
    }
}
