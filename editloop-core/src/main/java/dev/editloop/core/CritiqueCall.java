package dev.editloop.core;

import dev.editloop.core.image.Picture;
import java.util.Objects;

/**
 * One request to {@link Thinker#critique(CritiqueCall)}.
 *
 * @param mode compare (think-while-edit) or reflect
 * @param source the user's source image
 * @param edited the image to judge
 * @param originalInstruction the user's instruction
 * @param currentInstruction the instruction that produced {@code edited}
 * @param turn the turn number, from 1
 * @param targetDescription reflect mode: the description of the intended result; null in compare mode
 * @param seed seed for any random choice
 */
public record CritiqueCall(
        CritiqueMode mode,
        Picture source,
        Picture edited,
        String originalInstruction,
        String currentInstruction,
        int turn,
        String targetDescription,
        long seed) {
    public CritiqueCall {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(edited, "edited");
        Objects.requireNonNull(originalInstruction, "originalInstruction");
        Objects.requireNonNull(currentInstruction, "currentInstruction");
        if (turn < 1) {
            throw new IllegalArgumentException("turns are numbered from 1, got " + turn);
        }
    }

    /** A think-while-edit critique call. */
    public static CritiqueCall compare(
            Picture source, Picture edited, String original, String current, int turn, long seed) {
        return new CritiqueCall(CritiqueMode.COMPARE, source, edited, original, current, turn, null, seed);
    }
}
