package dev.editloop.embedded;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.image.Picture;
import dev.editloop.core.region.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The classic editor made to leak, for measuring region repair offline ({@code --editor "embedded?leak=12"}): it
 * takes the mask like the classic editor, then shifts every pixel outside the mask by {@code leak} levels per channel
 * (clipped to 0..255), the way image models that accept a mask still repaint the whole picture. Without a mask it is
 * the classic editor.
 */
public final class LeakingEditor implements Editor {
    private final Editor classic;
    private final int leak;
    private final BackendIdentity identity;

    /**
     * @param classic the classic editor
     * @param leak levels added outside the mask, 1..100
     */
    public LeakingEditor(Editor classic, int leak) {
        if (leak < 1 || leak > 100) {
            throw new IllegalArgumentException("leak must be within 1..100, got " + leak);
        }
        this.classic = classic;
        this.leak = leak;
        this.identity = BackendIdentity.of(
                "embedded",
                null,
                List.of(),
                EmbeddedIdentity.params("classic", Map.of("seed", "per-call", "leak", Integer.toString(leak))));
    }

    @Override
    public EditResult edit(EditCall call) {
        EditResult result = classic.edit(call);
        Picture image = result.image();
        if (call.mask() == null
                || image.width() != call.image().width()
                || image.height() != call.image().height()) {
            return result;
        }
        Region region = Region.ofMaskPicture(call.mask());
        byte[] bgr = image.bgr();
        for (int i = 0; i < bgr.length / 3; i++) {
            if (region.outside(i)) {
                for (int c = 0; c < 3; c++) {
                    bgr[3 * i + c] = (byte) Math.min(255, (bgr[3 * i + c] & 0xff) + leak);
                }
            }
        }
        List<String> notes = new ArrayList<>(result.notes());
        notes.add("leak simulated: every pixel outside the mask brightened by " + leak + " levels");
        return new EditResult(Picture.ofBgr(image.width(), image.height(), bgr), notes, result.usage());
    }

    @Override
    public EditorCapabilities capabilities() {
        return classic.capabilities().withMasks(true);
    }

    @Override
    public BackendIdentity identity() {
        return identity;
    }

    @Override
    public String describe() {
        return identity.display();
    }
}
