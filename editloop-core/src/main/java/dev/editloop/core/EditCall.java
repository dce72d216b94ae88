package dev.editloop.core;

import dev.editloop.core.image.Picture;
import java.util.Map;
import java.util.Objects;

/**
 * One request to an {@link Editor}.
 *
 * @param image the image to edit
 * @param instruction what to do, in plain language
 * @param seed seed for every random choice the editor makes
 * @param mask optional mask (white = may change), only for editors that declare {@code masks}; may be null
 * @param options pass-through extras for the backend (e.g. {@code num_inference_steps}); never null
 */
public record EditCall(Picture image, String instruction, long seed, Picture mask, Map<String, String> options) {
    public EditCall {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(instruction, "instruction");
        options = options == null ? Map.of() : Map.copyOf(options);
        if (mask != null && (mask.width() != image.width() || mask.height() != image.height())) {
            throw new IllegalArgumentException("mask size " + mask.width() + "x" + mask.height()
                    + " differs from image size " + image.width() + "x" + image.height());
        }
    }

    /** A call with no mask and no extra options. */
    public static EditCall of(Picture image, String instruction, long seed) {
        return new EditCall(image, instruction, seed, null, Map.of());
    }
}
