package dev.editloop.remote;

import dev.editloop.core.EditLoopException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where HTTP statuses, I/O failures and unusable replies become EditLoop exceptions, with one-line
 * messages that name the backend and the endpoint and never contain a key.
 *
 * <p>Retriable: 408, 425, 429, every 5xx, timeouts, refused or reset connections. Not retriable: every other 4xx
 * (401 and 403 say which environment variable to check), unknown hosts, and replies that cannot be used.
 *
 * <p>Messages are ours, not the JDK's (a dropped connection reads "the server closed the connection without a
 * reply"), and whatever text of the server's they quote (an error body, an HTML title, a JSON message) has its control
 * characters escaped ({@link #escape}) before it can reach a terminal. A 429 or 503 carries the server's
 * {@code Retry-After} on the {@link RetriableException}.
 */
public final class HttpFailures {
    private static final int SNIPPET = 160;
    private static final long MAX_RETRY_AFTER_SECONDS = 7 * 24 * 3600;
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private HttpFailures() {}

    /**
     * The exception for a non-2xx reply.
     *
     * @param backend the backend kind, e.g. {@code openai-images}
     * @param endpoint the URL that answered
     * @param status the HTTP status
     * @param contentType the reply's content type, may be null
     * @param body the reply body, may be null
     * @param key the key sent (its value is removed from the message; its variable is named on 401/403)
     */
    public static EditLoopException status(
            String backend, URI endpoint, int status, String contentType, byte[] body, ApiKey key) {
        return status(backend, endpoint, status, contentType, body, key, null);
    }

    /**
     * The exception for a non-2xx reply, with the reply's {@code Retry-After} header: on 429 and 503 its wait (seconds
     * or an HTTP date) travels on the {@link RetriableException} for the retry wrapper to honour.
     *
     * @param retryAfter the {@code Retry-After} header's value, or null when there was none
     */
    public static EditLoopException status(
            String backend, URI endpoint, int status, String contentType, byte[] body, ApiKey key, String retryAfter) {
        String where = where(backend, endpoint);
        String what = describeBody(contentType, body);
        String text = switch (status) {
            case 401, 403 ->
                where + ": authentication failed (HTTP " + status + "): " + key.hint()
                        + (what.isEmpty() ? "" : "; the server said: " + what);
            case 404 ->
                where + ": not found (HTTP 404): check the URL and the model name"
                        + (what.isEmpty() ? "" : "; the server said: " + what);
            case 429 -> where + ": rate limited (HTTP 429)" + (what.isEmpty() ? "" : ": " + what);
            default -> where + ": HTTP " + status + (what.isEmpty() ? "" : ": " + what);
        };
        text = key.redact(text);
        if (!retriableStatus(status)) {
            return new NonRetriableException(text);
        }
        Duration wait = status == 429 || status == 503 ? retryAfter(retryAfter, Instant.now()) : null;
        return new RetriableException(text, null, wait);
    }

    /**
     * Reads a {@code Retry-After} header (RFC 9110): a number of seconds ({@code 5}) or an HTTP date ({@code Wed, 21
     * Oct 2015 07:28:00 GMT}, a wait until then from {@code now}; a date in the past is no wait).
     *
     * @return the wait, or null when the header is absent or malformed
     */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        if (h.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Math.min(Long.parseLong(h), MAX_RETRY_AFTER_SECONDS));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(MAX_RETRY_AFTER_SECONDS);
            }
        }
        try {
            Instant at =
                    ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            if (wait.isNegative()) {
                return Duration.ZERO;
            }
            return wait.compareTo(Duration.ofSeconds(MAX_RETRY_AFTER_SECONDS)) > 0
                    ? Duration.ofSeconds(MAX_RETRY_AFTER_SECONDS)
                    : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether a status is worth retrying: 408, 425, 429 and every 5xx. */
    public static boolean retriableStatus(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    /** The exception for a failure to reach the endpoint or to read its reply in time. */
    public static EditLoopException io(String backend, URI endpoint, IOException e, ApiKey key) {
        String where = where(backend, endpoint);
        String cause = e.getMessage() == null ? "" : ": " + escape(key.redact(cut(oneLine(e.getMessage()))));
        if (e instanceof HttpConnectTimeoutException) {
            return new RetriableException(where + ": connection timed out", e);
        }
        if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
            return new RetriableException(where + ": no reply within the timeout (raise it with timeout=SECONDS)", e);
        }
        if (e instanceof UnknownHostException) {
            return new NonRetriableException(where + ": unknown host " + endpoint.getHost(), e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || connectCause(e)) {
            return new RetriableException(where + ": connection refused (is the server running?)", e);
        }
        if (e instanceof InterruptedIOException) {
            return new RetriableException(where + ": interrupted" + cause, e);
        }
        if (closedWithoutReply(e)) {
            return new RetriableException(where + ": the server closed the connection without a reply", e);
        }
        if (e instanceof SocketException && lower(e.getMessage()).contains("reset")) {
            return new RetriableException(where + ": the server reset the connection", e);
        }
        return new RetriableException(
                where + ": the connection failed (" + e.getClass().getSimpleName() + cause + ")", e);
    }

    /**
     * Whether an I/O failure means the server hung up before a complete reply: the JDK client says so in several ways
     * ({@code HTTP/1.1 header parser received no bytes}, an EOF, a closed channel).
     */
    private static boolean closedWithoutReply(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = lower(t.getMessage());
            if (t instanceof ClosedChannelException
                    || t instanceof EOFException
                    || t.getClass().getName().contains("EOF")
                    || m.contains("received no bytes")
                    || m.contains("connection closed")
                    || m.contains("closed locally")
                    || m.contains("eof reached")) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /**
     * Server text made safe for a terminal: control characters (ESC, BEL, backspace, line breaks, C1 controls) and the
     * invisible bidirectional overrides are written as backslash-u escapes (ESC becomes {@code \\u001B}), so that nothing a server sends can move
     * the cursor, recolour the terminal or reorder what is shown.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = Character.getType(c) == Character.CONTROL
                    || (c >= '\u200e' && c <= '\u200f')
                    || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069');
            if (bad) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The exception for a 2xx reply that cannot be used: not an image, not JSON, empty, an HTML page. */
    public static NonRetriableException badReply(String backend, URI endpoint, String problem) {
        return new NonRetriableException(where(backend, endpoint) + ": " + escape(problem));
    }

    /** The exception for a 2xx reply that cannot be used, describing its body. */
    public static NonRetriableException badReply(
            String backend, URI endpoint, String expected, String contentType, byte[] body, ApiKey key) {
        String what = describeBody(contentType, body);
        return new NonRetriableException(
                key.redact(where(backend, endpoint) + ": expected " + expected + " but got " + what));
    }

    /** {@code backend at http://host:port/path}, with any user info removed from the URL. */
    public static String where(String backend, URI endpoint) {
        return endpoint == null ? backend : backend + " at " + redact(endpoint);
    }

    /** The URL without user info or query, for messages. */
    public static String redact(URI uri) {
        StringBuilder out = new StringBuilder();
        if (uri.getScheme() != null) {
            out.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            out.append(uri.getHost());
        }
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        return out.toString();
    }

    /**
     * A short description of a reply body for messages: {@code an empty body}, {@code an HTML page ('502 Bad
     * Gateway')}, the JSON error message, or the first characters of the text.
     */
    public static String describeBody(String contentType, byte[] body) {
        return escape(describeRaw(contentType, body));
    }

    private static String describeRaw(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return "an empty body";
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return "an image (" + type + ", " + body.length + " bytes)";
        }
        String text = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "an empty body";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (type.contains("html") || lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            Matcher title = TITLE.matcher(text);
            String name = title.find()
                    ? squash(title.group(1))
                    : squash(TAGS.matcher(text).replaceAll(" "));
            return "an HTML page" + (name.isEmpty() ? "" : " ('" + cut(name) + "')");
        }
        if (text.startsWith("{")) {
            String message = jsonMessage(text);
            if (message != null) {
                return cut(message);
            }
        }
        if (!printable(text)) {
            return "binary data (" + (contentType == null ? "no content type" : contentType) + ", " + body.length
                    + " bytes)";
        }
        return "'" + cut(squash(text)) + "'";
    }

    private static String jsonMessage(String text) {
        try {
            var node = MAPPER.readTree(text);
            for (String path : new String[] {"/error/message", "/error", "/message", "/detail", "/error/type"}) {
                var at = node.at(path);
                if (at.isTextual() && !at.asText().isBlank()) {
                    return squash(at.asText());
                }
            }
            return squash(text);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean printable(String text) {
        int bad = 0;
        int n = Math.min(text.length(), 200);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                bad++;
            }
        }
        return bad * 10 < n;
    }

    private static boolean connectCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String cut(String s) {
        return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "…";
    }

    private static String oneLine(String s) {
        return s.lines().findFirst().orElse(s).strip();
    }
}
