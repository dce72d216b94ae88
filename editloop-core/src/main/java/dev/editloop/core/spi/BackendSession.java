package dev.editloop.core.spi;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backends of one process (a command, a server, a benchmark): one instance per spec and role, shared by every run,
 * closed once when the session closes. Sharing is what makes a pool's per-endpoint concurrency limit hold across
 * concurrent runs: two runs with the same editor spec go through the same endpoint pool.
 *
 * <p>{@link #editor}, {@link #thinker} and {@link #judge} return, for specs that are equal after normalisation (names
 * resolved through the session's resolver, e.g. the config file; trailing slashes of endpoints dropped; parameters
 * compared by name, not order), the same object. It is created once, through the {@link BackendRegistry} (so with its
 * retry wrapper), even when many threads ask at once; a factory that fails leaves nothing behind, and the next caller
 * tries again. The objects handed out are views whose {@code close()} does nothing: callers may use
 * try-with-resources without closing what another run still uses. Only {@link #close()} closes the backends, each
 * once, in the reverse order of their creation.
 *
 * <p>Thread-safe. Asking a closed session for a backend is an {@link IllegalStateException}.
 */
public final class BackendSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendSession.class);

    private final BackendRegistry registry;
    private final Function<String, BackendSpec> resolver;
    private final ConcurrentHashMap<Key, Slot<?>> slots = new ConcurrentHashMap<>();
    /** The backends created so far, in order; guarded by {@code this}, as is {@link #closed}. */
    private final List<Created> created = new ArrayList<>();

    private boolean closed;

    /** A session over a registry, reading spec strings with {@link BackendSpec#parse}. */
    public BackendSession(BackendRegistry registry) {
        this(registry, BackendSpec::parse);
    }

    /**
     * A session over a registry.
     *
     * @param resolver turns a spec string or a configured name into a spec (e.g. {@code EditLoopConfig::resolve})
     */
    public BackendSession(BackendRegistry registry, Function<String, BackendSpec> resolver) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The registry the backends come from. */
    public BackendRegistry registry() {
        return registry;
    }

    /** The shared editor of a spec string or configured name. */
    public Editor editor(String spec) {
        return editor(resolver.apply(spec));
    }

    /** The shared editor of a spec; see the class comment. */
    public Editor editor(BackendSpec spec) {
        return shared(BackendRole.EDITOR, spec, registry::editor, SharedEditor::new);
    }

    /** The shared thinker of a spec string or configured name. */
    public Thinker thinker(String spec) {
        return thinker(resolver.apply(spec));
    }

    /** The shared thinker of a spec; see the class comment. */
    public Thinker thinker(BackendSpec spec) {
        return shared(BackendRole.THINKER, spec, registry::thinker, SharedThinker::new);
    }

    /** The shared judge of a spec string or configured name. */
    public Judge judge(String spec) {
        return judge(resolver.apply(spec));
    }

    /** The shared judge of a spec; see the class comment. */
    public Judge judge(BackendSpec spec) {
        return shared(BackendRole.JUDGE, spec, registry::judge, SharedJudge::new);
    }

    /** How many backends this session has created (and will close). */
    public synchronized int size() {
        return created.size();
    }

    /**
     * The form in which two specs that name the same backend are equal: endpoints without trailing slashes, parameters
     * sorted by name. The kind is already lower case ({@link BackendSpec#parse}).
     */
    public static BackendSpec normalise(BackendSpec spec) {
        List<String> endpoints = spec.endpoints().stream()
                .map(BackendSession::withoutTrailingSlash)
                .toList();
        return new BackendSpec(spec.kind(), endpoints, new TreeMap<>(spec.params()));
    }

    /**
     * Closes every backend this session created, each once, the last created first. A backend that fails to close is
     * logged and the others are still closed. Closing twice does nothing the second time.
     */
    @Override
    public void close() {
        List<Created> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(created);
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            Created c = toClose.get(i);
            try {
                c.backend().close();
            } catch (Exception e) {
                LOG.warn("{} {} did not close cleanly: {}", c.role().label(), c.display(), e.getMessage());
            }
        }
    }

    private <T extends AutoCloseable> T shared(
            BackendRole role, BackendSpec spec, Function<BackendSpec, T> factory, Function<T, T> view) {
        Objects.requireNonNull(spec, "spec");
        checkOpen();
        BackendSpec normal = normalise(spec);
        @SuppressWarnings("unchecked")
        Slot<T> slot = (Slot<T>) slots.computeIfAbsent(
                new Key(role, normal), k -> new Slot<>(role, normal, () -> factory.apply(normal), view));
        return slot.get();
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the backend session is closed");
        }
    }

    /** Records a new backend; closes it at once when the session closed while it was being created. */
    private void register(BackendRole role, BackendSpec spec, AutoCloseable backend) {
        synchronized (this) {
            if (!closed) {
                created.add(new Created(role, spec.display(), backend));
                return;
            }
        }
        try {
            backend.close();
        } catch (Exception e) {
            LOG.warn("{} {} did not close cleanly: {}", role.label(), spec.display(), e.getMessage());
        }
        throw new IllegalStateException("the backend session is closed");
    }

    private static String withoutTrailingSlash(String url) {
        String u = url;
        while (u.endsWith("/") && !u.endsWith("://")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private record Key(BackendRole role, BackendSpec spec) {}

    private record Created(BackendRole role, String display, AutoCloseable backend) {}

    /** One role and spec: the backend, created on first use under this slot's lock only. */
    private final class Slot<T extends AutoCloseable> {
        private final BackendRole role;
        private final BackendSpec spec;
        private final Supplier<T> factory;
        private final Function<T, T> view;
        private T shared;

        Slot(BackendRole role, BackendSpec spec, Supplier<T> factory, Function<T, T> view) {
            this.role = role;
            this.spec = spec;
            this.factory = factory;
            this.view = view;
        }

        synchronized T get() {
            if (shared == null) {
                checkOpen();
                T backend = factory.get(); // a failure stores nothing: the next caller tries again
                register(role, spec, backend);
                shared = view.apply(backend);
            }
            return shared;
        }
    }

    /** An editor whose {@code close()} does nothing: the session closes the one underneath. */
    private record SharedEditor(Editor editor) implements Editor {
        @Override
        public EditResult edit(EditCall call) {
            return editor.edit(call);
        }

        @Override
        public EditorCapabilities capabilities() {
            return editor.capabilities();
        }

        @Override
        public BackendIdentity identity() {
            return editor.identity();
        }

        @Override
        public String describe() {
            return editor.describe();
        }

        @Override
        public void close() {}

        @Override
        public String toString() {
            return editor.toString();
        }
    }

    /** A thinker whose {@code close()} does nothing: the session closes the one underneath. */
    private record SharedThinker(Thinker thinker) implements Thinker {
        @Override
        public Critique critique(CritiqueCall call) {
            return thinker.critique(call);
        }

        @Override
        public Plan plan(PlanCall call) {
            return thinker.plan(call);
        }

        @Override
        public BackendIdentity identity() {
            return thinker.identity();
        }

        @Override
        public String describe() {
            return thinker.describe();
        }

        @Override
        public void close() {}

        @Override
        public String toString() {
            return thinker.toString();
        }
    }

    /** A judge whose {@code close()} does nothing: the session closes the one underneath. */
    private record SharedJudge(Judge judge) implements Judge {
        @Override
        public Judgement judge(JudgeCall call) {
            return judge.judge(call);
        }

        @Override
        public BackendIdentity identity() {
            return judge.identity();
        }

        @Override
        public String describe() {
            return judge.describe();
        }

        @Override
        public void close() {}

        @Override
        public String toString() {
            return judge.toString();
        }
    }
}
