package dev.editloop.remote;

import dev.editloop.core.NonRetriableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A small HTTP client for the editor adapters over the JDK's {@link HttpClient}: it adds the key header, applies the
 * timeout, reads the reply whole, and turns every failure into an EditLoop exception through {@link HttpFailures}.
 * Thread-safe; one instance serves a whole backend.
 */
public final class HttpTransport implements AutoCloseable {
    /** How the key travels. */
    public sealed interface Auth {
        /** {@code Authorization: Bearer KEY} (OpenAI and compatible servers). */
        static Auth bearer() {
            return new Header("Authorization", "Bearer ");
        }

        /** A header of its own holding the key, e.g. {@code x-goog-api-key}. */
        static Auth header(String name) {
            return new Header(name, "");
        }

        /** No key is sent. */
        static Auth none() {
            return None.INSTANCE;
        }
    }

    /** The key in a header, after a prefix. */
    record Header(String name, String prefix) implements Auth {}

    /** No key. */
    enum None implements Auth {
        INSTANCE
    }

    private final RemoteSettings settings;
    private final Auth auth;
    private final HttpClient client;

    /** A transport for one backend. */
    public HttpTransport(RemoteSettings settings, Auth auth) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.auth = Objects.requireNonNull(auth, "auth");
        Duration connect =
                settings.timeout().compareTo(Duration.ofSeconds(10)) < 0 ? settings.timeout() : Duration.ofSeconds(10);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect.isZero() ? Duration.ofSeconds(10) : connect)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The settings this transport was made with. */
    public RemoteSettings settings() {
        return settings;
    }

    /** {@code GET url}. */
    public HttpReply get(URI url) {
        return send(url, HttpRequest.newBuilder(url).GET());
    }

    /** {@code POST url} with a JSON body. */
    public HttpReply postJson(URI url, String json) {
        return send(
                url,
                HttpRequest.newBuilder(url)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /**
     * {@code POST url} with a JSON body, handing back replies of the given non-2xx statuses instead of throwing (a
     * server whose error body the caller reads, such as ComfyUI's 400 with {@code node_errors}).
     */
    public HttpReply postJson(URI url, String json, IntPredicate keep) {
        return send(
                url,
                HttpRequest.newBuilder(url)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                keep);
    }

    /** {@code POST url} with a multipart form. */
    public HttpReply postMultipart(URI url, Multipart form) {
        return send(
                url,
                HttpRequest.newBuilder(url)
                        .header("Content-Type", form.contentType())
                        .POST(form.body()));
    }

    /**
     * Sends a request with the key and the timeout added, and reads the reply whole.
     *
     * @param url the URL, for messages (the request's own)
     * @throws dev.editloop.core.RetriableException on 408/425/429/5xx, timeouts and refused connections
     * @throws NonRetriableException on other statuses; 401/403 name the key's environment variable
     */
    public HttpReply send(URI url, HttpRequest.Builder request) {
        return send(url, request, status -> false);
    }

    /**
     * As {@link #send(URI, HttpRequest.Builder)}, but replies whose status {@code keep} accepts are returned, not
     * thrown; the caller reads their {@link HttpReply#status()}.
     */
    public HttpReply send(URI url, HttpRequest.Builder request, IntPredicate keep) {
        request.timeout(settings.timeout().isZero() ? Duration.ofDays(1) : settings.timeout());
        request.setHeader("User-Agent", "editloop");
        if (auth instanceof Header header && settings.key().present()) {
            request.setHeader(
                    header.name(), header.prefix() + settings.key().value().orElseThrow());
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw HttpFailures.io(settings.backend(), url, e, settings.key());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NonRetriableException(HttpFailures.where(settings.backend(), url) + ": interrupted", e);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        String type = response.headers().firstValue("Content-Type").orElse("");
        byte[] body = response.body();
        int status = response.statusCode();
        if ((status < 200 || status > 299) && !keep.test(status)) {
            throw HttpFailures.status(
                    settings.backend(),
                    url,
                    status,
                    type,
                    body,
                    settings.key(),
                    response.headers().firstValue("Retry-After").orElse(null));
        }
        return new HttpReply(settings.backend(), url, status, type, body, elapsed, settings.key());
    }

    /**
     * A health probe for an {@link EndpointPool}: an endpoint is healthy when {@code GET endpoint/path} answers with
     * any status below 500 (a 404 still means the server is up); a refused connection, a timeout or a 5xx is not.
     */
    public java.util.function.Predicate<URI> answers(String path) {
        return endpoint -> {
            try {
                send(
                        resolve(endpoint, path),
                        HttpRequest.newBuilder(resolve(endpoint, path)).GET(),
                        status -> status < 500);
                return true;
            } catch (dev.editloop.core.EditLoopException e) {
                return !e.retriable();
            }
        };
    }

    /** Resolves a path against an endpoint: {@code resolve(http://h:8000/v1, "images/edits")}. */
    public static URI resolve(URI endpoint, String path) {
        String base = endpoint.toString();
        String tail = path.startsWith("/") ? path.substring(1) : path;
        return URI.create(base.endsWith("/") ? base + tail : base + "/" + tail);
    }

    @Override
    public void close() {
        client.close();
    }
}
