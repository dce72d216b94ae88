package dev.editloop.embedded.classic;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A color the classic editor knows by name, with its RGB value and, for chromatic colors, the hue range (OpenCV's
 * 0–180 scale) that "the red areas" and "the red object" select.
 *
 * @param name the English name, lower case
 * @param r red 0–255
 * @param g green 0–255
 * @param b blue 0–255
 */
public record NamedColor(String name, int r, int g, int b) {
    /** The palette, in the order names are matched (longer names first where they overlap). */
    public static final List<NamedColor> PALETTE = List.of(
            new NamedColor("red", 220, 30, 30),
            new NamedColor("orange", 255, 140, 0),
            new NamedColor("yellow", 250, 220, 40),
            new NamedColor("gold", 212, 175, 55),
            new NamedColor("green", 40, 170, 60),
            new NamedColor("teal", 0, 128, 128),
            new NamedColor("cyan", 0, 200, 220),
            new NamedColor("blue", 30, 80, 220),
            new NamedColor("navy", 20, 30, 110),
            new NamedColor("purple", 130, 50, 170),
            new NamedColor("magenta", 220, 40, 200),
            new NamedColor("pink", 255, 150, 190),
            new NamedColor("brown", 120, 75, 40),
            new NamedColor("beige", 225, 205, 170),
            new NamedColor("black", 0, 0, 0),
            new NamedColor("white", 255, 255, 255),
            new NamedColor("gray", 128, 128, 128),
            new NamedColor("silver", 192, 192, 196));

    /**
     * Colours named by convention rather than by hue, outside the palette (they take no pixels from its colours):
     * hazel, the yellow-green to green of eyes people call green (a cat's "green" eyes are yellow-green, at a hue
     * nearer yellow than green). {@link ClauseParser} reads "the green eyes" as hazel.
     */
    public static final List<NamedColor> CONVENTIONAL = List.of(new NamedColor("hazel", 150, 140, 60));

