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
 * @param model the model name the server reported in its reply, or null when it reported none
 */
public record ChatReply(String text, Usage usage, URI endpoint, String model) {
    public ChatReply {
        text = text == null ? "" : text;
        usage = usage == null ? Usage.NONE : usage;
        Objects.requireNonNull(endpoint, "endpoint");
        model = model == null || model.isBlank() ? null : model;
    }

    /** A reply whose server reported no model. */
    public ChatReply(String text, Usage usage, URI endpoint) {
        this(text, usage, endpoint, null);
    }
}
