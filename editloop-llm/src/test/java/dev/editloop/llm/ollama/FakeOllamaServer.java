package dev.editloop.llm.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.testkit.fake.FakeHttpServer;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback Ollama: {@code POST /api/chat} (non-streaming, images as base64 in {@code messages[].images}) and
 * {@code GET /api/tags}, answering EditLoop's prompts like {@link FakeOpenAiChatServer#defaultAnswer}.
 */
final class FakeOllamaServer extends FakeHttpServer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final List<JsonNode> chats = new CopyOnWriteArrayList<>();
    volatile List<String> models = List.of("qwen2.5vl:latest");

    FakeOllamaServer() {
        super("ollama");
    }

    JsonNode lastChat() {
        return chats.get(chats.size() - 1);
    }

    @Override
    protected void handle(Recorded request, Reply reply) throws IOException {
        if (request.method().equals("GET") && request.path().equals("/api/tags")) {
            ObjectNode out = MAPPER.createObjectNode();
            var list = out.putArray("models");
            for (String m : models) {
                list.addObject().put("name", m).put("model", m).put("size", 1_000_000);
            }
            reply.json(200, out.toString());
            return;
        }
        if (!request.method().equals("POST") || !request.path().equals("/api/chat")) {
            reply.send(404, "text/plain", "404 page not found");
            return;
        }
        JsonNode body = MAPPER.readTree(request.body());
        chats.add(body);
        String model = body.path("model").asText();
        if (!models.contains(model) && !models.contains(model + ":latest")) {
            reply.json(404, "{\"error\":\"model \\\"" + model + "\\\" not found, try pulling it first\"}");
            return;
        }
        String first = "";
        String last = "";
        for (JsonNode m : body.path("messages")) {
            if (m.path("role").asText().equals("user")) {
                last = m.path("content").asText();
                if (first.isEmpty()) {
                    first = last;
                }
            }
        }
        boolean json = body.path("format").isObject();
        ObjectNode out = MAPPER.createObjectNode()
                .put("model", model)
                .put("created_at", "2025-01-01T00:00:00Z")
                .put("done", true)
                .put("done_reason", "stop")
                .put("prompt_eval_count", 900)
                .put("eval_count", 70);
        out.putObject("message")
                .put("role", "assistant")
                .put("content", FakeOpenAiChatServer.defaultAnswer(first, last, json));
        reply.json(200, out.toString());
    }
}
