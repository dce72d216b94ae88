package dev.editloop.server;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test backend {@code test-count?name=N}: an editor that counts its calls under {@code name} (read with {@link
 * #calls}) and returns the image unchanged, so a test can tell how many edits the server really ran.
 */
public final class CountingProvider implements BackendProvider {
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> INSTRUCTIONS = new ConcurrentHashMap<>();

    /** How many edits the editor named {@code name} has run. */
    static int calls(String name) {
        return CALLS.computeIfAbsent(name, k -> new AtomicInteger()).get();
    }

    /** The instructions it was called with, in order. */
    static List<String> instructions(String name) {
        return List.copyOf(INSTRUCTIONS.getOrDefault(name, List.of()));
    }

    @Override
    public String kind() {
        return "test-count";
    }

    @Override
    public String description() {
        return "test only: counts edits, returns the image unchanged";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        String name = spec.params().getOrDefault("name", "default");
        return new Editor() {
            @Override
            public EditResult edit(EditCall call) {
                CALLS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                INSTRUCTIONS
                        .computeIfAbsent(name, k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                        .add(call.instruction());
                return EditResult.of(call.image(), List.of("returned the image as it was"));
            }

            @Override
            public String describe() {
                return spec.display();
            }
        };
    }
}
