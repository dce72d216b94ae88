package dev.editloop.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.EditLoopException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpFailuresTest {
    private static final URI URL = URI.create("http://user:pw@gpu1:8000/v1");
    private static final ApiKey KEY = ApiKey.fromEnv("MY_KEY", Map.of("MY_KEY", "sk-secret-123456"));

    private static EditLoopException status(int code, String type, String body) {
        return HttpFailures.status(
                "openai-chat", URL, code, type, body == null ? null : body.getBytes(StandardCharsets.UTF_8), KEY);
    }

    @Test
    void serverErrorsAndRateLimitsAreRetriableOtherClientErrorsAreNot() {
        assertThat(status(500, "text/plain", "boom").retriable()).isTrue();
        assertThat(status(503, null, null).retriable()).isTrue();
        assertThat(status(429, null, null).retriable()).isTrue();
        assertThat(status(408, null, null).retriable()).isTrue();
        assertThat(status(400, null, null).retriable()).isFalse();
        assertThat(status(404, null, null).retriable()).isFalse();
        assertThat(status(422, null, null).retriable()).isFalse();
    }

    @Test
    void anAuthenticationFailureNamesTheBackendAndTheVariableButNotTheKey() {
        EditLoopException e =
                status(401, "application/json", "{\"error\":{\"message\":\"Incorrect API key sk-secret-123456\"}}");
        assertThat(e.getMessage())
                .startsWith("openai-chat at http://gpu1:8000/v1: authentication failed (HTTP 401)")
                .contains("MY_KEY")
                .doesNotContain("sk-secret-123456")
                .doesNotContain("pw");
    }

    @Test
    void anHtmlErrorPageIsNamedByItsTitle() {
        EditLoopException e =
                status(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
        assertThat(e.getMessage())
                .isEqualTo("openai-chat at http://gpu1:8000/v1: HTTP 502: an HTML page ('502 Bad Gateway')");
    }

    @Test
    void bodiesAreDescribedBriefly() {
        assertThat(HttpFailures.describeBody(null, new byte[0])).isEqualTo("an empty body");
        assertThat(HttpFailures.describeBody("application/json", "{\"detail\":\"model not loaded\"}".getBytes()))
                .isEqualTo("model not loaded");
        assertThat(HttpFailures.describeBody("image/png", new byte[10])).isEqualTo("an image (image/png, 10 bytes)");
        assertThat(HttpFailures.describeBody("application/octet-stream", new byte[] {0, 1, 2, 3, 4, 5}))
                .startsWith("binary data");
        assertThat(HttpFailures.describeBody("text/plain", "x".repeat(1000).getBytes()))
                .hasSizeLessThan(200);
    }

    @Test
    void ioFailuresSayWhatHappened() {
        assertThat(HttpFailures.io("x", URL, new ConnectException("Connection refused"), KEY))
                .satisfies(e -> assertThat(e.retriable()).isTrue())
                .hasMessageContaining("connection refused");
        assertThat(HttpFailures.io("x", URL, new HttpTimeoutException("request timed out"), KEY))
                .satisfies(e -> assertThat(e.retriable()).isTrue())
                .hasMessageContaining("no reply within the timeout");
        assertThat(HttpFailures.io("x", URL, new java.net.UnknownHostException("gpu1"), KEY)
                        .retriable())
                .isFalse();
        assertThat(HttpFailures.io("x", URL, new IOException("sk-secret-123456 leaked"), KEY)
                        .getMessage())
                .doesNotContain("sk-secret-123456");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        java.time.Instant now = java.time.Instant.parse("2026-12-05T10:00:00Z");
        assertThat(HttpFailures.retryAfter("5", now)).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(HttpFailures.retryAfter(" 120 ", now)).isEqualTo(java.time.Duration.ofSeconds(120));
        assertThat(HttpFailures.retryAfter("Sat, 05 Dec 2026 10:00:30 GMT", now))
                .isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(HttpFailures.retryAfter("Sat, 05 Dec 2026 09:00:00 GMT", now))
                .as("a date in the past: no wait")
                .isEqualTo(java.time.Duration.ZERO);
        assertThat(HttpFailures.retryAfter("soon", now)).isNull();
        assertThat(HttpFailures.retryAfter(null, now)).isNull();
    }

    @Test
    void retryAfterTravelsOnRateLimitsAndUnavailableButNotOnOtherStatuses() {
        assertThat(retryAfter(429, "7")).contains(java.time.Duration.ofSeconds(7));
        assertThat(retryAfter(503, "2")).contains(java.time.Duration.ofSeconds(2));
        assertThat(retryAfter(500, "2")).isEmpty();
        assertThat(retryAfter(429, null)).isEmpty();
    }

    private static java.util.Optional<java.time.Duration> retryAfter(int code, String header) {
        EditLoopException e = HttpFailures.status("x", URL, code, null, null, KEY, header);
        return ((dev.editloop.core.RetriableException) e).retryAfter();
    }

    @Test
    void aDroppedConnectionIsSaidInOurWordsNotTheJdks() {
        EditLoopException e =
                HttpFailures.io("openai-images", URL, new IOException("HTTP/1.1 header parser received no bytes"), KEY);
        assertThat(e.retriable()).isTrue();
        assertThat(e.getMessage())
                .isEqualTo("openai-images at http://gpu1:8000/v1: the server closed the connection without a reply");
        assertThat(HttpFailures.io("x", URL, new java.io.EOFException("EOF reached while reading"), KEY)
                        .getMessage())
                .endsWith("the server closed the connection without a reply");
    }

    @Test
    void controlCharactersFromAServerAreEscapedBeforeTheyReachATerminal() {
        String esc = "\u001b[2J\u001b]0;pwned\u0007";
        EditLoopException json =
                status(500, "application/json", "{\"error\":{\"message\":\"boom\\u001b[2J\\u001b]0;pwned\\u0007\"}}");
        EditLoopException html = status(502, "text/html", "<html><title>Bad" + esc + " Gateway</title></html>");
        EditLoopException text =
                status(503, "text/plain", "the server is overloaded, try again later" + esc + "\u202e");
        EditLoopException io = HttpFailures.io("x", URL, new IOException("weird" + esc), KEY);
        EditLoopException reply = HttpFailures.badReply("x", URL, "the server said " + esc);
        for (EditLoopException e : List.of(json, html, text, io, reply)) {
            assertThat(e.getMessage())
                    .doesNotContain("\u001b")
                    .doesNotContain("\u0007")
                    .doesNotContain("\u202e")
                    .contains("\\u001B");
        }
        assertThat(json.getMessage()).endsWith("HTTP 500: boom\\u001B[2J\\u001B]0;pwned\\u0007");
        assertThat(HttpFailures.escape("plain text, tabs\tand é")).isEqualTo("plain text, tabs\\u0009and é");
    }
}
