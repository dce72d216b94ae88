package dev.editloop.embedded.classic;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.OpenCv;
import dev.editloop.embedded.op.Operation;
import dev.editloop.embedded.op.Operations;
import java.util.function.UnaryOperator;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Carries out one classic action on the pixels, with OpenCV. Deterministic: the same picture, action and seed give
 * the same bytes. Stateless and thread-safe.
 *
 * <p>Each action is done by its {@link Operation} ({@link Operations} lists them; each descriptor says what its
 * amount means). This class confines an operation with an amount to its region: inside {@link Region#bounds}, with a
 * ramp 4 × {@link #featherPixels} wide centred on each border that is not the image's edge (the sky: a graduated
 * filter); pixels further out stay bit-identical.
 */
public final class ClassicOperations {
    private ClassicOperations() {}

    /**
     * What an action did.
     *
     * @param image the result (the input picture itself when nothing was done)
     * @param applied whether the action changed the image as asked
     * @param detail why it was not applied, or a remark on how it was; null when there is nothing to say
     */
    public record Outcome(Picture image, boolean applied, String detail) {}

    /** Carries out the action; the input when it cannot be done (e.g. no object of that color). */
    public static Picture apply(Picture image, Action action, long seed) {
        return run(image, action, seed).image();
    }

    /** The width of the feathered edge of local adjustments: 1% of the shorter side, at least 2 pixels. */
    public static int featherPixels(int width, int height) {
        return Math.max(2, Math.round(Math.min(width, height) / 100f));
    }

    /** Carries out the action and says what happened. */
    public static Outcome run(Picture image, Action action, long seed) {
        OpenCv.ensureLoaded();
        Mat src = OpenCv.toMat(image);
        int scale = Math.min(image.width(), image.height());
        Mat out = null;
        try {
            Operation op = Operations.of(action)
                    .orElseThrow(() -> new IllegalStateException("no operation describes " + action));
            ContentOps.Done done = switch (op) {
                case Operation.Adjustable a ->
                    done(local(src, a.region(action), a.margin(action, scale), m -> a.apply(m, action, scale, seed)));
                case FixedOperation<?> f -> f.done(src, action, scale, seed);
                default -> throw new IllegalStateException("no work for operation " + op.id());
            };
            out = done.image();
            if (!done.applied() || out == null) {
                return new Outcome(image, false, done.detail());
            }
            return new Outcome(OpenCv.toPicture(out), true, done.detail());
        } finally {
            src.release();
            if (out != null) {
                out.release();
            }
        }
    }

    static ContentOps.Done done(Mat image) {
        return new ContentOps.Done(image, true, null);
    }

    static ContentOps.Done sized(int width, int height, java.util.function.Supplier<Mat> op) {
        if ((long) width * height > Images.DEFAULT_MAX_PIXELS) {
            return new ContentOps.Done(
                    null,
                    false,
                    "the result would be " + width + "x" + height + ", above " + Images.DEFAULT_MAX_PIXELS / 1_000_000
                            + " megapixels");
        }
        return done(op.get());
    }

    /**
     * Applies {@code op} to the region: to a crop around it (with {@code margin} pixels of context), blended back
     * with full weight inside the region's rectangle and a smooth ramp across each border that is not the image's own
     * edge, {@link #featherPixels} × 4 wide and centred on the border (half of it inside, half outside, within the
     * margin {@link dev.editloop.embedded.measure.Zone} keeps clear of), and the original bytes beyond: the border is a
     * gradual transition rather than a line a person sees. The sky is a graduated filter: full at the top, fading out
     * over the lower half of its band, nothing changed below it.
     */
    static Mat local(Mat src, Region region, int margin, UnaryOperator<Mat> op) {
        if (region == Region.WHOLE) {
            return op.apply(src);
        }
        int w = src.cols();
        int h = src.rows();
        int[] r = Mats.bounds(region, w, h);
        int half = Math.max(1, Math.min(2 * featherPixels(w, h), Math.min(r[2], r[3]) / 4));
        // the sky: a graduated filter, full at the top and fading out over the lower half of the band, so that the
        // horizon shows no line and nothing below the band changes
        int inner = region == Region.SKY ? Math.max(1, r[3] / 2) : half;
        int outer = region == Region.SKY ? 0 : half;
        Rect blend = ContentOps.clip(new Rect(r[0] - outer, r[1] - outer, r[2] + 2 * outer, r[3] + 2 * outer), src);
        int grow = outer + margin;
        Rect roi = ContentOps.clip(new Rect(r[0] - grow, r[1] - grow, r[2] + 2 * grow, r[3] + 2 * grow), src);
        try (Mats m = new Mats()) {
            Mat crop = m.keep(src.submat(roi).clone());
            Mat edited = m.keep(op.apply(crop));
            byte[] a = Mats.bytes(src.submat(blend));
            Rect inCrop = new Rect(blend.x - roi.x, blend.y - roi.y, blend.width, blend.height);
            byte[] b = Mats.bytes(edited.submat(inCrop));
            for (int y = 0; y < blend.height; y++) {
                int sy = signedDistance(blend.y + y, r[1], r[3], h);
                for (int x = 0, i = y * blend.width * 3; x < blend.width; x++, i += 3) {
                    int d = Math.min(signedDistance(blend.x + x, r[0], r[2], w), sy);
                    double t = d >= inner ? 1 : d < -outer ? 0 : Mats.smoothstep(-outer, inner, d + 0.5);
                    for (int c = 0; c < 3; c++) {
                        int va = a[i + c] & 0xff;
                        int vb = b[i + c] & 0xff;
                        a[i + c] = (byte) (t >= 1 ? vb : Hsv.clamp255(va + (vb - va) * t));
                    }
                }
            }
            Mat out = src.clone();
            Mat patch = m.keep(Mats.bgr(blend.width, blend.height, a));
            patch.copyTo(out.submat(blend));
            return out;
        }
    }

    /**
     * How far position {@code p} lies inside the span [start, start + length) along one axis, counted only from ends
     * that are not the image's edge (0..size): positive inside, negative outside.
     */
    private static int signedDistance(int p, int start, int length, int size) {
        int end = start + length - 1;
        int d = Integer.MAX_VALUE;
        if (start > 0) {
            d = Math.min(d, p - start);
        }
        if (end < size - 1) {
            d = Math.min(d, end - p);
        }
        return d;
    }
}
