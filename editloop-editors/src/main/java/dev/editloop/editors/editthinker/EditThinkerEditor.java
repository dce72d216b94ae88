package dev.editloop.editors.editthinker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.EditResult;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.editors.EditedImages;
import dev.editloop.editors.HttpEditor;
import dev.editloop.editors.RemoteChecks;
import dev.editloop.remote.HttpFailures;
import dev.editloop.remote.HttpReply;
import dev.editloop.remote.HttpTransport;
import dev.editloop.remote.RemoteSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An editor over the EditThinker editor-server protocol: {@code POST {url}/edit} with JSON {@code {"image": base64
 * PNG, "prompt", "seed", "guidance_scale", "num_inference_steps", "enhance_prompt": false}}, answering {@code
 * {"success": true, "edited_image": base64}}; {@code GET {url}/health} serves the pool's health probe and {@code
 * backends check}.
 *
 * <p>Steps and guidance come from {@code steps}/{@code guidance} (or {@code num_inference_steps}/{@code
 * guidance_scale}), else from the {@code preset}, else the server's own defaults (they are then not sent). The
 * server's prompt enhancer stays off unless {@code enhance_prompt=true}: rewriting the instruction is the thinker's
 * job. Several URLs form a pool (the servers run one process per model, one worker per GPU).
 *
 * <p>Thread-safe: the transport and the pool are; every other field is fixed at creation.
 */
public final class EditThinkerEditor extends HttpEditor {
    /** The spec kind. */
    public static final String KIND = "editthinker-http";
    /** The request limit unless {@code timeout} sets another: the servers' own task timeout is 300–600 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String preset;
    private final Integer steps;
    private final Double guidance;
    private final boolean enhancePrompt;
    private final boolean checkEdit;

    /**
     * An editor for a spec.
     *
     * @param env the environment a key named by {@code key_env} is read from
     * @throws dev.editloop.core.InvalidInputException when no URL is given or a parameter is malformed
     */
    public EditThinkerEditor(BackendSpec spec, Map<String, String> env) {
        super(spec, RemoteSettings.from(spec, null, null, DEFAULT_TIMEOUT, env), HttpTransport.Auth.bearer());
        EditThinkerPreset preset = spec.param("preset") == null ? null : EditThinkerPreset.of(spec.param("preset"));
        this.preset = preset == null ? null : preset.label();
        String stepsName = RemoteChecks.firstParam(spec, List.of("steps", "num_inference_steps"));
        this.steps = stepsName != null
                ? Integer.valueOf(spec.intParam(stepsName, 1, 1000))
                : preset == null ? null : preset.steps();
        String guidanceName = RemoteChecks.firstParam(spec, List.of("guidance", "guidance_scale"));
        this.guidance = guidanceName != null
                ? Double.valueOf(spec.doubleParam(guidanceName, 0, 100))
                : preset == null ? null : preset.guidance();
        this.enhancePrompt = RemoteChecks.flag(spec, "enhance_prompt", false);
        this.checkEdit = RemoteChecks.flag(spec, "check_edit", false);
    }

    @Override
    public EditorCapabilities capabilities() {
        return new EditorCapabilities(false, false, true, true);
    }

    /**
     * The sampler settings as sent: {@code preset} (when named), {@code steps} and {@code guidance} ({@code
     * server-default} when neither the spec nor the preset sets them), {@code enhance_prompt}, and {@code seed}
     * {@code per-call} (the run's seed is always sent).
     */
    @Override
    protected Map<String, ?> identityParams() {
        Map<String, Object> params = new TreeMap<>();
        if (preset != null) {
            params.put("preset", preset);
        }
        params.put("steps", steps == null ? "server-default" : steps);
        params.put("guidance", guidance == null ? "server-default" : guidance);
        params.put("enhance_prompt", enhancePrompt);
        params.put("seed", "per-call");
        return params;
    }

    /** The request body for a call (tests read it). */
    ObjectNode body(EditCall call) {
        ObjectNode body = JSON.createObjectNode();
        body.put("image", Base64.getEncoder().encodeToString(call.image().png()));
        body.put("prompt", call.instruction());
        body.put("seed", RemoteChecks.wireSeed(call.seed()));
        if (guidance != null) {
            body.put("guidance_scale", guidance);
        }
        if (steps != null) {
            body.put("num_inference_steps", steps);
        }
        body.put("enhance_prompt", enhancePrompt);
        call.options().forEach((k, v) -> {
            if (!k.equals("image")) {
                body.set(k, typed(v));
            }
        });
        return body;
    }

