package dev.editloop.perf;

import dev.editloop.core.Editor;
import dev.editloop.core.Thinker;
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
 * {@code fiveTurns} forces five full turns by setting an unreachable threshold; {@code toThreshold} is the run a
 * user gets with the defaults.
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
    private Picture image;

    @Setup
    public void setUp() {
        BackendRegistry registry = BackendRegistry.load();
        Editor editor = registry.editor("embedded");
        Thinker thinker = registry.thinker("embedded");
        engine = new LoopEngine(editor, thinker);
        image = Fixtures.photo1024();
    }

    @Benchmark
    public LoopResult toThreshold() {
        return engine.run(LoopRequest.of(image, instruction));
    }

    @Benchmark
    public LoopResult fiveTurns() {
        LoopResult result =
                engine.run(LoopRequest.of(image, instruction).withThreshold(new Threshold(Threshold.Rule.BOTH, 10)));
        return result;
    }
}
