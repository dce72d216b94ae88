package dev.editloop.testkit.seeded;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The critic for {@link SeededEditor#brightening()}: it measures how much brighter the edit is than the source and
 * scores SC = 10 × gain / {@value SeededEditor#FULL_STEP} levels (so SC = 10 × the seed's strength on a mid-gray
 * source), PQ = 10, and always proposes a new wording (turn N's refinement ends in "attempt N+1"), so only the scores,
 * the turn limit and a strategy's own rules stop a loop. It counts its critiques.
 */
public final class StrengthThinker implements Thinker {
    private final AtomicInteger critiques = new AtomicInteger();

    @Override
    public Critique critique(CritiqueCall call) {
        critiques.incrementAndGet();
        double gain = mean(call.edited()) - mean(call.source());
        double sc = Math.max(0, Math.min(10, Math.round(gain / SeededEditor.FULL_STEP * 100) / 10.0));
        String refined = "make it brighter, attempt " + (call.turn() + 1);
        return new Critique(
                sc,
                10.0,
                String.format(Locale.ROOT, "the edit is %.1f levels brighter", gain),
                refined,
                sc >= 10 ? Verdict.SUCCESS : Verdict.REFINE,
                null,
                "",
                Usage.NONE);
    }

    /** How many critiques it has made. */
    public int critiques() {
        return critiques.get();
    }

    @Override
    public Plan plan(PlanCall call) {
        throw new UnsupportedOperationException("the strength thinker does not plan");
    }

    @Override
    public String describe() {
        return "strength-thinker";
    }

    static double mean(Picture picture) {
        byte[] bgr = picture.bgr();
        long sum = 0;
        for (byte b : bgr) {
            sum += b & 0xFF;
        }
        return (double) sum / bgr.length;
    }
}
