package dev.editloop.testkit.seeded;

import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import java.util.Set;

/**
 * Registers spec kind {@code seeded} (on the class path only with the test kit): {@link SeededEditor} around the
 * embedded classic editor, for measuring strategies that sample several seeds against an editor whose quality
 * depends on the seed. {@code seeded} takes no options.
 */
public final class SeededProvider implements BackendProvider {
    @Override
    public String kind() {
        return "seeded";
    }

    @Override
    public String description() {
        return "test kit: the classic editor at a strength that depends on the seed in a known way";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        if (!spec.endpoints().isEmpty() || !spec.params().isEmpty()) {
            throw new InvalidInputException("the seeded editor takes no URL and no options: use 'seeded'");
        }
        return SeededEditor.wrapping(BackendRegistry.load().editor("embedded"));
    }
}
