package dev.editloop.core;

import dev.editloop.core.image.Picture;
import java.util.Objects;

/**
 * One request to a {@link Judge}.
 *
 * @param protocol the scoring protocol, e.g. {@link #VIESCORE}
 * @param source the source image
 * @param edited the edited image
 * @param instruction the user's instruction
 * @param seed seed for any random choice
 */
public record JudgeCall(String protocol, Picture source, Picture edited, String instruction, long seed) {
    /** VIEScore: semantic consistency, perceptual quality and overall, 0–10. */
    public static final String VIESCORE = "viescore";

    public JudgeCall {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(edited, "edited");
        Objects.requireNonNull(instruction, "instruction");
    }
}
