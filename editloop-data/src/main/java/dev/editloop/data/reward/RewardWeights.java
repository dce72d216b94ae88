package dev.editloop.data.reward;

/**
 * How the three rewards add up: total = format·f + critic·c + edit·e (a reward that was not computed, e.g. the edit
 * reward of a batch without an editor, counts 0).
 */
public record RewardWeights(double format, double critic, double edit) {
    /** Equal weights, 1 each: the total lies within [−1, 3]. */
    public static final RewardWeights EQUAL = new RewardWeights(1, 1, 1);

    public RewardWeights {
        for (double w : new double[] {format, critic, edit}) {
            if (Double.isNaN(w) || Double.isInfinite(w) || w < 0) {
                throw new IllegalArgumentException("reward weights must be finite and not negative, got " + w);
            }
        }
    }

    /** The weighted total; NaN parts count 0. */
    public double total(double f, double c, double e) {
        return format * zeroIfNaN(f) + critic * zeroIfNaN(c) + edit * zeroIfNaN(e);
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
