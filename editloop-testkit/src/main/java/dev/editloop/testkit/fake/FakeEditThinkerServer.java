package dev.editloop.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback fake of the EditThinker reference editor servers (FastAPI services for FLUX.1 Kontext, Qwen-Image-Edit
 * and OmniGen2): {@code POST /edit} with JSON {@code {"image": base64, "prompt", "seed", "guidance_scale",
 * "num_inference_steps", "enhance_prompt"}} answering {@code {"success": true, "edited_image": base64, …}}, and
 * {@code GET /health}.
 *
 * <p>The edit is {@link FakeOpenAiImagesServer#brighten} with the seed sent (0 when none). Switches: answer
 * {@code success:false} with an error, be unhealthy (the GPU workers not ready: {@code /health} says so and {@code
 * /edit} answers 503, as the real server does), answer at another size.
 */
public final class FakeEditThinkerServer extends FakeHttpServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> edits = new CopyOnWriteArrayList<>();
    private final AtomicInteger tasks = new AtomicInteger();
    private volatile String failure;
    private volatile boolean unhealthy;
    private volatile int[] answerSize;

    /** Starts the fake on a free loopback port. */
    public FakeEditThinkerServer() {
        super("editthinker-http");
    }

    /** The base URL a client is given: {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return baseUri().toString();
    }

    /** Every edit answers {@code {"success": false, "error": error}} (null: edit normally again). */
    public FakeEditThinkerServer failEdits(String error) {
        this.failure = error;
        return this;
    }

    /** The GPU workers are not ready: {@code /health} reports it and {@code /edit} answers 503. */
    public FakeEditThinkerServer unhealthy(boolean unhealthy) {
        this.unhealthy = unhealthy;
        return this;
    }

    /** Answers every edit at this size instead of the input's. */
    public FakeEditThinkerServer answerSize(int width, int height) {
        this.answerSize = new int[] {width, height};
        return this;
    }

    /** Every {@code /edit} body received, as JSON, in order. */
    public List<JsonNode> edits() {
        return List.copyOf(edits);
    }

    /** The last {@code /edit} body received. */
    public JsonNode lastEdit() {
        if (edits.isEmpty()) {
            throw new IllegalStateException("the fake editthinker-http server received no edit");
        }
        return edits.get(edits.size() - 1);
    }

    @Override
    protected void handle(Recorded request, Reply reply) throws IOException {
        if (request.method().equals("GET") && request.path().equals("/health")) {
            ObjectNode health = JSON.createObjectNode()
                    .put("status", unhealthy ? "unhealthy" : "healthy")
                    .put("gpu_manager_ready", !unhealthy)
                    .put("timestamp", System.currentTimeMillis() / 1000.0);
            reply.json(200, health.toString());
            return;
        }
        if (request.method().equals("POST") && request.path().equals("/edit")) {
            edit(request, reply);
            return;
        }
        reply.json(404, "{\"detail\":\"Not Found\"}");
    }

    private void edit(Recorded request, Reply reply) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            reply.json(
                    422, "{\"detail\":[{\"type\":\"json_invalid\",\"loc\":[\"body\"],\"msg\":\"JSON decode error\"}]}");
            return;
        }
        if (body == null || !body.isObject()) {
            reply.json(
                    422,
                    "{\"detail\":[{\"type\":\"model_attributes_type\",\"loc\":[\"body\"],"
                            + "\"msg\":\"Input should be a valid dictionary\"}]}");
            return;
        }
        edits.add(body);
        if (unhealthy) {
            reply.json(503, "{\"detail\":\"GPU manager not initialised\"}");
            return;
        }
        String prompt = body.path("prompt").asText(null);
        if (prompt == null) {
            reply.json(
                    422,
                    "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"prompt\"],\"msg\":\"Field required\"}]}");
            return;
        }
        String image = body.path("image").asText("");
        if (image.isEmpty()) {
            reply.json(400, "{\"detail\":\"an input image is required\"}");
            return;
        }
        if (failure != null) {
            ObjectNode answer = JSON.createObjectNode().put("success", false).put("error", failure);
            reply.json(200, answer.toString());
            return;
        }
        Picture source;
        try {
            source = Images.decode(Base64.getDecoder().decode(image), "the posted image", Images.DEFAULT_MAX_PIXELS);
        } catch (RuntimeException e) {
            reply.json(500, "{\"detail\":\"exception while editing: cannot identify image file\"}");
            return;
        }
        long seed = body.path("seed").asLong(0);
        Picture edited = FakeOpenAiImagesServer.brighten(source, prompt, seed);
        if (answerSize != null) {
            edited = Images.resize(edited, answerSize[0], answerSize[1]);
        }
        boolean enhance = body.path("enhance_prompt").asBoolean(true);
        ObjectNode answer = JSON.createObjectNode()
                .put("success", true)
                .put("task_id", "fake_edit_task_" + tasks.incrementAndGet())
                .put("edited_image", Base64.getEncoder().encodeToString(edited.png()))
                .put("seed", seed)
                .put("original_prompt", prompt)
                .put("gpu_id", 0)
                .put("processing_time", 0.01);
        if (enhance) {
            answer.put("enhanced_prompt", prompt + ", keeping everything else unchanged");
        } else {
            answer.putNull("enhanced_prompt");
        }
        reply.json(200, answer.toString());
    }
}
