package dev.editloop.core.parse;

import dev.editloop.core.Critique;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.region.Box;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ThinkerReplyParser} made of one raw thinker reply: either {@link Readable} (two scores and a verdict, and
 * an instruction where the verdict needs one) or {@link Unreadable} (with the reason, in words a repair message can
 * quote). Both keep the raw text.
 */
public sealed interface ThinkerReply {

    /** The thinker's reply exactly as received. */
    String raw();

    /** Whether the reply could be read. */
    default boolean readable() {
        return this instanceof Readable;
    }

    /**
     * The critique this reply stands for: scores, reasoning, instruction and verdict; {@link Critique#invalid} with the
     * reason and the raw text for an unreadable reply.
     *
     * @param usage tokens the call (and any repairs) consumed
     */
    default Critique toCritique(Usage usage) {
        return toCritique(usage, null);
    }

    /**
     * As {@link #toCritique(Usage)}, with a target description (reflect mode) to record when the reply does not restate
     * one itself.
     *
     * @param usage tokens the call (and any repairs) consumed
     * @param targetDescription the description the image was judged against; may be null
     */
    default Critique toCritique(Usage usage, String targetDescription) {
        return switch (this) {
            case Readable r ->
                new Critique(
                        r.semantic(),
                        r.quality(),
                        r.reasoning(),
                        r.instruction(),
                        r.verdict(),
                        r.targetDescription() != null ? r.targetDescription() : targetDescription,
                        r.raw(),
                        usage,
                        r.region());
            case Unreadable u -> Critique.invalid(u.reason(), u.raw(), usage);
        };
    }

    /**
     * A reply that could be read.
     *
     * @param semantic semantic consistency, 0–10, as the thinker wrote it (never clamped or rescaled)
     * @param quality perceptual quality, 0–10, as the thinker wrote it
     * @param reasoning the thinker's reasoning (all {@code <think>} blocks, or the reflect judgement); may be empty
     * @param instruction the refined (think-while-edit), corrected (REFLECTION) or rewritten (FAILED) instruction; null
     *     when the reply has none, which only SUCCESS and FAILED (the edit is impossible) allow
     * @param verdict REFINE, SUCCESS or FAILED for think-while-edit; SUCCESS, REFLECTION or FAILED for reflect
     * @param targetDescription reflect: the description of the intended result, when the reply restates it; else null
     * @param notes how the reply departed from the format the prompt asked for, in short phrases (e.g. "missing
     *     &lt;/think&gt;", "score as a list"); empty for a reply in the exact format
     * @param raw the reply exactly as received
     * @param region the region the thinker proposes ({@code <region>x, y, w, h</region>}); empty for none
     */
    record Readable(
            double semantic,
            double quality,
            String reasoning,
            String instruction,
            Verdict verdict,
            String targetDescription,
            List<String> notes,
            String raw,
            List<Box> region)
            implements ThinkerReply {
        public Readable {
            Objects.requireNonNull(verdict, "verdict");
            if (verdict == Verdict.INVALID) {
                throw new IllegalArgumentException("a readable reply cannot have the INVALID verdict");
            }
            checkScore("semantic", semantic);
            checkScore("quality", quality);
            reasoning = reasoning == null ? "" : reasoning;
            notes = notes == null ? List.of() : List.copyOf(notes);
            raw = raw == null ? "" : raw;
            region = region == null ? List.of() : List.copyOf(region);
        }

        /** A reply that proposes no region. */
        public Readable(
                double semantic,
                double quality,
                String reasoning,
                String instruction,
                Verdict verdict,
                String targetDescription,
                List<String> notes,
                String raw) {
            this(semantic, quality, reasoning, instruction, verdict, targetDescription, notes, raw, List.of());
        }

        /** The same reply proposing {@code boxes}. */
        public Readable withRegion(List<Box> boxes) {
            return new Readable(
                    semantic, quality, reasoning, instruction, verdict, targetDescription, notes, raw, boxes);
        }

        private static void checkScore(String name, double score) {
            if (Double.isNaN(score) || score < 0 || score > 10) {
                throw new IllegalArgumentException(name + " score must be within 0..10, got " + score);
            }
        }
    }

    /**
     * A reply that could not be read.
     *
     * @param reason what was wrong, precise enough to quote in a repair message (e.g. "score out of range: semantic 85
     *     is not within 0–10", "missing answer")
     * @param raw the reply exactly as received (empty for a null reply)
     */
    record Unreadable(String reason, String raw) implements ThinkerReply {
        public Unreadable {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an unreadable reply needs a reason");
            }
            raw = raw == null ? "" : raw;
        }
    }
}
