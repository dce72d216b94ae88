package dev.editloop.llm.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.llm.ChatProvider;
import dev.editloop.llm.ChatSettings;
import dev.editloop.llm.VendorTraits;
import dev.editloop.remote.HttpTransport;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Backend kind {@code ollama}: a vision model served by Ollama's native chat API ({@code POST /api/chat}), as thinker
 * and judge.
 *
 * <p>Spec: {@code ollama:URL?model=NAME&…}; default URL {@code http://localhost:11434}; no key (one named with
 * {@code key_env} is sent as a bearer token, for an Ollama behind an authenticating proxy). {@code max_tokens} is sent
 * as {@code num_predict}, {@code seed} and {@code temperature} as options, {@code response_format=json_schema} as the
 * request's {@code format} schema. Extra request fields are not supported (LangChain4j's Ollama client has no way to
 * add them). The check lists models with {@code GET /api/tags}; {@code NAME} matches {@code NAME:latest}.
 */
public final class OllamaProvider extends ChatProvider {
    private static final VendorTraits TRAITS = new VendorTraits(
            "ollama",
            "thinker/judge over a vision model served by Ollama",
            "http://localhost:11434",
            null,
            false,
            null,
            null,
            false,
            true);

    /** The provider the ServiceLoader creates. */
    public OllamaProvider() {}

    /** A provider reading keys from the given environment (tests, embedding). */
    public OllamaProvider(Map<String, String> env) {
        super(env);
    }

    @Override
    protected VendorTraits traits() {
        return TRAITS;
    }

    @Override
    protected ChatModel model(URI endpoint, ChatSettings s, HttpClientBuilder http) {
        OllamaChatModel.OllamaChatModelBuilder b = OllamaChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(endpoint.toString())
                .modelName(s.model())
                .temperature(s.temperature())
                .numPredict(s.maxTokens())
                .seed(s.seed())
                .timeout(
                        s.remote().timeout().isZero()
                                ? Duration.ofDays(1)
                                : s.remote().timeout())
                .maxRetries(0);
        s.remote().key().value().ifPresent(key -> b.customHeaders(Map.of("Authorization", "Bearer " + key)));
        if (s.jsonSchema()) {
            b.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        }
        return b.build();
    }

    @Override
    protected HttpRequest.Builder modelsRequest(URI endpoint, ChatSettings settings) {
        HttpRequest.Builder request = HttpRequest.newBuilder(HttpTransport.resolve(endpoint, "api/tags"))
                .GET();
        settings.remote().key().value().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return request;
    }

    @Override
    protected List<String> modelIds(JsonNode reply) {
        return fieldOfEach(reply.get("models"), "name");
    }

    @Override
    protected boolean served(String model, List<String> ids) {
        return ids.contains(model) || (!model.contains(":") && ids.contains(model + ":latest"));
    }
}
