package dev.editloop.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code multipart/form-data} body already read into memory (its size is bounded before this runs), split into
 * parts. Malformed bodies are a 400 naming what is wrong.
 */
final class Multipart {
    /** The most parts one request may have. */
    static final int MAX_PARTS = 32;

    private static final int MAX_HEADER_BYTES = 8 * 1024;

    /** One part: its field name, its file name (null for a plain field), its content type and bytes. */
    record Part(String name, String filename, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {}

    /** The boundary of a {@code multipart/form-data} content type, or a 400. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiError.bad(
                    "the request must be multipart/form-data (got "
                            + (contentType == null ? "no content type" : "'" + clip(contentType) + "'") + ")",
                    null);
        }
        for (String piece : contentType.split(";")) {
            String p = piece.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length()).strip();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                if (b.isEmpty() || b.length() > 200) {
                    break;
                }
                return b;
            }
        }
        throw ApiError.bad("the multipart content type has no usable boundary", null);
    }

    /** Splits a body into its parts. */
    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw ApiError.bad("the multipart body does not contain its boundary", null);
        }
        List<Part> parts = new ArrayList<>();
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        pos += delimiter.length;
        while (true) {
            if (pos + 2 <= body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return parts; // the closing delimiter
            }
            if (pos + 2 > body.length || body[pos] != '\r' || body[pos + 1] != '\n') {
                throw ApiError.bad("the multipart body is malformed (no line break after a boundary)", null);
            }
            pos += 2;
            int headerEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, pos);
            if (headerEnd < 0 || headerEnd - pos > MAX_HEADER_BYTES) {
                throw ApiError.bad("the multipart body is malformed (a part's headers do not end)", null);
            }
            String headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
            int start = headerEnd + 4;
            int end = indexOf(body, next, start);
            if (end < 0) {
                throw ApiError.bad("the multipart body is truncated (the last part has no closing boundary)", null);
            }
            if (parts.size() == MAX_PARTS) {
                throw ApiError.bad("the request has more than " + MAX_PARTS + " form fields", null);
            }
            parts.add(part(headers, java.util.Arrays.copyOfRange(body, start, end)));
            pos = end + next.length;
        }
    }

    private static Part part(String headers, byte[] content) {
        String name = null;
        String filename = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("content-disposition")) {
                name = param(value, "name");
                filename = param(value, "filename");
            } else if (key.equals("content-type")) {
                type = value;
            }
        }
        if (name == null || name.isEmpty()) {
            throw ApiError.bad("a multipart part has no field name", null);
        }
        return new Part(name, filename, type, content);
    }

    /** A parameter of a Content-Disposition value, quoted or not; null when absent. */
    private static String param(String value, String key) {
        int i = 0;
        while (i < value.length()) {
            int semi = value.indexOf(';', i);
            if (semi < 0) {
                return null;
            }
            int j = semi + 1;
            while (j < value.length() && value.charAt(j) == ' ') {
                j++;
            }
            int eq = value.indexOf('=', j);
            if (eq < 0) {
                return null;
            }
            String k = value.substring(j, eq).strip().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            String result;
            int after;
            if (v < value.length() && value.charAt(v) == '"') {
                StringBuilder sb = new StringBuilder();
                int q = v + 1;
                while (q < value.length() && value.charAt(q) != '"') {
                    char c = value.charAt(q);
                    if (c == '\\' && q + 1 < value.length()) {
                        q++;
                        c = value.charAt(q);
                    }
                    sb.append(c);
                    q++;
                }
                result = sb.toString();
                after = q + 1;
            } else {
                int stop = value.indexOf(';', v);
                after = stop < 0 ? value.length() : stop;
                result = value.substring(v, after).strip();
            }
            if (k.equals(key)) {
                return result;
            }
            i = after;
        }
        return null;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        if (pattern.length == 0) {
            return from;
        }
        byte first = pattern[0];
        int last = data.length - pattern.length;
        outer:
        for (int i = Math.max(0, from); i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            for (int k = 1; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
