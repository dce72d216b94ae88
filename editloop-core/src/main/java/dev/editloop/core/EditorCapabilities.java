package dev.editloop.core;

/**
 * What an editor declares it can use, so callers never discover features by {@code instanceof}.
 *
 * @param masks accepts a mask restricting the edit ({@link EditCall#mask()})
 * @param multipleImages accepts more than one input image ({@code maxImages > 1})
 * @param seeds honours {@link EditCall#seed()}: the same seed gives the same image
 * @param stepsAndGuidance reads sampler options such as {@code num_inference_steps} and {@code guidance_scale}
 * @param maxImages how many input images one call takes, the image to edit included ({@link EditCall#images()});
 *     at least 1
 */
public record EditorCapabilities(
        boolean masks, boolean multipleImages, boolean seeds, boolean stepsAndGuidance, int maxImages) {
    /** An image and an instruction, nothing more. */
    public static final EditorCapabilities BASIC = new EditorCapabilities(false, false, false, false);

    public EditorCapabilities {
        if (maxImages < 1) {
            throw new IllegalArgumentException("an editor takes at least one image, got " + maxImages);
        }
        if (multipleImages != (maxImages > 1)) {
            throw new IllegalArgumentException(
                    "multipleImages is " + multipleImages + " but maxImages is " + maxImages);
        }
    }

    /** Capabilities of an editor that takes one image. */
    public EditorCapabilities(boolean masks, boolean multipleImages, boolean seeds, boolean stepsAndGuidance) {
        this(masks, multipleImages, seeds, stepsAndGuidance, multipleImages ? Integer.MAX_VALUE : 1);
    }

    /** The same capabilities with mask support on or off. */
    public EditorCapabilities withMasks(boolean value) {
        return new EditorCapabilities(value, multipleImages, seeds, stepsAndGuidance, maxImages);
    }

    /** The same capabilities taking up to {@code value} input images. */
    public EditorCapabilities withMaxImages(int value) {
        return new EditorCapabilities(masks, value > 1, seeds, stepsAndGuidance, value);
    }

    /**
     * Refuses a request with more input images than this editor takes, in one line naming the limit.
     *
     * @param images how many images the request has, the source included
     * @param editor how the editor is named in the message
     * @throws InvalidInputException when {@code images > maxImages}
     */
    public void requireImages(int images, String editor) {
        if (images > maxImages) {
            throw new InvalidInputException("the editor " + editor + " takes at most " + maxImages
                    + (maxImages == 1 ? " image" : " images") + "; this request has " + images + " (the source and "
                    + (images - 1) + (images - 1 == 1 ? " reference" : " references") + ")");
        }
    }
}
