package dev.editloop.embedded.measure;

/**
 * Clipping the edit added: pixels blown to white or crushed to black that were not in the source. Compared pixel by
 * pixel on the fine planes when both images have the same size (a pixel counts when it is clipped in the edit and was
 * not in the source), else as the difference of the two images' clipped shares. A pixel is clipped when every
 * channel is at 253 or above, or at 2 or below ({@link Measurements#clipping}).
 */
public final class Clipping {
    private Clipping() {}

    /**
     * The clipping an edit added.
     *
     * @param added the share 0–1 of the image newly clipped (highlights and shadows together)
     * @param highlights the share 0–1 newly blown to white
     * @param shadows the share 0–1 newly crushed to black
     */
    public record Reading(double added, double highlights, double shadows) {
        /** "blown highlights", "crushed shadows" or "blown highlights and crushed shadows". */
        public String words() {
            boolean hi = highlights >= 0.25 * added;
            boolean lo = shadows >= 0.25 * added;
            return hi && lo ? "blown highlights and crushed shadows" : lo ? "crushed shadows" : "blown highlights";
        }
    }

    /** Reads the clipping a comparison's edit added. */
    public static Reading of(Comparison c) {
        Analysis s = c.source();
        Analysis e = c.edited();
        if (!c.sameSize() || s.fineWidth() != e.fineWidth() || s.fineHeight() != e.fineHeight()) {
            double added = Math.max(0, Measurements.clipping(e, Zone.WHOLE) - Measurements.clipping(s, Zone.WHOLE));
            return new Reading(added, added, 0);
        }
        int hi = 0;
        int lo = 0;
        for (int i = 0; i < s.fine.length; i++) {
            int clipE = clip(e.fine[i]);
            if (clipE != 0 && clip(s.fine[i]) == 0) {
                if (clipE > 0) {
                    hi++;
                } else {
                    lo++;
                }
            }
        }
        double n = s.fine.length;
        return new Reading((hi + lo) / n, hi / n, lo / n);
    }

    /** +1 blown, −1 crushed, 0 neither. */
    private static int clip(int p) {
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        if (Math.min(r, Math.min(g, b)) >= 253) {
            return 1;
        }
        return Math.max(r, Math.max(g, b)) <= 2 ? -1 : 0;
    }
}
