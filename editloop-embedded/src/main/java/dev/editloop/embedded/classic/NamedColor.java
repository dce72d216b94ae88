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
            new NamedColor("gray", 128, 128, 128));

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
        return Optional.empty();
    }

    /** The palette color; throws when the name is not in the palette. */
    public static NamedColor of(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("unknown color '" + name + "'"));
    }

    /** Whether the color has a hue (not black, white or gray). */
    public boolean chromatic() {
        return !(name.equals("black") || name.equals("white") || name.equals("gray"));
    }

    @Override
    public String toString() {
        return name;
    }
}
