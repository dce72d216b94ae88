package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.ObjectSelection;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.measure.ChangeMask;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.Measurements;
import dev.editloop.embedded.measure.Zone;
import java.util.Locale;
import java.util.Optional;

/**
 * A measurable change between a source and its edit, read on a {@link Comparison}. Percent-scaled metrics read the
 * classic editor's amounts back as fractions (brightness +20% reads 0.20); each constant states its scale.
 */
public enum Metric {
    /** Brightness lift or cut as the editor's fraction ({@link Comparison#brightnessChange}). */
    BRIGHTNESS("brightness", Unit.PERCENT, 0.07, (c, z, k) -> c.brightnessChange(z)),
    /** Change of the RMS contrast (luma standard deviation), the vignette left out ({@link Comparison#contrastChange}). */
    CONTRAST("contrast", Unit.PERCENT, 0.15, (c, z, k) -> c.contrastChange(z)),
    /** Mean chroma ratio minus 1. */
    SATURATION("saturation", Unit.PERCENT, 0.18, (c, z, k) -> c.saturationChange(z)),
    /** Change of mean R−B over 80 levels. */
    WARMTH("warmth", Unit.PERCENT, 0.12, (c, z, k) -> c.warmthChange(z)),
    /** Circular mean hue shift in degrees. */
    HUE("hue shift", Unit.DEGREES, 12.0, (c, z, k) -> c.hueShift(z)),
    /** Change of mean linear luminance in stops. */
    EXPOSURE("exposure", Unit.STOPS, Double.NaN, (c, z, k) -> c.exposureChange(z)),
    /** Fraction of chroma removed (black and white). */
    DESATURATION("black and white", Unit.PERCENT, Double.NaN, (c, z, k) -> c.desaturation(z)),
    /** Move toward a full sepia toning (0 none, 1 full). */
    SEPIA("sepia tone", Unit.PERCENT, Double.NaN, (c, z, k) -> c.sepiaShift(z)),
    /** Inversion strength (0 none, 1 full). */
    INVERSION("inversion", Unit.PERCENT, Double.NaN, (c, z, k) -> c.inversion(z)),
    /** Blend toward a named color, times two (the editor's tint percent). */
    TINT("tint", Unit.PERCENT, Double.NaN, (c, z, k) -> c.tint(k, z)),
    /** Added luma noise over 30 levels (the editor's grain percent at σ = s/100 · 30). */
    GRAIN("film grain", Unit.PERCENT, 0.1, (c, z, k) -> c.addedNoise(z) / 30.0),
    /** Corner darkening relative to the center. */
    VIGNETTE("vignette", Unit.PERCENT, 0.1, (c, z, k) -> c.vignetteChange()) {
        @Override
        public double sideEffect(Comparison c) {
            return c.vignetteSideEffect();
        }
    },
    /** Best-fit Gaussian blur σ over min(w, h)/60 (the editor's blur percent). */
    BLUR(
            "blur",
            Unit.PERCENT,
            Double.NaN,
            (c, z, k) -> c.blurSigma(z)
                    * 60.0
                    / Math.min(c.source().width(), c.source().height())),
    /** Sharpness change in stops (log2 of the Laplacian variance ratio). */
    SHARPNESS("sharpness", Unit.STOPS, Double.NaN, (c, z, k) -> c.sharpnessChange(z)),
    /**
     * Sharpness change in stops on the background: the zone's pixels that the source's own matte ({@link
     * dev.editloop.embedded.segment.SubjectMatte}, found on the source's sample plane) puts wholly outside the subject,
     * so that a thing kept sharp in front of the subject (a helmet at the bottom edge) does not hide the blur behind.
     */
    BACKGROUND_SHARPNESS("sharpness of the background", Unit.STOPS, Double.NaN, Metric::backgroundSharpness),
    /** Brightness change ({@link #BRIGHTNESS}'s reading) of the background the judge finds on the source. */
    BACKGROUND_BRIGHTNESS("brightness of the background", Unit.PERCENT, Double.NaN, Metric::backgroundBrightness),
    /** Mean chroma ratio minus 1 of the background the judge finds on the source. */
    BACKGROUND_SATURATION("saturation of the background", Unit.PERCENT, Double.NaN, Metric::backgroundSaturation),
    /** Local detail ratio minus 1. */
    DETAIL("local detail", Unit.PERCENT, Double.NaN, (c, z, k) -> c.detailChange(z)),
    /** Mean run length of identical pixels in the edit (original pixels); baseline: the source's. */
    BLOCK_SIZE("pixel block size", Unit.PIXELS, Double.NaN, (c, z, k) -> Measurements.blockSize(c.edited(), z)),
    /** Distinct tone levels per channel in the edit; baseline: the source's. */
    LEVELS("tone levels", Unit.COUNT, Double.NaN, (c, z, k) -> Measurements.levels(c.edited(), z)),
    /** Increase of the fraction of identical neighbouring pixels. */
    FLATNESS(
            "flat areas",
            Unit.PERCENT,
            Double.NaN,
            (c, z, k) -> Measurements.blockiness(c.edited(), z) - Measurements.blockiness(c.source(), z)),
    /**
     * Share of the source's areas of a color ({@link dev.editloop.embedded.classic.ColorAreas}, the areas a recolour
     * changes) that no longer read as nearly that color; n/a without that color.
     */
    COLOR_LOSS("loss of", Unit.PERCENT, Double.NaN, Metric::colorLoss),
    /**
     * The share of the thing of a color ({@link ObjectSelection}, found on the source within the zone's region) that
     * changed by more than 20 levels, held back by how much changed far from it (more than 15% of the rest of the image
     * takes it down, 50% to nothing): a recolor or removal that did not happen, or happened elsewhere, reads low. n/a
     * when the source shows no such thing.
     */
    SELECTION_CHANGE("change of the", Unit.PERCENT, Double.NaN, Metric::selectionChange),
    /** Increase of the fraction of pixels of a color. */
    COLOR_GAIN(
            "gain of",
            Unit.PERCENT,
            Double.NaN,
            (c, z, k) -> Measurements.colorFraction(c.aligned(), z, k) - Measurements.colorFraction(c.source(), z, k)),
    /**
     * Where text of a color shows: the share of the changed pixels that read as the color in the edit ({@link
     * Comparison#changedToColor}: black letters on dark wood add little black, but they are what changed), or the gain
     * of the color's pixels in the zone, a gain of 2% of the zone (a line of text) reading 50%, whichever is more (a
     * grade or a vignette laid over the zone as well changes much more than the letters); at most 100%.
     */
    CHANGED_TO_COLOR("changed pixels that are", Unit.PERCENT, Double.NaN, Metric::changedToColor),
    /** Fraction of pixels changed by more than 12 levels. */
    CHANGE("changed pixels", Unit.PERCENT, Double.NaN, (c, z, k) -> c.changedFraction(z, 12)),
    /** One minus the mean SSIM structure term: how much of the content's structure is gone. */
    STRUCTURE_LOSS("structure lost", Unit.PERCENT, 0.08, (c, z, k) -> 1 - c.structure(z)),
    /**
     * Luma correlation of the edit with the source transformed as asked (rotated, flipped, cropped…), 1 when it
     * matches; halved when the size is wrong.
     */
    GEOMETRY("match to the expected geometry", Unit.PERCENT, Double.NaN, (c, z, k) -> Math.max(0, c.correlation(z)));

