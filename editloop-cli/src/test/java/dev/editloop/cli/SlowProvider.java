package dev.editloop.cli;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Test backend {@code test-slow}: an editor that returns the image unchanged at once for its first {@code fast}
 * calls (default 1), then takes ten minutes, like a stuck server. When interrupted it writes the file {@code
 * interrupted} names (if any), so that a test in another process can see it.
 */
public final class SlowProvider implements BackendProvider {
    @Override
    public String kind() {
        return "test-slow";
    }

    @Override
    public String description() {
        return "test only: answers at once, then hangs until interrupted";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        int fast = Integer.parseInt(spec.params().getOrDefault("fast", "1"));
        String marker = spec.params().get("interrupted");
        return new Editor() {
            private int calls;

            @Override
            public EditResult edit(EditCall call) {
                if (++calls > fast) {
                    try {
                        Thread.sleep(600_000);
                    } catch (InterruptedException e) {
                        if (marker != null) {
                            try {
                                Files.writeString(Path.of(marker), "interrupted at call " + calls);
                            } catch (IOException io) {
                                throw new UncheckedIOException(io);
                            }
                        }
                        throw new NonRetriableException("editor test-slow: interrupted");
                    }
                }
                return EditResult.of(call.image(), List.of("returned the image as it was"));
            }

            @Override
            public String describe() {
                return spec.display();
            }
        };
    }
}
