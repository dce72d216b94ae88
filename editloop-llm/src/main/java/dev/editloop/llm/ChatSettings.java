package dev.editloop.llm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.parse.ReplyRepair;
import dev.editloop.core.prompt.PromptTemplate;
import dev.editloop.core.prompt.Prompts;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.remote.HttpFailures;
import dev.editloop.remote.RemoteSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a chat thinker or judge reads from its spec, checked once at creation so that a mistake fails before the
 * first request.
 *
 * <p>Spec parameters (besides the common remote ones of {@link RemoteSettings}: {@code key_env}, {@code timeout},
 * {@code concurrency}, {@code max_failures}, {@code cooldown}, and {@code retries}, {@code retry_delay},
 * {@code max_retry_wait}):
 *
 * <ul>
 *   <li>{@code model}: the model name the server knows (required unless the kind has a default);
 *   <li>{@code temperature}: 0–2, default 0 so that repeated runs agree as far as the server allows; {@code none}
 *       sends no temperature (models that accept only their own);
 *   <li>{@code max_tokens}: the reply limit;
 *   <li>{@code seed}: sent as the request's seed where the server takes one;
 *   <li>{@code response_format=json_schema}: ask for a JSON object that follows a schema instead of tagged text;
 *   <li>{@code extra.NAME=VALUE}: an extra top-level request field; VALUE is read as JSON when it parses, else sent
 *       as text;
 *   <li>{@code image_budget}: the most pixels an image may have before it is scaled down (default 1024·1024);
 *   <li>{@code image_format=png|jpeg}: how pictures are sent (default {@code png}, lossless); {@code jpeg} is about a
 *       tenth of the size, at {@code jpeg_quality} (1–100, default 90);
 *   <li>{@code repairs}: how many repair messages an unreadable reply gets (default 1, at most 5);
 *   <li>{@code prompt.NAME=FILE}: replace a prompt with the text of a file.
 * </ul>
 *
 * @param traits the backend kind's traits
 * @param remote endpoints, key, timeout and pool limits
 * @param model the model name
 * @param temperature the sampling temperature, or null to send none
 * @param maxTokens the reply limit, or null for the server's default
 * @param seed the request seed, or null for none
 * @param jsonSchema whether to ask for schema-shaped JSON replies
 * @param extras extra top-level request fields, in order
 * @param imageBudget the most pixels an image is sent with
 * @param jpegQuality the JPEG quality pictures are sent at (1–100), or 0 to send PNG
 * @param repairs repair messages per unreadable reply
 * @param prompts the thinker prompts, with any overrides
 * @param judgePrompts the judge prompts by name, with any overrides
 */
