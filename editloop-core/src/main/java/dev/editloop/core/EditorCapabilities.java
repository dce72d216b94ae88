package dev.editloop.core;

/**
 * What an editor declares it can use, so callers never discover features by {@code instanceof}.
 *
 * @param masks accepts a mask restricting the edit ({@link EditCall#mask()})
 * @param multipleImages accepts more than one input image
 * @param seeds honours {@link EditCall#seed()}: the same seed gives the same image
 * @param stepsAndGuidance reads sampler options such as {@code num_inference_steps} and {@code guidance_scale}
 */
public record EditorCapabilities(boolean masks, boolean multipleImages, boolean seeds, boolean stepsAndGuidance) {
    /** An image and an instruction, nothing more. */
    public static final EditorCapabilities BASIC = new EditorCapabilities(false, false, false, false);
}