    /** How a metric's values are written. */
    public enum Unit {
        PERCENT,
        DEGREES,
        STOPS,
        PIXELS,
        COUNT
    }

    /** How a metric is read on a comparison, in a zone, for a color (null unless a color metric). */
    @FunctionalInterface
    public interface Reader {
        double read(Comparison c, Zone zone, NamedColor color);
    }

    private final String label;
    private final Unit unit;
    private final double guard;
    private final Reader reader;

    /**
     * @param guard how far this metric may move when no planned action moves it ({@link Evaluator}: "unasked
     *     brightness"), NaN when it is not guarded; the guards are checked in declaration order
     * @param reader the measurement, on a {@link Comparison} or with {@link Measurements}
     */
    Metric(String label, Unit unit, double guard, Reader reader) {
        this.label = label;
        this.unit = unit;
        this.guard = guard;
        this.reader = reader;
    }

    /** The tolerance when no planned action moves this metric, or NaN when it is not guarded. */
    public double guard() {
        return guard;
    }

    public Unit unit() {
        return unit;
    }

    /** A short name, with the color for color metrics ("tint orange", "loss of green"). */
    public String label(NamedColor color) {
        return color == null ? label : label + " " + color.name();
    }

    /** The value this metric reads when nothing was done (0, or the source's own value for absolute metrics). */
    public double baseline(Comparison c, Zone zone) {
        return switch (this) {
            case BLOCK_SIZE -> Measurements.blockSize(c.source(), zone);
            case LEVELS -> Measurements.levels(c.source(), zone);
            default -> 0;
        };
    }

