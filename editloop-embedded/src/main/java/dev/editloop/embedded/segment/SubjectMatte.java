package dev.editloop.embedded.segment;

import dev.editloop.embedded.OpenCv;
import dev.editloop.embedded.classic.Mats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The photo's main subject as a soft matte (1 on the subject, 0 on the background), at the photo's own size.
 *
 * <p>How it is found, on a copy of at most {@link #SIDE} pixels:
 *
 * <ol>
 *   <li>saliency: how far each pixel's colour (CIE Lab, lightly smoothed) lies from the colours along each of the four
 *       sides of the frame (each side's band clustered into six colours); a pixel's saliency is the mean of its second
 *       and third nearest sides, so a subject that touches one or two sides (a portrait cut by the bottom edge, a man
 *       standing at the left) still stands out from the others, times a wide centre prior;
 *   <li>GrabCut (four rounds), initialised from a centre-weighted rectangle and that map: the central ellipse and the
 *       most salient pixels sure subject, the rest of the rectangle and salient pixels outside it probable subject
 *       (its least salient pixels probable background), the frame outside the rectangle sure background where it is
 *       not salient, so a subject reaching the edge of the frame is not cut off there;
 *   <li>the subject's pieces: those touching the sure core or at least a fifth of the largest piece, holes filled;
 *   <li>a check of that cut: where its outline runs through one material of the photo for more than 12% of its length
 *       (a cat's face cut out of its own fur, a block of sky kept), the subject by focus is tried (a wide area of little
 *       fine detail reaching the top of the frame or the upper half of its sides is the background: a blurred room, a
 *       plain sky) and taken unless its own outline is markedly worse;
 *   <li>when the focus cut is taken, it is made again on a copy of at most {@link #FINE} pixels, with the plain
 *       background seen through the subject (the sky between a tower's girders) handed back to the background;
 *   <li>when the colour cut is kept, things in front of the subject that it gave to the background (a helmet at the
 *       bottom edge, a table) are added ({@code inFront}: GrabCut again with only the upper half's background as sure
 *       background; a piece standing on the bottom edge, touching the subject and not the frame's upper part, taken
 *       when it does not make the cut's outline run through one material);
 *   <li>the matte: the mask scaled up and refined by a guided filter on the photo's luma (an edge-aware feather that
 *       follows the photo's own edges), then held at exactly 1 inside the subject and 0 well outside it, so that
 *       the subject's pixels are never touched and only a thin edge band is blended; over a plain background (the
 *       focus cut's sky) the matte is instead keyed against the background's colour pixel by pixel ({@code keyed}), so
 *       that a lattice stays crisp and the sky between its girders goes.
 * </ol>
 *
 * When no subject of a plausible size (2% to 92% of the picture) is found, the central ellipse is used and
 * {@link #found()} is false, so callers can say so.
 *
 * @param alpha the matte, row by row, 0–1
 * @param width its width
 * @param height its height
 * @param found whether a subject was found (false: the central ellipse stands in)
 */
public record SubjectMatte(float[] alpha, int width, int height, boolean found) {
    /** Longer side of the copy the subject is first found on. */
    static final int SIDE = 240;

    /** Longer side of the copy the focus cut is made on (and its detail measured on). */
    static final int FINE = 512;

    /** Seed of OpenCV's random generator for GrabCut's k-means, so that the matte is the same every time. */
    private static final int SEED = 20_240_601;

    /** The share of the picture on the subject (alpha above one half). */
    public double subjectShare() {
        int n = 0;
        for (float a : alpha) {
            if (a > 0.5f) {
                n++;
            }
        }
        return (double) n / alpha.length;
    }

    /** The last few pictures' mattes, by fingerprint: a loop judges every turn against the same source. */
    private static final java.util.Map<String, SubjectMatte> RECENT =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, SubjectMatte> eldest) {
                    return size() > 4;
                }
            });

    /** Finds the subject of a picture (remembered for the last few pictures, which a loop asks about each turn). */
    public static SubjectMatte of(dev.editloop.core.image.Picture picture) {
        String key = picture.fingerprint();
        SubjectMatte known = RECENT.get(key);
        if (known != null) {
            return known;
        }
        OpenCv.ensureLoaded();
        Mat mat = OpenCv.toMat(picture);
        try {
            SubjectMatte found = of(mat);
            RECENT.put(key, found);
            return found;
        } finally {
            mat.release();
        }
    }

    /** Finds the subject of a BGR picture. */
    public static SubjectMatte of(Mat bgr) {
        OpenCv.ensureLoaded();
        int w = bgr.cols();
        int h = bgr.rows();
        List<Mat> temps = new ArrayList<>();
        try {
            Mat small = keep(temps, Mats.fit(bgr, SIDE));
            Mat fine = keep(temps, Mats.fit(bgr, FINE));
            int fw = fine.cols();
            int fh = fine.rows();
            Mat mask = null;
            boolean plain = false;
            if (small.cols() >= 16 && small.rows() >= 16) {
                Coarse coarse = choose(small, fine, subjectMask(small, temps), temps);
                mask = coarse == null ? null : coarse.mask();
                plain = coarse != null && coarse.plain();
            }
            boolean found = mask != null;
            if (!found) {
                mask = keep(temps, Mat.zeros(new Size(fw, fh), CvType.CV_8UC1));
                Imgproc.ellipse(
                        mask,
                        new Point(fw / 2.0, fh / 2.0),
                        new Size(fw * 0.3, fh * 0.38),
                        0,
                        0,
                        360,
                        new Scalar(255),
                        Imgproc.FILLED);
            }
            float[] alpha = plain ? keyed(bgr, mask, temps) : refine(bgr, mask, temps);
            return new SubjectMatte(alpha, w, h, found);
        } finally {
            temps.forEach(Mat::release);
        }
    }

    /** The binary subject mask (255) on the small copy, or null when none of a plausible size is found. */
    private static Coarse subjectMask(Mat small, List<Mat> temps) {
        int sw = small.cols();
        int sh = small.rows();
        int n = sw * sh;
        float[] sal = saliency(small, temps);
        float[] sorted = sal.clone();
        Arrays.sort(sorted);
        float hi = sorted[(int) (0.97 * (n - 1))];
        float[] norm = new float[n];
        for (int p = 0; p < n; p++) {
            norm[p] = Math.min(1f, sal[p] / Math.max(1e-3f, hi));
        }
        // Otsu-like split of the normalised map: the threshold that best separates two groups
        float split = otsu(norm);
        byte[] labels = new byte[n];
        double rx0 = sw * 0.1;
        double rx1 = sw * 0.9;
        double ry0 = sh * 0.06;
        double ry1 = sh * 0.94;
        double ex = Math.max(1, sw * 0.12);
        double ey = Math.max(1, sh * 0.14);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int p = y * sw + x;
                float s = norm[p];
                boolean inRect = x >= rx0 && x < rx1 && y >= ry0 && y < ry1;
                double ux = (x + 0.5 - sw / 2.0) / ex;
                double uy = (y + 0.5 - sh / 2.0) / ey;
                boolean centre = ux * ux + uy * uy <= 1;
                int label;
                if (centre || s >= Math.min(0.95f, split + 0.6f * (1 - split))) {
                    label = Imgproc.GC_FGD;
                } else if (s >= split) {
                    label = Imgproc.GC_PR_FGD;
                } else if (!inRect && s < 0.6f * split) {
                    label = Imgproc.GC_BGD;
                } else if (inRect) {
                    label = Imgproc.GC_PR_FGD;
                } else {
                    label = Imgproc.GC_PR_BGD;
                }
                labels[p] = (byte) label;
            }
        }
        Mat mask = keep(temps, new Mat(sh, sw, CvType.CV_8UC1));
        mask.put(0, 0, labels);
        int fgSeeds = 0;
        int bgSeeds = 0;
        for (byte l : labels) {
            if (l == Imgproc.GC_FGD || l == Imgproc.GC_PR_FGD) {
                fgSeeds++;
            } else {
                bgSeeds++;
            }
        }
        if (fgSeeds < 16 || bgSeeds < 16) {
            return null;
        }
        Mat bgModel = keep(temps, new Mat());
        Mat fgModel = keep(temps, new Mat());
        Core.setRNGSeed(SEED); // GrabCut's k-means draws from this thread's generator
        Imgproc.grabCut(small, mask, new Rect(), bgModel, fgModel, 4, Imgproc.GC_INIT_WITH_MASK);
        byte[] out = new byte[n];
        mask.get(0, 0, out);
        byte[] fg = new byte[n];
        byte[] core = new byte[n];
        for (int p = 0; p < n; p++) {
            if (out[p] == Imgproc.GC_FGD || out[p] == Imgproc.GC_PR_FGD) {
                fg[p] = (byte) 255;
            }
            if (labels[p] == Imgproc.GC_FGD) {
                core[p] = 1;
            }
        }
        Mat fgMat = keep(temps, new Mat(sh, sw, CvType.CV_8UC1));
        fgMat.put(0, 0, fg);
        Mat kernel = keep(temps, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3)));
        Imgproc.morphologyEx(fgMat, fgMat, Imgproc.MORPH_OPEN, kernel);
        Imgproc.morphologyEx(fgMat, fgMat, Imgproc.MORPH_CLOSE, kernel);
        Mat pieces = pieces(fgMat, core, temps);
        double share = Core.countNonZero(pieces) / (double) n;
        if (share < 0.02 || share > 0.92) {
            return null;
        }
        return new Coarse(pieces, labels);
    }

    /** Colour spread (Lab units) of the background around a pixel under which the background is plain there. */
    static final double PLAIN = 4;

    /** Share of the background that must be plain (a sky, not a blurred room) for it to be looked for in the subject. */
    static final double PLAIN_SHARE = 0.8;

    /** Lab distance under which a pixel of the subject is the background seen through it. */
    static final double OPEN = 6;

    /** Colour spread (Lab units) under which a row's background is plain, so that its mean stands for it. */
    static final double ROWSPREAD = 5;

    /**
     * The background seen through the subject (the sky between a launch tower's girders), when the background is plain
     * (at least {@value #PLAIN_SHARE} of it has a colour spread under {@value #PLAIN} Lab units around it): pixels of
     * the subject whose colour lies within {@value #OPEN} Lab units of the background's colour around them (the
     * background averaged with a Gaussian of 5% of the shorter side, where at least 5% of that neighbourhood is
     * background) or of their row's background (where at least 30% of the row is background of a spread under
     * {@value #ROWSPREAD}: a sky's gradient) go to the background, so that a plain background is replaced or blurred
     * behind a lattice too. Called a few times, it reaches further into a wide lattice. Null when the background is
     * not plain.
     */
    private static Mat openings(Mat image, Mat mask, List<Mat> temps) {
        int w = image.cols();
        int h = image.rows();
        int n = w * h;
        Around around = Around.of(image, mask, temps);
        Mat lab = around.lab();
        Mat back3 = around.back3();
        double sigma = around.sigma();
        Mat num = around.num();
        Mat den = around.den();
        Mat squares = keep(temps, new Mat());
        Core.multiply(lab, lab, squares);
        Core.multiply(squares, back3, squares);
        Mat spreadMat = keep(temps, new Mat());
        Imgproc.GaussianBlur(squares, spreadMat, new Size(0, 0), sigma);
        float[] qv = new float[3 * n];
        spreadMat.get(0, 0, qv);
        float[] nv = new float[3 * n];
        float[] dv = new float[n];
        float[] px = new float[3 * n];
        num.get(0, 0, nv);
        den.get(0, 0, dv);
        lab.get(0, 0, px);
        byte[] m = new byte[n];
        mask.get(0, 0, m);
        double k = 100 / 255.0;
        // each row's background colour, where the background is plain along the row (a sky's gradient)
        double[][] rowMean = plainRows(px, m, w, h);
        int plainBack = 0;
        int allBack = 0;
        for (int p = 0; p < n; p++) {
            if (m[p] != 0 || dv[p] < 0.5f) {
                continue;
            }
            double var = 0;
            for (int c = 0; c < 3; c++) {
                double mean = nv[3 * p + c] / dv[p];
                var += Math.max(0, qv[3 * p + c] / dv[p] - mean * mean) * (c == 0 ? k * k : 1);
            }
            allBack++;
            if (Math.sqrt(var) < PLAIN) {
                plainBack++;
            }
        }
        if (plainBack < PLAIN_SHARE * allBack) {
            return null;
        }
        for (int p = 0; p < n; p++) {
            if (m[p] == 0) {
                continue;
            }
            double[] row = rowMean[p / w];
            if (row != null) {
                double dl = px[3 * p] * k - row[0];
                double da = px[3 * p + 1] - row[1];
                double db = px[3 * p + 2] - row[2];
                if (Math.sqrt(dl * dl + da * da + db * db) < OPEN) {
                    m[p] = 0;
                    continue;
                }
            }
            if (dv[p] < 0.05f) {
                continue;
            }
            double dl = (px[3 * p] - nv[3 * p] / dv[p]) * k;
            double da = px[3 * p + 1] - nv[3 * p + 1] / dv[p];
            double db = px[3 * p + 2] - nv[3 * p + 2] / dv[p];
            if (Math.sqrt(dl * dl + da * da + db * db) < OPEN) {
                m[p] = 0;
            }
        }
        Mat out = keep(temps, new Mat(h, w, CvType.CV_8UC1));
        out.put(0, 0, m);
        return out;
    }

    /**
     * A subject mask and the labels GrabCut started from; {@code plain} when the background is plain (a sky) and the
     * matte is keyed against its colour.
     */
    private record Coarse(Mat mask, byte[] labels, boolean plain) {
        Coarse(Mat mask, byte[] labels) {
            this(mask, labels, false);
        }
    }

    /**
     * The subject by focus: a photo whose background is out of focus (a cat's face before a blurred room) or plain (a
     * dusk sky behind launch towers) has a wide area of little fine detail that reaches the frame. Fine detail is the
     * local mean of the luma's absolute Laplacian (box of 2% of the shorter side, measured on the fine copy); the smooth
     * area (under 12% of the 90th percentile) connected to the top of the frame or the upper half of its sides is
     * probable background (its smoothest part, under 6%, sure background), the rest probable subject, and GrabCut (four
     * rounds) draws the line. A smooth area reached only from the bottom stays probable subject: what a photo stands on
     * (the dark ground under launch towers, a coat cut by the bottom edge) is not its backdrop. Null when the smooth
     * area is under 8% or over 90% of the picture.
     */
    private static Coarse focusMask(Mat small, Mat fine, List<Mat> temps) {
        int fw = small.cols();
        int fh = small.rows();
        int n = fw * fh;
        float[] e = detail(fine, small, true, temps);
        float[] sorted = e.clone();
        Arrays.sort(sorted);
        float hi = Math.max(1e-3f, sorted[(int) (0.9 * (n - 1))]);
        boolean[] smooth = new boolean[n];
        boolean[] smoothest = new boolean[n];
        for (int p = 0; p < n; p++) {
            smooth[p] = e[p] < 0.12f * hi;
            smoothest[p] = e[p] < 0.06f * hi;
        }
        boolean[] back = borderConnected(smooth, fw, fh);
        boolean[] sure = borderConnected(smoothest, fw, fh);
        byte[] labels = new byte[n];
        int backs = 0;
        for (int p = 0; p < n; p++) {
            if (back[p]) {
                backs++;
            }
            labels[p] = (byte) (sure[p] ? Imgproc.GC_BGD : back[p] ? Imgproc.GC_PR_BGD : Imgproc.GC_PR_FGD);
        }
        if (backs < 0.08 * n || backs > 0.9 * n) {
            return null;
        }
        Mat mask = cut(small, labels, 4, temps);
        return mask == null ? null : new Coarse(mask, labels);
    }

    /**
     * Fine detail per pixel of {@code small}, measured on {@code bgr} (the same photo, larger or equal): the luma's
     * absolute Laplacian, with {@code box} its local mean over a box of 2% of the shorter side, scaled to the small
     * copy by area.
     */
    static float[] detail(Mat bgr, Mat small, boolean box, List<Mat> temps) {
        Mat grey = keep(temps, new Mat());
        Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
        Mat f = keep(temps, new Mat());
        grey.convertTo(f, CvType.CV_32F);
        Imgproc.GaussianBlur(f, f, new Size(0, 0), 0.7);
        Mat lap = keep(temps, new Mat());
        Imgproc.Laplacian(f, lap, CvType.CV_32F);
        Core.absdiff(lap, Scalar.all(0), lap);
        int r = Math.max(3, (int) (Math.min(bgr.cols(), bgr.rows()) * 0.02));
        Mat e = keep(temps, new Mat());
        if (box) {
            Imgproc.blur(lap, e, new Size(2 * r + 1, 2 * r + 1));
        } else {
            lap.copyTo(e);
        }
        Imgproc.resize(e, e, small.size(), 0, 0, Imgproc.INTER_AREA);
        float[] out = new float[small.cols() * small.rows()];
        e.get(0, 0, out);
        return out;
    }

    /** The four neighbours of a pixel (left, right, up, down), -1 where the frame ends. */
    static int[] neighbours(int p, int w, int h) {
        int x = p % w;
        int y = p / w;
        return new int[] {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1};
    }

    /** The pixels of a set connected (4-neighbours) to the frame's top edge or the upper half of its sides. */
    static boolean[] borderConnected(boolean[] set, int w, int h) {
        boolean[] out = new boolean[set.length];
        int[] stack = new int[set.length];
        int top = 0;
        for (int x = 0; x < w; x++) {
            if (set[x] && !out[x]) {
                out[x] = true;
                stack[top++] = x;
            }
        }
        for (int y = 0; y < h / 2; y++) {
            for (int p : new int[] {y * w, y * w + w - 1}) {
                if (set[p] && !out[p]) {
                    out[p] = true;
                    stack[top++] = p;
                }
            }
        }
        while (top > 0) {
            int p = stack[--top];
            int[] next = neighbours(p, w, h);
            for (int q : next) {
                if (q >= 0 && set[q] && !out[q]) {
                    out[q] = true;
                    stack[top++] = q;
                }
            }
        }
        return out;
    }

    /**
     * GrabCut from the given labels, the result opened and closed, its pieces (those holding a sure or probable
     * subject seed that stayed subject, or a fifth of the largest) kept and holes filled; null when the subject is
     * not of a plausible size.
     */
    private static Mat cut(Mat image, byte[] labels, int rounds, List<Mat> temps) {
        int w = image.cols();
        int h = image.rows();
        int n = w * h;
        Mat mask = keep(temps, new Mat(h, w, CvType.CV_8UC1));
        mask.put(0, 0, labels);
        Mat bgModel = keep(temps, new Mat());
        Mat fgModel = keep(temps, new Mat());
        Core.setRNGSeed(SEED);
        Imgproc.grabCut(image, mask, new Rect(), bgModel, fgModel, rounds, Imgproc.GC_INIT_WITH_MASK);
        byte[] out = new byte[n];
        mask.get(0, 0, out);
        byte[] fg = new byte[n];
        byte[] core = new byte[n];
        for (int p = 0; p < n; p++) {
            if (out[p] == Imgproc.GC_FGD || out[p] == Imgproc.GC_PR_FGD) {
                fg[p] = (byte) 255;
                if (labels[p] == Imgproc.GC_FGD) {
                    core[p] = 1;
                }
            }
        }
        Mat fgMat = keep(temps, new Mat(h, w, CvType.CV_8UC1));
        fgMat.put(0, 0, fg);
        Mat kernel = keep(temps, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3)));
        Imgproc.morphologyEx(fgMat, fgMat, Imgproc.MORPH_OPEN, kernel);
        Imgproc.morphologyEx(fgMat, fgMat, Imgproc.MORPH_CLOSE, kernel);
        Mat pieces = pieces(fgMat, core, temps);
        double share = Core.countNonZero(pieces) / (double) n;
        if (share < 0.02 || share > 0.92) {
            return null;
        }
        return pieces;
    }

    /**
     * How much of a mask's outline runs through one material of the photo: at every outline pixel, the mean Lab colour
     * of the subject side and of the background side within a box of 2% of the shorter side; the share of outline
     * pixels where they differ, together with the difference of their fine detail, by less than 10 units. A cut that
     * follows a thing's outline scores low.
     */
    static double sameMaterial(Mat bgr, float[] detail, Mat mask, List<Mat> temps) {
        int w = bgr.cols();
        int h = bgr.rows();
        int n = w * h;
        Mat lab8 = keep(temps, new Mat());
        Imgproc.cvtColor(bgr, lab8, Imgproc.COLOR_BGR2Lab);
        Mat lab = keep(temps, new Mat());
        lab8.convertTo(lab, CvType.CV_32FC3);
        Mat detailMat = keep(temps, new Mat(h, w, CvType.CV_32F));
        detailMat.put(0, 0, detail);
        List<Mat> planes = new ArrayList<>();
        Core.split(lab, planes);
        temps.addAll(planes);
        planes.add(detailMat);
        lab = keep(temps, new Mat());
        Core.merge(planes, lab);
        Mat m = keep(temps, new Mat());
        mask.convertTo(m, CvType.CV_32F, 1 / 255.0);
        Mat m3 = keep(temps, new Mat());
        Core.merge(List.of(m, m, m, m), m3);
        Mat labIn = keep(temps, new Mat());
        Core.multiply(lab, m3, labIn);
        int r = Math.max(3, (int) (Math.min(w, h) * 0.02));
        Size box = new Size(2 * r + 1, 2 * r + 1);
        Mat sumAll = keep(temps, new Mat());
        Mat sumIn = keep(temps, new Mat());
        Mat countIn = keep(temps, new Mat());
        Imgproc.boxFilter(lab, sumAll, CvType.CV_32F, box, new Point(-1, -1), false);
        Imgproc.boxFilter(labIn, sumIn, CvType.CV_32F, box, new Point(-1, -1), false);
        Imgproc.boxFilter(m, countIn, CvType.CV_32F, box, new Point(-1, -1), false);
        Mat ones = keep(temps, Mat.ones(h, w, CvType.CV_32F));
        Mat countAll = keep(temps, new Mat());
        Imgproc.boxFilter(ones, countAll, CvType.CV_32F, box, new Point(-1, -1), false);
        float[] all = new float[4 * n];
        float[] in = new float[4 * n];
        float[] cin = new float[n];
        float[] call = new float[n];
        sumAll.get(0, 0, all);
        sumIn.get(0, 0, in);
        countIn.get(0, 0, cin);
        countAll.get(0, 0, call);
        byte[] mk = new byte[n];
        mask.get(0, 0, mk);
        int edge = 0;
        int same = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int p = y * w + x;
                boolean on = mk[p] != 0;
                if (on == (mk[p - 1] != 0)
                        && on == (mk[p + 1] != 0)
                        && on == (mk[p - w] != 0)
                        && on == (mk[p + w] != 0)) {
                    continue;
                }
                float a = cin[p];
                float b = call[p] - a;
                if (a < 0.2f * call[p] || b < 0.2f * call[p]) {
                    continue;
                }
                double d = 0;
                for (int c = 0; c < 3; c++) {
                    double inside = in[4 * p + c] / a;
                    double outside = (all[4 * p + c] - in[4 * p + c]) / b;
                    double k = c == 0 ? 100 / 255.0 : 1;
                    d += (inside - outside) * (inside - outside) * k * k;
                }
                double texture = Math.abs(in[4 * p + 3] / a - (all[4 * p + 3] - in[4 * p + 3]) / b);
                edge++;
                if (Math.sqrt(d) + texture < 10) {
                    same++;
                }
            }
        }
        return edge == 0 ? 1 : (double) same / edge;
    }

    /**
     * The colour subject, unless its outline runs through one material for more than 12% of its length and the focus
     * subject's does not do so markedly more (by 5 points): then the focus subject, made again on the fine copy with
     * the background seen through it handed back (a cat whose fur reaches every side of the frame, launch towers
     * against a plain sky).
     */
    private static Coarse choose(Mat small, Mat fine, Coarse byColour, List<Mat> temps) {
        float[] detail = detail(fine, small, false, temps);
        double c = byColour == null ? 1 : sameMaterial(small, detail, byColour.mask(), temps);
        if (c <= 0.12) {
            Coarse kept = inFront(small, detail, byColour, temps);
            return kept == null ? null : fringe(small, detail, kept, temps);
        }
        Coarse byFocus = focusMask(small, fine, temps);
        double f = byFocus == null ? 1 : sameMaterial(small, detail, byFocus.mask(), temps);
        if (byFocus != null && f <= c + 0.05) {
            Coarse atFine = focusMask(fine, fine, temps);
            if (atFine == null) {
                return byFocus;
            }
            Mat opened = atFine.mask();
            boolean plain = false;
            for (int round = 0; round < 4; round++) {
                Mat next = openings(fine, opened, temps);
                if (next == null) {
                    break;
                }
                plain = true;
                opened = next;
            }
            return new Coarse(opened, null, plain);
        }
        Coarse kept = inFront(small, detail, byColour, temps);
        return kept == null ? null : fringe(small, detail, kept, temps);
    }

    /** Width of the band outside the colour cut searched for a textured fringe (share of the shorter side). */
    static final double FRINGE_BAND = 0.04;

    /** How many times the background's usual fine detail a pixel of the band needs to be the subject's fringe. */
    static final double FRINGE_DETAIL = 3;

    /**
     * The subject's textured fringe that the colour cut gave to the background (the top of a head of hair, lighter and
     * greyer than the rest and close to the backdrop's colour): pixels above the cut in their column, in the top
     * {@value #FRINGE_TOP} of its height, and within
     * {@value #FRINGE_BAND} of the shorter side of it, connected to it through such pixels, whose fine detail (the luma's absolute Laplacian, in a 5×5
     * box) is more than {@value #FRINGE_DETAIL} times the median of the background farther away, so that hair goes
     * with the head over a studio backdrop while grass or a room of the same texture as the rest of the background
     * stays. Each connected piece is taken only when the cut's outline then runs less through one material
     * ({@link #sameMaterial}).
     */
    private static Coarse fringe(Mat small, float[] detail, Coarse cut, List<Mat> temps) {
        int w = small.cols();
        int h = small.rows();
        int n = w * h;
        byte[] subject = new byte[n];
        cut.mask().get(0, 0, subject);
        Mat detailMat = keep(temps, new Mat(h, w, CvType.CV_32F));
        detailMat.put(0, 0, detail);
        Mat boxed = keep(temps, new Mat());
        Imgproc.blur(detailMat, boxed, new Size(5, 5));
        float[] t = new float[n];
        boxed.get(0, 0, t);
        Mat inverse = keep(temps, new Mat());
        Core.bitwise_not(cut.mask(), inverse);
        Mat distance = keep(temps, new Mat());
        Imgproc.distanceTransform(inverse, distance, Imgproc.DIST_L2, 3);
        float[] d = new float[n];
        distance.get(0, 0, d);
        float band = (float) Math.max(2, Math.min(w, h) * FRINGE_BAND);
        float[] far = new float[n];
        int farCount = 0;
        for (int p = 0; p < n; p++) {
            if (subject[p] == 0 && d[p] > 2 * band) {
                far[farCount++] = t[p];
            }
        }
        if (farCount < 0.05 * n) {
            return cut;
        }
        float[] sortedFar = Arrays.copyOf(far, farCount);
        Arrays.sort(sortedFar);
        float textured = (float) (FRINGE_DETAIL * Math.max(1e-3, sortedFar[farCount / 2]));
        // the background's detail near each pixel (beyond the band, in a box of four bands): beside a flag or a
        // building the fringe must stand out from that, not only from the plain backdrop
        float[] farMask = new float[n];
        float[] farDetail = new float[n];
        for (int p = 0; p < n; p++) {
            if (subject[p] == 0 && d[p] > band) {
                farMask[p] = 1;
                farDetail[p] = t[p];
            }
        }
        int reach = (int) Math.ceil(4 * band);
        Size localBox = new Size(2 * reach + 1, 2 * reach + 1);
        Mat farMaskMat = keep(temps, new Mat(h, w, CvType.CV_32F));
        farMaskMat.put(0, 0, farMask);
        Mat farDetailMat = keep(temps, new Mat(h, w, CvType.CV_32F));
        farDetailMat.put(0, 0, farDetail);
        Imgproc.boxFilter(farMaskMat, farMaskMat, CvType.CV_32F, localBox, new Point(-1, -1), false);
        Imgproc.boxFilter(farDetailMat, farDetailMat, CvType.CV_32F, localBox, new Point(-1, -1), false);
        farMaskMat.get(0, 0, farMask);
        farDetailMat.get(0, 0, farDetail);
        // the first row of the subject in each column: the fringe is looked for above the subject (the top of a head)
        int[] topRow = new int[w];
        Arrays.fill(topRow, h);
        for (int p = 0; p < n; p++) {
            if (subject[p] != 0 && p / w < topRow[p % w]) {
                topRow[p % w] = p / w;
            }
        }
        int first = h;
        int last = -1;
        for (int x = 0; x < w; x++) {
            first = Math.min(first, topRow[x]);
        }
        for (int p = n - 1; p >= 0 && last < 0; p--) {
            if (subject[p] != 0) {
                last = p / w;
            }
        }
        double topPart = first + FRINGE_TOP * (last - first);
        byte[] grown = subject.clone();
        int[] stack = new int[n];
        int top = 0;
        for (int p = 0; p < n; p++) {
            if (subject[p] != 0) {
                stack[top++] = p;
            }
        }
        int added = 0;
        while (top > 0) {
            int p = stack[--top];
            int[] next = neighbours(p, w, h);
            for (int q : next) {
                if (q >= 0
                        && grown[q] == 0
                        && d[q] <= band
                        && q / w < topRow[q % w]
                        && q / w <= topPart
                        && t[q] > textured
                        && farMask[q] > 0
                        && t[q] > FRINGE_DETAIL * farDetail[q] / farMask[q]) {
                    grown[q] = (byte) 255;
                    stack[top++] = q;
                    added++;
                }
            }
        }
        if (added == 0) {
            return cut;
        }
        // piece by piece, largest first: a piece is taken when the outline then runs less through one material (the
        // top of a head of hair is; the textured buildings beside a man's back are not)
        byte[] fringeOnly = new byte[n];
        for (int p = 0; p < n; p++) {
            if (grown[p] != 0 && subject[p] == 0) {
                fringeOnly[p] = (byte) 255;
            }
        }
        Mat fringeMat = keep(temps, new Mat(h, w, CvType.CV_8UC1));
        fringeMat.put(0, 0, fringeOnly);
        Mat pieceLabels = keep(temps, new Mat());
        int count = Imgproc.connectedComponents(fringeMat, pieceLabels, 8, CvType.CV_32S);
        int[] piece = new int[n];
        pieceLabels.get(0, 0, piece);
        int[] area = new int[count];
        for (int l : piece) {
            area[l]++;
        }
        Integer[] order = new Integer[count - 1];
        for (int l = 1; l < count; l++) {
            order[l - 1] = l;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(area[b], area[a]));
        Mat kernel = keep(temps, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3)));
        double best = sameMaterial(small, detail, cut.mask(), temps);
        byte[] merged = subject;
        Mat taken = null;
        for (int k = 0; k < Math.min(FRINGE_PIECES, order.length); k++) {
            int l = order[k];
            if (area[l] < FRINGE_SPECK * n) {
                break;
            }
            byte[] with = withPiece(merged, piece, l);
            Mat withMat = mask(with, w, h, temps);
            Imgproc.morphologyEx(withMat, withMat, Imgproc.MORPH_CLOSE, kernel);
            double after = sameMaterial(small, detail, withMat, temps);
            if (after < best) {
                best = after;
                merged = with;
                taken = withMat;
            }
        }
        return taken == null ? cut : new Coarse(taken, cut.labels(), cut.plain());
    }

    /** A mask with one more labelled piece in it (a copy). */
    private static byte[] withPiece(byte[] mask, int[] piece, int label) {
        byte[] with = mask.clone();
        for (int p = 0; p < with.length; p++) {
            if (piece[p] == label) {
                with[p] = (byte) 255;
            }
        }
        return with;
    }

    /** A byte mask as an 8-bit Mat, released with the temporaries. */
    private static Mat mask(byte[] mask, int w, int h, List<Mat> temps) {
        Mat out = keep(temps, new Mat(h, w, CvType.CV_8UC1));
        out.put(0, 0, mask);
        return out;
    }

    /** The top part of the subject's height (share) in which a fringe is looked for: the head, not the shoulders. */
    static final double FRINGE_TOP = 0.25;

    /** The most fringe pieces tried, largest first. */
    static final int FRINGE_PIECES = 12;

    /** Share of the picture under which a fringe piece is a speck and not tried. */
    static final double FRINGE_SPECK = 0.0003;

    /** Share of the picture under which a thing found in front of the subject is a speck, not a thing. */
    static final double THING = 0.004;

    /** Share of the picture under which background open only to the bottom edge, beside a thing in front, is a bay. */
    static final double BAY = 0.015;

    /** Half the width (share of the shorter side) under which a part of a thing in front is cut off as a sliver. */
    static final double THIN = 0.03;

    /** How much more of the outline may run through one material once a thing in front is added to the subject. */
    static final double THING_CUT = 0.01;

    /**
     * Things in front of the subject that the colour cut gave to the background (a helmet held before a suit, a table
     * at the bottom edge): they stand on the bottom edge, below the backdrop. GrabCut (four rounds) is run again with
     * only the top of the frame and the upper half of its sides as sure background (where the colour cut put no
     * subject), the subject sure (its core) and everything else probable subject, so that the background's colours are
     * learnt from the backdrop alone; of what it adds to the subject, a piece is taken when it touches the bottom edge
     * and the subject, is at least {@value #THING} of the picture, and touches neither the top of the frame nor the
     * upper half of its sides nor the backdrop seen there (the ground a man stands on runs up to the horizon at the
     * frame's side: it is the backdrop's, not a thing before him).
     */
    private static Coarse inFront(Mat small, float[] detail, Coarse byColour, List<Mat> temps) {
        if (byColour == null) {
            return null;
        }
        double cut = sameMaterial(small, detail, byColour.mask(), temps);
        int w = small.cols();
        int h = small.rows();
        int n = w * h;
        byte[] subject = new byte[n];
        byColour.mask().get(0, 0, subject);
        Mat core = keep(temps, new Mat());
        Imgproc.erode(
                byColour.mask(),
                core,
                keep(temps, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5))));
        byte[] sure = new byte[n];
        core.get(0, 0, sure);
        int band = Math.max(2, Math.round(Math.min(w, h) * 0.04f));
        byte[] labels = new byte[n];
        boolean[] seed = new boolean[n];
        int seeds = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                boolean frame = y < band || (y < h / 2 && (x < band || x >= w - band));
                if (sure[p] != 0) {
                    labels[p] = Imgproc.GC_FGD;
                } else if (y < h / 2 && subject[p] == 0) {
                    labels[p] = Imgproc.GC_BGD;
                    seed[p] = frame;
                    seeds++;
                } else {
                    labels[p] = Imgproc.GC_PR_FGD;
                }
            }
        }
        if (seeds < 16) {
            return byColour;
        }
        Mat mask = keep(temps, new Mat(h, w, CvType.CV_8UC1));
        mask.put(0, 0, labels);
        Mat bgModel = keep(temps, new Mat());
        Mat fgModel = keep(temps, new Mat());
        Core.setRNGSeed(SEED);
        Imgproc.grabCut(small, mask, new Rect(), bgModel, fgModel, 4, Imgproc.GC_INIT_WITH_MASK);
        byte[] out = new byte[n];
        mask.get(0, 0, out);
        byte[] added = new byte[n];
        for (int p = 0; p < n; p++) {
            if ((out[p] == Imgproc.GC_FGD || out[p] == Imgproc.GC_PR_FGD) && subject[p] == 0) {
                added[p] = (byte) 255;
            }
        }
        Mat addedMat = keep(temps, new Mat(h, w, CvType.CV_8UC1));
        addedMat.put(0, 0, added);
        Mat kernel = keep(temps, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3)));
        int open = (int) Math.max(1, Math.round(Math.min(w, h) * THIN));
        Imgproc.morphologyEx(
                addedMat,
                addedMat,
                Imgproc.MORPH_OPEN,
                keep(
                        temps,
                        Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * open + 1, 2 * open + 1))));
        Mat pieceLabels = keep(temps, new Mat());
        int count = Imgproc.connectedComponents(addedMat, pieceLabels, 8, CvType.CV_32S);
        if (count < 2) {
            return byColour;
        }
        int[] piece = new int[n];
        pieceLabels.get(0, 0, piece);
        int[] area = new int[count];
        boolean[] bottom = new boolean[count];
        boolean[] touchesSubject = new boolean[count];
        boolean[] backdrop = new boolean[count];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int l = piece[p];
                if (l == 0) {
                    continue;
                }
                area[l]++;
                if (y == h - 1) {
                    bottom[l] = true;
                }
                if (y < band || (y < h / 2 && (x == 0 || x == w - 1))) {
                    backdrop[l] = true;
                }
                int[] next = neighbours(p, w, h);
                for (int q : next) {
                    if (q < 0) {
                        continue;
                    }
                    if (subject[q] != 0) {
                        touchesSubject[l] = true;
                    }
                    if (seed[q]) {
                        backdrop[l] = true;
                    }
                }
            }
        }
        byte[] merged = subject.clone();
        boolean any = false;
        for (int l = 1; l < count; l++) {
            if (!bottom[l] || !touchesSubject[l] || backdrop[l] || area[l] < THING * n) {
                continue;
            }
            byte[] with = withPiece(merged, piece, l);
            Mat withMat = mask(with, w, h, temps);
            double after = sameMaterial(small, detail, withMat, temps);
            if (after <= cut + THING_CUT) {
                merged = with;
                any = true;
            }
        }
        if (!any) {
            return byColour;
        }
        Mat withThings = keep(temps, new Mat(h, w, CvType.CV_8UC1));
        withThings.put(0, 0, merged);
        Imgproc.morphologyEx(withThings, withThings, Imgproc.MORPH_CLOSE, kernel);
        byte[] none = new byte[n];
        Mat filled = pieces(withThings, none, temps);
        // a bay of background between the subject and the thing, open only to the bottom edge, is the subject's
        Mat inverse = keep(temps, new Mat());
        Core.bitwise_not(filled, inverse);
        Mat bayLabels = keep(temps, new Mat());
        Mat bayStats = keep(temps, new Mat());
        Mat bayCentres = keep(temps, new Mat());
        int bays = Imgproc.connectedComponentsWithStats(inverse, bayLabels, bayStats, bayCentres, 4, CvType.CV_32S);
        int[] bay = new int[n];
        bayLabels.get(0, 0, bay);
        byte[] kept = new byte[n];
        filled.get(0, 0, kept);
        for (int l = 1; l < bays; l++) {
            int x = (int) bayStats.get(l, Imgproc.CC_STAT_LEFT)[0];
            int y = (int) bayStats.get(l, Imgproc.CC_STAT_TOP)[0];
            int bw = (int) bayStats.get(l, Imgproc.CC_STAT_WIDTH)[0];
            int bh = (int) bayStats.get(l, Imgproc.CC_STAT_HEIGHT)[0];
            int a = (int) bayStats.get(l, Imgproc.CC_STAT_AREA)[0];
            if (x > 0 && y > 0 && x + bw < w && y + bh == h && a < BAY * n) {
                for (int p = 0; p < n; p++) {
                    if (bay[p] == l) {
                        kept[p] = (byte) 255;
                    }
                }
            }
        }
        filled.put(0, 0, kept);
        if (Core.countNonZero(filled) > 0.92 * n) {
            return byColour;
        }
        return new Coarse(filled, byColour.labels());
    }

    /**
     * Colour distance from the frame's sides: for each side, the distance of each pixel's Lab colour to the nearest
     * of that side's colours (its band clustered into six colours); a pixel's saliency is the mean of its second and
     * third smallest distances, normalised, times a wide centre prior.
     */
    static float[] saliency(Mat small, List<Mat> temps) {
        int sw = small.cols();
        int sh = small.rows();
        Mat smooth = keep(temps, new Mat());
        Imgproc.GaussianBlur(small, smooth, new Size(0, 0), 1.0);
        Mat lab8 = keep(temps, new Mat());
        Imgproc.cvtColor(smooth, lab8, Imgproc.COLOR_BGR2Lab);
        Mat lab = keep(temps, new Mat());
        lab8.convertTo(lab, CvType.CV_32FC3);
        float[] px = new float[sw * sh * 3];
        lab.get(0, 0, px);
        int band = Math.max(2, Math.round(Math.min(sw, sh) * 0.04f));
        float[][][] sides = new float[4][][];
        for (int side = 0; side < 4; side++) {
            List<float[]> colours = new ArrayList<>();
            for (int y = 0; y < sh; y++) {
                for (int x = 0; x < sw; x++) {
                    boolean in = switch (side) {
                        case 0 -> y < band;
                        case 1 -> y >= sh - band;
                        case 2 -> x < band;
                        default -> x >= sw - band;
                    };
                    if (in) {
                        int i = 3 * (y * sw + x);
                        colours.add(new float[] {px[i], px[i + 1], px[i + 2]});
                    }
                }
            }
            sides[side] = centres(colours, 6);
        }
        float[] colourTerm = new float[sw * sh];
        float[] out = new float[sw * sh];
        double cx = sw / 2.0;
        double cy = sh / 2.0;
        float[] d = new float[4];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int p = y * sw + x;
                int i = 3 * p;
                for (int side = 0; side < 4; side++) {
                    float best = Float.MAX_VALUE;
                    for (float[] c : sides[side]) {
                        float dl = px[i] - c[0];
                        float da = px[i + 1] - c[1];
                        float db = px[i + 2] - c[2];
                        best = Math.min(best, (float) Math.sqrt(0.5 * dl * dl + da * da + db * db));
                    }
                    d[side] = best;
                }
                Arrays.sort(d);
                double dx = (x - cx) / sw;
                double dy = (y - cy) / sh;
                double prior = Math.exp(-(dx * dx + dy * dy) / (2 * 0.35 * 0.35));
                colourTerm[p] = (d[1] + d[2]) / 2;
                out[p] = (float) prior;
            }
        }
        float[] sortedColour = colourTerm.clone();
        Arrays.sort(sortedColour);
        float colourHigh = Math.max(1e-3f, sortedColour[(int) (0.97 * (colourTerm.length - 1))]);
        for (int p = 0; p < out.length; p++) {
            double prior = out[p];
            double c = Math.min(1, colourTerm[p] / colourHigh);
            out[p] = (float) (c * (0.4 + 0.6 * prior));
        }
        return out;
    }

    /** A few representative colours of a set (k-means, seeded by spread-out picks, a few rounds). */
    private static float[][] centres(List<float[]> colours, int k) {
        int n = colours.size();
        k = Math.min(k, n);
        float[][] c = new float[k][];
        for (int j = 0; j < k; j++) {
            c[j] = colours.get((int) ((long) j * n / k + n / (2L * k))).clone();
        }
        int[] of = new int[n];
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < n; i++) {
                float[] v = colours.get(i);
                float best = Float.MAX_VALUE;
                for (int j = 0; j < k; j++) {
                    float dl = v[0] - c[j][0];
                    float da = v[1] - c[j][1];
                    float db = v[2] - c[j][2];
                    float dd = dl * dl + da * da + db * db;
                    if (dd < best) {
                        best = dd;
                        of[i] = j;
                    }
                }
            }
            double[][] sum = new double[k][3];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                float[] v = colours.get(i);
                sum[of[i]][0] += v[0];
                sum[of[i]][1] += v[1];
                sum[of[i]][2] += v[2];
                count[of[i]]++;
            }
            for (int j = 0; j < k; j++) {
                if (count[j] > 0) {
                    c[j] = new float[] {
                        (float) (sum[j][0] / count[j]), (float) (sum[j][1] / count[j]), (float) (sum[j][2] / count[j])
                    };
                }
            }
        }
        return c;
    }

    /** The threshold that best splits the values (0–1) into two groups (Otsu on 64 bins). */
    static float otsu(float[] v) {
        int bins = 64;
        double[] hist = new double[bins];
        for (float x : v) {
            hist[Math.min(bins - 1, Math.max(0, (int) (x * bins)))]++;
        }
        double total = v.length;
        double sumAll = 0;
        for (int b = 0; b < bins; b++) {
            sumAll += b * hist[b];
        }
        double wB = 0;
        double sumB = 0;
        double best = -1;
        int split = bins / 2;
        for (int b = 0; b < bins; b++) {
            wB += hist[b];
            if (wB == 0 || wB == total) {
                continue;
            }
            sumB += b * hist[b];
            double mB = sumB / wB;
            double mF = (sumAll - sumB) / (total - wB);
            double between = wB * (total - wB) * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                split = b;
            }
        }
        return (split + 1) / (float) bins;
    }

    /** Keeps the mask's pieces that touch the sure core or are at least a fifth of the largest; fills their holes. */
    private static Mat pieces(Mat fg, byte[] core, List<Mat> temps) {
        int sw = fg.cols();
        int sh = fg.rows();
        Mat labels = keep(temps, new Mat());
        Mat stats = keep(temps, new Mat());
        Mat centroids = keep(temps, new Mat());
        int found = Imgproc.connectedComponentsWithStats(fg, labels, stats, centroids, 8, CvType.CV_32S);
        int[] label = new int[sw * sh];
        labels.get(0, 0, label);
        int largest = 0;
        int[] area = new int[found];
        boolean[] cored = new boolean[found];
        for (int l = 1; l < found; l++) {
            area[l] = (int) stats.get(l, Imgproc.CC_STAT_AREA)[0];
            largest = Math.max(largest, area[l]);
        }
        for (int p = 0; p < label.length; p++) {
            if (core[p] != 0 && label[p] > 0) {
                cored[label[p]] = true;
            }
        }
        byte[] kept = new byte[sw * sh];
        for (int p = 0; p < label.length; p++) {
            int l = label[p];
            if (l > 0 && ((cored[l] && area[l] >= 0.02 * largest) || area[l] >= 0.2 * largest)) {
                kept[p] = (byte) 255;
            }
        }
        Mat out = keep(temps, new Mat(sh, sw, CvType.CV_8UC1));
        out.put(0, 0, kept);
        // fill holes: background pieces that do not reach the frame and are small
        Mat inverse = keep(temps, new Mat());
        Core.bitwise_not(out, inverse);
        Mat holeLabels = keep(temps, new Mat());
        Mat holeStats = keep(temps, new Mat());
        int holes = Imgproc.connectedComponentsWithStats(inverse, holeLabels, holeStats, centroids, 4, CvType.CV_32S);
        int[] hl = new int[sw * sh];
        holeLabels.get(0, 0, hl);
        boolean[] fill = new boolean[holes];
        for (int l = 1; l < holes; l++) {
            int x = (int) holeStats.get(l, Imgproc.CC_STAT_LEFT)[0];
            int y = (int) holeStats.get(l, Imgproc.CC_STAT_TOP)[0];
            int bw = (int) holeStats.get(l, Imgproc.CC_STAT_WIDTH)[0];
            int bh = (int) holeStats.get(l, Imgproc.CC_STAT_HEIGHT)[0];
            int a = (int) holeStats.get(l, Imgproc.CC_STAT_AREA)[0];
            boolean touches = x == 0 || y == 0 || x + bw >= sw || y + bh >= sh;
            fill[l] = !touches && a < 0.03 * sw * sh;
        }
        for (int p = 0; p < hl.length; p++) {
            if (hl[p] > 0 && fill[hl[p]]) {
                kept[p] = (byte) 255;
            }
        }
        out.put(0, 0, kept);
        return out;
    }

    /** Share of background within the keyed matte's neighbourhood under which a pixel is all subject. */
    static final float NEAR = 0.01f;

    /** Lab distance from the background's colour under which a pixel is all background in a keyed matte. */
    static final double KEY_LOW = 4;

    /** Lab distance from the background's colour from which a pixel is all subject in a keyed matte. */
    static final double KEY_HIGH = 14;

    /**
     * The full-size matte over a plain background (a dusk sky behind launch towers), keyed against that background's
     * colour pixel by pixel, so that a lattice a pixel or two thick stays crisp and the sky between its girders goes:
     * the background's colour around each pixel is its Lab mean outside the grown subject (a Gaussian of 5% of the
     * shorter side, where at least 5% of that neighbourhood is background) or its row's (where at least 30% of the row
     * is background of a spread under {@value #ROWSPREAD}: a sky's gradient); within the subject grown by 1% of the
     * shorter side, alpha rises from 0 at {@value #KEY_LOW} Lab units from the nearer of the two to 1 at
     * {@value #KEY_HIGH}, and is 1 where under {@value #NEAR} of the neighbourhood is background (a wide part of the
     * subject, which the row's colour must not thin out); outside it, 0.
     */
    private static float[] keyed(Mat bgr, Mat smallMask, List<Mat> temps) {
        int w = bgr.cols();
        int h = bgr.rows();
        int n = w * h;
        Mat mask = keep(temps, new Mat());
        Imgproc.resize(smallMask, mask, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
        Imgproc.threshold(mask, mask, 127, 255, Imgproc.THRESH_BINARY);
        int r = Math.max(2, Math.round(Math.min(w, h) * 0.01f));
        Mat outer = keep(temps, new Mat());
        Mat kernel = keep(temps, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * r + 1, 2 * r + 1)));
        Imgproc.dilate(mask, outer, kernel);
        Around around = Around.of(bgr, outer, temps);
        Mat lab = around.lab();
        Mat num = around.num();
        Mat den = around.den();
        float[] nv = new float[3 * n];
        float[] dv = new float[n];
        float[] px = new float[3 * n];
        num.get(0, 0, nv);
        den.get(0, 0, dv);
        lab.get(0, 0, px);
        byte[] grown = new byte[n];
        outer.get(0, 0, grown);
        double k = 100 / 255.0;
        double[][] rowMean = plainRows(px, grown, w, h);
        float[] a = new float[n];
        float[] dist = new float[n];
        for (int p = 0; p < n; p++) {
            if (grown[p] == 0) {
                continue;
            }
            if (dv[p] < NEAR) {
                a[p] = 1; // no background near: inside a wide part of the subject (the ground, a cloud bank on it)
                dist[p] = 1000;
                continue;
            }
            double d = Double.MAX_VALUE;
            double[] row = rowMean[p / w];
            if (row != null) {
                double dl = px[3 * p] * k - row[0];
                double da = px[3 * p + 1] - row[1];
                double db = px[3 * p + 2] - row[2];
                d = Math.sqrt(dl * dl + da * da + db * db);
            }
            if (dv[p] >= 0.05f) {
                double dl = (px[3 * p] - nv[3 * p] / dv[p]) * k;
                double da = px[3 * p + 1] - nv[3 * p + 1] / dv[p];
                double db = px[3 * p + 2] - nv[3 * p + 2] / dv[p];
                d = Math.min(d, Math.sqrt(dl * dl + da * da + db * db));
            }
            dist[p] = (float) Math.min(1000, d);
        }
        // a blend only next to the background itself, where the distance changes steeply (a girder's edge, a pixel
        // shared by girder and sky); over a smooth stretch (a cloud bank fading into the sky) or along an edge inside
        // the subject (the hills below the clouds) a blend would be a ghost, so there it is all or nothing
        Mat distMat = keep(temps, new Mat(h, w, CvType.CV_32F));
        distMat.put(0, 0, dist);
        Mat hiMat = keep(temps, new Mat());
        Mat loMat = keep(temps, new Mat());
        Mat box = keep(temps, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 5)));
        Imgproc.dilate(distMat, hiMat, box);
        Imgproc.erode(distMat, loMat, box);
        float[] hi = new float[n];
        float[] lo = new float[n];
        hiMat.get(0, 0, hi);
        loMat.get(0, 0, lo);
        for (int p = 0; p < n; p++) {
            if (grown[p] == 0 || a[p] == 1) {
                continue;
            }
            double d = dist[p];
            if (d <= KEY_LOW) {
                a[p] = 0;
            } else if (lo[p] <= KEY_LOW && hi[p] - lo[p] >= KEY_HIGH - KEY_LOW) {
                a[p] = (float) Math.min(1, (d - KEY_LOW) / (KEY_HIGH - KEY_LOW));
            } else {
                a[p] = 1;
            }
        }
        return a;
    }

    /**
     * The full-size matte: the small mask scaled up, a guided filter on the photo's luma (radius about 1% of the
     * shorter side) so the edge follows the photo's edges, then exactly 1 inside the subject (the mask eroded by the
     * filter's radius) and 0 outside it (dilated by the same).
     */
    private static float[] refine(Mat bgr, Mat smallMask, List<Mat> temps) {
        int w = bgr.cols();
        int h = bgr.rows();
        Mat mask = keep(temps, new Mat());
        Imgproc.resize(smallMask, mask, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
        Imgproc.threshold(mask, mask, 127, 255, Imgproc.THRESH_BINARY);
        int r = Math.max(2, Math.round(Math.min(w, h) * 0.01f));
        Mat p = keep(temps, new Mat());
        mask.convertTo(p, CvType.CV_32F, 1 / 255.0);
        Mat grey = keep(temps, new Mat());
        Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
        Mat i = keep(temps, new Mat());
        grey.convertTo(i, CvType.CV_32F, 1 / 255.0);
        Mat q = guided(i, p, r, 1e-3, temps);
        Mat inner = keep(temps, new Mat());
        Mat outer = keep(temps, new Mat());
        Mat kernel = keep(temps, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * r + 1, 2 * r + 1)));
        Imgproc.erode(mask, inner, kernel);
        Imgproc.dilate(mask, outer, kernel);
        float[] a = new float[w * h];
        q.get(0, 0, a);
        byte[] in = new byte[w * h];
        byte[] out = new byte[w * h];
        inner.get(0, 0, in);
        outer.get(0, 0, out);
        for (int k = 0; k < a.length; k++) {
            if (in[k] != 0) {
                a[k] = 1;
            } else if (out[k] == 0) {
                a[k] = 0;
            } else {
                a[k] = Math.max(0, Math.min(1, a[k]));
            }
        }
        keyRim(bgr, mask, outer, r, a, temps);
        return a;
    }

    /** Colour spread (Lab units) of the background around a pixel under which the rim is keyed against it. */
    static final double RIM_PLAIN = 8;

    /** Shorter side of the copy on which the rim's background colour and spread are read. */
    static final int RIM_SIDE = 256;

    /**
     * The rim of a feathered matte keyed against a plain background: the mask scaled up from the small copy can reach a
     * few pixels past the subject, and the feather spreads further over a smooth wall, so that a pale band of the old
     * background stays beside the subject (a neck ring, a shoulder). Within twice the feather's radius inside the mask
     * and its radius outside, where the background around (its Lab mean outside the grown mask, a Gaussian of 5% of
     * the shorter side) spreads less than {@value #RIM_PLAIN} units, alpha is held at most at the key of
     * {@link #keyed}: 0 within {@value #KEY_LOW} Lab units of that colour, 1 from {@value #KEY_HIGH}. What differs from
     * the background (the subject's own colours) keeps its alpha.
     */
    private static void keyRim(Mat bgr, Mat mask, Mat outer, int r, float[] a, List<Mat> temps) {
        int w = bgr.cols();
        int h = bgr.rows();
        int n = a.length;
        Mat deep = keep(temps, new Mat());
        Mat kernel = keep(temps, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(4 * r + 1, 4 * r + 1)));
        Imgproc.erode(mask, deep, kernel);
        // the background's colour and spread around each pixel vary over a twentieth of the picture: read on a copy of
        // at most RIM_SIDE pixels a side and scaled back, which costs a small part of a full-size Gaussian of that
        // width
        double f = Math.min(1, (double) RIM_SIDE / Math.min(w, h));
        Mat smallBgr = bgr;
        Mat smallOuter = outer;
        if (f < 1) {
            Size size = new Size(Math.max(1, Math.round(w * f)), Math.max(1, Math.round(h * f)));
            smallBgr = keep(temps, new Mat());
            smallOuter = keep(temps, new Mat());
            Imgproc.resize(bgr, smallBgr, size, 0, 0, Imgproc.INTER_AREA);
            Imgproc.resize(outer, smallOuter, size, 0, 0, Imgproc.INTER_AREA);
            Imgproc.threshold(smallOuter, smallOuter, 127, 255, Imgproc.THRESH_BINARY);
        }
        int sn = smallBgr.cols() * smallBgr.rows();
        Around around = Around.of(smallBgr, smallOuter, temps);
        Mat squares = keep(temps, new Mat());
        Core.multiply(around.lab(), around.lab(), squares);
        Core.multiply(squares, around.back3(), squares);
        Mat spreadMat = keep(temps, new Mat());
        Imgproc.GaussianBlur(squares, spreadMat, new Size(0, 0), around.sigma());
        float[] qv = new float[3 * sn];
        float[] nv = new float[3 * sn];
        float[] dv = new float[sn];
        spreadMat.get(0, 0, qv);
        around.num().get(0, 0, nv);
        around.den().get(0, 0, dv);
        double k = 100 / 255.0;
        // per pixel of the copy: the background's mean colour (Lab, L on 0–255 as the picture's), its spread, its
        // weight
        float[] mean = new float[3 * sn];
        float[] aux = new float[2 * sn];
        for (int p = 0; p < sn; p++) {
            double var = 0;
            for (int c = 0; c < 3; c++) {
                double m = dv[p] > 1e-6f ? nv[3 * p + c] / dv[p] : 0;
                double unit = c == 0 ? k : 1;
                var += Math.max(0, (dv[p] > 1e-6f ? qv[3 * p + c] / dv[p] : 0) - m * m) * unit * unit;
                mean[3 * p + c] = (float) m;
            }
            aux[2 * p] = (float) Math.sqrt(var);
            aux[2 * p + 1] = dv[p];
        }
        Mat meanMat = keep(temps, new Mat(smallBgr.rows(), smallBgr.cols(), CvType.CV_32FC3));
        Mat auxMat = keep(temps, new Mat(smallBgr.rows(), smallBgr.cols(), CvType.CV_32FC2));
        meanMat.put(0, 0, mean);
        auxMat.put(0, 0, aux);
        if (f < 1) {
            Imgproc.resize(meanMat, meanMat, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
            Imgproc.resize(auxMat, auxMat, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
        }
        float[] mv = new float[3 * n];
        float[] av = new float[2 * n];
        meanMat.get(0, 0, mv);
        auxMat.get(0, 0, av);
        Mat lab8 = keep(temps, new Mat());
        Imgproc.cvtColor(bgr, lab8, Imgproc.COLOR_BGR2Lab);
        byte[] px = new byte[3 * n];
        lab8.get(0, 0, px);
        byte[] in = new byte[n];
        byte[] grown = new byte[n];
        deep.get(0, 0, in);
        outer.get(0, 0, grown);
        for (int p = 0; p < n; p++) {
            if (in[p] != 0 || grown[p] == 0 || a[p] == 0 || av[2 * p + 1] < 0.05f || av[2 * p] >= RIM_PLAIN) {
                continue;
            }
            double d = 0;
            for (int c = 0; c < 3; c++) {
                double off = ((px[3 * p + c] & 0xff) - mv[3 * p + c]) * (c == 0 ? k : 1);
                d += off * off;
            }
            float key = (float) Math.max(0, Math.min(1, (Math.sqrt(d) - KEY_LOW) / (KEY_HIGH - KEY_LOW)));
            a[p] = Math.min(a[p], key);
        }
    }

    /** He et al.'s guided filter of {@code p} with guide {@code i} (both single-channel float), box radius r. */
    static Mat guided(Mat i, Mat p, int r, double eps, List<Mat> temps) {
        Size box = new Size(2 * r + 1, 2 * r + 1);
        Mat meanI = keep(temps, new Mat());
        Mat meanP = keep(temps, new Mat());
        Mat corrI = keep(temps, new Mat());
        Mat corrIp = keep(temps, new Mat());
        Imgproc.boxFilter(i, meanI, CvType.CV_32F, box);
        Imgproc.boxFilter(p, meanP, CvType.CV_32F, box);
        Mat ii = keep(temps, new Mat());
        Core.multiply(i, i, ii);
        Imgproc.boxFilter(ii, corrI, CvType.CV_32F, box);
        Mat ip = keep(temps, new Mat());
        Core.multiply(i, p, ip);
        Imgproc.boxFilter(ip, corrIp, CvType.CV_32F, box);
        Mat varI = keep(temps, new Mat());
        Mat mm = keep(temps, new Mat());
        Core.multiply(meanI, meanI, mm);
        Core.subtract(corrI, mm, varI);
        Mat covIp = keep(temps, new Mat());
        Mat mp = keep(temps, new Mat());
        Core.multiply(meanI, meanP, mp);
        Core.subtract(corrIp, mp, covIp);
        Mat a = keep(temps, new Mat());
        Mat denom = keep(temps, new Mat());
        Core.add(varI, new Scalar(eps), denom);
        Core.divide(covIp, denom, a);
        Mat b = keep(temps, new Mat());
        Mat am = keep(temps, new Mat());
        Core.multiply(a, meanI, am);
        Core.subtract(meanP, am, b);
        Mat meanA = keep(temps, new Mat());
        Mat meanB = keep(temps, new Mat());
        Imgproc.boxFilter(a, meanA, CvType.CV_32F, box);
        Imgproc.boxFilter(b, meanB, CvType.CV_32F, box);
        Mat q = keep(temps, new Mat());
        Core.multiply(meanA, i, q);
        Core.add(q, meanB, q);
        return q;
    }

    private static Mat keep(List<Mat> temps, Mat m) {
        temps.add(m);
        return m;
    }

    /**
     * Each row's background colour (Lab, L on 0–100) where the background is plain along the row (a sky's gradient):
     * the mean of the row's pixels outside {@code subject} when they are at least 30% of the row and spread less than
     * {@link #ROWSPREAD}; null for the other rows. {@code lab} holds OpenCV's 8-bit Lab as floats (L on 0–255).
     */
    private static double[][] plainRows(float[] lab, byte[] subject, int w, int h) {
        double k = 100 / 255.0;
        double[][] rowMean = new double[h][];
        for (int y = 0; y < h; y++) {
            double[] sum = new double[3];
            double[] sq = new double[3];
            int count = 0;
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (subject[p] != 0) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    double v = c == 0 ? lab[3 * p] * k : lab[3 * p + c];
                    sum[c] += v;
                    sq[c] += v * v;
                }
                count++;
            }
            if (count < 0.3 * w) {
                continue;
            }
            double spread = 0;
            for (int c = 0; c < 3; c++) {
                double mean = sum[c] / count;
                spread += Math.max(0, sq[c] / count - mean * mean);
            }
            if (Math.sqrt(spread) < ROWSPREAD) {
                rowMean[y] = new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
            }
        }
        return rowMean;
    }

    /**
     * The background's colour around each pixel: the picture in Lab (8-bit scale, as floats), the background weight
     * (1 outside {@code subject}, 0 on it, also on three channels), and the Gaussian sums of the background's colour
     * ({@code num}) and weight ({@code den}) over a twentieth of the shorter side; {@code num / den} is the local mean.
     */
    private record Around(Mat lab, Mat back3, Mat num, Mat den, double sigma) {
        static Around of(Mat bgr, Mat subject, List<Mat> temps) {
            Mat lab8 = keep(temps, new Mat());
            Imgproc.cvtColor(bgr, lab8, Imgproc.COLOR_BGR2Lab);
            Mat lab = keep(temps, new Mat());
            lab8.convertTo(lab, CvType.CV_32FC3);
            Mat back = keep(temps, new Mat());
            subject.convertTo(back, CvType.CV_32F, -1 / 255.0, 1);
            Mat back3 = keep(temps, new Mat());
            Core.merge(List.of(back, back, back), back3);
            Mat weighted = keep(temps, new Mat());
            Core.multiply(lab, back3, weighted);
            double sigma = Math.max(1.5, Math.min(bgr.cols(), bgr.rows()) * 0.05);
            Mat num = keep(temps, new Mat());
            Mat den = keep(temps, new Mat());
            Imgproc.GaussianBlur(weighted, num, new Size(0, 0), sigma);
            Imgproc.GaussianBlur(back, den, new Size(0, 0), sigma);
            return new Around(lab, back3, num, den, sigma);
        }
    }
}
