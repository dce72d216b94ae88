package dev.editloop.embedded.classic;

import java.util.List;

/**
 * What the classic editor's parser made of an instruction.
 *
 * @param actions the concrete actions it understood, in the order they are to be applied
 * @param notUnderstood the parts of the instruction it did not understand, verbatim (trimmed), in order; the
 *     editor leaves these undone and reports them
 */
public record ParsedInstruction(List<Action> actions, List<String> notUnderstood) {
    public ParsedInstruction {
        actions = List.copyOf(actions);
        notUnderstood = List.copyOf(notUnderstood);
    }

    /** Whether every part of the instruction was understood and there was something to do. */
    public boolean fullyUnderstood() {
        return notUnderstood.isEmpty() && !actions.isEmpty();
    }

    /** Whether nothing at all was understood. */
    public boolean nothingUnderstood() {
        return actions.isEmpty();
    }
}
