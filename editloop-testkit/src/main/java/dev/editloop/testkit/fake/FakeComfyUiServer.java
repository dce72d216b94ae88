package dev.editloop.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback ComfyUI server: {@code POST /upload/image}, {@code POST /prompt} (validated against its
 * {@code /object_info} as ComfyUI does: unknown node types, model files it does not have, missing inputs, wrong
 * types), {@code GET /history/{id}} (empty while the prompt "runs", then the outputs and status),
 * {@code GET /view}, {@code GET /object_info}, {@code GET /system_stats} and {@code POST /queue}; every route also
 * answers under {@code /api/}.
 *
 * <p>The "edit" it makes is a deterministic transformation of the uploaded image that depends on every value of the
 * workflow except the image name (so on the prompt and the seed), optionally at another size. Its
 * {@code /object_info} knows the node types of the Qwen-Image-Edit and FLUX.1 Kontext [dev] workflows with their
 * usual model files; tests change it with {@link #models}, {@link #withoutModelFile} and {@link #withoutNodeType}.
 * The filled workflows it receives are recorded ({@link #prompts()}).
 */
public final class FakeComfyUiServer extends FakeHttpServer {
    /** The version {@code /system_stats} reports. */
    public static final String VERSION = "0.3.60";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private record Job(String id, AtomicInteger pollsLeft, ObjectNode entry) {}

    private record NodeFailure(AtomicInteger left, String nodeType, String exceptionType, String message) {}

    private final ObjectNode objectInfo = defaultObjectInfo();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, byte[]> outputs = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<ObjectNode> prompts = new CopyOnWriteArrayList<>();
    private final List<String> clientIds = new CopyOnWriteArrayList<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private final AtomicInteger number = new AtomicInteger();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile int runningPolls;
    private volatile int outputWidth;
    private volatile int outputHeight;
    private volatile NodeFailure failure;

    /** Starts the server. */
    public FakeComfyUiServer() {
        super("comfyui");
    }

    // ---- configuration

    /** Every prompt answers an empty history for this many polls ("running") before it is done. */
    public FakeComfyUiServer runningPolls(int polls) {
        this.runningPolls = polls;
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
        ArrayNode list = F.arrayNode();
        for (String f : files) {
            list.add(f);
        }
        required.set(input, F.arrayNode().add(list).add(F.objectNode()));
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

    // ---- what it received

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

    /** The prompt ids removed from the queue through {@code POST /queue}. */
    public List<String> deleted() {
        return List.copyOf(deleted);
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
        } else if (path.startsWith("/history/") && !post) {
            history(path.substring("/history/".length()), reply);
        } else if (path.equals("/view") && !post) {
            view(request, reply);
        } else if (path.equals("/object_info") && !post) {
            reply.json(200, MAPPER.writeValueAsString(objectInfo));
        } else if (path.startsWith("/object_info/") && !post) {
            String type = path.substring("/object_info/".length());
            ObjectNode one = F.objectNode();
            if (objectInfo.has(type)) {
                one.set(type, objectInfo.get(type));
            }
            reply.json(200, MAPPER.writeValueAsString(one));
        } else if (path.equals("/system_stats") && !post) {
            reply.json(200, systemStats());
        } else if (path.equals("/queue")) {
            queue(request, reply, post);
        } else {
            reply.send(404, "text/plain", "404: Not Found");
        }
    }

    private void upload(Recorded request, Reply reply) throws IOException {
        MultipartForm form;
        try {
            form = MultipartForm.parse(request.header("content-type"), request.body());
        } catch (IllegalArgumentException e) {
            reply.send(400, "text/plain", "400: Bad Request");
            return;
        }
        MultipartForm.Part image = form.part("image").orElse(null);
        if (image == null || image.filename() == null) {
            reply.send(400, "text/plain", "400: Bad Request");
            return;
        }
        String subfolder = form.field("subfolder") == null ? "" : form.field("subfolder");
        String type = form.field("type") == null ? "input" : form.field("type");
        boolean overwrite = "true".equals(form.field("overwrite")) || "1".equals(form.field("overwrite"));
        String name = image.filename();
        String key = subfolder.isEmpty() ? name : subfolder + "/" + name;
        if (!overwrite) {
            int i = 1;
            String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
            while (uploads.containsKey(key)) {
                name = base + " (" + i++ + ")" + ext;
                key = subfolder.isEmpty() ? name : subfolder + "/" + name;
            }
        }
        uploads.put(key, image.body());
        ObjectNode out =
                F.objectNode().put("name", name).put("subfolder", subfolder).put("type", type);
        reply.json(200, MAPPER.writeValueAsString(out));
    }

    private void prompt(Recorded request, Reply reply) throws IOException {
        JsonNode body;
        try {
            body = MAPPER.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw new IOException("not an object");
            }
        } catch (IOException e) {
            reply.send(500, "text/plain; charset=utf-8", "500 Internal Server Error\n\nServer got itself in trouble");
            return;
        }
        JsonNode prompt = body.get("prompt");
        if (prompt == null || !prompt.isObject()) {
            reply.json(400, error("no_prompt", "No prompt provided", "No prompt provided", F.objectNode()));
            return;
        }
        ObjectNode workflow = (ObjectNode) prompt.deepCopy();
        prompts.add(workflow);
        if (body.hasNonNull("client_id")) {
            clientIds.add(body.get("client_id").asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = workflow.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getValue().path("class_type").asText("");
            if (!e.getValue().has("class_type")) {
                reply.json(
                        400,
                        error(
                                "invalid_prompt",
                                "Cannot execute because a node is missing the class_type property.",
                                "Node ID '#" + e.getKey() + "'",
                                F.objectNode()));
                return;
            }
            if (!objectInfo.has(type)) {
                reply.json(
                        400,
                        error(
                                "invalid_prompt",
                                "Cannot execute because node " + type + " does not exist.",
                                "Node ID '#" + e.getKey() + "'",
                                F.objectNode()));
                return;
            }
        }
        List<String> outputsNodes = new ArrayList<>();
        workflow.fields().forEachRemaining(e -> {
            String type = e.getValue().path("class_type").asText();
            if (objectInfo.path(type).path("output_node").asBoolean(false)) {
                outputsNodes.add(e.getKey());
            }
        });
        if (outputsNodes.isEmpty()) {
            reply.json(400, error("prompt_no_outputs", "Prompt has no outputs", "", F.objectNode()));
            return;
        }
        ObjectNode nodeErrors = F.objectNode();
        workflow.fields().forEachRemaining(e -> {
            ArrayNode errors = validate(workflow, e.getKey(), (ObjectNode) e.getValue());
            if (!errors.isEmpty()) {
                ObjectNode node = F.objectNode();
                node.set("errors", errors);
                node.set("dependent_outputs", F.arrayNode().add(outputsNodes.get(0)));
                node.put("class_type", e.getValue().path("class_type").asText());
                nodeErrors.set(e.getKey(), node);
            }
        });
        if (!nodeErrors.isEmpty()) {
            reply.json(
                    400, error("prompt_outputs_failed_validation", "Prompt outputs failed validation", "", nodeErrors));
            return;
        }
        String id = UUID.randomUUID().toString();
        int n = number.getAndIncrement();
        ObjectNode entry = run(id, n, workflow);
        jobs.put(id, new Job(id, new AtomicInteger(runningPolls), entry));
        ObjectNode out = F.objectNode().put("prompt_id", id).put("number", n);
        out.set("node_errors", F.objectNode());
        reply.json(200, MAPPER.writeValueAsString(out));
    }

    private ArrayNode validate(ObjectNode workflow, String id, ObjectNode node) {
        ArrayNode errors = F.arrayNode();
        String type = node.path("class_type").asText();
        JsonNode info = objectInfo.path(type).path("input");
        JsonNode inputs = node.path("inputs");
        for (String group : List.of("required", "optional")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = info.path(group).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                JsonNode spec = e.getValue();
                JsonNode value = inputs.get(name);
                if (value == null) {
                    if (group.equals("required")) {
                        errors.add(inputError("required_input_missing", "Required input is missing", name, name, null));
                    }
                    continue;
                }
                if (value.isArray() && value.size() == 2 && value.get(1).isIntegralNumber()) {
                    if (!workflow.has(value.get(0).asText())) {
                        errors.add(inputError(
                                "bad_linked_input",
                                "Bad linked input, linked node " + value.get(0).asText() + " does not exist",
                                name,
                                name,
                                value));
                    }
                    continue;
                }
                String kind = spec.get(0).isTextual() ? spec.get(0).asText() : "COMBO";
                if (type.equals("LoadImage") && name.equals("image")) {
                    if (!uploads.containsKey(value.asText())) {
                        errors.add(inputError(
                                "custom_validation_failed",
                                "Custom validation failed for node",
                                name,
                                "image - Invalid image file: " + value.asText(),
                                value));
                    }
                    continue;
                }
                List<String> allowed = allowed(spec);
                if (allowed != null) {
                    if (!allowed.contains(value.asText())) {
                        errors.add(inputError(
                                "value_not_in_list",
                                "Value not in list",
                                name,
                                name + ": '" + value.asText() + "' not in " + allowed,
                                value));
                    }
                } else if ((kind.equals("INT") || kind.equals("FLOAT")) && !numeric(value, kind)) {
                    errors.add(inputError(
                            "invalid_input_type",
                            "Failed to convert an input value to a " + kind + " value",
                            name,
                            name + ", " + value.asText(),
                            value));
                }
            }
        }
        return errors;
    }

    private ObjectNode run(String id, int n, ObjectNode workflow) {
        ObjectNode entry = F.objectNode();
        ArrayNode promptArray = F.arrayNode().add(n).add(id);
        promptArray.add(workflow);
        promptArray.add(F.objectNode());
        promptArray.add(F.arrayNode());
        entry.set("prompt", promptArray);
        ObjectNode status = F.objectNode();
        ArrayNode messages = F.arrayNode();
        long now = System.currentTimeMillis();
        messages.add(F.arrayNode()
                .add("execution_start")
                .add(F.objectNode().put("prompt_id", id).put("timestamp", now)));
        messages.add(F.arrayNode()
                .add("execution_cached")
                .add(F.objectNode().put("prompt_id", id).put("timestamp", now).set("nodes", F.arrayNode())));
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
        if (failing != null) {
            ObjectNode data = F.objectNode()
                    .put("prompt_id", id)
                    .put("node_id", failing)
                    .put("node_type", workflow.path(failing).path("class_type").asText())
                    .put("exception_message", fail.message() + "\n")
                    .put("exception_type", fail.exceptionType())
                    .put("timestamp", now);
            data.set("executed", F.arrayNode());
            data.set("traceback", F.arrayNode().add("  File \"execution.py\", line 496, in execute\n"));
            data.set("current_inputs", F.objectNode());
            data.set("current_outputs", F.objectNode());
            messages.add(F.arrayNode().add("execution_error").add(data));
            status.put("status_str", "error").put("completed", false);
            status.set("messages", messages);
            entry.set("outputs", F.objectNode());
            entry.set("status", status);
            entry.set("meta", F.objectNode());
            return entry;
        }
        ObjectNode outs = F.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = workflow.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().path("class_type").asText().equals("SaveImage")) {
                continue;
            }
            String prefix = e.getValue().path("inputs").path("filename_prefix").asText("ComfyUI");
            String subfolder = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
            String base = prefix.contains("/") ? prefix.substring(prefix.lastIndexOf('/') + 1) : prefix;
            String filename = String.format("%s_%05d_.png", base, counter.incrementAndGet());
            outputs.put(subfolder + "/" + filename, render(workflow));
            ObjectNode image = F.objectNode()
                    .put("filename", filename)
                    .put("subfolder", subfolder)
                    .put("type", "output");
            outs.set(e.getKey(), F.objectNode().set("images", F.arrayNode().add(image)));
        }
        messages.add(F.arrayNode()
                .add("execution_success")
                .add(F.objectNode().put("prompt_id", id).put("timestamp", now)));
        status.put("status_str", "success").put("completed", true);
        status.set("messages", messages);
        entry.set("outputs", outs);
        entry.set("status", status);
        entry.set("meta", F.objectNode());
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
        Job job = jobs.get(URLDecoder.decode(id, StandardCharsets.UTF_8));
        if (job == null || job.pollsLeft().getAndDecrement() > 0) {
            reply.json(200, "{}");
            return;
        }
        ObjectNode out = F.objectNode();
        out.set(job.id(), job.entry());
        reply.json(200, MAPPER.writeValueAsString(out));
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
            reply.send(404, "text/plain", "404: Not Found");
            return;
        }
        reply.send(200, "image/png", bytes);
    }

    private void queue(Recorded request, Reply reply, boolean post) throws IOException {
        if (post) {
            JsonNode body = MAPPER.readTree(request.body());
            for (JsonNode id : body.path("delete")) {
                deleted.add(id.asText());
                jobs.remove(id.asText());
            }
            reply.send(200, "application/json", new byte[0]);
            return;
        }
        reply.json(200, "{\"queue_running\": [], \"queue_pending\": []}");
    }

    private static String systemStats() {
        return "{\"system\": {\"os\": \"posix\", \"ram_total\": 34359738368, \"ram_free\": 17179869184,"
                + " \"comfyui_version\": \"" + VERSION + "\", \"python_version\": \"3.12.3\","
                + " \"pytorch_version\": \"2.8.0+cpu\", \"embedded_python\": false, \"argv\": [\"main.py\","
                + " \"--cpu\"]}, \"devices\": [{\"name\": \"cpu\", \"type\": \"cpu\", \"index\": null,"
                + " \"vram_total\": 34359738368, \"vram_free\": 17179869184, \"torch_vram_total\": 0,"
                + " \"torch_vram_free\": 0}]}";
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

    private static ObjectNode inputError(String type, String message, String input, String details, JsonNode value) {
        ObjectNode e = F.objectNode().put("type", type).put("message", message).put("details", details);
        ObjectNode extra = e.putObject("extra_info");
        extra.put("input_name", input);
        if (value != null) {
            extra.set("received_value", value);
        }
        return e;
    }

    private static List<String> allowed(JsonNode spec) {
        JsonNode first = spec.get(0);
        JsonNode options = null;
        if (first.isArray()) {
            options = first;
        } else if (first.asText().equals("COMBO") && spec.size() > 1) {
            options = spec.get(1).path("options");
        }
        if (options == null || !options.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        options.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static boolean numeric(JsonNode value, String kind) {
        if (value.isNumber()) {
            return kind.equals("FLOAT") || value.isIntegralNumber();
        }
        if (!value.isTextual()) {
            return false;
        }
        try {
            if (kind.equals("INT")) {
                Long.parseLong(value.asText().strip());
            } else {
                Double.parseDouble(value.asText().strip());
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
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

    // ---- the default /object_info: the node types of the shipped workflows, with ComfyUI's input definitions

    private static ObjectNode defaultObjectInfo() {
        ObjectNode info = F.objectNode();
        List<String> dtypes = List.of("default", "fp8_e4m3fn", "fp8_e4m3fn_fast", "fp8_e5m2");
        List<String> samplers = List.of("euler", "euler_ancestral", "heun", "dpmpp_2m", "dpmpp_2m_sde", "uni_pc");
        List<String> schedulers = List.of("simple", "normal", "karras", "exponential", "sgm_uniform", "beta");
        List<String> methods = List.of("nearest-exact", "bilinear", "area", "bicubic", "lanczos");
        info.set(
                "UNETLoader",
                node(
                        "loaders",
                        false,
                        "MODEL",
                        req(
                                "unet_name",
                                combo(
                                        "qwen_image_edit_fp8_e4m3fn.safetensors",
                                        "flux1-dev-kontext_fp8_scaled.safetensors"),
                                "weight_dtype",
                                combo(dtypes.toArray(String[]::new)))));
        ObjectNode clip = node(
                "advanced/loaders",
                false,
                "CLIP",
                req(
                        "clip_name",
                        combo(
                                "qwen_2.5_vl_7b_fp8_scaled.safetensors",
                                "clip_l.safetensors",
                                "t5xxl_fp8_e4m3fn_scaled.safetensors"),
                        "type",
                        combo("stable_diffusion", "sd3", "wan", "hidream", "omnigen2", "qwen_image")));
        ((ObjectNode) clip.get("input")).set("optional", req("device", combo("default", "cpu")));
        info.set("CLIPLoader", clip);
        ObjectNode dual = node(
                "advanced/loaders",
                false,
                "CLIP",
                req(
                        "clip_name1",
                        combo(
                                "qwen_2.5_vl_7b_fp8_scaled.safetensors",
                                "clip_l.safetensors",
                                "t5xxl_fp8_e4m3fn_scaled.safetensors"),
                        "clip_name2",
                        combo(
                                "qwen_2.5_vl_7b_fp8_scaled.safetensors",
                                "clip_l.safetensors",
                                "t5xxl_fp8_e4m3fn_scaled.safetensors"),
                        "type",
                        combo("sdxl", "sd3", "flux", "hunyuan_video", "hidream")));
        ((ObjectNode) dual.get("input")).set("optional", req("device", combo("default", "cpu")));
        info.set("DualCLIPLoader", dual);
        info.set(
                "VAELoader",
                node("loaders", false, "VAE", req("vae_name", combo("qwen_image_vae.safetensors", "ae.safetensors"))));
        ObjectNode load = node("image", false, "IMAGE", req("image", combo()));
        ((ArrayNode) load.path("input").path("required").get("image"))
                .set(1, F.objectNode().put("image_upload", true));
        info.set("LoadImage", load);
        ObjectNode comboV3 = F.objectNode();
        comboV3.set("options", strings(methods.toArray(String[]::new)));
        info.set(
                "ImageScaleToTotalPixels",
                node(
                        "image/upscaling",
                        false,
                        "IMAGE",
                        req(
                                "image",
                                type("IMAGE"),
                                "upscale_method",
                                F.arrayNode().add("COMBO").add(comboV3),
                                "megapixels",
                                type("FLOAT"),
                                "resolution_steps",
                                type("INT"))));
        ObjectNode qwen = node(
                "advanced/conditioning", false, "CONDITIONING", req("clip", type("CLIP"), "prompt", type("STRING")));
        ((ObjectNode) qwen.get("input")).set("optional", req("vae", type("VAE"), "image", type("IMAGE")));
        info.set("TextEncodeQwenImageEdit", qwen);
        info.set(
                "ModelSamplingAuraFlow",
                node("advanced/model", false, "MODEL", req("model", type("MODEL"), "shift", type("FLOAT"))));
        info.set(
                "CFGNorm",
                node("advanced/guidance", false, "MODEL", req("model", type("MODEL"), "strength", type("FLOAT"))));
        info.set("VAEEncode", node("latent", false, "LATENT", req("pixels", type("IMAGE"), "vae", type("VAE"))));
        info.set(
                "KSampler",
                node(
                        "sampling",
                        false,
                        "LATENT",
                        req(
                                "model", type("MODEL"),
                                "seed", type("INT"),
                                "steps", type("INT"),
                                "cfg", type("FLOAT"),
                                "sampler_name", combo(samplers.toArray(String[]::new)),
                                "scheduler", combo(schedulers.toArray(String[]::new)),
                                "positive", type("CONDITIONING"),
                                "negative", type("CONDITIONING"),
                                "latent_image", type("LATENT"),
                                "denoise", type("FLOAT"))));
        info.set("VAEDecode", node("latent", false, "IMAGE", req("samples", type("LATENT"), "vae", type("VAE"))));
        info.set(
                "SaveImage",
                node("image", true, null, req("images", type("IMAGE"), "filename_prefix", type("STRING"))));
        info.set("PreviewImage", node("image", true, null, req("images", type("IMAGE"))));
        info.set(
                "FluxKontextImageScale",
                node("advanced/conditioning/flux", false, "IMAGE", req("image", type("IMAGE"))));
        info.set(
                "CLIPTextEncode",
                node("conditioning", false, "CONDITIONING", req("text", type("STRING"), "clip", type("CLIP"))));
        ObjectNode reference = node(
                "advanced/conditioning/edit_models", false, "CONDITIONING", req("conditioning", type("CONDITIONING")));
        ((ObjectNode) reference.get("input")).set("optional", req("latent", type("LATENT")));
        info.set("ReferenceLatent", reference);
        info.set(
                "FluxGuidance",
                node(
                        "advanced/conditioning/flux",
                        false,
                        "CONDITIONING",
                        req("conditioning", type("CONDITIONING"), "guidance", type("FLOAT"))));
        info.set(
                "ConditioningZeroOut",
                node("advanced/conditioning", false, "CONDITIONING", req("conditioning", type("CONDITIONING"))));
        info.fields().forEachRemaining(e -> ((ObjectNode) e.getValue()).put("name", e.getKey()));
        return info;
    }

    private static ObjectNode node(String category, boolean output, String returns, ObjectNode required) {
        ObjectNode node = F.objectNode();
        ObjectNode input = node.putObject("input");
        input.set("required", required);
        ArrayNode order = F.arrayNode();
        required.fieldNames().forEachRemaining(order::add);
        node.putObject("input_order").set("required", order);
        ArrayNode outs = F.arrayNode();
        if (returns != null) {
            outs.add(returns);
        }
        node.set("output", outs);
        node.set("output_name", outs.deepCopy());
        node.put("display_name", "").put("description", "").put("category", category);
        node.put("output_node", output);
        return node;
    }

    private static ObjectNode req(Object... pairs) {
        ObjectNode out = F.objectNode();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out.set((String) pairs[i], (JsonNode) pairs[i + 1]);
        }
        return out;
    }

    private static ArrayNode combo(String... values) {
        return F.arrayNode().add(strings(values)).add(F.objectNode());
    }

    private static ArrayNode strings(String... values) {
        ArrayNode list = F.arrayNode();
        for (String v : values) {
            list.add(v);
        }
        return list;
    }

    private static ArrayNode type(String name) {
        return F.arrayNode().add(name).add(F.objectNode());
    }

    @Override
    public void reset() {
        super.reset();
        prompts.clear();
        clientIds.clear();
        deleted.clear();
        failure = null;
        runningPolls = 0;
    }
}