    public NamedColor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a named color needs a name");
        }
        name = name.toLowerCase(Locale.ROOT);
        if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255) {
            throw new IllegalArgumentException("color components must be within 0..255");
        }
    }

    /** The palette color with this name ("grey" is accepted for gray), if any. */
    public static Optional<NamedColor> named(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("grey")) {
            key = "gray";
        }
        for (NamedColor color : PALETTE) {
            if (color.name.equals(key)) {
                return Optional.of(color);
            }
        }
        for (NamedColor color : CONVENTIONAL) {
            if (color.name.equals(key)) {
                return Optional.of(color);
            }
        }
        return Optional.empty();
    }

    /** The palette color; throws when the name is not in the palette. */
    public static NamedColor of(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("unknown color '" + name + "'"));
    }

    /** Whether the color has a hue (not black, white, gray or silver). */
    public boolean chromatic() {
        return !(name.equals("black") || name.equals("white") || name.equals("gray") || name.equals("silver"));
    }

    /**
     * Whether a pixel counts as this color when an instruction names it ("the red areas", "the red object"). A
     * chromatic color selects a hue range (see {@link #hueRange()}) with enough saturation and brightness; black
     * selects dark pixels, white bright unsaturated ones, gray the unsaturated ones in between. The rules are the
     * classic editor's, shared so that measurements select exactly what the editor changes.
     */
    public boolean selects(int red, int green, int blue) {
        double[] hsv = Hsv.of(red, green, blue);
        return selection().test(hsv[0], hsv[1], hsv[2]);
    }

    /**
     * Whether pixels are called by this colour's word, for counting many pixels without allocating: a chromatic palette
     * colour by its group of named samples ({@link ColorNames}, what people call the pixel's colour), black, white,
     * gray, silver and colours outside the palette by {@link #selects}. The judge counts colours gained with it. One
     * instance per thread.
     */
    public Rule rule() {
        return new Rule(selection(), ColorNames.word(this));
    }

    /** {@link #selects} for many pixels: one instance per thread. */
    Rule hsvRule() {
        return new Rule(selection(), null);
    }

    /** A colour test for many pixels: one scratch HSV triple, reused. Not thread-safe. */
    public static final class Rule {
        private final Selection selection;
        private final ColorNames.Word word;
        private final double[] hsv = new double[3];

        private Rule(Selection selection, ColorNames.Word word) {
            this.selection = selection;
            this.word = word;
        }

        /** Whether an 8-bit RGB pixel counts as the colour. */
        public boolean test(int red, int green, int blue) {
            if (word != null) {
                return word.calls(red, green, blue);
            }
            Hsv.of(red, green, blue, hsv);
            return selection.test(hsv[0], hsv[1], hsv[2]);
        }
    }

    /**
     * The hue range this color selects, on OpenCV's 0–180 scale, as {from, to}; {@code from > to} when the range
     * wraps around red. Empty for black, white and gray, which are selected by brightness and saturation instead.
     */
    public int[] hueRange() {
        Selection s = selection();
        if (!s.chromatic()) {
            return new int[0];
        }
        return new int[] {(int) Math.round(s.hueFrom() / 2), (int) Math.round(s.hueTo() / 2)};
    }

    /** The hue of this color's RGB value, in degrees 0–360 (0 for black, white and gray). */
    public double hueDegrees() {
        return Hsv.of(r, g, b)[0];
    }

    Selection selection() {
        return switch (name) {
            case "red" -> new Selection(true, 340, 16, 0.35, 1, 0.2, 1);
            case "orange" -> new Selection(true, 16, 40, 0.45, 1, 0.55, 1);
            case "yellow" -> new Selection(true, 40, 70, 0.35, 1, 0.55, 1);
            case "gold" -> new Selection(true, 36, 56, 0.4, 1, 0.45, 0.92);
            case "green" -> new Selection(true, 70, 165, 0.25, 1, 0.15, 1);
            case "teal" -> new Selection(true, 165, 195, 0.3, 1, 0.2, 0.65);
            case "cyan" -> new Selection(true, 165, 200, 0.3, 1, 0.6, 1);
            case "blue" -> new Selection(true, 200, 250, 0.3, 1, 0.25, 1);
            case "navy" -> new Selection(true, 210, 250, 0.4, 1, 0.1, 0.5);
            case "purple" -> new Selection(true, 250, 290, 0.3, 1, 0.15, 1);
            case "magenta" -> new Selection(true, 290, 330, 0.4, 1, 0.5, 1);
            case "pink" -> new Selection(true, 300, 10, 0.15, 0.6, 0.7, 1);
            case "brown" -> new Selection(true, 0, 45, 0.3, 1, 0.12, 0.6);
            case "beige" -> new Selection(true, 15, 55, 0.1, 0.4, 0.65, 1);
            case "hazel" -> new Selection(true, 40, 150, 0.25, 1, 0.1, 1);
            case "black" -> new Selection(false, 0, 0, 0, 1, 0, 0.2);
            case "white" -> new Selection(false, 0, 0, 0, 0.15, 0.85, 1);
            case "gray" -> new Selection(false, 0, 0, 0, 0.15, 0.2, 0.85);
            case "silver" -> new Selection(false, 0, 0, 0, 0.15, 0.55, 0.95);
            default -> custom();
        };
    }

    private Selection custom() {
        double[] hsv = Hsv.of(r, g, b);
        if (hsv[1] < 0.15) {
            return new Selection(false, 0, 0, 0, 0.15, Math.max(0, hsv[2] - 0.2), Math.min(1, hsv[2] + 0.2));
        }
        return new Selection(true, (hsv[0] + 345) % 360, (hsv[0] + 15) % 360, 0.25, 1, 0.15, 1);
    }

    /** A selection rule in HSV: hue range in degrees (wrapping when from &gt; to), saturation and value bands. */
    record Selection(
            boolean chromatic,
            double hueFrom,
            double hueTo,
            double satMin,
            double satMax,
            double valMin,
            double valMax) {
        boolean test(double hue, double sat, double val) {
            if (sat < satMin || sat > satMax || val < valMin || val > valMax) {
                return false;
            }
            return !chromatic || hueDistance(hue) == 0;
        }

        /** Degrees outside the hue range (0 inside). */
        double hueDistance(double hue) {
            boolean inside = hueFrom <= hueTo ? hue >= hueFrom && hue <= hueTo : hue >= hueFrom || hue <= hueTo;
            if (inside) {
                return 0;
            }
            double a = circular(hue, hueFrom);
            double b = circular(hue, hueTo);
            return Math.min(a, b);
        }

        private static double circular(double x, double y) {
            double d = Math.abs(x - y) % 360;
            return d > 180 ? 360 - d : d;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
