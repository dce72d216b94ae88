package dev.editloop.llm;

import dev.editloop.core.EditLoopException;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Usage;
import dev.editloop.remote.EndpointPool;
import dev.editloop.remote.HttpFailures;
import dev.editloop.remote.HttpTransport;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One LangChain4j chat model per endpoint of a backend, used as one through an {@link EndpointPool} (round robin,
 * per-endpoint concurrency, failure counting). Every failure leaves here as an EditLoop exception
 * ({@link ChatFailures}); retries are the registry's wrapper's job, so the vendor clients are built with none.
 * Thread-safe: the models are immutable after construction and the pool is thread-safe.
 */
public final class ChatClient implements AutoCloseable {
    /** Builds the vendor's chat model for one endpoint. */
    @FunctionalInterface
    public interface ModelFactory {
        /**
         * Creates a chat model.
         *
         * @param endpoint the base URL
         * @param settings the spec's settings (model, temperature, key…)
         * @param http the HTTP client to use (JDK client, timeouts set, non-JSON replies refused)
         */
        ChatModel create(URI endpoint, ChatSettings settings, HttpClientBuilder http);
    }

    private final ChatSettings settings;
    private final EndpointPool pool;
    private final HttpTransport probe;
    private final Map<URI, ChatModel> models;

    /**
     * Builds one model per endpoint.
     *
     * @throws InvalidInputException when the vendor client refuses the settings
     */
    public ChatClient(ChatSettings settings, ModelFactory factory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.probe = new HttpTransport(settings.remote(), HttpTransport.Auth.none());
        this.pool = new EndpointPool(settings.remote()).healthProbe(probe.answers(""));
        Map<URI, ChatModel> map = new LinkedHashMap<>();
        for (URI endpoint : settings.remote().endpoints()) {
            try {
                map.put(endpoint, factory.create(endpoint, settings, GuardedHttpClient.builder(settings, endpoint)));
            } catch (EditLoopException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new InvalidInputException(
                        settings.remote()
                                .key()
                                .redact(HttpFailures.where(settings.kind(), endpoint)
                                        + ": cannot set up the chat client: " + e.getMessage()),
                        e);
            }
        }
        this.models = Map.copyOf(map);
    }

    /** The settings. */
    public ChatSettings settings() {
        return settings;
    }

    /** The endpoints, in order. */
    public List<URI> endpoints() {
        return pool.endpoints();
    }

    /** The pool, for status and health probes. */
    public EndpointPool pool() {
        return pool;
    }

    /**
     * Sends a conversation to the next endpoint of the pool.
     *
     * @param format a response format to ask for, or null for plain text
     */
    public ChatReply send(List<ChatMessage> messages, ResponseFormat format) {
        return pool.call(endpoint -> sendTo(endpoint, messages, format));
    }

    /** Sends a conversation to one endpoint, outside the pool's bookkeeping (checks). */
    public ChatReply sendTo(URI endpoint, List<ChatMessage> messages, ResponseFormat format) {
        ChatModel model = models.get(endpoint);
        if (model == null) {
            throw new IllegalArgumentException("not an endpoint of this backend: " + endpoint);
        }
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (format != null) {
            request.responseFormat(format);
        }
        ChatResponse response;
        try {
            response = model.chat(request.build());
        } catch (RuntimeException e) {
            throw ChatFailures.map(
                    e, settings.kind(), endpoint, settings.remote().key());
        }
        if (response == null || response.aiMessage() == null) {
            throw HttpFailures.badReply(settings.kind(), endpoint, "the reply holds no message");
        }
        String reported;
        try {
            reported = response.modelName();
        } catch (RuntimeException e) {
            reported = null; // a vendor response without metadata
        }
        return new ChatReply(response.aiMessage().text(), usage(response.tokenUsage()), endpoint, reported);
    }

    /** {@code kind:endpoints?model=…}, never a key. */
    public String describe() {
        return settings.describe();
    }

    @Override
    public void close() {
        // the JDK HTTP clients inside the models hold no resources that outlive their last request
        probe.close();
    }

    private static Usage usage(TokenUsage tokens) {
        if (tokens == null) {
            return Usage.NONE;
        }
        long in = tokens.inputTokenCount() == null ? 0 : Math.max(0, tokens.inputTokenCount());
        long out = tokens.outputTokenCount() == null ? 0 : Math.max(0, tokens.outputTokenCount());
        return new Usage(in, out);
    }
}
