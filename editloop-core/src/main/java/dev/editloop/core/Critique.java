package dev.editloop.core;

/**
 * The thinker's judgement of one edited image, and its plan for the next turn.
 *
 * @param semantic semantic consistency 0–10: the instruction was carried out and nothing else changed; null when
 *     the reply could not be read
 * @param quality perceptual quality 0–10: natural, free of artifacts; null when the reply could not be read
 * @param reasoning the thinker's explanation, judging first, then planning
 * @param refinedInstruction the instruction for the next turn; null or blank when there is none (e.g. FAILED)
 * @param verdict the decision
 * @param targetDescription reflect mode: the description of the intended result the image was judged against;
 *     null otherwise
 * @param raw the thinker's raw text (the embedded thinker writes its own report here)
 * @param usage tokens used, summed over repair attempts
 */
public record Critique(
        Double semantic,
        Double quality,
        String reasoning,
        String refinedInstruction,
        Verdict verdict,
        String targetDescription,
        String raw,
        Usage usage) {

    public Critique {
        if (verdict == null) {
            throw new IllegalArgumentException("a critique needs a verdict");
        }
        if (verdict == Verdict.INVALID) {
            if (semantic != null || quality != null) {
                throw new IllegalArgumentException("an invalid critique carries no scores");
            }
        } else {
            checkScore("semantic", semantic);
            checkScore("quality", quality);
        }
        reasoning = reasoning == null ? "" : reasoning;
        raw = raw == null ? "" : raw;
        usage = usage == null ? Usage.NONE : usage;
    }

    /** A critique whose reply could not be read: no scores, the raw text kept, the reason as reasoning. */
    public static Critique invalid(String reason, String raw, Usage usage) {
        return new Critique(null, null, reason, null, Verdict.INVALID, null, raw, usage);
    }

    /** Whether the critique holds scores. */
    public boolean valid() {
        return verdict != Verdict.INVALID;
    }

    /** Overall score sqrt(SC·PQ), as VIEScore defines it; null for an invalid critique. */
    public Double overall() {
        return valid() ? Math.sqrt(semantic * quality) : null;
    }

    /** Whether a refined instruction is present (not null, not blank). */
    public boolean hasRefinement() {
        return refinedInstruction != null && !refinedInstruction.isBlank();
    }

    private static void checkScore(String name, Double score) {
        if (score == null || score.isNaN() || score < 0 || score > 10) {
            throw new IllegalArgumentException(name + " score must be within 0..10, got " + score);
        }
    }
}