    @Override
    protected EditResult editAt(URI endpoint, EditCall call) {
        HttpReply reply = transport.postJson(
                HttpTransport.resolve(endpoint, "edit"), body(call).toString());
        JsonNode json = reply.json();
        if (!json.isObject()) {
            throw reply.unexpected("a JSON object with success and edited_image");
        }
        if (json.has("success") && !json.path("success").asBoolean(false)) {
            String said = firstText(json, "error", "message", "detail");
            throw new NonRetriableException(settings.key()
                    .redact(HttpFailures.where(KIND, reply.endpoint()) + ": the server could not edit the image"
                            + (said == null ? " (it gave no reason)" : ": " + oneLine(said))));
        }
        if (!json.hasNonNull("edited_image")) {
            throw reply.problem("the reply holds no edited_image");
        }
        Picture edited = EditedImages.decodeBase64(json.get("edited_image").asText(), KIND, reply.endpoint());
        List<String> notes = new ArrayList<>();
        String enhanced = json.path("enhanced_prompt").asText("");
        if (!enhanced.isBlank() && !enhanced.equals("null") && !enhanced.equals(call.instruction())) {
            notes.add("the server enhanced the prompt to: " + oneLine(enhanced));
        }
        return EditedImages.atSourceSize(call.image(), edited, notes, Usage.NONE);
    }

    /** The pool's probe: {@code GET /health} answers and does not report its GPU workers as not ready. */
    @Override
    protected boolean healthy(URI endpoint) {
        JsonNode health =
                transport.get(HttpTransport.resolve(endpoint, "health")).json();
        return health.path("gpu_manager_ready").asBoolean(true);
    }

    /** Probes every endpoint: {@code GET /health}, and one timed 64x64 edit with {@code check_edit=true}. */
    @Override
    public List<BackendCheck> check() {
        return settings.endpoints().stream().map(this::check).toList();
    }

    private BackendCheck check(URI endpoint) {
        String where = HttpFailures.redact(endpoint);
        Status auth = settings.key().present() ? Status.OK : Status.NOT_APPLICABLE;
        JsonNode health;
        try {
            health = transport.get(HttpTransport.resolve(endpoint, "health")).json();
        } catch (EditLoopException e) {
            return RemoteChecks.failed(spec.display(), endpoint, e, "GET /health: ");
        }
        JsonNode ready = health.path("gpu_manager_ready");
        if (ready.isBoolean() && !ready.asBoolean()) {
            return new BackendCheck(
                    spec.display(),
                    where,
                    Status.OK,
                    auth,
                    Status.FAILED,
                    null,
                    "the server's GPU workers are not ready (gpu_manager_ready=false): check the server's log for the"
                            + " model path and GPU errors");
        }
        Status model = ready.isBoolean() ? Status.OK : Status.UNKNOWN;
        String detail = ready.isBoolean() ? "GPU workers ready" : "healthy";
        if (!checkEdit) {
            return new BackendCheck(
                    spec.display(),
                    where,
                    Status.OK,
                    auth,
                    model,
                    null,
                    detail + "; no edit made (check_edit=true times one 64x64 edit)");
        }
        long start = System.nanoTime();
        try {
            editAt(endpoint, EditCall.of(RemoteChecks.probeImage(), "make it slightly brighter", 0));
        } catch (EditLoopException e) {
            return RemoteChecks.failed(spec.display(), endpoint, e, "the test edit failed: ");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new BackendCheck(spec.display(), where, Status.OK, auth, Status.OK, millis, detail + "; one 64x64 edit");
    }

    /** An option value as JSON: a number or a boolean when it reads as one, else a string. */
    static JsonNode typed(String value) {
        String v = value.strip();
        if (v.equals("true") || v.equals("false")) {
            return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(v));
        }
        try {
            return JSON.getNodeFactory().numberNode(Long.parseLong(v));
        } catch (NumberFormatException e) {
            // not a whole number
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && !v.endsWith("d") && !v.endsWith("f")) {
                return JSON.getNodeFactory().numberNode(d);
            }
        } catch (NumberFormatException e) {
            // not a number
        }
        return JSON.getNodeFactory().textNode(value);
    }

    private static String firstText(JsonNode json, String... names) {
        for (String name : names) {
            JsonNode node = json.get(name);
            if (node != null && !node.isNull()) {
                String text = node.isTextual() ? node.asText() : node.toString();
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        String squashed = text.replaceAll("\\s+", " ").strip();
        return squashed.length() <= 200 ? squashed : squashed.substring(0, 200) + "…";
    }
}
