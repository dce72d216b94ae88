package dev.editloop.core.loop;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;

/**
 * Reflect (DESIGN §1.4, from ReasonEdit): optionally rewrite the instruction into at most three concrete actions;
 * describe the intended result once; then edit and judge the edited image alone against that description. SUCCESS
 * stops ({@code verdict_success}); REFLECTION edits the PREVIOUS output with the correction; FAILED restarts from the
 * SOURCE with the rewrite, or stops ({@code verdict_failed}) when there is none. A rewrite that already answers FAILED
 * stops with {@code verdict_failed} before any edit.
 *
 * <p>The best attempt ranks by SC·PQ, ties to a SUCCESS verdict.
 */
final class Reflect extends BuiltInStrategy {
    private static final int MAX_ACTIONS = 3;

    Reflect() {
        super("reflect", 3);
    }

    @Override
    public StopReason run(RunContext run) {
        LoopRequest request = run.request();
        String instruction = request.instruction();
        if (request.reflectThinking()) {
            Plan rewrite = run.plan(PlanKind.REWRITE, MAX_ACTIONS);
            if (rewrite.failed()) {
                return StopReason.VERDICT_FAILED;
            }
            instruction = rewrite.instruction();
        }
        Plan target = run.plan(PlanKind.DESCRIBE_TARGET, MAX_ACTIONS);
        String description =
                target.targetDescription() == null || target.targetDescription().isBlank()
                        ? target.instruction()
                        : target.targetDescription();
        TurnBase base = TurnBase.SOURCE;
        Picture baseImage = request.source();
        while (true) {
            Turn turn = run.turn(instruction, base, baseImage, CritiqueMode.REFLECT, description);
            Critique critique = turn.critique();
            if (!critique.valid()) {
                return StopReason.ERROR;
            }
            if (critique.verdict() == Verdict.SUCCESS) {
                return StopReason.VERDICT_SUCCESS;
            }
            boolean restart = critique.verdict() == Verdict.FAILED || critique.verdict() == Verdict.REFINE;
            if (!restart && !critique.hasRefinement()) {
                return StopReason.NO_CHANGE;
            }
            if (turn.index() >= run.turnLimit()) {
                return StopReason.MAX_TURNS;
            }
            if (restart && !critique.hasRefinement()) {
                return StopReason.VERDICT_FAILED;
            }
            instruction = critique.refinedInstruction().strip();
            base = restart ? TurnBase.SOURCE : TurnBase.PREVIOUS;
            baseImage = restart ? request.source() : turn.image();
        }
    }

    @Override
    public int compare(Critique a, Critique b) {
        int byProduct = Double.compare(a.semantic() * a.quality(), b.semantic() * b.quality());
        if (byProduct != 0) {
            return byProduct;
        }
        return Boolean.compare(a.verdict() == Verdict.SUCCESS, b.verdict() == Verdict.SUCCESS);
    }
}
