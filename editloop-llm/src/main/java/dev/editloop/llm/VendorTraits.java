package dev.editloop.llm;

import java.util.Objects;

/**
 * What sets one chat backend kind apart from the others, as far as the shared code needs to know: where it lives by
 * default, where its key comes from, which model it uses unless told, and which request options it can carry.
 *
 * @param kind the spec kind, e.g. {@code openai-chat}
 * @param description one line for help texts
 * @param defaultEndpoint the base URL used when the spec names none; null when a URL is required
 * @param keyEnv the environment variable the key comes from unless {@code key_env} names another; null for none
 * @param keyRequired whether a missing key is an error at creation (hosted APIs) or fine (self-hosted servers)
 * @param defaultModel the model used when the spec names none; null when {@code model} is required
 * @param defaultMaxTokens the reply limit used when the spec sets no {@code max_tokens}; null for the server's own
 * @param extras whether {@code extra.NAME=VALUE} request fields can be sent
 * @param jsonSchema whether {@code response_format=json_schema} can be sent
 */
public record VendorTraits(
        String kind,
        String description,
        String defaultEndpoint,
        String keyEnv,
        boolean keyRequired,
        String defaultModel,
        Integer defaultMaxTokens,
        boolean extras,
        boolean jsonSchema) {
    public VendorTraits {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        if (keyRequired && keyEnv == null) {
            throw new IllegalArgumentException("a required key needs an environment variable");
        }
    }
}
