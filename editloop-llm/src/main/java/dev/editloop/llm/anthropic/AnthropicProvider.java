package dev.editloop.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.llm.ChatProvider;
import dev.editloop.llm.ChatSettings;
import dev.editloop.llm.VendorTraits;
import dev.editloop.remote.HttpTransport;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Backend kind {@code anthropic}: Anthropic's Messages API, as thinker and judge.
 *
 * <p>Spec: {@code anthropic:?model=NAME&…} (default model {@value #DEFAULT_MODEL}); default URL
 * {@code https://api.anthropic.com/v1}; key from {@code ANTHROPIC_API_KEY} (or {@code key_env}), required.
 * {@code max_tokens} defaults to {@value #DEFAULT_MAX_TOKENS} (the API requires one); {@code extra.NAME=VALUE} adds
 * top-level request fields; the API has no seed, so {@code seed} is not sent; {@code response_format=json_schema} is
 * not offered. The check lists models with {@code GET /models}; a name matches a listed dated id it is the alias of
 * ({@code claude-sonnet-4-5} for {@code claude-sonnet-4-5-20250929}).
 */
public final class AnthropicProvider extends ChatProvider {
    /** The model used when the spec names none. */
    public static final String DEFAULT_MODEL = "claude-sonnet-4-5";

    /** The reply limit used when the spec sets none. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    /** The API version header the check sends. */
    static final String API_VERSION = "2023-06-01";

    private static final VendorTraits TRAITS = new VendorTraits(
            "anthropic",
            "thinker/judge over Anthropic's Messages API",
            "https://api.anthropic.com/v1",
            "ANTHROPIC_API_KEY",
            true,
            DEFAULT_MODEL,
            DEFAULT_MAX_TOKENS,
            true,
            false);

    /** The provider the ServiceLoader creates. */
    public AnthropicProvider() {}

    /** A provider reading keys from the given environment (tests, embedding). */
    public AnthropicProvider(Map<String, String> env) {
        super(env);
    }

    @Override
    protected VendorTraits traits() {
        return TRAITS;
    }

    @Override
    protected ChatModel model(URI endpoint, ChatSettings s, HttpClientBuilder http) {
        AnthropicChatModel.AnthropicChatModelBuilder b = AnthropicChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(endpoint + "/")
                .apiKey(s.remote().key().value().orElseThrow())
                .modelName(s.model())
                .temperature(s.temperature())
                .maxTokens(s.maxTokens())
                .timeout(
                        s.remote().timeout().isZero()
                                ? Duration.ofDays(1)
                                : s.remote().timeout())
                .maxRetries(0);
        if (!s.extras().isEmpty()) {
            b.customParameters(s.extras());
        }
        return b.build();
    }

    @Override
    protected HttpRequest.Builder modelsRequest(URI endpoint, ChatSettings settings) {
        return HttpRequest.newBuilder(HttpTransport.resolve(endpoint, "models?limit=1000"))
                .header("x-api-key", settings.remote().key().value().orElse(""))
                .header("anthropic-version", API_VERSION)
                .GET();
    }

    @Override
    protected List<String> modelIds(JsonNode reply) {
        return fieldOfEach(reply.get("data"), "id");
    }

    @Override
    protected boolean served(String model, List<String> ids) {
        return ids.contains(model)
                || ids.stream().anyMatch(id -> id.matches(java.util.regex.Pattern.quote(model) + "-\\d{8}"));
    }
}
