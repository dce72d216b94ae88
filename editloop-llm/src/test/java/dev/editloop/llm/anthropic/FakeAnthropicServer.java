package dev.editloop.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.testkit.fake.FakeHttpServer;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback Anthropic Messages API: {@code POST /v1/messages} (images as base64 {@code image} blocks) and
 * {@code GET /v1/models}, answering EditLoop's prompts like {@link FakeOpenAiChatServer#defaultAnswer}.
 */
final class FakeAnthropicServer extends FakeHttpServer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    volatile List<String> models = List.of("claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001");

    FakeAnthropicServer() {
        super("anthropic");
    }

    String v1() {
        return url("/v1");
    }

    JsonNode last() {
        return messages.get(messages.size() - 1);
    }

    @Override
    protected void handle(Recorded request, Reply reply) throws IOException {
        if (request.method().equals("GET") && request.path().equals("/v1/models")) {
            ObjectNode out = MAPPER.createObjectNode().put("has_more", false);
            var data = out.putArray("data");
            for (String m : models) {
                data.addObject().put("id", m).put("type", "model").put("display_name", m);
            }
            reply.json(200, out.toString());
            return;
        }
        if (!request.method().equals("POST") || !request.path().equals("/v1/messages")) {
            reply.json(404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"Not found\"}}");
            return;
        }
        JsonNode body = MAPPER.readTree(request.body());
        messages.add(body);
        String first = "";
        String last = "";
        for (JsonNode m : body.path("messages")) {
            if (!m.path("role").asText().equals("user")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            JsonNode content = m.path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            }
            for (JsonNode part : content) {
                if (part.path("type").asText().equals("text")) {
                    text.append(part.path("text").asText());
                }
            }
            last = text.toString();
            if (first.isEmpty()) {
                first = last;
            }
        }
        ObjectNode out = MAPPER.createObjectNode()
                .put("id", "msg_test")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", body.path("model").asText())
                .put("stop_reason", "end_turn");
        out.putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", FakeOpenAiChatServer.defaultAnswer(first, last, false));
        out.putObject("usage").put("input_tokens", 1500).put("output_tokens", 90);
        reply.json(200, out.toString());
    }
}
