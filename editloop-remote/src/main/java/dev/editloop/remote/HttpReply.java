package dev.editloop.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A successful (2xx) HTTP reply, read whole.
 *
 * @param backend the backend kind, for messages
 * @param endpoint the URL that answered
 * @param status the HTTP status
 * @param contentType the content type header, or an empty string
 * @param body the body bytes, never null
 * @param elapsedMillis time from sending to the last byte
 * @param key the key the request carried, so that messages about this reply can leave it out
 */
public record HttpReply(
        String backend, URI endpoint, int status, String contentType, byte[] body, long elapsedMillis, ApiKey key) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public HttpReply {
        Objects.requireNonNull(backend, "backend");
        contentType = contentType == null ? "" : contentType;
        body = body == null ? new byte[0] : body;
        key = key == null ? ApiKey.none() : key;
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body as a JSON tree.
     *
     * @throws dev.editloop.core.NonRetriableException naming the backend and endpoint when the body is empty, an HTML
     *     page or not JSON
     */
    public JsonNode json() {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (body.length == 0 || type.contains("html")) {
            throw HttpFailures.badReply(backend, endpoint, "a JSON reply", contentType, body, key);
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new IOException("no JSON value");
            }
            return node;
        } catch (IOException e) {
            throw HttpFailures.badReply(backend, endpoint, "a JSON reply", contentType, body, key);
        }
    }

    /** The exception for this reply not holding what was expected, with a short description of the body. */
    public dev.editloop.core.NonRetriableException unexpected(String expected) {
        return HttpFailures.badReply(backend, endpoint, expected, contentType, body, key);
    }

    /** The exception for this reply not holding what was expected, with a problem of one's own words. */
    public dev.editloop.core.NonRetriableException problem(String problem) {
        return HttpFailures.badReply(backend, endpoint, key.redact(problem));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpReply r
                && r.status == status
                && r.endpoint.equals(endpoint)
                && java.util.Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, status, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "HttpReply[" + HttpFailures.where(backend, endpoint) + ", " + status + ", " + body.length + " bytes]";
    }
}
