package dev.editloop.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VIEScore judge reply read tolerantly: the first JSON object in the text (prose and code fences around it are
 * fine; single quotes, unquoted keys and trailing commas too) that holds a {@code score} (or {@code scores}) field, as a
 * list of numbers or one number, each within 0–10. Anything else is unreadable, with the reason; nothing is clamped,
 * rescaled or invented.
 *
 * @param scores the sub-scores, in the order given; empty when unreadable
 * @param reasoning the {@code reasoning} field (also {@code reason}, {@code explanation}), possibly empty
 * @param problem why the reply cannot be used; null when it can
 * @param raw the reply as received
 */
record JudgeReply(List<Double> scores, String reasoning, String problem, String raw) {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .build();
    private static final Pattern X_OF_10 = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(?:/\\s*10)?\\s*$");

    JudgeReply {
        scores = List.copyOf(scores);
        reasoning = reasoning == null ? "" : reasoning.strip();
        raw = raw == null ? "" : raw;
    }

    /** Whether the reply holds readable scores. */
    boolean readable() {
        return problem == null;
    }

    /** The smallest sub-score (VIEScore takes the minimum of SC's and of PQ's sub-scores). */
    double min() {
        return scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** Reads a reply. */
    static JudgeReply parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return unreadable("empty reply", raw);
        }
        JsonNode object = null;
        for (int i = raw.indexOf('{'); i >= 0 && object == null; i = raw.indexOf('{', i + 1)) {
            JsonNode node = readValue(raw.substring(i));
            if (node != null && node.isObject() && scoreField(node) != null) {
                object = node;
            }
        }
        if (object == null) {
            return unreadable("no JSON object with a \"score\" field", raw);
        }
        JsonNode score = scoreField(object);
        List<Double> scores = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        if (score.isArray()) {
            score.forEach(items::add);
        } else {
            items.add(score);
        }
        for (JsonNode item : items) {
            Double value = number(item);
            if (value == null) {
                return unreadable("the score " + item + " is not a number", raw);
            }
            if (value < 0 || value > 10) {
                return unreadable("score out of range: " + item + " is not within 0–10", raw);
            }
            scores.add(value);
        }
        if (scores.isEmpty()) {
            return unreadable("the score list is empty", raw);
        }
        String reasoning = "";
        for (String key : new String[] {"reasoning", "reason", "explanation", "rationale"}) {
            JsonNode r = object.get(key);
            if (r != null && r.isTextual()) {
                reasoning = r.asText();
                break;
            }
        }
        return new JudgeReply(scores, reasoning, null, raw);
    }

    private static JudgeReply unreadable(String problem, String raw) {
        return new JudgeReply(List.of(), "", problem, raw);
    }

    private static JsonNode scoreField(JsonNode object) {
        var fields = object.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("score") || name.equals("scores")) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            Matcher m = X_OF_10.matcher(node.asText());
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
