package dev.editloop.embedded.classic;

import dev.editloop.embedded.classic.Action.Style;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Named styles and effects. {@code scale} is the shorter side of the whole image, so that a local effect has the
 * same size as the global one; {@code seed} feeds every random choice.
 */
final class StyleOps {
    /** Seed of the watercolor paper texture: the paper is the same sheet whatever the call's seed. */
    private static final long PAPER_SEED = 0x5EED_7A9E_12L;

    private StyleOps() {}

    static Mat apply(Mat src, Style style, double strength, int scale, long seed) {
        return switch (style) {
            case PENCIL_SKETCH -> blendWith(src, pencil(src, scale), strength);
            case WATERCOLOR -> blendWith(src, watercolor(src, scale), strength);
            case CARTOON -> blendWith(src, cartoon(src, scale), strength);
            case PIXEL_ART -> pixelArt(src, (int) strength);
            case HDR -> hdr(src, strength, scale);
            case BLUR -> Mats.gaussian(src, strength / 100 * scale / 60.0);
            case SHARPEN -> sharpen(src, strength, scale);
            case TILT_SHIFT -> tiltShift(src, strength, scale);
            case VIGNETTE -> vignette(src, strength);
            case FILM_GRAIN -> grain(src, strength / 100 * 30, seed);
        };
    }

    /** Releases {@code full} after blending it with the original at the strength. */
    private static Mat blendWith(Mat src, Mat full, double strength) {
        Mat out = Mats.mix(src, full, strength / 100);
        full.release();
        return out;
    }

    /** Grey sketch: the grey image divided by its blurred negative (color dodge), darkened a little. */
    static Mat pencil(Mat src, int scale) {
        try (Mats m = new Mats()) {
            Mat gray = m.mat();
            Imgproc.cvtColor(src, gray, Imgproc.COLOR_BGR2GRAY);
            Mat inverted = m.mat();
            Core.bitwise_not(gray, inverted);
            Mat blurred = m.keep(Mats.gaussian(inverted, Math.max(2, scale / 80.0)));
            Mat denominator = m.mat();
            Core.bitwise_not(blurred, denominator); // 255 − blur(255 − gray)
            Mat dodge = m.mat();
            Core.divide(gray, denominator, dodge, 256);
            Mat darker = m.keep(Mats.lut(dodge, v -> (int) Math.round(255 * Math.pow(v / 255.0, 2.2))));
            Mat out = new Mat();
            Imgproc.cvtColor(darker, out, Imgproc.COLOR_GRAY2BGR);
            return out;
        }
    }

