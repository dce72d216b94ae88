package dev.editloop.embedded.classic;

import java.util.SplittableRandom;

/**
 * Exemplar-based hole filling: the hole is filled with patches copied from around it, so that the ground's own
 * texture (wood grain, grass, a backdrop's noise) continues into it instead of a smooth diffusion.
 *
 * <p>Multi-scale PatchMatch completion in the manner of Wexler, Shechtman and Irani (2007) with Barnes et al.'s
 * PatchMatch (2009) as the nearest-neighbour search: a pyramid of the image is built with a pixel counted as hole
 * when any pixel under it is; the coarsest level's hole starts from a smooth fill; at each level, every patch
 * ({@value #PATCH}×{@value #PATCH}) that touches the hole gets its most similar patch lying wholly outside the hole
 * (propagation from its neighbours and a seeded random search), and each hole pixel becomes the average of what
 * the patches covering it propose; the correspondences are scaled up to the next finer level. At the finest level
 * each hole pixel takes the value the best-matching patch covering it proposes, so the fill is made of the ground's
 * real pixels, fine noise included. Deterministic for a seed; single-threaded.
 */
final class PatchFill {
    /** Patch side in pixels. */
    static final int PATCH = 7;

    private static final int R = PATCH / 2;

    /** The coarsest level's hole is at most about this many pixels across. */
    private static final int COARSE_HOLE = 24;

    /** Levels with more pixels than this refine the matches scaled up from the level below without a new search. */
    private static final long WORK_PIXELS = 60_000;

    private PatchFill() {}

    /** One pyramid level: interleaved BGR values, and whether each pixel is in the hole. */
    private static final class Level {
        final int w;
        final int h;
        final float[] px;
        final boolean[] hole;
        /** Centres of patches that lie wholly outside the hole (sources), as a lookup. */
        boolean[] source;
        /** Source centres as a list of pixel indices, for random initialisation. */
        int[] sources;
        /** Patch centres whose patch touches the hole (targets), as pixel indices. */
        int[] targets;
        /** Per pixel: the nearest source centre of the patch centred there (-1 for a non-target). */
        int[] nnf;
        /** Per pixel: the distance of that match. */
        float[] dist;

        Level(int w, int h, float[] px, boolean[] hole) {
            this.w = w;
            this.h = h;
            this.px = px;
            this.hole = hole;
        }
    }

