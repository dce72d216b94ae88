package dev.editloop.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A loopback ComfyUI server that behaves as a real ComfyUI 0.3.60 does where EditLoop depends on it: {@code POST
 * /upload/image}, {@code POST /prompt} (validated against its {@code /object_info} the way ComfyUI validates: unknown
 * node types, missing inputs, values outside min/max, choices not in the list, links to the wrong output type or
 * index; inputs a node does not declare are ignored, and only nodes an output depends on are validated), a queue
 * that runs one prompt at a time in order, {@code GET /history[/{id}]}, {@code GET /view}, {@code GET /object_info},
 * {@code GET /system_stats}, {@code GET|POST /queue} (a delete removes only pending prompts: the running one keeps
 * running) and {@code POST /interrupt} (global, or only the prompt named by {@code {"prompt_id": …}}; the prompt
 * then ends with {@code execution_interrupted}); every route also answers under {@code /api/}. Replies have the real
 * server's statuses, bodies and content types (JSON as {@code application/json; charset=utf-8}, empty bodies as
 * {@code application/octet-stream}, a crash as the 500 text page).
 *
 * <p>Its {@code /object_info} is the real server's catalog for the node types of the Qwen-Image-Edit (with its
 * inpainting and 2509 variants: LoadImageMask, SetLatentNoiseMask, TextEncodeQwenImageEditPlus) and FLUX.1
 * Kontext [dev] workflows (and a few common ones), with their usual model files added; tests change it with
 * {@link #models}, {@link #withoutModelFile}, {@link #withoutNodeType} and {@link #nodeType}. A prompt runs for
 * {@link #runTime} (none by default: it is done when it is queued) and its history appears {@link #runningPolls}
 * polls later. The "edit" it makes is a deterministic transformation of the uploaded image that depends on every
 * value of the workflow except the image name (so on the prompt and the seed), optionally at another size. The
 * workflows it receives are recorded ({@link #prompts()}).
 */
public final class FakeComfyUiServer extends FakeHttpServer {
    /** The version {@code /system_stats} reports. */
    public static final String VERSION = "0.3.60";

    /** The content type of the real server's JSON replies. */
    public static final String JSON = "application/json; charset=utf-8";

    private static final String EMPTY = "application/octet-stream";
    private static final String CATALOG = "comfyui-object-info.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final long STEP_MILLIS = 5;

    /** What became of a prompt the server accepted. */
    public enum Outcome {
        /** Waiting in the queue. */
        PENDING,
        /** Running now. */
        RUNNING,
        /** Finished with its outputs. */
        SUCCESS,
        /** Failed in a node ({@code execution_error}). */
        ERROR,
        /** Stopped by {@code /interrupt} ({@code execution_interrupted}). */
        INTERRUPTED,
        /** Removed from the queue before it ran. */
        DELETED
    }

    private static final class Job {
        final String id;
        final int number;
        final ObjectNode workflow;
        final ObjectNode extra;
        final List<String> outputs;
        final AtomicInteger hiddenPolls;
        volatile boolean interrupt;
        Outcome outcome = Outcome.PENDING; // guarded by the server's lock

        Job(String id, int number, ObjectNode workflow, ObjectNode extra, List<String> outputs, int hiddenPolls) {
            this.id = id;
            this.number = number;
            this.workflow = workflow;
            this.extra = extra;
            this.outputs = outputs;
            this.hiddenPolls = new AtomicInteger(hiddenPolls);
        }

        ArrayNode queueItem() {
            ArrayNode item = F.arrayNode().add(number).add(id);
            item.add(workflow.deepCopy());
            item.add(extra.deepCopy());
            ArrayNode outs = item.addArray();
            outputs.forEach(outs::add);
            return item;
        }
    }

    private record NodeFailure(AtomicInteger left, String nodeType, String exceptionType, String message) {}

    private record Validation(boolean valid, ArrayNode reasons) {}

    /** A Python exception during validation (KeyError for a link to a missing node, IndexError for a bad slot). */
    private static final class PythonError extends RuntimeException {
        final String type;

        PythonError(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }

    private final ObjectNode objectInfo = defaultObjectInfo();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, byte[]> outputs = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> history = new LinkedHashMap<>(); // guarded by lock
    private final Deque<Job> pending = new ArrayDeque<>(); // guarded by lock
    private final Object lock = new Object();
    private Job running; // guarded by lock
    private final List<ObjectNode> prompts = new CopyOnWriteArrayList<>();
    private final List<String> clientIds = new CopyOnWriteArrayList<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private final List<String> interrupts = new CopyOnWriteArrayList<>();
    private final AtomicInteger number = new AtomicInteger();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile int runningPolls;
    private volatile Duration runTime = Duration.ZERO;
    private volatile int outputWidth;
    private volatile int outputHeight;
    private volatile NodeFailure failure;
    private volatile boolean closing;

    /** Starts the server. */
    public FakeComfyUiServer() {
        super("comfyui");
    }

    // ---- configuration

    /** The history of every prompt appears only this many polls of {@code /history/{id}} after it finished. */
    public FakeComfyUiServer runningPolls(int polls) {
        this.runningPolls = polls;
        return this;
    }

    /**
     * Every prompt queued from now on runs this long (a slow GPU), one at a time in queue order; an interrupt stops it
     * within a few milliseconds. {@link Duration#ZERO} (the default): a prompt is done as soon as it is queued.
     */
    public FakeComfyUiServer runTime(Duration time) {
        this.runTime = time;
        return this;
    }

    /** The output image has this size instead of the uploaded image's (as a model working at 1 megapixel). */
    public FakeComfyUiServer outputSize(int width, int height) {
        this.outputWidth = width;
        this.outputHeight = height;
        return this;
    }

    /**
     * The next {@code count} prompts fail when they reach the first node of this type (history {@code status_str:
     * "error"} with an {@code execution_error} message).
     */
    public FakeComfyUiServer failNode(int count, String nodeType, String exceptionType, String message) {
        this.failure = new NodeFailure(new AtomicInteger(count), nodeType, exceptionType, message);
        return this;
    }

    /** Sets the model files an input of a node type offers, e.g. {@code models("UNETLoader", "unet_name", …)}. */
    public FakeComfyUiServer models(String nodeType, String input, String... files) {
        ObjectNode required =
                (ObjectNode) objectInfo.path(nodeType).path("input").path("required");
        JsonNode old = required.get(input);
        ArrayNode spec = F.arrayNode().add(strings(files));
        if (old != null && old.size() > 1) {
            spec.add(old.get(1));
        }
        required.set(input, spec);
        return this;
    }

    /** Removes a model file from every input that offers it. */
    public FakeComfyUiServer withoutModelFile(String file) {
        objectInfo.forEach(info -> info.path("input")
                .forEach(group -> group.forEach(spec -> {
                    if (spec.isArray() && !spec.isEmpty() && spec.get(0).isArray()) {
                        ArrayNode values = (ArrayNode) spec.get(0);
                        for (int i = values.size() - 1; i >= 0; i--) {
                            if (values.get(i).asText().equals(file)) {
                                values.remove(i);
                            }
                        }
                    }
                })));
        return this;
    }

    /** Removes a node type (as a server without the custom node that provides it). */
    public FakeComfyUiServer withoutNodeType(String nodeType) {
        objectInfo.remove(nodeType);
        return this;
    }

    /** Adds or replaces a node type's {@code /object_info} entry. */
    public FakeComfyUiServer nodeType(String nodeType, ObjectNode info) {
        objectInfo.set(nodeType, info.deepCopy());
        return this;
    }

    // ---- what it received and did

    /** The workflows received by {@code /prompt}, in order (valid or not), as JSON. */
    public List<ObjectNode> prompts() {
        return List.copyOf(prompts);
    }

    /** The last workflow received by {@code /prompt}; fails when there is none. */
    public ObjectNode lastPrompt() {
        if (prompts.isEmpty()) {
            throw new IllegalStateException("the fake ComfyUI received no prompt");
        }
        return prompts.get(prompts.size() - 1);
    }

    /** The {@code client_id}s sent with {@code /prompt}, in order. */
    public List<String> clientIds() {
        return List.copyOf(clientIds);
    }

    /** The uploaded files by name. */
    public Map<String, byte[]> uploads() {
        return Map.copyOf(uploads);
    }

    /** The prompt ids named by {@code POST /queue {"delete": […]}}, in order, whether or not they were removed. */
    public List<String> deleted() {
        return List.copyOf(deleted);
    }

    /** The prompt id of each {@code POST /interrupt}, in order; an empty string for a global interrupt. */
    public List<String> interrupts() {
        return List.copyOf(interrupts);
    }

    /** The prompt running now, if any. */
    public Optional<String> running() {
        synchronized (lock) {
            return Optional.ofNullable(running).map(j -> j.id);
        }
    }

    /** The prompts waiting in the queue, in order. */
    public List<String> pending() {
        synchronized (lock) {
            return pending.stream().map(j -> j.id).toList();
        }
    }

    /** What became of every prompt the server accepted, in the order they were queued. */
    public Map<String, Outcome> outcomes() {
        synchronized (lock) {
            return jobs.values().stream()
                    .sorted((a, b) -> Integer.compare(a.number, b.number))
                    .collect(Collectors.toMap(j -> j.id, j -> j.outcome, (a, b) -> a, LinkedHashMap::new));
        }
    }

    /** What became of one prompt; fails for an id the server never accepted. */
    public Outcome outcome(String promptId) {
        synchronized (lock) {
            Job job = jobs.get(promptId);
            if (job == null) {
                throw new IllegalArgumentException("the fake ComfyUI never accepted prompt " + promptId);
            }
            return job.outcome;
        }
    }

    /** A copy of the server's {@code /object_info}. */
    public ObjectNode objectInfo() {
        return objectInfo.deepCopy();
    }

    /**
     * The image the fake makes from a source for a workflow: the same transformation {@code /view} serves, for tests
     * that compare.
     */
    public Picture expectedOutput(Picture source, JsonNode workflow) {
        return transform(source, key(workflow));
    }

    // ---- protocol

    @Override
    protected void handle(Recorded request, Reply reply) throws IOException {
        String path = request.path().startsWith("/api/") ? request.path().substring(4) : request.path();
        boolean post = request.method().equals("POST");
        if (path.equals("/upload/image") && post) {
            upload(request, reply);
        } else if (path.equals("/prompt") && post) {
            prompt(request, reply);
        } else if (path.equals("/prompt")) {
            int remaining;
            synchronized (lock) {
                remaining = pending.size() + (running == null ? 0 : 1);
            }
            json(reply, 200, "{\"exec_info\": {\"queue_remaining\": " + remaining + "}}");
        } else if (path.startsWith("/history/") && !post) {
            history(path.substring("/history/".length()), reply);
        } else if (path.equals("/history") && !post) {
            synchronized (lock) {
                ObjectNode all = F.objectNode();
                history.forEach(all::set);
                json(reply, 200, MAPPER.writeValueAsString(all));
            }
        } else if (path.equals("/view") && !post) {
            view(request, reply);
        } else if (path.equals("/object_info") && !post) {
            json(reply, 200, MAPPER.writeValueAsString(catalog()));
        } else if (path.startsWith("/object_info/") && !post) {
            String type = URLDecoder.decode(path.substring("/object_info/".length()), StandardCharsets.UTF_8);
            ObjectNode all = catalog();
            ObjectNode one = F.objectNode();
            if (all.has(type)) {
                one.set(type, all.get(type));
            }
            json(reply, 200, MAPPER.writeValueAsString(one));
        } else if (path.equals("/system_stats") && !post) {
            json(reply, 200, systemStats());
        } else if (path.equals("/queue")) {
            queue(request, reply, post);
        } else if (path.equals("/interrupt") && post) {
            interrupt(request, reply);
        } else if (path.equals("/free") && post) {
            reply.send(200, EMPTY, new byte[0]);
        } else {
            reply.send(404, "text/plain; charset=utf-8", "404: Not Found");
        }
    }

    private static void json(Reply reply, int status, String body) {
        reply.send(status, JSON, body);
    }

    private static void crash(Reply reply) {
        reply.send(500, "text/plain; charset=utf-8", "500 Internal Server Error\n\nServer got itself in trouble");
    }

    /** The catalog as served: LoadImage offers the uploaded files, as the real server lists its input folder. */
    private ObjectNode catalog() {
        ObjectNode copy = objectInfo.deepCopy();
        for (String type : List.of("LoadImage", "LoadImageMask")) {
            JsonNode load = copy.path(type).path("input").path("required").path("image");
            if (load.isArray() && !load.isEmpty() && load.get(0).isArray()) {
                ArrayNode files = (ArrayNode) load.get(0);
                uploads.keySet().stream().sorted().forEach(files::add);
            }
        }
        return copy;
    }

    private void upload(Recorded request, Reply reply) throws IOException {
        MultipartForm form;
        try {
            form = MultipartForm.parse(request.header("content-type"), request.body());
        } catch (IllegalArgumentException e) {
            reply.send(400, EMPTY, new byte[0]);
            return;
        }
        MultipartForm.Part image = form.part("image").orElse(null);
        if (image == null || image.filename() == null) {
            reply.send(400, EMPTY, new byte[0]);
            return;
        }
        String subfolder = form.field("subfolder") == null ? "" : form.field("subfolder");
        String type = form.field("type") == null ? "input" : form.field("type");
        boolean overwrite = "true".equals(form.field("overwrite")) || "1".equals(form.field("overwrite"));
        String name = image.filename();
        String key = subfolder.isEmpty() ? name : subfolder + "/" + name;
        if (!overwrite) {
            // as ComfyUI: the same bytes under the same name are reused; other bytes get "name (1).png"
            int i = 1;
            String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
            while (uploads.containsKey(key) && !Arrays.equals(uploads.get(key), image.body())) {
                name = base + " (" + i++ + ")" + ext;
                key = subfolder.isEmpty() ? name : subfolder + "/" + name;
            }
        }
        uploads.put(key, image.body());
        ObjectNode out =
                F.objectNode().put("name", name).put("subfolder", subfolder).put("type", type);
        json(reply, 200, MAPPER.writeValueAsString(out));
    }

    private void prompt(Recorded request, Reply reply) throws IOException {
        JsonNode body;
        try {
            body = MAPPER.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            crash(reply);
            return;
        }
        int n = number.getAndIncrement();
        JsonNode prompt = body.get("prompt");
        if (prompt == null) {
            json(reply, 400, error("no_prompt", "No prompt provided", "No prompt provided", F.objectNode()));
            return;
        }
        if (!prompt.isObject()) {
            crash(reply);
            return;
        }
        ObjectNode workflow = (ObjectNode) prompt.deepCopy();
        prompts.add(workflow.deepCopy());
        if (body.hasNonNull("client_id")) {
            clientIds.add(body.get("client_id").asText());
        }
        List<String> outs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = workflow.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().has("class_type")) {
                json(
                        reply,
                        400,
                        error(
                                "invalid_prompt",
                                "Cannot execute because a node is missing the class_type property.",
                                "Node ID '#" + e.getKey() + "'",
                                F.objectNode()));
                return;
            }
            String type = e.getValue().path("class_type").asText("");
            if (!objectInfo.has(type)) {
                json(
                        reply,
                        400,
                        error(
                                "invalid_prompt",
                                "Cannot execute because node " + type + " does not exist.",
                                "Node ID '#" + e.getKey() + "'",
                                F.objectNode()));
                return;
            }
            if (objectInfo.path(type).path("output_node").asBoolean(false)) {
                outs.add(e.getKey());
            }
        }
        if (outs.isEmpty()) {
            json(reply, 400, error("prompt_no_outputs", "Prompt has no outputs", "", F.objectNode()));
            return;
        }
        List<String> good = new ArrayList<>();
        List<String> outputErrors = new ArrayList<>();
        ObjectNode nodeErrors = F.objectNode();
        Map<String, Validation> validated = new LinkedHashMap<>();
        for (String o : outs) {
            Validation m;
            try {
                m = validateInputs(workflow, o, validated);
            } catch (PythonError ex) {
                ObjectNode reason = F.objectNode()
                        .put("type", "exception_during_validation")
                        .put("message", "Exception when validating node")
                        .put("details", ex.getMessage());
                reason.putObject("extra_info").put("exception_type", ex.type).putArray("traceback");
                m = new Validation(false, F.arrayNode().add(reason));
                validated.put(o, m);
            }
            if (m.valid()) {
                good.add(o);
                continue;
            }
            m.reasons()
                    .forEach(r -> outputErrors.add(r.path("message").asText() + ": "
                            + r.path("details").asText()));
            validated.forEach((id, result) -> {
                if (!result.valid() && !result.reasons().isEmpty()) {
                    if (!nodeErrors.has(id)) {
                        ObjectNode node = nodeErrors.putObject(id);
                        node.set("errors", result.reasons());
                        node.putArray("dependent_outputs");
                        node.put(
                                "class_type",
                                workflow.path(id).path("class_type").asText());
                    }
                    ((ArrayNode) nodeErrors.path(id).path("dependent_outputs")).add(o);
                }
            });
        }
        if (good.isEmpty()) {
            json(
                    reply,
                    400,
                    error(
                            "prompt_outputs_failed_validation",
                            "Prompt outputs failed validation",
                            String.join("\n", outputErrors),
                            nodeErrors));
            return;
        }
        String id = body.hasNonNull("prompt_id")
                ? body.get("prompt_id").asText()
                : UUID.randomUUID().toString();
        ObjectNode extra = body.path("extra_data").isObject()
                ? (ObjectNode) body.get("extra_data").deepCopy()
                : F.objectNode();
        if (body.has("client_id")) {
            extra.set("client_id", body.get("client_id"));
        }
        Job job = new Job(id, n, workflow, extra, good, runningPolls);
        synchronized (lock) {
            jobs.put(id, job);
            pending.add(job);
        }
        ObjectNode out = F.objectNode().put("prompt_id", id).put("number", n);
        out.set("node_errors", nodeErrors);
        json(reply, 200, MAPPER.writeValueAsString(out));
        pump();
    }

    /** ComfyUI's {@code validate_inputs}: one node, and recursively the nodes it links to. */
    private Validation validateInputs(ObjectNode prompt, String id, Map<String, Validation> validated) {
        Validation done = validated.get(id);
        if (done != null) {
            return done;
        }
        ObjectNode node = (ObjectNode) prompt.get(id);
        String type = node.path("class_type").asText();
        JsonNode info = objectInfo.path(type).path("input");
        JsonNode inputs = node.path("inputs");
        ArrayNode errors = F.arrayNode();
        boolean valid = true;
        for (String group : List.of("required", "optional")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = info.path(group).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                JsonNode spec = e.getValue();
                ArrayNode config = F.arrayNode().add(spec.get(0)).add(spec.size() > 1 ? spec.get(1) : F.objectNode());
                JsonNode value = inputs.get(name);
                if (value == null) {
                    if (group.equals("required")) {
                        ObjectNode error = reason("required_input_missing", "Required input is missing", name);
                        error.putObject("extra_info").put("input_name", name);
                        errors.add(error);
                    }
                    continue;
                }
                String kind = spec.get(0).isTextual() ? spec.get(0).asText() : null;
                if (value.isArray()) {
                    if (value.size() != 2) {
                        errors.add(withValue(
                                reason(
                                        "bad_linked_input",
                                        "Bad linked input, must be a length-2 list of [node_id, slot_index]",
                                        name),
                                name,
                                config,
                                value));
                        continue;
                    }
                    String linked = value.get(0).asText();
                    String received = outputType(prompt, value);
                    if (kind != null && !kind.equals("COMBO") && !compatible(received, kind)) {
                        ObjectNode error = reason(
                                "return_type_mismatch",
                                "Return type mismatch between linked nodes",
                                name + ", received_type(" + received + ") mismatch input_type(" + kind + ")");
                        ObjectNode extra = error.putObject("extra_info");
                        extra.put("input_name", name);
                        extra.set("input_config", config);
                        extra.put("received_type", received);
                        extra.set("linked_node", value);
                        errors.add(error);
                        continue;
                    }
                    try {
                        if (!validateInputs(prompt, linked, validated).valid()) {
                            valid = false;
                        }
                    } catch (PythonError ex) {
                        valid = false;
                        ObjectNode error = reason(
                                "exception_during_inner_validation",
                                "Exception when validating inner node",
                                ex.getMessage());
                        ObjectNode extra = error.putObject("extra_info");
                        extra.put("input_name", name);
                        extra.set("input_config", config);
                        extra.put("exception_message", ex.getMessage());
                        extra.put("exception_type", ex.type);
                        extra.putArray("traceback");
                        extra.set("linked_node", value);
                        validated.put(
                                linked, new Validation(false, F.arrayNode().add(error)));
                    }
                    continue;
                }
                JsonNode cast;
                try {
                    cast = cast(value, kind);
                } catch (IllegalArgumentException ex) {
                    ObjectNode error = reason(
                            "invalid_input_type",
                            "Failed to convert an input " + name + " value to a " + kind + " value",
                            name + ", " + python(value) + ", " + ex.getMessage());
                    ObjectNode extra = error.putObject("extra_info");
                    extra.put("input_name", name);
                    extra.set("input_config", config);
                    extra.set("received_value", value);
                    extra.put("exception_message", ex.getMessage());
                    errors.add(error);
                    continue;
                }
                ((ObjectNode) inputs).set(name, cast);
                if ((type.equals("LoadImage") || type.equals("LoadImageMask")) && name.equals("image")) {
                    // LoadImage and LoadImageMask validate their file themselves (VALIDATE_INPUTS), so no list check
                    if (!uploads.containsKey(cast.asText())) {
                        ObjectNode error = reason(
                                "custom_validation_failed",
                                "Custom validation failed for node",
                                name + " - Invalid image file: " + cast.asText());
                        error.putObject("extra_info").put("input_name", name);
                        errors.add(error);
                    }
                    continue;
                }
                JsonNode limits = config.get(1);
                if (cast.isNumber() && limits.path("min").isNumber() && compare(cast, limits.get("min")) < 0) {
                    errors.add(withValue(
                            reason(
                                    "value_smaller_than_min",
                                    "Value " + python(cast) + " smaller than min of " + python(limits.get("min")),
                                    name),
                            name,
                            config,
                            cast));
                    continue;
                }
                if (cast.isNumber() && limits.path("max").isNumber() && compare(cast, limits.get("max")) > 0) {
                    errors.add(withValue(
                            reason(
                                    "value_bigger_than_max",
                                    "Value " + python(cast) + " bigger than max of " + python(limits.get("max")),
                                    name),
                            name,
                            config,
                            cast));
                    continue;
                }
                JsonNode options = kind == null ? spec.get(0) : kind.equals("COMBO") ? limits.path("options") : null;
                if (options != null && options.isArray() && !contains(options, cast)) {
                    boolean big = options.size() > 20;
                    String list = big ? "(list of length " + options.size() + ")" : python(options);
                    errors.add(withValue(
                            reason(
                                    "value_not_in_list",
                                    "Value not in list",
                                    name + ": '" + cast.asText() + "' not in " + list),
                            name,
                            big ? F.nullNode() : config,
                            cast));
                }
            }
        }
        Validation result = new Validation(errors.isEmpty() && valid, errors);
        validated.put(id, result);
        return result;
    }

    /** The type of the output a link points at; a missing node or slot fails as ComfyUI's Python does. */
    private String outputType(ObjectNode prompt, JsonNode link) {
        String linked = link.get(0).asText();
        JsonNode target = prompt.get(linked);
        if (target == null) {
            throw new PythonError("KeyError", "'" + linked + "'");
        }
        JsonNode outs = objectInfo.path(target.path("class_type").asText()).path("output");
        JsonNode slot = link.get(1);
        if (!slot.isIntegralNumber()) {
            throw new PythonError("TypeError", "tuple indices must be integers or slices, not " + pyType(slot));
        }
        int index = slot.asInt();
        if (index < -outs.size() || index >= outs.size()) {
            throw new PythonError("IndexError", "tuple index out of range");
        }
        return outs.get(index < 0 ? outs.size() + index : index).asText();
    }

    /** ComfyUI's {@code validate_node_input}: equal types, a wildcard, or a shared type of comma-separated unions. */
    private static boolean compatible(String received, String wanted) {
        if (received.equals(wanted) || received.equals("*") || wanted.equals("*")) {
            return true;
        }
        Set<String> a = Arrays.stream(received.split(",")).map(String::strip).collect(Collectors.toSet());
        Set<String> b = new LinkedHashSet<>();
        Arrays.stream(wanted.split(",")).map(String::strip).forEach(b::add);
        b.retainAll(a);
        return !b.isEmpty();
    }

    /** Python's {@code int(v)}, {@code float(v)}, {@code str(v)} or {@code bool(v)} of a literal input. */
    private static JsonNode cast(JsonNode value, String kind) {
        if (kind == null) {
            return value;
        }
        switch (kind) {
            case "INT" -> {
                if (value.isIntegralNumber()) {
                    return value;
                }
                if (value.isNumber()) {
                    return F.numberNode(value.decimalValue().toBigInteger());
                }
                if (value.isBoolean()) {
                    return F.numberNode(value.asBoolean() ? 1 : 0);
                }
                if (value.isTextual()) {
                    try {
                        return F.numberNode(
                                new java.math.BigInteger(value.asText().strip()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("invalid literal for int() with base 10: " + python(value));
                    }
                }
                throw new IllegalArgumentException(
                        "int() argument must be a string, a bytes-like object or a real number, not '" + pyType(value)
                                + "'");
            }
            case "FLOAT" -> {
                if (value.isNumber()) {
                    return F.numberNode(value.doubleValue());
                }
                if (value.isBoolean()) {
                    return F.numberNode(value.asBoolean() ? 1.0 : 0.0);
                }
                if (value.isTextual()) {
                    try {
                        return F.numberNode(Double.parseDouble(value.asText().strip()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("could not convert string to float: " + python(value));
                    }
                }
                throw new IllegalArgumentException(
                        "float() argument must be a string or a real number, not '" + pyType(value) + "'");
            }
            case "STRING" -> {
                return value.isTextual() ? value : F.textNode(python(value));
            }
            case "BOOLEAN" -> {
                return value.isBoolean() ? value : F.booleanNode(truthy(value));
            }
            default -> {
                return value;
            }
        }
    }

    private static boolean truthy(JsonNode value) {
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.asText().isEmpty();
        }
        if (value.isContainerNode()) {
            return !value.isEmpty();
        }
        return false;
    }

    private static int compare(JsonNode a, JsonNode b) {
        return a.decimalValue().compareTo(b.decimalValue());
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value) || (option.isNumber() && value.isNumber() && compare(option, value) == 0)) {
                return true;
            }
        }
        return false;
    }

    /** How Python's {@code str()} shows a JSON value: {@code 2.0}, {@code ['a', 'b']}, {@code None}, {@code True}. */
    private static String python(JsonNode value) {
        if (value == null || value.isNull()) {
            return "None";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e16) {
                return new BigDecimal(d).toBigInteger() + ".0";
            }
            return Double.toString(d);
        }
        if (value.isTextual()) {
            return "'" + value.asText().replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(python(v)));
            return "[" + String.join(", ", parts) + "]";
        }
        List<String> parts = new ArrayList<>();
        value.fields().forEachRemaining(e -> parts.add("'" + e.getKey() + "': " + python(e.getValue())));
        return "{" + String.join(", ", parts) + "}";
    }

    private static String pyType(JsonNode value) {
        if (value.isNull()) {
            return "NoneType";
        }
        if (value.isTextual()) {
            return "str";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        if (value.isIntegralNumber()) {
            return "int";
        }
        if (value.isNumber()) {
            return "float";
        }
        return value.isArray() ? "list" : "dict";
    }

    private static ObjectNode reason(String type, String message, String details) {
        return F.objectNode().put("type", type).put("message", message).put("details", details);
    }

    private static ObjectNode withValue(ObjectNode error, String input, JsonNode config, JsonNode value) {
        ObjectNode extra = error.putObject("extra_info");
        extra.put("input_name", input);
        extra.set("input_config", config);
        extra.set("received_value", value);
        return error;
    }

    // ---- the queue

    /** Starts the next pending prompt when none runs; a prompt without run time finishes at once. */
    private void pump() {
        while (true) {
            Job next;
            Duration time = runTime;
            synchronized (lock) {
                if (running != null || pending.isEmpty() || closing) {
                    return;
                }
                next = pending.poll();
                running = next;
                next.outcome = Outcome.RUNNING;
            }
            if (!time.isZero()) {
                Thread.ofVirtual().name("fake-comfyui-" + next.id).start(() -> execute(next, time));
                return;
            }
            finish(next, false);
        }
    }

    private void execute(Job job, Duration time) {
        long end = System.nanoTime() + time.toNanos();
        boolean stopped = false;
        try {
            while (!closing) {
                if (job.interrupt) {
                    stopped = true;
                    break;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Thread.sleep(Math.max(1, Math.min(STEP_MILLIS, left / 1_000_000)));
            }
        } catch (InterruptedException e) {
            return;
        }
        if (closing) {
            return;
        }
        finish(job, stopped);
        pump();
    }

    private void finish(Job job, boolean interrupted) {
        ObjectNode entry = interrupted ? interrupted(job) : run(job);
        String status = entry.path("status").path("status_str").asText();
        synchronized (lock) {
            history.put(job.id, entry);
            job.outcome =
                    interrupted ? Outcome.INTERRUPTED : status.equals("success") ? Outcome.SUCCESS : Outcome.ERROR;
            if (running == job) {
                running = null;
            }
        }
    }

    private ObjectNode entry(Job job) {
        ObjectNode entry = F.objectNode();
        entry.set("prompt", job.queueItem());
        return entry;
    }

    private static ArrayNode message(String kind, ObjectNode data) {
        data.put("timestamp", System.currentTimeMillis());
        return F.arrayNode().add(kind).add(data);
    }

    private ArrayNode started(Job job) {
        ArrayNode messages = F.arrayNode();
        messages.add(message("execution_start", F.objectNode().put("prompt_id", job.id)));
        ObjectNode cached = F.objectNode();
        cached.putArray("nodes");
        messages.add(message("execution_cached", cached.put("prompt_id", job.id)));
        return messages;
    }

    private ObjectNode interrupted(Job job) {
        ObjectNode entry = entry(job);
        String node = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = job.workflow.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("class_type").asText().contains("Sampler")) {
                node = e.getKey();
                break;
            }
        }
        if (node == null) {
            node = job.outputs.get(0);
        }
        ArrayNode messages = started(job);
        ObjectNode data = F.objectNode()
                .put("prompt_id", job.id)
                .put("node_id", node)
                .put("node_type", job.workflow.path(node).path("class_type").asText());
        data.putArray("executed");
        messages.add(message("execution_interrupted", data));
        entry.putObject("outputs");
        ObjectNode status = entry.putObject("status");
        status.put("status_str", "error").put("completed", false);
        status.set("messages", messages);
        entry.putObject("meta");
        return entry;
    }

    private ObjectNode run(Job job) {
        ObjectNode workflow = job.workflow;
        ObjectNode entry = entry(job);
        ArrayNode messages = started(job);
        NodeFailure fail = failure;
        String failing = null;
        if (fail != null && fail.left().getAndDecrement() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = workflow.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().path("class_type").asText().equals(fail.nodeType())) {
                    failing = e.getKey();
                    break;
                }
            }
            if (failing == null) {
                failing = workflow.fieldNames().next();
            }
        }
        ObjectNode status = F.objectNode();
        if (failing != null) {
            ObjectNode data = F.objectNode()
                    .put("prompt_id", job.id)
                    .put("node_id", failing)
                    .put("node_type", workflow.path(failing).path("class_type").asText());
            data.putArray("executed");
            data.put("exception_message", fail.message() + "\n").put("exception_type", fail.exceptionType());
            data.set("traceback", F.arrayNode().add("  File \"execution.py\", line 496, in execute\n"));
            data.set("current_inputs", F.objectNode());
            data.set("current_outputs", F.objectNode());
            messages.add(message("execution_error", data));
            status.put("status_str", "error").put("completed", false);
            status.set("messages", messages);
            entry.set("outputs", F.objectNode());
            entry.set("status", status);
            entry.set("meta", F.objectNode());
            return entry;
        }
        ObjectNode outs = F.objectNode();
        ObjectNode meta = F.objectNode();
        for (String id : job.outputs) {
            JsonNode node = workflow.path(id);
            if (!node.path("class_type").asText().equals("SaveImage")) {
                continue;
            }
            String prefix = node.path("inputs").path("filename_prefix").asText("ComfyUI");
            String subfolder = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
            String base = prefix.contains("/") ? prefix.substring(prefix.lastIndexOf('/') + 1) : prefix;
            String filename = String.format("%s_%05d_.png", base, counter.incrementAndGet());
            outputs.put(subfolder + "/" + filename, render(workflow));
            ObjectNode image = F.objectNode()
                    .put("filename", filename)
                    .put("subfolder", subfolder)
                    .put("type", "output");
            outs.set(id, F.objectNode().set("images", F.arrayNode().add(image)));
            meta.set(
                    id,
                    F.objectNode()
                            .put("node_id", id)
                            .put("display_node", id)
                            .putNull("parent_node")
                            .put("real_node_id", id));
        }
        messages.add(message("execution_success", F.objectNode().put("prompt_id", job.id)));
        status.put("status_str", "success").put("completed", true);
        status.set("messages", messages);
        entry.set("outputs", outs);
        entry.set("status", status);
        entry.set("meta", meta);
        return entry;
    }

    private byte[] render(ObjectNode workflow) {
        Picture source = null;
        for (JsonNode node : workflow) {
            if (node.path("class_type").asText().equals("LoadImage")) {
                byte[] bytes = uploads.get(node.path("inputs").path("image").asText());
                source = Images.decode(bytes, "fake comfyui upload", Images.DEFAULT_MAX_PIXELS);
                break;
            }
        }
        if (source == null) {
            source = Picture.ofBgr(64, 64, new byte[64 * 64 * 3]);
        }
        return transform(source, key(workflow)).png();
    }

    private Picture transform(Picture source, long key) {
        byte[] bgr = source.bgr();
        byte[] out = new byte[bgr.length];
        int b = (int) (key & 0x3f);
        int g = (int) ((key >>> 8) & 0x3f);
        int r = (int) ((key >>> 16) & 0x3f);
        for (int i = 0; i + 2 < bgr.length; i += 3) {
            out[i] = (byte) (255 - ((bgr[i] & 0xff) ^ b));
            out[i + 1] = (byte) (255 - ((bgr[i + 1] & 0xff) ^ g));
            out[i + 2] = (byte) (255 - ((bgr[i + 2] & 0xff) ^ r));
        }
        Picture picture = Picture.ofBgr(source.width(), source.height(), out);
        if (outputWidth > 0 && outputHeight > 0) {
            picture = Images.resize(picture, outputWidth, outputHeight);
        }
        return picture;
    }

    /** A hash of every literal input except LoadImage's file name: the prompt, the seed, the steps… */
    private static long key(JsonNode workflow) {
        long h = 1125899906842597L;
        List<String> ids = new ArrayList<>();
        workflow.fieldNames().forEachRemaining(ids::add);
        ids.sort(null);
        for (String id : ids) {
            JsonNode node = workflow.get(id);
            boolean load = node.path("class_type").asText().equals("LoadImage");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("inputs").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if ((load && e.getKey().equals("image")) || !e.getValue().isValueNode()) {
                    continue;
                }
                String text = id + "." + e.getKey() + "=" + e.getValue().asText();
                for (int i = 0; i < text.length(); i++) {
                    h = 31 * h + text.charAt(i);
                }
            }
        }
        return h ^ (h >>> 29);
    }

    private void history(String id, Reply reply) throws IOException {
        String promptId = URLDecoder.decode(id, StandardCharsets.UTF_8);
        ObjectNode entry;
        synchronized (lock) {
            entry = history.get(promptId);
        }
        Job job = jobs.get(promptId);
        if (entry == null || (job != null && job.hiddenPolls.getAndDecrement() > 0)) {
            json(reply, 200, "{}");
            return;
        }
        ObjectNode out = F.objectNode();
        out.set(promptId, entry);
        json(reply, 200, MAPPER.writeValueAsString(out));
    }

    private void view(Recorded request, Reply reply) {
        Map<String, String> q = query(request.query());
        String filename = q.getOrDefault("filename", "");
        String subfolder = q.getOrDefault("subfolder", "");
        String type = q.getOrDefault("type", "output");
        byte[] bytes = type.equals("input")
                ? uploads.get(subfolder.isEmpty() ? filename : subfolder + "/" + filename)
                : outputs.get(subfolder + "/" + filename);
        if (bytes == null || filename.isEmpty()) {
            reply.send(404, EMPTY, new byte[0]);
            return;
        }
        reply.header("Content-Disposition", "filename=\"" + filename + "\"");
        reply.send(200, "image/png", bytes);
    }

    private void queue(Recorded request, Reply reply, boolean post) throws IOException {
        if (post) {
            JsonNode body;
            try {
                body = MAPPER.readTree(request.body());
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                crash(reply);
                return;
            }
            synchronized (lock) {
                if (body.path("clear").asBoolean(false)) {
                    pending.forEach(j -> j.outcome = Outcome.DELETED);
                    pending.clear();
                }
                for (JsonNode id : body.path("delete")) {
                    deleted.add(id.asText());
                    // only a pending prompt is removed: the running one keeps running
                    pending.removeIf(j -> {
                        boolean match = j.id.equals(id.asText());
                        if (match) {
                            j.outcome = Outcome.DELETED;
                        }
                        return match;
                    });
                }
            }
            reply.send(200, EMPTY, new byte[0]);
            return;
        }
        ObjectNode out = F.objectNode();
        ArrayNode runningItems = out.putArray("queue_running");
        ArrayNode pendingItems = out.putArray("queue_pending");
        synchronized (lock) {
            if (running != null) {
                runningItems.add(running.queueItem());
            }
            pending.forEach(j -> pendingItems.add(j.queueItem()));
        }
        json(reply, 200, MAPPER.writeValueAsString(out));
    }

    /** As ComfyUI: with a {@code prompt_id} only that prompt is stopped, and only while it runs; else the running one. */
    private void interrupt(Recorded request, Reply reply) {
        JsonNode body;
        try {
            body = request.body().length == 0 ? null : MAPPER.readTree(request.body());
        } catch (IOException e) {
            body = null;
        }
        String promptId = body != null && body.isObject() && body.hasNonNull("prompt_id")
                ? body.get("prompt_id").asText()
                : "";
        interrupts.add(promptId);
        synchronized (lock) {
            if (running != null && (promptId.isEmpty() || running.id.equals(promptId))) {
                running.interrupt = true;
            }
        }
        reply.send(200, EMPTY, new byte[0]);
    }

    private static String systemStats() {
        return "{\"system\": {\"os\": \"posix\", \"ram_total\": 34359738368, \"ram_free\": 17179869184,"
                + " \"comfyui_version\": \"" + VERSION + "\", \"required_frontend_version\": \"1.26.13\","
                + " \"python_version\": \"3.11.2\", \"pytorch_version\": \"2.8.0+cpu\", \"embedded_python\": false,"
                + " \"argv\": [\"main.py\", \"--cpu\"]}, \"devices\": [{\"name\": \"cpu\", \"type\": \"cpu\","
                + " \"index\": null, \"vram_total\": 34359738368, \"vram_free\": 17179869184,"
                + " \"torch_vram_total\": 0, \"torch_vram_free\": 0}]}";
    }

    private static String error(String type, String message, String details, ObjectNode nodeErrors) {
        ObjectNode out = F.objectNode();
        ObjectNode error = out.putObject("error");
        error.put("type", type).put("message", message).put("details", details);
        error.set("extra_info", F.objectNode());
        out.set("node_errors", nodeErrors);
        try {
            return MAPPER.writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    // ---- the default /object_info: the real server's entries for these node types, with model files added

    private static ObjectNode defaultObjectInfo() {
        ObjectNode info;
        try (InputStream in = FakeComfyUiServer.class.getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("the fake ComfyUI's catalog " + CATALOG + " is missing");
            }
            info = (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] encoders = {
            "qwen_2.5_vl_7b_fp8_scaled.safetensors", "clip_l.safetensors", "t5xxl_fp8_e4m3fn_scaled.safetensors"
        };
        setChoices(
                info,
                "UNETLoader",
                "unet_name",
                "qwen_image_edit_fp8_e4m3fn.safetensors",
                "qwen_image_edit_2509_fp8_e4m3fn.safetensors",
                "flux1-dev-kontext_fp8_scaled.safetensors");
        setChoices(info, "CLIPLoader", "clip_name", encoders);
        setChoices(info, "DualCLIPLoader", "clip_name1", encoders);
        setChoices(info, "DualCLIPLoader", "clip_name2", encoders);
        setChoices(info, "VAELoader", "vae_name", "qwen_image_vae.safetensors", "ae.safetensors", "pixel_space");
        // the recorded server's input folder held example.png; this one lists its uploads
        setChoices(info, "LoadImage", "image");
        setChoices(info, "LoadImageMask", "image");
        return info;
    }

    private static void setChoices(ObjectNode info, String type, String input, String... values) {
        ArrayNode spec =
                (ArrayNode) info.path(type).path("input").path("required").path(input);
        spec.set(0, strings(values));
    }

    private static ArrayNode strings(String... values) {
        ArrayNode list = F.arrayNode();
        for (String v : values) {
            list.add(v);
        }
        return list;
    }

    @Override
    public void reset() {
        super.reset();
        prompts.clear();
        clientIds.clear();
        deleted.clear();
        interrupts.clear();
        failure = null;
        runningPolls = 0;
        runTime = Duration.ZERO;
        synchronized (lock) {
            pending.forEach(j -> j.outcome = Outcome.DELETED);
            pending.clear();
            if (running != null) {
                running.interrupt = true;
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        super.close();
    }
}
