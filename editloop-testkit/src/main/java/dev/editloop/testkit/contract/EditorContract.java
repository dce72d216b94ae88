package dev.editloop.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.image.Picture;
import dev.editloop.testkit.TestImages;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Editor} passes. Extend it with a factory for the adapter under test (against a
 * well-behaved loopback fake server, or the real thing for embedded backends).
 */
public abstract class EditorContract {
    /** A working editor; the contract closes it. */
    protected abstract Editor editor();

    /** An editor whose every call fails (its server answers 500, or is down); empty when the backend cannot fail so. */
    protected Optional<Editor> failingEditor() {
        return Optional.empty();
    }

    /** The key the adapter was given, which must appear nowhere; null when it takes none. */
    protected String secret() {
        return null;
    }

    /** An instruction this editor carries out (a change visible on the pixels). */
    protected String instruction() {
        return "make the image brighter";
    }

    /** The source the contract edits: small, not square, odd-sized, so a size mix-up shows. */
    protected Picture source() {
        return TestImages.scene(97, 61, 7);
    }

    private EditCall call(long seed) {
        return new EditCall(source(), instruction(), seed, null, Map.of());
    }

    @Test
    void editReturnsAnImageOfTheSourcesSize() {
        try (Editor editor = editor()) {
            EditResult result = editor.edit(call(1));
            assertThat(result.image().width()).as("width").isEqualTo(source().width());
            assertThat(result.image().height()).as("height").isEqualTo(source().height());
            assertThat(result.notes()).isNotNull().doesNotContainNull();
            assertThat(result.usage()).isNotNull();
        }
    }

    @Test
    void editChangesTheImage() {
        try (Editor editor = editor()) {
            EditResult result = editor.edit(call(1));
            assertThat(result.image().samePixels(source()))
                    .as("an instruction the editor understands changes the pixels")
                    .isFalse();
        }
    }

    @Test
    void sameSeedGivesTheSameImageWhenSeedsAreHonoured() {
        try (Editor editor = editor()) {
            assumeThat(editor.capabilities().seeds())
                    .as("the editor does not declare seeded determinism")
                    .isTrue();
            Picture first = editor.edit(call(42)).image();
            Picture second = editor.edit(call(42)).image();
            assertThat(second.samePixels(first)).as("same seed, same image").isTrue();
        }
    }

    @Test
    void describeNamesTheBackendWithoutTheKey() {
        try (Editor editor = editor()) {
            Contracts.describes(editor.describe(), secret());
            assertThat(editor.capabilities()).isNotNull();
        }
    }

    @Test
    void identityIsTheAdaptersOwnAndHoldsNoKey() {
        try (Editor editor = editor()) {
            Contracts.identifies(editor, Editor.class, editor.identity(), editor.describe(), secret());
        }
    }

    @Test
    void aFailingBackendThrowsAClearEditLoopException() {
        Optional<Editor> failing = failingEditor();
        assumeThat(failing).as("this adapter has no failing variant").isPresent();
        try (Editor editor = failing.get()) {
            Contracts.failsCleanly(() -> editor.edit(call(1)), editor.describe(), secret());
        }
    }

    @Test
    void closeCanBeCalledTwice() {
        Editor editor = editor();
        editor.close();
        editor.close();
    }
}
