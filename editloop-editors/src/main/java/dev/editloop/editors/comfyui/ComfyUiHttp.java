package dev.editloop.editors.comfyui;

import dev.editloop.core.NonRetriableException;
import dev.editloop.core.remote.HttpFailures;
import dev.editloop.core.remote.HttpReply;
import dev.editloop.core.remote.Multipart;
import dev.editloop.core.remote.RemoteSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP calls of the ComfyUI editor, over the JDK client, with every failure mapped by {@link HttpFailures} like
 * {@link dev.editloop.core.remote.HttpTransport} does. It differs in one way: {@code POST /prompt} hands a 400 reply
 * back instead of throwing, because its body (the {@code error} and {@code node_errors} of a rejected workflow) is
 * what the user needs to read. An optional key travels as {@code Authorization: Bearer} (ComfyUI behind a proxy that
 * asks for one). Thread-safe.
 */
final class ComfyUiHttp implements AutoCloseable {
    private final RemoteSettings settings;
    private final HttpClient client;

    ComfyUiHttp(RemoteSettings settings) {
        this.settings = settings;
        Duration connect = settings.timeout().isZero() || settings.timeout().compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10)
                : settings.timeout();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** {@code GET url}. */
    HttpReply get(URI url) {
        return send(url, HttpRequest.newBuilder(url).GET(), false);
    }

    /** {@code POST url} with a JSON body; with {@code keepBadRequest}, a 400 reply is returned, not thrown. */
    HttpReply postJson(URI url, String json, boolean keepBadRequest) {
        return send(
                url,
                HttpRequest.newBuilder(url)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                keepBadRequest);
    }

    /** {@code POST url} with a multipart form. */
    HttpReply postMultipart(URI url, Multipart form) {
        return send(
                url,
                HttpRequest.newBuilder(url)
                        .header("Content-Type", form.contentType())
                        .POST(form.body()),
                false);
    }

    private HttpReply send(URI url, HttpRequest.Builder request, boolean keepBadRequest) {
        request.timeout(settings.timeout().isZero() ? Duration.ofDays(1) : settings.timeout());
        request.setHeader("User-Agent", "editloop");
        settings.key().value().ifPresent(key -> request.setHeader("Authorization", "Bearer " + key));
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
        int status = response.statusCode();
        boolean ok = (status >= 200 && status <= 299) || (keepBadRequest && status == 400);
        if (!ok) {
            throw HttpFailures.status(settings.backend(), url, status, type, response.body(), settings.key());
        }
        return new HttpReply(settings.backend(), url, status, type, response.body(), elapsed, settings.key());
    }

    @Override
    public void close() {
        client.close();
    }
}
