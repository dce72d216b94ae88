package dev.editloop.core.image;

import java.util.List;
import java.util.Objects;

/**
 * An image file as read: the opaque {@link Picture} the loop edits, the transparency it had (kept to be put back in
 * the PNGs a run writes) and one-line notes on what reading it changed, for the user to see (a 16-bit image reduced
 * to 8 bits per channel, an animated GIF reduced to its first frame, transparency edited on white).
 *
 * @param picture the picture, transparency composited on white
 * @param alpha the source's alpha plane, or null when every pixel is opaque
 * @param notes what reading changed, one line each; empty when the picture is the file as it is
 */
public record DecodedImage(Picture picture, Alpha alpha, List<String> notes) {
    public DecodedImage {
        Objects.requireNonNull(picture, "picture");
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (alpha != null && !alpha.fits(picture)) {
            throw new IllegalArgumentException("alpha " + alpha + " does not fit " + picture);
        }
    }
}