    /**
     * Measures this metric on a comparison. For GEOMETRY the comparison's source must be the source transformed as
     * asked ({@link Evaluator} builds it so); the size check is the evaluator's. {@code NaN} when the metric does not apply (e.g. the loss of a color the source lacks).
     */
    public double measure(Comparison c, Zone zone, NamedColor color) {
        return reader.read(c, zone, color);
    }

    /**
     * This metric as a side effect of an edit that did not ask to move it (the {@link Evaluator}'s "unasked" and
     * "kept" guards), on the whole image: its reading, except where one reading alone can mistake a local edit for it
     * (the vignette: {@link Comparison#vignetteSideEffect}).
     */
    public double sideEffect(Comparison c) {
        return measure(c, Zone.WHOLE, null);
    }

    private static double changedToColor(Comparison c, Zone zone, NamedColor color) {
        // a share: large letters gain more than a line of text's 2% and still read at most all of it
        double gain = Math.min(
                1,
                25
                        * (Measurements.colorFraction(c.aligned(), zone, color)
                                - Measurements.colorFraction(c.source(), zone, color)));
        double share = c.changedToColor(zone, color);
        return Double.isNaN(share) ? gain : Double.isNaN(gain) ? share : Math.max(share, gain);
    }

    private static double backgroundSharpness(Comparison c, Zone zone, NamedColor color) {
        return c.sharpnessChange(zone, background(c.source()));
    }

    /** The subject matte of a source's sample plane, as the judge finds it by itself (remembered per picture). */
    private static dev.editloop.embedded.segment.SubjectMatte matte(Analysis a) {
        return dev.editloop.embedded.segment.SubjectMatte.of(
                dev.editloop.core.image.Picture.ofBgr(a.sampleWidth(), a.sampleHeight(), a.sampleBgr()));
    }

    /**
     * The subject of a source's sample plane, as the judge finds it by itself (the matte over one half); null when no
     * subject is found (the central ellipse would stand in for it, which says nothing).
     */
    static boolean[] subject(Analysis a) {
        dev.editloop.embedded.segment.SubjectMatte matte = matte(a);
        if (!matte.found()) {
            return null;
        }
        float[] alpha = matte.alpha();
        boolean[] in = new boolean[alpha.length];
        for (int p = 0; p < in.length; p++) {
            in[p] = alpha[p] > 0.5f;
        }
        return in;
    }

    /** The background of a source's sample plane, as the judge finds it by itself (the matte at 0). */
    private static boolean[] background(Analysis a) {
        float[] alpha = matte(a).alpha();
        boolean[] back = new boolean[alpha.length];
        for (int p = 0; p < back.length; p++) {
            back[p] = alpha[p] <= 0;
        }
        return back;
    }

    /**
     * Mean luma and mean chroma (max − min of the channels) of the background on the source's and the edit's sample
     * planes: {source luma, edit luma, source chroma, edit chroma}; null when the edit's plane is of another size or
     * there is no background.
     */
    private static double[] backgroundMeans(Comparison c) {
        Analysis s = c.source();
        Analysis e = c.aligned();
        if (e.sampleWidth() != s.sampleWidth() || e.sampleHeight() != s.sampleHeight()) {
            return null;
        }
        boolean[] back = background(s);
        byte[] ps = s.sampleBgr();
        byte[] pe = e.sampleBgr();
        double[] sums = new double[4];
        int n = 0;
        for (int p = 0, i = 0; p < back.length; p++, i += 3) {
            if (!back[p]) {
                continue;
            }
            n++;
            for (int k = 0; k < 2; k++) {
                byte[] px = k == 0 ? ps : pe;
                int b = px[i] & 0xff;
                int g = px[i + 1] & 0xff;
                int r = px[i + 2] & 0xff;
                sums[k] += 0.299 * r + 0.587 * g + 0.114 * b;
                sums[2 + k] += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
            }
        }
        if (n == 0) {
            return null;
        }
        for (int k = 0; k < 4; k++) {
            sums[k] /= n;
        }
        return sums;
    }

