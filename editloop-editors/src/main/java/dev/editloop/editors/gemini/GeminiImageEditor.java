package dev.editloop.editors.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.EditResult;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.InvalidInputException;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An editor over Gemini's {@code generateContent}: {@code POST {base}/v1beta/models/{model}:generateContent} with the
 * key in {@code x-goog-api-key}, the instruction and the image as an {@code inline_data} PNG part, and
 * {@code generationConfig.responseModalities} asking for an image; it reads the first image part of
 * {@code candidates[0].content.parts} (spelt {@code inlineData} or {@code inline_data}).
 *
 * <p>Modalities default to {@code TEXT,IMAGE}, which every Gemini image model accepts (the 2.0 preview image model
 * refuses IMAGE alone) and which lets a refusal come back as text; {@code modalities=IMAGE} asks for the image only. A
 * reply with text only, a blocked prompt ({@code promptFeedback.blockReason}) or a safety stop is a
 * {@link NonRetriableException} quoting the reason. Gemini answers an invalid key with HTTP 400 (not 401): that
 * message names the key's variable too.
 *
 * <p>Thread-safe: the transport and the pool are; every other field is fixed at creation.
 */
public final class GeminiImageEditor extends HttpEditor {
    /** The spec kind. */
    public static final String KIND = "gemini-image";
    /** Used when the spec names no URL. */
    public static final String DEFAULT_ENDPOINT = "https://generativelanguage.googleapis.com";
    /** The key's environment variable unless {@code key_env} names another. */
    public static final String DEFAULT_KEY_ENV = "GEMINI_API_KEY";
    /** The model unless {@code model} names another. */
    public static final String DEFAULT_MODEL = "gemini-2.5-flash-image";
    /** The request limit unless {@code timeout} sets another. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATA_URI = Pattern.compile("data:(image/[a-zA-Z0-9.+-]+);base64,([A-Za-z0-9+/=\\s]+)");
    private static final List<String> BLOCKED_FINISH = List.of(
            "SAFETY",
            "IMAGE_SAFETY",
            "PROHIBITED_CONTENT",
            "BLOCKLIST",
            "SPII",
            "RECITATION",
            "IMAGE_PROHIBITED_CONTENT");

    private final String model;
    private final List<String> modalities;
    private final String aspectRatio;
    private final boolean sendSeed;
    private final boolean checkEdit;
    private final int maxImages;

    /**
     * An editor for a spec.
     *
     * @param env the environment the key is read from ({@link System#getenv()} outside tests)
     * @throws InvalidInputException when the key's variable is not set or a parameter is malformed
     */
    public GeminiImageEditor(BackendSpec spec, Map<String, String> env) {
        super(
                spec,
                RemoteSettings.from(spec, DEFAULT_ENDPOINT, DEFAULT_KEY_ENV, DEFAULT_TIMEOUT, env),
                HttpTransport.Auth.header("x-goog-api-key"));
        if (!settings.key().present()) {
            throw new InvalidInputException(
                    KIND + " needs an API key: " + settings.key().hint());
        }
        String name = spec.param("model", DEFAULT_MODEL).strip();
        this.model = name.startsWith("models/") ? name.substring("models/".length()) : name;
        if (model.isEmpty()) {
            throw new InvalidInputException(KIND + ": parameter model is empty (e.g. model=" + DEFAULT_MODEL + ")");
        }
        this.modalities = modalities(spec);
        this.aspectRatio = spec.param("aspect_ratio");
        this.sendSeed = RemoteChecks.flag(spec, "send_seed", false);
        this.checkEdit = RemoteChecks.flag(spec, "check_edit", false);
        this.maxImages = spec.param("max_images") == null
                ? defaultMaxImages(model)
                : spec.intParam("max_images", 1, MAX_IMAGES_LIMIT);
    }

    /** The most input images {@code max_images=} may declare. */
    static final int MAX_IMAGES_LIMIT = 14;

    /**
     * How many input images a model takes when the spec does not say ({@code max_images=N}): 14 for the Gemini 3 image
     * models, 3 for the others (Gemini 2.5 Flash Image works best with up to three).
     */
    static int defaultMaxImages(String model) {
        return model.toLowerCase(Locale.ROOT).startsWith("gemini-3") ? 14 : 3;
    }

