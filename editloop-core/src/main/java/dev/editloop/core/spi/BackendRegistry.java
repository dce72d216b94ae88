package dev.editloop.core.spi;

import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.retry.Retrying;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Resolves spec strings to backends through the {@link BackendProvider}s on the classpath; fails fast on an unknown
 * kind and lists the known ones.
 *
 * <p>Each call creates a new backend that the caller owns and closes. A process that runs several loops asks a
 * {@link BackendSession} instead, which creates each backend once through this registry and shares it, so that pool
 * limits hold across the runs.
 */
public final class BackendRegistry {
    private final Map<String, BackendProvider> providers;

    private BackendRegistry(Map<String, BackendProvider> providers) {
        this.providers = providers;
    }

    /** A registry of every provider {@link ServiceLoader} finds. */
    public static BackendRegistry load() {
        return of(ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    /** A registry of the given providers (tests, embedding). */
    public static BackendRegistry of(List<BackendProvider> list) {
        Map<String, BackendProvider> byKind = new TreeMap<>();
        for (BackendProvider provider : list) {
            BackendProvider previous = byKind.putIfAbsent(provider.kind(), provider);
            if (previous != null && previous.getClass() != provider.getClass()) {
                throw new IllegalStateException("two providers claim backend kind '" + provider.kind() + "': "
                        + previous.getClass().getName() + " and "
                        + provider.getClass().getName());
            }
        }
        return new BackendRegistry(byKind);
    }

    /** Every provider, by kind. */
    public Map<String, BackendProvider> providers() {
        return providers;
    }

    /** Creates the editor a spec names. */
    public Editor editor(String spec) {
        return editor(BackendSpec.parse(spec));
    }

    /** Creates the editor a parsed spec names, wrapped with the retries it asks for. */
    public Editor editor(BackendSpec spec) {
        BackendProvider provider = provider(spec, BackendRole.EDITOR);
        return Retrying.editor(provider.editor(spec), spec.retryPolicy(provider.defaultRetryPolicy()));
    }

    /** Creates the thinker a spec names. */
    public Thinker thinker(String spec) {
        return thinker(BackendSpec.parse(spec));
    }

    /** Creates the thinker a parsed spec names, wrapped with the retries it asks for. */
    public Thinker thinker(BackendSpec spec) {
        BackendProvider provider = provider(spec, BackendRole.THINKER);
        return Retrying.thinker(provider.thinker(spec), spec.retryPolicy(provider.defaultRetryPolicy()));
    }

    /** Creates the judge a spec names. */
    public Judge judge(String spec) {
        return judge(BackendSpec.parse(spec));
    }

    /** Creates the judge a parsed spec names, wrapped with the retries it asks for. */
    public Judge judge(BackendSpec spec) {
        BackendProvider provider = provider(spec, BackendRole.JUDGE);
        return Retrying.judge(provider.judge(spec), spec.retryPolicy(provider.defaultRetryPolicy()));
    }

    /** Probes the backend a spec names for a role; see {@link BackendProvider#check}. */
    public List<BackendCheck> check(BackendSpec spec, BackendRole role) {
        return provider(spec, role).check(spec, role);
    }

    /** The kinds that can fill a role, comma-separated, for messages and help. */
    public String kinds(BackendRole role) {
        return providers.values().stream()
                .filter(p -> p.roles().contains(role))
                .map(BackendProvider::kind)
                .collect(Collectors.joining(", "));
    }

    private BackendProvider provider(BackendSpec spec, BackendRole role) {
        BackendProvider provider = providers.get(spec.kind());
        if (provider == null) {
            throw new InvalidInputException("unknown " + role.label() + " backend '" + spec.kind() + "' (known "
                    + role.label() + " kinds: " + orNone(kinds(role)) + ")");
        }
        if (!provider.roles().contains(role)) {
            throw new InvalidInputException("backend '" + spec.kind() + "' cannot be used as " + role.label()
                    + " (known " + role.label() + " kinds: " + orNone(kinds(role)) + ")");
        }
        return provider;
    }

    private static String orNone(String kinds) {
        return kinds.isEmpty() ? "none on the classpath" : kinds;
    }
}
