package dev.editloop.embedded.measure;

import dev.editloop.embedded.classic.NamedColor;
import java.util.List;

/**
 * Classes a pixel as the nearest {@link NamedColor} of the palette (CIELAB, D65). Achromatic pixels (chroma below
 * {@link #ACHROMATIC_CHROMA}) are black, white or gray by lightness; others the nearest chromatic palette color. A
 * 64×64×64 lookup table, built once, keeps classification cheap.
 */
final class ColorClasses {
    static final double ACHROMATIC_CHROMA = 12;
    private static final List<NamedColor> PALETTE = NamedColor.PALETTE;
    private static final double[][] LAB = new double[PALETTE.size()][];
    private static final byte[] TABLE = new byte[64 * 64 * 64];

    static {
        for (int i = 0; i < PALETTE.size(); i++) {
            NamedColor c = PALETTE.get(i);
            LAB[i] = lab(c.r(), c.g(), c.b());
        }
        for (int r = 0; r < 64; r++) {
            for (int g = 0; g < 64; g++) {
                for (int b = 0; b < 64; b++) {
                    TABLE[(r << 12) | (g << 6) | b] = (byte) classifyExact(r * 4 + 2, g * 4 + 2, b * 4 + 2);
                }
            }
        }
    }

    private ColorClasses() {}

    /** The palette index of a color (its position in {@link NamedColor#PALETTE}). */
    static int index(NamedColor color) {
        for (int i = 0; i < PALETTE.size(); i++) {
            if (PALETTE.get(i).name().equals(color.name())) {
                return i;
            }
        }
        // a color outside the palette: never matches a class
        return -1;
    }

    /** The palette index of the class of an 8-bit RGB color. */
    static int classify(int r, int g, int b) {
        return TABLE[((r >> 2) << 12) | ((g >> 2) << 6) | (b >> 2)];
    }

    private static int classifyExact(int r, int g, int b) {
        double[] lab = lab(r, g, b);
        double chroma = Math.hypot(lab[1], lab[2]);
        if (chroma < ACHROMATIC_CHROMA) {
            String name = lab[0] < 25 ? "black" : lab[0] > 88 ? "white" : "gray";
            return index(NamedColor.of(name));
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < PALETTE.size(); i++) {
            if (!PALETTE.get(i).chromatic()) {
                continue;
            }
            double dl = lab[0] - LAB[i][0];
            double da = lab[1] - LAB[i][1];
            double db = lab[2] - LAB[i][2];
            double d = dl * dl + da * da + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** CIELAB (D65) of an 8-bit sRGB color. */
    static double[] lab(int r, int g, int b) {
        double rl = linear(r);
        double gl = linear(g);
        double bl = linear(b);
        double x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047;
        double y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl;
        double z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(int v) {
        double c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
