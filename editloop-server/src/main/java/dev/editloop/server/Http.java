package dev.editloop.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One exchange's request and response helpers: bounded body reading, JSON and bytes out, security headers. */
final class Http {
    /** Content Security Policy of the server's own page: nothing from elsewhere, no inline script. */
    static final String PAGE_CSP =
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self';"
                    + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Reports written by EditLoop (inline styles and scripts): sandboxed, so they cannot call the API. */
    static final String REPORT_CSP = "sandbox allow-scripts allow-popups; default-src 'none'; img-src 'self' data:;"
            + " style-src 'unsafe-inline'; script-src 'unsafe-inline'; frame-ancestors 'self'";

    final HttpExchange exchange;
    final String method;
    final String path;
    final Map<String, String> query;
    final boolean queryError;

    Http(HttpExchange exchange) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        this.path = exchange.getRequestURI().getRawPath();
        Map<String, String> q;
        boolean bad = false;
        try {
            q = parseQuery(exchange.getRequestURI().getRawQuery());
        } catch (ApiError e) {
            q = Map.of();
            bad = true;
        }
        this.query = q;
        this.queryError = bad;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The request body, refused with 413 past {@code limit} bytes (from Content-Length before reading, else read). */
    byte[] body(long limit) throws IOException {
        String length = header("Content-Length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw ApiError.bad("the Content-Length header is not a number", null);
            }
            if (n > limit) {
                discard(exchange.getRequestBody(), limit);
                throw tooLarge(limit);
            }
        }
        InputStream in = exchange.getRequestBody();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            total += r;
            if (total > limit) {
                discard(in, limit);
                throw tooLarge(limit);
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    /**
     * Reads and drops what is left of a refused body, up to four times the limit, so that a client still sending it
     * reads the 413 instead of a reset connection; a larger body is cut off (the connection closes).
     */
    private static void discard(InputStream in, long limit) {
        byte[] buf = new byte[64 * 1024];
        long left = 4 * limit;
        try {
            int r;
            while (left > 0 && (r = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                left -= r;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static ApiError tooLarge(long limit) {
        return new ApiError(
                413,
                String.format(
                        java.util.Locale.ROOT, "the request is larger than this server's limit of %,d bytes", limit),
                null);
    }

    void json(int status, Object body) throws IOException {
        bytes(status, "application/json; charset=utf-8", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    void bytes(int status, String contentType, byte[] body) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", contentType);
        secure(h);
        if (!h.containsKey("Cache-Control")) {
            h.set("Cache-Control", "no-store");
        }
        boolean head = method.equals("HEAD");
        if (status == 204 || status == 304) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
        exchange.close();
    }

    void noContent() throws IOException {
        secure(exchange.getResponseHeaders());
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    void redirect(String location) throws IOException {
        Headers h = exchange.getResponseHeaders();
        secure(h);
        h.set("Location", location);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    static void secure(Headers h) {
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        if (!h.containsKey("X-Frame-Options")) {
            h.set("X-Frame-Options", "DENY");
        }
    }

    /** An error as JSON in OpenAI's shape: {@code {"error": {"message", "type", "param", "code"}}}. */
    void error(ApiError e) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", e.getMessage());
        error.put("type", e.type());
        error.put("param", e.param);
        error.put("code", e.status);
        if (e.retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", e.retryAfter);
        }
        if (e.status == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"editloop\"");
        }
        json(e.status, Map.of("error", error));
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw ApiError.bad("the query string is malformed", null);
            }
        }
        return q;
    }
}
