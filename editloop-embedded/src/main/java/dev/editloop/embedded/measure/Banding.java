package dev.editloop.embedded.measure;

/**
 * Banding: smooth gradients (a sky, a wall in soft light) broken into a few flat steps. A whole-image count of levels
 * misses it when the rest of the picture keeps its tones; this reads the smooth gradients themselves.
 *
 * <p>On the fine planes' luma (whole levels), cut into blocks of 32×32 pixels: a block is a <em>smooth gradient</em> in
 * the source when the means of its 8×8 sub-blocks span at least 4 levels with no step over 8 levels between
 * neighbours (a slope, no edge; grain averages out). Such a block is <em>banded</em> in the edit when the edit holds at
 * most a third of the source's distinct levels there (and at most 8), while still spanning at least 40% of the range
 * (a gradient in steps, not a flattened one). The reading is the share of smooth-gradient blocks that are banded;
 * NaN when the source has fewer than {@link #MIN_BLOCKS} of them or the two images differ in size.
 */
public final class Banding {
    /** Fewest smooth-gradient blocks for a reading. */
    public static final int MIN_BLOCKS = 4;

    private static final int BLOCK = 32;

    private Banding() {}

    /**
     * Banding in the smooth gradients.
     *
     * @param banded the share 0–1 of smooth-gradient blocks that are banded (NaN when there are too few)
     * @param blocks how many smooth-gradient blocks the source has
     * @param levels the mean number of distinct levels the edit keeps in a banded block (NaN when none)
     */
    public record Reading(double banded, int blocks, double levels) {}

    /** Reads banding of a comparison. */
    public static Reading of(Comparison c) {
        Analysis s = c.source();
        Analysis e = c.edited();
        if (!c.sameSize() || s.fineWidth() != e.fineWidth() || s.fineHeight() != e.fineHeight()) {
            return new Reading(Double.NaN, 0, Double.NaN);
        }
        int w = s.fineWidth();
        int h = s.fineHeight();
        int[] ls = s.fineLuma();
        int[] le = e.fineLuma();
        int[] hs = new int[256];
        int[] he = new int[256];
        int smooth = 0;
        int banded = 0;
        double keptLevels = 0;
        for (int by = 0; by + BLOCK <= h; by += BLOCK) {
            for (int bx = 0; bx + BLOCK <= w; bx += BLOCK) {
                java.util.Arrays.fill(hs, 0);
                java.util.Arrays.fill(he, 0);
                double[][] means = new double[4][4];
                for (int y = by; y < by + BLOCK; y++) {
                    for (int x = bx; x < bx + BLOCK; x++) {
                        int i = y * w + x;
                        hs[(ls[i] + 500) / 1000]++;
                        he[(le[i] + 500) / 1000]++;
                        means[(y - by) / 8][(x - bx) / 8] += ls[i] / (1000.0 * 64);
                    }
                }
                if (!smoothGradient(means)) {
                    continue;
                }
                int rangeS = range(hs);
                smooth++;
                int distinctS = distinct(hs);
                int distinctE = distinct(he);
                if (distinctE <= Math.min(8, distinctS / 3.0) && range(he) >= 0.4 * rangeS) {
                    banded++;
                    keptLevels += distinctE;
                }
            }
        }
        if (smooth < MIN_BLOCKS) {
            return new Reading(Double.NaN, smooth, Double.NaN);
        }
        return new Reading((double) banded / smooth, smooth, banded == 0 ? Double.NaN : keptLevels / banded);
    }

    /**
     * Whether a block is a smooth gradient, from the means of its 4×4 sub-blocks of 8×8 pixels (so that grain does not
     * count): they span at least 4 levels and no two neighbours differ by more than 8 (no edge).
     */
    private static boolean smoothGradient(double[][] means) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                double m = means[y][x];
                min = Math.min(min, m);
                max = Math.max(max, m);
                if ((x + 1 < 4 && Math.abs(means[y][x + 1] - m) > 8)
                        || (y + 1 < 4 && Math.abs(means[y + 1][x] - m) > 8)) {
                    return false;
                }
            }
        }
        return max - min >= 4;
    }

    /** Levels held by at least 3 of the block's pixels. */
    private static int distinct(int[] hist) {
        int n = 0;
        for (int count : hist) {
            n += count >= 3 ? 1 : 0;
        }
        return n;
    }

    /** The 2nd to 98th percentile span of a block's histogram. */
    private static int range(int[] hist) {
        int total = BLOCK * BLOCK;
        int lo = -1;
        int hi = -1;
        int acc = 0;
        for (int v = 0; v < hist.length; v++) {
            acc += hist[v];
            if (lo < 0 && acc > 0.02 * total) {
                lo = v;
            }
            if (hi < 0 && acc >= 0.98 * total) {
                hi = v;
            }
        }
        return Math.max(0, hi - lo);
    }
}
