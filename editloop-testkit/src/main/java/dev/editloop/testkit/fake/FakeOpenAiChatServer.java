package dev.editloop.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback OpenAI-compatible chat server: {@code POST /v1/chat/completions} (also {@code /chat/completions}) and
 * {@code GET /v1/models} (also {@code /models}), answering in the real OpenAI shape ({@code id}, {@code object},
 * {@code created}, {@code model}, {@code choices[{index, message{role, content}, finish_reason}]}, {@code usage}).
 *
 * <p>Every chat request is kept as a {@link ChatCall} so tests can look at the images (count, order, data URI, detail
 * level), the prompt text, the {@code response_format} and any extra fields. The reply text comes from a queue of
 * scripted replies ({@link #script}) while it lasts, then from the responder; the default responder
 * ({@link #defaultAnswer}) answers each of EditLoop's prompts in its format: a think-while-edit critique, a reflect
 * verdict, a target description, a rewrite, a VIEScore grade, and "OK" to a check's ping. A request for a model the
 * server does not list answers 404, as vLLM and OpenAI do. The misbehaviour switches of {@link FakeHttpServer} apply.
 */
public final class FakeOpenAiChatServer extends FakeHttpServer {
    /** The model the server lists unless told otherwise. */
    public static final String DEFAULT_MODEL = "fake-vl";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One image part of a request.
     *
     * @param url the {@code image_url.url}, a data URI for base64 images
     * @param detail the {@code image_url.detail}, or null when absent
     */
    public record Image(String url, String detail) {
        /** Whether the URL is a base64 PNG data URI. */
        public boolean pngDataUri() {
            return url != null && url.startsWith("data:image/png;base64,");
        }

        /** The media type of a data URI ({@code image/png}, {@code image/jpeg}), or null for another URL. */
        public String mediaType() {
            if (url == null || !url.startsWith("data:")) {
                return null;
            }
            int end = url.indexOf(';');
            return end < 0 ? null : url.substring("data:".length(), end);
        }

        /** The decoded bytes of a data URI. */
        public byte[] bytes() {
            int comma = url.indexOf(',');
            return Base64.getDecoder().decode(url.substring(comma + 1));
        }
    }

    /**
     * One chat completions request as received.
     *
     * @param body the request JSON
     */
    public record ChatCall(JsonNode body) {
        /** The requested model. */
        public String model() {
            return body.path("model").asText(null);
        }

        /** The roles of the messages, in order. */
        public List<String> roles() {
            List<String> roles = new ArrayList<>();
            body.path("messages").forEach(m -> roles.add(m.path("role").asText()));
            return roles;
        }

        /** Every image part of every message, in order. */
        public List<Image> images() {
            List<Image> images = new ArrayList<>();
            body.path("messages").forEach(m -> images.addAll(images(m)));
            return images;
        }

        /** The text of the first user message (the prompt). */
        public String prompt() {
            for (JsonNode m : body.path("messages")) {
                if (m.path("role").asText().equals("user")) {
                    return text(m);
                }
            }
            return "";
        }

        /** The text of the last user message (the prompt, or the latest repair message). */
        public String lastUserText() {
            String last = "";
            for (JsonNode m : body.path("messages")) {
                if (m.path("role").asText().equals("user")) {
                    last = text(m);
                }
            }
            return last;
        }

        /** The {@code response_format} field, or a missing node. */
        public JsonNode responseFormat() {
            return body.path("response_format");
        }

        /** Whether the request asks for a JSON-schema reply. */
        public boolean wantsJsonSchema() {
            return responseFormat().path("type").asText().equals("json_schema");
        }

        /** A top-level field (e.g. an extra one such as {@code chat_template_kwargs}), or a missing node. */
        public JsonNode field(String name) {
            return body.path(name);
        }

        private static List<Image> images(JsonNode message) {
            List<Image> images = new ArrayList<>();
            JsonNode content = message.path("content");
            if (content.isArray()) {
                for (JsonNode part : content) {
                    if (part.path("type").asText().equals("image_url")) {
                        JsonNode image = part.path("image_url");
                        images.add(new Image(
                                image.path("url").asText(null),
                                image.hasNonNull("detail") ? image.get("detail").asText() : null));
                    }
                }
            }
            return images;
        }

        private static String text(JsonNode message) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                return content.asText();
            }
            StringBuilder out = new StringBuilder();
            for (JsonNode part : content) {
                if (part.path("type").asText().equals("text")) {
                    if (!out.isEmpty()) {
                        out.append('\n');
                    }
                    out.append(part.path("text").asText());
                }
            }
            return out.toString();
        }
    }

    /** Makes the reply text of a chat request. */
    @FunctionalInterface
    public interface Responder {
        /** The assistant's reply text for this request. */
        String reply(ChatCall call);
    }

    private final List<ChatCall> calls = new CopyOnWriteArrayList<>();
    private final Queue<String> scripted = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile List<String> models = List.of(DEFAULT_MODEL);
    private volatile Responder responder = FakeOpenAiChatServer::defaultAnswer;
    private volatile long promptTokens = 1200;
    private volatile long completionTokens = 80;

    /** Starts the server on a free loopback port. */
    public FakeOpenAiChatServer() {
        super("openai-chat");
    }

    /** The base URL with {@code /v1}, as a spec names it. */
    public String v1() {
        return url("/v1");
    }

    /** The model ids the server lists and accepts. */
    public FakeOpenAiChatServer models(String... ids) {
        this.models = List.of(ids);
        return this;
    }

    /** Replaces the responder. */
    public FakeOpenAiChatServer responder(Responder responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
        return this;
    }

    /** Queues raw reply texts for the next chat requests, in order; the responder answers once they are used up. */
    public FakeOpenAiChatServer script(String... replies) {
        scripted.addAll(List.of(replies));
        return this;
    }

    /** The token counts every reply reports. */
    public FakeOpenAiChatServer usage(long prompt, long completion) {
        this.promptTokens = prompt;
        this.completionTokens = completion;
        return this;
    }

    /**
     * Every chat request the protocol handler answered, in order; requests a fault switch answered are only in
     * {@link #requests()}.
     */
    public List<ChatCall> chatCalls() {
        return List.copyOf(calls);
    }

    /** The last chat request. */
    public ChatCall lastChat() {
        if (calls.isEmpty()) {
            throw new IllegalStateException("no chat request was received");
        }
        return calls.get(calls.size() - 1);
    }

    @Override
    public void reset() {
        super.reset();
        calls.clear();
        scripted.clear();
    }

    @Override
    protected void handle(Recorded request, Reply reply) throws IOException {
        String path = request.path();
        if (request.method().equals("GET") && (path.equals("/v1/models") || path.equals("/models"))) {
            ObjectNode list = MAPPER.createObjectNode().put("object", "list");
            ArrayNode data = list.putArray("data");
            for (String id : models) {
                data.addObject()
                        .put("id", id)
                        .put("object", "model")
                        .put("created", 1_700_000_000L)
                        .put("owned_by", "editloop-test");
            }
            reply.json(200, MAPPER.writeValueAsString(list));
            return;
        }
        if (!request.method().equals("POST")
                || !(path.equals("/v1/chat/completions") || path.equals("/chat/completions"))) {
            reply.json(404, "{\"detail\":\"Not Found\"}");
            return;
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(request.body());
        } catch (IOException e) {
            reply.json(400, error("request body is not JSON", "BadRequestError", 400));
            return;
        }
        ChatCall call = new ChatCall(body);
        calls.add(call);
        if (!models.contains(call.model())) {
            reply.json(404, error("The model `" + call.model() + "` does not exist.", "NotFoundError", 404));
            return;
        }
        String text = scripted.poll();
        if (text == null) {
            text = responder.reply(call);
        }
        ObjectNode out = MAPPER.createObjectNode()
                .put("id", "chatcmpl-" + ids.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", call.model());
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        out.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        reply.json(200, MAPPER.writeValueAsString(out));
    }

    private static String error(String message, String type, int code) {
        ObjectNode node = MAPPER.createObjectNode();
        node.putObject("error").put("message", message).put("type", type).put("code", code);
        return node.toString();
    }

    /** The share of each criterion's range the default judge answer gives, by position. */
    private static final double[] JUDGE_SHARES = {0.7, 0.9, 0.8, 0.6};

    /** The default responder: {@link #defaultAnswer(String, String, boolean)} on the request's texts. */
    public static String defaultAnswer(ChatCall call) {
        return defaultAnswer(call.prompt(), call.lastUserText(), call.wantsJsonSchema());
    }

    /**
     * A correct answer to each of EditLoop's prompt formats, told apart by what the last user message asks for: a
     * reflect verdict ({@code <verdict>}), a target description ({@code <target>}), a think-while-edit critique
     * ({@code <score>}), a rewrite ({@code <answer>}), a judge's grades (the judge's reply form lists each criterion as
     * {@code "name": <integer MIN-MAX>}; the answer gives the criteria, in order, 70%, 90%, 80% and 60% of their
     * range, rounded: {@code 7, 9, 8, 6} on 0–10, {@code 4, 5, 4, 3} on 1–5), "OK" to "Reply with OK".
     *
     * @param firstUserText the conversation's first user text (the prompt)
     * @param lastUserText its last user text (the prompt, or a repair message)
     * @param json answer as a JSON object with the schema's field names instead of tags
     */
    public static String defaultAnswer(String firstUserText, String lastUserText, boolean json) {
        String last = lastUserText == null ? "" : lastUserText;
        String first = firstUserText == null ? last : firstUserText;
        if (last.contains("Reply with OK")) {
            return "OK";
        }
        if (last.contains("<verdict>")) {
            return json
                    ? "{\"reasoning\": \"The sky is deep orange as described and the tower is unchanged.\","
                            + " \"semantic\": 9, \"quality\": 8, \"verdict\": \"SUCCESS\", \"answer\": \"\"}"
                    : "<judgement>The sky is deep orange as described and the tower is unchanged.</judgement>"
                            + "<score>{\"semantic\": 9, \"quality\": 8}</score><verdict>SUCCESS</verdict>"
                            + "<answer></answer>";
        }
        if (last.contains("<target>")) {
            return json
                    ? "{\"target\": \"The same street at sunset: a deep orange sky, warm light on the walls.\"}"
                    : "<target>The same street at sunset: a deep orange sky, warm light on the walls.</target>";
        }
        if (last.contains("<score>")) {
            return json
                    ? "{\"reasoning\": \"The sky is warmer but still pale; the tower is intact.\", \"semantic\": 6,"
                            + " \"quality\": 8, \"answer\": \"make the sky a deep sunset orange and keep the tower"
                            + " unchanged\"}"
                    : "<think>The sky is warmer but still pale; the tower is intact.</think>"
                            + "<score>{\"semantic\": 6, \"quality\": 8}</score>"
                            + "<answer>make the sky a deep sunset orange and keep the tower unchanged</answer>";
        }
        if (last.contains("<answer>")) {
            return json
                    ? "{\"reasoning\": \"A street under a grey sky.\", \"answer\": \"turn the sky deep orange;"
                            + " add warm light on the walls\"}"
                    : "<think>A street under a grey sky.</think>"
                            + "<answer>turn the sky deep orange; add warm light on the walls</answer>";
        }
        java.util.regex.Matcher grade = java.util.regex.Pattern.compile("\"([a-z0-9_]+)\": <integer (-?\\d+)-(-?\\d+)>")
                .matcher(last);
        StringBuilder grades = new StringBuilder("{");
        int n = 0;
        while (grade.find()) {
            int min = Integer.parseInt(grade.group(2));
            int max = Integer.parseInt(grade.group(3));
            int value = (int) Math.round(min + (max - min) * JUDGE_SHARES[n % JUDGE_SHARES.length]);
            grades.append('"')
                    .append(grade.group(1))
                    .append("\": ")
                    .append(value)
                    .append(", ");
            n++;
        }
        if (n > 0) {
            return grades.append("\"explanation\": \"The sky changed as asked; a faint seam along the roof.\"}")
                    .toString();
        }
        return "I am not sure what you are asking.";
    }

    /** The scripted replies not used yet. */
    public int scriptedLeft() {
        int n = 0;
        for (Iterator<String> it = scripted.iterator(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }
}
