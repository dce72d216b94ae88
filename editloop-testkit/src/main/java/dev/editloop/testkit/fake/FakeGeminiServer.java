package dev.editloop.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback fake of the Gemini API's {@code generateContent} ({@code POST /v1beta/models/{model}:generateContent},
 * key in {@code x-goog-api-key}) and model lookup ({@code GET /v1beta/models/{model}}), answering in the real shape
 * {@code {"candidates": [{"content": {"role": "model", "parts": [...]}, "finishReason"}], "usageMetadata"}}.
 *
 * <p>It serves two kinds of client: image editors (when {@code generationConfig.responseModalities} holds
 * {@code IMAGE}, the reply has an {@code inlineData} PNG part: {@link FakeOpenAiImagesServer#brighten} of the first
 * input image, seed 0) and chat thinkers (otherwise a text part from a pluggable {@link #textResponder}). Requests may
 * spell parts either way ({@code inline_data}/{@code inlineData}, {@code mime_type}/{@code mimeType}). Switches: a
 * text-only refusal, a blocked prompt ({@code promptFeedback.blockReason} and no candidates), a caption next to the
 * image, the models that exist, a key checked the way Google checks it (a 400 {@code API_KEY_INVALID}), another answer
 * size.
 */
public final class FakeGeminiServer extends FakeHttpServer {
    /**
     * What a text request held, for a {@link #textResponder}.
     *
     * @param model the model named in the path
     * @param texts every text part of every content, in order (system instruction excluded)
     * @param images the number of inline images sent
     * @param systemInstruction the system instruction's text, or an empty string
     * @param body the whole request body
     */
    public record TextRequest(String model, List<String> texts, int images, String systemInstruction, JsonNode body) {
        /** The last text part, or an empty string. */
        public String lastText() {
            return texts.isEmpty() ? "" : texts.get(texts.size() - 1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/v1beta/models/";
    private static final String GENERATE = ":generateContent";

    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private volatile Function<TextRequest, String> textResponder = r -> "fake gemini answer to: " + r.lastText();
    private volatile Set<String> models = Set.of();
    private volatile String refusal;
    private volatile String blockReason;
    private volatile String caption;
    private volatile String googleKey;
    private volatile int[] answerSize;

    /** Starts the fake on a free loopback port. */
    private final List<List<Picture>> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The inline images of the last request, decoded, in the order of its parts. */
    public List<Picture> lastImages() {
        if (received.isEmpty()) {
            throw new IllegalStateException("the fake gemini server received no request");
        }
        return received.getLast();
    }

    public FakeGeminiServer() {
        super("gemini");
    }

    /** The base URL a client is given: {@code http://127.0.0.1:PORT} (the API version is part of the paths). */
    public String baseUrl() {
        return baseUri().toString();
    }

    /** Answers text requests with this function of the request. */
    public FakeGeminiServer textResponder(Function<TextRequest, String> responder) {
        this.textResponder = Objects.requireNonNull(responder, "responder");
        return this;
    }

    /** The models that exist (others answer 404); none given means every model exists. */
    public FakeGeminiServer models(String... names) {
        this.models = Set.of(names);
        return this;
    }

    /** Every image request answers this text only, with no image (a refusal); null to stop. */
    public FakeGeminiServer refuseWith(String text) {
        this.refusal = text;
        return this;
    }

    /** Every request is blocked with this {@code promptFeedback.blockReason} (e.g. SAFETY); null to stop. */
    public FakeGeminiServer blockPrompt(String reason) {
        this.blockReason = reason;
        return this;
    }

    /** Image replies carry this text part before the image; null for none. */
    public FakeGeminiServer caption(String text) {
        this.caption = text;
        return this;
    }

    /** Requests without this {@code x-goog-api-key} answer 400 API_KEY_INVALID, as Google does. */
    public FakeGeminiServer requireGoogleKey(String key) {
        this.googleKey = key;
        return this;
    }

    /** Answers images at this size instead of the input's. */
    public FakeGeminiServer answerSize(int width, int height) {
        this.answerSize = new int[] {width, height};
        return this;
    }

    /** Every generateContent body received, in order. */
    public List<JsonNode> bodies() {
        return List.copyOf(bodies);
    }

    /** The last generateContent body received. */
    public JsonNode lastBody() {
        if (bodies.isEmpty()) {
            throw new IllegalStateException("the fake gemini server received no generateContent request");
        }
        return bodies.get(bodies.size() - 1);
    }

    @Override
    protected void handle(Recorded request, Reply reply) throws IOException {
        String path = request.path();
        if (!path.startsWith(PREFIX) && !path.equals("/v1beta/models")) {
            reply.json(404, error(404, "Not found: " + path, "NOT_FOUND"));
            return;
        }
        if (googleKey != null && !googleKey.equals(request.header("x-goog-api-key"))) {
            reply.json(
                    400,
                    "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
                            + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                            + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
                            + "\"domain\":\"googleapis.com\"}]}}");
            return;
        }
        if (request.method().equals("GET") && path.equals("/v1beta/models")) {
            ObjectNode list = JSON.createObjectNode();
            ArrayNode array = list.putArray("models");
            for (String name : models.isEmpty() ? Set.of("gemini-2.5-flash-image", "gemini-2.5-flash") : models) {
                array.add(model(name));
            }
            reply.json(200, list.toString());
            return;
        }
        String rest = path.substring(PREFIX.length());
        if (request.method().equals("GET") && !rest.contains(":")) {
            if (!exists(rest)) {
                reply.json(404, notFound(rest));
                return;
            }
            reply.json(200, model(rest).toString());
            return;
        }
        if (request.method().equals("POST") && rest.endsWith(GENERATE)) {
            String name = rest.substring(0, rest.length() - GENERATE.length());
            if (!exists(name)) {
                reply.json(404, notFound(name));
                return;
            }
            generate(name, request, reply);
            return;
        }
        reply.json(404, error(404, "Not found: " + request.method() + " " + path, "NOT_FOUND"));
    }

    private void generate(String model, Recorded request, Reply reply) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            reply.json(400, error(400, "Invalid JSON payload received.", "INVALID_ARGUMENT"));
            return;
        }
        if (body == null
                || !body.path("contents").isArray()
                || body.path("contents").isEmpty()) {
            reply.json(
                    400,
                    error(400, "* GenerateContentRequest.contents: contents is not specified", "INVALID_ARGUMENT"));
            return;
        }
        bodies.add(body);
        List<String> texts = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        for (JsonNode content : body.path("contents")) {
            for (JsonNode part : content.path("parts")) {
                if (part.hasNonNull("text")) {
                    texts.add(part.get("text").asText());
                }
                JsonNode inline = part.has("inlineData") ? part.get("inlineData") : part.get("inline_data");
                if (inline != null) {
                    String mime = inline.has("mimeType")
                            ? inline.path("mimeType").asText()
                            : inline.path("mime_type").asText();
                    if (!mime.startsWith("image/")) {
                        reply.json(400, error(400, "Unsupported MIME type: " + mime, "INVALID_ARGUMENT"));
                        return;
                    }
                    try {
                        images.add(
                                Base64.getDecoder().decode(inline.path("data").asText()));
                    } catch (IllegalArgumentException e) {
                        reply.json(
                                400,
                                error(
                                        400,
                                        "Invalid value at 'contents[0].parts[1].inline_data.data' (TYPE_BYTES)",
                                        "INVALID_ARGUMENT"));
                        return;
                    }
                }
            }
        }
        List<Picture> pictures = new ArrayList<>();
        for (byte[] bytes : images) {
            try {
                pictures.add(Images.decode(bytes, "an inline image", Images.DEFAULT_MAX_PIXELS));
            } catch (RuntimeException e) {
                reply.json(
                        400, error(400, "Unable to process input image. Please retry or report", "INVALID_ARGUMENT"));
                return;
            }
        }
        received.add(List.copyOf(pictures));
        int promptTokens = 10 + texts.stream().mapToInt(String::length).sum() / 4 + 258 * images.size();
        if (blockReason != null) {
            ObjectNode answer = JSON.createObjectNode();
            answer.putObject("promptFeedback").put("blockReason", blockReason);
            usage(answer, promptTokens, 0);
            reply.json(200, answer.toString());
            return;
        }
        JsonNode config = body.has("generationConfig") ? body.get("generationConfig") : body.path("generation_config");
        JsonNode modalities = config.has("responseModalities")
                ? config.get("responseModalities")
                : config.path("response_modalities");
        boolean image = false;
        for (JsonNode m : modalities) {
            image |= m.asText().toUpperCase(Locale.ROOT).equals("IMAGE");
        }
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode candidate = answer.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        ArrayNode parts = content.putArray("parts");
        content.put("role", "model");
        int completionTokens;
        if (image && refusal == null) {
            Picture source;
            try {
                source = images.isEmpty()
                        ? Picture.solid(64, 64, Color.GRAY)
                        : Images.decode(images.get(0), "the inline image", Images.DEFAULT_MAX_PIXELS);
            } catch (RuntimeException e) {
                reply.json(
                        400,
                        error(
                                400,
                                "Unable to process input image. Please retry or report in "
                                        + "https://developers.generativeai.google/guide/troubleshooting",
                                "INVALID_ARGUMENT"));
                return;
            }
            Picture edited = FakeOpenAiImagesServer.brighten(source, String.join("\n", texts), 0);
            if (answerSize != null) {
                edited = Images.resize(edited, answerSize[0], answerSize[1]);
            }
            if (caption != null) {
                parts.addObject().put("text", caption);
            }
            parts.addObject()
                    .putObject("inlineData")
                    .put("mimeType", "image/png")
                    .put("data", Base64.getEncoder().encodeToString(edited.png()));
            completionTokens = 1290;
        } else {
            String text;
            if (refusal != null && image) {
                text = refusal;
            } else {
                String system = "";
                JsonNode instruction =
                        body.has("systemInstruction") ? body.get("systemInstruction") : body.path("system_instruction");
                for (JsonNode part : instruction.path("parts")) {
                    system += part.path("text").asText("");
                }
                text = textResponder.apply(new TextRequest(model, List.copyOf(texts), images.size(), system, body));
            }
            parts.addObject().put("text", text);
            completionTokens = Math.max(1, text.length() / 4);
        }
        candidate.put("finishReason", "STOP");
        candidate.put("index", 0);
        usage(answer, promptTokens, completionTokens);
        answer.put("modelVersion", model);
        answer.put("responseId", "fake-" + bodies.size());
        reply.json(200, answer.toString());
    }

    private boolean exists(String model) {
        return models.isEmpty() || models.contains(model);
    }

    private static ObjectNode model(String name) {
        ObjectNode node = JSON.createObjectNode()
                .put("name", "models/" + name)
                .put("version", "001")
                .put("displayName", name)
                .put("inputTokenLimit", 32768)
                .put("outputTokenLimit", 8192);
        node.putArray("supportedGenerationMethods").add("generateContent").add("countTokens");
        return node;
    }

    private static void usage(ObjectNode answer, int prompt, int completion) {
        answer.putObject("usageMetadata")
                .put("promptTokenCount", prompt)
                .put("candidatesTokenCount", completion)
                .put("totalTokenCount", prompt + completion);
    }

    private static String notFound(String model) {
        return error(
                404,
                "models/" + model + " is not found for API version v1beta, or is not supported for generateContent. "
                        + "Call ListModels to see the list of available models and their supported methods.",
                "NOT_FOUND");
    }

    private static String error(int code, String message, String status) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("error").put("code", code).put("message", message).put("status", status);
        return node.toString();
    }
}
