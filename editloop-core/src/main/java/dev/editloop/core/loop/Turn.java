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
        RegionReport region) {
    public Turn {
        if (index < 1) {
            throw new IllegalArgumentException("turns are numbered from 1");
        }
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(image, "image");
        editorNotes = editorNotes == null ? List.of() : List.copyOf(editorNotes);
    }

    /** A turn with no region. */
    public Turn(
            int index,
            String instruction,
            TurnBase base,
            Picture image,
            List<String> editorNotes,
            Critique critique,
            long editMs,
            long thinkMs) {
        this(index, instruction, base, image, editorNotes, critique, editMs, thinkMs, null);
    }

    /** Whether the turn holds a critique with scores. */
    public boolean scored() {
        return critique != null && critique.valid();
    }
}
