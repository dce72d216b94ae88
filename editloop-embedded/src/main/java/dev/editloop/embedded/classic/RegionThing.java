package dev.editloop.embedded.classic;

import dev.editloop.embedded.segment.SubjectMatte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds the one distinct thing in a named region ("remove the object in the top right corner"), or says why there is
 * none to remove: the classic editor does not recognise objects, so a thing is what stands apart from the ground
 * around it.
 *
 * <p>Steps, on a copy whose longer side is at most {@value ObjectSelection#SIDE} pixels: the ground at every pixel is
 * read with a median over a window three quarters of the region's shorter side (a thing smaller than half the window
 * vanishes from it, a ground's slow shading stays); a pixel stands apart when its colour (CIELAB, lightly smoothed)
 * lies farther from that ground than 12 ΔE and three times what the region's border ring lies from it (its median) (so the
 * grain of a textured ground is not a thing). The connected areas that stand apart are then read:
 * <ul>
 *   <li>an area of which less than 70% lies in the region runs past it: part of something larger (a person, a tower),
 *       not a thing in the region;</li>
 *   <li>a thing must stand on one ground: at least 75% of a band around it must be of one colour (the head of a man
 *       whose dark coat fills the rest of the band is joined to him, not a thing of its own);</li>
 *   <li>a thing lying on the picture's main subject ({@link SubjectMatte}), when that subject is more than three times
 *       its size and unlike the rest of the picture, is a part of it (a cat's eye or nose, a badge), which a fill
 *       would leave a hole in;</li>
 *   <li>two things of similar size (the smaller at least half the larger) leave open which one is meant.</li>
 * </ul>
 * The thing found is the largest left, its holes filled, scaled back to the image's size.
 */
final class RegionThing {
    /** A thing smaller than this share of the image is a speck, not the thing in a region. */
    static final double MIN_SHARE = 0.0025;

    /**
     * The least share of the region a thing covers: "the object in the center" is something a person sees there
     * first, not one light among several or a reflection.
     */
    static final double MIN_REGION_SHARE = 0.05;

    /**
     * The longest stretch of the picture's frame a thing may touch, over the square root of its area: a model whose
     * tip touches the top edge is a thing, a flag the frame cuts along its side is part of something larger.
     */
    private static final double FRAME = 0.3;

    /** The least share of an area inside the region for it to be a thing of the region. */
    private static final double INSIDE = 0.7;

    /** The least distance (ΔE) from the ground that stands apart, whatever the ground's grain. */
    private static final double MIN_APART = 12;

    /**
     * The quantile of the border ring's distances from the ground read as the ground's grain: the median (a lower one
     * reads the mottling of a studio backdrop or a flag's stripes as things).
     */
    private static final double GRAIN_QUANTILE = 0.5;

    /**
     * How far, on average, a thing stands from its ground, in thresholds: a reflection on a helmet, a paler tuft of
     * fur or a streak of a blurred background only just crosses the threshold at its middle.
     */
    private static final double CLEARLY = 1.6;

    /** The least share of the band around a thing that must be of one colour (its ground). */
    private static final double ONE_GROUND = 0.75;

    private RegionThing() {}

    /**
     * The thing found, or why there is none.
     *
     * @param thing the thing (null when refused)
     * @param refusal why nothing is removed (null when a thing was found)
     */
    record Found(ObjectSelection.Selected thing, String refusal) {}

    /** The one distinct thing in the region of a BGR image, or the reason there is none to remove. */
    static Found find(Mat src, Region region) {
        int w = src.cols();
        int h = src.rows();
        String where = region.phrase();
        try (Mats m = new Mats()) {
            Mat small = m.keep(ObjectSelection.fit(src));
            int sw = small.cols();
            int sh = small.rows();
            int n = sw * sh;
            int[] r = region.bounds(sw, sh);
            int window = Math.max(3, ((int) (0.75 * Math.min(r[2], r[3]))) | 1);
            Mat ground = m.mat();
            Imgproc.medianBlur(small, ground, Math.min(window, 255));
            Mat smooth = m.mat();
            Imgproc.GaussianBlur(small, smooth, new Size(0, 0), 1.0);
            float[] lab = lab(Mats.bytes(smooth));
            float[] groundLab = lab(Mats.bytes(ground));
            float[] apart = new float[n];
            for (int p = 0; p < n; p++) {
                apart[p] = distance(lab, p, groundLab, p);
            }

            // how far the region's border ring lies from its ground: the ground's own grain
            int rim = Math.max(2, (int) (0.04 * Math.min(r[2], r[3])));
            float[] ring = new float[2 * rim * (r[2] + r[3])];
            int k = 0;
            for (int y = r[1]; y < r[1] + r[3]; y++) {
                for (int x = r[0]; x < r[0] + r[2]; x++) {
                    boolean edge = x < r[0] + rim || x >= r[0] + r[2] - rim || y < r[1] + rim || y >= r[1] + r[3] - rim;
                    if (edge && k < ring.length) {
                        ring[k++] = apart[y * sw + x];
                    }
                }
            }
            float[] sorted = Arrays.copyOf(ring, k);
            Arrays.sort(sorted);
            double grain = k == 0 ? 0 : sorted[(int) (GRAIN_QUANTILE * k)];
            double threshold = Math.max(MIN_APART, 3 * grain);

            byte[] standsApart = new byte[n];
            for (int p = 0; p < n; p++) {
                if (apart[p] > threshold) {
                    standsApart[p] = (byte) 255;
                }
            }
            Mat mask = m.keep(Mats.gray(sw, sh, standsApart));
            Imgproc.morphologyEx(
                    mask,
                    mask,
                    Imgproc.MORPH_OPEN,
                    m.keep(Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3))));
            Mat labels = m.mat();
            Mat stats = m.mat();
            Mat centroids = m.mat();
            int found = Imgproc.connectedComponentsWithStats(mask, labels, stats, centroids, 8, CvType.CV_32S);
            int[] label = new int[n];
            labels.get(0, 0, label);
            int[] inside = new int[found];
            int[] total = new int[found];
            double[] sum = new double[found];
            int[] frame = new int[found];
            for (int y = 0; y < sh; y++) {
                for (int x = 0; x < sw; x++) {
                    int l = label[y * sw + x];
                    total[l]++;
                    sum[l] += apart[y * sw + x];
                    if (x == 0 || y == 0 || x == sw - 1 || y == sh - 1) {
                        frame[l]++;
                    }
                    if (x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3]) {
                        inside[l]++;
                    }
                }
            }

            SubjectMatte matte = null;
            List<int[]> things = new ArrayList<>(); // {label, area}
            int passing = 0;
            int passingTotal = 0;
            String rejected = null;
            int rejectedArea = 0;
            double least = Math.max(MIN_SHARE * n, MIN_REGION_SHARE * r[2] * r[3]);
            for (int l = 1; l < found; l++) {
                if (inside[l] < least) {
                    continue;
                }
                if (inside[l] < INSIDE * total[l]) {
                    if (inside[l] > passing) {
                        passing = inside[l];
                        passingTotal = total[l];
                    }
                    continue;
                }
                Band band = band(label, l, lab, sw, sh);
                String why = null;
                double clearly = sum[l] / total[l] / threshold;
                if (frame[l] > FRAME * Math.sqrt(total[l])) {
                    why = "what stands out in " + where + " runs out of the picture (the frame cuts it): part of"
                            + " something larger, not a thing of its own";
                } else if (clearly < CLEARLY) {
                    why = String.format(
                            Locale.ROOT,
                            "what stands out in %s is only a shade of its ground (%.1f times the ground's own"
                                    + " variation, a thing stands %.1f times apart): a reflection, a fold or a patch"
                                    + " of texture, not a thing",
                            where,
                            clearly * 3,
                            CLEARLY * 3);
                } else if (edgeStep(label, l, lab, sw, sh) < SOFT_EDGE * sum[l] / total[l]) {
                    why = String.format(
                            Locale.ROOT,
                            "what stands out in %s fades into what is around it, with no outline of its own (its edge"
                                    + " steps %.0f%% of its contrast, a thing's outline at least %.0f%%): a highlight,"
                                    + " a reflection or a glow on something, not a thing",
                            where,
                            100 * edgeStep(label, l, lab, sw, sh) / (sum[l] / total[l]),
                            100 * SOFT_EDGE);
                } else if (band.oneGround(threshold) < ONE_GROUND) {
                    why = String.format(
                            Locale.ROOT,
                            "what stands out in %s is joined to something else (only %.0f%% of the ground around it"
                                    + " is of one colour): it is not a thing of its own",
                            where,
                            100 * band.oneGround(threshold));
                } else {
                    if (matte == null) {
                        matte = SubjectMatte.of(src);
                    }
                    // on the subject, and the subject much larger than the thing: a part of it (a thing alone on a
                    // plain ground is the subject itself, and may go)
                    if (band.onSubject(matte, sw, sh) > 0.5
                            && matte.subjectShare() > 3.0 * total[l] / n
                            && subjectApart(matte, lab, label, l, sw, sh)) {
                        why = "what stands out in " + where + " lies on the picture's main subject and reads as a part"
                                + " of it (as an eye or a badge does): removing it would leave a hole in the subject";
                    }
                }
                if (why == null) {
                    things.add(new int[] {l, total[l]});
                } else if (total[l] > rejectedArea) {
                    rejectedArea = total[l];
                    rejected = why;
                }
            }
            if (things.isEmpty()) {
                if (rejected != null) {
                    return new Found(null, rejected);
                }
                if (passing >= 0.05 * r[2] * r[3]) {
                    return new Found(
                            null,
                            String.format(
                                    Locale.ROOT,
                                    "what stands out in %s is part of something larger that runs past it (%s of the"
                                            + " image, %.0f%% of it outside %s): no one thing there to remove",
                                    where,
                                    percent(passingTotal / (double) n),
                                    100.0 * (passingTotal - passing) / passingTotal,
                                    where));
                }
                return new Found(
                        null,
                        "nothing distinct in " + where + " to remove: no thing of its own there stands clearly apart"
                                + " from the ground around it and covers at least 5% of it");
            }
            things.sort((a, b) -> Integer.compare(b[1], a[1]));
            if (things.size() > 1 && things.get(1)[1] >= 0.5 * things.get(0)[1]) {
                return new Found(
                        null,
                        String.format(
                                Locale.ROOT,
                                "%d things of similar size stand out in %s (%s and %s of the image): which one is"
                                        + " meant is not clear",
                                things.size(),
                                where,
                                percent(things.get(0)[1] / (double) n),
                                percent(things.get(1)[1] / (double) n)));
            }
            int chosen = things.get(0)[0];
            byte[] thing = new byte[n];
            for (int p = 0; p < n; p++) {
                if (label[p] == chosen) {
                    thing[p] = (byte) 255;
                }
            }
            Mat picked = m.keep(Mats.gray(sw, sh, thing));
            ObjectSelection.fillHoles(picked);
            Mat full = m.mat();
            if (sw == w && sh == h) {
                picked.copyTo(full);
            } else {
                Imgproc.resize(picked, full, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
                Imgproc.threshold(full, full, 127, 255, Imgproc.THRESH_BINARY);
            }
            int count = Core.countNonZero(full);
            return new Found(new ObjectSelection.Selected(w, h, Mats.bytes(full), count / (double) (w * h)), null);
        }
    }

    /** The band around a thing: its pixels' colours and places. */
    private record Band(float[] lab, int[] at) {
        /** The share of the band within {@code threshold} ΔE of its median colour. */
        double oneGround(double threshold) {
            int count = at.length;
            if (count == 0) {
                return 0;
            }
            float[] median = new float[3];
            for (int c = 0; c < 3; c++) {
                float[] v = new float[count];
                for (int i = 0; i < count; i++) {
                    v[i] = lab[3 * i + c];
                }
                Arrays.sort(v);
                median[c] = v[count / 2];
            }
            int near = 0;
            for (int i = 0; i < count; i++) {
                if (distance(lab, i, median, 0) <= threshold) {
                    near++;
                }
            }
            return near / (double) count;
        }

        /** The share of the band on the main subject (matte above one half). */
        double onSubject(SubjectMatte matte, int sw, int sh) {
            if (!matte.found() || at.length == 0) {
                return 0;
            }
            int on = 0;
            for (int p : at) {
                int x = Math.min(matte.width() - 1, (int) ((p % sw + 0.5) * matte.width() / sw));
                int y = Math.min(matte.height() - 1, (int) ((p / sw + 0.5) * matte.height() / sh));
                if (matte.alpha()[y * matte.width() + x] > 0.5f) {
                    on++;
                }
            }
            return on / (double) at.length;
        }
    }

    /** The least distance (ΔE) between the mean colours of a matte's subject and of the rest for it to be a subject. */
    /**
     * The least step of a thing's outline, as a share of how far the thing stands apart from its ground: a thing has an
     * edge, a highlight on a black helmet fades out over many pixels.
     */
    static final double SOFT_EDGE = 0.19;

    /**
     * The mean colour step (CIELAB ΔE between 4-neighbours) across the outline of area {@code l}: at each pixel of the
     * area next to a pixel outside it, the largest step to such a neighbour.
     */
    static double edgeStep(int[] label, int l, float[] lab, int sw, int sh) {
        double sum = 0;
        int n = 0;
        int[] dx = {1, -1, 0, 0};
        int[] dy = {0, 0, 1, -1};
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int p = y * sw + x;
                if (label[p] != l) {
                    continue;
                }
                float step = -1;
                for (int k = 0; k < 4; k++) {
                    int nx = x + dx[k];
                    int ny = y + dy[k];
                    if (nx < 0 || ny < 0 || nx >= sw || ny >= sh) {
                        continue;
                    }
                    int q = ny * sw + nx;
                    if (label[q] != l) {
                        step = Math.max(step, distance(lab, p, lab, q));
                    }
                }
                if (step >= 0) {
                    sum += step;
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static final double SUBJECT_APART = 10;

    /**
     * Whether the matte's subject looks unlike the rest of the picture (the mean colours, leaving out the thing
     * {@code l}, at least {@value #SUBJECT_APART} ΔE apart): on a plain ground the matte marks a stretch of that ground,
     * which is no subject.
     */
    private static boolean subjectApart(SubjectMatte matte, float[] lab, int[] label, int l, int sw, int sh) {
        double[] on = new double[4];
        double[] off = new double[4];
        for (int p = 0; p < label.length; p++) {
            if (label[p] == l) {
                continue;
            }
            int x = Math.min(matte.width() - 1, (int) ((p % sw + 0.5) * matte.width() / sw));
            int y = Math.min(matte.height() - 1, (int) ((p / sw + 0.5) * matte.height() / sh));
            double[] sum = matte.alpha()[y * matte.width() + x] > 0.5f ? on : off;
            sum[0] += lab[3 * p];
            sum[1] += lab[3 * p + 1];
            sum[2] += lab[3 * p + 2];
            sum[3]++;
        }
        if (on[3] == 0 || off[3] == 0) {
            return false;
        }
        double dl = on[0] / on[3] - off[0] / off[3];
        double da = on[1] / on[3] - off[1] / off[3];
        double db = on[2] / on[3] - off[2] / off[3];
        return Math.sqrt(dl * dl + da * da + db * db) >= SUBJECT_APART;
    }

    /** The band around the area of {@code l}: from 2% to 4% of the copy's shorter side outside its edge. */
    private static Band band(int[] label, int l, float[] lab, int sw, int sh) {
        int g = Math.max(2, (int) (0.02 * Math.min(sw, sh)));
        byte[] area = new byte[label.length];
        for (int p = 0; p < label.length; p++) {
            if (label[p] == l) {
                area[p] = (byte) 255;
            }
        }
        try (Mats m = new Mats()) {
            Mat kernel = m.keep(Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * g + 1, 2 * g + 1)));
            Mat near = m.keep(Mats.gray(sw, sh, area));
            Imgproc.dilate(near, near, kernel);
            Mat far = m.mat();
            Imgproc.dilate(near, far, kernel);
            byte[] a = Mats.bytes(near);
            byte[] b = Mats.bytes(far);
            int count = 0;
            for (int p = 0; p < a.length; p++) {
                if (b[p] != 0 && a[p] == 0) {
                    count++;
                }
            }
            float[] colours = new float[3 * count];
            int[] at = new int[count];
            int i = 0;
            for (int p = 0; p < a.length; p++) {
                if (b[p] != 0 && a[p] == 0) {
                    System.arraycopy(lab, 3 * p, colours, 3 * i, 3);
                    at[i++] = p;
                }
            }
            return new Band(colours, at);
        }
    }

    private static float[] lab(byte[] bgr) {
        int n = bgr.length / 3;
        float[] out = new float[3 * n];
        float[] one = new float[3];
        for (int p = 0, i = 0; p < n; p++, i += 3) {
            ObjectSelection.Lab.of(bgr[i + 2] & 0xff, bgr[i + 1] & 0xff, bgr[i] & 0xff, one);
            System.arraycopy(one, 0, out, i, 3);
        }
        return out;
    }

    private static float distance(float[] a, int p, float[] b, int q) {
        float dl = a[3 * p] - b[3 * q];
        float da = a[3 * p + 1] - b[3 * q + 1];
        float db = a[3 * p + 2] - b[3 * q + 2];
        return (float) Math.sqrt(dl * dl + da * da + db * db);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, share < 0.095 ? "%.1f%%" : "%.0f%%", 100 * share);
    }
}