public record ChatSettings(
        VendorTraits traits,
        RemoteSettings remote,
        String model,
        Double temperature,
        Integer maxTokens,
        Integer seed,
        boolean jsonSchema,
        Map<String, Object> extras,
        long imageBudget,
        int jpegQuality,
        int repairs,
        Prompts prompts,
        Map<String, PromptTemplate> judgePrompts) {

    /** The default request limit in seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** The default pixel budget per image: 1024·1024. */
    public static final long DEFAULT_IMAGE_BUDGET = 1024L * 1024L;

    /** The default JPEG quality when {@code image_format=jpeg}. */
    public static final int DEFAULT_JPEG_QUALITY = 90;

    /** The default temperature: 0, for runs that repeat as far as the server allows. */
    public static final double DEFAULT_TEMPERATURE = 0;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Set<String> KNOWN = Set.of(
            "model",
            "temperature",
            "max_tokens",
            "seed",
            "response_format",
            "image_budget",
            "repairs",
            "key_env",
            "timeout",
            "concurrency",
            "max_failures",
            "cooldown",
            "retries",
            "retry_delay",
            "max_retry_wait",
            "image_format",
            "jpeg_quality");

    public ChatSettings {
        Objects.requireNonNull(traits, "traits");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(model, "model");
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        Objects.requireNonNull(prompts, "prompts");
        judgePrompts = Map.copyOf(judgePrompts);
        if (imageBudget < 1) {
            throw new IllegalArgumentException("imageBudget must be positive");
        }
        if (jpegQuality < 0 || jpegQuality > 100) {
            throw new IllegalArgumentException("jpegQuality must be 0 (PNG) or 1..100");
        }
    }

    /** Reads a spec with the process environment. */
    public static ChatSettings from(BackendSpec spec, VendorTraits traits) {
        return from(spec, traits, System.getenv());
    }

    /**
     * Reads a spec.
     *
     * @param env the environment the key is read from (tests pass their own)
     * @throws InvalidInputException naming the parameter when one is unknown or malformed, when a required model or
     *     key is missing, or when the kind cannot carry an option
     */
    public static ChatSettings from(BackendSpec spec, VendorTraits traits, Map<String, String> env) {
        String kind = traits.kind();
        List<String> unknown = new ArrayList<>();
        for (String name : spec.params().keySet()) {
            if (!KNOWN.contains(name) && !name.startsWith("extra.") && !name.startsWith("prompt.")) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    "backend '" + kind + "': unknown parameter" + (unknown.size() > 1 ? "s " : " ")
                            + String.join(", ", unknown) + " (known: " + String.join(", ", new TreeSet<>(KNOWN))
                            + ", extra.NAME, prompt.NAME)");
        }
        RemoteSettings remote =
                RemoteSettings.from(spec, traits.defaultEndpoint(), traits.keyEnv(), DEFAULT_TIMEOUT, env);
        if (traits.keyRequired() && !remote.key().present()) {
            throw new InvalidInputException("backend '" + kind + "' needs an API key: set the environment variable "
                    + remote.key().variable());
        }
        String model = spec.param("model");
        if (model == null || model.isBlank()) {
            if (traits.defaultModel() == null) {
                throw new InvalidInputException("backend '" + kind + "' needs a model: add ?model=NAME to the spec (the"
                        + " name the server lists"
                        + (kind.equals("ollama") ? " in 'ollama list')" : " under /models)"));
            }
            model = traits.defaultModel();
        }
        model = model.strip();

        Double temperature = DEFAULT_TEMPERATURE;
        String t = spec.param("temperature");
        if (t != null) {
            temperature =
                    t.isBlank() || t.strip().equalsIgnoreCase("none") ? null : spec.doubleParam("temperature", 0, 2);
        }
        Integer maxTokens = spec.param("max_tokens") == null
                ? traits.defaultMaxTokens()
                : Integer.valueOf(spec.intParam("max_tokens", 1, 1_000_000));
        Integer seed = spec.param("seed") == null ? null : spec.intParam("seed", Integer.MIN_VALUE, Integer.MAX_VALUE);

        boolean jsonSchema = false;
        String format = spec.param("response_format");
        if (format != null) {
            switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json_schema" -> jsonSchema = true;
                case "text", "" -> jsonSchema = false;
                default ->
                    throw new InvalidInputException("backend '" + kind + "': response_format=" + format
                            + " is not supported (use json_schema, or text for the tagged replies)");
            }
            if (jsonSchema && !traits.jsonSchema()) {
                throw new InvalidInputException("backend '" + kind + "' cannot ask for schema-shaped replies:"
                        + " remove response_format=json_schema");
            }
        }

        Map<String, Object> extras = new LinkedHashMap<>();
        spec.params().forEach((name, value) -> {
            if (name.startsWith("extra.")) {
                String field = name.substring("extra.".length());
                if (field.isBlank()) {
                    throw new InvalidInputException(
                            "backend '" + kind + "': parameter " + name + " names no field (use extra.NAME=VALUE)");
                }
                extras.put(field, extraValue(value));
            }
        });
        if (!extras.isEmpty() && !traits.extras()) {
            throw new InvalidInputException("backend '" + kind + "' cannot send extra request fields ("
                    + String.join(", ", extras.keySet()) + "): remove the extra.* parameters");
        }

        long imageBudget = DEFAULT_IMAGE_BUDGET;
        if (spec.param("image_budget") != null) {
            imageBudget = spec.intParam("image_budget", 64 * 64, 100_000_000);
        }
        int jpegQuality = 0;
        String imageFormat = spec.param("image_format");
        String imageFormatName =
                imageFormat == null ? "png" : imageFormat.strip().toLowerCase(Locale.ROOT);
        switch (imageFormatName) {
            case "png", "" -> jpegQuality = 0;
            case "jpeg", "jpg" ->
                jpegQuality = spec.param("jpeg_quality") == null
                        ? DEFAULT_JPEG_QUALITY
                        : spec.intParam("jpeg_quality", 1, 100);
            default ->
                throw new InvalidInputException("backend '" + kind + "': image_format=" + imageFormat
                        + " is not supported (use png, or jpeg with jpeg_quality=1..100)");
        }
        if (jpegQuality == 0 && spec.param("jpeg_quality") != null) {
            throw new InvalidInputException("backend '" + kind + "': jpeg_quality applies to image_format=jpeg only"
                    + " (add image_format=jpeg, or remove jpeg_quality)");
        }
        int repairs = spec.param("repairs") == null
                ? ReplyRepair.DEFAULT_MAX_REPAIRS
                : spec.intParam("repairs", 0, ReplyRepair.MAX_REPAIRS_LIMIT);

        Prompts prompts = Prompts.defaults();
        Map<String, PromptTemplate> judgePrompts = new LinkedHashMap<>(JudgePrompts.defaults());
        for (Map.Entry<String, String> e : spec.params().entrySet()) {
            if (!e.getKey().startsWith("prompt.")) {
                continue;
            }
            String name = e.getKey().substring("prompt.".length());
            if (e.getValue().isBlank()) {
                throw new InvalidInputException(
                        "backend '" + kind + "': parameter " + e.getKey() + " names no file (use prompt.NAME=FILE)");
            }
            Path file = Path.of(e.getValue().strip());
            if (Prompts.names().contains(name)) {
                prompts = prompts.withOverride(name, file);
            } else if (JudgePrompts.names().contains(name)) {
                judgePrompts.put(name, JudgePrompts.override(name, file));
            } else {
                List<String> known = new ArrayList<>(Prompts.names());
                known.addAll(JudgePrompts.names());
                throw new InvalidInputException(
                        "backend '" + kind + "': unknown prompt '" + name + "' in " + e.getKey() + "; known: " + known);
            }
        }
        return new ChatSettings(
                traits,
                remote,
                model,
                temperature,
                maxTokens,
                seed,
                jsonSchema,
                extras,
                imageBudget,
                jpegQuality,
                repairs,
                prompts,
                judgePrompts);
    }

    /** The backend kind, for messages. */
    public String kind() {
        return traits.kind();
    }

    /** {@code kind:endpoints?model=…}: what describe() shows, derived from the identity; never a key. */
    public String describe() {
        return identity(Map.of()).display();
    }

    /**
     * The identity of a thinker with these settings: the model, the endpoints, and every parameter that changes its
     * answers (temperature, max_tokens, seed, response_format, image_budget, repairs, each extra field, and the SHA-256
     * of each of its prompts as {@code prompt.NAME.sha256}). Never the key nor transport settings.
     */
    public BackendIdentity thinkerIdentity() {
        Map<String, String> hashes = new TreeMap<>();
        for (String name : Prompts.names()) {
            hashes.put(name, prompts.get(name).sha256());
        }
        return identity(hashes);
    }

    /**
     * The identity of a judge with these settings: as {@link #thinkerIdentity()}, with the SHA-256 of the judge's
     * prompts (and of the repair prompt it sends after an unreadable reply).
     */
    public BackendIdentity judgeIdentity() {
        Map<String, String> hashes = new TreeMap<>();
        judgePrompts.forEach((name, template) -> hashes.put(name, template.sha256()));
        hashes.put(Prompts.REPAIR, prompts.get(Prompts.REPAIR).sha256());
        return identity(hashes);
    }

    private BackendIdentity identity(Map<String, String> promptHashes) {
        Map<String, Object> params = new TreeMap<>();
        params.put("temperature", temperature == null ? "none" : temperature);
        params.put("max_tokens", maxTokens == null ? "default" : maxTokens);
        params.put("seed", seed == null ? "none" : seed);
        params.put("response_format", jsonSchema ? "json_schema" : "text");
        params.put("image_budget", imageBudget);
        params.put("repairs", repairs);
        extras.forEach((field, value) -> params.put("extra." + field, extraText(value)));
        promptHashes.forEach((name, hash) -> params.put("prompt." + name + ".sha256", hash));
        List<String> shown =
                remote.endpoints().stream().map(HttpFailures::redact).toList();
        return BackendIdentity.of(kind(), model, shown, params);
    }

    private static String extraText(Object value) {
        try {
            return value instanceof String text ? text : MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            return String.valueOf(value);
        }
    }

    /** A JSON value when the text parses as one (objects, arrays, numbers, booleans, quoted strings), else the text. */
    static Object extraValue(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "";
        }
        char c = t.charAt(0);
        boolean looksJson = c == '{'
                || c == '['
                || c == '"'
                || c == '-'
                || Character.isDigit(c)
                || t.equals("true")
                || t.equals("false")
                || t.equals("null");
        if (!looksJson) {
            return text;
        }
        try {
            return MAPPER.readValue(t, Object.class);
        } catch (JacksonException e) {
            if (c == '{' || c == '[') {
                throw new InvalidInputException("extra field value " + cut(t) + " looks like JSON but does not parse: "
                        + e.getOriginalMessage());
            }
            return text;
        }
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
