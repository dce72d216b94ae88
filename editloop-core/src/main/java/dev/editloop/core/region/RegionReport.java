package dev.editloop.core.region;

import java.util.Locale;
import java.util.Objects;

/**
 * What happened outside the region in one masked edit: the preservation of the editor's own result, whether the
 * outside was put back by a feathered composite, the seam check of that composite, and the preservation of the image
 * the turn kept.
 *
 * @param region where the region came from ({@link Region#description()})
 * @param maskSent whether the editor received the mask (it declares masks); otherwise it edited the whole image and
 *     the outside was composited back
 * @param before preservation of the editor's result
 * @param after preservation of the image the turn kept (equal to {@code before} when nothing was repaired)
 * @param repaired whether the outside was put back by compositing
 * @param seam the edge check of the composite; null when no composite was made (nothing leaked)
 * @param action {@link #KEPT}, {@link #REPAIRED} or {@link #SEAM_REFUSED}
 */
public record RegionReport(
        String region,
        boolean maskSent,
        Preservation before,
        Preservation after,
        boolean repaired,
        Seam seam,
        String action) {
    /** Nothing leaked: the editor's result is kept as it is. */
    public static final String KEPT = "kept";

    /** The outside changed and was put back by a feathered composite with no visible seam. */
    public static final String REPAIRED = "repaired";

    /** The outside changed, but the composite would show a seam: the editor's result is kept as it is. */
    public static final String SEAM_REFUSED = "not_repaired_seam";

    public RegionReport {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(action, "action");
    }

    /** The same report with the region's description ({@link Region#description()}). */
    public RegionReport withRegion(String description) {
        return new RegionReport(description, maskSent, before, after, repaired, seam, action);
    }

    /** One line for the editor's notes and the thinker: what changed outside and what the loop did about it. */
    public String summary() {
        String head = "outside the region: " + before.summary();
        return switch (action) {
            case REPAIRED -> head + "; put back by a feathered composite: " + after.summary() + ", " + seam.summary();
            case SEAM_REFUSED ->
                head + "; not put back, the composite would show a seam ("
                        + String.format(Locale.ROOT, "%.1f", seam.excess()) + " levels/px)";
            default -> head + (before.leaked() ? "" : "; within tolerance");
        };
    }
}
