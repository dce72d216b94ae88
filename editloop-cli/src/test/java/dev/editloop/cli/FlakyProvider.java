package dev.editloop.cli;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.RetriableException;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import java.util.List;
import java.util.Set;

/** Test backend {@code test-flaky}: an editor that returns the image unchanged once, then times out. */
public final class FlakyProvider implements BackendProvider {
    @Override
    public String kind() {
        return "test-flaky";
    }

    @Override
    public String description() {
        return "test only: answers once, then times out";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        return new Editor() {
            private int calls;

            @Override
            public EditResult edit(EditCall call) {
                if (++calls > 1) {
                    throw new RetriableException("editor test-flaky at http://127.0.0.1:9 timed out after 3 attempts");
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
