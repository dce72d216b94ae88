package dev.editloop.embedded.classic;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Operations that change the frame: rotate, flip, crop, zoom, resize, border. */
final class GeometryOps {
    private GeometryOps() {}

    static Mat rotate(Mat src, int degreesClockwise) {
        Mat out = new Mat();
        int code = switch (degreesClockwise) {
            case 90 -> Core.ROTATE_90_CLOCKWISE;
            case 180 -> Core.ROTATE_180;
            case 270 -> Core.ROTATE_90_COUNTERCLOCKWISE;
            default -> throw new IllegalArgumentException("rotation must be 90, 180 or 270, got " + degreesClockwise);
        };
        Core.rotate(src, out, code);
        return out;
    }

    static Mat flip(Mat src, boolean horizontal) {
        Mat out = new Mat();
        Core.flip(src, out, horizontal ? 1 : 0);
        return out;
    }

    static Mat cropRegion(Mat src, Region region) {
        int[] r = Mats.bounds(region, src.cols(), src.rows());
        return src.submat(new Rect(r[0], r[1], r[2], r[3])).clone();
    }

    /** The largest centered rectangle of the aspect ratio. */
    static Mat cropAspect(Mat src, int aw, int ah) {
        int w = src.cols();
        int h = src.rows();
        int cw = w;
        int ch = (int) Math.round((double) w * ah / aw);
        if (ch > h) {
            ch = h;
            cw = (int) Math.round((double) h * aw / ah);
        }
        cw = Math.max(1, Math.min(w, cw));
        ch = Math.max(1, Math.min(h, ch));
        return src.submat(new Rect((w - cw) / 2, (h - ch) / 2, cw, ch)).clone();
    }

    /** Zooming in by p% magnifies 1 + p/100 times: a centered crop scaled back to the original size. */
    static Mat zoom(Mat src, double percent) {
        int w = src.cols();
        int h = src.rows();
        double factor = 1 + percent / 100;
        int cw = Math.max(1, (int) Math.round(w / factor));
        int ch = Math.max(1, (int) Math.round(h / factor));
        Mat crop = src.submat(new Rect((w - cw) / 2, (h - ch) / 2, cw, ch));
        Mat out = new Mat();
        Imgproc.resize(crop, out, new Size(w, h), 0, 0, Imgproc.INTER_CUBIC);
        return out;
    }

    static Mat resize(Mat src, int width, int height) {
        Mat out = new Mat();
        boolean shrinking = (long) width * height < (long) src.cols() * src.rows();
        Imgproc.resize(src, out, new Size(width, height), 0, 0, shrinking ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
        return out;
    }

    static int[] scaledSize(Mat src, double percent) {
        return new int[] {
            (int) Math.max(1, Math.round(src.cols() * percent / 100)),
            (int) Math.max(1, Math.round(src.rows() * percent / 100))
        };
    }

    static Mat border(Mat src, int pixels, NamedColor color) {
        Mat out = new Mat();
        Core.copyMakeBorder(
                src,
                out,
                pixels,
                pixels,
                pixels,
                pixels,
                Core.BORDER_CONSTANT,
                new Scalar(color.b(), color.g(), color.r()));
        return out;
    }
}
