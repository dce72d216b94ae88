package dev.editloop.embedded.classic;

import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Tone;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Tone and color operations: per-pixel, so their results never depend on neighbours. */
public final class ToneOps {
    private ToneOps() {}

    /** A tone adjustment, with the semantics documented on {@link Tone}. */
    public static Mat adjust(Mat src, Tone tone, double amount) {
        return switch (tone) {
            case BRIGHTNESS -> brightness(src, amount);
            case CONTRAST -> contrast(src, amount);
            case SATURATION -> saturation(src, 1 + amount / 100);
            case WARMTH -> warmth(src, amount);
            case HUE -> hue(src, amount);
            case EXPOSURE -> exposure(src, amount);
        };
    }

    /** +N%: v + N/100·(255−v); −N%: v·(1−N/100). */
    public static Mat brightness(Mat src, double percent) {
        double p = Math.max(-1, Math.min(1, percent / 100));
        return Mats.lut(src, v -> (int) Math.round(p >= 0 ? v + p * (255 - v) : v * (1 + p)));
    }

    /** mean + (v − mean)·(1 + N/100), with the mean of the luma. */
    public static Mat contrast(Mat src, double percent) {
        double mean = meanLuma(src);
        double k = Math.max(0, 1 + percent / 100);
        return Mats.lut(src, v -> (int) Math.round(mean + (v - mean) * k));
    }

    public static double meanLuma(Mat src) {
        Mat gray = new Mat();
        Imgproc.cvtColor(src, gray, Imgproc.COLOR_BGR2GRAY);
        double mean = Core.mean(gray).val[0];
        gray.release();
        return mean;
    }

    /**
     * Scales the HSV saturation by {@code factor}, keeping hue and value: each channel moves away from (or toward)
     * the pixel's maximum, which is exactly HSV's saturation with the value fixed.
     */
    public static Mat saturation(Mat src, double factor) {
        byte[] px = Mats.bytes(src);
        double k = Math.max(0, factor);
        for (int i = 0; i < px.length; i += 3) {
            int b = px[i] & 0xff;
            int g = px[i + 1] & 0xff;
            int r = px[i + 2] & 0xff;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            if (max == min) {
                continue;
            }
            double kk = Math.min(k, (double) max / (max - min)); // saturation cannot exceed 1
            px[i] = (byte) Hsv.clamp255(max - (max - b) * kk);
            px[i + 1] = (byte) Hsv.clamp255(max - (max - g) * kk);
            px[i + 2] = (byte) Hsv.clamp255(max - (max - r) * kk);
        }
        return Mats.bgr(src.cols(), src.rows(), px);
    }

    /** +N%: red up and blue down by N/100·40 levels; negative the reverse. */
    public static Mat warmth(Mat src, double percent) {
        double levels = percent / 100 * 40;
        Mat out = new Mat();
        Core.add(src, new Scalar(-levels, 0, levels), out);
        return out;
    }

    /** Rotates the hue by the given degrees, keeping saturation and value. */
    public static Mat hue(Mat src, double degrees) {
        byte[] px = Mats.bytes(src);
        double[] hsv = new double[3];
        double[] rgb = new double[3];
        for (int i = 0; i < px.length; i += 3) {
            int b = px[i] & 0xff;
            int g = px[i + 1] & 0xff;
            int r = px[i + 2] & 0xff;
            if (r == g && g == b) {
                continue;
            }
            Hsv.of(r, g, b, hsv);
            Hsv.toRgb(hsv[0] + degrees, hsv[1], hsv[2], rgb);
            px[i] = (byte) Hsv.clamp255(rgb[2]);
            px[i + 1] = (byte) Hsv.clamp255(rgb[1]);
            px[i + 2] = (byte) Hsv.clamp255(rgb[0]);
        }
        return Mats.bgr(src.cols(), src.rows(), px);
    }

    /** Linear light (gamma 2.2) multiplied by 2^stops. */
    public static Mat exposure(Mat src, double stops) {
        double gain = Math.pow(2, stops);
        return Mats.lut(src, v -> {
            double linear = Math.pow(v / 255.0, 2.2) * gain;
            return (int) Math.round(Math.pow(Math.min(1, linear), 1 / 2.2) * 255);
        });
    }

    /** The full filter blended with the original at the given strength. */
    public static Mat filter(Mat src, Filter filter, double strength) {
        Mat full = new Mat();
        switch (filter) {
            case GRAYSCALE -> {
                Mat gray = new Mat();
                Imgproc.cvtColor(src, gray, Imgproc.COLOR_BGR2GRAY);
                Imgproc.cvtColor(gray, full, Imgproc.COLOR_GRAY2BGR);
                gray.release();
            }
            case SEPIA -> {
                Mat kernel = new Mat(3, 3, CvType.CV_32F);
                // rows: output B, G, R; columns: input B, G, R
                kernel.put(0, 0, 0.131, 0.534, 0.272, 0.168, 0.686, 0.349, 0.189, 0.769, 0.393);
                Core.transform(src, full, kernel);
                kernel.release();
            }
            case INVERT -> Core.bitwise_not(src, full);
        }
        Mat out = Mats.mix(src, full, strength / 100);
        full.release();
        return out;
    }

    /** N levels per channel. */
    public static Mat posterize(Mat src, int levels) {
        return Mats.lut(src, v -> {
            int q = Math.min(levels - 1, v * levels / 256);
            return (int) Math.round(q * 255.0 / (levels - 1));
        });
    }

    /** Blend with the color at strength/100·0.5. */
    public static Mat tint(Mat src, NamedColor color, double strength) {
        double t = strength / 100 * 0.5;
        Mat solid = new Mat(src.size(), src.type(), new Scalar(color.b(), color.g(), color.r()));
        Mat out = Mats.mix(src, solid, t);
        solid.release();
        return out;
    }
}
