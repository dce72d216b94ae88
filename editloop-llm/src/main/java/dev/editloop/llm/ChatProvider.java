package dev.editloop.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.retry.RetryPolicy;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.remote.ApiKey;
import dev.editloop.remote.HttpFailures;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The shared half of every chat backend kind: thinker and judge creation, the retry policy of remote backends, and the
 * {@code editloop backends check} probe. A kind supplies its {@link VendorTraits}, how to build its LangChain4j chat
 * model for one endpoint, and how to list the models a server offers.
 *
 * <p>The probe, per endpoint: list the models (reachable; 401/403 mean the key was refused, and the row names its
 * variable; the spec's model must be among them), then one tiny chat round trip ("Reply with OK"), timed. A kind whose
 * server cannot list models goes straight to the round trip.
 */
public abstract class ChatProvider implements BackendProvider {
    /** The prompt of the round trip that {@link #check} times. */
    static final String PING = "Reply with OK.";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SHOWN_MODELS = 8;

    private final Map<String, String> env;

    /** A provider reading keys from the process environment (the ServiceLoader's constructor). */
    protected ChatProvider() {
        this(System.getenv());
    }

    /** A provider reading keys from the given environment (tests, embedding). */
    protected ChatProvider(Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /** What sets this kind apart. */
    protected abstract VendorTraits traits();

    /**
     * Builds the LangChain4j chat model for one endpoint: no retries of its own, the given HTTP client, and every
     * option of the settings this kind can carry.
     */
    protected abstract ChatModel model(URI endpoint, ChatSettings settings, HttpClientBuilder http);

    /**
     * The request that lists the models an endpoint offers, or null when the kind has none (the check then goes
     * straight to the round trip).
     */
    protected abstract HttpRequest.Builder modelsRequest(URI endpoint, ChatSettings settings);

    /** The model ids in a reply to {@link #modelsRequest}. */
    protected abstract List<String> modelIds(JsonNode reply);

    /** Whether the spec's model is among the ids the server lists; exact match unless a kind knows aliases. */
    protected boolean served(String model, List<String> ids) {
        return ids.contains(model);
    }

    @Override
    public final String kind() {
        return traits().kind();
    }

    @Override
    public final String description() {
        return traits().description();
    }

    @Override
    public final Set<BackendRole> roles() {
        return EnumSet.of(BackendRole.THINKER, BackendRole.JUDGE);
    }

    @Override
    public RetryPolicy defaultRetryPolicy() {
        return RetryPolicy.DEFAULT;
    }

    /**
     * Reads a spec into settings.
     *
     * @throws InvalidInputException when the spec is wrong or a required key is missing
     */
    public ChatSettings settings(BackendSpec spec) {
        if (!kind().equals(spec.kind())) {
            throw new IllegalArgumentException("spec kind " + spec.kind() + " given to the " + kind() + " provider");
        }
        return ChatSettings.from(spec, traits(), env);
    }

    /** A client with one chat model per endpoint of the spec. */
    public ChatClient client(BackendSpec spec) {
        return new ChatClient(settings(spec), this::model);
    }

    @Override
    public Thinker thinker(BackendSpec spec) {
        return new ChatThinker(client(spec));
    }

    @Override
    public Judge judge(BackendSpec spec) {
        return new ChatJudge(client(spec));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A missing required key is a row with authentication FAILED that names the variable; any other mistake in the
     * spec is bad input and throws.
     *
     * @throws InvalidInputException when the spec is wrong (unknown parameter, missing model…)
     */
    @Override
    public List<BackendCheck> check(BackendSpec spec, BackendRole role) {
        ApiKey key = ApiKey.fromEnv(spec.param("key_env", traits().keyEnv()), env);
        if (traits().keyRequired() && !key.present()) {
            String endpoints = spec.endpoints().isEmpty()
                    ? String.valueOf(traits().defaultEndpoint())
                    : String.join(",", spec.endpoints());
            return List.of(new BackendCheck(
                    spec.display(),
                    endpoints,
                    Status.UNKNOWN,
                    Status.FAILED,
                    Status.UNKNOWN,
                    null,
                    kind() + " needs an API key: " + key.hint()));
        }
        ChatClient client = client(spec);
        List<BackendCheck> rows = new ArrayList<>();
        for (URI endpoint : client.endpoints()) {
            rows.add(checkEndpoint(spec.display(), client, endpoint));
        }
        return rows;
    }

    private BackendCheck checkEndpoint(String display, ChatClient client, URI endpoint) {
        ChatSettings settings = client.settings();
        ApiKey key = settings.remote().key();
        String shown = HttpFailures.redact(endpoint);
        Status authenticated = Status.UNKNOWN;
        Status model = Status.UNKNOWN;
        String listed = "";
        HttpRequest.Builder request = modelsRequest(endpoint, settings);
        if (request != null) {
            Duration timeout = settings.remote().timeout().isZero()
                            || settings.remote().timeout().compareTo(Duration.ofSeconds(30)) > 0
                    ? Duration.ofSeconds(30)
                    : settings.remote().timeout();
            HttpRequest built = request.timeout(timeout).build();
            HttpResponse<byte[]> response;
            try (HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .build()) {
                response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                return BackendCheck.unreachable(
                        display,
                        shown,
                        HttpFailures.io(kind(), built.uri(), e, key).getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return BackendCheck.unreachable(display, shown, "interrupted");
            }
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse(null);
            if (ChatFailures.keyRefused(status, new String(response.body(), StandardCharsets.UTF_8))) {
                String message = HttpFailures.status(kind(), built.uri(), status, type, response.body(), key)
                        .getMessage();
                if (status == 400) {
                    message = key.redact(HttpFailures.where(kind(), built.uri())
                            + ": authentication failed (HTTP 400, the API key is not valid): " + key.hint());
                }
                return new BackendCheck(display, shown, Status.OK, Status.FAILED, Status.UNKNOWN, null, message);
            }
            if (status >= 200 && status <= 299) {
                authenticated = Status.OK;
                List<String> ids = ids(response.body());
                if (ids == null) {
                    listed = "the model list was not JSON (" + HttpFailures.describeBody(type, response.body()) + "); ";
                } else if (served(settings.model(), ids)) {
                    model = Status.OK;
                } else {
                    List<String> few = ids.stream().sorted().limit(SHOWN_MODELS).toList();
                    String available = ids.isEmpty()
                            ? "the server lists no model"
                            : "available: " + String.join(", ", few) + (ids.size() > few.size() ? ", …" : "") + " ("
                                    + ids.size() + " in all)";
                    return new BackendCheck(
                            display,
                            shown,
                            Status.OK,
                            Status.OK,
                            Status.FAILED,
                            null,
                            "model '" + settings.model() + "' is not served here; " + available);
                }
            } else {
                listed = "listing models failed ("
                        + HttpFailures.status(kind(), built.uri(), status, type, response.body(), key)
                                .getMessage() + "); ";
            }
        }
        long start = System.nanoTime();
        try {
            ChatReply reply = client.sendTo(endpoint, List.of(UserMessage.from(PING)), null);
            long millis = (System.nanoTime() - start) / 1_000_000;
            String said = reply.text().strip().replaceAll("\\s+", " ");
            said = said.length() > 40 ? said.substring(0, 40) + "…" : said;
            return new BackendCheck(
                    display,
                    shown,
                    Status.OK,
                    authenticated == Status.UNKNOWN ? Status.OK : authenticated,
                    Status.OK,
                    millis,
                    listed + "model " + settings.model() + " answered '" + said + "' in " + millis + " ms");
        } catch (EditLoopException e) {
            return new BackendCheck(
                    display,
                    shown,
                    request == null ? Status.UNKNOWN : Status.OK,
                    authenticated,
                    Status.FAILED,
                    null,
                    listed + "the round trip failed: " + e.getMessage());
        }
    }

    private List<String> ids(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
            return node == null || !node.isContainerNode() ? null : modelIds(node);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The text values of one field of every element of an array: {@code data[].id}, {@code models[].name}. */
    protected static List<String> fieldOfEach(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                JsonNode value = item.get(field);
                if (value != null && value.isTextual()) {
                    ids.add(value.asText());
                }
            }
        }
        return ids;
    }
}
