package dev.editloop.data.model;

/**
 * Two scores and their overall, 0–10 (a field is null when it was not given).
 *
 * @param semantic semantic consistency SC
 * @param quality perceptual quality PQ
 * @param overall √(SC·PQ), or the scorer's headline figure
 */
public record Scores(Double semantic, Double quality, Double overall) {
    /** Scores with their overall computed. */
    public static Scores of(double semantic, double quality) {
        return new Scores(semantic, quality, Math.sqrt(semantic * quality));
    }

    /** Whether the overall is known. */
    public boolean scored() {
        return overall != null && !overall.isNaN();
    }
}