    private static double backgroundBrightness(Comparison c, Zone zone, NamedColor color) {
        double[] m = backgroundMeans(c);
        if (m == null) {
            return Double.NaN;
        }
        double d = m[1] - m[0];
        return d >= 0 ? d / Math.max(1, 255 - m[0]) : d / Math.max(1, m[0]);
    }

    private static double backgroundSaturation(Comparison c, Zone zone, NamedColor color) {
        double[] m = backgroundMeans(c);
        return m == null || m[2] < 4 ? Double.NaN : m[3] / m[2] - 1;
    }

    private static double colorLoss(Comparison c, Zone zone, NamedColor color) {
        return Measurements.colorAreaLoss(c.source(), c.aligned(), zone, color);
    }

    private static final java.util.Map<byte[], java.util.Map<String, Optional<ObjectSelection.Selected>>> SELECTIONS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The thing of a color in a place, found on an analysis' sample plane (cached per analysis). */
    static Optional<ObjectSelection.Selected> selected(Analysis a, NamedColor color, Region place) {
        byte[] sample = a.sampleBgr();
        java.util.Map<String, Optional<ObjectSelection.Selected>> found =
                SELECTIONS.computeIfAbsent(sample, k -> new java.util.concurrent.ConcurrentHashMap<>());
        String key = color.name() + "/" + color.r() + "," + color.g() + "," + color.b() + "/" + place;
        Optional<ObjectSelection.Selected> hit = found.get(key);
        if (hit == null) {
            hit = ObjectSelection.find(sample, a.sampleWidth(), a.sampleHeight(), color, place);
            found.put(key, hit);
        }
        return hit;
    }

    private static double selectionChange(Comparison c, Zone zone, NamedColor color) {
        if (color == null || zone.outside()) {
            return Double.NaN;
        }
        Optional<ObjectSelection.Selected> found = selected(c.source(), color, zone.region());
        if (found.isEmpty()) {
            return Double.NaN;
        }
        ObjectSelection.Selected sel = found.get();
        int w = sel.width();
        int h = sel.height();
        ChangeMask changes = c.changes(20);
        if (changes.width() != w || changes.height() != h) {
            return Double.NaN;
        }
        // far from the thing: outside it grown by 4% of the shorter side
        int grow = Math.max(2, (int) Math.round(0.04 * Math.min(w, h)));
        boolean[] near = new boolean[w * h];
        byte[] mask = sel.mask();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x] == 0) {
                    continue;
                }
                for (int yy = Math.max(0, y - grow); yy <= Math.min(h - 1, y + grow); yy++) {
                    int row = yy * w;
                    for (int xx = Math.max(0, x - grow); xx <= Math.min(w - 1, x + grow); xx++) {
                        near[row + xx] = true;
                    }
                }
            }
        }
        int in = 0;
        int inChanged = 0;
        int far = 0;
        int farChanged = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                boolean changed = changes.changed(x, y);
                if (mask[p] != 0) {
                    in++;
                    inChanged += changed ? 1 : 0;
                } else if (!near[p]) {
                    far++;
                    farChanged += changed ? 1 : 0;
                }
            }
        }
        if (in == 0) {
            return Double.NaN;
        }
        double inside = inChanged / (double) in;
        double elsewhere = far == 0 ? 0 : farChanged / (double) far;
        return inside * (1 - Math.max(0, Math.min(1, (elsewhere - 0.15) / 0.35)));
    }

    /** Writes a value of this metric: "+20%", "−35°", "+0.5 stops", "12 px", "4 levels". */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return switch (unit) {
            case PERCENT -> String.format(Locale.ROOT, "%+.0f%%", value * 100);
            case DEGREES -> String.format(Locale.ROOT, "%+.0f°", value);
            case STOPS -> String.format(Locale.ROOT, "%+.2f stops", value);
            case PIXELS -> String.format(Locale.ROOT, "%.1f px", value);
            case COUNT -> String.format(Locale.ROOT, "%.0f levels", value);
        };
    }
}
