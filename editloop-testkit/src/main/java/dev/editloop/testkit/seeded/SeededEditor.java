package dev.editloop.testkit.seeded;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.image.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An editor whose result quality depends on the seed in a known way, as a diffusion editor's does by chance: it
 * carries out the edit of an inner editor, then keeps only {@link #strength(long)} of it (the result is the source
 * blended with the inner edit). The strengths of seeds 0, 1, 2… are 0.4, 0.1, 0.8, 0.5, 0.2, 0.9, 0.6, 0.3, 1.0, 0.7,
 * then again: every ten consecutive seeds hold each tenth from 0.1 to 1.0 once, so the best of N candidates and its
 * gain over a single pass are known in advance.
 *
 * <p>Without an inner editor ({@link #brightening()}) the edit is "every channel 100 levels brighter", so on a mid-gray
 * source the brightness gained is exactly {@code 100 × strength}; {@link StrengthThinker} reads it back as the score.
 */
public final class SeededEditor implements Editor {
    /** The brightness step of the full-strength edit of {@link #brightening()}. */
    public static final int FULL_STEP = 100;

    private final Editor inner;
    private final BackendIdentity identity;

    private SeededEditor(Editor inner) {
        this.inner = inner;
        Map<String, String> params = Map.of(
                "strength",
                "0.1+0.1*((7*seed+3) mod 10)",
                "inner",
                inner == null ? "brighten by " + FULL_STEP : inner.identity().display());
        this.identity = BackendIdentity.of("seeded", null, List.of(), params);
    }

    /** The inner editor's edits, at the seed's strength. */
    public static SeededEditor wrapping(Editor inner) {
        return new SeededEditor(Objects.requireNonNull(inner, "inner"));
    }

    /** "Every channel {@value #FULL_STEP} levels brighter", at the seed's strength. */
    public static SeededEditor brightening() {
        return new SeededEditor(null);
    }

    /**
     * The share of the edit a seed keeps: {@code 0.1 + 0.1 × floorMod(7·seed + 3, 10)}, within 0.1..1.0, in Java {@code
     * long} arithmetic (which wraps for seeds beyond ±1.3·10^18); every edit notes the share it kept.
     */
    public static double strength(long seed) {
        return (1 + Math.floorMod(7 * seed + 3, 10L)) / 10.0;
    }

    @Override
    public EditResult edit(EditCall call) {
        double s = strength(call.seed());
        Picture source = call.image();
        List<String> notes = new ArrayList<>();
        Picture full;
        if (inner == null) {
            byte[] bgr = source.bgr();
            for (int i = 0; i < bgr.length; i++) {
                bgr[i] = (byte) Math.min(255, (bgr[i] & 0xFF) + FULL_STEP);
            }
            full = Picture.ofBgr(source.width(), source.height(), bgr);
        } else {
            EditResult edit = inner.edit(call);
            full = edit.image();
            notes.addAll(edit.notes());
        }
        notes.add(
                String.format(java.util.Locale.ROOT, "seeded: seed %d kept %.0f%% of the edit", call.seed(), s * 100));
        return EditResult.of(blend(source, full, s), notes);
    }

    /** {@code source + s × (edit − source)}, per channel, rounded; an edit of another size is kept as it is. */
    static Picture blend(Picture source, Picture edit, double s) {
        if (edit.width() != source.width() || edit.height() != source.height()) {
            return edit;
        }
        byte[] a = source.bgr();
        byte[] b = edit.bgr();
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            int x = a[i] & 0xFF;
            int y = b[i] & 0xFF;
            out[i] = (byte) Math.round(x + s * (y - x));
        }
        return Picture.ofBgr(source.width(), source.height(), out);
    }

    @Override
    public BackendIdentity identity() {
        return identity;
    }

    @Override
    public String describe() {
        return identity.display();
    }

    @Override
    public void close() {
        if (inner != null) {
            inner.close();
        }
    }
}
