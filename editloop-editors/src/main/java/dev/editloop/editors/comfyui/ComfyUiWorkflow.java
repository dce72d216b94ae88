package dev.editloop.editors.comfyui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ComfyUI workflow in API format ("Save (API)") whose inputs carry EditLoop's placeholders, validated when it is
 * loaded and filled for each edit.
 *
 * <p>Placeholders are string values (or parts of string values): {@code {{image}}} (the uploaded file name, for
 * LoadImage) and {@code {{prompt}}} (the instruction) are required; {@code {{seed}}}, {@code {{steps}}} and
 * {@code {{guidance}}} become JSON numbers when they are the whole value; {@code {{negative_prompt}}} is text.
 * {@code {{mask}}} is the uploaded mask's file name (a greyscale PNG, white where the edit may happen: give it to a
 * LoadImageMask node, channel red); a workflow with it takes masks. {@code {{image2}}}, {@code {{image3}}}, … are the
 * reference images' file names (for further LoadImage nodes, numbered from 2 without gaps); a workflow with them
 * takes that many images. A reference the request does not have is left out: its LoadImage node is removed, with
 * every node that takes nothing but what it removed, and inputs that link to a removed node are dropped (so wire
 * references into optional inputs, such as TextEncodeQwenImageEditPlus's image2 and image3). An
 * optional top-level {@code "_editloop"} object holds defaults ({@code steps}, {@code guidance},
 * {@code negative_prompt}) and a {@code description}; it is removed before the workflow is sent. Immutable.
 */
public final class ComfyUiWorkflow {
    /** The uploaded source image's file name. */
    public static final String IMAGE = "image";
    /** The instruction. */
    public static final String PROMPT = "prompt";
    /** The seed, a JSON number. */
    public static final String SEED = "seed";
    /** Sampler steps, a JSON number. */
    public static final String STEPS = "steps";
    /** Guidance (CFG or distilled guidance), a JSON number. */
    public static final String GUIDANCE = "guidance";
    /** The negative prompt, text. */
    public static final String NEGATIVE_PROMPT = "negative_prompt";
    /** The uploaded mask's file name (white may change). */
    public static final String MASK = "mask";

    /** The workflows shipped with EditLoop, by name. */
    public static final List<String> BUILT_INS =
            List.of("qwen-image-edit", "flux-kontext-dev", "qwen-image-edit-inpaint", "qwen-image-edit-2509");

    private static final Set<String> KNOWN = Set.of(IMAGE, PROMPT, SEED, STEPS, GUIDANCE, NEGATIVE_PROMPT, MASK);
    private static final Pattern REFERENCE = Pattern.compile("image([2-9]|1[0-6])");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final String METADATA = "_editloop";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The values a workflow is filled with for one edit.
     *
     * @param image the uploaded file name as ComfyUI's LoadImage takes it
     * @param prompt the instruction
     * @param seed the seed (written as an unsigned 64-bit number, as ComfyUI's samplers take it)
     * @param steps sampler steps, or null when the workflow has no {@code {{steps}}}
     * @param guidance guidance, or null when the workflow has no {@code {{guidance}}}
     * @param negativePrompt the negative prompt, never null
     * @param mask the uploaded mask's file name, or null (a workflow with {@code {{mask}}} then gets an all-white
     *     mask's name from the editor, so it never sees an empty value)
     * @param references the uploaded reference images' file names, in order ({@code {{image2}}} first); never null
     */
    public record Filling(
            String image,
            String prompt,
            long seed,
            Integer steps,
            Double guidance,
            String negativePrompt,
            String mask,
            List<String> references) {
        public Filling {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(prompt, "prompt");
            negativePrompt = negativePrompt == null ? "" : negativePrompt;
            references = references == null ? List.of() : List.copyOf(references);
        }

        /** A filling with one image and no mask. */
        public Filling(String image, String prompt, long seed, Integer steps, Double guidance, String negativePrompt) {
            this(image, prompt, seed, steps, guidance, negativePrompt, null, List.of());
        }
    }

    /**
     * The defaults a workflow file declares in its {@code _editloop} object.
     *
     * @param steps sampler steps, or null
     * @param guidance guidance, or null
     * @param negativePrompt negative prompt, or null
     * @param description one line about the workflow, or null
     */
    public record Defaults(Integer steps, Double guidance, String negativePrompt, String description) {
        /** No defaults. */
        public static final Defaults NONE = new Defaults(null, null, null, null);
    }

    private final String name;
    private final String source;
    private final ObjectNode graph;
    private final Defaults defaults;
    private final Set<String> placeholders;
    private final String saveNode;

    private ComfyUiWorkflow(
            String name, String source, ObjectNode graph, Defaults defaults, Set<String> placeholders, String save) {
        this.name = name;
        this.source = source;
        this.graph = graph;
        this.defaults = defaults;
        this.placeholders = Set.copyOf(placeholders);
        this.saveNode = save;
    }

    /**
     * Loads a workflow by built-in name ({@link #BUILT_INS}) or file path.
     *
     * @throws InvalidInputException naming the file and what is wrong or missing
     */
    public static ComfyUiWorkflow load(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException("comfyui: no workflow given: use workflow=FILE (a workflow exported with"
                    + " ComfyUI's Save (API)) or a built-in name (" + String.join(", ", BUILT_INS) + ")");
        }
        String ref = reference.strip();
        if (BUILT_INS.contains(ref)) {
            return builtIn(ref);
        }
        Path path = Path.of(ref);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("comfyui: workflow file " + ref + " does not exist (give a workflow"
                    + " exported with ComfyUI's Save (API), or a built-in name: " + String.join(", ", BUILT_INS)
                    + ")");
        } catch (IOException e) {
            throw new InvalidInputException("comfyui: cannot read workflow file " + ref + ": " + e.getMessage(), e);
        }
        String fileName = path.getFileName() == null ? ref : path.getFileName().toString();
        return parse(fileName, "workflow file " + ref, bytes);
    }

    /** A workflow shipped with EditLoop. */
    public static ComfyUiWorkflow builtIn(String name) {
        if (!BUILT_INS.contains(name)) {
            throw new InvalidInputException(
                    "comfyui: no built-in workflow '" + name + "' (built-ins: " + String.join(", ", BUILT_INS) + ")");
        }
        try (InputStream in = ComfyUiWorkflow.class.getResourceAsStream("workflows/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in workflow " + name + " is missing from the classpath");
            }
            return parse(name, "built-in workflow " + name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses and validates a workflow.
     *
     * @param name how the workflow is named in {@code describe()} and messages (a built-in name or a file name)
     * @param where what to call it in messages, e.g. {@code workflow file flows/edit.json}
     * @throws InvalidInputException when the JSON is not a ComfyUI API-format workflow with {@code {{image}}},
     *     {@code {{prompt}}} and a SaveImage node
     */
    public static ComfyUiWorkflow parse(String name, String where, byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidInputException("comfyui: " + where + " is not JSON (" + firstLine(e.getMessage())
                    + "): export the workflow with ComfyUI's Save (API)");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("comfyui: " + where
                    + " is not a ComfyUI workflow in API format (expected a JSON object of nodes): export it with"
                    + " Save (API)");
        }
        if (root.has("nodes") && root.has("links")) {
            throw new InvalidInputException("comfyui: " + where + " is in ComfyUI's UI format (Save), not the API"
                    + " format: in ComfyUI export it with Save (API) (Workflow > Export (API)) and mark the"
                    + " inputs with placeholders");
        }
        ObjectNode graph = JsonNodeFactory.instance.objectNode();
        Defaults defaults = Defaults.NONE;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals(METADATA)) {
                defaults = defaults(entry.getValue(), where);
                continue;
            }
            JsonNode node = entry.getValue();
            if (!node.isObject()
                    || !node.path("class_type").isTextual()
                    || !node.path("inputs").isObject()) {
                throw new InvalidInputException("comfyui: " + where + " is not a ComfyUI workflow in API format:"
                        + " entry '" + entry.getKey() + "' has no class_type and inputs (export the workflow with"
                        + " Save (API))");
            }
            graph.set(entry.getKey(), node.deepCopy());
        }
        if (graph.isEmpty()) {
            throw new InvalidInputException("comfyui: " + where + " holds no nodes");
        }
        Set<String> found = new LinkedHashSet<>();
        Set<String> unknown = new TreeSet<>();
        graph.forEach(node -> node.path("inputs").forEach(value -> {
            if (value.isTextual()) {
                Matcher m = PLACEHOLDER.matcher(value.asText());
                while (m.find()) {
                    boolean known = KNOWN.contains(m.group(1))
                            || REFERENCE.matcher(m.group(1)).matches();
                    (known ? found : unknown).add(m.group(1));
                }
            }
        }));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("comfyui: " + where + " has unknown placeholder"
                    + (unknown.size() > 1 ? "s " : " ")
                    + String.join(
                            ", ", unknown.stream().map(p -> "{{" + p + "}}").toList()) + " (known: "
                    + String.join(
                            ", ",
                            KNOWN.stream().sorted().map(p -> "{{" + p + "}}").toList())
                    + ", {{image2}} to {{image16}})");
        }
        int references = 0;
        while (found.contains("image" + (references + 2))) {
            references++;
        }
        for (String p : found) {
            if (REFERENCE.matcher(p).matches() && Integer.parseInt(p.substring(5)) > references + 1) {
                throw new InvalidInputException("comfyui: " + where + " uses {{" + p + "}} but not {{image"
                        + (references + 2) + "}}: number the reference images from 2 without gaps");
            }
        }
        List<String> missing = new ArrayList<>();
        if (!found.contains(IMAGE)) {
            missing.add("{{image}} (the LoadImage node's image input)");
        }
        if (!found.contains(PROMPT)) {
            missing.add("{{prompt}} (the text input of the node that encodes the instruction)");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(
                    "comfyui: " + where + " lacks the placeholder" + (missing.size() > 1 ? "s " : " ")
                            + String.join(" and ", missing) + ": put it as the input's value in the API-format JSON");
        }
        String save = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = graph.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().path("class_type").asText().equals("SaveImage")) {
                save = entry.getKey();
                break;
            }
        }
        if (save == null) {
            throw new InvalidInputException("comfyui: " + where + " has no SaveImage node: the editor takes the"
                    + " edited image from SaveImage's output");
        }
        return new ComfyUiWorkflow(name, where, graph, defaults, found, save);
    }

    private static Defaults defaults(JsonNode meta, String where) {
        if (!meta.isObject()) {
            throw new InvalidInputException("comfyui: " + where + ": \"_editloop\" must be an object with"
                    + " steps, guidance, negative_prompt or description");
        }
        Integer steps = null;
        Double guidance = null;
        if (meta.has("steps")) {
            if (!meta.get("steps").canConvertToInt() || meta.get("steps").asInt() < 1) {
                throw new InvalidInputException(
                        "comfyui: " + where + ": _editloop.steps must be a whole number of at least 1");
            }
            steps = meta.get("steps").asInt();
        }
        if (meta.has("guidance")) {
            if (!meta.get("guidance").isNumber()) {
                throw new InvalidInputException("comfyui: " + where + ": _editloop.guidance must be a number");
            }
            guidance = meta.get("guidance").asDouble();
        }
        String negative =
                meta.hasNonNull("negative_prompt") ? meta.get("negative_prompt").asText() : null;
        String description =
                meta.hasNonNull("description") ? meta.get("description").asText() : null;
        return new Defaults(steps, guidance, negative, description);
    }

    /** The name: a built-in name or the file's name. */
    public String name() {
        return name;
    }

    /** Where it came from, for messages: {@code built-in workflow NAME} or {@code workflow file PATH}. */
    public String source() {
        return source;
    }

    /** The defaults of the file's {@code _editloop} object. */
    public Defaults defaults() {
        return defaults;
    }

    /** Whether the workflow uses a placeholder ({@link #SEED}, {@link #STEPS}…). */
    public boolean has(String placeholder) {
        return placeholders.contains(placeholder);
    }

    /** How many input images the workflow takes: the source and one per {@code {{imageN}}} placeholder. */
    public int maxImages() {
        int n = 1;
        while (placeholders.contains("image" + (n + 1))) {
            n++;
        }
        return n;
    }

    /** Whether the workflow takes a mask ({@code {{mask}}}). */
    public boolean takesMask() {
        return placeholders.contains(MASK);
    }

    /** The id of the SaveImage node whose output is the edited image (the first one in the file). */
    public String saveNode() {
        return saveNode;
    }

    /** The nodes, as in the file (without {@code _editloop}); a copy. */
    public ObjectNode graph() {
        return graph.deepCopy();
    }

    /**
     * The workflow with every placeholder replaced: a whole-value {@code {{seed}}}, {@code {{steps}}} or
     * {@code {{guidance}}} becomes a JSON number; placeholders inside longer text are replaced by their text.
     *
     * @throws InvalidInputException when the workflow uses steps or guidance and the filling has none
     */
    public ObjectNode fill(Filling filling) {
        if (has(STEPS) && filling.steps() == null) {
            throw new InvalidInputException("comfyui: " + source + " uses {{steps}} but no value was given: set"
                    + " steps=N in the spec or \"steps\" in the file's _editloop object");
        }
        if (has(GUIDANCE) && filling.guidance() == null) {
            throw new InvalidInputException("comfyui: " + source + " uses {{guidance}} but no value was given: set"
                    + " guidance=X in the spec or \"guidance\" in the file's _editloop object");
        }
        Map<String, JsonNode> numbers = new LinkedHashMap<>();
        numbers.put(SEED, seedNode(filling.seed()));
        if (filling.steps() != null) {
            numbers.put(STEPS, JsonNodeFactory.instance.numberNode(filling.steps()));
        }
        if (filling.guidance() != null) {
            numbers.put(GUIDANCE, JsonNodeFactory.instance.numberNode(filling.guidance()));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(IMAGE, filling.image());
        texts.put(PROMPT, filling.prompt());
        texts.put(NEGATIVE_PROMPT, filling.negativePrompt());
        if (has(MASK)) {
            if (filling.mask() == null) {
                throw new IllegalArgumentException("the workflow takes {{mask}}: the filling needs a mask file");
            }
            texts.put(MASK, filling.mask());
        }
        if (filling.references().size() > maxImages() - 1) {
            throw new InvalidInputException("comfyui: " + source + " takes at most " + maxImages() + " images, got "
                    + (filling.references().size() + 1));
        }
        for (int i = 0; i < filling.references().size(); i++) {
            texts.put("image" + (i + 2), filling.references().get(i));
        }
        numbers.forEach((k, v) -> texts.put(k, v.asText()));
        ObjectNode out = graph.deepCopy();
        prune(out, filling.references().size() + 1);
        out.forEach(node -> {
            ObjectNode inputs = (ObjectNode) node.get("inputs");
            List<String> names = new ArrayList<>();
            inputs.fieldNames().forEachRemaining(names::add);
            for (String input : names) {
                JsonNode value = inputs.get(input);
                if (!value.isTextual()) {
                    continue;
                }
                String text = value.asText();
                Matcher whole = PLACEHOLDER.matcher(text.strip());
                if (whole.matches() && numbers.containsKey(whole.group(1))) {
                    inputs.set(input, numbers.get(whole.group(1)));
                } else if (text.contains("{{")) {
                    inputs.put(input, replace(text, texts));
                }
            }
        });
        return out;
    }

    /**
     * Removes the nodes of references the request does not have ({@code {{imageN}}} with N above {@code images}),
     * then every node whose links all lead to removed nodes, and drops inputs that link to a removed node.
     */
    private static void prune(ObjectNode out, int images) {
        Set<String> removed = new LinkedHashSet<>();
        out.fields()
                .forEachRemaining(e -> e.getValue().path("inputs").forEach(value -> {
                    if (value.isTextual()) {
                        Matcher m = PLACEHOLDER.matcher(value.asText());
                        while (m.find()) {
                            if (REFERENCE.matcher(m.group(1)).matches()
                                    && Integer.parseInt(m.group(1).substring(5)) > images) {
                                removed.add(e.getKey());
                            }
                        }
                    }
                }));
        boolean more = !removed.isEmpty();
        while (more) {
            more = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (removed.contains(e.getKey())) {
                    continue;
                }
                int links = 0;
                int dead = 0;
                for (JsonNode value : e.getValue().path("inputs")) {
                    if (isLink(value)) {
                        links++;
                        dead += removed.contains(value.get(0).asText()) ? 1 : 0;
                    }
                }
                if (links > 0 && dead == links) {
                    removed.add(e.getKey());
                    more = true;
                }
            }
        }
        removed.forEach(out::remove);
        out.forEach(node -> {
            ObjectNode inputs = (ObjectNode) node.get("inputs");
            List<String> names = new ArrayList<>();
            inputs.fieldNames().forEachRemaining(names::add);
            for (String input : names) {
                JsonNode value = inputs.get(input);
                if (isLink(value) && removed.contains(value.get(0).asText())) {
                    inputs.remove(input);
                }
            }
        });
    }

    /** The workflow as compact JSON (for recording and tests). */
    public static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String replace(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode seedNode(long seed) {
        return seed >= 0
                ? JsonNodeFactory.instance.numberNode(seed)
                : JsonNodeFactory.instance.numberNode(new BigInteger(Long.toUnsignedString(seed)));
    }

    /** Node ids with their class types, in file order. */
    Map<String, String> classTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        graph.fields()
                .forEachRemaining(
                        e -> out.put(e.getKey(), e.getValue().path("class_type").asText()));
        return out;
    }

    /** Whether a value holds a placeholder (such inputs are not checked against ComfyUI's lists). */
    static boolean isPlaceholder(JsonNode value) {
        return value.isTextual() && PLACEHOLDER.matcher(value.asText()).find();
    }

    /** Whether a value is a link to another node's output: {@code ["4", 0]}. */
    static boolean isLink(JsonNode value) {
        return value instanceof ArrayNode a && a.size() == 2 && a.get(1).isIntegralNumber();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String line = s.lines().findFirst().orElse(s).strip();
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    @Override
    public String toString() {
        return "ComfyUiWorkflow[" + name + "]";
    }
}
