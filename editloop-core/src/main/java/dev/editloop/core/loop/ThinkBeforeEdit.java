package dev.editloop.core.loop;

import dev.editloop.core.CritiqueMode;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanKind;

/**
 * Think-before-edit (DESIGN §1.2): the thinker rewrites the instruction from the source alone; one edit; one critique
 * for the record. When the thinker already answers that the edit is impossible, nothing is edited and the run stops
 * with {@code verdict_failed}; {@link LoopResult#verdictReason()} holds the thinker's reason.
 */
final class ThinkBeforeEdit extends BuiltInStrategy {
    private static final int MAX_ACTIONS = 8;

    ThinkBeforeEdit() {
        super("think-before-edit", 1);
    }

    @Override
    public StopReason run(RunContext run) {
        Plan plan = run.plan(PlanKind.REWRITE, MAX_ACTIONS);
        if (plan.failed()) {
            return StopReason.VERDICT_FAILED;
        }
        Turn turn = run.turn(plan.instruction(), TurnBase.SOURCE, run.request().source(), CritiqueMode.COMPARE, null);
        return StopRules.oneTurn(run, turn);
    }
}
