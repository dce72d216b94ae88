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
 * amount means). This class confines an operation with an amount to its region: inside {@link Region#bounds} with a
 * feathered edge {@link #featherPixels} wide outside the rectangle; pixels further away stay bit-identical.
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
     * with full weight inside the region's rectangle, a smooth ramp over the feather outside it, and the original
     * bytes beyond.
     */
    static Mat local(Mat src, Region region, int margin, UnaryOperator<Mat> op) {
        if (region == Region.WHOLE) {
            return op.apply(src);
        }
        int w = src.cols();
        int h = src.rows();
        int[] r = Mats.bounds(region, w, h);
        int feather = featherPixels(w, h);
        Rect blend =
                ContentOps.clip(new Rect(r[0] - feather, r[1] - feather, r[2] + 2 * feather, r[3] + 2 * feather), src);
        int grow = feather + margin;
        Rect roi = ContentOps.clip(new Rect(r[0] - grow, r[1] - grow, r[2] + 2 * grow, r[3] + 2 * grow), src);
        try (Mats m = new Mats()) {
            Mat crop = m.keep(src.submat(roi).clone());
            Mat edited = m.keep(op.apply(crop));
            byte[] a = Mats.bytes(src.submat(blend));
            Rect inCrop = new Rect(blend.x - roi.x, blend.y - roi.y, blend.width, blend.height);
            byte[] b = Mats.bytes(edited.submat(inCrop));
            int x1 = r[0] + r[2] - 1;
            int y1 = r[1] + r[3] - 1;
            for (int y = 0; y < blend.height; y++) {
                int iy = blend.y + y;
                int dy = iy < r[1] ? r[1] - iy : Math.max(0, iy - y1);
                for (int x = 0, i = y * blend.width * 3; x < blend.width; x++, i += 3) {
                    int ix = blend.x + x;
                    int dx = ix < r[0] ? r[0] - ix : Math.max(0, ix - x1);
                    int d = Math.max(dx, dy);
                    double t = d == 0 ? 1 : 1 - Mats.smoothstep(0, feather + 1, d);
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
}
