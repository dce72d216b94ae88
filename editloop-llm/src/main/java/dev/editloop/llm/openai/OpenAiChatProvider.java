package dev.editloop.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.llm.ChatProvider;
import dev.editloop.llm.ChatSettings;
import dev.editloop.llm.VendorTraits;
import dev.editloop.remote.HttpTransport;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Backend kind {@code openai-chat}: OpenAI's chat completions API and every server that speaks it (vLLM, SGLang,
 * llama.cpp server, LiteLLM, DashScope's compatible mode), as thinker and judge.
 *
 * <p>Spec: {@code openai-chat:URL[,URL…]?model=NAME&…}; default URL {@code https://api.openai.com/v1}; key from
 * {@code OPENAI_API_KEY} (or {@code key_env}), optional for self-hosted servers: without one a placeholder is sent,
 * which such servers ignore. {@code max_tokens} is sent as {@code max_tokens} (what self-hosted servers read; OpenAI's
 * reasoning models want {@code extra.max_completion_tokens=N} instead), {@code seed} as {@code seed},
 * {@code extra.NAME=VALUE} as top-level request fields (e.g. {@code extra.chat_template_kwargs={"enable_thinking":
 * false}} for vLLM), and {@code response_format=json_schema} as a strict {@code json_schema} response format.
 */
public final class OpenAiChatProvider extends ChatProvider {
    /** The placeholder key sent to servers that need none. */
    static final String PLACEHOLDER_KEY = "EMPTY";

    private static final VendorTraits TRAITS = new VendorTraits(
            "openai-chat",
            "thinker/judge over OpenAI chat completions and compatible servers (vLLM, SGLang, llama.cpp, LiteLLM)",
            "https://api.openai.com/v1",
            "OPENAI_API_KEY",
            false,
            null,
            null,
            true,
            true);

    /** The provider the ServiceLoader creates. */
    public OpenAiChatProvider() {}

    /** A provider reading keys from the given environment (tests, embedding). */
    public OpenAiChatProvider(Map<String, String> env) {
        super(env);
    }

    @Override
    protected VendorTraits traits() {
        return TRAITS;
    }

    @Override
    protected ChatModel model(URI endpoint, ChatSettings s, HttpClientBuilder http) {
        OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(endpoint.toString())
                .apiKey(s.remote().key().value().orElse(PLACEHOLDER_KEY))
                .modelName(s.model())
                .temperature(s.temperature())
                .maxTokens(s.maxTokens())
                .seed(s.seed())
                .timeout(timeout(s))
                .maxRetries(0);
        if (s.jsonSchema()) {
            b.strictJsonSchema(true).supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        }
        if (!s.extras().isEmpty()) {
            b.customParameters(s.extras());
        }
        return b.build();
    }

    @Override
    protected HttpRequest.Builder modelsRequest(URI endpoint, ChatSettings settings) {
        HttpRequest.Builder request = HttpRequest.newBuilder(HttpTransport.resolve(endpoint, "models"))
                .GET();
        settings.remote().key().value().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return request;
    }

    @Override
    protected List<String> modelIds(JsonNode reply) {
        return fieldOfEach(reply.get("data"), "id");
    }

    static Duration timeout(ChatSettings s) {
        return s.remote().timeout().isZero() ? Duration.ofDays(1) : s.remote().timeout();
    }
}
