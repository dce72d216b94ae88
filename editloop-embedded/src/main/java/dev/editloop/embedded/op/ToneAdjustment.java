package dev.editloop.embedded.op;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.classic.ToneOps;
import dev.editloop.embedded.heuristic.Metric;
import dev.editloop.embedded.measure.Zone;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;
import org.opencv.core.Mat;

/**
 * The tone adjustments, one family sharing {@link ToneOps#adjust}: brightness, contrast, saturation, warmth, hue and
 * exposure, each up or down by an amount ({@link Action.Adjust}). With p = amount/100: brightness +p: the luma
 * shifted up by p of the mean's headroom, contrast and color kept; −p: v·(1−p) ({@link ToneOps#brightness}). Contrast:
 * mean + (v−mean)·(1+p), mean of the luma. Saturation: chroma around each pixel's luma ×(1+p), luma kept. Warmth: red
 * +p·40 levels, blue −p·40 levels. Hue: chroma turned by the degrees around each pixel's luma. Exposure: linear light
 * (gamma 2.2) ×2^stops.
 */
public final class ToneAdjustment implements Operation.Adjustable {
    /** Percent: positive shifts the luma toward white keeping contrast and color, negative scales toward black. */
    public static final ToneAdjustment BRIGHTNESS = new ToneAdjustment(
            Tone.BRIGHTNESS,
            Words.of("brightness", "bright", "brighter", "brighten", "lighter", "darker", "darken"),
            Control.of(
                    Metric.BRIGHTNESS,
                    0.01,
                    -95,
                    95,
                    40,
                    (m, t, weak, slope) -> 100
                            * (t >= 0 && m >= 0 ? (t - m) / Math.max(0.05, 1 - m) : (t - m) / Math.max(0.05, 1 + m))),
            a -> updown(a, "brightness", "%"),
            List.of(20.0, -20.0),
            ToneAdjustment::lift);
    /** Percent: stretches (positive) or compresses (negative) values around the mean. */
    public static final ToneAdjustment CONTRAST = new ToneAdjustment(
            Tone.CONTRAST,
            Words.of("contrast", "punchier", "flatter"),
            Control.of(Metric.CONTRAST, 0.01, -90, 150, 40, ToneAdjustment::ratio),
            a -> updown(a, "contrast", "%"),
            List.of(20.0, -20.0),
            (defect, amount, measured) -> defect == Defect.CLIPPING && amount > 0 ? amount * 0.7 : null);
    /** Percent: scales the saturation. */
    public static final ToneAdjustment SATURATION = new ToneAdjustment(
            Tone.SATURATION,
            Words.of("saturation", "saturate", "desaturate", "vivid", "vibrant", "muted"),
            Control.of(Metric.SATURATION, 0.01, -100, 200, 40, ToneAdjustment::ratio),
            a -> updown(a, "saturation", "%"),
            List.of(20.0, -20.0),
            (defect, amount, measured) -> amount > 0 && defect == Defect.CLIPPING
                    ? Double.valueOf(amount * 0.7)
                    : amount > 0 && defect == Defect.OVERSATURATION ? Double.valueOf(amount * 0.6) : null);
    /** Percent: positive warmer (more red/yellow), negative cooler (more blue). */
    public static final ToneAdjustment WARMTH = new ToneAdjustment(
            Tone.WARMTH,
            Words.of("warmth", "warmer", "cooler", "colder", "temperature"),
            Control.of(Metric.WARMTH, 0.01, -100, 100, 40, ToneAdjustment::linear),
            a -> (a > 0 ? "make it warmer" : "make it cooler") + " by " + Action.Num.fmt(Math.abs(a)) + "%",
            List.of(20.0, -20.0),
            (defect, amount, measured) -> null);
    /** Degrees on the color wheel, −180..180. */
    public static final ToneAdjustment HUE = new ToneAdjustment(
            Tone.HUE,
            Words.of("hue", "hue shift", "rotate the hue"),
            Control.of(Metric.HUE, 1, -180, 180, 40, ToneAdjustment::linear).withSteps(1, 20),
            a -> "shift the hue by " + Action.Num.fmt(a) + " degrees",
            List.of(30.0),
            (defect, amount, measured) -> null);
    /** Stops: multiplies linear light by 2^stops. */
    public static final ToneAdjustment EXPOSURE = new ToneAdjustment(
            Tone.EXPOSURE,
            Words.of("exposure", "overexpose", "underexpose", "stops"),
            Control.of(Metric.EXPOSURE, 1, -4, 4, 40, ToneAdjustment::linear).withSteps(10, 0.5),
            a -> updown(a, "exposure", " stops"),
            List.of(1.0),
            ToneAdjustment::lift);

