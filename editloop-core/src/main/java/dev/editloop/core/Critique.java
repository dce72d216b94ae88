package dev.editloop.core;

import dev.editloop.core.region.Box;
import java.util.List;

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
 * @param region the region the thinker proposes for a local request, as one or more boxes (their union); empty when
 *     it proposes none. The loop confines the next turns to it when the user gave no region
 */
public record Critique(
        Double semantic,
        Double quality,
        String reasoning,
        String refinedInstruction,
        Verdict verdict,
        String targetDescription,
        String raw,
        Usage usage,
        List<Box> region) {

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
        region = region == null ? List.of() : List.copyOf(region);
    }

    /** A critique that proposes no region. */
    public Critique(
            Double semantic,
            Double quality,
            String reasoning,
            String refinedInstruction,
            Verdict verdict,
            String targetDescription,
            String raw,
            Usage usage) {
        this(semantic, quality, reasoning, refinedInstruction, verdict, targetDescription, raw, usage, List.of());
    }

    /** The same critique proposing {@code boxes} as the region (empty: none). */
    public Critique withRegion(List<Box> boxes) {
        return new Critique(
                semantic, quality, reasoning, refinedInstruction, verdict, targetDescription, raw, usage, boxes);
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
