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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test backend {@code test-latch}: an editor that signals {@link #ENTERED} when an edit starts and holds it until a test
 * opens {@link #RELEASE} (at most a minute), then returns the image unchanged. A test can so hold a slot for exactly as
 * long as it needs, without timing.
 */
public final class LatchProvider implements BackendProvider {
    /** Counted down each time an edit starts. */
    static volatile CountDownLatch ENTERED = new CountDownLatch(1);

    /** Edits wait for this. */
    static volatile CountDownLatch RELEASE = new CountDownLatch(1);

    /** Fresh latches for the next test. */
    static void reset() {
        ENTERED = new CountDownLatch(1);
        RELEASE = new CountDownLatch(1);
    }

    @Override
    public String kind() {
        return "test-latch";
    }

    @Override
    public String description() {
        return "test only: holds each edit until the test releases it";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        return new Editor() {
            @Override
            public EditResult edit(EditCall call) {
                ENTERED.countDown();
                try {
                    if (!RELEASE.await(60, TimeUnit.SECONDS)) {
                        throw new NonRetriableException("editor test-latch: never released");
                    }
                } catch (InterruptedException e) {
                    throw new NonRetriableException("editor test-latch: interrupted");
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
