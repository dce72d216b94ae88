package dev.editloop.embedded.classic;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The areas a colour word picks in one picture ("the blue areas", "the orange", "change blue to red"): one rule for
 * the editor, which recolours them, and the judge, which checks that they lost the colour.
 *
 * <p>A chromatic word picks whole regions, as a person names things by their overall colour, not pixel by pixel:
 *
 * <ol>
 *   <li>The picture, at most {@link #WORK_SIDE} pixels on its longer side and lightly smoothed, is split into regions
 *       of one material ({@link Segments}): the lit and the shaded side of a saucer are one region, the saucer and the
 *       table under it two.
 *   <li>Each pixel is called by the group of its nearest named sample ({@link ColorNames}); a region is the word's
 *       when most of it has a colour, at least {@link #OWN_SHARE} of that colour is the word's, and no other word calls
 *       clearly more of it. The astronaut's red-orange suit is "the orange", the flag's stripes "the red"; a cup's lit
 *       rim, orange to a pixel rule, goes with its red cup.
 *   <li>Within those regions, the pixels still nearly the colour ({@link ColorNames.Word#nearly}) are the areas: a
 *       white highlight on a red cup stays white. At full size the regions are scaled up and the same test is read on
 *       each pixel.
 *   <li>Specks are left out ({@link ContentOps#keepObjects}).
 *   <li>Large, plain areas (a sky) are keyed pixel by pixel against their own colour nearby ({@link #key}): the sky
 *       seen between the girders of a tower, which the regions call one with the girders, joins them.
 * </ol>
 *
 * Black, white, gray and silver are read by brightness and saturation, pixel by pixel ({@link NamedColor#selects}).
 */
public final class ColorAreas {
    /** The longer side of the plane regions are read on: the judge's sample plane, so both read the same regions. */
    static final int WORK_SIDE = 384;

    /** The segmentation's merge scale ({@link Segments}). */
    static final double MERGE = 40;

    /** The fewest pixels of a region on the working plane. */
    static final int MIN_REGION = 50;

    /** The least share of a region's coloured pixels that the word must call. */
    static final double OWN_SHARE = 0.5;

    /** A region is not the word's when another word calls more than 1 / this of what the word calls. */
    static final double OTHER_FACTOR = 1.5;

    private ColorAreas() {}

    /**
     * The areas of a colour (255 = selected) and how many pixels they hold.
     *
     * @param mask 255 where the colour is
     * @param count the number of selected pixels
     */
    public record Areas(byte[] mask, int count) {}

    /** The areas of {@code color} in the BGR pixels of a {@code w}×{@code h} picture. */
    public static Areas of(byte[] bgr, int w, int h, NamedColor color) {
        ColorNames.Word word = ColorNames.word(color);
        byte[] mask = word == null ? byRule(bgr, w, h, color) : refine(bgr, w, h, byRegions(bgr, w, h, word));
        int kept = ContentOps.keepObjects(mask, w, h);
        if (word == null) {
            return new Areas(mask, kept);
        }
        // keyed after the specks are dropped: the gaps of a lattice are specks by size, but each was read against the
        // colour of the large area around it
        byte[] keyed = key(bgr, w, h, mask);
        return new Areas(keyed, count(keyed));
    }

    private static int count(byte[] mask) {
        int n = 0;
        for (byte b : mask) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    /** Things in front of the sky up to twice this share of the shorter side thick do not cut it in two. */
    static final double BRIDGE = 0.012;

    /**
     * Keeps only the areas that reach the top edge of the picture, the sky of that colour ("the blue sky": a blue car
     * below it is not), connected across things thinner than {@link #BRIDGE} of the shorter side; returns the pixels
     * kept.
     */
    public static int reachingTop(byte[] mask, int w, int h) {
        try (Mats m = new Mats()) {
            // joined across thin things in front (the girders of a tower), whose gaps are sky too
            Mat joined = m.mat();
            int bridge = Math.max(1, (int) Math.round(Math.min(w, h) * BRIDGE));
            Imgproc.dilate(
                    m.keep(Mats.gray(w, h, mask)),
                    joined,
                    Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * bridge + 1, 2 * bridge + 1)));
            Mat labels = m.mat();
            int found = Imgproc.connectedComponents(joined, labels, 8, CvType.CV_32S);
            int[] label = new int[w * h];
            labels.get(0, 0, label);
            boolean[] top = new boolean[found];
            for (int x = 0; x < w; x++) {
                top[label[x]] |= mask[x] != 0;
            }
            int kept = 0;
            for (int p = 0; p < mask.length; p++) {
                if (mask[p] != 0 && top[label[p]]) {
                    kept++;
                } else {
                    mask[p] = 0;
                }
            }
            return kept;
        }
    }

    /**
     * Whether a pixel still reads as nearly the colour: what a recolour of the colour's areas must have left none of.
     */
    public static boolean nearly(NamedColor color, int red, int green, int blue) {
        ColorNames.Word word = ColorNames.word(color);
        return word == null ? color.selects(red, green, blue) : word.nearly(red, green, blue);
    }

    /** How far (ΔE) a recoloured pixel must have moved for its nearest named colour alone to say it changed. */
    static final double MOVED = 10;

    /**
     * Whether a pixel of the colour's areas still reads as the colour after an edit: nearly the colour ({@link #nearly}),
     * and either still nearest to one of the colour's named samples or hardly moved (under {@link #MOVED} ΔE) from the
     * source. A blue sky turned purple reads purple even where a purple that dark lies within blue's margin, while a
     * pixel the edit did not touch counts as the colour it was.
     */
    public static boolean stillReads(NamedColor color, int red, int green, int blue, int red0, int green0, int blue0) {
        if (!nearly(color, red, green, blue)) {
            return false;
        }
        ColorNames.Word word = ColorNames.word(color);
        if (word == null || word.calls(red, green, blue)) {
            return true;
        }
        float[] a = new float[3];
        float[] b = new float[3];
        ObjectSelection.Lab.of(red, green, blue, a);
        ObjectSelection.Lab.of(red0, green0, blue0, b);
        double dl = a[0] - b[0];
        double da = a[1] - b[1];
        double db = a[2] - b[2];
        return Math.sqrt(dl * dl + da * da + db * db) < MOVED;
    }

    private static byte[] byRule(byte[] raw, int w, int h, NamedColor color) {
        // read on a lightly smoothed copy, so that a textured thing reads as areas rather than a spray of specks
        byte[] bgr = smooth(raw, w, h, Math.max(1.0, Math.min(w, h) / 400.0));
        NamedColor.Rule rule = color.hsvRule();
        byte[] mask = new byte[w * h];
        for (int p = 0, i = 0; p < mask.length; p++, i += 3) {
            if (rule.test(bgr[i + 2] & 0xff, bgr[i + 1] & 0xff, bgr[i] & 0xff)) {
                mask[p] = (byte) 255;
            }
        }
        return mask;
    }

    private static byte[] byRegions(byte[] bgr, int w, int h, ColorNames.Word word) {
        int longer = Math.max(w, h);
        int ww = w;
        int wh = h;
        byte[] work = bgr;
        if (longer > WORK_SIDE) {
            double scale = (double) WORK_SIDE / longer;
            ww = Math.max(1, (int) Math.round(w * scale));
            wh = Math.max(1, (int) Math.round(h * scale));
            work = resize(bgr, w, h, ww, wh, Imgproc.INTER_AREA);
        }
        byte[] smooth = smooth(work, ww, wh);
        int n = ww * wh;
        float[] lab = new float[3 * n];
        int[] group = new int[n];
        float[] one = new float[3];
        for (int p = 0, i = 0; p < n; p++, i += 3) {
            int r = smooth[i + 2] & 0xff;
            int g = smooth[i + 1] & 0xff;
            int b = smooth[i] & 0xff;
            ObjectSelection.Lab.of(r, g, b, one);
            System.arraycopy(one, 0, lab, 3 * p, 3);
            group[p] = ColorNames.groupOf(r, g, b);
        }
        int[] region = Segments.of(lab, ww, wh, MERGE, MIN_REGION);
        int regions = 0;
        for (int label : region) {
            regions = Math.max(regions, label + 1);
        }
        region = materials(region, regions, lab, ww, wh);
        regions = 0;
        for (int label : region) {
            regions = Math.max(regions, label + 1);
        }
        int groups = ColorNames.groups();
        int[][] counts = new int[regions][groups];
        int[] sizes = new int[regions];
        for (int p = 0; p < n; p++) {
            sizes[region[p]]++;
            if (group[p] >= 0) {
                counts[region[p]][group[p]]++;
            }
        }
        boolean[] chosen = new boolean[regions];
        boolean any = false;
        for (int r = 0; r < regions; r++) {
            int coloured = 0;
            int own = 0;
            int other = 0;
            for (int g = 0; g < groups; g++) {
                coloured += counts[r][g];
                if (word.calls(g)) {
                    own += counts[r][g];
                } else {
                    other = Math.max(other, counts[r][g]);
                }
            }
            chosen[r] = coloured >= 0.5 * sizes[r] && own >= OWN_SHARE * coloured && own >= OTHER_FACTOR * other;
            any |= chosen[r];
        }
        byte[] mask = new byte[w * h];
        if (!any) {
            return mask;
        }
        if (ww == w && wh == h) {
            for (int p = 0, i = 0; p < n; p++, i += 3) {
                if (chosen[region[p]] && word.nearly(smooth[i + 2] & 0xff, smooth[i + 1] & 0xff, smooth[i] & 0xff)) {
                    mask[p] = (byte) 255;
                }
            }
            return mask;
        }
        byte[] workMask = new byte[n];
        for (int p = 0; p < n; p++) {
            if (chosen[region[p]]) {
                workMask[p] = (byte) 255;
            }
        }
        byte[] scaled = resizeGray(workMask, ww, wh, w, h);
        byte[] fullSmooth = smooth(bgr, w, h);
        for (int p = 0, i = 0; p < mask.length; p++, i += 3) {
            if ((scaled[p] & 0xff) >= 128
                    && word.nearly(fullSmooth[i + 2] & 0xff, fullSmooth[i + 1] & 0xff, fullSmooth[i] & 0xff)) {
                mask[p] = (byte) 255;
            }
        }
        return mask;
    }

    /**
     * The longer side of the plane GrabCut redraws the areas on: the regions' plane (on a coarser one a spoon that
     * mirrors a red saucer is taken for red).
     */
    static final int CUT_SIDE = WORK_SIDE;

    /** GrabCut's sure core: the areas shrunk by this share of the picture's shorter side. */
    static final double CORE_SHRINK = 3 / 60.0;

    /** How far past the areas GrabCut may reach: this share of the picture's shorter side. */
    static final double REACH = 4 / 60.0;

    /** The widest Lab hue gap (degrees) from the areas' mean hue of a pixel GrabCut adds. */
    static final double ADDED_HUE = 30;

    /** The least Lab chroma of a pixel GrabCut adds (a white highlight or a silver spoon stays out). */
    static final double ADDED_CHROMA = 8;

    /**
     * The areas' outline redrawn by the picture's own colours (GrabCut, four rounds on the {@link #CUT_SIDE} plane):
     * the areas are probable foreground with a sure core well inside them; a band of {@link #REACH} around them and
     * the convex hull of each area (a shade inside a thing) probable background; the rest sure background. A region
     * rule cuts where regions happen to split, so a saucer's deep shade under the cup is left out while a reddish
     * streak of wood beside it is taken; GrabCut's colour models follow the material instead. Pixels it adds must be
     * of the areas' hue (within {@link #ADDED_HUE}°) and have some chroma. Falls back to the areas when the cut grows
     * them past twice or halves them.
     */
    static byte[] refine(byte[] bgr, int w, int h, byte[] mask) {
        int before = count(mask);
        if (before == 0) {
            return mask;
        }
        int longer = Math.max(w, h);
        double scale = Math.min(1.0, (double) CUT_SIDE / longer);
        int ww = Math.max(1, (int) Math.round(w * scale));
        int wh = Math.max(1, (int) Math.round(h * scale));
        byte[] cut;
        double sa = 0;
        double sb = 0;
        try (Mats m = new Mats()) {
            Mat small = m.keep(Mats.bgr(ww, wh, scale < 1 ? resize(bgr, w, h, ww, wh, Imgproc.INTER_AREA) : bgr));
            Mat seed = m.keep(Mats.gray(ww, wh, scale < 1 ? resizeGray(mask, w, h, ww, wh) : mask));
            Imgproc.threshold(seed, seed, 127, 255, Imgproc.THRESH_BINARY);
            int side = Math.min(ww, wh);
            int shrink = Math.max(2, (int) Math.round(side * CORE_SHRINK));
            int reach = Math.max(3, (int) Math.round(side * REACH));
            Mat core = m.mat();
            Imgproc.erode(
                    seed,
                    core,
                    Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * shrink + 1, 2 * shrink + 1)));
            Mat band = m.mat();
            Imgproc.dilate(
                    seed,
                    band,
                    Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * reach + 1, 2 * reach + 1)));
            if (Core.countNonZero(core) == 0) {
                return mask;
            }
            // within the hull of each area too: a shade that the region rule left out inside a thing (the deep
            // shadow under a cup) is the colour models' to call
            List<MatOfPoint> outlines = new ArrayList<>();
            Imgproc.findContours(
                    m.keep(seed.clone()), outlines, m.mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
            for (MatOfPoint outline : outlines) {
                MatOfInt hull = new MatOfInt();
                m.keep(hull);
                Imgproc.convexHull(outline, hull);
                Point[] points = outline.toArray();
                int[] index = hull.toArray();
                Point[] corners = new Point[index.length];
                for (int k = 0; k < index.length; k++) {
                    corners[k] = points[index[k]];
                }
                MatOfPoint polygon = new MatOfPoint(corners);
                m.keep(polygon);
                Imgproc.fillConvexPoly(band, polygon, new Scalar(255));
                outline.release();
            }
            Mat labels = m.keep(new Mat(small.size(), CvType.CV_8UC1, new Scalar(Imgproc.GC_BGD)));
            labels.setTo(new Scalar(Imgproc.GC_PR_BGD), band);
            labels.setTo(new Scalar(Imgproc.GC_PR_FGD), seed);
            labels.setTo(new Scalar(Imgproc.GC_FGD), core);
            // cut only around the band, with a margin of sure background to learn the ground's colours from: the
            // cost follows the pixels
            Rect box = Imgproc.boundingRect(band);
            Rect roi = ContentOps.clip(
                    new Rect(box.x - reach, box.y - reach, box.width + 2 * reach, box.height + 2 * reach), small);
            Mat part = m.keep(small.submat(roi).clone());
            Mat partLabels = m.keep(labels.submat(roi).clone());
            Mat bgModel = m.mat();
            Mat fgModel = m.mat();
            Core.setRNGSeed(GRABCUT_SEED);
            try {
                Imgproc.grabCut(part, partLabels, new Rect(), bgModel, fgModel, 4, Imgproc.GC_INIT_WITH_MASK);
            } catch (CvException e) {
                return mask; // a colour model that cannot be fitted: keep the region rule's areas
            }
            partLabels.copyTo(labels.submat(roi));
            cut = Mats.bytes(labels);
            for (int p = 0; p < cut.length; p++) {
                cut[p] = (cut[p] & 1) != 0 ? (byte) 255 : 0; // GC_FGD 1, GC_PR_FGD 3
            }
            // the areas' mean hue, chroma-weighted (the sum of a* and b* over them), read on the cut's plane
            byte[] px = Mats.bytes(small);
            byte[] seeded = Mats.bytes(seed);
            float[] one = new float[3];
            for (int p = 0, i = 0; p < seeded.length; p++, i += 3) {
                if (seeded[p] != 0) {
                    ObjectSelection.Lab.of(px[i + 2] & 0xff, px[i + 1] & 0xff, px[i] & 0xff, one);
                    sa += one[1];
                    sb += one[2];
                }
            }
        }
        byte[] full = scale < 1 ? resizeGray(cut, ww, wh, w, h) : cut;
        float[] lab = new float[3];
        double hue = Math.atan2(sb, sa);
        byte[] out = new byte[mask.length];
        int after = 0;
        for (int p = 0, i = 0; p < mask.length; p++, i += 3) {
            if ((full[p] & 0xff) < 128) {
                continue;
            }
            boolean take = mask[p] != 0;
            if (!take) {
                ObjectSelection.Lab.of(bgr[i + 2] & 0xff, bgr[i + 1] & 0xff, bgr[i] & 0xff, lab);
                double chroma = Math.hypot(lab[1], lab[2]);
                double gap = Math.abs(Math.toDegrees(Math.atan2(lab[2], lab[1]) - hue)) % 360;
                take = chroma >= ADDED_CHROMA && Math.min(gap, 360 - gap) <= ADDED_HUE;
            }
            if (take) {
                out[p] = (byte) 255;
                after++;
            }
        }
        if (after > 2 * before || after < before / 2) {
            return mask;
        }
        return out;
    }

    /** Areas covering at least this share of the picture may be keyed pixel by pixel ({@link #key}). */
    static final double KEY_SHARE = 0.2;

    /** The most fine detail (mean absolute Laplacian of luma, levels, on the cut's plane) of areas that are keyed. */
    static final double KEY_PLAIN = 6;

    /** The widest Lab distance from the areas' colour nearby of a pixel the key adds. */
    static final double KEY_DISTANCE = 12;

    /** How far past the areas (a share of the shorter side) the key looks: a tower's width. */
    static final double KEY_REACH = 1 / 8.0;

    /** How far (a share of the shorter side) the areas' colour is read around a pixel. */
    static final double KEY_SPREAD = 1 / 25.0;

    /** Rounds of the key, each reading the areas' colour again on what it has added. */
    static final int KEY_ROUNDS = 2;

    /**
     * Large, plain areas (a sky) keyed against their own colour pixel by pixel: a region rule and GrabCut both call a
     * lattice and the sky between its girders one region, so the sky seen through a tower stays as it was while the sky
     * beside it changes. The areas' colour near each pixel is read on the cut's plane as a normalised blur of their Lab
     * colour over {@link #KEY_SPREAD} (it follows a sky's gradient from zenith to horizon); a pixel within {@link
     * #KEY_REACH} of the areas whose own colour, read pixel by pixel at full size, lies within {@link #KEY_DISTANCE}
     * of that colour joins them, so that the gaps of a lattice go and its girders stay. Two rounds, the second reading the
     * colour on what the first added. Areas under {@link #KEY_SHARE} of the picture or with fine detail ({@link
     * #KEY_PLAIN}: a wood grain, fur) are kept as they are.
     */
    static byte[] key(byte[] bgr, int w, int h, byte[] mask) {
        int before = count(mask);
        if (before < KEY_SHARE * mask.length) {
            return mask;
        }
        int longer = Math.max(w, h);
        double scale = Math.min(1.0, (double) CUT_SIDE / longer);
        int ww = Math.max(1, (int) Math.round(w * scale));
        int wh = Math.max(1, (int) Math.round(h * scale));
        int n = ww * wh;
        byte[] small = scale < 1 ? resize(bgr, w, h, ww, wh, Imgproc.INTER_AREA) : bgr;
        byte[] out = mask.clone();
        try (Mats m = new Mats()) {
            boolean[] in = inside(scale < 1 ? resizeGray(out, w, h, ww, wh) : out);
            if (!plain(small, in, ww, wh, m)) {
                return mask;
            }
            float[][] lab = labOf(smooth(small, ww, wh, 1.0), n);
            float[][] full = labOf(bgr, w * h);
            int side = Math.min(ww, wh);
            double sigma = Math.max(1.0, side * KEY_SPREAD);
            int reach = Math.max(2, (int) Math.round(side * KEY_REACH));
            for (int round = 0; round < KEY_ROUNDS; round++) {
                Mat[] model = localColour(lab, in, ww, wh, sigma, m);
                Mat near = m.mat();
                Imgproc.dilate(
                        m.keep(Mats.gray(ww, wh, bits(in))),
                        near,
                        Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * reach + 1, 2 * reach + 1)));
                float[] weight = new float[n];
                model[3].get(0, 0, weight);
                byte[] band = Mats.bytes(near);
                for (int p = 0; p < n; p++) {
                    if (weight[p] <= KEY_WEIGHT) {
                        band[p] = 0;
                    }
                }
                byte[] bandFull = scale < 1 ? resizeGray(band, ww, wh, w, h) : band;
                float[][] mean = new float[3][];
                for (int c = 0; c < 3; c++) {
                    Mat up = m.mat();
                    if (scale < 1) {
                        Imgproc.resize(model[c], up, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
                    } else {
                        model[c].copyTo(up);
                    }
                    mean[c] = new float[w * h];
                    up.get(0, 0, mean[c]);
                }
                int added = 0;
                for (int p = 0; p < out.length; p++) {
                    if (out[p] == 0 && (bandFull[p] & 0xff) >= 128 && distance(full, p, mean) < KEY_DISTANCE) {
                        out[p] = (byte) 255;
                        added++;
                    }
                }
                if (added == 0) {
                    break;
                }
                in = inside(scale < 1 ? resizeGray(out, w, h, ww, wh) : out);
            }
        }
        return out;
    }

    /** The least weight of the areas around a pixel (their blurred indicator) at which their colour there is read. */
    static final float KEY_WEIGHT = 0.002f;

    /** Whether areas hold little fine detail: a mean absolute Laplacian of luma under {@link #KEY_PLAIN}. */
    private static boolean plain(byte[] bgr, boolean[] in, int w, int h, Mats m) {
        Mat gray = m.mat();
        Imgproc.cvtColor(m.keep(Mats.bgr(w, h, bgr)), gray, Imgproc.COLOR_BGR2GRAY);
        Mat lap = m.mat();
        Imgproc.Laplacian(gray, lap, CvType.CV_32F);
        float[] detail = new float[w * h];
        lap.get(0, 0, detail);
        double sum = 0;
        int count = 0;
        for (int p = 0; p < detail.length; p++) {
            if (in[p]) {
                sum += Math.abs(detail[p]);
                count++;
            }
        }
        return count > 0 && sum / count <= KEY_PLAIN;
    }

    private static boolean[] inside(byte[] mask) {
        boolean[] in = new boolean[mask.length];
        for (int p = 0; p < mask.length; p++) {
            in[p] = (mask[p] & 0xff) >= 128;
        }
        return in;
    }

    private static float[][] labOf(byte[] bgr, int n) {
        float[][] lab = new float[3][n];
        float[] one = new float[3];
        for (int p = 0, i = 0; p < n; p++, i += 3) {
            ObjectSelection.Lab.of(bgr[i + 2] & 0xff, bgr[i + 1] & 0xff, bgr[i] & 0xff, one);
            lab[0][p] = one[0];
            lab[1][p] = one[1];
            lab[2][p] = one[2];
        }
        return lab;
    }

    /**
     * The areas' Lab colour near each pixel: a Gaussian blur of their colour over a blur of their indicator (the mean
     * of the areas' pixels around, weighted by nearness); the fourth plane is the indicator's blur.
     */
    private static Mat[] localColour(float[][] lab, boolean[] in, int w, int h, double sigma, Mats m) {
        int n = w * h;
        float[] weight = new float[n];
        for (int p = 0; p < n; p++) {
            weight[p] = in[p] ? 1f : 0f;
        }
        Mat den = m.keep(new Mat(h, w, CvType.CV_32F));
        den.put(0, 0, weight);
        Imgproc.GaussianBlur(den, den, new Size(0, 0), sigma);
        Mat[] out = new Mat[4];
        float[] plane = new float[n];
        Mat floor = m.mat();
        Core.max(den, new Scalar(1e-6), floor);
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < n; p++) {
                plane[p] = in[p] ? lab[c][p] : 0f;
            }
            Mat num = m.keep(new Mat(h, w, CvType.CV_32F));
            num.put(0, 0, plane);
            Imgproc.GaussianBlur(num, num, new Size(0, 0), sigma);
            Core.divide(num, floor, num);
            out[c] = num;
        }
        out[3] = den;
        return out;
    }

    private static double distance(float[][] lab, int p, float[][] mean) {
        double dl = lab[0][p] - mean[0][p];
        double da = lab[1][p] - mean[1][p];
        double db = lab[2][p] - mean[2][p];
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    private static byte[] bits(boolean[] in) {
        byte[] out = new byte[in.length];
        for (int p = 0; p < in.length; p++) {
            out[p] = in[p] ? (byte) 255 : 0;
        }
        return out;
    }

    /** Seed of OpenCV's random generator for GrabCut's k-means, so that the areas are the same every time. */
    private static final int GRABCUT_SEED = 20_261_207;

    /**
     * Joins neighbouring regions of one material under different light: the same hue (within {@link #SAME_HUE}°, read
     * where both have chroma of at least {@link #HUE_CHROMA}) and about the same chroma for their lightness (within
     * ×{@link #SAME_RATIO}), sharing at least {@link #SHARED_BORDER} of the smaller one's border, such as a suit and
     * its folds in shadow or a saucer's lit and shaded sides, but not the dark wood beside a red saucer. Pairs are
     * joined closest hue first, each against the joined group's mean, so that a run of small steps does not drift
     * across materials. Returns the material of each pixel, numbered from 0.
     */
    static int[] materials(int[] region, int regions, float[] lab, int w, int h) {
        double[] sl = new double[regions];
        double[] sa = new double[regions];
        double[] sb = new double[regions];
        int[] size = new int[regions];
        for (int p = 0; p < region.length; p++) {
            int r = region[p];
            sl[r] += lab[3 * p];
            sa[r] += lab[3 * p + 1];
            sb[r] += lab[3 * p + 2];
            size[r]++;
        }
        java.util.Map<Long, Integer> shared = new java.util.HashMap<>();
        int[] border = new int[regions];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (x + 1 < w && region[p] != region[p + 1]) {
                    shared.merge(pair(region[p], region[p + 1]), 1, Integer::sum);
                    border[region[p]]++;
                    border[region[p + 1]]++;
                }
                if (y + 1 < h && region[p] != region[p + w]) {
                    shared.merge(pair(region[p], region[p + w]), 1, Integer::sum);
                    border[region[p]]++;
                    border[region[p + w]]++;
                }
            }
        }
        java.util.List<long[]> order = new java.util.ArrayList<>();
        for (java.util.Map.Entry<Long, Integer> e : shared.entrySet()) {
            long key = e.getKey();
            int a = (int) (key >>> 32);
            int b = (int) key;
            // a shade lies within its material: much of the smaller region's border is with the other, and the
            // more so the deeper the shade (the dark wood beside a red saucer is a deep "shade" along a short border)
            double la = sl[a] / size[a];
            double lb = sl[b] / size[b];
            boolean soft = Math.min(la, lb) >= SOFT_SHADE * Math.max(la, lb);
            if (e.getValue() < (soft ? SHARED_BORDER_SOFT : SHARED_BORDER) * Math.min(border[a], border[b])) {
                continue;
            }
            double gap = sameMaterialGap(sl[a], sa[a], sb[a], size[a], sl[b], sa[b], sb[b], size[b]);
            if (gap <= SAME_HUE) {
                order.add(new long[] {Double.doubleToLongBits(gap), a, b});
            }
        }
        order.sort(java.util.Comparator.comparingDouble(e -> Double.longBitsToDouble(e[0])));
        int[] parent = new int[regions];
        for (int r = 0; r < regions; r++) {
            parent[r] = r;
        }
        for (long[] e : order) {
            int a = root(parent, (int) e[1]);
            int b = root(parent, (int) e[2]);
            if (a == b || sameMaterialGap(sl[a], sa[a], sb[a], size[a], sl[b], sa[b], sb[b], size[b]) > SAME_HUE) {
                continue;
            }
            parent[b] = a;
            sl[a] += sl[b];
            sa[a] += sa[b];
            sb[a] += sb[b];
            size[a] += size[b];
        }
        int[] number = new int[regions];
        java.util.Arrays.fill(number, -1);
        int next = 0;
        int[] out = new int[region.length];
        for (int p = 0; p < region.length; p++) {
            int r = root(parent, region[p]);
            if (number[r] < 0) {
                number[r] = next++;
            }
            out[p] = number[r];
        }
        return out;
    }

    /** The least share of the smaller region's border two regions of one material share. */
    static final double SHARED_BORDER = 0.35;

    /** As {@link #SHARED_BORDER} for a soft shade (the darker at least {@link #SOFT_SHADE} of the other's L*). */
    static final double SHARED_BORDER_SOFT = 0.2;

    /** The lightness ratio above which a shade is soft. */
    static final double SOFT_SHADE = 0.6;

    /** Two regions are one material within this hue difference (degrees). */
    static final double SAME_HUE = 8;

    /** The least chroma at which a region's hue is read. */
    static final double HUE_CHROMA = 15;

    /** The most two regions of one material may differ in chroma per lightness (a factor). */
    static final double SAME_RATIO = 1.6;

    /** The hue gap (degrees) of two regions given by their Lab sums, or infinity when they are not one material. */
    private static double sameMaterialGap(
            double l1, double a1, double b1, int n1, double l2, double a2, double b2, int n2) {
        double c1 = Math.hypot(a1, b1) / n1;
        double c2 = Math.hypot(a2, b2) / n2;
        if (c1 < HUE_CHROMA || c2 < HUE_CHROMA) {
            return Double.POSITIVE_INFINITY;
        }
        double r1 = c1 / Math.max(5, l1 / n1);
        double r2 = c2 / Math.max(5, l2 / n2);
        if (Math.max(r1, r2) > SAME_RATIO * Math.min(r1, r2)) {
            return Double.POSITIVE_INFINITY;
        }
        double gap = Math.abs(Math.toDegrees(Math.atan2(b1, a1) - Math.atan2(b2, a2))) % 360;
        return gap > 180 ? 360 - gap : gap;
    }

    private static long pair(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    private static int root(int[] parent, int r) {
        while (parent[r] != r) {
            parent[r] = parent[parent[r]];
            r = parent[r];
        }
        return r;
    }

    private static byte[] smooth(byte[] bgr, int w, int h) {
        return smooth(bgr, w, h, Math.max(1.2, Math.min(w, h) / 300.0));
    }

    private static byte[] smooth(byte[] bgr, int w, int h, double sigma) {
        try (Mats m = new Mats()) {
            Mat src = m.keep(Mats.bgr(w, h, bgr));
            Mat out = m.mat();
            Imgproc.GaussianBlur(src, out, new Size(0, 0), sigma);
            return Mats.bytes(out);
        }
    }

    private static byte[] resize(byte[] bgr, int w, int h, int tw, int th, int interpolation) {
        try (Mats m = new Mats()) {
            Mat src = m.keep(Mats.bgr(w, h, bgr));
            Mat out = m.mat();
            Imgproc.resize(src, out, new Size(tw, th), 0, 0, interpolation);
            return Mats.bytes(out);
        }
    }

    private static byte[] resizeGray(byte[] gray, int w, int h, int tw, int th) {
        try (Mats m = new Mats()) {
            Mat src = m.keep(Mats.gray(w, h, gray));
            Mat out = m.mat();
            Imgproc.resize(src, out, new Size(tw, th), 0, 0, Imgproc.INTER_LINEAR);
            return Mats.bytes(out);
        }
    }
}
