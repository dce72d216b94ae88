package dev.editloop.llm;

import dev.editloop.remote.ApiKey;
import dev.editloop.remote.HttpFailures;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * LangChain4j's JDK HTTP client with one check added: a 2xx reply that is not JSON (a proxy's HTML page, an empty
 * body, plain text) fails at once with a message that describes the body, instead of as a JSON parse error deep inside
 * the vendor client. HTTP/1.1 only, like the rest of EditLoop's remote clients (no h2c upgrade that some proxies
 * refuse).
 */
final class GuardedHttpClient implements HttpClient {
    private final HttpClient delegate;
    private final String backend;
    private final URI endpoint;
    private final ApiKey key;

    private GuardedHttpClient(HttpClient delegate, String backend, URI endpoint, ApiKey key) {
        this.delegate = delegate;
        this.backend = backend;
        this.endpoint = endpoint;
        this.key = key;
    }

    /** A builder for one endpoint of one backend, with the timeouts already set. */
    static HttpClientBuilder builder(ChatSettings settings, URI endpoint) {
        Duration timeout = settings.remote().timeout().isZero()
                ? Duration.ofDays(1)
                : settings.remote().timeout();
        Duration connect = timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
        JdkHttpClientBuilder jdk = JdkHttpClient.builder()
                .httpClientBuilder(
                        java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1))
                .connectTimeout(connect)
                .readTimeout(timeout);
        return new Builder(jdk, settings.kind(), endpoint, settings.remote().key());
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        SuccessfulHttpResponse response = delegate.execute(request);
        String type =
                response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
        String body = response.body() == null ? "" : response.body().stripLeading();
        boolean json = body.startsWith("{") || body.startsWith("[");
        if (!json || type.contains("html")) {
            throw HttpFailures.badReply(
                    backend, endpoint, "a JSON reply", response.contentType(), bytes(response), key);
        }
        return response;
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        delegate.execute(request, parser, listener);
    }

    private static byte[] bytes(SuccessfulHttpResponse response) {
        byte[] b = response.bodyBytes();
        if (b != null) {
            return b;
        }
        return response.body() == null
                ? new byte[0]
                : response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Builds the guarded client around the JDK one. */
    private static final class Builder implements HttpClientBuilder {
        private final JdkHttpClientBuilder jdk;
        private final String backend;
        private final URI endpoint;
        private final ApiKey key;

        Builder(JdkHttpClientBuilder jdk, String backend, URI endpoint, ApiKey key) {
            this.jdk = jdk;
            this.backend = backend;
            this.endpoint = endpoint;
            this.key = key;
        }

        @Override
        public Duration connectTimeout() {
            return jdk.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                jdk.connectTimeout(timeout);
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return jdk.readTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                jdk.readTimeout(timeout);
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new GuardedHttpClient(jdk.build(), backend, endpoint, key);
        }
    }
}
