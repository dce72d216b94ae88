package dev.editloop.perf;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.Editor;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.Threshold;
import dev.editloop.core.spi.BackendRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole think-while-edit run with the embedded backends on a 1024x1024 photo, in memory (no files written).
 *
 * <p>{@code toThreshold} is the run a user gets with the defaults (the heuristic thinker reaches the threshold at
 * turn 2). {@code fiveTurns} forces five full turns, each a real edit and a real critique: the threshold is out of
 * reach and, once the thinker's refinement converges, the instruction alternates with a "please …" variant (a filler
 * word the classic editor ignores) so that the loop does not stop on no_change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
public class EmbeddedLoopBenchmark {
    @Param({"make this look like an old photograph", "make it feel like a cold winter morning"})
    public String instruction;

    private LoopEngine engine;
    private LoopEngine fiveTurnEngine;
    private Picture image;

    @Setup
    public void setUp() {
        BackendRegistry registry = BackendRegistry.load();
        Editor editor = registry.editor("embedded");
        Thinker thinker = registry.thinker("embedded");
        engine = new LoopEngine(editor, thinker);
        fiveTurnEngine = new LoopEngine(editor, new KeepGoing(thinker));
        image = Fixtures.photo1024();
    }

    @Benchmark
    public LoopResult toThreshold() {
        return engine.run(LoopRequest.of(image, instruction));
    }

    @Benchmark
    public LoopResult fiveTurns() {
        LoopResult result = fiveTurnEngine.run(
                LoopRequest.of(image, instruction).withThreshold(new Threshold(Threshold.Rule.BOTH, 10)));
        if (result.turns().size() != 5) {
            throw new IllegalStateException("expected five turns, got "
                    + result.turns().size() + " (" + result.stopReason().id() + ")");
        }
        return result;
    }

    /** Delegates to a thinker, but turns a converged refinement into an equivalent new wording. */
    private record KeepGoing(Thinker delegate) implements Thinker {
        @Override
        public Critique critique(CritiqueCall call) {
            Critique c = delegate.critique(call);
            if (!c.hasRefinement()
                    || !c.refinedInstruction()
                            .strip()
                            .equals(call.currentInstruction().strip())) {
                return c;
            }
            String current = call.currentInstruction().strip();
            String next = current.startsWith("please ") ? current.substring("please ".length()) : "please " + current;
            return new Critique(
                    c.semantic(),
                    c.quality(),
                    c.reasoning(),
                    next,
                    Verdict.REFINE,
                    c.targetDescription(),
                    c.raw(),
                    c.usage());
        }

        @Override
        public Plan plan(PlanCall call) {
            return delegate.plan(call);
        }

        @Override
        public dev.editloop.core.BackendIdentity identity() {
            return delegate.identity();
        }

        @Override
        public String describe() {
            return delegate.describe();
        }
    }
}
