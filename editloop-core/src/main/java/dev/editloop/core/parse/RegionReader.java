package dev.editloop.core.parse;

import dev.editloop.core.region.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the region a thinker proposes for a local request, tolerantly: a {@code <region>x, y, w, h</region>} tag
 * (several boxes separated by {@code ;}; a missing closing tag ends at the line's end), a JSON {@code "region"} (or
 * {@code "box"}, {@code "mask"}) key holding {@code [x, y, w, h]}, a list of such lists, an object with {@code x, y, w,
 * h} (or {@code width, height}) or a string, or a line {@code Region: x, y, w, h}. Values are pixels, or fractions
 * of the image when every value is at most 1. {@code none}, {@code whole} or an empty tag propose nothing. The tag is
 * removed from the text so that the rest of the parser never sees it.
 */
final class RegionReader {
    private static final Pattern TAG = Pattern.compile(
            "<\\s*region\\s*>(.*?)(?:<\\s*/\\s*region\\s*>|(?=\\n)|$)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern JSON_KEY = Pattern.compile(
            "\"(?:region|box|mask|bbox)\"\\s*:\\s*(\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]|\\{[^{}]*\\}|\"[^\"]*\")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile(
            "^[ \\t*#-]*(?:proposed )?region\\**[ \\t]*[:=][ \\t]*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern NAMED =
            Pattern.compile("\"?(x|y|w|h|width|height)\"?\\s*[:=]\\s*(-?\\d+(?:\\.\\d+)?)", Pattern.CASE_INSENSITIVE);

    private RegionReader() {}

    /** The boxes found and the text without the region tag. */
    record Found(List<Box> boxes, String text, String note) {}

    static Found read(String text) {
        Matcher tag = TAG.matcher(text);
        if (tag.find()) {
            String rest = text.substring(0, tag.start()) + text.substring(tag.end());
            List<Box> boxes = boxes(tag.group(1));
            return new Found(boxes, rest, boxes == null ? "unreadable region" : null);
        }
        Matcher json = JSON_KEY.matcher(text);
        if (json.find()) {
            List<Box> boxes = boxes(json.group(1));
            return new Found(boxes == null ? List.of() : boxes, text, boxes == null ? "unreadable region" : null);
        }
        Matcher label = LABEL.matcher(text);
        if (label.find()) {
            List<Box> boxes = boxes(label.group(1));
            if (boxes != null) {
                return new Found(boxes, text, null);
            }
        }
        return new Found(List.of(), text, null);
    }

    /** The boxes in a region's text; empty for none; null when the text holds numbers that are not boxes. */
    static List<Box> boxes(String content) {
        String c = content.strip().replaceAll("^\"|\"$", "").strip();
        String lower = c.toLowerCase(Locale.ROOT);
        if (c.isEmpty() || lower.matches("(none|null|n/a|whole( image)?|the whole image|all|\\[\\s*\\])\\.?")) {
            return List.of();
        }
        Matcher named = NAMED.matcher(c);
        double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        int seen = 0;
        while (named.find()) {
            int i = switch (named.group(1).toLowerCase(Locale.ROOT)) {
                case "x" -> 0;
                case "y" -> 1;
                case "w", "width" -> 2;
                default -> 3;
            };
            v[i] = Double.parseDouble(named.group(2));
            seen++;
        }
        if (seen >= 4) {
            Box box = box(v);
            return box == null ? null : List.of(box);
        }
        List<Double> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(c);
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group()));
        }
        if (numbers.isEmpty() || numbers.size() % 4 != 0) {
            return null;
        }
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i += 4) {
            Box box = box(new double[] {numbers.get(i), numbers.get(i + 1), numbers.get(i + 2), numbers.get(i + 3)});
            if (box == null) {
                return null;
            }
            boxes.add(box);
        }
        return List.copyOf(boxes);
    }

    private static Box box(double[] v) {
        try {
            return new Box(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
