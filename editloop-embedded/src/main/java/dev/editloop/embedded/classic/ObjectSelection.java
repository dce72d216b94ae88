package dev.editloop.embedded.classic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds the thing a request names by its color ("the red cup", "the green eyes", "the dark thing in the top left
 * corner"): the classic editor does not recognise objects, so the color, and the place when one is named, do the
 * selecting.
 *
 * <p>Steps, on a copy whose longer side is at most {@value #SIDE} pixels: every pixel gets a score for the color in
 * CIELAB (for a chromatic color: its chroma weighted by how close its hue angle is to the color's, within a window;
 * for black, white and gray: lightness and lack of chroma), restricted to the place when one is named; the seed is
 * the pixels scoring at least half of the image's strongest scores (and an absolute floor, so that a color the photo
 * does not show selects nothing); the seed's largest connected areas (every area at least a quarter of the largest)
 * are refined with GrabCut (the seed as probable foreground, a box around it as probable background) and their
 * holes filled. The selection is scaled back to the image's size.
 *
 * <p>The selection is relative: the cat's yellow-green eyes are "the green eyes" because nothing else in the photo is
 * greener. It is never made up: a pixel must be within the color's hue window and above a chroma floor to seed it, so
 * a color the photo does not show finds nothing.
 */
public final class ObjectSelection {
    /** Longer side of the copy the selection is computed on. */
    public static final int SIDE = 384;

    /** Seed of OpenCV's random generator for GrabCut, so that a selection is the same every time. */
    private static final int GRABCUT_SEED = 20_240_611;

    /** Areas smaller than this share of the image are specks, not parts of a thing. */
    private static final double MIN_SHARE = 0.0008;

    /** A thing smaller than this share of the image is not found (a speck of the color is not the thing named). */
    private static final double MIN_THING_SHARE = 0.0025;

    private ObjectSelection() {}

    /**
     * A selection: a row-major mask (255 inside) of the image's size and the share of the image it covers.
     *
     * @param width image width
     * @param height image height
     * @param mask 255 inside, 0 outside
     * @param share the selected pixels over all pixels
     * @param stacked whether the area reads as two things of the colour, one standing on the other ({@link
     *     StackedShape}: a cup on its saucer of the same glaze), so that it is not any one of them alone
     */
    public record Selected(int width, int height, byte[] mask, double share, boolean stacked) {
        /** A selection of one thing. */
        public Selected(int width, int height, byte[] mask, double share) {
            this(width, height, mask, share, false);
        }

        /** The mask as an OpenCV matrix (caller releases). */
        Mat mat() {
            return Mats.gray(width, height, mask);
        }
    }

    /**
     * The thing of a color, anywhere ({@code place} null or WHOLE) or within a named region of a BGR image; empty
     * when the image shows nothing of that color there.
     */
    public static Optional<Selected> find(byte[] bgr, int width, int height, NamedColor color, Region place) {
        Mat src = Mats.bgr(width, height, bgr);
        try {
            return find(src, color, place);
        } finally {
            src.release();
        }
    }

    /** As {@link #find(byte[], int, int, NamedColor, Region)}, on an OpenCV image. */
    static Optional<Selected> find(Mat src, NamedColor color, Region place) {
        int w = src.cols();
        int h = src.rows();
        try (Mats m = new Mats()) {
            Mat small = m.keep(fit(src));
            int sw = small.cols();
            int sh = small.rows();
            byte[] px = Mats.bytes(small);
            int n = sw * sh;
            float[] score = new float[n];
            float[] lab = new float[3];
            for (int p = 0, i = 0; p < n; p++, i += 3) {
                Lab.of(px[i + 2] & 0xff, px[i + 1] & 0xff, px[i] & 0xff, lab);
                score[p] = (float) score(color, lab);
            }
            if (color.name().equals("silver")) {
                metal(px, sw, sh, score);
            }
            if (place != null && place != Region.WHOLE) {
                int[] r = place.bounds(sw, sh);
                for (int y = 0; y < sh; y++) {
                    for (int x = 0; x < sw; x++) {
                        if (x < r[0] || x >= r[0] + r[2] || y < r[1] || y >= r[1] + r[3]) {
                            score[y * sw + x] = 0;
                        }
                    }
                }
            }
            float[] positive = new float[n];
            int k = 0;
            for (float s : score) {
                if (s > 0) {
                    positive[k++] = s;
                }
            }
            if (k < Math.max(4, MIN_SHARE * n)) {
                return Optional.empty();
            }
            float[] sorted = Arrays.copyOf(positive, k);
            Arrays.sort(sorted);
            // the strongest scores: the 99th percentile of the pixels that score at all, or of the best 1% of the image
            int top = Math.max(0, Math.min(k - 1, Math.max((int) (0.99 * k), k - Math.max(1, n / 100))));
            double threshold = Math.max(floor(color), 0.55 * sorted[top]);
            byte[] seed = new byte[n];
            for (int p = 0; p < n; p++) {
                if (score[p] >= threshold) {
                    seed[p] = (byte) 255;
                }
            }

            Mat seedMat = m.keep(Mats.gray(sw, sh, seed));
            Mat kernel = m.keep(Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3)));
            Imgproc.morphologyEx(seedMat, seedMat, Imgproc.MORPH_OPEN, kernel);
            Imgproc.morphologyEx(seedMat, seedMat, Imgproc.MORPH_CLOSE, kernel);
            cutBridges(seedMat, m);
            Mat kept = best(seedMat, score, n);
            if (kept == null) {
                return Optional.empty();
            }
            m.keep(kept);
            if (Core.countNonZero(kept) < MIN_THING_SHARE * n) {
                return Optional.empty(); // a speck of the color (a pinkish ear tip) is not a thing of that color
            }
            Mat refined = m.keep(grabCut(small, kept, m));
            fillHoles(refined);
            if (place != null && place != Region.WHOLE) {
                int[] r = place.bounds(sw, sh);
                Mat inside = m.keep(Mat.zeros(refined.size(), CvType.CV_8UC1));
                Imgproc.rectangle(inside, new Rect(r[0], r[1], r[2], r[3]), new Scalar(255), Imgproc.FILLED);
                Core.bitwise_and(refined, inside, refined);
            }
            boolean stacked = StackedShape.reads(refined);
            Mat full = m.mat();
            if (sw == w && sh == h) {
                refined.copyTo(full);
            } else {
                Imgproc.resize(refined, full, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
                Imgproc.threshold(full, full, 127, 255, Imgproc.THRESH_BINARY);
            }
            int count = Core.countNonZero(full);
            if (count == 0) {
                return Optional.empty();
            }
            return Optional.of(new Selected(w, h, Mats.bytes(full), count / (double) (w * h), stacked));
        }
    }

    /** Chroma under which a pixel can be of polished metal, and the window radius its reflections are read in. */
    private static final double METAL_CHROMA = 20;

    private static final int METAL_RADIUS = 5;

    /**
     * The score of "silver" (chrome, metallic): a polished metal is nearly colourless, bright on the whole, and
     * mirrors its surroundings in sharp light and dark streaks, so a nearly colourless pixel scores by how much the
     * lightness of the nearly colourless pixels around it varies (their standard deviation of L* over an 11×11 window,
     * up to 30) where they are bright on average (mean L* from 30 to 50 and above): the spoon, not the smooth white
     * inside of the cup nor a dark shadow. In place.
     */
    private static void metal(byte[] px, int w, int h, float[] score) {
        int n = w * h;
        double[] l = new double[n];
        boolean[] colourless = new boolean[n];
        float[] lab = new float[3];
        for (int p = 0, i = 0; p < n; p++, i += 3) {
            Lab.of(px[i + 2] & 0xff, px[i + 1] & 0xff, px[i] & 0xff, lab);
            l[p] = lab[0];
            // a metal mirrors the colours around it a little: its reflections may be tinted
            colourless[p] = Math.hypot(lab[1], lab[2]) < 1.6 * METAL_CHROMA;
        }
        int stride = w + 1;
        double[] sum = new double[stride * (h + 1)];
        double[] squares = new double[stride * (h + 1)];
        int[] count = new int[stride * (h + 1)];
        for (int y = 0; y < h; y++) {
            double rs = 0;
            double rq = 0;
            int rc = 0;
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (colourless[p]) {
                    rs += l[p];
                    rq += l[p] * l[p];
                    rc++;
                }
                int at = (y + 1) * stride + x + 1;
                sum[at] = sum[at - stride] + rs;
                squares[at] = squares[at - stride] + rq;
                count[at] = count[at - stride] + rc;
            }
        }
        int window = (2 * METAL_RADIUS + 1) * (2 * METAL_RADIUS + 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (score[p] <= 0) {
                    continue;
                }
                int x0 = Math.max(0, x - METAL_RADIUS);
                int y0 = Math.max(0, y - METAL_RADIUS);
                int x1 = Math.min(w, x + METAL_RADIUS + 1);
                int y1 = Math.min(h, y + METAL_RADIUS + 1);
                int a = y1 * stride + x1;
                int b = y0 * stride + x1;
                int c = y1 * stride + x0;
                int d = y0 * stride + x0;
                int k = count[a] - count[b] - count[c] + count[d];
                if (3 * k < window) {
                    score[p] = 0; // a colourless speck among colour is a highlight, not metal
                    continue;
                }
                double mean = (sum[a] - sum[b] - sum[c] + sum[d]) / k;
                double var = (squares[a] - squares[b] - squares[c] + squares[d]) / k - mean * mean;
                // bright on the whole: a polished metal, not a dark grey shadow
                double bright = Math.max(0, Math.min(1, (mean - 30) / 20));
                score[p] *= (float) (bright * Math.min(30, Math.sqrt(Math.max(0, var))));
            }
        }
        // read over the thing rather than pixel by pixel: its streaks of light and dark are one surface
        Mat plane = new Mat(h, w, CvType.CV_32F);
        plane.put(0, 0, score);
        Imgproc.GaussianBlur(plane, plane, new Size(0, 0), 1.5);
        plane.get(0, 0, score);
        plane.release();
    }

    /** A copy whose longer side is at most {@link #SIDE} (the image itself, cloned, when it is smaller). */
    static Mat fit(Mat src) {
        int longer = Math.max(src.cols(), src.rows());
        if (longer <= SIDE) {
            return src.clone();
        }
        double scale = (double) SIDE / longer;
        int sw = Math.max(1, (int) Math.round(src.cols() * scale));
        int sh = Math.max(1, (int) Math.round(src.rows() * scale));
        Mat out = new Mat();
        Imgproc.resize(src, out, new Size(sw, sh), 0, 0, Imgproc.INTER_AREA);
        return out;
    }

    /**
     * How much a pixel (L*, a*, b*) is of the color: 0 when not at all. Chromatic colors: chroma times a falloff of the
     * hue-angle distance within the color's window, from a chroma floor; black: darkness below L* 35 with little
     * chroma; white: lightness above L* 70 with little chroma; gray: low chroma at middle lightness.
     */
    static double score(NamedColor color, float[] lab) {
        double l = lab[0];
        double a = lab[1];
        double b = lab[2];
        double chroma = Math.hypot(a, b);
        switch (color.name()) {
            case "black":
                return chroma < 30 && l < 35 ? (35 - l) * (1 - chroma / 30) : 0;
            case "white":
                return chroma < 18 && l > 70 ? (l - 70) * (1 - chroma / 18) : 0;
            case "gray":
                return chroma < 12 && l > 25 && l < 85 ? 10 * (1 - chroma / 12) : 0;
            case "silver":
                // bright and nearly colourless; its reflections are weighed in by metal()
                return chroma < 1.6 * METAL_CHROMA ? 1 - chroma / (1.6 * METAL_CHROMA) : 0;
            case "hazel": {
                // yellow-green to green (CIELAB hue 75–150°), by its chroma up to 20: eyes people call green, the
                // one in shadow as much as the one in the light
                double h = Math.toDegrees(Math.atan2(b, a));
                return chroma >= chromaFloor(color) && h >= HAZEL_FROM && h <= HAZEL_TO ? Math.min(chroma, 20) : 0;
            }
            default:
                break;
        }
        float[] target = new float[3];
        Lab.of(color.r(), color.g(), color.b(), target);
        double targetHue = Math.toDegrees(Math.atan2(target[2], target[1]));
        double hue = Math.toDegrees(Math.atan2(b, a));
        double d = Math.abs(hue - targetHue) % 360;
        if (d > 180) {
            d = 360 - d;
        }
        double window = window(color);
        if (d >= window || chroma < chromaFloor(color)) {
            return 0;
        }
        // a hue much nearer another named color is that color (a blue sky is not purple)
        if (d > nearestOther(color, hue) + margin(color)) {
            return 0;
        }
        double fall = 1 - (d / window) * (d / window);
        double s = chroma * fall;
        // colors told apart by lightness as much as by hue
        switch (color.name()) {
            case "brown" -> s *= l < 60 ? 1 : Math.max(0, 1 - (l - 60) / 15);
            case "navy" -> s *= l < 35 ? 1 : Math.max(0, 1 - (l - 35) / 15);
            case "beige" -> s = chroma < 35 && l > 60 ? (l - 60) * fall : 0;
            case "orange", "yellow", "gold" -> s *= l > 35 ? 1 : Math.max(0, (l - 20) / 15);
            default -> {}
        }
        return Math.max(0, s);
    }

    /** The CIELAB hue range of hazel, in degrees: from yellow-green (a cat's eyes, at 80–95°) to green. */
    static final double HAZEL_FROM = 75;

    static final double HAZEL_TO = 150;

    /** The CIELAB hue angles of the palette's chromatic colors, in palette order. */
    private static final double[] PALETTE_HUES = paletteHues();

    private static double[] paletteHues() {
        double[] out = new double[NamedColor.PALETTE.size()];
        float[] lab = new float[3];
        for (int i = 0; i < out.length; i++) {
            NamedColor c = NamedColor.PALETTE.get(i);
            Lab.of(c.r(), c.g(), c.b(), lab);
            out[i] = c.chromatic() ? Math.toDegrees(Math.atan2(lab[2], lab[1])) : Double.NaN;
        }
        return out;
    }

    /** The hue distance from a hue to the nearest other chromatic palette color. */
    private static double nearestOther(NamedColor color, double hue) {
        double best = 180;
        for (int i = 0; i < PALETTE_HUES.length; i++) {
            if (Double.isNaN(PALETTE_HUES[i])
                    || NamedColor.PALETTE.get(i).name().equals(color.name())) {
                continue;
            }
            double d = Math.abs(hue - PALETTE_HUES[i]) % 360;
            best = Math.min(best, d > 180 ? 360 - d : d);
        }
        return best;
    }

    /**
     * How much farther than the nearest other color a hue may be and still count as this one. The same for every color:
     * the cat's yellow-green eyes read as yellow, exactly as blond hair does, and its red-orange nose as red; a broader
     * "green" or "pink" would find hair highlights or an orange suit on a photo that shows neither.
     */
    private static double margin(NamedColor color) {
        return 15;
    }

    /** Half-width of a color's hue window, in degrees of CIELAB hue angle. */
    private static double window(NamedColor color) {
        return switch (color.name()) {
            case "red", "orange", "brown", "gold", "yellow", "beige" -> 30;
            default -> 50;
        };
    }

    /** The least chroma that counts as having the color at all. */
    private static double chromaFloor(NamedColor color) {
        return switch (color.name()) {
            case "beige" -> 6;
            default -> 14;
        };
    }

    /** The least score a seed pixel needs, whatever the photo shows. */
    private static double floor(NamedColor color) {
        return switch (color.name()) {
            case "black" -> 8;
            case "white" -> 8;
            case "gray" -> 4;
            case "silver" -> 6;
            case "beige" -> 4;
            default -> 10;
        };
    }

    /**
     * The connected area of the seed that is most of the color (highest mean score among the areas of at least a tenth
     * of the largest) and every area nearly as much of it (a mean score at least 85% of the best) and at least a
     * quarter of its size: the two eyes, not the wood grain beside the cup. Null when there is none.
     */
    private static Mat best(Mat mask, float[] score, int n) {
        try (Mats m = new Mats()) {
            Mat labels = m.mat();
            Mat stats = m.mat();
            Mat centroids = m.mat();
            int found = Imgproc.connectedComponentsWithStats(mask, labels, stats, centroids, 8, CvType.CV_32S);
            int largest = 0;
            int[] areas = new int[found];
            double[] sums = new double[found];
            for (int label = 1; label < found; label++) {
                areas[label] = (int) stats.get(label, Imgproc.CC_STAT_AREA)[0];
                largest = Math.max(largest, areas[label]);
            }
            if (largest < Math.max(4, MIN_SHARE * n)) {
                return null;
            }
            int[] label = new int[n];
            labels.get(0, 0, label);
            for (int p = 0; p < n; p++) {
                sums[label[p]] += score[p];
            }
            double floor = Math.max(0.1 * largest, MIN_SHARE * n);
            int best = -1;
            double bestMean = 0;
            for (int k = 1; k < found; k++) {
                double mean = sums[k] / Math.max(1, areas[k]);
                if (areas[k] >= floor && mean > bestMean) {
                    bestMean = mean;
                    best = k;
                }
            }
            if (best < 0) {
                return null;
            }
            boolean[] keep = new boolean[found];
            for (int k = 1; k < found; k++) {
                double mean = sums[k] / Math.max(1, areas[k]);
                keep[k] = k == best || (areas[k] >= 0.25 * areas[best] && areas[k] >= floor && mean >= 0.85 * bestMean);
            }
            byte[] out = new byte[n];
            for (int p = 0; p < n; p++) {
                if (keep[label[p]] && label[p] != 0) {
                    out[p] = (byte) 255;
                }
            }
            return Mats.gray(mask.cols(), mask.rows(), out);
        }
    }

    /**
     * Cuts the thin bridges (a streak of reddish grain) between a large thing and the ground: an area of at least 2% of
     * the image that keeps at least half of itself through a wider opening is replaced by what it keeps; a small or thin
     * thing (a badge's ring, a stripe) stays whole. In place.
     */
    private static void cutBridges(Mat seed, Mats m) {
        Mat wide = m.mat();
        Imgproc.morphologyEx(
                seed, wide, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5)));
        Mat labels = m.mat();
        int found = Imgproc.connectedComponents(seed, labels, 8, CvType.CV_32S);
        int n = seed.rows() * seed.cols();
        int[] label = new int[n];
        labels.get(0, 0, label);
        byte[] narrow = Mats.bytes(seed);
        byte[] opened = Mats.bytes(wide);
        int[] area = new int[found];
        int[] kept = new int[found];
        for (int p = 0; p < n; p++) {
            area[label[p]]++;
            if (opened[p] != 0) {
                kept[label[p]]++;
            }
        }
        byte[] out = new byte[n];
        for (int p = 0; p < n; p++) {
            int k = label[p];
            if (k == 0) {
                continue;
            }
            boolean thick = area[k] >= 0.02 * n && kept[k] >= area[k] / 2;
            if (thick ? opened[p] != 0 : narrow[p] != 0) {
                out[p] = (byte) 255;
            }
        }
        seed.put(0, 0, out);
    }

    /**
     * GrabCut on a box around the seed (grown by a fifth of its size): the seed's inside is sure foreground, the seed
     * probable foreground, the rest of the box probable background, everything else background. Falls back to the
     * seed when GrabCut grows it past three times or shrinks it below a third (a cut that lost the thing).
     */
    private static Mat grabCut(Mat small, Mat seed, Mats m) {
        int sw = small.cols();
        int sh = small.rows();
        Rect box = Imgproc.boundingRect(seed);
        int padX = Math.max(4, box.width / 5);
        int padY = Math.max(4, box.height / 5);
        Rect grown = ContentOps.clip(
                new Rect(box.x - padX, box.y - padY, box.width + 2 * padX, box.height + 2 * padY), small);
        int seedArea = Core.countNonZero(seed);
        if (grown.width < 8 || grown.height < 8 || (grown.width == sw && grown.height == sh)) {
            return seed.clone();
        }
        Mat labels = m.keep(new Mat(small.size(), CvType.CV_8UC1, new Scalar(Imgproc.GC_BGD)));
        Imgproc.rectangle(labels, grown, new Scalar(Imgproc.GC_PR_BGD), Imgproc.FILLED);
        labels.setTo(new Scalar(Imgproc.GC_PR_FGD), seed);
        Mat core = m.mat();
        Imgproc.erode(seed, core, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5)));
        labels.setTo(new Scalar(Imgproc.GC_FGD), core);
        Mat bgModel = m.mat();
        Mat fgModel = m.mat();
        Core.setRNGSeed(GRABCUT_SEED);
        try {
            Imgproc.grabCut(small, labels, new Rect(), bgModel, fgModel, 3, Imgproc.GC_INIT_WITH_MASK);
        } catch (org.opencv.core.CvException e) {
            return seed.clone(); // a model that cannot be fitted (too few pixels of one kind): keep the seed
        }
        Mat sure = m.mat();
        Mat probable = m.mat();
        Core.compare(labels, new Scalar(Imgproc.GC_FGD), sure, Core.CMP_EQ);
        Core.compare(labels, new Scalar(Imgproc.GC_PR_FGD), probable, Core.CMP_EQ);
        Mat out = new Mat();
        Core.bitwise_or(sure, probable, out);
        int area = Core.countNonZero(out);
        if (area > 3 * seedArea || area < seedArea / 3) {
            out.release();
            return seed.clone();
        }
        return out;
    }

    /** Fills the holes of every outer outline (highlights, a pupil, a reflection), in place. */
    static void fillHoles(Mat mask) {
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Mat copy = mask.clone();
        Imgproc.findContours(copy, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
        Imgproc.drawContours(mask, contours, -1, new Scalar(255), Imgproc.FILLED);
        copy.release();
        hierarchy.release();
        for (MatOfPoint contour : contours) {
            contour.release();
        }
    }

    /** sRGB (D65) to and from CIELAB, in floating point. */
    static final class Lab {
        private Lab() {}

        private static final double XN = 0.95047;
        private static final double ZN = 1.08883;
        private static final double[] LINEAR = new double[256];

        static {
            for (int i = 0; i < 256; i++) {
                double c = i / 255.0;
                LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
            }
        }

        /** L* 0–100, a*, b* of an sRGB color. */
        static void of(int r, int g, int b, float[] out) {
            double rl = LINEAR[r];
            double gl = LINEAR[g];
            double bl = LINEAR[b];
            double x = (0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / XN;
            double y = 0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl;
            double z = (0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / ZN;
            double fx = f(x);
            double fy = f(y);
            double fz = f(z);
            out[0] = (float) (116 * fy - 16);
            out[1] = (float) (500 * (fx - fy));
            out[2] = (float) (200 * (fy - fz));
        }

        /** sRGB 0–255 (unclamped doubles) of an L*, a*, b* color, into {r, g, b}. */
        static void toRgb(double l, double a, double b, double[] out) {
            double fy = (l + 16) / 116;
            double fx = fy + a / 500;
            double fz = fy - b / 200;
            double x = XN * fInverse(fx);
            double y = fInverse(fy);
            double z = ZN * fInverse(fz);
            double rl = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
            double gl = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
            double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
            out[0] = 255 * gamma(rl);
            out[1] = 255 * gamma(gl);
            out[2] = 255 * gamma(bl);
        }

        private static double f(double t) {
            return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
        }

        private static double fInverse(double t) {
            double cube = t * t * t;
            return cube > 216.0 / 24389 ? cube : (116 * t - 16) / (24389.0 / 27);
        }

        private static double gamma(double c) {
            c = Math.max(0, Math.min(1, c));
            return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        }
    }
}
