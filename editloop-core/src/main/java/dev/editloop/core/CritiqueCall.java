package dev.editloop.core;

import dev.editloop.core.image.Picture;
import dev.editloop.core.region.Region;
import dev.editloop.core.region.RegionReport;
import java.util.List;
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
 * @param references the reference images the editor received after the source (images 2, 3, … of the request), in
 *     order; never null
 * @param region where the edit was confined (from a box, a mask or a thinker's proposal; its {@link
 *     Region#description()} says which); null when the whole image may change
 * @param preservation what changed outside the region in this turn's edit, and whether the loop put it back; null
 *     without a region
 */
public record CritiqueCall(
        CritiqueMode mode,
        Picture source,
        Picture edited,
        String originalInstruction,
        String currentInstruction,
        int turn,
        String targetDescription,
        long seed,
        List<Picture> references,
        Region region,
        RegionReport preservation) {
    public CritiqueCall {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(edited, "edited");
        Objects.requireNonNull(originalInstruction, "originalInstruction");
        Objects.requireNonNull(currentInstruction, "currentInstruction");
        references = references == null ? List.of() : List.copyOf(references);
        if (turn < 1) {
            throw new IllegalArgumentException("turns are numbered from 1, got " + turn);
        }
    }

    /** A call with one source image and no region. */
    public CritiqueCall(
            CritiqueMode mode,
            Picture source,
            Picture edited,
            String originalInstruction,
            String currentInstruction,
            int turn,
            String targetDescription,
            long seed) {
        this(
                mode,
                source,
                edited,
                originalInstruction,
                currentInstruction,
                turn,
                targetDescription,
                seed,
                List.of(),
                null,
                null);
    }

    /** A think-while-edit critique call. */
    public static CritiqueCall compare(
            Picture source, Picture edited, String original, String current, int turn, long seed) {
        return new CritiqueCall(CritiqueMode.COMPARE, source, edited, original, current, turn, null, seed);
    }
}
