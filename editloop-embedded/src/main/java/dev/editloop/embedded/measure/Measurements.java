package dev.editloop.embedded.measure;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.ColorAreas;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * Image measurements: pure, deterministic functions of pictures, each documented with its scale.
 *
 * <p>Every measurement comes in two forms: on a {@link Picture} (convenient, analyses the picture each time) and on
 * an {@link Analysis} with a {@link Zone} (analyse once, measure many times, on a region or its complement).
 * Measurements that compare two images live in {@link Comparison}. Tone and color statistics are read on the
 * analysis' sample plane (longer side {@value Analysis#SAMPLE_SIDE}), pixel-level ones (noise, blockiness, levels,
 * clipping) on its fine plane. Luma is Rec. 601 ({@code 0.299 R + 0.587 G + 0.114 B}) on the 0–255 scale. A
 * measurement over an empty zone is {@code NaN}.
 */
public final class Measurements {
    /** sRGB 8-bit value to linear light 0–1. */
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    /** The direction of sepia tone in the (R−G, G−B) plane: the classic sepia matrix applied to grey. */
    private static final double SEPIA_U = 0.148;

    private static final double SEPIA_V = 0.266;

    private Measurements() {}

    // ---------------------------------------------------------------- tone

    /** Mean luma, 0–255. */
    public static double meanLuma(Analysis a, Zone zone) {
        return Masked.mean(sampleMask(a, zone), a.y);
    }

    /** Mean luma of a picture, 0–255. */
    public static double meanLuma(Picture picture) {
        return meanLuma(Analysis.of(picture), Zone.WHOLE);
    }

    /** Mean luma of a region of a picture, 0–255. */
    public static double meanLuma(Picture picture, Region region) {
        return meanLuma(Analysis.of(picture), Zone.in(region));
    }

    /** Luma contrast: the standard deviation of luma, in levels (0 for a flat image, 127.5 at most). */
    public static double lumaContrast(Analysis a, Zone zone) {
        return Masked.std(sampleMask(a, zone), a.y);
    }

    /** Luma contrast of a picture, in levels. */
    public static double lumaContrast(Picture picture) {
        return lumaContrast(Analysis.of(picture), Zone.WHOLE);
    }

    /**
     * Mean linear-light luminance 0–1 (sRGB decoded, Rec. 709 weights): the quantity an exposure change multiplies.
     */
    public static double meanLinearLuminance(Analysis a, Zone zone) {
        return Masked.mean(
                sampleMask(a, zone),
                a.y.length,
                i -> 0.2126 * LINEAR[(int) a.r[i]] + 0.7152 * LINEAR[(int) a.g[i]] + 0.0722 * LINEAR[(int) a.b[i]]);
    }

    // ---------------------------------------------------------------- color

    /** Mean HSV saturation, 0–1 ({@code (max − min) / max} per pixel, 0 for black). */
    public static double meanSaturation(Analysis a, Zone zone) {
        return Masked.mean(sampleMask(a, zone), a.s);
    }

    /**
     * Mean chroma: the mean of {@code max(R,G,B) − min(R,G,B)} in levels (0 for grey). Scaling HSV saturation or
     * blending toward grey scales it exactly, so ratios of it read saturation changes.
     */
    public static double meanChroma(Analysis a, Zone zone) {
        return Masked.mean(sampleMask(a, zone), a.y.length, i -> chroma(a, i));
    }

