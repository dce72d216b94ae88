package dev.editloop.editors.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.EditResult;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.EditedImages;
import dev.editloop.editors.HttpEditor;
import dev.editloop.remote.HttpFailures;
import dev.editloop.remote.HttpReply;
import dev.editloop.remote.HttpTransport;
import dev.editloop.remote.Multipart;
import dev.editloop.remote.RemoteSettings;
import java.io.IOException;
import java.net.ConnectException;
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
 * An editor that runs a ComfyUI workflow (spec {@code comfyui:http://host:8188?workflow=FILE}): it uploads the source
 * ({@code POST /upload/image}), fills the workflow's placeholders, queues it under a prompt id of its own
 * ({@code POST /prompt}), polls {@code GET /history/{prompt_id}} until it is done, and downloads the SaveImage node's
 * output ({@code GET /view}), returned at the source's size.
 *
 * <p>A prompt EditLoop gives up on is stopped on the server, so that it neither holds the GPU nor delays the retry
 * queued behind it: {@code POST /queue {"delete": [id]}} removes it while it waits, and {@code POST /interrupt
 * {"prompt_id": id}} stops it once it runs (ComfyUI ignores a queue delete for the running prompt). That happens when
 * the prompt runs past {@code timeout} (the editor then follows {@code GET /queue} for up to {@link #STOP_WAIT} until
 * the server has let go of it), when the calling thread is interrupted (a cancelled run: the call ends at once), and
 * when the editor is closed with prompts in flight.
 *
 * <p>Before the first edit on each endpoint it checks the workflow against {@code GET /object_info} (node types and
 * model files), once. Several URLs form a pool: all requests of one edit go to the same endpoint. Thread-safe.
 */
public final class ComfyUiEditor extends HttpEditor {
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
    /** How long a prompt stopped after its timeout is followed until the server has let go of it. */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);
    /** How long a cancelled call or {@link #close()} waits for its stop requests before it returns anyway. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(ComfyUiEditor.class);

    private final ComfyUiWorkflow workflow;
    private final Integer steps;
    private final Double guidance;
    private final String negativePrompt;
    private final Duration poll;
    private final String clientId = UUID.randomUUID().toString();
    // endpoints whose /object_info already passed the workflow; a failed check is not cached, so a model file
    // added later is found on the next edit
    private final Map<URI, ObjectInfoCheck.Result> checked = new ConcurrentHashMap<>();
    // the prompts queued by edits still running, and where: stopped when the editor is closed
    private final Map<String, URI> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * An editor for a spec.
     *
     * @param env the environment {@code key_env} is read from ({@link System#getenv()} outside tests)
     * @throws InvalidInputException when the spec has no URL, an unknown or malformed parameter, or the workflow
     *     cannot be used
     */
    public ComfyUiEditor(BackendSpec spec, Map<String, String> env) {
        super(spec, settings(spec, env), HttpTransport.Auth.bearer());
        try {
            this.workflow = ComfyUiWorkflow.load(spec.param("workflow"));
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
                throw new InvalidInputException("comfyui: " + workflow.source()
                        + " uses {{steps}} but sets no default: add steps=N to the spec");
            }
            if (workflow.has(ComfyUiWorkflow.GUIDANCE) && guidance == null) {
                throw new InvalidInputException("comfyui: " + workflow.source()
                        + " uses {{guidance}} but sets no default: add guidance=X to the spec");
            }
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    private static RemoteSettings settings(BackendSpec spec, Map<String, String> env) {
        checkParameters(spec);
        return RemoteSettings.from(spec, null, null, DEFAULT_TIMEOUT, env);
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
    protected EditResult editAt(URI endpoint, EditCall call) {
        Integer callSteps = intOption(call, steps, "num_inference_steps", "steps");
        Double callGuidance = doubleOption(call, guidance, "guidance_scale", "guidance");
        String negative = call.options().getOrDefault("negative_prompt", negativePrompt);
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        String where = HttpFailures.where(KIND, endpoint);
        if (closed) {
            throw new NonRetriableException(where + ": the editor is closed");
        }
        ensureChecked(endpoint);
        String image = upload(endpoint, call.image());
        String mask = null;
        if (workflow.takesMask()) {
            // no mask: an all-white one, so that the whole picture may change
            Picture m = call.mask() != null
                    ? call.mask()
                    : Picture.solid(call.image().width(), call.image().height(), java.awt.Color.WHITE);
            mask = upload(endpoint, m);
        }
        List<String> references = new ArrayList<>();
        for (Picture reference : call.references()) {
            references.add(upload(endpoint, reference));
        }
        ObjectNode prompt = workflow.fill(new ComfyUiWorkflow.Filling(
                image, call.instruction(), call.seed(), callSteps, callGuidance, negative, mask, references));
        String promptId = follow(endpoint, prompt);
        JsonNode entry;
        try {
            entry = await(endpoint, promptId, deadline);
        } finally {
            inFlight.remove(promptId);
        }
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

    /**
     * Queues the prompt under an id of EditLoop's own (ComfyUI takes a client's {@code prompt_id}), so that a prompt
     * whose {@code /prompt} reply never came can still be stopped; returns the id the server reports.
     */
    private String follow(URI endpoint, ObjectNode prompt) {
        String ours = UUID.randomUUID().toString();
        inFlight.put(ours, endpoint);
        String id;
        try {
            id = queue(endpoint, prompt, ours);
        } catch (RuntimeException e) {
            inFlight.remove(ours);
            if (Thread.currentThread().isInterrupted()) {
                stopWhileCancelled(endpoint, ours);
                throw cancelled(HttpFailures.where(KIND, endpoint), ours, e);
            }
            if (e.getCause() instanceof IOException io && !(io instanceof ConnectException)) {
                stop(endpoint, ours); // no reply (a timeout, a dropped connection), but the server may have queued it
            }
            throw e;
        }
        if (!id.equals(ours)) {
            inFlight.remove(ours);
            inFlight.put(id, endpoint);
        }
        return id;
    }

    /** Checks the workflow against the endpoint's {@code /object_info}, once per endpoint. */
    ObjectInfoCheck.Result ensureChecked(URI endpoint) {
        ObjectInfoCheck.Result done = checked.get(endpoint);
        if (done != null) {
            return done;
        }
        ObjectInfoCheck.Result result = checkWorkflow(endpoint);
        if (!result.ok()) {
            throw new InvalidInputException(String.join("; ", result.problems()));
        }
        checked.put(endpoint, result);
        return result;
    }

    /** The check of the workflow against an endpoint's {@code /object_info}, without caching or throwing on it. */
    ObjectInfoCheck.Result checkWorkflow(URI endpoint) {
        HttpReply reply = transport.get(HttpTransport.resolve(endpoint, "object_info"));
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
        HttpReply reply = transport.postMultipart(HttpTransport.resolve(endpoint, "upload/image"), form);
        JsonNode json = reply.json();
        String name = json.path("name").asText("");
        if (name.isEmpty()) {
            throw reply.unexpected("the uploaded image's name");
        }
        String subfolder = json.path("subfolder").asText("");
        return subfolder.isEmpty() ? name : subfolder + "/" + name;
    }

    private String queue(URI endpoint, ObjectNode prompt, String promptId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("prompt", prompt);
        body.put("client_id", clientId);
        body.put("prompt_id", promptId);
        HttpReply reply = transport.postJson(
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

    /**
     * Polls the prompt's history until it is done. Past the deadline the prompt is stopped on the server; when the
     * thread is interrupted or the editor closed, it is stopped and the call ends at once.
     */
    private JsonNode await(URI endpoint, String promptId, long deadline) {
        URI url = HttpTransport.resolve(endpoint, "history/" + encode(promptId));
        String where = HttpFailures.where(KIND, endpoint);
        while (true) {
            try {
                JsonNode entry = finished(transport.get(url), promptId, where);
                if (entry != null) {
                    return entry;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw timedOut(endpoint, promptId);
                }
                Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopWhileCancelled(endpoint, promptId);
                throw cancelled(where, promptId, e);
            } catch (RuntimeException e) {
                if (closed) {
                    throw closedWhileRunning(where, promptId, e);
                }
                if (Thread.currentThread().isInterrupted()) {
                    stopWhileCancelled(endpoint, promptId);
                    throw cancelled(where, promptId, e);
                }
                throw e;
            }
            if (closed) {
                throw closedWhileRunning(where, promptId, null);
            }
        }
    }

    /** The prompt's history entry once it is done, null while it waits or runs; a failed prompt throws. */
    private JsonNode finished(HttpReply reply, String promptId, String where) {
        JsonNode json = reply.json();
        JsonNode entry = json.get(promptId);
        if (entry == null || !entry.isObject()) {
            if (!json.isObject()) {
                throw reply.unexpected("the prompt's history (a JSON object)");
            }
            return null;
        }
        JsonNode status = entry.path("status");
        if (status.path("status_str").asText("").equals("error")) {
            throw ComfyUiErrors.failed(entry, where, workflow, promptId);
        }
        if (status.isMissingNode() || status.path("completed").asBoolean(false) || entry.has("outputs")) {
            return entry;
        }
        return null;
    }

    private static NonRetriableException closedWhileRunning(String where, String promptId, Exception cause) {
        return new NonRetriableException(
                where + ": the editor was closed while prompt " + promptId + " ran; it was stopped on the server",
                cause);
    }

    private static NonRetriableException cancelled(String where, String promptId, Exception cause) {
        return new NonRetriableException(
                where + ": interrupted while prompt " + promptId + " ran; it was stopped on the server", cause);
    }

    /**
     * Stops a prompt past its timeout and follows the server's queue until it has let go of it, so that a retry does
     * not queue behind it; the exception says what was done.
     */
    private RetriableException timedOut(URI endpoint, String promptId) {
        String where = HttpFailures.where(KIND, endpoint);
        stop(endpoint, promptId);
        String fate;
        long until = System.nanoTime() + STOP_WAIT.toNanos();
        while (true) {
            String state = queueState(endpoint, promptId);
            if (state == null || state.equals("gone")) {
                fate = state == null ? "the server was asked to stop it" : "it was stopped on the server";
                break;
            }
            if (System.nanoTime() - until >= 0) {
                LOG.warn(
                        "{}: prompt {} is still {} {} after an interrupt (a node that cannot be interrupted);"
                                + " it will finish on its own",
                        where,
                        promptId,
                        state,
                        seconds(STOP_WAIT));
                fate = "the server was asked to stop it, but it was still " + state + " " + seconds(STOP_WAIT)
                        + " later";
                break;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(poll.toMillis(), 100)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fate = "the server was asked to stop it";
                break;
            }
        }
        return new RetriableException(where + ": prompt " + promptId + " did not finish within "
                + seconds(settings.timeout()) + " (a long queue or a slow GPU: raise timeout=SECONDS); " + fate);
    }

    /** Where a prompt is in the server's queue: {@code running}, {@code pending}, {@code gone}, or null if unknown. */
    private String queueState(URI endpoint, String promptId) {
        try {
            JsonNode queue =
                    transport.get(HttpTransport.resolve(endpoint, "queue")).json();
            if (listed(queue.path("queue_running"), promptId)) {
                return "running";
            }
            return listed(queue.path("queue_pending"), promptId) ? "pending" : "gone";
        } catch (EditLoopException e) {
            LOG.debug("could not read the queue at {}: {}", HttpFailures.redact(endpoint), e.getMessage());
            return null;
        }
    }

    private static boolean listed(JsonNode items, String promptId) {
        for (JsonNode item : items) {
            if (item.isArray() && item.size() > 1 && item.get(1).asText().equals(promptId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops a prompt on the server: removes it from the queue if it waits ({@code POST /queue}) and interrupts it if
     * it runs ({@code POST /interrupt} with its id, which leaves any other prompt alone). Failures are logged only.
     */
    private void stop(URI endpoint, String promptId) {
        ObjectNode delete = JsonNodeFactory.instance.objectNode();
        delete.putArray("delete").add(promptId);
        ObjectNode interrupt = JsonNodeFactory.instance.objectNode().put("prompt_id", promptId);
        try {
            transport.postJson(HttpTransport.resolve(endpoint, "queue"), ComfyUiWorkflow.toJson(delete));
            transport.postJson(HttpTransport.resolve(endpoint, "interrupt"), ComfyUiWorkflow.toJson(interrupt));
        } catch (EditLoopException e) {
            LOG.warn("{}: could not stop prompt {}: {}", HttpFailures.where(KIND, endpoint), promptId, e.getMessage());
        }
    }

    /**
     * Stops a prompt from a thread that was interrupted: the requests go out on a thread of their own, and this one
     * waits for them at most {@link #CANCEL_WAIT}, then keeps its interrupt status.
     */
    private void stopWhileCancelled(URI endpoint, String promptId) {
        boolean interrupted = Thread.interrupted();
        try {
            Thread stopper = Thread.ofVirtual().name("comfyui-stop-" + promptId).start(() -> stop(endpoint, promptId));
            stopper.join(CANCEL_WAIT);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            inFlight.remove(promptId);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
        HttpReply reply = transport.get(URI.create(HttpTransport.resolve(endpoint, "view") + "?" + query));
        return EditedImages.decode(reply);
    }

    /** A rested endpoint serves again once {@code GET /system_stats} answers. */
    @Override
    protected boolean healthy(URI endpoint) {
        transport.get(HttpTransport.resolve(endpoint, "system_stats"));
        return true;
    }

    @Override
    public EditorCapabilities capabilities() {
        return new EditorCapabilities(
                workflow.takesMask(),
                workflow.maxImages() > 1,
                workflow.has(ComfyUiWorkflow.SEED),
                workflow.has(ComfyUiWorkflow.STEPS) || workflow.has(ComfyUiWorkflow.GUIDANCE),
                workflow.maxImages());
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

    /**
     * One row per endpoint: reachable ({@code GET /system_stats}, whose time is the round trip), authenticated (only
     * when {@code key_env} is set), model present (the workflow's node types and model files in
     * {@code GET /object_info}).
     */
    @Override
    public List<BackendCheck> check() {
        List<BackendCheck> rows = new ArrayList<>();
        for (URI endpoint : settings.endpoints()) {
            rows.add(check(endpoint));
        }
        return rows;
    }

    private BackendCheck check(URI endpoint) {
        String display = spec.display();
        String shown = endpoint.toString();
        HttpReply stats;
        try {
            stats = transport.get(HttpTransport.resolve(endpoint, "system_stats"));
        } catch (EditLoopException e) {
            if (e.getMessage().contains("authentication failed")) {
                return new BackendCheck(display, shown, Status.OK, Status.FAILED, Status.UNKNOWN, null, e.getMessage());
            }
            return BackendCheck.unreachable(display, shown, e.getMessage());
        }
        Status auth = spec.param("key_env") != null ? Status.OK : Status.NOT_APPLICABLE;
        try {
            ObjectInfoCheck.Result result = checkWorkflow(endpoint);
            if (!result.ok()) {
                return new BackendCheck(
                        display,
                        shown,
                        Status.OK,
                        auth,
                        Status.FAILED,
                        stats.elapsedMillis(),
                        String.join("; ", result.problems()));
            }
            return new BackendCheck(
                    display,
                    shown,
                    Status.OK,
                    auth,
                    Status.OK,
                    stats.elapsedMillis(),
                    version(stats) + "workflow " + workflow.name() + ": " + result.nodeTypes() + " node types and "
                            + result.modelFiles() + " model files present");
        } catch (EditLoopException e) {
            return new BackendCheck(
                    display, shown, Status.OK, auth, Status.UNKNOWN, stats.elapsedMillis(), e.getMessage());
        }
    }

    private static String version(HttpReply stats) {
        try {
            String v = stats.json().path("system").path("comfyui_version").asText("");
            return v.isEmpty() ? "" : "ComfyUI " + v + ", ";
        } catch (EditLoopException e) {
            return "";
        }
    }

    /** The workflow this editor runs. */
    public ComfyUiWorkflow workflow() {
        return workflow;
    }

    /**
     * Stops the prompts of edits still in flight on their servers (waiting at most {@link #CANCEL_WAIT}); those edits
     * then fail with "the editor was closed"; then closes the transport.
     */
    @Override
    public void close() {
        closed = true;
        List<Thread> stoppers = new ArrayList<>();
        inFlight.forEach((promptId, endpoint) -> stoppers.add(
                Thread.ofVirtual().name("comfyui-stop-" + promptId).start(() -> stop(endpoint, promptId))));
        long until = System.nanoTime() + CANCEL_WAIT.toNanos();
        boolean interrupted = false;
        for (Thread stopper : stoppers) {
            long left = until - System.nanoTime();
            try {
                if (left > 0 && !interrupted) {
                    stopper.join(Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        super.close();
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
