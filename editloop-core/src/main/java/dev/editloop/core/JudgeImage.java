package dev.editloop.core;

import dev.editloop.core.image.Picture;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One picture shown to a {@link Judge}, with the role it plays in the question: the {@value #SOURCE} before editing,
 * the {@value #EDITED} result, or a {@value #REFERENCE} answer the benchmark supplies. Judges label each image with its
 * role, so that a prompt can speak of "the source" and "the edit" whatever their order.
 *
 * @param role what the picture is, e.g. {@value #SOURCE}; lower case letters, digits and underscores
 * @param picture the picture
 */
public record JudgeImage(String role, Picture picture) {
    /** The picture before editing. */
    public static final String SOURCE = "source";
    /** The edited picture being judged. */
    public static final String EDITED = "edited";
    /** The benchmark's reference answer (RISE {@code reference_img}, KRIS {@code gt_img}). */
    public static final String REFERENCE = "reference";

    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_]*");

    public JudgeImage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(picture, "picture");
        if (!ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("an image role is lower case letters, digits and '_': '" + role + "'");
        }
    }

    /** The source picture. */
    public static JudgeImage source(Picture picture) {
        return new JudgeImage(SOURCE, picture);
    }

    /** The edited picture. */
    public static JudgeImage edited(Picture picture) {
        return new JudgeImage(EDITED, picture);
    }

    /** A reference picture. */
    public static JudgeImage reference(Picture picture) {
        return new JudgeImage(REFERENCE, picture);
    }
}
