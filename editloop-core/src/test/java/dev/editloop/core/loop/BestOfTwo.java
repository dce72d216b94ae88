package dev.editloop.core.loop;

import dev.editloop.core.CritiqueMode;

/**
 * A strategy that is not built in, as a later one (best-of-N) would be: two edits of the source with the user's
 * instruction under two wordings, each critiqued, the better one kept. One class, no change to the engine.
 */
public class BestOfTwo implements Strategy {
    @Override
    public String id() {
        return "best-of-two";
    }

    @Override
    public int defaultTurns() {
        return 2;
    }

    @Override
    public StopReason run(RunContext run) {
        LoopRequest request = run.request();
        run.turn(request.instruction(), TurnBase.SOURCE, request.source(), CritiqueMode.COMPARE, null);
        run.turn("please " + request.instruction(), TurnBase.SOURCE, request.source(), CritiqueMode.COMPARE, null);
        return StopReason.MAX_TURNS;
    }
}
