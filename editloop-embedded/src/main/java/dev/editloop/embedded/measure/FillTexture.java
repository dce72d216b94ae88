package dev.editloop.embedded.measure;

/**
 * Texture and noise of a changed or filled area against its ring of neighbours: what makes an inpainting blob
 * visible. An object removed well leaves a fill that looks like what surrounds it; a bad fill is a patch whose fine
 * texture is much noisier than both its surroundings and what was there before (a noisy disc), much flatter than its
 * textured surroundings (a smear), or of another tone than its surroundings (a white disc on brown wood).
 *
 * <p>Read on the sample planes' luma over the {@link ChangedArea}: <em>noise</em> is the mean absolute residual
 * {@code |y − G₁(y)|} (σ = 1 px), <em>texture</em> adds the mean gradient magnitude of {@code G₁.₅(y)}; the ring is
 * the area grown by 4% of the shorter side, minus the area. A global edit (more than {@link #MAX_SHARE} of the image
 * changed) or a change too small to see (under {@link #MIN_SHARE}) is not a fill: every reading is then NaN. The
 * <em>tone distance</em> compares the whole luma distribution of the fill with its ring's, so that a fill of two
 * wrong tones (a bright disc and a dark smear whose mean happens to match the ground) is seen too.
 */
public final class FillTexture {
    /** The smallest changed share read as a fill. */
    public static final double MIN_SHARE = 0.002;

    /** The largest changed share read as a fill (beyond it the edit is global). */
    public static final double MAX_SHARE = 0.6;

    private FillTexture() {}

    /**
     * What the fill looks like against its ring.
     *
     * @param area the changed area
     * @param noiseRatio the fill's noise over the larger of the ring's and the source's noise in the same place
     *     ({@code (n + 0.5)/(m + 0.5)}): about 1 for a clean fill, 2 or more for a noisy patch
     * @param flatness the fill's texture over the ring's ({@code (t + 0.5)/(r + 0.5)}): about 1 for a fill that
     *     continues its surroundings, under 0.3 for a smear on a textured ground
     * @param ringTexture the ring's texture in levels (a flat ring makes any fill look flat, and that is fine)
     * @param toneStep the distance in levels between the fill's mean color and the ring's (RGB, Euclidean)
     * @param ringSpread the ring's luma standard deviation in levels: a step within it is no step
     * @param toneDistance how far the fill's luma distribution lies from the ring's, in levels (earth mover's
     *     distance of the two histograms): a fill that continues its ground stays under about 12, a white disc and
     *     a dark smear over wood reach 30
     * @param structure the fill's mid-scale structure over the ring's (mean gradient magnitude of {@code G₃(y)},
     *     {@code (s + 0.5)/(r + 0.5)}): about 1 for a fill that carries on the ground's stripes and edges, under 0.45
     *     for a blur drawn across fur or an eye with fine grain sprinkled on it (which the noise reading takes for
     *     texture)
     * @param ringStructure the ring's mid-scale structure in levels
     * @param smoothness the fill's noise over the ring's alone ({@code (n + 0.5)/(r + 0.5)}): under 0.6 on a textured
     *     ground is a smear; the noise of what was there before does not count here, since a fill that matches its
     *     ground is meant to be smoother than the lettered badge it replaced
     */
    public record Reading(
            ChangedArea area,
            double noiseRatio,
            double flatness,
            double ringTexture,
            double toneStep,
            double ringSpread,
            double toneDistance,
            double structure,
            double ringStructure,
            double smoothness) {
        /** Whether the change is local enough to be read as a fill. */
        public boolean applies() {
            return !Double.isNaN(noiseRatio);
        }

        /** The tone step in units of the ring's own spread (plus 8 levels): over 2 is a visible patch. */
        public double relativeStep() {
            return toneStep / (ringSpread + 8);
        }

        /**
         * What a removal's fill costs in quality, in points: the sum the heuristic checks charge a removal (a noisy
         * patch: 5 per unit of noise ratio over 1.4; on a textured ring, a smear: 25 per unit of flatness under 0.4 or
         * 20 per unit of smoothness under 0.6; the larger of a tone step, 4 per unit of relative step over 1.3, and
         * other tones, 0.4 per level of tone distance over 15), at most 7. 0 when the change is not read as a fill.
         */
        public double removalPenalty() {
            if (!applies()) {
                return 0;
            }
            return Math.min(7, noisyPenalty() + smearPenalty() + Math.max(stepPenalty(), tonesPenalty()));
        }

        /**
         * A fill with none of the mid-scale structure of a structured ground (fur, an eye, lattice): 20 per unit of
         * structure ratio under 0.5 when the ring's structure is at least 2 levels, at most 7.
         */
        public double blurPenalty() {
            if (Double.isNaN(structure) || ringStructure < 2) {
                return 0;
            }
            return clamp(20 * (0.5 - structure));
        }

        /** The largest part of {@link #removalPenalty()} in words, with the readings. */
        public String removalDefect() {
            double noisy = noisyPenalty();
            double smear = smearPenalty();
            double tone = Math.max(stepPenalty(), tonesPenalty());
            String what = noisy >= Math.max(smear, tone)
                    ? "a noisy, blotchy patch"
                    : smear >= tone ? "a flat smear" : "a patch of the wrong tone";
            return what
                    + String.format(
                            java.util.Locale.ROOT,
                            " (noise ×%.1f its surroundings, texture ×%.2f, structure ×%.2f, tone %.0f levels off,"
                                    + " tones %.0f levels from the ground's)",
                            noiseRatio,
                            flatness,
                            structure,
                            toneStep,
                            toneDistance);
        }

        private double noisyPenalty() {
            return clamp(5 * (noiseRatio - 1.4));
        }

        private double smearPenalty() {
            if (ringTexture < 4) {
                return 0;
            }
            return Math.max(Math.max(clamp(25 * (0.4 - flatness)), clamp(20 * (0.6 - smoothness))), blurPenalty());
        }

        private double stepPenalty() {
            return clamp(4 * (relativeStep() - 1.3));
        }

        private double tonesPenalty() {
            return Double.isNaN(toneDistance) ? 0 : clamp(0.4 * (toneDistance - 15));
        }

        private static double clamp(double v) {
            return Math.max(0, Math.min(7, v));
        }
    }

