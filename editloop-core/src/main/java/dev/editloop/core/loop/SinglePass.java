package dev.editloop.core.loop;

import dev.editloop.core.CritiqueMode;

/**
 * Single pass (DESIGN §1.3): one edit with the user's instruction, one critique for the record. A critique that
 * declares the edit impossible stops with {@code verdict_failed}, so that the thinker's reason is reported.
 */
final class SinglePass extends BuiltInStrategy {
    SinglePass() {
        super("single", 1);
    }

    @Override
    public StopReason run(RunContext run) {
        LoopRequest request = run.request();
        Turn turn = run.turn(request.instruction(), TurnBase.SOURCE, request.source(), CritiqueMode.COMPARE, null);
        return StopRules.oneTurn(run, turn);
    }
}
