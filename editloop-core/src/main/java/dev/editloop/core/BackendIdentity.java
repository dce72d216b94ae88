package dev.editloop.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a backend is, as far as results go: its kind, model, endpoints and the parameters that change what it answers
 * (steps, guidance, workflow hash, temperature, prompt hashes, seed handling…). Trajectories record it so that
 * benchmarks and data sets can group and resume by it (DESIGN §1.6); the display string of {@link #display()} is
 * derived from it, never the other way round.
 *
 * <p>Never holds a key: endpoints lose any user info, and a parameter whose name looks like a secret ({@code key},
 * {@code api_key}, {@code token}, {@code password}…) is refused. Parameters that only tune transport (timeouts, pool
 * limits, retries, the name of the key's variable) do not belong here.
 *
 * @param kind the spec kind, e.g. {@code embedded}, {@code openai-chat}, {@code comfyui}
 * @param model the model name the backend answers with, or null when the kind has none (a workflow or a preset may
 *     stand for it)
 * @param endpoints the endpoints, without user info; empty for in-process backends
 * @param params the result-changing parameters, sorted by name; values are text
 */
public record BackendIdentity(String kind, String model, List<String> endpoints, SortedMap<String, String> params) {
    /**
     * Parameters named in {@link #display()} besides the model: they stand for a model where a kind has none ({@code
     * leak} marks the embedded editor made to leak, so that its runs never read as the plain editor's).
     */
    private static final List<String> DISPLAYED = List.of("workflow", "preset", "leak");

    private static final Pattern SECRET =
            Pattern.compile("(?i)^(key|api[_-]?key|access[_-]?token|token|secret|password|auth|authorization)$");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@,?]*@");

    public BackendIdentity {
        Objects.requireNonNull(kind, "kind");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("a backend identity needs a kind");
        }
        model = model == null || model.isBlank() ? null : model;
        endpoints = endpoints == null
                ? List.of()
                : endpoints.stream().map(BackendIdentity::redact).toList();
        TreeMap<String, String> sorted = new TreeMap<>();
        if (params != null) {
            params.forEach((k, v) -> {
                Objects.requireNonNull(k, "parameter name");
                if (secretLooking(k)) {
                    throw new IllegalArgumentException(
                            "parameter '" + k + "' looks like a secret and cannot be part of a backend identity");
                }
                sorted.put(k, Objects.requireNonNull(v, () -> "value of parameter " + k));
            });
        }
        params = Collections.unmodifiableSortedMap(sorted);
    }

    /** An identity with the given parameters in any order; a null value leaves its parameter out. */
    public static BackendIdentity of(String kind, String model, List<String> endpoints, Map<String, ?> params) {
        TreeMap<String, String> text = new TreeMap<>();
        params.forEach((k, v) -> {
            if (v != null) {
                text.put(k, String.valueOf(v));
            }
        });
        return new BackendIdentity(kind, model, endpoints, text);
    }

    /**
     * Reads a display string back ({@code kind[:url,url…][?model=…&name=value…]}) as well as it can: {@code model}
     * becomes the model, other parameters stay parameters. For trajectories written before identities were
     * structured and for test doubles that only say {@link Editor#describe()}; real adapters build their identity.
     * Never fails: text that is not spec-shaped becomes the kind.
     */
    public static BackendIdentity fromDisplay(String display) {
        String text = display == null ? "" : display.strip();
        if (text.isEmpty()) {
            return new BackendIdentity("unknown", null, List.of(), null);
        }
        int question = text.indexOf('?');
        String head = question < 0 ? text : text.substring(0, question);
        String query = question < 0 ? "" : text.substring(question + 1);
        int colon = head.indexOf(':');
        String kind = (colon < 0 ? head : head.substring(0, colon)).strip();
        List<String> endpoints = new ArrayList<>();
        if (colon >= 0) {
            for (String url : head.substring(colon + 1).split(",")) {
                if (!url.isBlank()) {
                    endpoints.add(url.strip());
                }
            }
        }
        String model = null;
        TreeMap<String, String> params = new TreeMap<>();
        for (String pair : query.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).strip();
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (name.equals("model")) {
                model = value;
            } else if (!name.isEmpty() && !secretLooking(name)) {
                params.put(name, value);
            }
        }
        return new BackendIdentity(kind.isEmpty() ? "unknown" : kind, model, endpoints, params);
    }

    /**
     * How the backend is shown to people (progress lines, summaries, reports, logs): {@code kind}, the endpoints after
     * a colon, then the model and any {@code workflow}, {@code preset} or {@code leak} as a query, e.g.
     * {@code openai-chat:http://gpu1:8000/v1?model=EditThinker-8B} or {@code embedded}. The other parameters are in
     * the trajectory and the report, not here.
     */
    public String display() {
        StringBuilder out = new StringBuilder(kind);
        if (!endpoints.isEmpty()) {
            out.append(':').append(String.join(",", endpoints));
        }
        List<String> shown = new ArrayList<>();
        if (model != null) {
            shown.add("model=" + model);
        }
        for (String name : DISPLAYED) {
            String value = params.get(name);
            if (value != null) {
                shown.add(name + "=" + value);
            }
        }
        if (!shown.isEmpty()) {
            out.append('?').append(String.join("&", shown));
        }
        return out.toString();
    }

    /** The same identity with one more parameter (or a new value for it); a null value removes it. */
    public BackendIdentity with(String name, Object value) {
        TreeMap<String, String> copy = new TreeMap<>(params);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, String.valueOf(value));
        }
        return new BackendIdentity(kind, model, endpoints, copy);
    }

    /** The display string; see {@link #display()}. */
    @Override
    public String toString() {
        return display();
    }

    /**
     * Whether a parameter name looks like it holds a secret ({@code key}, {@code api_key}, {@code token},
     * {@code password}…); such names never go in a spec or an identity.
     */
    public static boolean secretLooking(String name) {
        return SECRET.matcher(name.strip()).matches();
    }

    /** The lower-case hexadecimal SHA-256 of a text's UTF-8 bytes: how prompts and workflows are identified. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The lower-case hexadecimal SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static String redact(String url) {
        return USER_INFO.matcher(Objects.requireNonNull(url, "endpoint")).replaceAll("//");
    }
}
