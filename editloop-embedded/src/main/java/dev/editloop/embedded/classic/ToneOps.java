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

    /** Rec. 601 luma weights, the same the measurements use. */
    private static final double WR = 0.299;

    private static final double WG = 0.587;
    private static final double WB = 0.114;

    /**
     * Brightness. +N% moves the mean luma by about N% of its headroom to white while keeping contrast and color: each
     * pixel's luma shifts up by that step (so the spread of luma stays and the picture is not washed out), eased off
     * smoothly over the last levels before white so that nothing is blown, and its colors are rebuilt around the new
     * luma with the same chroma; past +50% the rest of the move is the plain lift toward white. −N% scales every value
     * toward black by (1 − N/100), which keeps the shadows' detail and the colors' saturation; its lower contrast is
     * what the RMS contrast reads, so a request for darker and more contrast gets a stretch that outweighs it.
     */
    public static Mat brightness(Mat src, double percent) {
        double p = Math.max(-1, Math.min(1, percent / 100));
        if (p == 0) {
            return src.clone();
        }
        if (p < 0) {
            return Mats.lut(src, v -> (int) Math.round(v * (1 + p)));
        }
        double shiftPart = Math.min(0.5, p);
        double rest = p > 0.5 ? (p - 0.5) / 0.5 : 0;
        double step = shiftPart * (255 - meanLuma(src));
        byte[] px = Mats.bytes(src);
        for (int i = 0; i < px.length; i += 3) {
            double b = px[i] & 0xff;
            double g = px[i + 1] & 0xff;
            double r = px[i + 2] & 0xff;
            double y = WR * r + WG * g + WB * b;
            // the step, eased off toward white: y + step·room²/(room² + step²) with room = 255 − y
            double room = 255 - y;
            double y2 = y + step * room * room / (room * room + step * step);
            if (rest > 0) {
                y2 = y2 + rest * (255 - y2);
            }
            double k = gamut(y2, r - y, g - y, b - y, 1);
            px[i] = (byte) Hsv.clamp255(y2 + (b - y) * k);
            px[i + 1] = (byte) Hsv.clamp255(y2 + (g - y) * k);
            px[i + 2] = (byte) Hsv.clamp255(y2 + (r - y) * k);
        }
        return Mats.bgr(src.cols(), src.rows(), px);
    }

    /** The largest chroma scale at most {@code k} that keeps luma {@code y} plus each offset times it inside 0..255. */
    private static double gamut(double y, double dr, double dg, double db, double k) {
        for (double d : new double[] {dr, dg, db}) {
            if (d > 1e-9) {
                k = Math.min(k, (255 - y) / d);
            } else if (d < -1e-9) {
                k = Math.min(k, y / -d);
            }
        }
        return Math.max(0, k);
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
     * Scales each pixel's chroma around its own luma by {@code factor}: the luma (the brightness people see and the
     * contrast) stays, the colors move away from (or toward) the pixel's grey, as far as the gamut allows.
     */
    public static Mat saturation(Mat src, double factor) {
        byte[] px = Mats.bytes(src);
        double k = Math.max(0, factor);
        for (int i = 0; i < px.length; i += 3) {
            double b = px[i] & 0xff;
            double g = px[i + 1] & 0xff;
            double r = px[i + 2] & 0xff;
            if (r == g && g == b) {
                continue;
            }
            double y = WR * r + WG * g + WB * b;
            double kk = gamut(y, r - y, g - y, b - y, k);
            px[i] = (byte) Hsv.clamp255(y + (b - y) * kk);
            px[i + 1] = (byte) Hsv.clamp255(y + (g - y) * kk);
            px[i + 2] = (byte) Hsv.clamp255(y + (r - y) * kk);
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

    /**
     * Rotates the hue by the given degrees around each pixel's luma: the opponent pair α = R − (G+B)/2, β = √3/2·(G−B)
     * (whose angle is the hue of the color hexagon) turns by the degrees and the colors are rebuilt with the same luma,
     * so the picture keeps its light and shade (no edge darkens or brightens) and only the colors move; chroma is
     * shortened where the turned color would leave the gamut.
     */
    public static Mat hue(Mat src, double degrees) {
        byte[] px = Mats.bytes(src);
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double h = Math.sqrt(3) / 2;
        for (int i = 0; i < px.length; i += 3) {
            double b = px[i] & 0xff;
            double g = px[i + 1] & 0xff;
            double r = px[i + 2] & 0xff;
            if (r == g && g == b) {
                continue;
            }
            double y = WR * r + WG * g + WB * b;
            double alpha = r - (g + b) / 2;
            double beta = h * (g - b);
            double a2 = alpha * cos - beta * sin;
            double b2 = alpha * sin + beta * cos;
            // offsets from the luma with α, β and WR·dr + WG·dg + WB·db = 0: dg − db = b2/h, dr − (dg+db)/2 = a2
            double gMinusB = b2 / h;
            // solve: dr = a2 + (dg + db)/2; dg = db + gMinusB; WR·dr + WG·dg + WB·db = 0
            // let db = t: dg = t + gMinusB; dr = a2 + t + gMinusB/2
            // WR·(a2 + t + gMinusB/2) + WG·(t + gMinusB) + WB·t = 0 → t = −(WR·a2 + WR·gMinusB/2 + WG·gMinusB)
            double t = -(WR * a2 + WR * gMinusB / 2 + WG * gMinusB);
            double db = t;
            double dg = t + gMinusB;
            double dr = a2 + t + gMinusB / 2;
            double k = gamut(y, dr, dg, db, 1);
            px[i] = (byte) Hsv.clamp255(y + db * k);
            px[i + 1] = (byte) Hsv.clamp255(y + dg * k);
            px[i + 2] = (byte) Hsv.clamp255(y + dr * k);
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
