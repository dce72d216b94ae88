package dev.editloop.perf;

import dev.editloop.core.image.Picture;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pixel check of the held-out phrasing corpus: a measure, a region and a direction from the corpus's closed list,
 * evaluated on an edited image against its source with plain pixel statistics of its own (independent of the heuristic
 * thinker's measurements, so the thinker cannot grade itself).
 *
 * <p>Measures: brightness (mean luma), saturation (mean HSV saturation), warmth (mean red minus blue, relative to the mean luma), contrast (luma
 * standard deviation), sharpness (mean absolute Laplacian), noise (mean absolute difference from a 3×3 box blur),
 * hue_shift (share of coloured pixels whose hue moved by more than 20°), grayscale, sepia, inverted, colour_count
 * (distinct colours at 5 bits a channel), vignette (corner-to-centre luma ratio), changed and unchanged (per-pixel
 * differences), orientation (which of the eight rotations and flips of the source the edit resembles most), aspect and
 * size. Directions: up, down, same, yes, no; for orientation also the transform expected (cw90, 180, ccw90, mirror_h,
 * mirror_v); for size also larger, smaller, half, half_width, square, aspect_16_9 or an exact WxH (±1 pixel); unchanged
 * with "no" means changed. Synonyms: grain (noise), hue with "shifted" (hue_shift), negative (inverted). Regions: whole, halves, thirds, center (the middle third in both
 * directions), corners (the four outer quarter-by-quarter boxes), sky (the top third), subject (the central third
 * box), background and border (the outer tenth all round), the four corner boxes (a third by a third) and outside_region (everything not in the line's other regions, grown by a twelfth of the image on each side
 * for feathered edges; the subject when another region is the background).
 *
 * @param measure what is measured
 * @param region where
 * @param direction which way it must go
 */
public record PixelCheck(String measure, String region, String direction) {
    private static final List<String> MEASURES = List.of(
            "brightness",
            "saturation",
            "warmth",
            "contrast",
            "sharpness",
            "noise",
            "hue_shift",
            "grayscale",
            "sepia",
            "inverted",
            "colour_count",
            "vignette",
            "changed",
            "unchanged",
            "orientation",
            "aspect",
            "size");
    private static final List<String> REGIONS = List.of(
            "whole",
            "left_half",
            "right_half",
            "top_half",
            "bottom_half",
            "top_third",
            "middle_third",
            "bottom_third",
            "center",
            "corners",
            "sky",
            "subject",
            "background",
            "border",
            "top_left_corner",
            "top_right_corner",
            "bottom_left_corner",
            "bottom_right_corner",
            "outside_region");
    private static final List<String> DIRECTIONS = List.of("up", "down", "same", "yes", "no");
    /** Directions that name the expected transform of the source (orientation). */
    private static final List<String> ORIENTATIONS = List.of("cw90", "180", "ccw90", "mirror_h", "mirror_v");
    /** Directions that name the expected size of the result (size), besides up/down/same and WxH. */
    private static final List<String> SIZES =
            List.of("larger", "smaller", "half", "half_width", "square", "aspect_16_9");

    private static final Pattern EXACT_SIZE = Pattern.compile("(\\d+)x(\\d+)");

    public PixelCheck {
        // synonyms of the second corpus's check list
        measure = switch (measure) {
            case "grain" -> "noise";
            case "hue" -> "hue_shift";
            case "negative" -> "inverted";
            default -> measure;
        };
        if (direction.equals("shifted")) {
            direction = "yes";
        }
        boolean named = (measure.equals("orientation") && ORIENTATIONS.contains(direction))
                || (measure.equals("size")
                        && (SIZES.contains(direction)
                                || EXACT_SIZE.matcher(direction).matches()));
        if (!MEASURES.contains(measure)) {
            throw new IllegalArgumentException("unknown measure '" + measure + "' (known: " + MEASURES + ")");
        }
        if (!REGIONS.contains(region)) {
            throw new IllegalArgumentException("unknown region '" + region + "' (known: " + REGIONS + ")");
        }
        if (!named && !DIRECTIONS.contains(direction)) {
            throw new IllegalArgumentException("unknown direction '" + direction + "' (known: " + DIRECTIONS + ")");
        }
    }

    @Override
    public String toString() {
        return measure + "/" + region + "/" + direction;
    }

    /** What a check found: whether it holds, and the numbers it compared. */
    public record Result(PixelCheck check, boolean holds, String detail) {}

    /**
     * Evaluates this check on {@code edit} against {@code source}; {@code others} are the line's other checks (their
     * regions make the complement that {@code outside_region} means).
     */
    public Result evaluate(Picture source, Picture edit, List<PixelCheck> others) {
        Plane s = new Plane(source);
        Plane e = new Plane(edit);
        boolean sameSize = source.width() == edit.width() && source.height() == edit.height();
        return switch (measure) {
            case "orientation" -> orientation(s, e);
            case "aspect" ->
                compare(
                        (double) source.width() / source.height(),
                        (double) edit.width() / edit.height(),
                        0.02,
                        0.02,
                        true);
            case "size" -> size(source.width(), source.height(), edit.width(), edit.height());
            case "changed", "unchanged" -> {
                if (!sameSize) {
                    yield result(measure.equals("changed") != direction.equals("no"), "the size changed");
                }
                boolean[] mask = mask(region, s.w, s.h, others);
                double[] d = difference(s, e, mask);
                boolean changed = d[0] > 2.0 || d[1] > 0.005;
                boolean unchanged = d[0] <= 3.0 && d[1] <= 0.05;
                String detail = String.format(Locale.ROOT, "mean |Δ| %.2f, share changed %.3f", d[0], d[1]);
                boolean wantChange = measure.equals("changed") != direction.equals("no");
                yield result(wantChange ? changed : unchanged, detail);
            }
            default -> {
                double before = stat(s, mask(region, s.w, s.h, others), null);
                double after = stat(e, mask(region, e.w, e.h, others), s);
                yield switch (measure) {
                    case "brightness" -> compare(before, after, 2.0, 6.0, false);
                    case "saturation" -> compare(before, after, 0.01, 0.04, false);
                    case "warmth" -> compare(before, after, 2.0, 6.0, false);
                    case "contrast" -> compare(before, after, 0.02, 0.10, true);
                    case "sharpness", "noise" -> compare(before, after, 0.05, 0.20, true);
                    case "vignette" -> new Cmp(this, -before, -after, 0.02, 0.02, false).get();
                    case "colour_count" -> compare(before, after, 0.10, 0.05, true);
                    case "hue_shift" -> result(after > 0.02, String.format(Locale.ROOT, "hue moved on %.3f", after));
                    case "grayscale" -> yesNo(after < 0.04, String.format(Locale.ROOT, "saturation %.3f", after));
                    case "sepia" ->
                        yesNo(
                                (after >= 0.5 && after > before + 0.1)
                                        || (after >= before + 0.05 && after >= 1.5 * before),
                                String.format(Locale.ROOT, "sepia share %.3f → %.3f", before, after));
                    case "inverted" -> yesNo(after < -0.5, String.format(Locale.ROOT, "correlation %.3f", after));
                    default -> throw new IllegalStateException(measure);
                };
            }
        };
    }

    private Result result(boolean holds, String detail) {
        return new Result(this, holds, detail);
    }

    private Result yesNo(boolean yes, String detail) {
        return new Result(this, direction.equals("no") != yes, detail);
    }

    /** A comparison whose sense can be turned round (a vignette darkens the corner ratio). */
    private record Cmp(PixelCheck check, double before, double after, double move, double keep, boolean relative) {
        Result get() {
            double delta = after - before;
            double scale = relative ? Math.max(1e-9, Math.abs(before)) : 1;
            double d = delta / scale;
            boolean holds = switch (check.direction) {
                case "up", "yes" -> d >= move;
                case "down" -> d <= -move;
                case "same", "no" -> Math.abs(d) <= keep;
                default -> false;
            };
            return new Result(check, holds, String.format(Locale.ROOT, "%.4g → %.4g", before, after));
        }
    }

    private Result compare(double before, double after, double move, double keep, boolean relative) {
        return new Cmp(this, before, after, move, keep, relative).get();
    }

    private double stat(Plane p, boolean[] m, Plane source) {
        int w = p.w;
        int h = p.h;
        double sum = 0;
        double sum2 = 0;
        long n = 0;
        switch (measure) {
            case "brightness", "contrast" -> {
                for (int i = 0; i < w * h; i++) {
                    if (m[i]) {
                        sum += p.luma[i];
                        sum2 += p.luma[i] * p.luma[i];
                        n++;
                    }
                }
                if (n == 0) {
                    return 0;
                }
                double mean = sum / n;
                return measure.equals("brightness") ? mean : Math.sqrt(Math.max(0, sum2 / n - mean * mean));
            }
            case "saturation", "grayscale" -> {
                for (int i = 0; i < w * h; i++) {
                    if (m[i]) {
                        sum += p.sat(i);
                        n++;
                    }
                }
                return n == 0 ? 0 : sum / n;
            }
            case "warmth" -> {
                // red minus blue relative to the luma, so that darkening a warm picture does not read as cooling it
                for (int i = 0; i < w * h; i++) {
                    if (m[i]) {
                        sum += p.r[i] - p.b[i];
                        sum2 += p.luma[i];
                        n++;
                    }
                }
                return n == 0 ? 0 : 128 * (sum / n) / (sum2 / n + 10);
            }
            case "sharpness", "noise" -> {
                for (int y = 1; y < h - 1; y++) {
                    for (int x = 1; x < w - 1; x++) {
                        int i = y * w + x;
                        if (!m[i]) {
                            continue;
                        }
                        double around = p.luma[i - 1] + p.luma[i + 1] + p.luma[i - w] + p.luma[i + w];
                        if (measure.equals("sharpness")) {
                            sum += Math.abs(4 * p.luma[i] - around);
                        } else {
                            double box = around
                                    + p.luma[i]
                                    + p.luma[i - w - 1]
                                    + p.luma[i - w + 1]
                                    + p.luma[i + w - 1]
                                    + p.luma[i + w + 1];
                            sum += Math.abs(p.luma[i] - box / 9);
                        }
                        n++;
                    }
                }
                return n == 0 ? 0 : sum / n;
            }
            case "colour_count" -> {
                boolean[] seen = new boolean[1 << 15];
                int count = 0;
                for (int i = 0; i < w * h; i++) {
                    if (m[i]) {
                        int key = ((int) p.r[i] >> 3) << 10 | ((int) p.g[i] >> 3) << 5 | ((int) p.b[i] >> 3);
                        if (!seen[key]) {
                            seen[key] = true;
                            count++;
                        }
                    }
                }
                return count;
            }
            case "vignette" -> {
                boolean[] corners = mask("corners", w, h, List.of());
                boolean[] centre = mask("center", w, h, List.of());
                double c = 0;
                double k = 0;
                long nc = 0;
                long nk = 0;
                for (int i = 0; i < w * h; i++) {
                    if (corners[i]) {
                        c += p.luma[i];
                        nc++;
                    } else if (centre[i]) {
                        k += p.luma[i];
                        nk++;
                    }
                }
                return (c / Math.max(1, nc) + 1) / (k / Math.max(1, nk) + 1);
            }
            case "sepia" -> {
                // share of region pixels that are warm and muted in sepia's order: red ≥ green ≥ blue, red − blue
                // between 8 and 90 levels, low saturation
                for (int i = 0; i < w * h; i++) {
                    if (m[i]) {
                        double rb = p.r[i] - p.b[i];
                        boolean ordered = p.r[i] + 2 >= p.g[i] && p.g[i] + 2 >= p.b[i];
                        if (ordered && rb >= 6 && rb <= 110 && p.sat(i) < 0.55) {
                            sum++;
                        }
                        n++;
                    }
                }
                return n == 0 ? 0 : sum / n;
            }
            case "inverted" -> {
                if (source == null) {
                    return 0;
                }
                if (source.w != w || source.h != h) {
                    return 1;
                }
                double sx = 0;
                double sy = 0;
                double sxx = 0;
                double syy = 0;
                double sxy = 0;
                for (int i = 0; i < w * h; i++) {
                    if (m[i]) {
                        double a = source.luma[i];
                        double b = p.luma[i];
                        sx += a;
                        sy += b;
                        sxx += a * a;
                        syy += b * b;
                        sxy += a * b;
                        n++;
                    }
                }
                if (n == 0) {
                    return 1;
                }
                double cov = sxy / n - sx / n * sy / n;
                double va = sxx / n - sx / n * sx / n;
                double vb = syy / n - sy / n * sy / n;
                return cov / Math.sqrt(Math.max(1e-9, va * vb));
            }
            case "hue_shift" -> {
                if (source == null) {
                    return 0;
                }
                if (source.w != w || source.h != h) {
                    return 1;
                }
                long moved = 0;
                for (int i = 0; i < w * h; i++) {
                    if (m[i]) {
                        n++;
                        if (source.sat(i) > 0.15 && p.sat(i) > 0.15 && source.value(i) > 40 && p.value(i) > 40) {
                            double d = Math.abs(source.hue(i) - p.hue(i));
                            d = Math.min(d, 360 - d);
                            if (d > 20) {
                                moved++;
                            }
                        }
                    }
                }
                return n == 0 ? 0 : (double) moved / n;
            }
            default -> throw new IllegalStateException(measure);
        }
    }

    private static double[] difference(Plane s, Plane e, boolean[] m) {
        double sum = 0;
        long changed = 0;
        long n = 0;
        for (int i = 0; i < s.w * s.h; i++) {
            if (m[i]) {
                double d = Math.max(
                        Math.abs(s.r[i] - e.r[i]), Math.max(Math.abs(s.g[i] - e.g[i]), Math.abs(s.b[i] - e.b[i])));
                sum += (Math.abs(s.r[i] - e.r[i]) + Math.abs(s.g[i] - e.g[i]) + Math.abs(s.b[i] - e.b[i])) / 3;
                if (d > 12) {
                    changed++;
                }
                n++;
            }
        }
        return n == 0 ? new double[] {0, 0} : new double[] {sum / n, (double) changed / n};
    }

    private Result orientation(Plane s, Plane e) {
        if ((long) e.w * e.h > 1.01 * s.w * s.h) {
            e = e.withoutFrame(); // a border added around the picture is not part of its layout
        }
        int size = 32;
        double[] edit = e.thumbnail(size);
        double[] src = s.thumbnail(size);
        // the transform whose layout correlates best (in either sign, so an inverted edit still counts as unrotated)
        int best = -1;
        double bestCorrelation = -1;
        double[] moved = new double[size * size];
        for (int t = 0; t < 8; t++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int[] xy = transform(t, x, y, size);
                    moved[y * size + x] = src[xy[1] * size + xy[0]];
                }
            }
            double r = Math.abs(correlation(edit, moved));
            if (r > bestCorrelation + 1e-9) {
                bestCorrelation = r;
                best = t;
            }
        }
        String detail = "closest to " + TRANSFORMS.get(best) + " of the source";
        int named = ORIENTATIONS.indexOf(direction);
        if (named >= 0) {
            // cw90 is transform 1, 180 is 2, ccw90 is 3, a left-right mirror 4, a vertical flip 5
            return result(best == named + 1, detail);
        }
        return yesNo(best != 0, detail);
    }

    private Result size(int sw, int sh, int ew, int eh) {
        String detail = sw + "x" + sh + " → " + ew + "x" + eh;
        Matcher exact = EXACT_SIZE.matcher(direction);
        boolean holds;
        if (exact.matches()) {
            holds = Math.abs(ew - Integer.parseInt(exact.group(1))) <= 1
                    && Math.abs(eh - Integer.parseInt(exact.group(2))) <= 1;
        } else {
            holds = switch (direction) {
                case "larger", "up" -> (double) ew * eh >= 1.01 * sw * sh;
                case "smaller", "down" -> (double) ew * eh <= 0.99 * sw * sh;
                case "half" -> near(ew, sw / 2.0) && near(eh, sh / 2.0);
                case "half_width" -> near(ew, sw / 2.0) && near(eh, sh);
                case "square" -> near(ew, eh);
                case "aspect_16_9" -> Math.abs((double) ew / eh - 16.0 / 9) <= 0.02 * 16.0 / 9;
                default -> Math.abs((double) ew * eh / ((double) sw * sh) - 1) <= 0.01;
            };
        }
        return result(holds, detail);
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= Math.max(1, 0.02 * b);
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return cov / Math.sqrt(Math.max(1e-9, va * vb));
    }

    private static final List<String> TRANSFORMS = List.of(
            "identity",
            "rotation by 90°",
            "rotation by 180°",
            "rotation by 270°",
            "mirror",
            "vertical flip",
            "transpose",
            "anti-transpose");

    private static int[] transform(int t, int x, int y, int n) {
        int m = n - 1;
        return switch (t) {
            case 0 -> new int[] {x, y};
            case 1 -> new int[] {y, m - x};
            case 2 -> new int[] {m - x, m - y};
            case 3 -> new int[] {m - y, x};
            case 4 -> new int[] {m - x, y};
            case 5 -> new int[] {x, m - y};
            case 6 -> new int[] {y, x};
            default -> new int[] {m - y, m - x};
        };
    }

    /** The pixels a region covers in a w×h image. */
    static boolean[] mask(String region, int w, int h, List<PixelCheck> others) {
        boolean[] m = new boolean[w * h];
        if (region.equals("outside_region")) {
            if (others.stream().anyMatch(o -> o.region.equals("background"))) {
                return mask("subject", w, h, List.of()); // outside an edit of the background is the subject
            }
            boolean any = false;
            for (PixelCheck o : others) {
                if (!o.region.equals("outside_region") && !o.region.equals("whole")) {
                    boolean[] r = grow(mask(o.region, w, h, List.of()), w, h, w / 12, h / 12);
                    for (int i = 0; i < m.length; i++) {
                        m[i] |= r[i];
                    }
                    any = true;
                }
            }
            for (int i = 0; i < m.length; i++) {
                m[i] = !m[i];
            }
            if (!any) {
                java.util.Arrays.fill(m, false);
            }
            return m;
        }
        if (region.equals("corners")) {
            fill(m, w, 0, 0, w / 4, h / 4);
            fill(m, w, w - w / 4, 0, w, h / 4);
            fill(m, w, 0, h - h / 4, w / 4, h);
            fill(m, w, w - w / 4, h - h / 4, w, h);
            return m;
        }
        if (region.equals("background") || region.equals("border")) {
            fill(m, w, 0, 0, w, h);
            int bx = Math.max(1, w / 10);
            int by = Math.max(1, h / 10);
            boolean[] inner = new boolean[w * h];
            fill(inner, w, bx, by, w - bx, h - by);
            for (int i = 0; i < m.length; i++) {
                m[i] = !inner[i];
            }
            return m;
        }
        switch (region) {
            case "whole" -> fill(m, w, 0, 0, w, h);
            case "left_half" -> fill(m, w, 0, 0, w / 2, h);
            case "right_half" -> fill(m, w, w - w / 2, 0, w, h);
            case "top_half" -> fill(m, w, 0, 0, w, h / 2);
            case "bottom_half" -> fill(m, w, 0, h - h / 2, w, h);
            case "top_third", "sky" -> fill(m, w, 0, 0, w, h / 3);
            case "middle_third" -> fill(m, w, 0, h / 3, w, h - h / 3);
            case "bottom_third" -> fill(m, w, 0, h - h / 3, w, h);
            case "center", "subject" -> fill(m, w, w / 3, h / 3, w - w / 3, h - h / 3);
            case "top_left_corner" -> fill(m, w, 0, 0, w / 3, h / 3);
            case "top_right_corner" -> fill(m, w, w - w / 3, 0, w, h / 3);
            case "bottom_left_corner" -> fill(m, w, 0, h - h / 3, w / 3, h);
            case "bottom_right_corner" -> fill(m, w, w - w / 3, h - h / 3, w, h);
            default -> throw new IllegalStateException(region);
        }
        return m;
    }

    /** The mask grown by dx, dy pixels (a rectangle's neighbourhood; regions are unions of rectangles). */
    private static boolean[] grow(boolean[] m, int w, int h, int dx, int dy) {
        boolean[] rows = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            int last = -1_000_000;
            for (int x = 0; x < w; x++) {
                if (m[y * w + x]) {
                    last = x;
                }
                rows[y * w + x] = x - last <= dx;
            }
            last = 1_000_000;
            for (int x = w - 1; x >= 0; x--) {
                if (m[y * w + x]) {
                    last = x;
                }
                rows[y * w + x] |= last - x <= dx;
            }
        }
        boolean[] out = new boolean[m.length];
        for (int x = 0; x < w; x++) {
            int last = -1_000_000;
            for (int y = 0; y < h; y++) {
                if (rows[y * w + x]) {
                    last = y;
                }
                out[y * w + x] = y - last <= dy;
            }
            last = 1_000_000;
            for (int y = h - 1; y >= 0; y--) {
                if (rows[y * w + x]) {
                    last = y;
                }
                out[y * w + x] |= last - y <= dy;
            }
        }
        return out;
    }

    private static void fill(boolean[] m, int w, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                m[y * w + x] = true;
            }
        }
    }

    /** An image's channels as doubles, with luma. */
    private static final class Plane {
        final int w;
        final int h;
        final double[] r;
        final double[] g;
        final double[] b;
        final double[] luma;

        Plane(Picture p) {
            w = p.width();
            h = p.height();
            byte[] bgr = p.bgr();
            r = new double[w * h];
            g = new double[w * h];
            b = new double[w * h];
            luma = new double[w * h];
            for (int i = 0; i < w * h; i++) {
                b[i] = bgr[3 * i] & 0xff;
                g[i] = bgr[3 * i + 1] & 0xff;
                r[i] = bgr[3 * i + 2] & 0xff;
                luma[i] = 0.299 * r[i] + 0.587 * g[i] + 0.114 * b[i];
            }
        }

        double value(int i) {
            return Math.max(r[i], Math.max(g[i], b[i]));
        }

        double sat(int i) {
            double max = value(i);
            double min = Math.min(r[i], Math.min(g[i], b[i]));
            return max <= 0 ? 0 : (max - min) / max;
        }

        double hue(int i) {
            double max = value(i);
            double min = Math.min(r[i], Math.min(g[i], b[i]));
            double c = max - min;
            if (c <= 0) {
                return 0;
            }
            double hue;
            if (max == r[i]) {
                hue = ((g[i] - b[i]) / c) % 6;
            } else if (max == g[i]) {
                hue = (b[i] - r[i]) / c + 2;
            } else {
                hue = (r[i] - g[i]) / c + 4;
            }
            return (hue * 60 + 360) % 360;
        }

        private Plane(int w, int h, double[] r, double[] g, double[] b, double[] luma) {
            this.w = w;
            this.h = h;
            this.r = r;
            this.g = g;
            this.b = b;
            this.luma = luma;
        }

        /** This plane without the plain rows and columns (luma spread under 4 levels) along its edges. */
        Plane withoutFrame() {
            int x0 = 0;
            int x1 = w;
            int y0 = 0;
            int y1 = h;
            while (y1 - y0 > h / 2 && plain(x0, x1, y0, y0 + 1)) {
                y0++;
            }
            while (y1 - y0 > h / 2 && plain(x0, x1, y1 - 1, y1)) {
                y1--;
            }
            while (x1 - x0 > w / 2 && plain(x0, x0 + 1, y0, y1)) {
                x0++;
            }
            while (x1 - x0 > w / 2 && plain(x1 - 1, x1, y0, y1)) {
                x1--;
            }
            int cw = x1 - x0;
            int ch = y1 - y0;
            double[][] out = new double[4][cw * ch];
            for (int y = 0; y < ch; y++) {
                for (int x = 0; x < cw; x++) {
                    int i = (y + y0) * w + x + x0;
                    int k = y * cw + x;
                    out[0][k] = r[i];
                    out[1][k] = g[i];
                    out[2][k] = b[i];
                    out[3][k] = luma[i];
                }
            }
            return new Plane(cw, ch, out[0], out[1], out[2], out[3]);
        }

        private boolean plain(int x0, int x1, int y0, int y1) {
            double sum = 0;
            double sum2 = 0;
            int n = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    double l = luma[y * w + x];
                    sum += l;
                    sum2 += l * l;
                    n++;
                }
            }
            double mean = sum / n;
            return Math.sqrt(Math.max(0, sum2 / n - mean * mean)) < 4;
        }

        double[] thumbnail(int n) {
            double[] t = new double[n * n];
            int[] count = new int[n * n];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int k = (y * n / h) * n + x * n / w;
                    t[k] += luma[y * w + x];
                    count[k]++;
                }
            }
            for (int k = 0; k < t.length; k++) {
                t[k] /= Math.max(1, count[k]);
            }
            return t;
        }
    }
}
