package dev.editloop.embedded.classic;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the classic editor's parser made of an instruction.
 *
 * @param actions the concrete actions it understood, in the order they are to be applied
 * @param notUnderstood the parts of the instruction it did not understand, verbatim (trimmed), in order; the
 *     editor leaves these undone and reports them
 * @param things for an action on a thing found by its color, the words that named the thing ("saucer" in "make the
 *     red saucer blue", "cup and saucer"): read as a name, never recognised, so that a judge can tell one thing named
 *     from several
 */
public record ParsedInstruction(List<Action> actions, List<String> notUnderstood, Map<Action, String> things) {
    public ParsedInstruction {
        actions = List.copyOf(actions);
        notUnderstood = List.copyOf(notUnderstood);
        things = Map.copyOf(things);
    }

    /** A reading with no thing named. */
    public ParsedInstruction(List<Action> actions, List<String> notUnderstood) {
        this(actions, notUnderstood, Map.of());
    }

    /** Whether every part of the instruction was understood and there was something to do. */
    public boolean fullyUnderstood() {
        return notUnderstood.isEmpty() && !actions.isEmpty();
    }

    /** Whether nothing at all was understood. */
    public boolean nothingUnderstood() {
        return actions.isEmpty();
    }

    /** The words that named the thing an action works on, when the instruction named one. */
    public Optional<String> thing(Action action) {
        return Optional.ofNullable(things.get(action));
    }
}
