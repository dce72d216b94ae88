package dev.editloop.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text helpers of the formats: numbers, and plain-text tables with aligned columns. */
final class Text {
    private Text() {}

    /** A number with {@code digits} decimals, or an en dash for NaN. */
    static String num(double value, int digits) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "f", value) : "–";
    }

    /** A signed number with {@code digits} decimals, or an en dash for NaN. */
    static String signed(double value, int digits) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%+." + digits + "f", value) : "–";
    }

    /** The first 12 characters of a hash. */
    static String shortHash(String hash) {
        return hash == null ? "" : hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** A plain-text table: the first column left-aligned, the others right-aligned, two spaces between columns. */
    static final class Grid {
        private final List<String[]> lines = new ArrayList<>();
        private final int width;

        Grid(String... header) {
            width = header.length;
            lines.add(header);
        }

        Grid row(String... cells) {
            if (cells.length != width) {
                throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + width);
            }
            lines.add(cells);
            return this;
        }

        void appendTo(StringBuilder out, String indent) {
            int[] widths = new int[width];
            for (String[] line : lines) {
                for (int i = 0; i < width; i++) {
                    widths[i] = Math.max(widths[i], line[i].length());
                }
            }
            for (String[] line : lines) {
                StringBuilder l = new StringBuilder(indent);
                for (int i = 0; i < width; i++) {
                    if (i > 0) {
                        l.append("  ");
                    }
                    String pad = " ".repeat(widths[i] - line[i].length());
                    l.append(i == 0 ? line[i] + pad : pad + line[i]);
                }
                out.append(l.toString().stripTrailing()).append('\n');
            }
        }
    }
}