    /** Reads the changed area of a comparison as a fill. */
    public static Reading of(Comparison c) {
        ChangedArea area = c.changedArea();
        if (area.share() < MIN_SHARE || area.share() > MAX_SHARE) {
            return nothing(area);
        }
        Analysis s = c.source();
        Analysis e = c.aligned();
        int w = area.width();
        int h = area.height();
        boolean[] in = area.mask();
        int grow = Math.max(3, (int) Math.round(0.04 * Math.min(w, h)));
        boolean[] ring = Planes.minus(Planes.morph(in, w, h, grow), in);
        if (Planes.count(ring) < 16) {
            return nothing(area);
        }
        float[] noiseE = Planes.highPass(e.y, w, h, 1);
        float[] noiseS = Planes.highPass(s.y, w, h, 1);
        float[] gradE = Planes.gradient(e.y, w, h, 1.5);
        float[] coarseE = Planes.gradient(e.y, w, h, 3);
        double sIn = Planes.mean(coarseE, in);
        double sRing = Planes.mean(coarseE, ring);
        double nIn = Planes.mean(noiseE, in);
        double nRing = Planes.mean(noiseE, ring);
        double nBefore = Planes.mean(noiseS, in);
        double tIn = nIn + Planes.mean(gradE, in);
        double tRing = nRing + Planes.mean(gradE, ring);
        double dr = Planes.mean(e.r, in) - Planes.mean(e.r, ring);
        double dg = Planes.mean(e.g, in) - Planes.mean(e.g, ring);
        double db = Planes.mean(e.b, in) - Planes.mean(e.b, ring);
        double ringMean = Planes.mean(e.y, ring);
        double var = 0;
        int n = 0;
        for (int i = 0; i < ring.length; i++) {
            if (ring[i]) {
                double d = e.y[i] - ringMean;
                var += d * d;
                n++;
            }
        }
        return new Reading(
                area,
                (nIn + 0.5) / (Math.max(nRing, nBefore) + 0.5),
                (tIn + 0.5) / (tRing + 0.5),
                tRing,
                Math.sqrt(dr * dr + dg * dg + db * db),
                Math.sqrt(var / Math.max(1, n)),
                toneDistance(e.y, in, ring),
                (sIn + 0.5) / (sRing + 0.5),
                sRing,
                (nIn + 0.5) / (nRing + 0.5));
    }

    /** A change that is not read as a fill: every reading NaN. */
    private static Reading nothing(ChangedArea area) {
        double nan = Double.NaN;
        return new Reading(area, nan, nan, nan, nan, nan, nan, nan, nan, nan);
    }

    /** Earth mover's distance in levels between the luma histograms (8-level bins) of two areas. */
    static double toneDistance(float[] y, boolean[] a, boolean[] b) {
        int bins = 32;
        double[] ha = new double[bins];
        double[] hb = new double[bins];
        int na = 0;
        int nb = 0;
        for (int i = 0; i < y.length; i++) {
            int bin = Math.max(0, Math.min(bins - 1, (int) (y[i] / 8)));
            if (a[i]) {
                ha[bin]++;
                na++;
            }
            if (b[i]) {
                hb[bin]++;
                nb++;
            }
        }
        if (na == 0 || nb == 0) {
            return Double.NaN;
        }
        double ca = 0;
        double cb = 0;
        double distance = 0;
        for (int bin = 0; bin < bins; bin++) {
            ca += ha[bin] / na;
            cb += hb[bin] / nb;
            distance += Math.abs(ca - cb) * 8;
        }
        return distance;
    }
}
