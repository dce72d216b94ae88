package dev.editloop.embedded;

import dev.editloop.core.NonRetriableException;
import dev.editloop.core.image.Picture;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Loads OpenCV's bundled native library once (from a per-user cache, see {@link NativeLibraryCache}, so that a run
 * does not unpack 65 MB from the jar each time), and converts between {@link Picture} and OpenCV matrices. */
public final class OpenCv {
    private static volatile boolean loaded;

    private OpenCv() {}

    /** Loads the native library on first use; later calls return at once. */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (OpenCv.class) {
            if (loaded) {
                return;
            }
            try {
                Path cached = NativeLibraryCache.openCv();
                if (cached != null) {
                    System.load(cached.toString());
                } else {
                    nu.pattern.OpenCV.loadLocally();
                }
                // the embedded backends are deterministic; one thread avoids any order-dependent parallel result
                org.opencv.core.Core.setNumThreads(1);
                loaded = true;
            } catch (Throwable e) {
                throw new NonRetriableException(
                        "cannot load OpenCV's native library (bundled in org.openpnp:opencv) for this platform: "
                                + e.getMessage(),
                        e);
            }
        }
    }

    /** A new 8-bit, 3-channel BGR matrix holding the picture's pixels. */
    public static Mat toMat(Picture picture) {
        ensureLoaded();
        Mat mat = new Mat(picture.height(), picture.width(), CvType.CV_8UC3);
        mat.put(0, 0, picture.bgr());
        return mat;
    }

    /** A picture from an 8-bit BGR (3-channel) or grey (1-channel) matrix. */
    public static Picture toPicture(Mat mat) {
        ensureLoaded();
        Mat bgr = mat;
        if (mat.type() == CvType.CV_8UC1) {
            bgr = new Mat();
            org.opencv.imgproc.Imgproc.cvtColor(mat, bgr, org.opencv.imgproc.Imgproc.COLOR_GRAY2BGR);
        } else if (mat.type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit BGR or grey matrix, got type " + mat.type());
        }
        byte[] bytes = new byte[(int) (bgr.total() * 3)];
        bgr.get(0, 0, bytes);
        return Picture.ofBgr(bgr.cols(), bgr.rows(), bytes);
    }
}
