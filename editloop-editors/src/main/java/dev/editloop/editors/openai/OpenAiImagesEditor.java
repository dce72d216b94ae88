package dev.editloop.editors.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.EditResult;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.InvalidInputException;
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
import dev.editloop.remote.Multipart;
import dev.editloop.remote.RemoteSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * An editor over the OpenAI images edits protocol: {@code POST {base}/images/edits} with a multipart form ({@code
 * image}, optional {@code mask}, {@code prompt}, {@code model}, {@code n=1}, optional {@code size}, and pass-through
 * fields), reading {@code data[0].b64_json}.
 *
 * <p>Seeds: OpenAI's image models (GPT-Image, DALL·E) take no seed and OpenAI rejects fields it does not know (HTTP 400
 * "Unknown parameter"), whoever forwards the request (a proxy or gateway in front of gpt-image-1 gets the same 400). So
 * whether {@code seed} is sent depends on the model, not the host: never for a known OpenAI image model, always for
 * other models (vLLM-Omni and SGLang honour it), and {@code send_seed=true|false} overrides both. Masks follow OpenAI's convention: a PNG with alpha of the image's size,
 * transparent where the edit may happen; the white parts of {@link EditCall#mask()} become the transparent ones.
 *
 * <p>Several input images ({@link EditCall#references()}) go as {@code image[]} parts, the image to edit first (the
 * mask applies to it); one image goes as {@code image}, as before. How many a model takes: {@code max_images=N}
 * (1..16), else 16 for GPT-Image, 3 for Qwen-Image-Edit-2509 and later, 1 for any other model.
 *
 * <p>Thread-safe: the transport and the pool are; every other field is fixed at creation.
 */
public final class OpenAiImagesEditor extends HttpEditor {
    /** The spec kind. */
    public static final String KIND = "openai-images";
    /** Used when the spec names no URL. */
    public static final String DEFAULT_ENDPOINT = "https://api.openai.com/v1";
    /** The key's environment variable unless {@code key_env} names another. */
    public static final String DEFAULT_KEY_ENV = "OPENAI_API_KEY";
    /** The request limit unless {@code timeout} sets another: image models can take minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    private static final Pattern SIZE = Pattern.compile("\\d{2,5}x\\d{2,5}");
    private static final List<String> PASS_THROUGH =
            List.of("quality", "input_fidelity", "background", "negative_prompt", "true_cfg_scale");

    private final String model;
    private final String size;
    private final boolean sendSeed;
    private final Long fixedSeed;
    private final boolean checkEdit;
    private final Map<String, String> extras;
    private final int maxImages;

    /**
     * An editor for a spec.
     *
     * @param env the environment the key is read from ({@link System#getenv()} outside tests)
     * @throws InvalidInputException when the model is missing, a parameter is malformed, or api.openai.com is named
     *     and its key is not set
     */
    public OpenAiImagesEditor(BackendSpec spec, Map<String, String> env) {
        super(
                spec,
                RemoteSettings.from(spec, DEFAULT_ENDPOINT, DEFAULT_KEY_ENV, DEFAULT_TIMEOUT, env),
                HttpTransport.Auth.bearer());
        String name = spec.param("model");
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(KIND + ": no model given: add ?model=gpt-image-1 for OpenAI, or the model "
                    + "your server serves (e.g. model=Qwen/Qwen-Image-Edit-2511)");
        }
        this.model = name.strip();
        boolean hosted = settings.endpoints().stream().anyMatch(OpenAiImagesEditor::openAiHost);
        if (hosted && !settings.key().present()) {
            throw new InvalidInputException(KIND + " at " + DEFAULT_ENDPOINT + " needs an API key: "
                    + settings.key().hint());
        }
        this.size = size(spec);
        this.fixedSeed = spec.param("seed") == null ? null : parseSeed(spec);
        this.sendSeed = RemoteChecks.flag(spec, "send_seed", takesSeed(model));
        this.checkEdit = RemoteChecks.flag(spec, "check_edit", false);
        this.extras = extras(spec);
        this.maxImages = spec.param("max_images") == null
                ? defaultMaxImages(model)
                : spec.intParam("max_images", 1, MAX_IMAGES_LIMIT);
    }

    /** The most input images {@code max_images=} may declare. */
    static final int MAX_IMAGES_LIMIT = 16;

    /**
     * How many input images a model takes when the spec does not say ({@code max_images=N}): OpenAI's GPT-Image models
     * take up to 16 ({@code image[]}), Qwen-Image-Edit-2509 and later up to 3; every other model one.
     */
    static int defaultMaxImages(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/');
        String name = slash >= 0 ? m.substring(slash + 1) : m;
        if (name.startsWith("gpt-image") || name.startsWith("chatgpt-image")) {
            return 16;
        }
        if (name.matches("qwen-image-edit-25\\d\\d.*")) {
            return 3;
        }
        return 1;
    }

    @Override
    public EditorCapabilities capabilities() {
        return new EditorCapabilities(true, maxImages > 1, sendSeed, true, maxImages);
    }

    /**
     * The model's result-changing fields: {@code size} ({@code server-default} when none is sent), every extra field
     * as sent ({@code num_inference_steps}, {@code guidance_scale}, {@code quality}, {@code input_fidelity}…), and
     * {@code seed}: the fixed value, {@code per-call} (the run's seed is sent) or {@code not-sent}.
     */
    @Override
    protected Map<String, ?> identityParams() {
        Map<String, Object> params = new TreeMap<>(extras);
        params.put("size", size == null ? "server-default" : size);
        params.put("seed", !sendSeed ? "not-sent" : fixedSeed != null ? fixedSeed : "per-call");
        return params;
    }

    /** The form fields after the files, in the order they are sent (tests read it). */
    Map<String, String> fields(EditCall call) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("prompt", call.instruction());
        fields.put("model", model);
        fields.put("n", "1");
        if ("source".equals(size)) {
            fields.put("size", call.image().width() + "x" + call.image().height());
        } else if (size != null) {
            fields.put("size", size);
        }
        fields.putAll(extras);
        if (sendSeed) {
            fields.put("seed", Long.toString(fixedSeed != null ? fixedSeed : RemoteChecks.wireSeed(call.seed())));
        }
        call.options().forEach((k, v) -> {
            if (!k.equals("image") && !k.equals("mask")) {
                fields.put(k, v);
            }
        });
        return fields;
    }

    /** A rested endpoint serves again when the server answers HTTP at all. */
    @Override
    protected boolean healthy(URI endpoint) {
        return transport.answers("models").test(endpoint);
    }

    @Override
    protected EditResult editAt(URI endpoint, EditCall call) {
        Multipart form = new Multipart();
        if (call.references().isEmpty()) {
            form.file("image", "image.png", "image/png", call.image().png());
        } else {
            // several images go as image[], the image to edit first (the mask applies to it)
            List<Picture> images = call.images();
            for (int i = 0; i < images.size(); i++) {
                form.file(
                        "image[]",
                        "image-" + (i + 1) + ".png",
                        "image/png",
                        images.get(i).png());
            }
        }
        if (call.mask() != null) {
            form.file("mask", "mask.png", "image/png", maskPng(call.mask()));
        }
        fields(call).forEach(form::field);
        HttpReply reply = transport.postMultipart(HttpTransport.resolve(endpoint, "images/edits"), form);
        JsonNode json = reply.json();
        JsonNode data = json.path("data");
        if (!data.isArray() || data.isEmpty()) {
            String said = json.hasNonNull("error") ? "; the server said: " + json.get("error") : "";
            throw reply.problem(
                    "the reply holds no image (no data[0]); check that " + model + " is an image-editing model" + said);
        }
        JsonNode first = data.get(0);
        if (!first.hasNonNull("b64_json")) {
            if (first.hasNonNull("url")) {
                throw reply.problem("the reply holds an image URL only, not b64_json: ask the server for base64 "
                        + "with extra.response_format=b64_json");
            }
            throw reply.problem("the reply's data[0] holds no b64_json image");
        }
        Picture edited = EditedImages.decodeBase64(first.get("b64_json").asText(), KIND, reply.endpoint());
        List<String> notes = new ArrayList<>();
        String revised = first.path("revised_prompt").asText("");
        if (!revised.isBlank() && !revised.equals("null") && !revised.equals(call.instruction())) {
            notes.add("the server revised the prompt to: " + revised);
        }
        return EditedImages.atSourceSize(call.image(), edited, notes, usage(json.path("usage")));
    }

    /**
     * Probes every endpoint: {@code GET {base}/models} (reachable, key accepted, model listed), and one timed 64x64
     * edit only with {@code check_edit=true}, because an edit costs money on hosted APIs.
     */
    @Override
    public List<BackendCheck> check() {
        return settings.endpoints().stream().map(this::check).toList();
    }

    private BackendCheck check(URI endpoint) {
        String where = HttpFailures.redact(endpoint);
        Status auth = settings.key().present() ? Status.OK : Status.NOT_APPLICABLE;
        HttpReply reply = null;
        try {
            reply = transport.get(HttpTransport.resolve(endpoint, "models"));
        } catch (EditLoopException e) {
            if (RemoteChecks.status(e) != 404) {
                return RemoteChecks.failed(spec.display(), endpoint, e, "GET /models: ");
            }
        }
        Status modelStatus;
        String detail;
        if (reply == null) {
            modelStatus = Status.UNKNOWN;
            detail = "the server has no model list at " + HttpFailures.redact(HttpTransport.resolve(endpoint, "models"))
                    + " (SGLang's diffusion server lists its one model at /models of the root)";
        } else {
            try {
                JsonNode json = reply.json();
                List<String> ids = new ArrayList<>();
                json.path("data").forEach(m -> ids.add(m.path("id").asText()));
                if (ids.isEmpty() && json.hasNonNull("model_path")) {
                    ids.add(json.get("model_path").asText());
                }
                modelStatus = listed(ids);
                detail = switch (modelStatus) {
                    case OK -> "model " + model + " listed";
                    case UNKNOWN -> "the server lists no models";
                    default ->
                        "model " + model + " is not among the server's models ("
                                + String.join(", ", ids.subList(0, Math.min(ids.size(), 8)))
                                + (ids.size() > 8 ? ", …" : "") + ")";
                };
            } catch (EditLoopException e) {
                modelStatus = Status.UNKNOWN;
                detail = "the model list is not readable (" + e.getMessage() + ")";
            }
        }
        return finish(endpoint, where, auth, modelStatus, detail);
    }

    private Status listed(List<String> ids) {
        if (ids.contains(model)) {
            return Status.OK;
        }
        return ids.isEmpty() ? Status.UNKNOWN : Status.FAILED;
    }

    private BackendCheck finish(URI endpoint, String where, Status auth, Status modelStatus, String detail) {
        if (!checkEdit || modelStatus == Status.FAILED) {
            return new BackendCheck(
                    spec.display(),
                    where,
                    Status.OK,
                    auth,
                    modelStatus,
                    null,
                    detail + "; no edit made (check_edit=true times one 64x64 edit, which is billed on hosted APIs)");
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

    /** The mask as OpenAI wants it: transparent where the edit may happen (white in ours), opaque black elsewhere. */
    static byte[] maskPng(Picture mask) {
        int w = mask.width();
        int h = mask.height();
        byte[] bgr = mask.bgr();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                int sum = (bgr[i] & 0xFF) + (bgr[i + 1] & 0xFF) + (bgr[i + 2] & 0xFF);
                out.setRGB(x, y, sum >= 3 * 128 ? 0x00000000 : 0xFF000000);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(out, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Usage usage(JsonNode usage) {
        long in = usage.path("input_tokens").asLong(usage.path("prompt_tokens").asLong(0));
        long out = usage.path("output_tokens")
                .asLong(usage.path("completion_tokens").asLong(0));
        return in <= 0 && out <= 0 ? Usage.NONE : new Usage(Math.max(0, in), Math.max(0, out));
    }

    /**
     * Whether a model is known to take a {@code seed} field: OpenAI's image models ({@code gpt-image-1},
     * {@code gpt-image-1-mini}, {@code gpt-image-1.5}, {@code chatgpt-image-latest}, {@code dall-e-2}, {@code dall-e-3})
     * do not; other models served over this protocol (Qwen-Image-Edit, FLUX.1 Kontext on vLLM-Omni or SGLang) do.
     */
    static boolean takesSeed(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/');
        String name = slash >= 0 ? m.substring(slash + 1) : m;
        return !(name.startsWith("gpt-image") || name.startsWith("chatgpt-image") || name.startsWith("dall-e"));
    }

    private static boolean openAiHost(URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        return host.equals("api.openai.com") || host.endsWith(".openai.com");
    }

    private static String size(BackendSpec spec) {
        String value = spec.param("size");
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("auto") || v.equals("source") || SIZE.matcher(v).matches()) {
            return v;
        }
        throw new InvalidInputException(KIND + ": parameter size=" + value
                + " is not auto, source or WIDTHxHEIGHT (OpenAI's GPT-Image models take 1024x1024, 1536x1024, "
                + "1024x1536 or auto)");
    }

    private static long parseSeed(BackendSpec spec) {
        try {
            return Long.parseLong(spec.param("seed").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(KIND + ": parameter seed=" + spec.param("seed") + " is not a whole number");
        }
    }

    private static Map<String, String> extras(BackendSpec spec) {
        Map<String, String> extras = new LinkedHashMap<>();
        String steps = RemoteChecks.firstParam(spec, List.of("num_inference_steps", "steps"));
        if (steps != null) {
            extras.put("num_inference_steps", Integer.toString(spec.intParam(steps, 1, 1000)));
        }
        String guidance = RemoteChecks.firstParam(spec, List.of("guidance_scale", "guidance"));
        if (guidance != null) {
            extras.put("guidance_scale", plain(spec.doubleParam(guidance, 0, 100)));
        }
        for (String name : PASS_THROUGH) {
            if (spec.param(name) != null) {
                extras.put(name, spec.param(name));
            }
        }
        spec.params().forEach((k, v) -> {
            if (k.startsWith("extra.") && k.length() > "extra.".length()) {
                extras.put(k.substring("extra.".length()), v);
            }
        });
        return extras;
    }

    /** A number as a server parses it: {@code 4} for 4.0, {@code 2.5} otherwise. */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
