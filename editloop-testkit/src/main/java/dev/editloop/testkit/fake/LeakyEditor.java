package dev.editloop.testkit.fake;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.image.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An editor that leaks by a known amount, like image models that take a mask and still repaint the whole picture.
 * Inside the mask (or everywhere, without one) it does a fixed, visible edit: it warms the colours by {@code edit}
 * levels (red up, blue down). Outside the mask it adds {@code leak} levels to every channel, clipped to 0..255, so
 * that the leak's mean absolute difference is exactly {@code leak} on a picture with no channel above {@code 255 -
 * leak}. It records every call it received.
 */
public final class LeakyEditor implements Editor {
    private final int leak;
    private final int edit;
    private final boolean takesMask;
    private final List<EditCall> calls = new ArrayList<>();

    /**
     * @param leak levels added to every channel outside the mask
     * @param edit levels by which the inside is warmed (red +edit, blue -edit)
     * @param takesMask whether it declares masks (if not, the loop's wrapper composites its result back)
     */
    public LeakyEditor(int leak, int edit, boolean takesMask) {
        this.leak = leak;
        this.edit = edit;
        this.takesMask = takesMask;
    }

    @Override
    public synchronized EditResult edit(EditCall call) {
        calls.add(call);
        Picture image = call.image();
        byte[] bgr = image.bgr();
        byte[] mask = call.mask() == null ? null : call.mask().bgr();
        for (int i = 0; i < bgr.length; i += 3) {
            boolean inside = mask == null || (mask[i] & 0xff) >= 128;
            if (inside) {
                bgr[i] = clip((bgr[i] & 0xff) - edit);
                bgr[i + 2] = clip((bgr[i + 2] & 0xff) + edit);
            } else {
                for (int c = 0; c < 3; c++) {
                    bgr[i + c] = clip((bgr[i + c] & 0xff) + leak);
                }
            }
        }
        return EditResult.of(
                Picture.ofBgr(image.width(), image.height(), bgr),
                List.of("warmed the inside by " + edit + " levels; shifted the outside by " + leak + " levels"));
    }

    private static byte clip(int v) {
        return (byte) Math.max(0, Math.min(255, v));
    }

    /** The calls received so far, in order. */
    public synchronized List<EditCall> calls() {
        return List.copyOf(calls);
    }

    @Override
    public EditorCapabilities capabilities() {
        return new EditorCapabilities(takesMask, false, false, false);
    }

    @Override
    public BackendIdentity identity() {
        return BackendIdentity.of(
                "leaky",
                null,
                List.of(),
                Map.of("leak", Integer.toString(leak), "edit", Integer.toString(edit), "mask", "" + takesMask));
    }

    @Override
    public String describe() {
        return identity().display();
    }
}
