package dev.editloop.remote;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.spi.BackendSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings every remote backend reads from its spec the same way.
 *
 * <p>Spec parameters: {@code key_env} (the environment variable holding the key, overriding the backend's default),
 * {@code timeout} (seconds per request), {@code concurrency} (requests in flight per endpoint), {@code max_failures}
 * (consecutive failures that take an endpoint out of its pool), {@code cooldown} (seconds before such an endpoint is
 * tried again). Retries are read by {@link BackendSpec#retryPolicy}.
 *
 * @param backend the name used in messages: the spec's kind
 * @param endpoints the base URLs, at least one
 * @param key the API key (possibly {@link ApiKey#none()} or absent)
 * @param timeout the limit for one request, from sending to the last byte of the reply
 * @param concurrency requests in flight per endpoint
 * @param maxFailures consecutive failures after which an endpoint is taken out
 * @param cooldown how long a taken-out endpoint rests before it is tried again
 */
public record RemoteSettings(
        String backend,
        List<URI> endpoints,
        ApiKey key,
        Duration timeout,
        int concurrency,
        int maxFailures,
        Duration cooldown) {

    /** Default per-endpoint concurrency. */
    public static final int DEFAULT_CONCURRENCY = 4;
    /** Default consecutive failures before an endpoint is taken out. */
    public static final int DEFAULT_MAX_FAILURES = 3;
    /** Default rest of a taken-out endpoint. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(30);

    public RemoteSettings {
        Objects.requireNonNull(backend, "backend");
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new InvalidInputException(
                    backend + ": no endpoint URL given (use " + backend + ":http://host:port…)");
        }
        key = key == null ? ApiKey.none() : key;
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cooldown, "cooldown");
        if (concurrency < 1 || maxFailures < 1) {
            throw new IllegalArgumentException("concurrency and maxFailures must be at least 1");
        }
    }

    /**
     * Reads the settings of a spec.
     *
     * @param spec the parsed spec
     * @param defaultEndpoint used when the spec names no URL (hosted APIs: {@code https://api.openai.com/v1}); null
     *     when a URL is required
     * @param defaultKeyEnv the variable the key comes from unless {@code key_env} names another; null for none
     * @param defaultTimeout the request limit unless {@code timeout} sets another
     * @throws InvalidInputException when a parameter is malformed or a required URL is missing
     */
    public static RemoteSettings from(
            BackendSpec spec, String defaultEndpoint, String defaultKeyEnv, Duration defaultTimeout) {
        return from(spec, defaultEndpoint, defaultKeyEnv, defaultTimeout, System.getenv());
    }

    /** As {@link #from(BackendSpec, String, String, Duration)}, with an explicit environment (for tests). */
    public static RemoteSettings from(
            BackendSpec spec,
            String defaultEndpoint,
            String defaultKeyEnv,
            Duration defaultTimeout,
            Map<String, String> env) {
        List<String> urls = spec.endpoints();
        if (urls.isEmpty()) {
            if (defaultEndpoint == null) {
                throw new InvalidInputException(
                        "backend '" + spec.kind() + "' needs a URL: use " + spec.kind() + ":http://host:port…");
            }
            urls = List.of(defaultEndpoint);
        }
        List<URI> endpoints =
                urls.stream().map(RemoteSettings::trimSlash).map(URI::create).toList();
        String keyEnv = spec.param("key_env", defaultKeyEnv);
        Duration timeout = spec.param("timeout") == null ? defaultTimeout : spec.durationParam("timeout");
        int concurrency =
                spec.param("concurrency") == null ? DEFAULT_CONCURRENCY : spec.intParam("concurrency", 1, 256);
        int maxFailures =
                spec.param("max_failures") == null ? DEFAULT_MAX_FAILURES : spec.intParam("max_failures", 1, 1000);
        Duration cooldown = spec.param("cooldown") == null ? DEFAULT_COOLDOWN : spec.durationParam("cooldown");
        return new RemoteSettings(
                spec.kind(), endpoints, ApiKey.fromEnv(keyEnv, env), timeout, concurrency, maxFailures, cooldown);
    }

    /** The endpoints as text, for {@code describe()}: {@code http://a:8000/v1,http://b:8000/v1}. */
    public String endpointList() {
        return String.join(",", endpoints.stream().map(URI::toString).toList());
    }

    private static String trimSlash(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
