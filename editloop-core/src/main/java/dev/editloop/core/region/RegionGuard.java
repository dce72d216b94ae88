package dev.editloop.core.region;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.image.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The region wrapper around any editor: it makes every editor honour {@link EditCall#mask()}.
 *
 * <p>A call without a mask passes through untouched. With a mask: an editor that declares masks receives it; any other
 * receives the call without it and edits the whole image. Either way the wrapper then measures what changed outside
 * the region ({@link Preservation}). When the outside changed (for an editor that took no mask: at all; for one that
 * did: beyond the leak tolerance) it puts the outside back with a feathered composite ({@link Composite#feathered}),
 * unless the edge check ({@link Seam}) finds that the composite would draw a visible line, in which case the editor's
 * result is kept as it is. The result's {@link EditResult#region()} records both measurements and the decision, and a
 * note says it in one line.
 */
public final class RegionGuard implements Editor {
    private final Editor inner;

    private RegionGuard(Editor inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /** The editor wrapped once (a guard is returned as it is). */
    public static Editor wrap(Editor editor) {
        return editor instanceof RegionGuard ? editor : new RegionGuard(editor);
    }

    @Override
    public EditResult edit(EditCall call) {
        if (call.mask() == null) {
            return inner.edit(call);
        }
        boolean sendMask = inner.capabilities().masks();
        EditCall forEditor = sendMask ? call : call.withMask(null);
        EditResult result = inner.edit(forEditor);
        Picture base = call.image();
        Picture raw = result.image();
        if (raw.width() != base.width() || raw.height() != base.height()) {
            // a crop or a rotation: there is no outside to compare or put back
            List<String> notes = new ArrayList<>(result.notes());
            notes.add("the edit changed the size (" + base.width() + "x" + base.height() + " to " + raw.width() + "x"
                    + raw.height() + "): nothing outside the region to measure or put back");
            return new EditResult(raw, notes, result.usage(), null, null);
        }
        Region region = Region.ofMaskPicture(call.mask());
        String description = "mask";
        Preservation before = Preservation.measure(base, raw, region);
        boolean changed = sendMask ? before.leaked() : before.meanAbsRgb() > 0;
        RegionReport report;
        Picture kept = raw;
        if (!changed) {
            report = new RegionReport(description, sendMask, before, before, false, null, RegionReport.KEPT);
        } else {
            int feather = Composite.feather(base.width(), base.height());
            Picture composite = Composite.feathered(base, raw, region, feather);
            Seam seam = Seam.measure(base, raw, composite, region, feather);
            if (seam.visible()) {
                report =
                        new RegionReport(description, sendMask, before, before, false, seam, RegionReport.SEAM_REFUSED);
            } else {
                kept = composite;
                Preservation after = Preservation.measure(base, composite, region);
                report = new RegionReport(description, sendMask, before, after, true, seam, RegionReport.REPAIRED);
            }
        }
        List<String> notes = new ArrayList<>(result.notes());
        notes.add(report.summary());
        return new EditResult(kept, notes, result.usage(), report, report.repaired() ? raw : null);
    }

    /** The wrapped editor's capabilities, with masks: the guard honours every mask. */
    @Override
    public EditorCapabilities capabilities() {
        return inner.capabilities().withMasks(true);
    }

    @Override
    public BackendIdentity identity() {
        return inner.identity();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        inner.close();
    }
}
