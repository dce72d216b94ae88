package dev.editloop.embedded.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Matrix helpers for the classic operations, and a scope that releases temporary matrices (native memory) at
 * once instead of waiting for the garbage collector.
 */
public final class Mats implements AutoCloseable {
    private final List<Mat> owned = new ArrayList<>();

    /** Registers a temporary matrix for release when the scope closes. */
    public Mat keep(Mat mat) {
        owned.add(mat);
        return mat;
    }

    /** A new empty temporary matrix. */
    public Mat mat() {
        return keep(new Mat());
    }

    @Override
    public void close() {
        for (Mat mat : owned) {
            mat.release();
        }
        owned.clear();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The interleaved bytes of a continuous 8-bit matrix. */
    public static byte[] bytes(Mat mat) {
        Mat source = mat.isContinuous() ? mat : mat.clone();
        byte[] out = new byte[(int) (source.total() * source.channels())];
        source.get(0, 0, out);
        if (source != mat) {
            source.release();
        }
        return out;
    }

    /** A new 8-bit BGR matrix holding these bytes. */
    public static Mat bgr(int width, int height, byte[] bytes) {
        Mat mat = new Mat(height, width, CvType.CV_8UC3);
        mat.put(0, 0, bytes);
        return mat;
    }

    /** A new 8-bit single-channel matrix holding these bytes. */
    public static Mat gray(int width, int height, byte[] bytes) {
        Mat mat = new Mat(height, width, CvType.CV_8UC1);
        mat.put(0, 0, bytes);
        return mat;
    }

    /** Applies a per-value table to every channel. */
    public static Mat lut(Mat src, IntUnaryOperator f) {
        Mat table = new Mat(1, 256, CvType.CV_8UC1);
        byte[] values = new byte[256];
        for (int v = 0; v < 256; v++) {
            values[v] = (byte) Math.max(0, Math.min(255, f.applyAsInt(v)));
        }
        table.put(0, 0, values);
        Mat out = new Mat();
        Core.LUT(src, table, out);
        table.release();
        return out;
    }

    /**
     * A Gaussian blur of standard deviation {@code sigma} pixels. Wide blurs run on a downscaled copy (the result is
     * smooth, so nothing visible is lost) to stay fast on large images.
     */
    public static Mat gaussian(Mat src, double sigma) {
        Mat out = new Mat();
        if (sigma < 0.3) {
            src.copyTo(out);
            return out;
        }
        if (sigma <= 6) {
            Imgproc.GaussianBlur(src, out, new Size(0, 0), sigma);
            return out;
        }
        int factor = (int) Math.min(16, Math.floor(sigma / 3));
        int w = Math.max(1, src.cols() / factor);
        int h = Math.max(1, src.rows() / factor);
        Mat small = new Mat();
        Imgproc.resize(src, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
        double rest = Math.sqrt(Math.max(0.25, sigma * sigma - factor * factor / 4.0)) / factor;
        Imgproc.GaussianBlur(small, small, new Size(0, 0), rest);
        Imgproc.resize(small, out, src.size(), 0, 0, Imgproc.INTER_LINEAR);
        small.release();
        return out;
    }

    /** Per-pixel blend {@code a·(1−t) + b·t} of two BGR matrices of the same size. */
    public static Mat mix(Mat a, Mat b, double t) {
        Mat out = new Mat();
        if (t >= 1) {
            b.copyTo(out);
        } else if (t <= 0) {
            a.copyTo(out);
        } else {
            Core.addWeighted(a, 1 - t, b, t, 0, out);
        }
        return out;
    }

    /** Resizes so that the longer side is at most {@code maxSide} (a copy when already small enough). */
    public static Mat fit(Mat src, int maxSide) {
        Mat out = new Mat();
        int longer = Math.max(src.cols(), src.rows());
        if (longer <= maxSide) {
            src.copyTo(out);
            return out;
        }
        double f = (double) maxSide / longer;
        Size size = new Size(Math.max(1, Math.round(src.cols() * f)), Math.max(1, Math.round(src.rows() * f)));
        Imgproc.resize(src, out, size, 0, 0, Imgproc.INTER_AREA);
        return out;
    }

    /**
     * The region's rectangle ({@link Region#bounds}) as {x, y, width, height}, at least one pixel and inside the
     * image even for pictures a few pixels wide.
     */
    public static int[] bounds(Region region, int width, int height) {
        int[] r = region.bounds(width, height);
        int x = Math.max(0, Math.min(r[0], width - 1));
        int y = Math.max(0, Math.min(r[1], height - 1));
        return new int[] {x, y, Math.max(1, Math.min(r[2], width - x)), Math.max(1, Math.min(r[3], height - y))};
    }

    /** Smooth step from 0 at {@code e0} to 1 at {@code e1}. */
    public static double smoothstep(double e0, double e1, double x) {
        double t = Math.max(0, Math.min(1, (x - e0) / (e1 - e0)));
        return t * t * (3 - 2 * t);
    }
}