    @Override
    public EditorCapabilities capabilities() {
        return new EditorCapabilities(false, maxImages > 1, false, false, maxImages);
    }

    @Override
    protected String model() {
        return model;
    }

    /**
     * The model's result-changing settings: {@code modalities}, {@code aspect_ratio} ({@code source} when none is
     * sent) and {@code seed}: {@code per-call} (the run's seed is sent) or {@code not-sent}.
     */
    @Override
    protected Map<String, ?> identityParams() {
        Map<String, Object> params = new TreeMap<>();
        params.put("modalities", String.join(",", modalities));
        params.put("aspect_ratio", aspectRatio == null ? "source" : aspectRatio);
        params.put("seed", sendSeed ? "per-call" : "not-sent");
        return params;
    }

    /** The request body for a call (tests read it). */
    ObjectNode body(EditCall call) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode content = body.putArray("contents").addObject();
        content.put("role", "user");
        ArrayNode parts = content.putArray("parts");
        parts.addObject().put("text", call.instruction());
        // the image to edit first, then the references, each as an inline part, in the request's order
        for (Picture image : call.images()) {
            parts.addObject()
                    .putObject("inline_data")
                    .put("mime_type", "image/png")
                    .put("data", Base64.getEncoder().encodeToString(image.png()));
        }
        ObjectNode config = body.putObject("generationConfig");
        ArrayNode wanted = config.putArray("responseModalities");
        modalities.forEach(wanted::add);
        if (aspectRatio != null && !aspectRatio.isBlank()) {
            config.putObject("imageConfig").put("aspectRatio", aspectRatio.strip());
        }
        if (sendSeed) {
            config.put("seed", RemoteChecks.wireSeed(call.seed()));
        }
        return body;
    }

    private URI url(URI endpoint, String tail) {
        String base = endpoint.toString();
        String api = base.endsWith("/v1beta") || base.endsWith("/v1") ? base : base + "/v1beta";
        return URI.create(api + "/models/" + model + tail);
    }

    @Override
    protected EditResult editAt(URI endpoint, EditCall call) {
        HttpReply reply;
        try {
            reply = transport.postJson(
                    url(endpoint, ":generateContent"), body(call).toString());
        } catch (EditLoopException e) {
            throw keyHint(e);
        }
        JsonNode json = reply.json();
        String where = HttpFailures.where(KIND, reply.endpoint());
        String blocked = json.path("promptFeedback").path("blockReason").asText("");
        if (!blocked.isBlank()) {
            String message =
                    json.path("promptFeedback").path("blockReasonMessage").asText("");
            throw new NonRetriableException(where + ": the prompt was blocked (" + blocked + ")"
                    + (message.isBlank() ? "" : ": " + oneLine(message)) + "; rephrase the instruction");
        }
        JsonNode candidate = json.path("candidates").path(0);
        if (candidate.isMissingNode()) {
            throw reply.problem("the reply holds no candidates");
        }
        List<String> texts = new ArrayList<>();
        Picture edited = null;
        for (JsonNode part : candidate.path("content").path("parts")) {
            JsonNode inline = part.has("inlineData") ? part.get("inlineData") : part.get("inline_data");
            if (inline != null && edited == null) {
                String mime = inline.has("mimeType")
                        ? inline.path("mimeType").asText("")
                        : inline.path("mime_type").asText("");
                if (mime.isEmpty() || mime.startsWith("image/")) {
                    edited = EditedImages.decodeBase64(inline.path("data").asText(""), KIND, reply.endpoint());
                }
            } else if (part.hasNonNull("text") && !part.path("thought").asBoolean(false)) {
                texts.add(part.get("text").asText());
            }
        }
        if (edited == null) {
            edited = fromText(texts, reply);
            if (edited != null) {
                texts.clear();
            }
        }
        String finish = candidate.path("finishReason").asText("");
        if (edited == null) {
            String said = texts.isEmpty() ? "" : ": '" + oneLine(String.join(" ", texts)) + "'";
            if (BLOCKED_FINISH.contains(finish.toUpperCase(Locale.ROOT))) {
                throw new NonRetriableException(where + ": the edit was blocked (finishReason " + finish + ")" + said
                        + "; rephrase the instruction");
            }
            throw new NonRetriableException(where + ": the model answered with text and no image"
                    + (texts.isEmpty()
                            ? " (an empty answer" + (finish.isBlank() ? "" : ", finishReason " + finish) + ")"
                            : said)
                    + "; check that " + model + " is an image model, or rephrase the instruction");
        }
        List<String> notes = new ArrayList<>();
        if (!texts.isEmpty()) {
            notes.add("the model said: " + oneLine(String.join(" ", texts)));
        }
        JsonNode usage = json.path("usageMetadata");
        Usage tokens = new Usage(
                Math.max(0, usage.path("promptTokenCount").asLong(0)),
                Math.max(0, usage.path("candidatesTokenCount").asLong(0)));
        return EditedImages.atSourceSize(call.image(), edited, notes, tokens);
    }

    /** An image some proxies put in a text part as a {@code data:image/…;base64,…} URI; null when there is none. */
    private static Picture fromText(List<String> texts, HttpReply reply) {
        for (String text : texts) {
            Matcher m = DATA_URI.matcher(text);
            if (m.find()) {
                return EditedImages.decodeBase64(m.group(2), KIND, reply.endpoint());
            }
        }
        return null;
    }

    /** Gemini answers a bad key with HTTP 400 API_KEY_INVALID: say which variable to check. */
    private EditLoopException keyHint(EditLoopException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (!e.retriable() && (message.contains("API key not valid") || message.contains("API_KEY_INVALID"))) {
            return new NonRetriableException(
                    settings.key().redact(message + "; " + settings.key().hint()), e);
        }
        return e;
    }

    /** Probes every endpoint: {@code GET {base}/v1beta/models/{model}}, and one timed 64x64 edit with {@code check_edit=true}. */
    @Override
    public List<BackendCheck> check() {
        return settings.endpoints().stream().map(this::check).toList();
    }

    private BackendCheck check(URI endpoint) {
        String where = HttpFailures.redact(endpoint);
        try {
            transport.get(url(endpoint, "")).json();
        } catch (EditLoopException e) {
            EditLoopException hinted = keyHint(e);
            if (hinted != e) {
                return new BackendCheck(
                        spec.display(),
                        where,
                        Status.OK,
                        Status.FAILED,
                        Status.UNKNOWN,
                        null,
                        "GET model: " + hinted.getMessage());
            }
            return RemoteChecks.failed(spec.display(), endpoint, e, "GET model: ");
        }
        String detail = "model " + model + " found";
        if (!checkEdit) {
            return new BackendCheck(
                    spec.display(),
                    where,
                    Status.OK,
                    Status.OK,
                    Status.OK,
                    null,
                    detail + "; no edit made (check_edit=true times one 64x64 edit, which is billed)");
        }
        long start = System.nanoTime();
        try {
            editAt(endpoint, EditCall.of(RemoteChecks.probeImage(), "make it slightly brighter", 0));
        } catch (EditLoopException e) {
            return RemoteChecks.failed(spec.display(), endpoint, e, "the test edit failed: ");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new BackendCheck(
                spec.display(), where, Status.OK, Status.OK, Status.OK, millis, detail + "; one 64x64 edit");
    }

    private static List<String> modalities(BackendSpec spec) {
        String value = spec.param("modalities", "TEXT,IMAGE");
        List<String> list = new ArrayList<>();
        for (String m : value.split(",")) {
            String v = m.strip().toUpperCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            if (!v.equals("TEXT") && !v.equals("IMAGE")) {
                throw new InvalidInputException(
                        KIND + ": parameter modalities=" + value + " may hold TEXT and IMAGE only");
            }
            if (!list.contains(v)) {
                list.add(v);
            }
        }
        if (!list.contains("IMAGE")) {
            throw new InvalidInputException(KIND + ": parameter modalities=" + value + " must include IMAGE");
        }
        return List.copyOf(list);
    }

    private static String oneLine(String text) {
        String squashed = text.replaceAll("\\s+", " ").strip();
        return squashed.length() <= 200 ? squashed : squashed.substring(0, 200) + "…";
    }
}
