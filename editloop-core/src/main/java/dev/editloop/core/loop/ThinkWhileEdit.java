package dev.editloop.core.loop;

import dev.editloop.core.CritiqueMode;

/**
 * Think-while-edit (DESIGN §1.1): turn 1 edits the source with the user's instruction; after every turn the thinker
 * compares source and edit and returns scores and a refined instruction; every later turn edits the SOURCE again with
 * the refined instruction. Stops by {@link StopRules#compare}.
 */
final class ThinkWhileEdit extends BuiltInStrategy {
    ThinkWhileEdit() {
        super("think-while-edit", 5);
    }

    @Override
    public StopReason run(RunContext run) {
        LoopRequest request = run.request();
        String instruction = request.instruction();
        while (true) {
            Turn turn = run.turn(instruction, TurnBase.SOURCE, request.source(), CritiqueMode.COMPARE, null);
            StopReason stop = StopRules.compare(run, turn);
            if (stop != null) {
                return stop;
            }
            instruction = turn.critique().refinedInstruction().strip();
        }
    }
}
