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

    /**
     * A plain-text table: columns whose every cell is a number (or an interval, or empty) right-aligned, the others
     * left-aligned, two spaces between columns.
     */
    static final class Grid {
        private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("|[-+–\\[]?[\\d–].*");
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
            boolean[] numeric = new boolean[width];
            java.util.Arrays.fill(numeric, true);
            for (int n = 0; n < lines.size(); n++) {
                String[] line = lines.get(n);
                for (int i = 0; i < width; i++) {
                    widths[i] = Math.max(widths[i], line[i].length());
                    if (n > 0 && !NUMBER.matcher(line[i]).matches()) {
                        numeric[i] = false;
                    }
                }
            }
            for (String[] line : lines) {
                StringBuilder l = new StringBuilder(indent);
                for (int i = 0; i < width; i++) {
                    if (i > 0) {
                        l.append("  ");
                    }
                    String pad = " ".repeat(widths[i] - line[i].length());
                    l.append(numeric[i] ? pad + line[i] : line[i] + pad);
                }
                out.append(l.toString().stripTrailing()).append('\n');
            }
        }
    }
}
