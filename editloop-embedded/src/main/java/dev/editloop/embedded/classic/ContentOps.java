package dev.editloop.embedded.classic;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action.Position;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.FillTexture;
import dev.editloop.embedded.segment.SubjectMatte;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.photo.Photo;

/** Operations on the content: recolor, removal by inpainting, background, text. */
final class ContentOps {
    /** Inpainting works on at most this many hole pixels; larger holes are filled on a smaller copy. */
    private static final int MAX_HOLE_PIXELS = 40_000;

    private ContentOps() {}

    /** A result with what happened, for the editor's notes. */
    record Done(Mat image, boolean applied, String detail) {}

    // ---------------------------------------------------------------------------------------------------------
    // Recolor

    /**
     * Moves the areas of {@code from} ({@link ColorAreas}: the regions people would call by that colour) to {@code to}
     * in CIELAB ({@link #labRecolor}), so that lightness, shading and texture stay; the areas' edge is feathered so that
     * anti-aliased edges change in proportion; of the sky ({@code sky}), only the areas that reach the top edge of the
     * picture. Nothing else changes.
     */
    static Done recolor(Mat src, NamedColor from, NamedColor to, boolean sky) {
        int w = src.cols();
        int h = src.rows();
        byte[] px = Mats.bytes(src);
        ColorAreas.Areas areas = ColorAreas.of(px, w, h, from);
        byte[] mask = areas.mask();
        int count = sky ? ColorAreas.reachingTop(mask, w, h) : areas.count();
        if (count == 0) {
            return new Done(
                    src.clone(),
                    false,
                    "no " + from.name() + (sky ? " sky (areas reaching the top edge)" : " areas") + " found");
        }
        // the areas' anti-aliased rim: pixels next to them that still read as nearly the colour go with them
        byte[] near;
        try (Mats m = new Mats()) {
            Mat grown = m.mat();
            Imgproc.dilate(
                    m.keep(Mats.gray(w, h, mask)),
                    grown,
                    Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 5)));
            near = Mats.bytes(grown);
        }
        for (int p = 0, i = 0; p < mask.length; p++, i += 3) {
            if (mask[p] == 0
                    && near[p] != 0
                    && ColorAreas.nearly(from, px[i + 2] & 0xff, px[i + 1] & 0xff, px[i] & 0xff)) {
                mask[p] = (byte) 255;
            }
        }
        labRecolor(px, feather(mask, w, h), mask, to);
        return new Done(Mats.bgr(w, h, px), true, null);
    }

    /**
     * Keeps the areas of a selection that read as things: connected areas of at least a tenth of the largest one (and
     * of 0.05% of the image), so that specks of the color in a wood grain or a reflection stay as they are when the
     * red cup turns green. Returns the pixels kept.
     */
    static int keepObjects(byte[] selection, int w, int h) {
        try (Mats m = new Mats()) {
            Mat mask = m.keep(Mats.gray(w, h, selection));
            Mat labels = m.mat();
            Mat stats = m.mat();
            Mat centroids = m.mat();
            int found = Imgproc.connectedComponentsWithStats(mask, labels, stats, centroids, 8, CvType.CV_32S);
            int largest = 0;
            int[] areas = new int[found];
            for (int label = 1; label < found; label++) {
                areas[label] = (int) stats.get(label, Imgproc.CC_STAT_AREA)[0];
                largest = Math.max(largest, areas[label]);
            }
            double floor = Math.max(0.02 * largest, 0.002 * w * h);
            int[] label = new int[w * h];
            labels.get(0, 0, label);
            int kept = 0;
            for (int p = 0; p < label.length; p++) {
                if (selection[p] == 0) {
                    continue;
                }
                if (areas[label[p]] >= floor || largest < floor) {
                    kept++;
                } else {
                    selection[p] = 0;
                }
            }
            return kept;
        }
    }

    /**
     * Recolors the thing of a color ({@link ObjectSelection}): in CIELAB its a* and b* move to the target's hue at a chroma
     * scaled from the thing's own, and its lightness moves half-way (or, toward black, white or gray, to the target's
     * lightness with the thing's variation compressed), so that shading and texture stay; the selection's edge is
     * feathered so that a large change of lightness draws no seam. Nothing outside the feathered selection changes.
     */
    static Done recolorThing(Mat src, NamedColor from, NamedColor to, Region place) {
        java.util.Optional<ObjectSelection.Selected> found = ObjectSelection.find(src, from, place);
        if (found.isEmpty()) {
            return new Done(src.clone(), false, "no " + from.name() + " object found" + placeSuffix(place));
        }
        ObjectSelection.Selected sel = found.get();
        int w = src.cols();
        int h = src.rows();
        byte[] px = Mats.bytes(src);
        labRecolor(px, feather(sel.mask(), w, h), sel.mask(), to);
        return new Done(Mats.bgr(w, h, px), true, null);
    }

    /**
     * A colourless recolour target: the lightness L* it sets, how much of the thing's own lightness variation it keeps,
     * and the share of its chroma left.
     */
    private record Neutral(double lightness, double variation, double chroma) {}

    private static final java.util.Map<String, Neutral> NEUTRALS = java.util.Map.of(
            "white", new Neutral(90, 0.5, 0.08),
            "black", new Neutral(12, 0.35, 0.12),
            "gray", new Neutral(55, 0.7, 0.08),
            "silver", new Neutral(75, 0.9, 0.06));

    /**
     * Recolors BGR pixels in CIELAB, each by its weight (0 keeps it, 1 changes it fully): a* and b* move to the
     * target's hue at a chroma scaled from the pixel's own (so that the thing's mean chroma becomes the target's), the
     * lightness moves half-way to the target's (or, for black, white and gray, to the target's lightness with the
     * variation around the mean kept at a third to two thirds); the means are read over {@code stats} (non-zero).
     */
    static void labRecolor(byte[] px, float[] alpha, byte[] stats, NamedColor to) {
        int n = alpha.length;
        float[] lab = new float[3];
        double sumL = 0;
        double sumC = 0;
        int count = 0;
        for (int p = 0, i = 0; p < n; p++, i += 3) {
            if (stats[p] != 0) {
                ObjectSelection.Lab.of(px[i + 2] & 0xff, px[i + 1] & 0xff, px[i] & 0xff, lab);
                sumL += lab[0];
                sumC += Math.hypot(lab[1], lab[2]);
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        double meanL = sumL / count;
        double meanC = sumC / count;
        float[] target = new float[3];
        ObjectSelection.Lab.of(to.r(), to.g(), to.b(), target);
        double targetC = Math.hypot(target[1], target[2]);
        double targetHue = Math.atan2(target[2], target[1]);
        boolean colorless = meanC < 10;
        double[] rgb = new double[3];
        for (int p = 0, i = 0; p < n; p++, i += 3) {
            double t = alpha[p];
            if (t <= 0.003) {
                continue;
            }
            ObjectSelection.Lab.of(px[i + 2] & 0xff, px[i + 1] & 0xff, px[i] & 0xff, lab);
            double l = lab[0];
            double c = Math.hypot(lab[1], lab[2]);
            double nl;
            double nc;
            double hue = targetHue;
            Neutral neutral = NEUTRALS.get(to.name());
            if (neutral != null) {
                // to a colourless target: its lightness, the thing's own variation compressed, nearly no chroma
                nl = neutral.lightness() + (l - meanL) * neutral.variation();
                nc = c * neutral.chroma();
                hue = Math.atan2(lab[2], lab[1]);
            } else {
                nl = l + (colorless ? 0.8 : 0.5) * (target[0] - meanL);
                nc = colorless ? 0.8 * targetC : Math.min(1.3 * targetC, c * targetC / Math.max(12, meanC));
            }
            nl = Math.max(1, Math.min(99, nl));
            ObjectSelection.Lab.toRgb(nl, nc * Math.cos(hue), nc * Math.sin(hue), rgb);
            for (int ch = 0; ch < 3; ch++) {
                int old = px[i + ch] & 0xff;
                double fresh = rgb[2 - ch];
                px[i + ch] = (byte) Hsv.clamp255(old + (fresh - old) * t);
            }
        }
    }

    /** A selection's mask as weights 0–1, feathered over about 0.4% of the shorter side. */
    private static float[] feather(byte[] mask, int w, int h) {
        try (Mats m = new Mats()) {
            Mat a = m.mat();
            m.keep(Mats.gray(w, h, mask)).convertTo(a, CvType.CV_32F, 1 / 255.0);
            double sigma = Math.max(1, Math.min(w, h) / 250.0);
            Imgproc.GaussianBlur(a, a, new Size(0, 0), sigma);
            float[] out = new float[w * h];
            a.get(0, 0, out);
            for (int p = 0; p < out.length; p++) {
                // inside the selection the change is whole; the feather falls off outside it
                if (mask[p] != 0) {
                    out[p] = Math.max(out[p], Math.min(1f, 2 * out[p]));
                }
            }
            return out;
        }
    }

    private static String placeSuffix(Region place) {
        return place == null ? "" : place.suffix();
    }

    /** The largest share of the image a removal fills: a larger hole has too little around it to be filled from. */
    static final double MAX_REMOVAL_SHARE = 0.15;

    /** The largest share a diffusion (Telea) fill is tried on when the patch fill does not look like the ground. */
    static final double MAX_DIFFUSION_SHARE = 0.06;

    /**
     * Removes the thing of a color ({@link ObjectSelection}, in a place when one is named), grown by 1/60 of the
     * shorter side, by filling it with patches of the ground around it ({@link PatchFill}); a thing up to
     * {@link #MAX_DIFFUSION_SHARE} whose patch fill does not look like its ground is filled by diffusion (Telea)
     * instead. The fill is read the way the judge reads one ({@link FillTexture}, and a fill over
     * {@link #MAX_DIFFUSION_SHARE} more strictly): when no fill looks like the ground around it (noisier, flatter, or
     * of other tones), or the thing covers more than {@link #MAX_REMOVAL_SHARE} of the image, nothing is removed and
     * the reason is given.
     */
    static Done removeThing(Mat src, NamedColor color, Region place, long seed) {
        java.util.Optional<ObjectSelection.Selected> found = ObjectSelection.find(src, color, place);
        if (found.isEmpty()) {
            return new Done(src.clone(), false, "no " + color.name() + " object found" + placeSuffix(place));
        }
        return fillAway(src, found.get(), "the " + color.name() + " object", seed);
    }

    /**
     * Removes a selected thing, named {@code what} in the reasons ("the red object"): refused when it covers more than
     * {@link #MAX_REMOVAL_SHARE} of the image; otherwise grown by 1/60 of the shorter side and filled with patches of
     * the ground around it, or by diffusion for a thing up to {@link #MAX_DIFFUSION_SHARE}, and refused with the
     * reading when no fill looks like its ground ({@link #fillFault}); refused too when the selection is no thing on the
     * ground: an outline of something else ({@link #enclosing}) or an area that runs out of the picture
     * ({@link #beyond}). Only the grown mask changes.
     */
    static Done fillAway(Mat src, ObjectSelection.Selected sel, String what, long seed) {
        if (sel.share() > MAX_REMOVAL_SHARE) {
            return new Done(
                    src.clone(),
                    false,
                    String.format(
                            java.util.Locale.ROOT,
                            "%s covers %.0f%% of the image, too large to fill plausibly (at most %.0f%%)",
                            what,
                            100 * sel.share(),
                            100 * MAX_REMOVAL_SHARE));
        }
        String notAThing = enclosing(sel.mat(), what);
        if (notAThing == null) {
            notAThing = beyond(sel.mat(), what);
        }
        if (notAThing != null) {
            return new Done(src.clone(), false, notAThing);
        }
        int w = src.cols();
        int h = src.rows();
        try (Mats m = new Mats()) {
            Mat object = m.keep(sel.mat());
            // grown past the thing's rim and its anti-aliased edge, which a fill would otherwise smear inward
            int grow = Math.max(3, Math.round(Math.min(w, h) / 60f));
            Imgproc.dilate(
                    object,
                    object,
                    Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * grow + 1, 2 * grow + 1)));
            Mat patched = patchFill(src, object, seed);
            boolean large = sel.share() > MAX_DIFFUSION_SHARE;
            String patchedFault =
                    patched == null ? "there is no ground around it to copy" : fillFault(src, patched, large);
            if (patchedFault == null) {
                return new Done(patched, true, null);
            }
            if (patched != null) {
                patched.release();
            }
            String diffusedFault = "";
            if (sel.share() <= MAX_DIFFUSION_SHARE) {
                Mat diffused = inpaint(src, object, false, seed);
                diffusedFault = fillFault(src, diffused, false);
                if (diffusedFault == null) {
                    return new Done(diffused, true, null);
                }
                diffused.release();
                diffusedFault = "; a diffusion fill would show " + diffusedFault;
            }
            return new Done(
                    src.clone(),
                    false,
                    String.format(
                            java.util.Locale.ROOT,
                            "%s (%s of the image) cannot be filled plausibly: a fill from its"
                                    + " surroundings would show %s%s",
                            what,
                            percent(sel.share()),
                            patchedFault,
                            diffusedFault));
        }
    }

    /** The least share of a side of the picture a thing must run along to count as running out of the picture there. */
    static final double EDGE_RUN = 0.02;

    /**
     * Why a thing cannot be taken away, if it runs out of the picture on two sides (along at least {@link #EDGE_RUN} of
     * each): a dark area in a corner, the ground beyond the table's edge, is what lies behind, not a thing on the
     * ground, and a fill from its surroundings would only guess at it. Null when it meets at most one side.
     */
    static String beyond(Mat object, String what) {
        int w = object.cols();
        int h = object.rows();
        String[] names = {"top", "bottom", "left", "right"};
        java.util.List<String> met = new java.util.ArrayList<>();
        Mat[] edges = {object.row(0), object.row(h - 1), object.col(0), object.col(w - 1)};
        for (int k = 0; k < edges.length; k++) {
            int length = k < 2 ? w : h;
            if (Core.countNonZero(edges[k]) >= Math.max(2, EDGE_RUN * length)) {
                met.add(names[k]);
            }
            edges[k].release();
        }
        if (met.size() < 2) {
            return null;
        }
        return what + " runs out of the picture at the " + String.join(" and the ", met)
                + ": it is what lies beyond, not a thing on the ground, and a fill from its surroundings would only"
                + " guess at it";
    }

    /** How many times its own area a thing's convex hull must hold beyond it for the thing to wrap around it. */
    static final double WRAP_HOLE = 3;

    /**
     * The thickest a wrapping thing may be (twice its area over its outline), as a share of the size of what it wraps
     * (the square root of its convex hull's area).
     */
    static final double WRAP_THICKNESS = 0.1;

    /**
     * Why a thing cannot be taken away, if it is an outline around something else rather than a thing: thin (twice
     * its area over the length of its outline under {@link #WRAP_THICKNESS} of the size of its convex hull) and wrapped around
     * an area of at least {@link #WRAP_HOLE} times its own (its convex hull beyond it): the bright rim of a cup around
     * the coffee, a highlight along an edge. Filling it erases an edge of something else and leaves that thing bitten;
     * nothing is removed. Null when the thing is no such outline.
     */
    static String enclosing(Mat object, String what) {
        java.util.List<MatOfPoint> contours = new java.util.ArrayList<>();
        Mat hierarchy = new Mat();
        Mat copy = object.clone();
        Imgproc.findContours(copy, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
        copy.release();
        hierarchy.release();
        java.util.List<Point> points = new java.util.ArrayList<>();
        double outline = 0;
        for (MatOfPoint contour : contours) {
            points.addAll(contour.toList());
            org.opencv.core.MatOfPoint2f curve = new org.opencv.core.MatOfPoint2f(contour.toArray());
            outline += Imgproc.arcLength(curve, true);
            curve.release();
            contour.release();
        }
        double area = Core.countNonZero(object);
        if (points.size() < 3 || area < 1 || outline < 1) {
            return null;
        }
        double thickness = 2 * area / outline;
        MatOfPoint all = new MatOfPoint();
        all.fromList(points);
        org.opencv.core.MatOfInt hullIndex = new org.opencv.core.MatOfInt();
        Imgproc.convexHull(all, hullIndex);
        java.util.List<Point> hull = new java.util.ArrayList<>();
        for (int index : hullIndex.toArray()) {
            hull.add(points.get(index));
        }
        org.opencv.core.MatOfPoint2f hullCurve = new org.opencv.core.MatOfPoint2f(hull.toArray(new Point[0]));
        double hullArea = Imgproc.contourArea(hullCurve);
        hullCurve.release();
        all.release();
        hullIndex.release();
        double held = (hullArea - area) / area;
        if (held < WRAP_HOLE || thickness >= WRAP_THICKNESS * Math.sqrt(hullArea)) {
            return null;
        }
        return String.format(
                java.util.Locale.ROOT,
                "%s is a thin outline around something else (%.0f pixels thick, wrapped around %.0f times its own"
                        + " area), not a thing: filling it would erase an edge and leave what it outlines bitten",
                what,
                thickness,
                held);
    }

    /**
     * Fills the mask (255 = fill) with patches of its surroundings ({@link PatchFill}) on a crop around it: the hole's
     * bounding box grown by 60% of its larger side on each side. Only the mask changes. Null when nothing around the
     * hole can be copied.
     */
    static Mat patchFill(Mat src, Mat mask, long seed) {
        Rect box = Imgproc.boundingRect(mask);
        int pad = (int) Math.ceil(0.6 * Math.max(box.width, box.height)) + 2 * PatchFill.PATCH;
        Rect roi = clip(new Rect(box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad), src);
        try (Mats m = new Mats()) {
            Mat crop = m.keep(src.submat(roi).clone());
            byte[] px = Mats.bytes(crop);
            byte[] holes = Mats.bytes(m.keep(mask.submat(roi).clone()));
            boolean[] hole = new boolean[holes.length];
            for (int p = 0; p < hole.length; p++) {
                hole[p] = holes[p] != 0;
            }
            if (!PatchFill.fill(px, hole, roi.width, roi.height, seed)) {
                return null;
            }
            Mat filled = m.keep(Mats.bgr(roi.width, roi.height, px));
            Mat out = src.clone();
            filled.copyTo(out.submat(roi), m.keep(mask.submat(roi).clone()));
            return out;
        }
    }

    /**
     * What a fill would look like at a glance, read as the judge reads a removal ({@link FillTexture}, with the judge's
     * thresholds): null when it looks like its ground, else the defect in words.
     */
    static String fillFault(Mat src, Mat filled, boolean large) {
        FillTexture.Reading f = FillTexture.of(Comparison.of(picture(src), picture(filled)));
        if (!f.applies()) {
            return null;
        }
        if (f.removalPenalty() > MAX_FILL_PENALTY) {
            return f.removalDefect();
        }
        if (large) {
            // a large fill that the judge's thresholds only just let pass still shows (a pale patch copied into a
            // cat's fur reads noise ×0.73, texture ×0.71, tones 15 levels away): it must read like its ground
            boolean smoother = f.ringTexture() >= 4 && Math.min(f.noiseRatio(), f.flatness()) < LARGE_FILL_TEXTURE;
            boolean tones = f.toneDistance() > LARGE_FILL_TONES || f.relativeStep() > 1;
            if (smoother || tones) {
                return (smoother ? "a patch smoother than its ground" : "a patch of tones its ground does not have")
                        + String.format(
                                java.util.Locale.ROOT,
                                " (noise ×%.2f its surroundings, texture ×%.2f, tones %.0f levels from the ground's;"
                                        + " a fill over %.0f%% of the image must read within ×%.2f and %.0f levels)",
                                f.noiseRatio(),
                                f.flatness(),
                                f.toneDistance(),
                                100 * MAX_DIFFUSION_SHARE,
                                LARGE_FILL_TEXTURE,
                                LARGE_FILL_TONES);
            }
        }
        return null;
    }

    /** The least noise and texture ratio, to its ground, of a fill over {@link #MAX_DIFFUSION_SHARE}. */
    private static final double LARGE_FILL_TEXTURE = 0.8;

    /** The largest tone distance (levels) from its ground of a fill over {@link #MAX_DIFFUSION_SHARE}. */
    private static final double LARGE_FILL_TONES = 10;

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, share < 0.095 ? "%.1f%%" : "%.0f%%", 100 * share);
    }

    /** The most a fill may cost in the judge's quality score and still be handed back. */
    private static final double MAX_FILL_PENALTY = 1;

    private static Picture picture(Mat bgr) {
        return Picture.ofBgr(bgr.cols(), bgr.rows(), Mats.bytes(bgr));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Removal

    /** Inpaints the largest connected area of the color (filled, dilated a little); nothing when there is none. */
    static Done removeColored(Mat src, NamedColor color, long seed) {
        int w = src.cols();
        int h = src.rows();
        byte[] px = Mats.bytes(src);
        byte[] sel = new byte[w * h];
        for (int p = 0, i = 0; p < sel.length; p++, i += 3) {
            if (color.selects(px[i + 2] & 0xff, px[i + 1] & 0xff, px[i] & 0xff)) {
                sel[p] = (byte) 255;
            }
        }
        try (Mats m = new Mats()) {
            Mat mask = m.keep(Mats.gray(w, h, sel));
            Imgproc.morphologyEx(
                    mask, mask, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
            Mat labels = m.mat();
            Mat stats = m.mat();
            Mat centroids = m.mat();
            int found = Imgproc.connectedComponentsWithStats(mask, labels, stats, centroids, 8, CvType.CV_32S);
            int best = -1;
            int bestArea = 0;
            for (int label = 1; label < found; label++) {
                int area = (int) stats.get(label, Imgproc.CC_STAT_AREA)[0];
                if (area > bestArea) {
                    bestArea = area;
                    best = label;
                }
            }
            int minArea = Math.max(16, (int) (0.0002 * w * h));
            if (best < 0 || bestArea < minArea) {
                return new Done(src.clone(), false, "no " + color.name() + " object found");
            }
            Mat object = m.mat();
            Core.compare(labels, new Scalar(best), object, Core.CMP_EQ);
            // fill holes (highlights, texture) by drawing the outer outline filled
            java.util.List<MatOfPoint> contours = new java.util.ArrayList<>();
            Mat hierarchy = m.mat();
            Imgproc.findContours(object.clone(), contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
            Imgproc.drawContours(object, contours, -1, new Scalar(255), Imgproc.FILLED);
            for (MatOfPoint contour : contours) {
                contour.release();
            }
            int grow = Math.max(3, Math.round(Math.min(w, h) / 100f));
            Imgproc.dilate(
                    object,
                    object,
                    Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * grow + 1, 2 * grow + 1)));
            Mat out = inpaint(src, object, false, seed);
            return new Done(out, true, null);
        }
    }

    /**
     * Removes the one distinct thing in a named region ({@link RegionThing}: a thing that stands apart from the ground
     * around it, mostly inside the region, on one ground and not on the picture's main subject) the way a thing of a
     * color is removed ({@link #fillAway}); when the region holds no such thing, nothing changes and the reason is
     * given.
     */
    static Done removeRegion(Mat src, Region region, long seed) {
        RegionThing.Found found = RegionThing.find(src, region);
        if (found.thing() == null) {
            return new Done(src.clone(), false, found.refusal());
        }
        return fillAway(src, found.thing(), "the thing in " + region.phrase(), seed);
    }

    /**
     * Fills the mask (255 = fill) from its surroundings: Telea inpainting, or a smooth multi-scale fill, then grain
     * matching the noise around the hole. Only the mask changes: every other pixel stays bit-identical. Large holes
     * are Telea-filled on a downscaled crop and scaled back.
     */
    static Mat inpaint(Mat src, Mat mask, boolean smooth, long seed) {
        Rect box = Imgproc.boundingRect(mask);
        int area = Core.countNonZero(mask);
        double factor = smooth ? 1 : Math.max(1, Math.sqrt(area / (double) MAX_HOLE_PIXELS));
        int pad = (int) Math.ceil(12 * factor);
        Rect roi = clip(new Rect(box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad), src);
        try (Mats m = new Mats()) {
            Mat crop = m.keep(src.submat(roi).clone());
            Mat holes = m.keep(mask.submat(roi).clone());
            Mat filled;
            if (smooth) {
                filled = m.keep(pushPull(crop, holes));
            } else if (factor <= 1.01) {
                filled = m.mat();
                Photo.inpaint(crop, holes, filled, 5, Photo.INPAINT_TELEA);
            } else {
                Size small = new Size(
                        Math.max(1, Math.round(roi.width / factor)), Math.max(1, Math.round(roi.height / factor)));
                Mat smallCrop = m.mat();
                Mat smallHoles = m.mat();
                Imgproc.resize(crop, smallCrop, small, 0, 0, Imgproc.INTER_AREA);
                Imgproc.resize(holes, smallHoles, small, 0, 0, Imgproc.INTER_NEAREST);
                Imgproc.dilate(smallHoles, smallHoles, new Mat());
                Mat smallFilled = m.mat();
                Photo.inpaint(smallCrop, smallHoles, smallFilled, 5, Photo.INPAINT_TELEA);
                filled = m.mat();
                Imgproc.resize(smallFilled, filled, crop.size(), 0, 0, Imgproc.INTER_LINEAR);
            }
            Mat grainy = m.keep(matchGrain(crop, holes, filled, seed));
            Mat out = src.clone();
            grainy.copyTo(out.submat(roi), holes);
            return out;
        }
    }

    /**
     * Push-pull fill: the known pixels are averaged down a pyramid (weighted by how much of each cell is known),
     * then the holes are filled back up from the coarser levels. The fill meets the hole's edge exactly and varies
     * smoothly inside.
     */
    static Mat pushPull(Mat crop, Mat holes) {
        try (Mats m = new Mats()) {
            java.util.List<Mat> colors = new java.util.ArrayList<>();
            java.util.List<Mat> weights = new java.util.ArrayList<>();
            Mat c0 = m.mat();
            crop.convertTo(c0, CvType.CV_32FC3);
            Mat w0 = m.mat();
            holes.convertTo(w0, CvType.CV_32F, -1 / 255.0, 1); // 1 known, 0 hole
            colors.add(c0);
            weights.add(w0);
            while (Math.min(
                            colors.get(colors.size() - 1).cols(),
                            colors.get(colors.size() - 1).rows())
                    > 2) {
                Mat c = colors.get(colors.size() - 1);
                Mat w = weights.get(weights.size() - 1);
                Mat cw = m.mat();
                Core.multiply(c, three(m, w), cw);
                Mat downCw = m.mat();
                Mat downW = m.mat();
                Imgproc.pyrDown(cw, downCw);
                Imgproc.pyrDown(w, downW);
                Mat safe = m.mat();
                Core.max(downW, new Scalar(1e-6), safe);
                Mat next = m.mat();
                Core.divide(downCw, three(m, safe), next);
                Mat nextW = m.mat();
                Core.multiply(downW, new Scalar(4), nextW);
                Core.min(nextW, new Scalar(1), nextW);
                colors.add(next);
                weights.add(nextW);
            }
            for (int k = colors.size() - 2; k >= 0; k--) {
                Mat c = colors.get(k);
                Mat w3 = three(m, weights.get(k));
                Mat up = m.mat();
                Imgproc.pyrUp(colors.get(k + 1), up, c.size());
                Mat known = m.mat();
                Core.multiply(c, w3, known);
                Mat inverse = m.mat();
                Core.subtract(new Mat(w3.size(), w3.type(), new Scalar(1, 1, 1)), w3, inverse);
                Mat guessed = m.mat();
                Core.multiply(up, inverse, guessed);
                Core.add(known, guessed, c);
            }
            Mat out = new Mat();
            colors.get(0).convertTo(out, CvType.CV_8UC3);
            return out;
        }
    }

    private static Mat three(Mats m, Mat single) {
        Mat out = m.mat();
        Core.merge(java.util.List.of(single, single, single), out);
        return out;
    }

    /** Adds seeded monochrome noise to the filled pixels, as strong as the fine noise around the hole. */
    private static Mat matchGrain(Mat crop, Mat holes, Mat filled, long seed) {
        try (Mats m = new Mats()) {
            Mat gray = m.mat();
            Imgproc.cvtColor(crop, gray, Imgproc.COLOR_BGR2GRAY);
            Mat gray32 = m.mat();
            gray.convertTo(gray32, CvType.CV_32F);
            Mat smooth = m.mat();
            Imgproc.GaussianBlur(gray32, smooth, new Size(0, 0), 1.5);
            Mat residual = m.mat();
            Core.subtract(gray32, smooth, residual);
            Mat known = m.mat();
            Core.bitwise_not(holes, known);
            Imgproc.erode(known, known, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 5)));
            org.opencv.core.MatOfDouble mean = new org.opencv.core.MatOfDouble();
            org.opencv.core.MatOfDouble std = new org.opencv.core.MatOfDouble();
            Core.meanStdDev(residual, mean, std, known);
            double sigma = Math.min(20, std.toArray()[0]);
            mean.release();
            std.release();
            if (!(sigma > 0.5)) {
                return filled.clone();
            }
            byte[] px = Mats.bytes(filled);
            byte[] hole = Mats.bytes(holes);
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            for (int p = 0, i = 0; p < hole.length; p++, i += 3) {
                if (hole[p] == 0) {
                    continue;
                }
                double n = random.nextGaussian() * sigma;
                for (int c = 0; c < 3; c++) {
                    px[i + c] = (byte) Hsv.clamp255((px[i + c] & 0xff) + n);
                }
            }
            return Mats.bgr(filled.cols(), filled.rows(), px);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Background

    /**
     * Separates the subject ({@link SubjectMatte}: saliency, GrabCut, an edge-aware matte) and blurs or fills the rest.
     * The subject's pixels are kept exactly; only a thin band along its edge is blended. The blur is a normalised one
     * (the background blurred with the subject weighted out, divided by the blurred weight), so the subject's colours
     * do not bleed into the blurred background as a halo.
     */
    static Done background(Mat src, NamedColor color, Action.Adjust tone, int scale, long seed) {
        int w = src.cols();
        int h = src.rows();
        SubjectMatte matte = SubjectMatte.of(src);
        String detail = matte.found() ? null : "no clear subject found, kept the central area as the subject";
        float[] a = matte.alpha();
        try (Mats m = new Mats()) {
            Mat back;
            if (tone != null) {
                Picture toned = ClassicOperations.apply(dev.editloop.embedded.OpenCv.toPicture(src), tone, seed);
                back = m.keep(dev.editloop.embedded.OpenCv.toMat(toned));
            } else if (color == null) {
                back = m.keep(normalisedBlur(src, a, scale / 40.0, m));
            } else {
                back = m.keep(new Mat(src.size(), src.type(), new Scalar(color.b(), color.g(), color.r())));
            }
            byte[] front = Mats.bytes(src);
            byte[] rear = Mats.bytes(back);
            for (int p = 0, i = 0; p < a.length; p++, i += 3) {
                double t = a[p];
                if (t >= 1) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    int f = front[i + c] & 0xff;
                    int b = rear[i + c] & 0xff;
                    front[i + c] = (byte) Hsv.clamp255(b + (f - b) * t);
                }
            }
            return new Done(Mats.bgr(w, h, front), true, detail);
        }
    }

    /** The picture blurred with the subject weighted out: blur(src·(1−α)) / blur(1−α), the source where that is 0. */
    private static Mat normalisedBlur(Mat src, float[] alpha, double sigma, Mats m) {
        Mat weight = m.keep(new Mat(src.rows(), src.cols(), CvType.CV_32F));
        float[] wv = new float[alpha.length];
        for (int p = 0; p < wv.length; p++) {
            wv[p] = 1 - alpha[p];
        }
        weight.put(0, 0, wv);
        Mat f = m.mat();
        src.convertTo(f, CvType.CV_32FC3);
        Mat w3 = m.mat();
        Core.merge(java.util.List.of(weight, weight, weight), w3);
        Mat weighted = m.mat();
        Core.multiply(f, w3, weighted);
        Mat num = m.keep(Mats.gaussian(weighted, sigma));
        Mat den = m.keep(Mats.gaussian(weight, sigma));
        float[] nv = new float[src.rows() * src.cols() * 3];
        float[] dv = new float[src.rows() * src.cols()];
        num.get(0, 0, nv);
        den.get(0, 0, dv);
        byte[] px = Mats.bytes(src);
        for (int p = 0, i = 0; p < dv.length; p++, i += 3) {
            if (dv[p] > 1e-3f) {
                for (int c = 0; c < 3; c++) {
                    px[i + c] = (byte) Hsv.clamp255(nv[i + c] / dv[p]);
                }
            }
        }
        return Mats.bgr(src.cols(), src.rows(), px);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Text

    /**
     * Draws the text with an OpenCV Hershey font (no system fonts needed), about 8% of the image height, within
     * 90% of its width, with a thin outline in a contrasting color.
     */
    static Done text(Mat src, String text, Position position, NamedColor color) {
        String ascii = asciiOnly(text);
        int w = src.cols();
        int h = src.rows();
        int font = Imgproc.FONT_HERSHEY_DUPLEX;
        int[] base = new int[1];
        Size unit = Imgproc.getTextSize(ascii, font, 1.0, 2, base);
        double fontScale = Math.max(0.2, h * 0.08 / unit.height);
        if (unit.width * fontScale > w * 0.9) {
            fontScale = Math.max(0.2, w * 0.9 / unit.width);
        }
        int thickness = Math.max(1, (int) Math.round(fontScale * 1.6));
        int outline = thickness + 2 * Math.max(1, (int) Math.round(fontScale * 0.8));
        Size size = Imgproc.getTextSize(ascii, font, fontScale, outline, base);
        int tw = (int) Math.ceil(size.width);
        int th = (int) Math.ceil(size.height);
        int descent = base[0];
        int margin = (int) Math.round(Math.min(w, h) * 0.04) + outline;
        int x = switch (position) {
            case TOP_LEFT, BOTTOM_LEFT -> margin;
            case TOP_RIGHT, BOTTOM_RIGHT -> w - margin - tw;
            default -> (w - tw) / 2;
        };
        int y = switch (position) {
            case TOP, TOP_LEFT, TOP_RIGHT -> margin + th;
            case BOTTOM, BOTTOM_LEFT, BOTTOM_RIGHT -> h - margin - descent;
            case CENTER -> (h + th) / 2;
        };
        double luma = 0.299 * color.r() + 0.587 * color.g() + 0.114 * color.b();
        Scalar edge = luma > 128 ? new Scalar(0, 0, 0) : new Scalar(255, 255, 255);
        Mat out = src.clone();
        Point org = new Point(x, y);
        Imgproc.putText(out, ascii, org, font, fontScale, edge, outline, Imgproc.LINE_AA);
        Imgproc.putText(
                out,
                ascii,
                org,
                font,
                fontScale,
                new Scalar(color.b(), color.g(), color.r()),
                thickness,
                Imgproc.LINE_AA);
        String detail = ascii.equals(text) ? null : "characters outside ASCII were drawn as '?'";
        return new Done(out, true, detail);
    }

    private static String asciiOnly(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints()
                .forEach(c -> sb.append(c >= 32 && c < 127 ? (char) c : Character.isWhitespace(c) ? ' ' : '?'));
        return sb.toString();
    }

    static Rect clip(Rect r, Mat image) {
        int x0 = Math.max(0, r.x);
        int y0 = Math.max(0, r.y);
        int x1 = Math.min(image.cols(), r.x + r.width);
        int y1 = Math.min(image.rows(), r.y + r.height);
        return new Rect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