    /**
     * Washes of flat color (edge-preserving smoothing on a copy of at most 512 pixels, narrow enough in color to keep
     * a face's features), pigment pooled at their edges, uneven wash
     * density, thin paint letting a textured paper through.
     */
    static Mat watercolor(Mat src, int scale) {
        try (Mats m = new Mats()) {
            // at 512 pixels a face keeps its eyes and mouth through the washes; a smaller copy (or a wider color
            // range in the smoothing) wipes them flat
            Mat small = m.keep(Mats.fit(src, 512));
            Mat a = m.mat();
            Mat b = m.mat();
            Imgproc.bilateralFilter(small, a, 9, 40, 9);
            Imgproc.bilateralFilter(a, b, 9, 40, 9);
            Imgproc.bilateralFilter(b, a, 9, 40, 9);
            Imgproc.medianBlur(a, b, 5);
            Imgproc.GaussianBlur(b, a, new Size(0, 0), 1.0); // the soft edges of wet paint
            Mat vivid = m.keep(ToneOps.saturation(a, 1.1));
            // pigment pools at the edges of washes: darken along the gradient of the smoothed image
            Mat gray = m.mat();
            Imgproc.cvtColor(vivid, gray, Imgproc.COLOR_BGR2GRAY);
            Mat gradient = m.mat();
            Imgproc.morphologyEx(
                    gray,
                    gradient,
                    Imgproc.MORPH_GRADIENT,
                    Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3)));
            Mat up = m.mat();
            Imgproc.resize(vivid, up, src.size(), 0, 0, Imgproc.INTER_CUBIC);
            Mat edges = m.mat();
            Imgproc.resize(gradient, edges, src.size(), 0, 0, Imgproc.INTER_LINEAR);
            byte[] px = Mats.bytes(up);
            byte[] edge = Mats.bytes(edges);
            float[] paper = texture(src.cols(), src.rows(), 3, 0.8, 0.07f, PAPER_SEED);
            float[] wash = texture(src.cols(), src.rows(), 40, 1.5, 0.06f, PAPER_SEED + 1);
            for (int i = 0, p = 0; i < px.length; i += 3, p++) {
                double pool = 1 - 0.45 * Math.min(1, (edge[p] & 0xff) / 60.0);
                double texture = paper[p] * wash[p];
                for (int c = 0; c < 3; c++) {
                    double v = px[i + c] & 0xff;
                    v = v + 0.15 * (255 - v); // thin paint lets the paper through
                    px[i + c] = (byte) Hsv.clamp255(v * pool * texture);
                }
            }
            return Mats.bgr(src.cols(), src.rows(), px);
        }
    }

    /**
     * A texture around 1.0 (±{@code depth}), the same for a given size and seed: noise on a grid {@code cell} times
     * coarser than the image, blurred by {@code blur} cells and scaled up.
     */
    private static float[] texture(int width, int height, int cell, double blur, float depth, long seed) {
        int w = Math.max(2, width / cell);
        int h = Math.max(2, height / cell);
        SplittableRandom random = new SplittableRandom(seed);
        float[] noise = new float[w * h];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        Mat small = new Mat(h, w, CvType.CV_32F);
        small.put(0, 0, noise);
        Imgproc.GaussianBlur(small, small, new Size(0, 0), blur);
        Core.normalize(small, small, -1, 1, Core.NORM_MINMAX);
        Mat full = new Mat();
        Imgproc.resize(small, full, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
        float[] out = new float[width * height];
        full.get(0, 0, out);
        small.release();
        full.release();
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 + depth * out[i];
        }
        return out;
    }

    /** Bilateral smoothing, quantized colors and dark edges. */
    static Mat cartoon(Mat src, int scale) {
        try (Mats m = new Mats()) {
            Mat small = m.keep(Mats.fit(src, 512));
            Mat a = m.mat();
            Mat b = m.mat();
            Imgproc.bilateralFilter(small, a, 7, 50, 7);
            Imgproc.bilateralFilter(a, b, 7, 50, 7);
            Mat smooth = m.mat();
            Imgproc.resize(b, smooth, src.size(), 0, 0, Imgproc.INTER_LINEAR);
            Mat flat = m.keep(ToneOps.posterize(smooth, 6));
            // outlines from the smoothed grey image: a median removes what texture is left, an adaptive threshold
            // keeps the outlines
            Mat gray = m.mat();
            Imgproc.cvtColor(b, gray, Imgproc.COLOR_BGR2GRAY);
            Imgproc.medianBlur(gray, gray, 5);
            Mat lines = m.mat();
            int block = Math.max(5, (int) Math.round(Math.min(small.cols(), small.rows()) / 60.0)) | 1;
            Imgproc.adaptiveThreshold(
                    gray, lines, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY, block, 4);
            Mat linesFull = m.mat();
            Imgproc.resize(lines, linesFull, src.size(), 0, 0, Imgproc.INTER_LINEAR);
            Imgproc.threshold(linesFull, linesFull, 127, 255, Imgproc.THRESH_BINARY);
            Mat out = Mat.zeros(src.size(), src.type());
            flat.copyTo(out, linesFull);
            return out;
        }
    }

    /** Block averages of the given size (aligned to the top left corner), then 8 levels per channel. */
    static Mat pixelArt(Mat src, int block) {
        int w = src.cols();
        int h = src.rows();
        byte[] px = Mats.bytes(src);
        for (int by = 0; by < h; by += block) {
            int y1 = Math.min(h, by + block);
            for (int bx = 0; bx < w; bx += block) {
                int x1 = Math.min(w, bx + block);
                long sb = 0;
                long sg = 0;
                long sr = 0;
                for (int y = by; y < y1; y++) {
                    for (int x = bx, i = (y * w + bx) * 3; x < x1; x++, i += 3) {
                        sb += px[i] & 0xff;
                        sg += px[i + 1] & 0xff;
                        sr += px[i + 2] & 0xff;
                    }
                }
                long n = (long) (y1 - by) * (x1 - bx);
                byte qb = quantize(sb, n);
                byte qg = quantize(sg, n);
                byte qr = quantize(sr, n);
                for (int y = by; y < y1; y++) {
                    for (int x = bx, i = (y * w + bx) * 3; x < x1; x++, i += 3) {
                        px[i] = qb;
                        px[i + 1] = qg;
                        px[i + 2] = qr;
                    }
                }
            }
        }
        return Mats.bgr(w, h, px);
    }

    /** The block's mean, rounded to the nearest of 8 levels (0, 36, 73 … 255). */
    private static byte quantize(long sum, long n) {
        double mean = (double) sum / n;
        return (byte) Math.round(Math.round(mean / (255 / 7.0)) * (255 / 7.0));
    }

    /**
     * Local contrast (a wide unsharp mask whose boost is limited at strong edges, so that no halos appear) plus fine
     * detail (a narrow one).
     */
    static Mat hdr(Mat src, double strength, int scale) {
        try (Mats m = new Mats()) {
            double s = strength / 100;
            Mat base = m.keep(Mats.gaussian(src, Math.max(2, scale / 40.0)));
            byte[] a = Mats.bytes(src);
            byte[] b = Mats.bytes(base);
            double k = 1.5 * s;
            for (int i = 0; i < a.length; i++) {
                int v = a[i] & 0xff;
                int detail = Math.max(-14, Math.min(14, v - (b[i] & 0xff)));
                a[i] = (byte) Hsv.clamp255(v + k * detail);
            }
            Mat local = m.keep(Mats.bgr(src.cols(), src.rows(), a));
            Mat fine = m.keep(Mats.gaussian(local, Math.max(1, scale / 300.0)));
            Mat out = new Mat();
            Core.addWeighted(local, 1 + 0.8 * s, fine, -0.8 * s, 0, out);
            return out;
        }
    }

    /** Unsharp mask: original + 2·s·(original − blur). */
    static Mat sharpen(Mat src, double strength, int scale) {
        double amount = 2 * strength / 100;
        Mat blurred = Mats.gaussian(src, Math.max(1, scale / 400.0));
        Mat out = new Mat();
        Core.addWeighted(src, 1 + amount, blurred, -amount, 0, out);
        blurred.release();
        return out;
    }

    /** Sharp horizontal band in the middle, blurred top and bottom, more saturated: a miniature look. */
    static Mat tiltShift(Mat src, double strength, int scale) {
        try (Mats m = new Mats()) {
            double s = strength / 100;
            Mat blurred = m.keep(Mats.gaussian(src, s * scale / 50.0));
            int w = src.cols();
            int h = src.rows();
            byte[] a = Mats.bytes(src);
            byte[] b = Mats.bytes(blurred);
            for (int y = 0; y < h; y++) {
                double t = Mats.smoothstep(0.08, 0.3, Math.abs((y + 0.5) / h - 0.5));
                if (t == 0) {
                    continue;
                }
                for (int i = y * w * 3, end = i + w * 3; i < end; i++) {
                    int va = a[i] & 0xff;
                    a[i] = (byte) Hsv.clamp255(va + ((b[i] & 0xff) - va) * t);
                }
            }
            Mat mixed = m.keep(Mats.bgr(w, h, a));
            Mat vivid = m.keep(ToneOps.saturation(mixed, 1 + 0.4 * s));
            return ToneOps.contrast(vivid, 10 * s);
        }
    }

    /** Radial darkening from about a quarter of the way out; the corners are multiplied by (1 − s). */
    static Mat vignette(Mat src, double strength) {
        int w = src.cols();
        int h = src.rows();
        double s = strength / 100;
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double[] dx2 = new double[w];
        for (int x = 0; x < w; x++) {
            double d = cx == 0 ? 0 : (x - cx) / cx;
            dx2[x] = d * d;
        }
        byte[] px = Mats.bytes(src);
        for (int y = 0; y < h; y++) {
            double dy = cy == 0 ? 0 : (y - cy) / cy;
            double dy2 = dy * dy;
            for (int x = 0, i = y * w * 3; x < w; x++, i += 3) {
                double r = Math.sqrt((dx2[x] + dy2) / 2);
                double f = 1 - s * Mats.smoothstep(0.25, 1, r);
                if (f == 1) {
                    continue;
                }
                px[i] = (byte) Hsv.clamp255((px[i] & 0xff) * f);
                px[i + 1] = (byte) Hsv.clamp255((px[i + 1] & 0xff) * f);
                px[i + 2] = (byte) Hsv.clamp255((px[i + 2] & 0xff) * f);
            }
        }
        return Mats.bgr(w, h, px);
    }

    /** Seeded monochrome Gaussian noise with standard deviation {@code sigma} levels. */
    static Mat grain(Mat src, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] px = Mats.bytes(src);
        for (int i = 0; i < px.length; i += 3) {
            double n = random.nextGaussian() * sigma;
            px[i] = (byte) Hsv.clamp255((px[i] & 0xff) + n);
            px[i + 1] = (byte) Hsv.clamp255((px[i + 1] & 0xff) + n);
            px[i + 2] = (byte) Hsv.clamp255((px[i + 2] & 0xff) + n);
        }
        return Mats.bgr(src.cols(), src.rows(), px);
    }
}
