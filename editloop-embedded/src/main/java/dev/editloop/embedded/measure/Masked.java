package dev.editloop.embedded.measure;

import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Statistics over the pixels of a zone mask ({@code null}: every pixel), visited in row-major order so that sums
 * always accumulate in the same order. Per-pixel quantities are given as functions of the pixel index.
 */
final class Masked {
    private Masked() {}

    /**
     * A sum of a per-pixel quantity and the number of pixels it covers.
     *
     * @param total the sum
     * @param n how many pixels were summed
     */
    record Sum(double total, int n) {
        /** The mean, {@code NaN} when no pixel was summed. */
        double mean() {
            return n == 0 ? Double.NaN : total / n;
        }
    }

    /**
     * First and second moments of a pair of per-pixel quantities x and y.
     *
     * @param n how many pixels were summed
     * @param sx the sum of x
     * @param sy the sum of y
     * @param sxx the sum of x²
     * @param syy the sum of y²
     * @param sxy the sum of x·y
     */
    record Moments(int n, double sx, double sy, double sxx, double syy, double sxy) {
        double meanX() {
            return sx / n;
        }

        double meanY() {
            return sy / n;
        }

        /** The (population) variance of x. */
        double varianceX() {
            return sxx / n - meanX() * meanX();
        }

        /** The (population) variance of y. */
        double varianceY() {
            return syy / n - meanY() * meanY();
        }

        /** The (population) covariance of x and y. */
        double covariance() {
            return sxy / n - meanX() * meanY();
        }
    }

    /** The sum of {@code value} over the masked pixels among the first {@code length}. */
    static Sum sum(boolean[] mask, int length, IntToDoubleFunction value) {
        double total = 0;
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            total += value.applyAsDouble(i);
            n++;
        }
        return new Sum(total, n);
    }

    /** The mean of {@code value} over the masked pixels among the first {@code length}; {@code NaN} when none. */
    static double mean(boolean[] mask, int length, IntToDoubleFunction value) {
        return sum(mask, length, value).mean();
    }

    /** The mean of a plane over the masked pixels; {@code NaN} when none. */
    static double mean(boolean[] mask, float[] values) {
        Moments m = moments(mask, values);
        return m.n() == 0 ? Double.NaN : m.meanX();
    }

    /** The standard deviation of a plane over the masked pixels; {@code NaN} when none. */
    static double std(boolean[] mask, float[] values) {
        Moments m = moments(mask, values);
        return m.n() == 0 ? Double.NaN : Math.sqrt(Math.max(0, m.varianceX()));
    }

    /** The fraction 0–1 of the masked pixels among the first {@code length} that are {@code hit}; NaN when none. */
    static double fraction(boolean[] mask, int length, IntPredicate hit) {
        // the sum of ones is an exact count
        return mean(mask, length, i -> hit.test(i) ? 1 : 0);
    }

    /** The moments of {@code x} and {@code y} over the masked pixels among the first {@code length}. */
    static Moments moments(boolean[] mask, int length, IntToDoubleFunction x, IntToDoubleFunction y) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            double a = x.applyAsDouble(i);
            double b = y.applyAsDouble(i);
            sx += a;
            sy += b;
            sxx += a * a;
            syy += b * b;
            sxy += a * b;
            n++;
        }
        return new Moments(n, sx, sy, sxx, syy, sxy);
    }

    /** The moments of {@code x} alone (y is 0) over the masked pixels among the first {@code length}. */
    static Moments moments(boolean[] mask, int length, IntToDoubleFunction x) {
        return moments(mask, length, x, i -> 0);
    }

    /** The moments of one plane (y is the same plane) over the masked pixels. */
    static Moments moments(boolean[] mask, float[] x) {
        return moments(mask, x, x);
    }

    /**
     * The moments of one plane against another over the masked pixels. The same sums as {@link #moments(boolean[],
     * int, IntToDoubleFunction, IntToDoubleFunction)}, read straight from the planes: the luma and saturation planes
     * are measured most often, and a per-pixel call through a function shared by every measurement is not inlined.
     */
    static Moments moments(boolean[] mask, float[] x, float[] y) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (mask != null && !mask[i]) {
                continue;
            }
            double a = x[i];
            double b = y[i];
            sx += a;
            sy += b;
            sxx += a * a;
            syy += b * b;
            sxy += a * b;
            n++;
        }
        return new Moments(n, sx, sy, sxx, syy, sxy);
    }

    /**
     * The zone's pixels of a {@code w}×{@code h} image that have all four neighbours (every pixel but the one-pixel
     * border), for 3×3 filters.
     */
    static boolean[] interior(boolean[] mask, int w, int h) {
        boolean[] inner = new boolean[w * h];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                inner[i] = mask == null || mask[i];
            }
        }
        return inner;
    }
}