    /**
     * Mean CIELAB chroma {@code √(a*² + b*²)} (D65): how colourful the zone looks, whatever its brightness. A colour
     * made lighter with its {@code max − min} kept reads less colourful here (a dusk sky made brighter is a paler
     * blue), and more chroma on a lighter picture reads as much as it shows.
     */
    public static double meanLabChroma(Analysis a, Zone zone) {
        return Masked.mean(sampleMask(a, zone), a.y.length, i -> {
            double rl = LINEAR[(int) a.r[i]];
            double gl = LINEAR[(int) a.g[i]];
            double bl = LINEAR[(int) a.b[i]];
            double fx = labF((0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / 0.95047);
            double fy = labF(0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl);
            double fz = labF((0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / 1.08883);
            return Math.hypot(500 * (fx - fy), 200 * (fy - fz));
        });
    }

    private static double labF(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** Mean HSV saturation of a picture, 0–1. */
    public static double meanSaturation(Picture picture) {
        return meanSaturation(Analysis.of(picture), Zone.WHOLE);
    }

    /**
     * Colorfulness after Hasler and Süsstrunk (2003): {@code σ_rgyb + 0.3 μ_rgyb} with {@code rg = R − G} and
     * {@code yb = (R + G)/2 − B} on the 0–255 scale. 0 for grey; about 15 is "slightly", 33 "moderately", 59 "quite",
     * 82 "highly", 109 "extremely colorful".
     */
    public static double colorfulness(Analysis a, Zone zone) {
        Masked.Moments m = Masked.moments(
                sampleMask(a, zone), a.y.length, i -> a.r[i] - a.g[i], i -> 0.5 * (a.r[i] + a.g[i]) - a.b[i]);
        if (m.n() == 0) {
            return Double.NaN;
        }
        double mrg = m.meanX();
        double myb = m.meanY();
        double vrg = Math.max(0, m.varianceX());
        double vyb = Math.max(0, m.varianceY());
        return Math.sqrt(vrg + vyb) + 0.3 * Math.sqrt(mrg * mrg + myb * myb);
    }

    /** Colorfulness of a picture (Hasler–Süsstrunk). */
    public static double colorfulness(Picture picture) {
        return colorfulness(Analysis.of(picture), Zone.WHOLE);
    }

    /** Warmth: the mean of {@code R − B}, in levels (−255..255); positive is warm (red/yellow), negative cool. */
    public static double warmth(Analysis a, Zone zone) {
        return Masked.mean(sampleMask(a, zone), a.y.length, i -> a.r[i] - a.b[i]);
    }

    /** Warmth of a picture: mean {@code R − B} in levels. */
    public static double warmth(Picture picture) {
        return warmth(Analysis.of(picture), Zone.WHOLE);
    }

    /**
     * Sepia-ness 0–1: how much the image is one brownish-orange tone. Per pixel the chroma vector
     * {@code (R − G, G − B)} is taken; the result is the product of its <em>concentration</em> (length of the summed
     * vectors over the sum of their lengths: 1 when every pixel has the same hue), its <em>alignment</em> with the
     * sepia direction (cosine, clamped at 0), and its <em>presence</em> (mean chroma length over 12 levels, capped at
     * 1). A full sepia toning reads about 1, a grey image 0, a varied color photo typically 0.1–0.4.
     */
    public static double sepianess(Analysis a, Zone zone) {
        return sepianess(a.r, a.g, a.b, sampleMask(a, zone));
    }

    /** Sepia-ness of a picture, 0–1. */
    public static double sepianess(Picture picture) {
        return sepianess(Analysis.of(picture), Zone.WHOLE);
    }

    static double sepianess(float[] r, float[] g, float[] b, boolean[] mask) {
        double su = 0;
        double sv = 0;
        double len = 0;
        int n = 0;
        for (int i = 0; i < r.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            double u = r[i] - g[i];
            double v = g[i] - b[i];
            su += u;
            sv += v;
            len += Math.sqrt(u * u + v * v);
            n++;
        }
        if (n == 0) {
            return Double.NaN;
        }
        if (len <= 1e-9) {
            return 0;
        }
        double sum = Math.sqrt(su * su + sv * sv);
        double concentration = sum / len;
        double alignment =
                sum <= 1e-9 ? 0 : Math.max(0, (su * SEPIA_U + sv * SEPIA_V) / (sum * Math.hypot(SEPIA_U, SEPIA_V)));
        double presence = Math.min(1, len / n / 12.0);
        return concentration * alignment * presence;
    }

    /**
     * Grayscale-ness 0–1: the fraction of pixels whose three channels lie within 6 levels of each other. 1 for a
     * black-and-white image.
     */
    public static double grayscaleness(Analysis a, Zone zone) {
        return Masked.fraction(sampleMask(a, zone), a.y.length, i -> chroma(a, i) <= 6);
    }

    /** Grayscale-ness of a picture, 0–1. */
    public static double grayscaleness(Picture picture) {
        return grayscaleness(Analysis.of(picture), Zone.WHOLE);
    }

    /**
     * Hue histogram: {@code bins} equal bins over 0–360°, each pixel weighted by its saturation; pixels with
     * saturation below 0.15 or value below 25 levels do not count. Normalized to sum 1 (all zeros for a grey image).
     */
    public static double[] hueHistogram(Analysis a, Zone zone, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive");
        }
        boolean[] mask = sampleMask(a, zone);
        double[] hist = new double[bins];
        double total = 0;
        for (int i = 0; i < a.y.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            float v = Math.max(a.r[i], Math.max(a.g[i], a.b[i]));
            if (a.s[i] < 0.15f || v < 25) {
                continue;
            }
            int bin = Math.min(bins - 1, (int) (a.h[i] / 360.0 * bins));
            hist[bin] += a.s[i];
            total += a.s[i];
        }
        if (total > 0) {
            for (int i = 0; i < bins; i++) {
                hist[i] /= total;
            }
        }
        return hist;
    }

    /** Hue histogram of a picture (see {@link #hueHistogram(Analysis, Zone, int)}). */
    public static double[] hueHistogram(Picture picture, int bins) {
        return hueHistogram(Analysis.of(picture), Zone.WHOLE, bins);
    }

    /**
     * The dominant hues: the centers (degrees) of the fullest bins of a 12-bin hue histogram, fullest first, at most
     * {@code count}, only bins holding at least 10% of the weight.
     */
    public static List<Double> dominantHues(Analysis a, Zone zone, int count) {
        double[] hist = hueHistogram(a, zone, 12);
        List<Double> hues = new ArrayList<>();
        boolean[] used = new boolean[hist.length];
        for (int k = 0; k < count; k++) {
            int best = -1;
            for (int i = 0; i < hist.length; i++) {
                if (!used[i] && hist[i] >= 0.10 && (best < 0 || hist[i] > hist[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            hues.add(best * 30.0 + 15.0);
        }
        return hues;
    }

    /** Dominant hues of a picture (degrees, fullest first). */
    public static List<Double> dominantHues(Picture picture, int count) {
        return dominantHues(Analysis.of(picture), Zone.WHOLE, count);
    }

    /**
     * The fraction 0–1 of pixels of a named color ({@link NamedColor#rule}): for a chromatic word, the pixels people
     * would call by it (the group of their nearest named sample, {@code ColorNames}); for black, white, gray and silver,
     * brightness and low saturation. Words overlap where people's do (navy is a blue).
     */
    public static double colorFraction(Analysis a, Zone zone, NamedColor color) {
        NamedColor.Rule rule = color.rule();
        return Masked.fraction(
                sampleMask(a, zone), a.y.length, i -> rule.test((int) a.r[i], (int) a.g[i], (int) a.b[i]));
    }

    private static final java.util.Map<byte[], java.util.Map<String, ColorAreas.Areas>> AREAS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The areas of a colour on an analysis' sample plane ({@link ColorAreas}), cached per analysis. */
    private static ColorAreas.Areas areas(Analysis a, NamedColor color) {
        byte[] sample = a.sampleBgr();
        java.util.Map<String, ColorAreas.Areas> found =
                AREAS.computeIfAbsent(sample, k -> new java.util.concurrent.ConcurrentHashMap<>());
        String key = color.name() + "/" + color.r() + "," + color.g() + "," + color.b();
        return found.computeIfAbsent(key, k -> ColorAreas.of(sample, a.sampleWidth(), a.sampleHeight(), color));
    }

    /**
     * The share 0–1 of a zone that the areas of a colour cover ({@link ColorAreas}: the areas the editor recolours when
     * asked to change that colour).
     */
    public static double colorAreaShare(Analysis a, Zone zone, NamedColor color) {
        byte[] mask = areas(a, color).mask();
        return Masked.fraction(sampleMask(a, zone), a.y.length, i -> mask[i] != 0);
    }

    /**
     * How much of the source's areas of a colour ({@link ColorAreas}) lost it in the edit, 0–1: of the areas' pixels
     * that read as nearly the colour in the source ({@link ColorAreas#nearly}), one minus the share that still read as
     * it in the edit ({@link ColorAreas#stillReads}). NaN when the zone holds less than 0.5% of the colour, or the
     * planes differ in size.
     */
    public static double colorAreaLoss(Analysis source, Analysis edit, Zone zone, NamedColor color) {
        if (source.y.length != edit.y.length) {
            return Double.NaN;
        }
        byte[] mask = areas(source, color).mask();
        boolean[] inZone = sampleMask(source, zone);
        int before = 0;
        int still = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0 || (inZone != null && !inZone[i])) {
                continue;
            }
            // a pixel of the areas that reads as the colour in the source, and still does in the edit
            if (!ColorAreas.nearly(color, (int) source.r[i], (int) source.g[i], (int) source.b[i])) {
                continue;
            }
            before++;
            if (ColorAreas.stillReads(
                    color,
                    (int) edit.r[i],
                    (int) edit.g[i],
                    (int) edit.b[i],
                    (int) source.r[i],
                    (int) source.g[i],
                    (int) source.b[i])) {
                still++;
            }
        }
        int total = inZone == null ? mask.length : count(inZone);
        if (total == 0 || before < 0.005 * total) {
            return Double.NaN;
        }
        return 1 - still / (double) before;
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Fraction of a picture's pixels of a named color, 0–1. */
    public static double colorFraction(Picture picture, NamedColor color) {
        return colorFraction(Analysis.of(picture), Zone.WHOLE, color);
    }

    // ---------------------------------------------------------------- texture and structure

    /**
     * Noise level: a robust estimate of the standard deviation (luma levels) of pixel-level noise, after Immerkær
     * (1996) with a median instead of a mean so that edges do not count: the median absolute response of the
     * Laplacian-difference mask {@code [1 −2 1; −2 4 −2; 1 −2 1]} divided by {@code 0.6745 · 6}. Read on the fine
     * plane. About 0.3 for a clean synthetic image; adding Gaussian luma noise of σ raises it to about
     * {@code √(base² + σ²)}; fine texture counts as noise too.
     */
    public static double noise(Analysis a, Zone zone) {
        if (zone.whole()) {
            return a.wholeNoise(x -> noiseIn(x, null));
        }
        return noiseIn(a, fineMask(a, zone));
    }

    private static double noiseIn(Analysis a, boolean[] mask) {
        int w = a.fineWidth();
        int h = a.fineHeight();
        if (w < 3 || h < 3) {
            return 0;
        }
        int[] luma = a.fineLuma();
        // |response| in luma units / 250 (quarter levels), as a histogram for an exact median
        int[] hist = new int[16 * 1020 + 2];
        int last = hist.length - 1;
        long n = 0;
        for (int yy = 1; yy < h - 1; yy++) {
            int row = yy * w;
            for (int x = 1; x < w - 1; x++) {
                int i = row + x;
                if (mask != null && !mask[i]) {
                    continue;
                }
                int up = i - w;
                int dn = i + w;
                int v = luma[up - 1]
                        - 2 * luma[up]
                        + luma[up + 1]
                        - 2 * luma[i - 1]
                        + 4 * luma[i]
                        - 2 * luma[i + 1]
                        + luma[dn - 1]
                        - 2 * luma[dn]
                        + luma[dn + 1];
                int bin = Math.min(last, Math.abs(v) / 250);
                hist[bin]++;
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        long half = (n + 1) / 2;
        long acc = 0;
        for (int bin = 0; bin < hist.length; bin++) {
            acc += hist[bin];
            if (acc >= half) {
                // the bin covers [bin, bin+1) quarter levels; interpolate within it
                double before = acc - hist[bin];
                double within = hist[bin] == 0 ? 0.5 : (half - before) / hist[bin];
                double median = (bin + within) * 0.25;
                return median / (0.6745 * 6);
            }
        }
        return Double.NaN;
    }

    /** Noise level of a picture, luma levels. */
    public static double noise(Picture picture) {
        return noise(Analysis.of(picture), Zone.WHOLE);
    }

    /**
     * Vignette strength: {@code 1 − (mean luma of the four corner patches) / (mean luma of the center)}, where a
     * corner patch is one sixth of the width by one sixth of the height and the center the middle third in each
     * direction. 0 for an evenly lit image, positive when the corners are darker, up to 1.
     */
    public static double vignette(Analysis a) {
        double[] cc = cornersAndCenter(a);
        return cc[1] <= 1e-9 ? 0 : 1 - cc[0] / cc[1];
    }

    /** Vignette strength of a picture. */
    public static double vignette(Picture picture) {
        return vignette(Analysis.of(picture));
    }

    /** {mean corner luma, mean center luma}. */
    static double[] cornersAndCenter(Analysis a) {
        int w = a.sampleWidth();
        int h = a.sampleHeight();
        int cw = Math.max(1, w / 6);
        int ch = Math.max(1, h / 6);
        double corner = 0;
        int nc = 0;
        double center = 0;
        int nm = 0;
        int x0 = w / 3;
        int x1 = w - w / 3;
        int y0 = h / 3;
        int y1 = h - h / 3;
        for (int yy = 0; yy < h; yy++) {
            boolean edgeRow = yy < ch || yy >= h - ch;
            boolean midRow = yy >= y0 && yy < y1;
            for (int x = 0; x < w; x++) {
                int i = yy * w + x;
                if (edgeRow && (x < cw || x >= w - cw)) {
                    corner += a.y[i];
                    nc++;
                } else if (midRow && x >= x0 && x < x1) {
                    center += a.y[i];
                    nm++;
                }
            }
        }
        return new double[] {nc == 0 ? 0 : corner / nc, nm == 0 ? 0 : center / nm};
    }

    /**
     * Sharpness: the variance of the 4-neighbour Laplacian of luma on the sample plane, in levels². Blur lowers it
     * sharply, sharpening and noise raise it; compare it as a ratio.
     */
    public static double sharpness(Analysis a, Zone zone) {
        return laplacianVariance(a.y, a.sampleWidth(), a.sampleHeight(), sampleMask(a, zone));
    }

    /** Sharpness of a picture (Laplacian variance, levels²). */
    public static double sharpness(Picture picture) {
        return sharpness(Analysis.of(picture), Zone.WHOLE);
    }

    static double laplacianVariance(float[] y, int w, int h, boolean[] mask) {
        Masked.Moments m = Masked.moments(
                Masked.interior(mask, w, h), w * h, i -> 4 * y[i] - y[i - 1] - y[i + 1] - y[i - w] - y[i + w]);
        return m.n() == 0 ? Double.NaN : Math.max(0, m.varianceX());
    }

    /**
     * Local detail: the mean absolute difference (levels) between luma and its 9×9 box average on the sample plane.
     * Rises with local contrast (detail enhancement, sharpening), falls with blur and flattening.
     */
    public static double detail(Analysis a, Zone zone) {
        int w = a.sampleWidth();
        int h = a.sampleHeight();
        boolean[] mask = zone.mask(w, h);
        double[] integral = integral(a.y, w, h);
        return Masked.mean(mask, w * h, i -> Math.abs(a.y[i] - boxMean(integral, w, h, i % w, i / w, 4)));
    }

    /** Local detail of a picture, levels. */
    public static double detail(Picture picture) {
        return detail(Analysis.of(picture), Zone.WHOLE);
    }

    /**
     * Edge density 0–1: the fraction of sample-plane pixels whose Sobel gradient magnitude of luma exceeds 64 (a step
     * of about 16 levels).
     */
    public static double edgeDensity(Analysis a, Zone zone) {
        int w = a.sampleWidth();
        int h = a.sampleHeight();
        boolean[] mask = zone.mask(w, h);
        float[] y = a.y;
        return Masked.fraction(Masked.interior(mask, w, h), w * h, i -> {
            double gx = (y[i - w + 1] + 2 * y[i + 1] + y[i + w + 1]) - (y[i - w - 1] + 2 * y[i - 1] + y[i + w - 1]);
            double gy = (y[i + w - 1] + 2 * y[i + w] + y[i + w + 1]) - (y[i - w - 1] + 2 * y[i - w] + y[i - w + 1]);
            return gx * gx + gy * gy > 64.0 * 64.0;
        });
    }

    /** Edge density of a picture, 0–1. */
    public static double edgeDensity(Picture picture) {
        return edgeDensity(Analysis.of(picture), Zone.WHOLE);
    }

    // ---------------------------------------------------------------- pixel-level artifacts

    /**
     * Tonal clipping 0–1: the fraction of (fine-plane) pixels blown to white (every channel at 253 or above) or
     * crushed to black (every channel at 2 or below).
     */
    public static double clipping(Analysis a, Zone zone) {
        return Masked.fraction(fineMask(a, zone), a.fine.length, i -> tonalClip(a.fine[i]));
    }

    /**
     * Channel clipping 0–1: the fraction of (fine-plane) pixels with any channel at 0–1 or 254–255; counts colors
     * pushed out of gamut as well as blown or crushed tones.
     */
    public static double channelClipping(Analysis a, Zone zone) {
        return Masked.fraction(fineMask(a, zone), a.fine.length, i -> channelClip(a.fine[i]));
    }

    /** Tonal clipping fraction of a picture, 0–1. */
    public static double clipping(Picture picture) {
        return clipping(Analysis.of(picture), Zone.WHOLE);
    }

    /**
     * Blockiness 0–1: the fraction of horizontally and vertically adjacent fine-plane pixel pairs with exactly the
     * same color, leaving out pairs that are both blown to white or crushed to black (clipping is measured on its
     * own). Near 0 for a photo, (b−1)/b for pixel art with b-pixel blocks, high for flat synthetic images.
     */
    public static double blockiness(Analysis a, Zone zone) {
        int w = a.fineWidth();
        int h = a.fineHeight();
        boolean[] mask = zone.mask(w, h);
        long same = 0;
        long n = 0;
        for (int yy = 0; yy < h; yy++) {
            for (int x = 0; x < w; x++) {
                int i = yy * w + x;
                if (mask != null && !mask[i]) {
                    continue;
                }
                int p = a.fine[i];
                boolean clippedHere = tonalClip(p);
                if (x + 1 < w) {
                    int q = a.fine[i + 1];
                    if (!(clippedHere && tonalClip(q))) {
                        same += p == q ? 1 : 0;
                        n++;
                    }
                }
                if (yy + 1 < h) {
                    int q = a.fine[i + w];
                    if (!(clippedHere && tonalClip(q))) {
                        same += p == q ? 1 : 0;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? 0 : (double) same / n;
    }

    /** Whether a pixel is blown to white (every channel at 253 or above) or crushed to black (all at 2 or below). */
    private static boolean tonalClip(int p) {
        int rr = (p >> 16) & 0xff;
        int gg = (p >> 8) & 0xff;
        int bb = p & 0xff;
        return Math.min(rr, Math.min(gg, bb)) >= 253 || Math.max(rr, Math.max(gg, bb)) <= 2;
    }

    /** Whether a pixel has any channel at 0–1 or 254–255. */
    private static boolean channelClip(int p) {
        int rr = (p >> 16) & 0xff;
        int gg = (p >> 8) & 0xff;
        int bb = p & 0xff;
        return Math.max(rr, Math.max(gg, bb)) >= 254 || Math.min(rr, Math.min(gg, bb)) <= 1;
    }

    /** Blockiness of a picture, 0–1. */
    public static double blockiness(Picture picture) {
        return blockiness(Analysis.of(picture), Zone.WHOLE);
    }

    /**
     * Block size: the median length, in original pixels, of horizontal runs of exactly equal colors (each run counts
     * once, so large flat areas do not dominate). 1 for a photo, about b for pixel art with b-pixel blocks.
     */
    public static double blockSize(Analysis a, Zone zone) {
        int w = a.fineWidth();
        int h = a.fineHeight();
        boolean[] mask = zone.mask(w, h);
        int[] counts = new int[w + 1];
        long runs = 0;
        for (int yy = 0; yy < h; yy++) {
            int length = 0;
            int prev = 0;
            for (int x = 0; x <= w; x++) {
                int i = yy * w + x;
                boolean in = x < w && (mask == null || mask[i]);
                if (in && length > 0 && a.fine[i] == prev) {
                    length++;
                    continue;
                }
                if (length > 0) {
                    counts[length]++;
                    runs++;
                }
                length = in ? 1 : 0;
                prev = in ? a.fine[i] : 0;
            }
        }
        if (runs == 0) {
            return Double.NaN;
        }
        long half = (runs + 1) / 2;
        long acc = 0;
        for (int length = 1; length <= w; length++) {
            acc += counts[length];
            if (acc >= half) {
                return (double) length * a.fineStep();
            }
        }
        return (double) w * a.fineStep();
    }

    /** Block size of a picture, original pixels. */
    public static double blockSize(Picture picture) {
        return blockSize(Analysis.of(picture), Zone.WHOLE);
    }

    /**
     * Levels: the mean over R, G and B of the number of distinct 8-bit values each held by at least 0.2% of the
     * (fine-plane) pixels. A photo uses well over a hundred; posterizing to n levels leaves n. Read also after a 5×5
     * median ({@link Analysis#fineSettled}), and the fewer taken: grain over flat colours is not new tone levels.
     */
    public static double levels(Analysis a, Zone zone) {
        boolean[] mask = fineMask(a, zone);
        double raw = levels(a.fine, mask);
        // grain over few flat colours (a cartoon with grain on top) spreads each colour over many levels: the fewer of
        // the plane as it is and the plane after a median is what a person sees
        return Math.min(raw, levels(a.fineSettled(), mask));
    }

    private static double levels(int[] fine, boolean[] mask) {
        int[][] hist = new int[3][256];
        int n = 0;
        for (int i = 0; i < fine.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            int p = fine[i];
            hist[0][(p >> 16) & 0xff]++;
            hist[1][(p >> 8) & 0xff]++;
            hist[2][p & 0xff]++;
            n++;
        }
        if (n == 0) {
            return Double.NaN;
        }
        double min = Math.max(1, 0.002 * n);
        int total = 0;
        for (int[] channel : hist) {
            for (int count : channel) {
                if (count >= min) {
                    total++;
                }
            }
        }
        return total / 3.0;
    }

    /** Levels of a picture. */
    public static double levels(Picture picture) {
        return levels(Analysis.of(picture), Zone.WHOLE);
    }

    // ---------------------------------------------------------------- comparisons (convenience)

    /** Global SSIM of luma between two pictures (the second resampled to the first's size when they differ), −1..1. */
    public static double ssim(Picture a, Picture b) {
        return Comparison.of(a, b).ssim(Zone.WHOLE);
    }

    /** SSIM restricted to a region. */
    public static double ssim(Picture a, Picture b, Region region) {
        return Comparison.of(a, b).ssim(Zone.in(region));
    }

    /** SSIM restricted to the complement of a region. */
    public static double ssimOutside(Picture a, Picture b, Region region) {
        return Comparison.of(a, b).ssim(Zone.outside(region));
    }

    /** Pixels changed between two pictures by more than {@code threshold} levels in any channel (sample plane). */
    public static ChangeMask changedPixels(Picture a, Picture b, int threshold) {
        return Comparison.of(a, b).changes(threshold);
    }

    // ---------------------------------------------------------------- helpers

    /** The zone's pixels on the analysis' sample plane. */
    private static boolean[] sampleMask(Analysis a, Zone zone) {
        return zone.mask(a.sampleWidth(), a.sampleHeight());
    }

    /** {@code max(R,G,B) − min(R,G,B)} of a sample-plane pixel, in levels. */
    private static float chroma(Analysis a, int i) {
        return Math.max(a.r[i], Math.max(a.g[i], a.b[i])) - Math.min(a.r[i], Math.min(a.g[i], a.b[i]));
    }

    /** The zone's pixels on the analysis' fine plane. */
    private static boolean[] fineMask(Analysis a, Zone zone) {
        return zone.mask(a.fineWidth(), a.fineHeight());
    }

    /** A summed-area table with one extra row and column of zeros. */
    static double[] integral(float[] values, int w, int h) {
        double[] table = new double[(w + 1) * (h + 1)];
        for (int yy = 0; yy < h; yy++) {
            double row = 0;
            for (int x = 0; x < w; x++) {
                row += values[yy * w + x];
                table[(yy + 1) * (w + 1) + x + 1] = table[yy * (w + 1) + x + 1] + row;
            }
        }
        return table;
    }

    static double boxSum(double[] table, int w, int x0, int y0, int x1, int y1) {
        int stride = w + 1;
        return table[y1 * stride + x1] - table[y0 * stride + x1] - table[y1 * stride + x0] + table[y0 * stride + x0];
    }

    static double boxMean(double[] table, int w, int h, int x, int y, int radius) {
        int x0 = Math.max(0, x - radius);
        int y0 = Math.max(0, y - radius);
        int x1 = Math.min(w, x + radius + 1);
        int y1 = Math.min(h, y + radius + 1);
        return boxSum(table, w, x0, y0, x1, y1) / ((double) (x1 - x0) * (y1 - y0));
    }
}
