package dev.editloop.server;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import java.util.List;
import java.util.Set;

/**
 * Test backend {@code test-wait}: an editor that takes {@code ms} milliseconds (default 2000) per edit, honouring
 * interrupts, and returns the image unchanged; a stand-in for a slow model server.
 */
public final class WaitProvider implements BackendProvider {
    @Override
    public String kind() {
        return "test-wait";
    }

    @Override
    public String description() {
        return "test only: waits, then returns the image unchanged";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        long ms = Long.parseLong(spec.params().getOrDefault("ms", "2000"));
        return new Editor() {
            @Override
            public EditResult edit(EditCall call) {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    throw new NonRetriableException("editor test-wait: interrupted");
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