    /**
     * Fills the hole of a BGR image in place.
     *
     * @param bgr interleaved BGR bytes, rewritten in the hole only
     * @param hole true for the pixels to fill
     * @return false (nothing written) when the image has no patch wholly outside the hole to copy from
     */
    static boolean fill(byte[] bgr, boolean[] hole, int w, int h, long seed) {
        float[] px = new float[bgr.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = bgr[i] & 0xff;
        }
        java.util.List<Level> pyramid = new java.util.ArrayList<>();
        Level level = new Level(w, h, px, hole.clone());
        pyramid.add(level);
        while (extent(level) > COARSE_HOLE && Math.min(level.w, level.h) / 2 >= 4 * PATCH) {
            level = down(level);
            pyramid.add(level);
        }
        for (Level l : pyramid) {
            prepare(l);
            if (l.sources.length == 0) {
                return false;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        int coarsest = pyramid.size() - 1;
        Level top = pyramid.get(coarsest);
        smoothStart(top);
        for (int t : top.targets) {
            top.nnf[t] = top.sources[random.nextInt(top.sources.length)];
            top.dist[t] = distance(top, t, top.nnf[t], Float.MAX_VALUE);
        }
        for (int k = coarsest; k >= 0; k--) {
            Level l = pyramid.get(k);
            // levels larger than WORK_PIXELS only refine the matches scaled up from below: the search is made on the
            // smaller levels, so that the time stays about linear in the hole's pixels
            boolean detail = (long) l.w * l.h > WORK_PIXELS && k < coarsest;
            if (k < coarsest) {
                upsample(pyramid.get(k + 1), l, random);
                rescoreKnown(l);
                vote(l, false);
                rescore(l);
            }
            int rounds = detail ? 1 : k == coarsest ? 5 : 3;
            for (int round = 0; round < rounds; round++) {
                search(l, random, detail ? 1 : 2, !detail);
                vote(l, k == 0 && round == rounds - 1);
                if (!(k == 0 && round == rounds - 1)) {
                    rescore(l);
                }
            }
        }
        float[] out = pyramid.get(0).px;
        for (int p = 0, i = 0; p < hole.length; p++, i += 3) {
            if (hole[p]) {
                for (int c = 0; c < 3; c++) {
                    bgr[i + c] = (byte) Math.max(0, Math.min(255, Math.round(out[i + c])));
                }
            }
        }
        return true;
    }

    /** The larger side of the hole's bounding box. */
    private static int extent(Level l) {
        int x0 = l.w;
        int y0 = l.h;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < l.h; y++) {
            for (int x = 0; x < l.w; x++) {
                if (l.hole[y * l.w + x]) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? 0 : Math.max(x1 - x0 + 1, y1 - y0 + 1);
    }

    /** Half size: known pixels are the mean of the known pixels under them; a pixel is hole when any under it is. */
    private static Level down(Level f) {
        int w = Math.max(1, f.w / 2);
        int h = Math.max(1, f.h / 2);
        float[] px = new float[w * h * 3];
        boolean[] hole = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                float b = 0;
                float g = 0;
                float r = 0;
                int n = 0;
                boolean any = false;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int fx = Math.min(f.w - 1, 2 * x + dx);
                        int fy = Math.min(f.h - 1, 2 * y + dy);
                        int q = fy * f.w + fx;
                        if (f.hole[q]) {
                            any = true;
                        } else {
                            b += f.px[3 * q];
                            g += f.px[3 * q + 1];
                            r += f.px[3 * q + 2];
                            n++;
                        }
                    }
                }
                hole[p] = any;
                if (n > 0) {
                    px[3 * p] = b / n;
                    px[3 * p + 1] = g / n;
                    px[3 * p + 2] = r / n;
                }
            }
        }
        return new Level(w, h, px, hole);
    }

    /** Finds the sources (patches wholly outside the hole) and the targets (patch centres near the hole). */
    private static void prepare(Level l) {
        int w = l.w;
        int h = l.h;
        int[] integral = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            int row = 0;
            for (int x = 0; x < w; x++) {
                row += l.hole[y * w + x] ? 1 : 0;
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        l.source = new boolean[w * h];
        l.nnf = new int[w * h];
        l.dist = new float[w * h];
        java.util.Arrays.fill(l.nnf, -1);
        int sources = 0;
        int targets = 0;
        int[] s = new int[w * h];
        int[] t = new int[w * h];
        for (int y = R; y < h - R; y++) {
            for (int x = R; x < w - R; x++) {
                int x0 = x - R;
                int y0 = y - R;
                int x1 = x + R + 1;
                int y1 = y + R + 1;
                int inHole = integral[y1 * (w + 1) + x1]
                        - integral[y0 * (w + 1) + x1]
                        - integral[y1 * (w + 1) + x0]
                        + integral[y0 * (w + 1) + x0];
                int p = y * w + x;
                if (inHole == 0) {
                    l.source[p] = true;
                    s[sources++] = p;
                } else {
                    t[targets++] = p;
                }
            }
        }
        l.sources = java.util.Arrays.copyOf(s, sources);
        l.targets = java.util.Arrays.copyOf(t, targets);
    }

    /** A smooth start for the coarsest level: each hole pixel repeatedly takes the mean of its filled neighbours. */
    private static void smoothStart(Level l) {
        int w = l.w;
        int h = l.h;
        boolean[] known = new boolean[w * h];
        for (int p = 0; p < known.length; p++) {
            known[p] = !l.hole[p];
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            boolean[] next = known.clone();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    if (known[p]) {
                        continue;
                    }
                    float b = 0;
                    float g = 0;
                    float r = 0;
                    int n = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int qx = x + dx;
                            int qy = y + dy;
                            if (qx < 0 || qy < 0 || qx >= w || qy >= h) {
                                continue;
                            }
                            int q = qy * w + qx;
                            if (known[q]) {
                                b += l.px[3 * q];
                                g += l.px[3 * q + 1];
                                r += l.px[3 * q + 2];
                                n++;
                            }
                        }
                    }
                    if (n > 0) {
                        l.px[3 * p] = b / n;
                        l.px[3 * p + 1] = g / n;
                        l.px[3 * p + 2] = r / n;
                        next[p] = true;
                        changed = true;
                    }
                }
            }
            known = next;
        }
    }

    /** Sum of squared differences between the patches centred at t and s, stopping once it exceeds {@code limit}. */
    private static float distance(Level l, int t, int s, float limit) {
        int w = l.w;
        float[] px = l.px;
        float sum = 0;
        for (int dy = -R; dy <= R; dy++) {
            int ti = 3 * (t + dy * w - R);
            int si = 3 * (s + dy * w - R);
            for (int k = 0; k < 3 * PATCH; k++) {
                float d = px[ti + k] - px[si + k];
                sum += d * d;
            }
            if (sum > limit) {
                return sum;
            }
        }
        return sum;
    }

    /** PatchMatch passes: propagation from the scan's previous neighbours, then a random search around the best. */
    private static void search(Level l, SplittableRandom random, int passes, boolean explore) {
        int w = l.w;
        int h = l.h;
        int[] targets = l.targets;
        for (int pass = 0; pass < passes; pass++) {
            boolean forward = pass % 2 == 0;
            int step = forward ? 1 : -1;
            for (int k = forward ? 0 : targets.length - 1; k >= 0 && k < targets.length; k += step) {
                int t = targets[k];
                int tx = t % w;
                int ty = t / w;
                int best = l.nnf[t];
                float bestD = l.dist[t];
                // propagation: the neighbour's match, shifted by one
                int nx = tx - step;
                if (nx >= 0 && nx < w && l.nnf[t - step] >= 0) {
                    int cand = l.nnf[t - step] + step;
                    int cx = cand % w;
                    if (cx >= R && cx < w - R && cand >= 0 && cand < l.source.length && l.source[cand]) {
                        float d = distance(l, t, cand, bestD);
                        if (d < bestD) {
                            bestD = d;
                            best = cand;
                        }
                    }
                }
                int ny = ty - step;
                if (ny >= 0 && ny < h && l.nnf[t - step * w] >= 0) {
                    int cand = l.nnf[t - step * w] + step * w;
                    if (cand >= 0 && cand < l.source.length && l.source[cand]) {
                        float d = distance(l, t, cand, bestD);
                        if (d < bestD) {
                            bestD = d;
                            best = cand;
                        }
                    }
                }
                // random search in windows halving from the whole image
                int bx = best % w;
                int by = best / w;
                for (int radius = explore ? Math.max(w, h) : 0; radius >= 1; radius /= 2) {
                    int cx = bx + random.nextInt(2 * radius + 1) - radius;
                    int cy = by + random.nextInt(2 * radius + 1) - radius;
                    if (cx < R || cy < R || cx >= w - R || cy >= h - R) {
                        continue;
                    }
                    int cand = cy * w + cx;
                    if (!l.source[cand]) {
                        continue;
                    }
                    float d = distance(l, t, cand, bestD);
                    if (d < bestD) {
                        bestD = d;
                        best = cand;
                        bx = cx;
                        by = cy;
                    }
                }
                l.nnf[t] = best;
                l.dist[t] = bestD;
            }
        }
    }

    /**
     * Rewrites the hole: each hole pixel becomes the mean of what the target patches covering it propose or, when
     * {@code sharp}, what the best-matching one of them proposes.
     */
    private static void vote(Level l, boolean sharp) {
        int w = l.w;
        int n = l.w * l.h;
        float[] acc = new float[3 * n];
        float[] weight = new float[n];
        float[] bestD = sharp ? new float[n] : null;
        if (sharp) {
            java.util.Arrays.fill(bestD, Float.MAX_VALUE);
        }
        // weights fall off with the match's distance, on the scale of a typical (75th percentile) match
        float scale = 2 * Math.max(1f, quantile(l, 0.75));
        for (int t : l.targets) {
            int s = l.nnf[t];
            if (s < 0) {
                continue;
            }
            float d = l.dist[t];
            float wt = (float) Math.exp(-d / scale);
            for (int dy = -R; dy <= R; dy++) {
                for (int dx = -R; dx <= R; dx++) {
                    int q = t + dy * w + dx;
                    if (!l.hole[q]) {
                        continue;
                    }
                    int from = 3 * (s + dy * w + dx);
                    if (sharp) {
                        if (d < bestD[q]) {
                            bestD[q] = d;
                            acc[3 * q] = l.px[from];
                            acc[3 * q + 1] = l.px[from + 1];
                            acc[3 * q + 2] = l.px[from + 2];
                            weight[q] = 1;
                        }
                    } else {
                        acc[3 * q] += wt * l.px[from];
                        acc[3 * q + 1] += wt * l.px[from + 1];
                        acc[3 * q + 2] += wt * l.px[from + 2];
                        weight[q] += wt;
                    }
                }
            }
        }
        for (int q = 0; q < n; q++) {
            if (l.hole[q] && weight[q] > 0) {
                l.px[3 * q] = acc[3 * q] / weight[q];
                l.px[3 * q + 1] = acc[3 * q + 1] / weight[q];
                l.px[3 * q + 2] = acc[3 * q + 2] / weight[q];
            }
        }
    }

    /** A quantile of the targets' match distances (from at most 4096 of them, evenly spaced). */
    private static float quantile(Level l, double q) {
        int[] targets = l.targets;
        int step = Math.max(1, targets.length / 4096);
        float[] sample = new float[(targets.length + step - 1) / step];
        int k = 0;
        for (int i = 0; i < targets.length; i += step) {
            sample[k++] = l.dist[targets[i]];
        }
        if (k == 0) {
            return 1;
        }
        java.util.Arrays.sort(sample, 0, k);
        return sample[Math.min(k - 1, (int) (q * k))];
    }

    /**
     * Distances of fresh matches read on the known pixels only (the hole has no estimate yet at a new level), scaled
     * to a whole patch.
     */
    private static void rescoreKnown(Level l) {
        int w = l.w;
        for (int t : l.targets) {
            int s = l.nnf[t];
            float sum = 0;
            int known = 0;
            for (int dy = -R; dy <= R; dy++) {
                for (int dx = -R; dx <= R; dx++) {
                    int q = t + dy * w + dx;
                    if (l.hole[q]) {
                        continue;
                    }
                    int a = 3 * q;
                    int b = 3 * (s + dy * w + dx);
                    for (int c = 0; c < 3; c++) {
                        float d = l.px[a + c] - l.px[b + c];
                        sum += d * d;
                    }
                    known++;
                }
            }
            // a patch wholly in the hole has nothing to be read on: it counts as a typical match
            l.dist[t] = known == 0 ? Float.NaN : sum * PATCH * PATCH / known;
        }
        float typical = 0;
        int count = 0;
        for (int t : l.targets) {
            if (!Float.isNaN(l.dist[t])) {
                typical += l.dist[t];
                count++;
            }
        }
        typical = count == 0 ? 1 : typical / count;
        for (int t : l.targets) {
            if (Float.isNaN(l.dist[t])) {
                l.dist[t] = typical;
            }
        }
    }

    /** Recomputes every target's distance after the hole changed. */
    private static void rescore(Level l) {
        for (int t : l.targets) {
            if (l.nnf[t] >= 0) {
                l.dist[t] = distance(l, t, l.nnf[t], Float.MAX_VALUE);
            }
        }
    }

    /** Scales the coarser level's matches up: each fine target takes its coarse cell's match, doubled and offset. */
    private static void upsample(Level coarse, Level fine, SplittableRandom random) {
        int cw = coarse.w;
        int fw = fine.w;
        for (int t : fine.targets) {
            int x = t % fw;
            int y = t / fw;
            int cx = Math.min(coarse.w - 1, x / 2);
            int cy = Math.min(coarse.h - 1, y / 2);
            int cs = coarse.nnf[cy * cw + cx];
            int cand = -1;
            if (cs >= 0) {
                int sx = 2 * (cs % cw) + (x - 2 * cx);
                int sy = 2 * (cs / cw) + (y - 2 * cy);
                if (sx >= R && sy >= R && sx < fw - R && sy < fine.h - R && fine.source[sy * fw + sx]) {
                    cand = sy * fw + sx;
                }
            }
            if (cand < 0) {
                cand = fine.sources[random.nextInt(fine.sources.length)];
            }
            fine.nnf[t] = cand;
        }
        // distances are read against the fine level once its hole has been voted from these matches
    }
}
