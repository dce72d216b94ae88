package dev.editloop.embedded.classic;

/**
 * RGB ↔ HSV in double precision, with the same formulas as OpenCV's floating-point conversion: hue in degrees
 * [0, 360), saturation and value in [0, 1].
 */
public final class Hsv {
    private Hsv() {}

    /** {hue degrees, saturation, value} of an 8-bit RGB color. */
    public static double[] of(int r, int g, int b) {
        double[] out = new double[3];
        of(r, g, b, out);
        return out;
    }

    /** Writes {hue degrees, saturation, value} of an 8-bit RGB color into {@code out}. */
    public static void of(int r, int g, int b, double[] out) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        double v = max / 255.0;
        double delta = max - min;
        double s = max == 0 ? 0 : delta / max;
        double h;
        if (delta == 0) {
            h = 0;
        } else if (max == r) {
            h = 60 * (g - b) / delta;
        } else if (max == g) {
            h = 120 + 60 * (b - r) / delta;
        } else {
            h = 240 + 60 * (r - g) / delta;
        }
        if (h < 0) {
            h += 360;
        }
        out[0] = h;
        out[1] = s;
        out[2] = v;
    }

    /** Writes {r, g, b} in [0, 255] (not rounded) of an HSV color into {@code out}. */
    public static void toRgb(double h, double s, double v, double[] out) {
        h = ((h % 360) + 360) % 360;
        s = Math.max(0, Math.min(1, s));
        v = Math.max(0, Math.min(1, v));
        double c = v * s;
        double hp = h / 60;
        double x = c * (1 - Math.abs(hp % 2 - 1));
        double r;
        double g;
        double b;
        switch ((int) hp) {
            case 0 -> {
                r = c;
                g = x;
                b = 0;
            }
            case 1 -> {
                r = x;
                g = c;
                b = 0;
            }
            case 2 -> {
                r = 0;
                g = c;
                b = x;
            }
            case 3 -> {
                r = 0;
                g = x;
                b = c;
            }
            case 4 -> {
                r = x;
                g = 0;
                b = c;
            }
            default -> {
                r = c;
                g = 0;
                b = x;
            }
        }
        double m = v - c;
        out[0] = (r + m) * 255;
        out[1] = (g + m) * 255;
        out[2] = (b + m) * 255;
    }

    /** Clamps and rounds a channel value to 0..255. */
    public static int clamp255(double value) {
        long rounded = Math.round(value);
        return (int) Math.max(0, Math.min(255, rounded));
    }
}
