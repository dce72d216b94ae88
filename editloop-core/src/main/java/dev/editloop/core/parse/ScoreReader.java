package dev.editloop.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the two scores (semantic consistency, perceptual quality) from the score part of a reply: a two-number list
 * in paper order {@code [SC, PQ]}, a JSON object with named scores, or labelled text ({@code SC: 8, PQ: 7},
 * {@code Semantic consistency: 8/10}). It never invents, clamps or rescales a score: anything it cannot pin down is a
 * problem, in words.
 */
final class ScoreReader {

    /** Which score a key or label names. */
    enum Family {
        SEMANTIC,
        QUALITY,
        /** A key whose value holds the scores ({@code score}, {@code scores}). */
        CONTAINER
    }

    /** Keys and labels for semantic consistency, normalized (see {@link #normalizeKey}). */
    static final List<String> SEMANTIC_KEYS = List.of(
            "semantic",
            "semantics",
            "semantic_consistency",
            "sc",
            "instruction_following",
            "instruction_adherence",
            "instruction_compliance",
            "edit_success",
            "editing_success",
            "语义",
            "语义一致性",
            "指令遵循");

    /** Keys and labels for perceptual quality, normalized. */
    static final List<String> QUALITY_KEYS = List.of(
            "quality",
            "perceptual_quality",
            "perceptual",
            "pq",
            "visual_quality",
            "image_quality",
            "naturalness",
            "质量",
            "感知质量",
            "图像质量",
            "视觉质量");

    /** Keys whose value holds the scores, normalized. */
    static final List<String> CONTAINER_KEYS = List.of("score", "scores", "rating", "ratings", "评分", "分数", "得分");

    private static final Map<String, Family> FAMILIES = Stream.of(
                    SEMANTIC_KEYS.stream().map(k -> Map.entry(k, Family.SEMANTIC)),
                    QUALITY_KEYS.stream().map(k -> Map.entry(k, Family.QUALITY)),
                    CONTAINER_KEYS.stream().map(k -> Map.entry(k, Family.CONTAINER)))
            .flatMap(s -> s)
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** A label of either score in free text, longest first so "semantic consistency" wins over "semantic". */
    static final Pattern LABEL = Pattern.compile(
            "(?<![A-Za-z])(?:"
                    + Stream.concat(SEMANTIC_KEYS.stream(), QUALITY_KEYS.stream())
                            .sorted(Comparator.comparingInt(String::length).reversed())
                            .map(ScoreReader::labelRegex)
                            .collect(Collectors.joining("|"))
                    + ")(?![A-Za-z])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.])([-+]?\\d+(?:\\.\\d+)?)(?:\\s*(?:/|out\\s+of)\\s*(\\d+(?:\\.\\d+)?))?(\\s*%)?",
            Pattern.CASE_INSENSITIVE);

    private static final Set<Character> FORWARD_STOPS = Set.of(',', ';', '\n', '、', '|');
    private static final Set<Character> REVERSE_STOPS = Set.of(',', ';', '\n', '、', '|', ']', ')');

    /**
     * The scores, or the problem that kept them from being read.
     *
     * @param semantic semantic consistency when read
     * @param quality perceptual quality when read
     * @param problem what was wrong; null when both scores were read
     * @param note how the scores were written when that differs from the JSON object the prompt asks for; may be null
     */
    record Scores(Double semantic, Double quality, String problem, String note) {
        static Scores problem(String problem) {
            return new Scores(null, null, problem, null);
        }

        boolean ok() {
            return problem == null;
        }
    }

    /** A number as written: its value, an optional denominator ("8/10") and whether it was a percentage. */
    private record Num(double value, String text, Double denominator, boolean percent, int start, int end) {}

    private record Token(Family family, Num num, int start, int end) {}

    private ScoreReader() {}

    /** The family a JSON key or label names, or null. */
    static Family family(String key) {
        return FAMILIES.get(normalizeKey(key));
    }

    /**
     * Lower case, words joined by underscores (camelCase, spaces and hyphens split words), a {@code score} prefix or
     * suffix dropped: {@code "Semantic Consistency Score"} and {@code semanticConsistency} become
     * {@code semantic_consistency}.
     */
    static String normalizeKey(String key) {
        String k = Normalizer.normalize(key, Normalizer.Form.NFKC)
                .strip()
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_+|_+$", "");
        if (!FAMILIES.containsKey(k)) {
            if (k.endsWith("_score") && k.length() > 6) {
                k = k.substring(0, k.length() - 6);
            } else if (k.startsWith("score_") && k.length() > 6) {
                k = k.substring(6);
            }
        }
        return k;
    }

