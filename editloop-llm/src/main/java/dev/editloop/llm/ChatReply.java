package dev.editloop.llm;

import dev.editloop.core.Usage;
import java.net.URI;
import java.util.Objects;

/**
 * A chat model's answer to one request.
 *
 * @param text the reply text, empty when the model sent none
 * @param usage tokens counted by the server, {@link Usage#NONE} when it counted none
 * @param endpoint the endpoint that answered
 */
public record ChatReply(String text, Usage usage, URI endpoint) {
    public ChatReply {
        text = text == null ? "" : text;
        usage = usage == null ? Usage.NONE : usage;
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
