package dev.editloop.core;

import dev.editloop.core.image.Picture;
import dev.editloop.core.region.RegionReport;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link Editor} returns.
 *
 * @param image the edited image, the size of the input
 * @param notes what the editor reports about the edit, one line each (what it applied, what it did not
 *     understand and left alone, a resize it had to undo); never null
 * @param usage tokens or credits, where the backend counts them
 * @param region for a masked call through the region wrapper: what changed outside the region and whether it was put
 *     back; null otherwise
 * @param unrepaired when the region wrapper put the outside back: the editor's own result, before the repair; null
 *     otherwise
 */
public record EditResult(Picture image, List<String> notes, Usage usage, RegionReport region, Picture unrepaired) {
    public EditResult {
        Objects.requireNonNull(image, "image");
        notes = notes == null ? List.of() : List.copyOf(notes);
        usage = usage == null ? Usage.NONE : usage;
    }

    /** A result with no region report. */
    public EditResult(Picture image, List<String> notes, Usage usage) {
        this(image, notes, usage, null, null);
    }

    /** A result with notes and no usage. */
    public static EditResult of(Picture image, List<String> notes) {
        return new EditResult(image, notes, Usage.NONE);
    }
}
