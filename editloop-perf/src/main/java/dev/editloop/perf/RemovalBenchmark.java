package dev.editloop.perf;

import dev.editloop.core.EditCall;
import dev.editloop.core.Editor;
import dev.editloop.core.image.Picture;
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
 * Time of "remove the blue object" on a 1024x1024 wood-like ground, by the share of the image the thing covers: the
 * selection, the patch fill of the hole and the fill's check, the classic editor's whole removal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
public class RemovalBenchmark {
    @Param({"0.05", "0.10"})
    public double share;

    private Editor editor;
    private Picture image;

    @Setup
    public void setUp() {
        editor = BackendRegistry.load().editor("embedded");
        image = Fixtures.woodWithDisc(share);
    }

    @Benchmark
    public Picture remove() {
        return editor.edit(EditCall.of(image, "remove the blue object", 7)).image();
    }
}
