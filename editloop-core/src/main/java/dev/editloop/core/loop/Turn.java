package dev.editloop.core.loop;

import dev.editloop.core.Critique;
import dev.editloop.core.image.Picture;
import dev.editloop.core.region.RegionReport;
import java.util.List;
import java.util.Objects;

/**
 * One turn of the loop: the instruction used, the image it made, and the thinker's critique of it.
 *
 * @param index the turn number, from 1
 * @param instruction the instruction the editor received
 * @param base which image was edited
 * @param image the edited image
 * @param editorNotes what the editor reported
 * @param critique the thinker's critique; null only when the thinker failed on this turn (the run then stops
 *     with {@link StopReason#ERROR})
 * @param editMs wall time of the edit call
 * @param thinkMs wall time of the critique call (0 when there is no critique)
 * @param candidates a turn of several candidates ({@link RunContext#candidates}): every one of them, the kept one
 *     marked; the fields above are the kept one's. Empty for a turn of one edit
 * @param region for a turn confined to a region: what changed outside it, measured on the editor's result and on the
 *     image kept, and whether the loop put the outside back; null when the whole image could change
 */
public record Turn(
        int index,
        String instruction,
        TurnBase base,
        Picture image,
        List<String> editorNotes,
        Critique critique,
        long editMs,
        long thinkMs,
        List<Candidate> candidates,
        RegionReport region) {
    public Turn {
        if (index < 1) {
            throw new IllegalArgumentException("turns are numbered from 1");
        }
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(image, "image");
        editorNotes = editorNotes == null ? List.of() : List.copyOf(editorNotes);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A turn of one edit. */
    public Turn(
            int index,
            String instruction,
            TurnBase base,
            Picture image,
            List<String> editorNotes,
            Critique critique,
            long editMs,
            long thinkMs) {
        this(index, instruction, base, image, editorNotes, critique, editMs, thinkMs, List.of(), null);
    }

    /** A turn of several candidates, not confined to a region. */
    public Turn(
            int index,
            String instruction,
            TurnBase base,
            Picture image,
            List<String> editorNotes,
            Critique critique,
            long editMs,
            long thinkMs,
            List<Candidate> candidates) {
        this(index, instruction, base, image, editorNotes, critique, editMs, thinkMs, candidates, null);
    }

    /** A turn of one edit confined to a region. */
    public Turn(
            int index,
            String instruction,
            TurnBase base,
            Picture image,
            List<String> editorNotes,
            Critique critique,
            long editMs,
            long thinkMs,
            RegionReport region) {
        this(index, instruction, base, image, editorNotes, critique, editMs, thinkMs, List.of(), region);
    }

    /** The editor calls this turn made: one, or one per candidate. */
    public int editorCalls() {
        return candidates.isEmpty() ? 1 : candidates.size();
    }

    /** Whether the turn holds a critique with scores. */
    public boolean scored() {
        return critique != null && critique.valid();
    }
}
