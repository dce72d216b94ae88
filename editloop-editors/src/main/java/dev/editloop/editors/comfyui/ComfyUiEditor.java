package dev.editloop.editors.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.EditedImages;
import dev.editloop.remote.EndpointPool;
import dev.editloop.remote.HttpFailures;
import dev.editloop.remote.HttpReply;
import dev.editloop.remote.HttpTransport;
import dev.editloop.remote.Multipart;
import dev.editloop.remote.RemoteSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Editor} that runs a ComfyUI workflow (spec {@code comfyui:http://host:8188?workflow=FILE}): it uploads
 * the source ({@code POST /upload/image}), fills the workflow's placeholders, queues it ({@code POST /prompt}),
 * polls {@code GET /history/{prompt_id}} until it is done, and downloads the SaveImage node's output
 * ({@code GET /view}), returned at the source's size.
 *
 * <p>Before the first edit on each endpoint it checks the workflow against {@code GET /object_info} (node types and
 * model files), once. Several URLs form a pool: all requests of one edit go to the same endpoint. Thread-safe.
 */
public final class ComfyUiEditor implements Editor {
    /** The spec kind. */
    public static final String KIND = "comfyui";

    /** Spec parameters this editor reads. */
    static final Set<String> PARAMETERS = Set.of(
            "workflow",
            "steps",
            "guidance",
            "negative_prompt",
            "poll",
            "timeout",
            "key_env",
            "concurrency",
            "max_failures",
            "cooldown",
            "retries",
            "retry_delay",
            "max_retry_wait");

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    static final Duration DEFAULT_POLL = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(ComfyUiEditor.class);

    private final RemoteSettings settings;
    private final ComfyUiWorkflow workflow;
    private final Integer steps;
    private final Double guidance;
    private final String negativePrompt;
    private final Duration poll;
    private final HttpTransport http;
    private final EndpointPool pool;
    private final String clientId = UUID.randomUUID().toString();
    // endpoints whose /object_info already passed the workflow; a failed check is not cached, so a model file
    // added later is found on the next edit
    private final Map<URI, ObjectInfoCheck.Result> checked = new ConcurrentHashMap<>();

    /**
     * An editor for a spec.
     *
     * @throws InvalidInputException when the spec has no URL, an unknown or malformed parameter, or the workflow
     *     cannot be used
     */
    public ComfyUiEditor(BackendSpec spec) {
        this(spec, System.getenv());
    }

    /** As {@link #ComfyUiEditor(BackendSpec)}, with an explicit environment for {@code key_env} (tests). */
    public ComfyUiEditor(BackendSpec spec, Map<String, String> env) {
        checkParameters(spec);
        this.workflow = ComfyUiWorkflow.load(spec.param("workflow"));
        this.settings = RemoteSettings.from(spec, null, null, DEFAULT_TIMEOUT, env);
        this.steps = spec.param("steps") != null
                ? Integer.valueOf(spec.intParam("steps", 1, 10_000))
                : workflow.defaults().steps();
        this.guidance = spec.param("guidance") != null
                ? Double.valueOf(spec.doubleParam("guidance", 0, 100))
                : workflow.defaults().guidance();
        this.negativePrompt = spec.param(
                "negative_prompt",
                workflow.defaults().negativePrompt() == null
                        ? ""
                        : workflow.defaults().negativePrompt());
        this.poll = spec.param("poll") == null ? DEFAULT_POLL : spec.durationParam("poll");
        if (poll.isZero()) {
            throw new InvalidInputException("backend 'comfyui': parameter poll must be more than 0 seconds");
        }
        if (workflow.has(ComfyUiWorkflow.STEPS) && steps == null) {
            throw new InvalidInputException(
                    "comfyui: " + workflow.source() + " uses {{steps}} but sets no default: add steps=N to the spec");
        }
        if (workflow.has(ComfyUiWorkflow.GUIDANCE) && guidance == null) {
            throw new InvalidInputException("comfyui: " + workflow.source()
                    + " uses {{guidance}} but sets no default: add guidance=X to the spec");
        }
        this.http = new HttpTransport(settings, HttpTransport.Auth.bearer());
        this.pool = new EndpointPool(settings).healthProbe(this::healthy);
    }

    /** Rejects parameters this backend does not read (a typo would otherwise be ignored silently). */
    static void checkParameters(BackendSpec spec) {
        for (String name : spec.params().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidInputException("backend 'comfyui': unknown parameter '" + name + "' (known: "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()) + ")");
            }
        }
    }

    @Override
    public EditResult edit(EditCall call) {
        Integer callSteps = intOption(call, steps, "num_inference_steps", "steps");
        Double callGuidance = doubleOption(call, guidance, "guidance_scale", "guidance");
        String negative = call.options().getOrDefault("negative_prompt", negativePrompt);
        return pool.call(endpoint -> run(endpoint, call, callSteps, callGuidance, negative));
    }

    private EditResult run(URI endpoint, EditCall call, Integer callSteps, Double callGuidance, String negative) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        String where = HttpFailures.where(KIND, endpoint);
        ensureChecked(endpoint);
        String image = upload(endpoint, call.image());
        ObjectNode prompt = workflow.fill(
                new ComfyUiWorkflow.Filling(image, call.instruction(), call.seed(), callSteps, callGuidance, negative));
        String promptId = queue(endpoint, prompt);
        JsonNode entry = await(endpoint, promptId, deadline);
        JsonNode output = outputImage(entry, where, promptId);
        Picture edited = download(endpoint, output);
        List<String> notes = new ArrayList<>();
        StringBuilder note = new StringBuilder("comfyui: ")
                .append(workflow.name())
                .append(" at ")
                .append(HttpFailures.redact(endpoint))
                .append(", prompt ")
                .append(promptId);
        if (workflow.has(ComfyUiWorkflow.SEED)) {
            note.append(", seed ").append(Long.toUnsignedString(call.seed()));
        }
        if (workflow.has(ComfyUiWorkflow.STEPS)) {
            note.append(", ").append(callSteps).append(" steps");
        }
        if (workflow.has(ComfyUiWorkflow.GUIDANCE)) {
            note.append(", guidance ").append(callGuidance);
        }
        notes.add(note.toString());
        return EditedImages.atSourceSize(call.image(), edited, notes, Usage.NONE);
    }

    /** Checks the workflow against the endpoint's {@code /object_info}, once per endpoint. */
    ObjectInfoCheck.Result ensureChecked(URI endpoint) {
        ObjectInfoCheck.Result done = checked.get(endpoint);
        if (done != null) {
            return done;
        }
        ObjectInfoCheck.Result result = check(endpoint);
        if (!result.ok()) {
            throw new InvalidInputException(String.join("; ", result.problems()));
        }
        checked.put(endpoint, result);
        return result;
    }

    /** The check of the workflow against an endpoint's {@code /object_info}, without caching or throwing on it. */
    ObjectInfoCheck.Result check(URI endpoint) {
        HttpReply reply = http.get(HttpTransport.resolve(endpoint, "object_info"));
        JsonNode info = reply.json();
        if (!info.isObject()) {
            throw reply.unexpected("the node types of /object_info");
        }
        return ObjectInfoCheck.check(info, workflow, "ComfyUI at " + HttpFailures.redact(endpoint));
    }

    private String upload(URI endpoint, Picture image) {
        Multipart form = new Multipart()
                .file("image", "editloop-" + UUID.randomUUID() + ".png", "image/png", image.png())
                .field("overwrite", "true")
                .field("type", "input");
        HttpReply reply = http.postMultipart(HttpTransport.resolve(endpoint, "upload/image"), form);
        JsonNode json = reply.json();
        String name = json.path("name").asText("");
        if (name.isEmpty()) {
            throw reply.unexpected("the uploaded image's name");
        }
        String subfolder = json.path("subfolder").asText("");
        return subfolder.isEmpty() ? name : subfolder + "/" + name;
    }

    private String queue(URI endpoint, ObjectNode prompt) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("prompt", prompt);
        body.put("client_id", clientId);
        HttpReply reply = http.postJson(
                HttpTransport.resolve(endpoint, "prompt"), ComfyUiWorkflow.toJson(body), status -> status == 400);
        if (reply.status() == 400) {
            throw ComfyUiErrors.rejected(
                    reply,
                    HttpFailures.where(KIND, endpoint),
                    "ComfyUI at " + HttpFailures.redact(endpoint),
                    workflow,
                    prompt);
        }
        JsonNode json = reply.json();
        String id = json.path("prompt_id").asText("");
        if (id.isEmpty()) {
            throw reply.unexpected("a prompt_id");
        }
        return id;
    }

    private JsonNode await(URI endpoint, String promptId, long deadline) {
        URI url = HttpTransport.resolve(endpoint, "history/" + encode(promptId));
        while (true) {
            HttpReply reply = http.get(url);
            JsonNode json = reply.json();
            JsonNode entry = json.get(promptId);
            if (entry != null && entry.isObject()) {
                JsonNode status = entry.path("status");
                if (status.path("status_str").asText("").equals("error")) {
                    throw ComfyUiErrors.failed(entry, HttpFailures.where(KIND, endpoint), workflow, promptId);
                }
                if (status.isMissingNode() || status.path("completed").asBoolean(false) || entry.has("outputs")) {
                    return entry;
                }
            } else if (!json.isObject()) {
                throw reply.unexpected("the prompt's history (a JSON object)");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                cancel(endpoint, promptId);
                throw new RetriableException(HttpFailures.where(KIND, endpoint) + ": prompt " + promptId
                        + " did not finish within " + seconds(settings.timeout())
                        + " (a long queue or a slow GPU: raise timeout=SECONDS)");
            }
            try {
                Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NonRetriableException(
                        HttpFailures.where(KIND, endpoint) + ": interrupted while waiting for prompt " + promptId, e);
            }
        }
    }

    private void cancel(URI endpoint, String promptId) {
        try {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putArray("delete").add(promptId);
            http.postJson(HttpTransport.resolve(endpoint, "queue"), ComfyUiWorkflow.toJson(body));
        } catch (EditLoopException e) {
            LOG.debug("could not remove prompt {} from the queue at {}: {}", promptId, endpoint, e.getMessage());
        }
    }

    private JsonNode outputImage(JsonNode entry, String where, String promptId) {
        JsonNode images = entry.path("outputs").path(workflow.saveNode()).path("images");
        if (!images.isArray()
                || images.isEmpty()
                || !images.get(0).path("filename").isTextual()) {
            throw new NonRetriableException(where + ": " + workflow.source() + " finished (prompt " + promptId
                    + ") but its SaveImage node " + workflow.saveNode() + " produced no image");
        }
        return images.get(0);
    }

    private Picture download(URI endpoint, JsonNode image) {
        String query = "filename=" + encode(image.path("filename").asText())
                + "&subfolder=" + encode(image.path("subfolder").asText(""))
                + "&type=" + encode(image.path("type").asText("output"));
        HttpReply reply = http.get(URI.create(HttpTransport.resolve(endpoint, "view") + "?" + query));
        return EditedImages.decode(reply);
    }

    private boolean healthy(URI endpoint) {
        http.get(HttpTransport.resolve(endpoint, "system_stats"));
        return true;
    }

    @Override
    public EditorCapabilities capabilities() {
        return new EditorCapabilities(
                false,
                false,
                workflow.has(ComfyUiWorkflow.SEED),
                workflow.has(ComfyUiWorkflow.STEPS) || workflow.has(ComfyUiWorkflow.GUIDANCE));
    }

    /**
     * Kind {@code comfyui}, the endpoints, {@code workflow} (its name) and {@code workflow_sha256} (of the workflow's
     * JSON as parsed), the {@code steps} and {@code guidance} it fills in, the SHA-256 of its negative prompt, and
     * {@code seed} ({@code per-call} when the workflow takes the run's seed, else {@code unused}).
     */
    @Override
    public BackendIdentity identity() {
        Map<String, Object> params = new java.util.TreeMap<>();
        params.put("workflow", workflow.name());
        params.put("workflow_sha256", BackendIdentity.sha256(ComfyUiWorkflow.toJson(workflow.graph())));
        if (workflow.has(ComfyUiWorkflow.STEPS)) {
            params.put("steps", steps);
        }
        if (workflow.has(ComfyUiWorkflow.GUIDANCE)) {
            params.put("guidance", guidance);
        }
        if (workflow.has(ComfyUiWorkflow.NEGATIVE_PROMPT)) {
            params.put("negative_prompt_sha256", BackendIdentity.sha256(negativePrompt));
        }
        params.put("seed", workflow.has(ComfyUiWorkflow.SEED) ? "per-call" : "unused");
        List<String> endpoints =
                settings.endpoints().stream().map(HttpFailures::redact).toList();
        return BackendIdentity.of(KIND, null, endpoints, params);
    }

    @Override
    public String describe() {
        return identity().display();
    }

    /** The workflow this editor runs. */
    public ComfyUiWorkflow workflow() {
        return workflow;
    }

    /** The settings read from the spec. */
    RemoteSettings settings() {
        return settings;
    }

    /** The HTTP client (for the provider's probe). */
    HttpTransport http() {
        return http;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static Integer intOption(EditCall call, Integer fallback, String... names) {
        for (String name : names) {
            String text = call.options().get(name);
            if (text != null) {
                try {
                    int value = Integer.parseInt(text.strip());
                    if (value >= 1 && value <= 10_000) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new InvalidInputException(
                        "comfyui: option " + name + "=" + text + " is not a whole number within 1..10000");
            }
        }
        return fallback;
    }

    private static Double doubleOption(EditCall call, Double fallback, String... names) {
        for (String name : names) {
            String text = call.options().get(name);
            if (text != null) {
                try {
                    double value = Double.parseDouble(text.strip());
                    if (value >= 0 && value <= 100) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new InvalidInputException(
                        "comfyui: option " + name + "=" + text + " is not a number within 0..100");
            }
        }
        return fallback;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
