package dev.editloop.embedded.measure;

import dev.editloop.embedded.OpenCv;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Small OpenCV helpers on the row-major float planes and flag masks that the artifact measures read (the sample
 * planes of an {@link Analysis}): Gaussian and box filters, and growing or shrinking a mask. Each call copies in and
 * out of a native matrix; at the sample plane's size (at most 384 pixels a side) that costs well under a
 * millisecond.
 */
final class Planes {
    private Planes() {}

    /** A Gaussian blur of a plane with standard deviation {@code sigma} pixels (reflected borders). */
    static float[] gaussian(float[] plane, int w, int h, double sigma) {
        OpenCv.ensureLoaded();
        Mat in = new Mat(h, w, CvType.CV_32F);
        in.put(0, 0, plane);
        Mat out = new Mat();
        Imgproc.GaussianBlur(in, out, new Size(0, 0), sigma);
        float[] result = new float[plane.length];
        out.get(0, 0, result);
        in.release();
        out.release();
        return result;
    }

    /** The mean of a plane over a (2r+1)² box around each pixel (reflected borders). */
    static float[] box(float[] plane, int w, int h, int radius) {
        OpenCv.ensureLoaded();
        Mat in = new Mat(h, w, CvType.CV_32F);
        in.put(0, 0, plane);
        Mat out = new Mat();
        Imgproc.blur(in, out, new Size(2 * radius + 1, 2 * radius + 1));
        float[] result = new float[plane.length];
        out.get(0, 0, result);
        in.release();
        out.release();
        return result;
    }

    /**
     * The mean of {@code values} over the flagged pixels of a (2r+1)² box around each pixel (normalized
     * convolution); NaN where the box holds no flagged pixel.
     */
    static float[] maskedBox(float[] values, boolean[] mask, int w, int h, int radius) {
        float[] weighted = new float[values.length];
        float[] weights = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            if (mask[i]) {
                weighted[i] = values[i];
                weights[i] = 1;
            }
        }
        float[] num = box(weighted, w, h, radius);
        float[] den = box(weights, w, h, radius);
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = den[i] > 1e-4f ? num[i] / den[i] : Float.NaN;
        }
        return out;
    }

    /** A mask grown ({@code radius > 0}) or shrunk ({@code radius < 0}) by a disc of that radius. */
    static boolean[] morph(boolean[] mask, int w, int h, int radius) {
        if (radius == 0) {
            return mask.clone();
        }
        OpenCv.ensureLoaded();
        Mat in = toMat(mask, w, h);
        Mat out = new Mat();
        int r = Math.abs(radius);
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * r + 1, 2 * r + 1));
        if (radius > 0) {
            Imgproc.dilate(in, out, kernel, new Point(-1, -1), 1, Core.BORDER_CONSTANT, new org.opencv.core.Scalar(0));
        } else {
            Imgproc.erode(in, out, kernel, new Point(-1, -1), 1, Core.BORDER_CONSTANT, new org.opencv.core.Scalar(255));
        }
        boolean[] result = fromMat(out, mask.length);
        in.release();
        out.release();
        kernel.release();
        return result;
    }

    /** A mask opened then closed by discs of the given radii: specks and pinholes removed. */
    static boolean[] clean(boolean[] mask, int w, int h, int open, int close) {
        boolean[] opened = morph(morph(mask, w, h, -open), w, h, open);
        return morph(morph(opened, w, h, close), w, h, -close);
    }

    private static Mat toMat(boolean[] mask, int w, int h) {
        byte[] bytes = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            bytes[i] = mask[i] ? (byte) 255 : 0;
        }
        Mat mat = new Mat(h, w, CvType.CV_8U);
        mat.put(0, 0, bytes);
        return mat;
    }

    private static boolean[] fromMat(Mat mat, int n) {
        byte[] bytes = new byte[n];
        mat.get(0, 0, bytes);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = bytes[i] != 0;
        }
        return out;
    }

    /** Pixels flagged in {@code a} and not in {@code b}. */
    static boolean[] minus(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] && !b[i];
        }
        return out;
    }

    /** How many pixels are flagged. */
    static int count(boolean[] mask) {
        int n = 0;
        for (boolean m : mask) {
            n += m ? 1 : 0;
        }
        return n;
    }

    /** The mean of a plane over the flagged pixels; NaN when none. */
    static double mean(float[] plane, boolean[] mask) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < plane.length; i++) {
            if (mask[i]) {
                sum += plane[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The absolute high-pass residual {@code |p − G_σ(p)|}: fine texture and noise. */
    static float[] highPass(float[] plane, int w, int h, double sigma) {
        float[] low = gaussian(plane, w, h, sigma);
        float[] out = new float[plane.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(plane[i] - low[i]);
        }
        return out;
    }

    /** The gradient magnitude (central differences) of a plane smoothed by {@code sigma}: structure, not noise. */
    static float[] gradient(float[] plane, int w, int h, double sigma) {
        float[] p = sigma > 0 ? gaussian(plane, w, h, sigma) : plane;
        float[] out = new float[plane.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float gx = p[y * w + Math.min(w - 1, x + 1)] - p[y * w + Math.max(0, x - 1)];
                float gy = p[Math.min(h - 1, y + 1) * w + x] - p[Math.max(0, y - 1) * w + x];
                out[y * w + x] = (float) (0.5 * Math.sqrt(gx * gx + gy * gy));
            }
        }
        return out;
    }

    /** "the center", "the upper left", … : where a point (fractions of width and height) lies. */
    static String where(double fx, double fy) {
        String v = fy < 0.36 ? "upper" : fy > 0.64 ? "lower" : "";
        String hz = fx < 0.36 ? "left" : fx > 0.64 ? "right" : "";
        if (v.isEmpty() && hz.isEmpty()) {
            return "the center";
        }
        if (v.isEmpty()) {
            return "the " + hz;
        }
        if (hz.isEmpty()) {
            return "the " + v + " middle";
        }
        return "the " + v + " " + hz;
    }
}
