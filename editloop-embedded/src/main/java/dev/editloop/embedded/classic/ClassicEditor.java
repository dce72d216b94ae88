package dev.editloop.embedded.classic;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.image.Picture;
import dev.editloop.core.region.Composite;
import dev.editloop.core.region.Region;
import dev.editloop.embedded.EmbeddedIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The classic editor: offline, deterministic and literal. It reads the instruction with {@link Instructions},
 * carries out the understood actions in order with {@link ClassicOperations}, and says in the notes, one line each,
 * what it applied ({@code applied: <canonical phrase>}) and what it left alone
 * ({@code not understood, left unchanged: "<clause>"}). With a mask ({@link EditCall#mask()}) it edits as usual and
 * then keeps the original outside the mask (a grey mask blends). It never pretends: an instruction with nothing in its
 * vocabulary returns the input image.
 *
 * <p>Stateless, so one instance serves any number of threads.
 */
public final class ClassicEditor implements Editor {
    /** How the classic editor appears in trajectories. */
    public static final String DESCRIPTION = "embedded";

    private static final BackendIdentity IDENTITY = BackendIdentity.of(
            DESCRIPTION, null, List.of(), EmbeddedIdentity.params("classic", Map.of("seed", "per-call")));

    /** Note added when nothing in the instruction could be done. */
    public static final String NOTHING_UNDERSTOOD =
            "nothing in the instruction is in the classic editor's vocabulary; the image is unchanged";

    private static final EditorCapabilities CAPABILITIES = new EditorCapabilities(true, false, true, false);

    /** Note added when the call carried a mask. */
    public static final String MASK_NOTE = "applied inside the mask only; everything outside it is kept as it was";

    public ClassicEditor() {}

    @Override
    public EditResult edit(EditCall call) {
        Spelling.Reading reading = Spelling.read(call.instruction());
        ParsedInstruction parsed = Instructions.parse(reading.text());
        List<String> notes = new ArrayList<>();
        if (reading.corrected()) {
            notes.add(reading.note());
        }
        Picture image = call.image();
        List<Action> actions = parsed.actions();
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            ClassicOperations.Outcome outcome = ClassicOperations.run(image, action, actionSeed(call.seed(), i));
            if (outcome.applied()) {
                image = outcome.image();
                notes.add("applied: " + action.phrase());
                if (outcome.detail() != null) {
                    notes.add("note on \"" + action.phrase() + "\": " + outcome.detail());
                }
            } else {
                notes.add("not applied (" + outcome.detail() + "), left unchanged: " + action.phrase());
            }
        }
        for (String clause : parsed.notUnderstood()) {
            notes.add("not understood, left unchanged: \"" + clause + "\"");
        }
        if (parsed.nothingUnderstood()) {
            notes.add(NOTHING_UNDERSTOOD);
        }
        if (call.mask() != null
                && image != call.image()
                && (image.width() != call.image().width()
                        || image.height() != call.image().height())) {
            notes.add("the edit changed the image's size, so the mask could not be applied");
        } else if (call.mask() != null && image != call.image()) {
            // the mask is honoured at the entry point: the actions run as usual, then the original is kept outside
            image = Composite.masked(call.image(), image, Region.ofMaskPicture(call.mask()));
            notes.add(MASK_NOTE);
        }
        return EditResult.of(image, notes);
    }

    /** The seed of the i-th action: the call's seed for the first, distinct ones for the others. */
    static long actionSeed(long seed, int index) {
        return seed + index * 0x9E3779B97F4A7C15L;
    }

    @Override
    public EditorCapabilities capabilities() {
        return CAPABILITIES;
    }

    /**
     * Kind {@code embedded}, engine {@code classic}; the seed of each call drives the random actions (film grain) and
     * the EditLoop version (when packaged) stands for the vocabulary and operations.
     */
    @Override
    public BackendIdentity identity() {
        return IDENTITY;
    }

    @Override
    public String describe() {
        return IDENTITY.display();
    }
}
