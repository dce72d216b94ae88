package dev.editloop.core.loop;

import dev.editloop.core.Critique;
import dev.editloop.core.image.Picture;
import java.util.List;

/**
 * One of several edits a turn made of the same image with the same instruction under different seeds ({@link
 * RunContext#candidates}); the turn goes on with the best of them.
 *
 * @param number the candidate's number within its turn, from 1
 * @param seed the seed the editor received
 * @param image the edited image; null when the edit failed ({@code error} says why)
 * @param editorNotes what the editor reported
 * @param critique the thinker's critique of this candidate; null when the edit or the critique failed
 * @param editMs wall time of the edit call
 * @param thinkMs wall time of the critique call
 * @param error the one-line reason when the edit or the critique failed, else null
 * @param won whether this candidate is the one the turn kept
 */
public record Candidate(
        int number,
        long seed,
        Picture image,
        List<String> editorNotes,
        Critique critique,
        long editMs,
        long thinkMs,
        String error,
        boolean won) {
    public Candidate {
        if (number < 1) {
            throw new IllegalArgumentException("candidates are numbered from 1");
        }
        editorNotes = editorNotes == null ? List.of() : List.copyOf(editorNotes);
    }

    /** Whether the candidate holds a critique with scores. */
    public boolean scored() {
        return critique != null && critique.valid();
    }

    /** The same candidate, marked as the one kept or not. */
    Candidate withWon(boolean value) {
        return new Candidate(number, seed, image, editorNotes, critique, editMs, thinkMs, error, value);
    }
}
