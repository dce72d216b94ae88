package dev.editloop.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.remote.ApiKey;
import dev.editloop.remote.HttpFailures;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;

/**
 * The one place where what LangChain4j throws becomes an EditLoop exception: HTTP statuses and I/O failures go through
 * {@link HttpFailures} (so chat backends fail exactly like every other remote backend), anything else becomes a
 * one-line message naming the backend and the endpoint. No message carries the key, and server text in a message has
 * its control characters escaped ({@link HttpFailures#escape}).
 */
public final class ChatFailures {
    private static final int SNIPPET = 200;

    private ChatFailures() {}

    /**
     * The EditLoop exception for a failed chat call.
     *
     * @param e what the chat model threw
     * @param backend the backend kind
     * @param endpoint the endpoint called
     * @param key the key sent (removed from the message; its variable named on 401/403)
     */
    public static EditLoopException map(RuntimeException e, String backend, URI endpoint, ApiKey key) {
        if (e instanceof EditLoopException already) {
            return already;
        }
        String where = HttpFailures.where(backend, endpoint);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                byte[] body =
                        http.getMessage() == null ? null : http.getMessage().getBytes(StandardCharsets.UTF_8);
                EditLoopException mapped = HttpFailures.status(backend, endpoint, http.statusCode(), null, body, key);
                if (keyRefused(http.statusCode(), http.getMessage())) {
                    return new NonRetriableException(key.redact(where + ": authentication failed (HTTP "
                            + http.statusCode() + ", the API key is not valid): " + key.hint()));
                }
                if (http.statusCode() == 400 && tooManyImages(http.getMessage())) {
                    return new NonRetriableException(mapped.getMessage()
                            + " (EditLoop sends two images per think-while-edit request: start vLLM with"
                            + " --limit-mm-per-prompt '{\"image\":2}')");
                }
                return mapped;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException json) {
                return new NonRetriableException(key.redact(where + ": the reply is not the JSON this backend answers ("
                        + HttpFailures.escape(cut(oneLine(json.getOriginalMessage())))
                        + "): check that the URL points at the API"
                        + " (e.g. …/v1 for OpenAI-compatible servers)"));
            }
            if (t instanceof IOException io) {
                return HttpFailures.io(backend, endpoint, io, key);
            }
            if (t instanceof UnresolvedAddressException) {
                return new NonRetriableException(where + ": unknown host " + endpoint.getHost(), e);
            }
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return new NonRetriableException(where + ": interrupted", e);
            }
        }
        if (e instanceof dev.langchain4j.exception.TimeoutException) {
            return HttpFailures.io(backend, endpoint, new HttpTimeoutException("timed out"), key);
        }
        String message =
                key.redact(e.getMessage() == null ? "" : ": " + HttpFailures.escape(cut(oneLine(e.getMessage()))));
        if (e instanceof UnsupportedFeatureException) {
            return new InvalidInputException(where + ": the model does not support this request" + message);
        }
        if (e instanceof dev.langchain4j.exception.RetriableException) {
            return new RetriableException(where + ": " + e.getClass().getSimpleName() + message, e);
        }
        return new NonRetriableException(where + ": " + e.getClass().getSimpleName() + message, e);
    }

    /**
     * Whether a reply refuses the key: 401 and 403 everywhere, and Google's 400 with {@code API_KEY_INVALID} (the Gemini
     * API's answer to a wrong key).
     */
    static boolean keyRefused(int status, String body) {
        return status == 401 || status == 403 || (status == 400 && body != null && body.contains("API_KEY_INVALID"));
    }

    /** Whether a 400 body is a server's refusal of more than N images per prompt (vLLM's default is one). */
    private static boolean tooManyImages(String body) {
        String b = body == null ? "" : body.toLowerCase(java.util.Locale.ROOT);
        return b.contains("image")
                && (b.contains("at most") || b.contains("limit-mm-per-prompt") || b.contains("limit_mm_per_prompt"));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    private static String cut(String s) {
        return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "…";
    }
}
