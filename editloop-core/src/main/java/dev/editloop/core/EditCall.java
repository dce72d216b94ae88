package dev.editloop.core;

import dev.editloop.core.image.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to an {@link Editor}.
 *
 * @param image the image to edit (image 1 of the request)
 * @param instruction what to do, in plain language
 * @param seed seed for every random choice the editor makes
 * @param mask optional mask (white = may change), the size of {@code image}; may be null. Editors that declare
 *     {@code masks} use it; for the others the loop's region wrapper composites the result back outside it
 * @param options pass-through extras for the backend (e.g. {@code num_inference_steps}); never null
 * @param references further input images, in order (images 2, 3, … of the request: "put the hat from image 2 on the
 *     cat"); only for editors whose {@link EditorCapabilities#maxImages()} allows them; never null
 */
public record EditCall(
        Picture image,
        String instruction,
        long seed,
        Picture mask,
        Map<String, String> options,
        List<Picture> references) {
    public EditCall {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(instruction, "instruction");
        options = options == null ? Map.of() : Map.copyOf(options);
        references = references == null ? List.of() : List.copyOf(references);
        if (mask != null && (mask.width() != image.width() || mask.height() != image.height())) {
            throw new IllegalArgumentException("mask size " + mask.width() + "x" + mask.height()
                    + " differs from image size " + image.width() + "x" + image.height());
        }
    }

    /** A call with one image. */
    public EditCall(Picture image, String instruction, long seed, Picture mask, Map<String, String> options) {
        this(image, instruction, seed, mask, options, List.of());
    }

    /** A call with no mask and no extra options. */
    public static EditCall of(Picture image, String instruction, long seed) {
        return new EditCall(image, instruction, seed, null, Map.of());
    }

    /** Every input image in order: {@link #image()} first, then the references. */
    public List<Picture> images() {
        List<Picture> all = new ArrayList<>(1 + references.size());
        all.add(image);
        all.addAll(references);
        return List.copyOf(all);
    }

    /** The same call with another mask (null: none). */
    public EditCall withMask(Picture value) {
        return new EditCall(image, instruction, seed, value, options, references);
    }

    /** The same call with other reference images. */
    public EditCall withReferences(List<Picture> value) {
        return new EditCall(image, instruction, seed, mask, options, value);
    }
}
