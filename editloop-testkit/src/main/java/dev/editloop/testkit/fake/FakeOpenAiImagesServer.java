package dev.editloop.testkit.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * A loopback fake of the OpenAI images edits protocol ({@code POST /v1/images/edits}, multipart) and its model list
 * ({@code GET /v1/models}), as OpenAI, vLLM-Omni and SGLang's diffusion server answer it: {@code {"created", "data":
 * [{"b64_json"}], "usage"}}.
 *
 * <p>The "edit" is a deterministic transformation of the input ({@link #brighten}: brighter by an amount that depends
 * on the prompt and the seed), restricted to the transparent pixels of a mask when one is sent, so a test can check the
 * exact pixels a real client receives. Switches: answer at another size (to exercise the resize back), answer with a
 * URL only, reject fields OpenAI does not know (as api.openai.com does), and the model list.
 */
public final class FakeOpenAiImagesServer extends FakeHttpServer {
    /** The fields api.openai.com accepts on an edit; with {@link #rejectUnknownFields} any other one is a 400. */
    public static final Set<String> OPENAI_FIELDS = Set.of(
            "image",
            "image[]",
            "mask",
            "prompt",
            "model",
            "n",
            "size",
            "quality",
            "background",
            "input_fidelity",
            "output_format",
            "output_compression",
            "response_format",
            "user",
            "moderation",
            "stream",
            "partial_images");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<MultipartForm> forms = new CopyOnWriteArrayList<>();
    private volatile List<String> models = List.of("gpt-image-1");
    private final List<List<Picture>> images = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The most images one edit takes, as for OpenAI's GPT-Image models. */
    public static final int MAX_IMAGES = 16;

    /** The images of the last edit, decoded, in the order sent ({@code image}, then every {@code image[]}). */
    public List<Picture> lastImages() {
        if (images.isEmpty()) {
            throw new IllegalStateException("the fake openai-images server received no edit");
        }
        return images.getLast();
    }

    private volatile int[] answerSize;
    private volatile boolean urlOnly;
    private volatile boolean rejectUnknown;

    /** Starts the fake on a free loopback port. */
    public FakeOpenAiImagesServer() {
        super("openai-images");
    }

    /** The base URL a client is given: {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return url("/v1");
    }

    /** The models {@code GET /v1/models} lists. */
    public FakeOpenAiImagesServer models(String... ids) {
        this.models = List.of(ids);
        return this;
    }

    /** Answers every edit at this size instead of the input's (a server that works at its own resolution). */
    public FakeOpenAiImagesServer answerSize(int width, int height) {
        this.answerSize = new int[] {width, height};
        return this;
    }

    /** Answers with {@code data[0].url} and no {@code b64_json} (DALL·E's default reply). */
    public FakeOpenAiImagesServer urlOnly(boolean urlOnly) {
        this.urlOnly = urlOnly;
        return this;
    }

    /** Rejects fields OpenAI does not know ({@code seed}, {@code num_inference_steps}…) with a 400, as OpenAI does. */
    public FakeOpenAiImagesServer rejectUnknownFields(boolean reject) {
        this.rejectUnknown = reject;
        return this;
    }

    /** Every edit form received, in order. */
    public List<MultipartForm> forms() {
        return List.copyOf(forms);
    }

    /** The last edit form received. */
    public MultipartForm lastForm() {
        if (forms.isEmpty()) {
            throw new IllegalStateException("the fake openai-images server received no edit");
        }
        return forms.get(forms.size() - 1);
    }

    /**
     * The fake's edit: every channel brighter by 10–59 levels, the amount derived from the prompt and the seed.
     *
     * @param seed the seed sent, or 0 when none was
     */
    public static Picture brighten(Picture source, String prompt, long seed) {
        int delta = delta(prompt, seed);
        byte[] bgr = source.bgr();
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) Math.min(255, (bgr[i] & 0xFF) + delta);
        }
        return Picture.ofBgr(source.width(), source.height(), bgr);
    }

    /** The brightness step {@link #brighten} adds for a prompt and a seed. */
    public static int delta(String prompt, long seed) {
        return 10 + (int) Math.floorMod(prompt.hashCode() * 31L + seed, 50L);
    }

    @Override
    protected void handle(Recorded request, Reply reply) throws IOException {
        String path = request.path();
        if (request.method().equals("GET") && path.equals("/v1/models")) {
            ObjectNode list = JSON.createObjectNode().put("object", "list");
            ArrayNode data = list.putArray("data");
            for (String id : models) {
                data.addObject().put("id", id).put("object", "model").put("owned_by", "fake");
            }
            reply.json(200, list.toString());
            return;
        }
        if (request.method().equals("POST") && path.equals("/v1/images/edits")) {
            edit(request, reply);
            return;
        }
        reply.json(404, error("Invalid URL (" + request.method() + " " + path + ")", null));
    }

    private void edit(Recorded request, Reply reply) throws IOException {
        MultipartForm form;
        try {
            form = MultipartForm.parse(request.header("content-type"), request.body());
        } catch (IllegalArgumentException e) {
            reply.json(400, error("Invalid multipart body: " + e.getMessage(), null));
            return;
        }
        forms.add(form);
        if (rejectUnknown) {
            for (MultipartForm.Part part : form.parts()) {
                if (!OPENAI_FIELDS.contains(part.name())) {
                    reply.json(400, error("Unknown parameter: '" + part.name() + "'.", part.name()));
                    return;
                }
            }
        }
        String prompt = form.field("prompt");
        if (prompt == null || prompt.isBlank()) {
            reply.json(400, error("Missing required parameter: 'prompt'.", "prompt"));
            return;
        }
        List<MultipartForm.Part> imageParts = new ArrayList<>(form.all("image"));
        imageParts.addAll(form.all("image[]"));
        if (imageParts.isEmpty()) {
            reply.json(400, error("Missing required parameter: 'image'.", "image"));
            return;
        }
        if (imageParts.size() > MAX_IMAGES) {
            reply.json(400, error("Too many images: at most " + MAX_IMAGES + " are allowed.", "image"));
            return;
        }
        List<Picture> pictures = new ArrayList<>();
        for (int i = 0; i < imageParts.size(); i++) {
            try {
                pictures.add(Images.decode(imageParts.get(i).body(), "the uploaded image", Images.DEFAULT_MAX_PIXELS));
            } catch (RuntimeException e) {
                reply.json(
                        400,
                        error(
                                "Invalid image file or mode for image " + (i + 1) + ", please check your image file.",
                                "image"));
                return;
            }
        }
        images.add(List.copyOf(pictures));
        Picture source = pictures.getFirst();
        String seedText = form.field("seed");
        long seed = seedText == null ? 0 : Long.parseLong(seedText.strip());
        Picture edited = brighten(source, prompt, seed);
        MultipartForm.Part maskPart = form.part("mask").orElse(null);
        if (maskPart != null) {
            BufferedImage mask = ImageIO.read(new ByteArrayInputStream(maskPart.body()));
            if (mask == null || mask.getWidth() != source.width() || mask.getHeight() != source.height()) {
                reply.json(400, error("Invalid mask image: it must be a PNG of the same size as the image.", "mask"));
                return;
            }
            if (!mask.getColorModel().hasAlpha()) {
                reply.json(400, error("Invalid mask image: the mask must have an alpha channel.", "mask"));
                return;
            }
            edited = keepOpaque(source, edited, mask);
        }
        if (answerSize != null) {
            edited = Images.resize(edited, answerSize[0], answerSize[1]);
        }
        ObjectNode body = JSON.createObjectNode().put("created", System.currentTimeMillis() / 1000);
        ObjectNode item = body.putArray("data").addObject();
        if (urlOnly) {
            item.put("url", url("/files/edit-" + forms.size() + ".png"));
        } else {
            item.put("b64_json", Base64.getEncoder().encodeToString(edited.png()));
        }
        ObjectNode usage = body.putObject("usage");
        int inputTokens = 200 + prompt.length() / 4;
        usage.put("input_tokens", inputTokens);
        usage.put("output_tokens", 1056);
        usage.put("total_tokens", inputTokens + 1056);
        reply.json(200, body.toString());
    }

    /** The source where the mask is opaque, the edit where it is transparent. */
    private static Picture keepOpaque(Picture source, Picture edited, BufferedImage mask) {
        byte[] out = edited.bgr();
        byte[] src = source.bgr();
        int w = source.width();
        for (int y = 0; y < source.height(); y++) {
            for (int x = 0; x < w; x++) {
                int alpha = mask.getRGB(x, y) >>> 24;
                if (alpha != 0) {
                    int i = (y * w + x) * 3;
                    out[i] = src[i];
                    out[i + 1] = src[i + 1];
                    out[i + 2] = src[i + 2];
                }
            }
        }
        return Picture.ofBgr(w, source.height(), out);
    }

    private static String error(String message, String param) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", "invalid_request_error");
        error.put("param", param);
        error.put("code", null);
        try {
            return JSON.writeValueAsString(Map.of("error", error));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The field names of a form, for assertions. */
    public static List<String> names(MultipartForm form) {
        List<String> names = new ArrayList<>();
        form.parts().forEach(p -> names.add(p.name()));
        return names;
    }
}