    private final Tone tone;
    private final Words words;
    private final Control control;
    private final DoubleFunction<String> phrase;
    private final List<Double> examples;
    private final Easing easing;

    /** How a tone adjustment eases off a defect it causes. */
    @FunctionalInterface
    private interface Easing {
        Double ease(Defect defect, double amount, double measured);
    }

    /** A lift (amount > 0) clips highlights; a step toward black or white shows as a too dark or bright mean. */
    private static Double lift(Defect defect, double amount, double measured) {
        if (defect == Defect.CLIPPING && amount > 0) {
            return amount * 0.7;
        }
        boolean dark = measured < 128;
        if (defect == Defect.MEAN_LUMA && (dark ? amount < 0 : amount > 0)) {
            return amount * 0.6;
        }
        return null;
    }

    private ToneAdjustment(
            Tone tone,
            Words words,
            Control control,
            DoubleFunction<String> phrase,
            List<Double> examples,
            Easing easing) {
        this.tone = tone;
        this.easing = easing;
        this.words = words;
        this.control = control;
        this.phrase = phrase;
        this.examples = examples;
    }

    private static String updown(double amount, String what, String unit) {
        return (amount > 0 ? "increase" : "decrease") + " the " + what + " by " + Action.Num.fmt(Math.abs(amount))
                + unit;
    }

    /** A multiplicative metric (contrast, saturation): the step that takes 1 + m to 1 + t. */
    private static Double ratio(double m, double t, boolean weak, double slope) {
        return 100 * ((1 + t) / Math.max(0.05, 1 + m) - 1);
    }

    /** An additive metric: the missing difference through the slope. */
    private static Double linear(double m, double t, boolean weak, double slope) {
        return (t - m) / slope;
    }

    public Tone tone() {
        return tone;
    }

    @Override
    public String id() {
        return tone.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Family family() {
        return Family.TONE;
    }

    @Override
    public Words words() {
        return words;
    }

    @Override
    public boolean reads(Action action) {
        return action instanceof Action.Adjust a && a.tone() == tone;
    }

    @Override
    public double amount(Action action) {
        return ((Action.Adjust) action).amount();
    }

    @Override
    public Region region(Action action) {
        return ((Action.Adjust) action).region();
    }

    @Override
    public Action make(double amount, Region region, NamedColor color) {
        return new Action.Adjust(tone, amount, region);
    }

    @Override
    public String phrase(Action action) {
        Action.Adjust a = (Action.Adjust) action;
        return phrase.apply(a.amount()) + a.region().suffix();
    }

    @Override
    public Double ease(Defect defect, double amount, double measured) {
        return easing.ease(defect, amount, measured);
    }

    @Override
    public Mat apply(Mat src, Action action, int scale, long seed) {
        return ToneOps.adjust(src, tone, ((Action.Adjust) action).amount());
    }

    @Override
    public Control control() {
        return control;
    }

    @Override
    public List<Change> changes(Action action, double lo, double hi) {
        Action.Adjust a = (Action.Adjust) action;
        double ideal = a.amount() * control.slope();
        return List.of(new Change(control.metric(), Zone.in(a.region()), null, ideal * lo, ideal, ideal * hi, 1, true));
    }

    @Override
    public Set<Metric> touched(Action action) {
        Set<Metric> out = EnumSet.copyOf(TONE);
        if (tone == Tone.WARMTH || tone == Tone.HUE) {
            out.addAll(COLOR);
        }
        return out;
    }

    @Override
    public List<Action> examples() {
        return examples.stream().map(a -> make(a, Region.WHOLE, null)).toList();
    }
}
