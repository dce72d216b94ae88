package dev.editloop.core.spi;

import dev.editloop.core.InvalidInputException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parsed backend spec string: {@code embedded}, {@code KIND}, {@code KIND?key=value&…} or
 * {@code KIND:URL[,URL…][?key=value&…]}.
 *
 * <p>Examples: {@code embedded}, {@code openai-chat:http://127.0.0.1:8000/v1?model=Qwen/Qwen3-VL-8B-Instruct},
 * {@code gemini:?model=gemini-2.5-flash}. Several comma-separated URLs form a pool. Keys never appear in specs; they
 * come from environment variables.
 *
 * @param kind the backend kind, lower case ({@code embedded}, {@code openai-chat}, …)
 * @param endpoints the URLs, possibly empty
 * @param params the query parameters, in order
 */
public record BackendSpec(String kind, List<String> endpoints, Map<String, String> params) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9._-]*");
    private static final Pattern SECRET =
            Pattern.compile("(?i)^(key|api[_-]?key|access[_-]?token|token|secret|password|auth|authorization)$");

    public BackendSpec {
        Objects.requireNonNull(kind, "kind");
        if (!KIND.matcher(kind).matches()) {
            throw new InvalidInputException("backend kind '" + kind
                    + "' is not valid: use lower-case letters, digits, '-', '.' or '_' (e.g. embedded, openai-chat)");
        }
        endpoints = List.copyOf(endpoints);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Parses a spec string.
     *
     * @throws InvalidInputException when the string is blank or malformed
     */
    public static BackendSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("backend spec is empty: use 'embedded' or KIND:URL?key=value");
        }
        String spec = text.trim();
        String kind;
        String rest;
        int colon = spec.indexOf(':');
        int question = spec.indexOf('?');
        if (colon >= 0 && (question < 0 || colon < question)) {
            kind = spec.substring(0, colon);
            rest = spec.substring(colon + 1);
        } else if (question >= 0) {
            kind = spec.substring(0, question);
            rest = spec.substring(question);
        } else {
            kind = spec;
            rest = "";
        }
        kind = kind.trim().toLowerCase(java.util.Locale.ROOT);
        if (kind.equals("http") || kind.equals("https")) {
            throw new InvalidInputException("backend spec '" + redact(spec)
                    + "' starts with a URL: put the kind first, e.g. openai-chat:" + redact(spec));
        }
        String urls = rest;
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            urls = rest.substring(0, q);
            query = rest.substring(q + 1);
        }
        List<String> endpoints = new ArrayList<>();
        for (String url : urls.split(",")) {
            String trimmed = url.trim();
            if (!trimmed.isEmpty()) {
                endpoints.add(checkUrl(trimmed, spec));
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.isBlank()) {
                    throw new InvalidInputException("backend spec '" + redact(spec) + "' has a parameter with no name");
                }
                if (secretLooking(key)) {
                    throw new InvalidInputException("backend spec for '" + kind + "': parameter '" + key
                            + "' looks like a secret; keys never go in a spec: put the key in an environment variable"
                            + " and name it with key_env=VARIABLE");
                }
                params.put(key, value);
            }
        }
        return new BackendSpec(kind, endpoints, params);
    }

    /**
     * Whether a parameter name looks like it holds a secret ({@code key}, {@code api_key}, {@code token},
     * {@code password}…): such parameters are refused, because keys come from environment variables only.
     */
    public static boolean secretLooking(String name) {
        return SECRET.matcher(name.strip()).matches();
    }

    /** A parameter's value, or null. */
    public String param(String name) {
        return params.get(name);
    }

    /** A parameter's value, or the default. */
    public String param(String name, String fallback) {
        return params.getOrDefault(name, fallback);
    }

    /** The spec as it can be shown in logs and trajectories: user info is removed from URLs. */
    public String display() {
        StringBuilder out = new StringBuilder(kind);
        if (!endpoints.isEmpty()) {
            out.append(':');
            List<String> shown = endpoints.stream().map(BackendSpec::redactUrl).toList();
            out.append(String.join(",", shown));
        }
        if (!params.isEmpty()) {
            out.append('?');
            List<String> pairs = new ArrayList<>();
            params.forEach((k, v) -> pairs.add(v.isEmpty() ? k : k + "=" + v));
            out.append(String.join("&", pairs));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return display();
    }

    private static String checkUrl(String url, String spec) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new InvalidInputException("backend spec '" + redact(spec) + "': '" + redactUrl(url)
                        + "' is not an absolute URL (expected http://host:port/…)");
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException(
                    "backend spec '" + redact(spec) + "': '" + redactUrl(url) + "' is not a valid URL", e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String redact(String spec) {
        return spec.replaceAll("//[^/@,?]*@", "//");
    }

    private static String redactUrl(String url) {
        return url.replaceAll("//[^/@,?]*@", "//");
    }
}