    /** Reads scores from JSON: an object with named scores (or a {@code score} key holding them), a list or text. */
    static Scores read(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Scores.problem("missing score");
        }
        if (node.isTextual()) {
            return read(node.asText());
        }
        if (node.isNumber()) {
            return Scores.problem("only one score (" + node.asText() + "); expected two: semantic and quality");
        }
        if (node.isArray()) {
            return readList(node);
        }
        if (!node.isObject()) {
            return Scores.problem("score is not a list or an object");
        }
        Num semantic = null;
        Num quality = null;
        String problem = null;
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Family family = family(field.getKey());
            if (family == Family.CONTAINER && semantic == null && quality == null) {
                Scores inner = read(field.getValue());
                if (inner.ok()) {
                    return inner;
                }
                problem = inner.problem();
                continue;
            }
            if (family == null || family == Family.CONTAINER) {
                if (field.getValue().isNumber()) {
                    unknown.add(field.getKey());
                }
                continue;
            }
            JsonNode value = field.getValue();
            Num num = value.isNumber()
                    ? new Num(value.asDouble(), value.asText(), null, false, 0, 0)
                    : value.isTextual() ? single(value.asText()) : null;
            String name = family == Family.SEMANTIC ? "semantic" : "quality";
            if (num == null) {
                return Scores.problem(name + " score is not a number: " + value);
            }
            if (family == Family.SEMANTIC && semantic == null) {
                semantic = num;
            } else if (family == Family.QUALITY && quality == null) {
                quality = num;
            }
        }
        if (semantic != null && quality != null) {
            return checked(semantic, quality, null);
        }
        if (semantic != null || quality != null) {
            return Scores.problem("missing " + (semantic == null ? "semantic" : "quality") + " score");
        }
        if (problem != null) {
            return Scores.problem(problem);
        }
        if (!unknown.isEmpty()) {
            return Scores.problem("unknown score keys " + unknown + "; expected \"semantic\" and \"quality\"");
        }
        return Scores.problem("missing score");
    }

    private static Scores readList(JsonNode array) {
        List<Num> nums = new ArrayList<>();
        for (JsonNode item : array) {
            Num num = item.isNumber()
                    ? new Num(item.asDouble(), item.asText(), null, false, 0, 0)
                    : item.isTextual() ? single(item.asText()) : null;
            if (num == null) {
                return Scores.problem("score list holds something other than numbers: " + array);
            }
            nums.add(num);
        }
        if (nums.size() != 2) {
            return Scores.problem(countProblem(nums.size()));
        }
        return checked(nums.get(0), nums.get(1), "score as a list");
    }

    /**
     * Reads scores from text: labelled ({@code SC: 8, PQ: 7}, {@code 8 (semantic)}), a JSON object or list, or exactly
     * two numbers in paper order (semantic, then quality).
     */
    static Scores read(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace("`", "")
                .replace("**", "")
                .strip();
        if (t.isEmpty()) {
            return Scores.problem("empty score");
        }
        // a list followed by labels ("[7, 8] (quality, semantic)") is read as text, so the labels decide the order
        if (t.startsWith("{") || (t.startsWith("[") && !LABEL.matcher(t).find())) {
            JsonNode node = Json.readValue(t);
            if (node != null && (node.isObject() || node.isArray())) {
                Scores s = read(node);
                return s.ok() && node.isObject() ? new Scores(s.semantic(), s.quality(), null, null) : s;
            }
        }
        return readText(t);
    }

    private static Scores readText(String t) {
        List<Token> tokens = new ArrayList<>();
        Matcher label = LABEL.matcher(t);
        while (label.find()) {
            tokens.add(new Token(family(label.group()), null, label.start(), label.end()));
        }
        List<Num> nums = new ArrayList<>();
        Matcher number = NUMBER.matcher(t);
        while (number.find()) {
            Num num = num(number);
            nums.add(num);
            tokens.add(new Token(null, num, num.start(), num.end()));
        }
        tokens.sort(Comparator.comparingInt(Token::start));

        // "SC: 8", "quality is 7/10": a label, then a number with nothing but a short gap between them
        Num[] forward = pair(t, tokens, false);
        if (forward[0] != null && forward[1] != null) {
            return checked(forward[0], forward[1], "score as labelled text");
        }
        // "8 (semantic), 7 (quality)": a number, then its label
        Num[] reverse = pair(t, tokens, true);
        if (reverse[0] != null && reverse[1] != null) {
            return checked(reverse[0], reverse[1], "score as labelled text");
        }
        if (nums.size() == 2) {
            // two bare numbers: paper order, unless both labels appear, in which case their order decides
            int firstSemantic = firstLabel(tokens, Family.SEMANTIC);
            int firstQuality = firstLabel(tokens, Family.QUALITY);
            boolean swapped = firstSemantic >= 0 && firstQuality >= 0 && firstQuality < firstSemantic;
            Num sc = swapped ? nums.get(1) : nums.get(0);
            Num pq = swapped ? nums.get(0) : nums.get(1);
            if ((forward[0] != null && forward[0] != sc) || (forward[1] != null && forward[1] != pq)) {
                return Scores.problem("cannot tell which score is semantic and which is quality: " + oneLine(t));
            }
            return checked(sc, pq, "score as two numbers");
        }
        if (forward[0] != null || forward[1] != null) {
            return Scores.problem("missing " + (forward[0] == null ? "semantic" : "quality") + " score");
        }
        return Scores.problem(countProblem(nums.size()));
    }

    /** Pairs each label with the number right after it (or before it, when {@code reverse}); [semantic, quality]. */
    private static Num[] pair(String t, List<Token> tokens, boolean reverse) {
        Num[] found = new Num[2];
        for (int i = 0; i < tokens.size(); i++) {
            Token label = tokens.get(i);
            if (label.family() == null) {
                continue;
            }
            int j = reverse ? i - 1 : i + 1;
            if (j < 0 || j >= tokens.size() || tokens.get(j).num() == null) {
                continue;
            }
            Token number = tokens.get(j);
            String gap = reverse ? t.substring(number.end(), label.start()) : t.substring(label.end(), number.start());
            if (!cleanGap(gap, reverse)) {
                continue;
            }
            int slot = label.family() == Family.SEMANTIC ? 0 : 1;
            if (found[slot] == null) {
                found[slot] = number.num();
            }
        }
        return found;
    }

    private static boolean cleanGap(String gap, boolean reverse) {
        if (gap.length() > (reverse ? 12 : 24)) {
            return false;
        }
        Set<Character> stops = reverse ? REVERSE_STOPS : FORWARD_STOPS;
        for (int i = 0; i < gap.length(); i++) {
            if (stops.contains(gap.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int firstLabel(List<Token> tokens, Family family) {
        for (Token token : tokens) {
            if (token.family() == family) {
                return token.start();
            }
        }
        return -1;
    }

    private static String countProblem(int count) {
        return switch (count) {
            case 0 -> "no score value";
            case 1 -> "only one score; expected two: semantic and quality";
            default -> "found " + count + " numbers in the score; expected two: semantic and quality";
        };
    }

    /** One number written as text ("8", "7.5", "8/10"); null when the text holds anything else. */
    private static Num single(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher m = NUMBER.matcher(t);
        return m.matches() ? num(m) : null;
    }

    private static Num num(Matcher m) {
        double value = Double.parseDouble(m.group(1));
        Double denominator = m.group(2) == null ? null : Double.parseDouble(m.group(2));
        return new Num(value, m.group().strip(), denominator, m.group(3) != null, m.start(), m.end());
    }

    private static Scores checked(Num semantic, Num quality, String note) {
        for (Num num : List.of(semantic, quality)) {
            String name = num == semantic ? "semantic" : "quality";
            if (num.percent()) {
                return Scores.problem(
                        "score given as a percentage (" + name + " " + num.text() + "); expected a number 0–10");
            }
            if (num.denominator() != null && num.denominator() != 10) {
                return Scores.problem("score on a 0–" + plain(num.denominator()) + " scale (" + name + " " + num.text()
                        + "); expected 0–10");
            }
        }
        for (Num num : List.of(semantic, quality)) {
            if (num.value() < 0 || num.value() > 10) {
                String name = num == semantic ? "semantic" : "quality";
                return Scores.problem("score out of range: " + name + " " + plain(num.value()) + " is not within 0–10");
            }
        }
        return new Scores(semantic.value(), quality.value(), null, note);
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    private static String labelRegex(String key) {
        return Stream.of(key.split("_")).map(Pattern::quote).collect(Collectors.joining("[\\s_-]*"));
    }
}
