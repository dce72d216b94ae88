package dev.editloop.core.loop;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanKind;
import dev.editloop.core.image.Picture;
import java.util.List;

/** Something that happened in a run, in the order it happened; the CLI and the server subscribe to these. */
public sealed interface LoopEvent {
    /**
     * The run began.
     *
     * @param editor the editor's identity (its {@code display()} for people)
     * @param thinker the thinker's identity
     */
    record RunStarted(LoopRequest request, BackendIdentity editor, BackendIdentity thinker, int turnLimit)
            implements LoopEvent {}

    /** The thinker answered a planning call (rewrite or target description). */
    record PlanDone(PlanKind kind, Plan plan, long thinkMs) implements LoopEvent {}

    /** A turn began: the editor is about to run. */
    record TurnStarted(int index, String instruction, TurnBase base) implements LoopEvent {}

    /**
     * The editor returned the turn's image.
     *
     * @param unrepaired when the loop put the outside of the region back: the editor's own result; null otherwise
     */
    record EditDone(int index, Picture image, List<String> notes, long editMs, Picture unrepaired)
            implements LoopEvent {
        /** An edit the loop did not repair. */
        public EditDone(int index, Picture image, List<String> notes, long editMs) {
            this(index, image, notes, editMs, null);
        }
    }

    /** The thinker critiqued the turn; {@code progress} is the run so far (not yet stopped). */
    record CritiqueDone(Turn turn, LoopResult progress) implements LoopEvent {}

    /** The run stopped (for any reason, errors included). */
    record RunFinished(LoopResult result) implements LoopEvent {}
}
