package dev.editloop.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.spi.BackendSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contents of an {@code editloop.yaml}: named backends and defaults.
 *
 * <pre>{@code
 * backends:
 *   qwen-edit:
 *     spec: comfyui:http://gpu2:8188?workflow=qwen-image-edit
 *     timeout: 300          # seconds per request
 *     concurrency: 2        # requests in flight per endpoint
 *   thinker-8b:
 *     spec: openai-chat:http://gpu1:8000/v1,http://gpu1:8001/v1?model=EditThinker-8B
 *     key_env: VLLM_KEY     # the environment variable holding the key (never the key itself)
 *     retries: 5
 *     params:               # any further spec parameters
 *       temperature: 0.2
 * defaults:
 *   editor: qwen-edit
 *   thinker: thinker-8b
 *   strategy: think-while-edit
 *   max_turns: 5
 *   threshold: "8"
 * profiles:                 # named loop settings, picked by a server's clients (the OpenAI endpoint's model)
 *   careful:
 *     strategy: reflect
 *     max_turns: 3
 *     thinker: thinker-8b
 * }</pre>
 *
 * <p>A backend entry's fields are spec parameters: they are added to the spec's own, and win over them. Names are
 * resolved before kinds, so a backend may be called anything that is not blank.
 *
 * @param source the file read, for messages; null for an empty configuration
 * @param backends the named backends, in file order
 * @param defaults the defaults, by name ({@link #DEFAULT_KEYS})
 * @param profiles named loop settings, in file order: each maps keys of {@link #PROFILE_KEYS} to values (checked by
 *     whoever uses them, e.g. the strategy name against the known strategies)
 */
public record EditLoopConfig(
        Path source,
        Map<String, BackendSpec> backends,
        Map<String, String> defaults,
        Map<String, Map<String, String>> profiles) {
    /** The file looked for in the working folder when no {@code --config} is given. */
    public static final String FILE_NAME = "editloop.yaml";

    /** The fields a backend entry may have besides {@code spec} and {@code params}: each becomes a spec parameter. */
    public static final List<String> ENTRY_FIELDS =
            List.of("key_env", "timeout", "retries", "retry_delay", "concurrency", "max_failures", "cooldown", "model");

    /** The keys of the {@code defaults} section. */
    public static final List<String> DEFAULT_KEYS =
            List.of("editor", "thinker", "judge", "strategy", "max_turns", "threshold", "seed", "out");

    /** The keys a profile may set. */
    public static final List<String> PROFILE_KEYS =
            List.of("strategy", "editor", "thinker", "max_turns", "threshold", "accept", "seed");

    private static final Set<String> TOP = Set.of("backends", "defaults", "profiles");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public EditLoopConfig {
        backends = Collections.unmodifiableMap(new LinkedHashMap<>(backends));
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        profiles.forEach((name, values) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        profiles = Collections.unmodifiableMap(copy);
    }

    /** A configuration without profiles. */
    public EditLoopConfig(Path source, Map<String, BackendSpec> backends, Map<String, String> defaults) {
        this(source, backends, defaults, Map.of());
    }

    /** No file: no names, no defaults. */
    public static EditLoopConfig empty() {
        return new EditLoopConfig(null, Map.of(), Map.of());
    }

    /**
     * The configuration to use: the given file (which must exist), else {@value #FILE_NAME} in the working folder if
     * there is one, else {@link #empty()}.
     *
     * @param explicit the {@code --config} file, or null
     * @param workingFolder where to look for {@value #FILE_NAME}
     */
    public static EditLoopConfig locate(Path explicit, Path workingFolder) {
        if (explicit != null) {
            return load(explicit);
        }
        Path local = workingFolder.resolve(FILE_NAME);
        return Files.isRegularFile(local) ? load(local) : empty();
    }

    /**
     * Reads a configuration file.
     *
     * @throws InvalidInputException naming the file and the entry when it is missing, not YAML, or holds an unknown
     *     field, a malformed spec, or something that looks like a key
     */
    public static EditLoopConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /** Reads configuration text; {@code file} names it in messages. */
    public static EditLoopConfig parse(String text, Path file) {
        String where = "config file " + (file == null ? "(text)" : file.toString());
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            String reason = e.getMessage() == null
                    ? ""
                    : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidInputException(where + " is not valid YAML: " + reason);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new EditLoopConfig(file, Map.of(), Map.of(), Map.of());
        }
        if (!root.isObject()) {
            throw new InvalidInputException(where + ": expected the sections 'backends', 'defaults' and 'profiles'");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP.contains(name)) {
                throw new InvalidInputException(
                        where + ": unknown section '" + name + "' (known: backends, defaults, profiles)");
            }
        });
        Map<String, BackendSpec> backends = new LinkedHashMap<>();
        JsonNode section = root.path("backends");
        if (!section.isMissingNode() && !section.isNull()) {
            if (!section.isObject()) {
                throw new InvalidInputException(where + ": 'backends' must map names to backend entries");
            }
            for (Map.Entry<String, JsonNode> entry : section.properties()) {
                backends.put(entry.getKey(), backend(where, entry.getKey(), entry.getValue()));
            }
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        JsonNode defs = root.path("defaults");
        if (!defs.isMissingNode() && !defs.isNull()) {
            if (!defs.isObject()) {
                throw new InvalidInputException(where + ": 'defaults' must map names to values");
            }
            for (Map.Entry<String, JsonNode> entry : defs.properties()) {
                if (!DEFAULT_KEYS.contains(entry.getKey())) {
                    throw new InvalidInputException(where + ": defaults." + entry.getKey()
                            + " is not a known default (known: " + String.join(", ", DEFAULT_KEYS) + ")");
                }
                defaults.put(entry.getKey(), scalar(where, "defaults." + entry.getKey(), entry.getValue()));
            }
        }
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        JsonNode profs = root.path("profiles");
        if (!profs.isMissingNode() && !profs.isNull()) {
            if (!profs.isObject()) {
                throw new InvalidInputException(where + ": 'profiles' must map names to profile entries");
            }
            for (Map.Entry<String, JsonNode> entry : profs.properties()) {
                String name = entry.getKey();
                if (!NAME.matcher(name).matches()) {
                    throw new InvalidInputException(
                            where + ": profiles." + name + ": a profile name uses letters, digits, '.', '-' or '_'");
                }
                if (!entry.getValue().isObject()) {
                    throw new InvalidInputException(where + ": profiles." + name + " must map keys ("
                            + String.join(", ", PROFILE_KEYS) + ") to values");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : entry.getValue().properties()) {
                    if (!PROFILE_KEYS.contains(field.getKey())) {
                        throw new InvalidInputException(where + ": profiles." + name + "." + field.getKey()
                                + " is not a known key (known: " + String.join(", ", PROFILE_KEYS) + ")");
                    }
                    values.put(
                            field.getKey(), scalar(where, "profiles." + name + "." + field.getKey(), field.getValue()));
                }
                profiles.put(name, values);
            }
        }
        return new EditLoopConfig(file, backends, defaults, profiles);
    }

    private static BackendSpec backend(String where, String name, JsonNode node) {
        String at = where + ": backends." + name;
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(at + ": a backend name uses letters, digits, '.', '-' or '_'");
        }
        String specText;
        Map<String, String> extra = new LinkedHashMap<>();
        if (node.isTextual()) {
            specText = node.asText();
        } else if (node.isObject()) {
            JsonNode spec = node.path("spec");
            if (!spec.isTextual() || spec.asText().isBlank()) {
                throw new InvalidInputException(
                        at + ": 'spec' is missing (e.g. spec: openai-chat:http://host:8000/v1" + "?model=NAME)");
            }
            specText = spec.asText();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                if (key.equals("spec")) {
                    continue;
                }
                if (key.equals("params")) {
                    if (!field.getValue().isObject()) {
                        throw new InvalidInputException(at + ".params must map parameter names to values");
                    }
                    for (Map.Entry<String, JsonNode> p : field.getValue().properties()) {
                        extra.put(
                                p.getKey(), scalar(where, "backends." + name + ".params." + p.getKey(), p.getValue()));
                    }
                } else if (ENTRY_FIELDS.contains(key)) {
                    extra.put(key, scalar(where, "backends." + name + "." + key, field.getValue()));
                } else {
                    throw new InvalidInputException(at + ": unknown field '" + key + "' (known: spec, "
                            + String.join(", ", ENTRY_FIELDS) + ", params)");
                }
            }
        } else {
            throw new InvalidInputException(at + ": expected a spec string or an entry with 'spec'");
        }
        for (String key : extra.keySet()) {
            if (BackendSpec.secretLooking(key)) {
                throw new InvalidInputException(at + ": '" + key + "' looks like a secret; keys never go in the config"
                        + " file: put the key in an environment variable and name it with key_env");
            }
        }
        BackendSpec parsed;
        try {
            parsed = BackendSpec.parse(specText);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(at + ": " + e.getMessage(), e);
        }
        Map<String, String> params = new LinkedHashMap<>(parsed.params());
        params.putAll(extra);
        return new BackendSpec(parsed.kind(), parsed.endpoints(), params);
    }

    private static String scalar(String where, String at, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        if (value.isObject() || value.isArray()) {
            return value.toString(); // a JSON value, e.g. params.extra.chat_template_kwargs
        }
        throw new InvalidInputException(where + ": " + at + " has no value");
    }

    /**
     * The spec a command-line value stands for: a backend named in this file, or else a spec string.
     *
     * @throws InvalidInputException when the value is neither
     */
    public BackendSpec resolve(String nameOrSpec) {
        Objects.requireNonNull(nameOrSpec, "nameOrSpec");
        BackendSpec named = backends.get(nameOrSpec.strip());
        return named != null ? named : BackendSpec.parse(nameOrSpec);
    }

    /** A default from the file, if set. */
    public Optional<String> defaultValue(String key) {
        if (!DEFAULT_KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown default " + key);
        }
        return Optional.ofNullable(defaults.get(key));
    }
}
