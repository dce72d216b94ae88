package dev.editloop.embedded.measure;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.OpenCv;
import java.util.Objects;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The working copy of one picture that every measurement reads: made once, immutable, safe to share between
 * threads.
 *
 * <p>It holds two planes. The <em>sample</em> is the picture downscaled by area averaging so that its longer side is
 * at most {@link #SAMPLE_SIDE} pixels, as float R, G, B, luma, saturation and hue planes: tone, color and structure
 * statistics are read there. The <em>fine</em> plane is the picture decimated (every k-th pixel, no averaging) so
 * that its longer side is at most {@link #FINE_SIDE}: decimation keeps pixel-level noise and exact pixel equality
 * intact, so grain, blockiness, levels and clipping are read there.
 */
public final class Analysis {
    /** Longer side of the sample plane. */
    public static final int SAMPLE_SIDE = 384;
    /** Longer side of the fine plane. */
    public static final int FINE_SIDE = 1024;

    private final int width;
    private final int height;
    private final int sw;
    private final int sh;
    private final byte[] sample;
    final float[] r;
    final float[] g;
    final float[] b;
    final float[] y;
    final float[] s;
    final float[] h;
    private final int fw;
    private final int fh;
    private final int fineStep;
    final int[] fine;
    private int[] fineLuma;
    private int[] fineSettled;
    private double wholeNoise = Double.NaN;

    private Analysis(int width, int height, int sw, int sh, byte[] sample, int fw, int fh, int fineStep, int[] fine) {
        this.width = width;
        this.height = height;
        this.sw = sw;
        this.sh = sh;
        this.sample = sample;
        this.fw = fw;
        this.fh = fh;
        this.fineStep = fineStep;
        this.fine = fine;
        int n = sw * sh;
        r = new float[n];
        g = new float[n];
        b = new float[n];
        y = new float[n];
        s = new float[n];
        h = new float[n];
        for (int i = 0; i < n; i++) {
            float bb = sample[3 * i] & 0xff;
            float gg = sample[3 * i + 1] & 0xff;
            float rr = sample[3 * i + 2] & 0xff;
            r[i] = rr;
            g[i] = gg;
            b[i] = bb;
            y[i] = 0.299f * rr + 0.587f * gg + 0.114f * bb;
            float max = Math.max(rr, Math.max(gg, bb));
            float min = Math.min(rr, Math.min(gg, bb));
            float c = max - min;
            s[i] = max <= 0 ? 0 : c / max;
            h[i] = hue(rr, gg, bb, max, c);
        }
    }

    /** Analyses a picture. */
    public static Analysis of(Picture picture) {
        Objects.requireNonNull(picture, "picture");
        int w = picture.width();
        int hh = picture.height();
        byte[] bgr = picture.bgr();
        int longer = Math.max(w, hh);
        int sw = w;
        int sh = hh;
        byte[] sample = bgr;
        if (longer > SAMPLE_SIDE) {
            double scale = (double) SAMPLE_SIDE / longer;
            sw = Math.max(1, (int) Math.round(w * scale));
            sh = Math.max(1, (int) Math.round(hh * scale));
            sample = resize(bgr, w, hh, sw, sh, Imgproc.INTER_AREA);
        }
        int step = Math.max(1, (longer + FINE_SIDE - 1) / FINE_SIDE);
        int fw = (w + step - 1) / step;
        int fh = (hh + step - 1) / step;
        int[] fine = new int[fw * fh];
        for (int fy = 0; fy < fh; fy++) {
            int row = fy * step * w;
            for (int fx = 0; fx < fw; fx++) {
                int i = 3 * (row + fx * step);
                fine[fy * fw + fx] = ((bgr[i + 2] & 0xff) << 16) | ((bgr[i + 1] & 0xff) << 8) | (bgr[i] & 0xff);
            }
        }
        return new Analysis(w, hh, sw, sh, sample, fw, fh, step, fine);
    }

    /**
     * The same picture with its sample plane resampled to another size (the fine plane is kept): used to compare an
     * edit whose size differs from the source's pixel by pixel.
     */
    public Analysis resampled(int sampleWidth, int sampleHeight) {
        if (sampleWidth == sw && sampleHeight == sh) {
            return this;
        }
        byte[] other = resize(sample, sw, sh, sampleWidth, sampleHeight, Imgproc.INTER_AREA);
        return new Analysis(width, height, sampleWidth, sampleHeight, other, fw, fh, fineStep, fine);
    }

    static Mat toMat(byte[] bgr, int w, int h) {
        OpenCv.ensureLoaded();
        Mat mat = new Mat(h, w, CvType.CV_8UC3);
        mat.put(0, 0, bgr);
        return mat;
    }

    private static byte[] resize(byte[] bgr, int w, int h, int tw, int th, int interpolation) {
        Mat in = toMat(bgr, w, h);
        Mat out = new Mat();
        Imgproc.resize(in, out, new Size(tw, th), 0, 0, interpolation);
        byte[] bytes = new byte[tw * th * 3];
        out.get(0, 0, bytes);
        in.release();
        out.release();
        return bytes;
    }

    private static float hue(float r, float g, float b, float max, float c) {
        if (c <= 0) {
            return 0;
        }
        float hh;
        if (max == r) {
            hh = (g - b) / c;
            if (hh < 0) {
                hh += 6;
            }
        } else if (max == g) {
            hh = (b - r) / c + 2;
        } else {
            hh = (r - g) / c + 4;
        }
        return hh * 60f;
    }

    /** Width of the analysed picture. */
    public int width() {
        return width;
    }

    /** Height of the analysed picture. */
    public int height() {
        return height;
    }

    /** The sample plane's BGR bytes, shared: callers must not change them. */
    public byte[] sampleBgr() {
        return sample;
    }

    /** Width of the sample plane. */
    public int sampleWidth() {
        return sw;
    }

    /** Height of the sample plane. */
    public int sampleHeight() {
        return sh;
    }

    /** Width of the fine plane. */
    public int fineWidth() {
        return fw;
    }

    /** Height of the fine plane. */
    public int fineHeight() {
        return fh;
    }

    /** Original pixels per fine-plane pixel along each axis. */
    public int fineStep() {
        return fineStep;
    }

    /** Sample-plane pixels per original pixel (at most 1). */
    public double sampleScale() {
        return (double) sw / width;
    }

    /** Fine-plane luma times 1000 ({@code 299 R + 587 G + 114 B}), computed once. */
    synchronized int[] fineLuma() {
        if (fineLuma == null) {
            int[] luma = new int[fine.length];
            for (int i = 0; i < luma.length; i++) {
                int p = fine[i];
                luma[i] = 299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff);
            }
            fineLuma = luma;
        }
        return fineLuma;
    }

    /**
     * The fine plane after a 5×5 median, computed once: per-pixel grain laid over flat areas is gone, edges and the
     * areas themselves stay (read by {@link Measurements#levels} so that grain added after a cartoon or a posterize
     * does not count as tone levels).
     */
    synchronized int[] fineSettled() {
        if (fineSettled == null) {
            byte[] bgr = new byte[3 * fine.length];
            for (int i = 0; i < fine.length; i++) {
                int p = fine[i];
                bgr[3 * i] = (byte) p;
                bgr[3 * i + 1] = (byte) (p >> 8);
                bgr[3 * i + 2] = (byte) (p >> 16);
            }
            Mat src = new Mat(fh, fw, CvType.CV_8UC3);
            Mat out = new Mat();
            try {
                src.put(0, 0, bgr);
                Imgproc.medianBlur(src, out, 5);
                out.get(0, 0, bgr);
            } finally {
                src.release();
                out.release();
            }
            int[] settled = new int[fine.length];
            for (int i = 0; i < settled.length; i++) {
                settled[i] = ((bgr[3 * i + 2] & 0xff) << 16) | ((bgr[3 * i + 1] & 0xff) << 8) | (bgr[3 * i] & 0xff);
            }
            fineSettled = settled;
        }
        return fineSettled;
    }

    /** The whole-image noise level, computed once. */
    synchronized double wholeNoise(java.util.function.ToDoubleFunction<Analysis> compute) {
        if (Double.isNaN(wholeNoise)) {
            wholeNoise = compute.applyAsDouble(this);
        }
        return wholeNoise;
    }

    byte[] sampleBytes() {
        return sample;
    }

    @Override
    public String toString() {
        return "Analysis[" + width + "x" + height + ", sample " + sw + "x" + sh + ", fine " + fw + "x" + fh + "]";
    }
}
