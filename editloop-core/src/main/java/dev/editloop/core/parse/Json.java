package dev.editloop.core.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Lenient JSON reading for model output: single quotes, unquoted keys, trailing commas, comments, raw newlines in
 * strings and a leading plus sign are all accepted, and text after the first value is ignored.
 */
final class Json {
    /** How many opening braces {@link #findObject} tries before giving up (keeps huge replies cheap). */
    private static final int MAX_ATTEMPTS = 32;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private Json() {}

    /** The first JSON value in the text, or null when it does not start one that parses. */
    static JsonNode readValue(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            return MAPPER.readTree(parser);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The first JSON object in the text (prose around it allowed) that the test accepts, or null. */
    static JsonNode findObject(String text, Predicate<JsonNode> accept) {
        int from = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int brace = text.indexOf('{', from);
            if (brace < 0) {
                return null;
            }
            JsonNode node = readValue(text.substring(brace));
            if (node != null && node.isObject() && accept.test(node)) {
                return node;
            }
            from = brace + 1;
        }
        return null;
    }
}
