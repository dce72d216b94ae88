package dev.editloop.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.editloop.core.Criterion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge reply read tolerantly against the criteria asked for, in the first of these shapes that holds a value for
 * every criterion: a JSON object with one field per criterion (names compared ignoring case, {@code _}, {@code -} and
 * spaces; prose, code fences, single quotes, unquoted keys and trailing commas around it are fine), or with a
 * {@code score}/{@code scores} list in criteria order; lines {@code Name: 4}; a bracketed list of as many numbers as
 * criteria, in criteria order. Values may be written {@code 7} or {@code "7/10"}. Each must lie on its criterion's
 * scale; nothing is clamped, rescaled or invented: anything else is unreadable, with the reason.
 *
 * @param scores the raw values by criterion name, in criteria order; empty when unreadable
 * @param reasoning the {@code explanation} text field (also {@code reasoning}, {@code reason}, {@code rationale}), or the
 *     reply's text for replies that are not JSON
 * @param problem why the reply cannot be used; null when it can
 */
record JudgeReply(Map<String, Double> scores, String reasoning, String problem) {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .build();
    private static final Pattern NUMBER_OF = Pattern.compile("^\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*(?:/\\s*[0-9]+)?\\s*$");
    private static final Pattern LIST = Pattern.compile("\\[([^\\[\\]]*)\\]");
    private static final Pattern LINE = Pattern.compile(
            "(?m)^[\\s*#>-]*\\**([A-Za-z][A-Za-z0-9 _-]*?)\\**\\s*[:=]\\s*\\**\\s*(-?[0-9]+(?:\\.[0-9]+)?)");

    JudgeReply {
        scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        reasoning = reasoning == null ? "" : reasoning.strip();
    }

    /** Whether every criterion has a readable value on its scale. */
    boolean readable() {
        return problem == null;
    }

    /** Reads a reply against the criteria asked for. */
    static JudgeReply parse(String raw, List<Criterion> criteria) {
        if (raw == null || raw.isBlank()) {
            return unreadable("empty reply");
        }
        List<String> problems = new ArrayList<>();
        // 1. a JSON object
        for (int i = raw.indexOf('{'); i >= 0; i = raw.indexOf('{', i + 1)) {
            JsonNode node = readValue(raw.substring(i));
            if (node == null || !node.isObject()) {
                continue;
            }
            Map<String, JsonNode> fields = normalizedFields(node);
            List<JsonNode> values = new ArrayList<>();
            for (Criterion c : criteria) {
                values.add(fields.get(key(c.name())));
            }
            if (values.stream().allMatch(v -> v == null)) {
                JsonNode list = fields.containsKey("score") ? fields.get("score") : fields.get("scores");
                if (list == null || !list.isArray()) {
                    continue;
                }
                values.clear();
                list.forEach(values::add);
                if (values.size() != criteria.size()) {
                    problems.add(
                            "the score list has " + values.size() + " values for " + criteria.size() + " criteria");
                    continue;
                }
            }
            return check(criteria, values, reasoningOf(node), problems);
        }
        // 2. Name: value lines
        Map<String, Double> named = new LinkedHashMap<>();
        Matcher line = LINE.matcher(raw);
        while (line.find()) {
            named.putIfAbsent(key(line.group(1)), Double.parseDouble(line.group(2)));
        }
        List<JsonNode> lines = new ArrayList<>();
        boolean any = false;
        for (Criterion c : criteria) {
            Double v = named.get(key(c.name()));
            lines.add(v == null ? null : MAPPER.getNodeFactory().numberNode(v));
            any |= v != null;
        }
        if (any) {
            return check(criteria, lines, raw, problems);
        }
        // 3. a bracketed list in criteria order
        Matcher list = LIST.matcher(raw);
        while (list.find()) {
            String[] parts = list.group(1).split(",");
            if (parts.length != criteria.size()) {
                continue;
            }
            List<JsonNode> values = new ArrayList<>();
            for (String part : parts) {
                values.add(MAPPER.getNodeFactory().textNode(part.strip().replaceAll("^['\"]|['\"]$", "")));
            }
            return check(criteria, values, raw, problems);
        }
        problems.add("no JSON object with the fields " + names(criteria) + ", no 'name: value' lines and no list of "
                + criteria.size() + " numbers");
        return unreadable(String.join("; ", problems));
    }

    private static JudgeReply check(List<Criterion> criteria, List<JsonNode> values, String reasoning, List<String> p) {
        Map<String, Double> scores = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            JsonNode node = values.get(i);
            if (node == null || node.isNull()) {
                problems.add("no value for " + c.name());
                continue;
            }
            Double v = number(node);
            if (v == null) {
                problems.add(c.name() + " " + node + " is not a number");
            } else if (!c.contains(v)) {
                problems.add(c.name() + " " + fmt(v) + " is out of range: not within " + c.range());
            } else {
                scores.put(c.name(), v);
            }
        }
        if (!problems.isEmpty()) {
            return unreadable(String.join("; ", problems));
        }
        return new JudgeReply(scores, reasoning, null);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String names(List<Criterion> criteria) {
        return String.join(", ", criteria.stream().map(Criterion::name).toList());
    }

    private static JudgeReply unreadable(String problem) {
        return new JudgeReply(Map.of(), "", problem);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[_\\s-]", "");
    }

    private static Map<String, JsonNode> normalizedFields(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.putIfAbsent(key(e.getKey()), e.getValue());
        }
        return out;
    }

    private static String reasoningOf(JsonNode object) {
        for (String k : new String[] {"explanation", "reasoning", "reason", "rationale"}) {
            JsonNode r = object.get(k);
            if (r != null && r.isTextual()) {
                return r.asText();
            }
        }
        return "";
    }

    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            Matcher m = NUMBER_OF.matcher(node.asText());
            if (m.matches()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return null;
    }

    private static JsonNode readValue(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            return MAPPER.readTree(parser);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
