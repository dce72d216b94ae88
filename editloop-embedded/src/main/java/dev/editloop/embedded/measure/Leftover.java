package dev.editloop.embedded.measure;

/**
 * The old background an edit left beside the thing it kept: after a background was replaced with a new colour, a band
 * along the new background's edge that still shows the old background's colour (a pale strip of wall beside a
 * shoulder, the feather of a matte drawn over the backdrop instead of along the subject). Read on the edit alone,
 * never on the editor's mask or matte, so that it holds any editor's segmentation to account.
 *
 * <p>On the sample planes: the <em>replaced</em> area is where the colour moved by more than
 * {@value Outline#CHANGED_LEVEL} levels, shrunk by 1% of the shorter side so that its blended rim does not count; around
 * each pixel (a box of 3% of the shorter side) the replaced area's old colour (the source's CIE Lab mean there) and new
 * colour (the edit's) are known. A pixel that took the new colour to at least {@value #FULL} of the way is new
 * background; beside it, a pixel whose source colour lies within {@value #SAME} Lab units of the old colour around it
 * is the old background, and the share of the way it did <em>not</em> go to the new colour is what of it was left.
 * Where it stayed more than half old, in a strip at least 3 pixels wide (specks between a lattice's girders do not
 * count), the new background's edge within 1.5% of the shorter side of that strip has old background left beside
 * it. The reading is that edge's length as a share of the picture's shorter side, away from the frame. Only where
 * the new colour differs from the old by at least {@value #JUMP} units (a blur, or a new colour close to the old,
 * reads nothing).
 */
public final class Leftover {
    /** Lab distance from the old background's colour around a pixel under which the pixel is that background. */
    public static final double SAME = 10;

    /** Lab distance between the old and the new colour under which the edge is not read. */
    public static final double JUMP = 20;

    /** Share of the way to the new colour from which a pixel is new background. */
    public static final double FULL = 0.85;

    private Leftover() {}

    /**
     * Where old background was left beside the new one.
     *
     * @param length the length of the new background's edge with old background left beside it, as a fraction of
     *     the shorter side (0 when none)
     * @param centerX where that edge lies, as a fraction of the width (NaN when none)
     * @param centerY where that edge lies, as a fraction of the height (NaN when none)
     */
    public record Reading(double length, double centerX, double centerY) {
        /** Where the band lies, in words. */
        public String where() {
            return Double.isNaN(centerX) ? "nowhere" : Planes.where(centerX, centerY);
        }
    }

    /** Reads the old background left along the edge of the area a comparison's edit gave a new colour. */
    public static Reading of(Comparison c) {
        Analysis s = c.source();
        Analysis e = c.aligned();
        int w = s.sampleWidth();
        int h = s.sampleHeight();
        int n = w * h;
        int shorter = Math.min(w, h);
        boolean[] changed = new boolean[n];
        for (int i = 0; i < n; i++) {
            float d =
                    Math.max(Math.abs(s.r[i] - e.r[i]), Math.max(Math.abs(s.g[i] - e.g[i]), Math.abs(s.b[i] - e.b[i])));
            changed[i] = d > Outline.CHANGED_LEVEL;
        }
        changed = Planes.clean(changed, w, h, 1, 0);
        boolean[] core = Planes.morph(changed, w, h, -Math.max(1, (int) Math.round(shorter * 0.01)));
        if (Planes.count(core) == 0) {
            return new Reading(0, Double.NaN, Double.NaN);
        }
        float[][] labSource = Outline.lab(s.sampleBgr(), w, h);
        float[][] labEdit = Outline.lab(e.sampleBgr(), w, h);
        int r = Math.max(3, (int) Math.round(shorter * 0.03));
        float[] coreShare = Planes.box(ones(core), w, h, r);
        float[][] old = new float[3][];
        float[][] now = new float[3][];
        for (int k = 0; k < 3; k++) {
            old[k] = Planes.maskedBox(labSource[k], core, w, h, r);
            now[k] = Planes.maskedBox(labEdit[k], core, w, h, r);
        }
        float[] taken = new float[n]; // share of the way from the source's colour to the new colour, 0–1
        boolean[] oldColour = new boolean[n];
        boolean[] full = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (coreShare[i] < 0.05f || Float.isNaN(old[0][i])) {
                continue;
            }
            double jump = 0;
            double along = 0;
            double toward = 0;
            double same = 0;
            for (int k = 0; k < 3; k++) {
                double step = now[k][i] - old[k][i];
                double way = now[k][i] - labSource[k][i];
                double off = labSource[k][i] - old[k][i];
                jump += step * step;
                along += (labEdit[k][i] - labSource[k][i]) * way;
                toward += way * way;
                same += off * off;
            }
            if (Math.sqrt(jump) < JUMP) {
                continue;
            }
            taken[i] = (float) Math.max(0, Math.min(1, along / Math.max(1e-6, toward)));
            oldColour[i] = Math.sqrt(same) < SAME;
            full[i] = changed[i] && taken[i] >= FULL;
        }
        full = Planes.clean(full, w, h, 1, 0);
        boolean[] near = Planes.morph(full, w, h, r);
        boolean[] left = new boolean[n];
        for (int i = 0; i < n; i++) {
            left[i] = near[i] && !full[i] && oldColour[i] && taken[i] < 0.5f;
        }
        left = Planes.clean(left, w, h, 1, 0);
        boolean[] beside = Planes.morph(left, w, h, Math.max(3, (int) Math.round(shorter * 0.015)));
        boolean[] inner = Planes.morph(full, w, h, -1);
        int edge = 0;
        double sx = 0;
        double sy = 0;
        for (int y = r; y < h - r; y++) {
            for (int x = r; x < w - r; x++) {
                int i = y * w + x;
                if (full[i] && !inner[i] && beside[i]) {
                    edge++;
                    sx += x;
                    sy += y;
                }
            }
        }
        if (edge == 0) {
            return new Reading(0, Double.NaN, Double.NaN);
        }
        return new Reading((double) edge / shorter, (sx / edge + 0.5) / w, (sy / edge + 0.5) / h);
    }

    private static float[] ones(boolean[] mask) {
        float[] out = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] ? 1 : 0;
        }
        return out;
    }
}
