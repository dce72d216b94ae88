package dev.editloop.llm.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.llm.ChatProvider;
import dev.editloop.llm.ChatSettings;
import dev.editloop.llm.VendorTraits;
import dev.editloop.remote.HttpTransport;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Backend kind {@code gemini}: Google's Gemini API ({@code generateContent}), as thinker and judge.
 *
 * <p>Spec: {@code gemini:?model=NAME&…} (default model {@value #DEFAULT_MODEL}); default URL
 * {@code https://generativelanguage.googleapis.com/v1beta}; key from {@code GEMINI_API_KEY} (or {@code key_env}),
 * required. {@code max_tokens} is sent as {@code maxOutputTokens}, {@code seed} as the generation seed,
 * {@code response_format=json_schema} as a response schema. Extra request fields are not supported (LangChain4j's
 * Gemini client has no way to add them). The check lists models with {@code GET /models}.
 */
public final class GeminiProvider extends ChatProvider {
    /** The model used when the spec names none. */
    public static final String DEFAULT_MODEL = "gemini-2.5-flash";

    private static final VendorTraits TRAITS = new VendorTraits(
            "gemini",
            "thinker/judge over Google's Gemini API",
            "https://generativelanguage.googleapis.com/v1beta",
            "GEMINI_API_KEY",
            true,
            DEFAULT_MODEL,
            null,
            false,
            true);

    /** The provider the ServiceLoader creates. */
    public GeminiProvider() {}

    /** A provider reading keys from the given environment (tests, embedding). */
    public GeminiProvider(Map<String, String> env) {
        super(env);
    }

    @Override
    protected VendorTraits traits() {
        return TRAITS;
    }

    @Override
    protected ChatModel model(URI endpoint, ChatSettings s, HttpClientBuilder http) {
        return GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(endpoint.toString())
                .apiKey(s.remote().key().value().orElseThrow())
                .modelName(s.model())
                .temperature(s.temperature())
                .maxOutputTokens(s.maxTokens())
                .seed(s.seed())
                .timeout(
                        s.remote().timeout().isZero()
                                ? Duration.ofDays(1)
                                : s.remote().timeout())
                .maxRetries(0)
                .build();
    }

    @Override
    protected HttpRequest.Builder modelsRequest(URI endpoint, ChatSettings settings) {
        return HttpRequest.newBuilder(HttpTransport.resolve(endpoint, "models?pageSize=1000"))
                .header("x-goog-api-key", settings.remote().key().value().orElse(""))
                .GET();
    }

    @Override
    protected List<String> modelIds(JsonNode reply) {
        List<String> ids = new ArrayList<>();
        for (String name : fieldOfEach(reply.get("models"), "name")) {
            ids.add(name.startsWith("models/") ? name.substring("models/".length()) : name);
        }
        return ids;
    }
}
