package dev.editloop.bench.run;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.core.spi.BackendSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backends for runner tests, beside the embedded ones: kind {@code flaky} (the classic editor, failing on instructions
 * that contain {@code FAIL} while {@link #failing} is set; counting its calls), kind {@code stuck} (an editor that
 * waits until interrupted) and kind {@code halfjudge} (the embedded judge, failing every question about a reference).
 */
final class TestBackends {
    static volatile boolean failing = true;
    static final AtomicInteger EDITS = new AtomicInteger();
    static volatile CountDownLatch stuckEntered = new CountDownLatch(0);

    private TestBackends() {}

    static BackendSession session() {
        List<BackendProvider> providers = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(providers::add);
        BackendProvider embedded = providers.stream()
                .filter(p -> p.kind().equals("embedded"))
                .findFirst()
                .orElseThrow();
        providers.add(new Provider("flaky", embedded));
        providers.add(new Provider("stuck", embedded));
        providers.add(new Provider("halfjudge", embedded));
        return new BackendSession(BackendRegistry.of(providers));
    }

    private record Provider(String kind, BackendProvider embedded) implements BackendProvider {
        @Override
        public String description() {
            return "runner test backend " + kind;
        }

        @Override
        public Set<BackendRole> roles() {
            return Set.of(BackendRole.EDITOR, BackendRole.JUDGE);
        }

        @Override
        public Editor editor(BackendSpec spec) {
            Editor classic = embedded.editor(BackendSpec.parse("embedded"));
            return new Editor() {
                @Override
                public EditResult edit(EditCall call) {
                    if (kind.equals("stuck")) {
                        stuckEntered.countDown();
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new NonRetriableException("interrupted");
                        }
                    }
                    if (failing && call.instruction().contains("FAIL")) {
                        throw new NonRetriableException("the test editor refuses '" + call.instruction() + "'");
                    }
                    EDITS.incrementAndGet();
                    return classic.edit(call);
                }

                @Override
                public String describe() {
                    return kind;
                }
            };
        }

        @Override
        public Judge judge(BackendSpec spec) {
            Judge heuristic = embedded.judge(BackendSpec.parse("embedded"));
            return new Judge() {
                @Override
                public Judgement judge(JudgeCall call) {
                    if (call.instruction().startsWith("REF")) {
                        throw new NonRetriableException("the test judge cannot read its own reply");
                    }
                    return heuristic.judge(call);
                }

                @Override
                public String describe() {
                    return kind;
                }
            };
        }
    }
}
