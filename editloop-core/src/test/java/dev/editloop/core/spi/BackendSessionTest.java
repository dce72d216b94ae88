package dev.editloop.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.image.Picture;
import dev.editloop.core.retry.RetryPolicy;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackendSessionTest {
    /** A provider that counts what it creates and closes; its factory can be made slow or failing. */
    static final class CountingProvider implements BackendProvider {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final List<String> closeOrder = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile CountDownLatch gate;

        @Override
        public String kind() {
            return "counting";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public Set<BackendRole> roles() {
            return Set.of(BackendRole.EDITOR, BackendRole.JUDGE);
        }

        @Override
        public RetryPolicy defaultRetryPolicy() {
            return new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 0);
        }

        @Override
        public Editor editor(BackendSpec spec) {
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new NonRetriableException("counting: the server refused the model");
            }
            created.incrementAndGet();
            String display = spec.display();
            return new Editor() {
                @Override
                public EditResult edit(EditCall call) {
                    throw new RetriableException("counting: busy");
                }

                @Override
                public BackendIdentity identity() {
                    return BackendIdentity.of("counting", spec.param("model"), spec.endpoints(), Map.of());
                }

                @Override
                public String describe() {
                    return display;
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                    closeOrder.add(display);
                }
            };
        }

        @Override
        public Judge judge(BackendSpec spec) {
            created.incrementAndGet();
            return new Judge() {
                @Override
                public Judgement judge(JudgeCall call) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public String describe() {
                    return spec.display();
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                    closeOrder.add("judge " + spec.display());
                }
            };
        }
    }

    private final CountingProvider provider = new CountingProvider();
    private final BackendRegistry registry = BackendRegistry.of(List.of(provider));

    @Test
    void twentyThreadsAskingForOneSpecShareOneInstanceMadeOnceAndClosedOnce() throws Exception {
        provider.gate = new CountDownLatch(1);
        BackendSession session = new BackendSession(registry);
        int threads = 20;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Editor>> got = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                got.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return session.editor("counting:http://h:1/v1?model=m");
                }));
            }
            // every thread is now asking (or about to); let the one creating go on
            Thread.sleep(50);
            provider.gate.countDown();
            Set<Editor> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<Editor> f : got) {
                distinct.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(1);
        }
        assertThat(provider.created).hasValue(1);
        assertThat(session.size()).isEqualTo(1);

        Editor shared = got.getFirst().get();
        shared.close();
        shared.close();
        assertThat(provider.closed)
                .as("a caller's close() leaves the shared editor open")
                .hasValue(0);

        session.close();
        session.close();
        assertThat(provider.closed).as("the session closes it exactly once").hasValue(1);
    }

    @Test
    void theSharedEditorIsTheRegistrysWithItsRetriesAndItsIdentity() {
        try (BackendSession session = new BackendSession(registry)) {
            Editor editor = session.editor("counting:http://h:1/v1?model=m");
            assertThat(editor.identity())
                    .isEqualTo(BackendIdentity.of("counting", "m", List.of("http://h:1/v1"), Map.of()));
            assertThat(editor.describe()).isEqualTo("counting:http://h:1/v1?model=m");
            EditCall call = new EditCall(Picture.solid(4, 4, Color.GRAY), "x", 0, null, Map.of());
            assertThatThrownBy(() -> editor.edit(call))
                    .isInstanceOf(RetriableException.class)
                    .as("the registry's retry wrapper is underneath: three attempts")
                    .hasMessageContaining("gave up after 3 attempts");
        }
    }

    @Test
    void specsEqualAfterNormalisationShareAndDifferentSpecsOrRolesDoNot() {
        try (BackendSession session = new BackendSession(registry)) {
            Editor a = session.editor("counting:http://h:1/v1?model=m&steps=4");
            Editor b = session.editor("counting:http://h:1/v1/?steps=4&model=m");
            Editor c = session.editor(BackendSpec.parse("counting:http://h:1/v1?model=m&steps=4"));
            Editor other = session.editor("counting:http://h:1/v1?model=m&steps=5");
            Editor elsewhere = session.editor("counting:http://h:2/v1?model=m&steps=4");
            Judge judge = session.judge("counting:http://h:1/v1?model=m&steps=4");

            assertThat(b).isSameAs(a);
            assertThat(c).isSameAs(a);
            assertThat(other).isNotSameAs(a);
            assertThat(elsewhere).isNotSameAs(a).isNotSameAs(other);
            assertThat(judge).isNotNull();
            assertThat(provider.created).as("three editors and one judge").hasValue(4);
        }
        assertThat(provider.closed).hasValue(4);
        assertThat(provider.closeOrder.getFirst())
                .as("the last created closes first")
                .startsWith("judge ");
    }

    @Test
    void aFailingFactoryDoesNotPoisonTheSession() {
        provider.failuresLeft.set(1);
        try (BackendSession session = new BackendSession(registry)) {
            assertThatThrownBy(() -> session.editor("counting:http://h:1/v1?model=m"))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("refused the model");
            assertThat(session.size()).isZero();

            Editor editor = session.editor("counting:http://h:1/v1?model=m");
            assertThat(editor).isNotNull();
            assertThat(session.editor("counting:http://h:1/v1?model=m")).isSameAs(editor);
            assertThat(provider.created).hasValue(1);
        }
        assertThat(provider.closed).hasValue(1);
    }

    @Test
    void unknownKindsFailAsTheRegistrySaysAndAClosedSessionRefuses() {
        BackendSession session = new BackendSession(registry);
        assertThatThrownBy(() -> session.editor("nope"))
                .hasMessageContaining("unknown editor backend 'nope'")
                .hasMessageContaining("counting");
        session.close();
        assertThatThrownBy(() -> session.editor("counting:http://h:1/v1?model=m"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(provider.created).hasValue(0);
    }

    @Test
    void aResolverTurnsNamesIntoSpecsSoANameAndItsSpecShare() {
        Map<String, String> names = Map.of("qwen-edit", "counting:http://h:1/v1?model=qwen");
        try (BackendSession session =
                new BackendSession(registry, text -> BackendSpec.parse(names.getOrDefault(text, text)))) {
            assertThat(session.editor("qwen-edit")).isSameAs(session.editor("counting:http://h:1/v1?model=qwen"));
            assertThat(provider.created).hasValue(1);
        }
    }
}
