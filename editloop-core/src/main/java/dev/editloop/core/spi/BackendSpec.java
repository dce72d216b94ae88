package dev.editloop.core.spi;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.retry.RetryPolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    /** The longest duration a parameter may give: a week. */
    private static final double MAX_DURATION_MILLIS = 7 * 24 * 3600 * 1000.0;

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9._-]*");

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
        return dev.editloop.core.BackendIdentity.secretLooking(name);
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

    /** Reads an integer parameter within bounds. */
    public int intParam(String name, int min, int max) {
        String text = param(name);
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (RuntimeException e) {
            throw new InvalidInputException("backend '" + kind + "': parameter " + name + "=" + text
                    + " is not a whole number within " + min + ".." + max);
        }
    }

    /** Reads a decimal parameter within bounds. */
    public double doubleParam(String name, double min, double max) {
        String text = param(name);
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value >= min && value <= max)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (RuntimeException e) {
            throw new InvalidInputException("backend '" + kind + "': parameter " + name + "=" + text
                    + " is not a number within " + min + ".." + max);
        }
    }

    /** Reads a duration parameter given in seconds (decimals allowed, e.g. {@code 0.5}), or with a unit (ms, s, m). */
    public Duration durationParam(String name) {
        String text = param(name);
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            double factor = 1000;
            if (t.endsWith("ms")) {
                factor = 1;
                t = t.substring(0, t.length() - 2);
            } else if (t.endsWith("s")) {
                t = t.substring(0, t.length() - 1);
            } else if (t.endsWith("m")) {
                factor = 60_000;
                t = t.substring(0, t.length() - 1);
            }
            double millis = Double.parseDouble(t.strip()) * factor;
            if (!(millis >= 0 && millis <= MAX_DURATION_MILLIS)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(millis));
        } catch (RuntimeException e) {
            throw new InvalidInputException("backend '" + kind + "': parameter " + name + "=" + text
                    + " is not a duration up to a week (seconds, e.g. 30 or 0.5, or 500ms, or 2m)");
        }
    }

    /**
     * The retry policy this spec asks for: {@code retries=N} (retries after the first attempt),
     * {@code retry_delay=SECONDS} (the first wait) and {@code max_retry_wait=SECONDS} (the longest wait a server's
     * {@code Retry-After} can impose) override the fallback.
     *
     * @throws dev.editloop.core.InvalidInputException when a parameter is not a number in range
     */
    public RetryPolicy retryPolicy(RetryPolicy fallback) {
        RetryPolicy policy = fallback;
        if (param("retries") != null) {
            int n = intParam("retries", 0, 20);
            policy = new RetryPolicy(
                    n + 1, policy.initialDelay(), policy.maxDelay(), policy.jitter(), policy.maxRetryWait());
            if (n > 0 && policy.initialDelay().isZero()) {
                RetryPolicy d = RetryPolicy.DEFAULT;
                policy = new RetryPolicy(n + 1, d.initialDelay(), d.maxDelay(), d.jitter(), d.maxRetryWait());
            }
        }
        if (param("retry_delay") != null) {
            Duration first = durationParam("retry_delay");
            Duration max = first.compareTo(policy.maxDelay()) > 0 ? first : policy.maxDelay();
            policy = new RetryPolicy(policy.maxAttempts(), first, max, policy.jitter(), policy.maxRetryWait());
        }
        if (param("max_retry_wait") != null) {
            policy = policy.withMaxRetryWait(durationParam("max_retry_wait"));
        }
        return policy;
    }
}
