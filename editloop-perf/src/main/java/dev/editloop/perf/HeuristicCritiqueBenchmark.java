package dev.editloop.perf;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One heuristic-thinker critique (all measurements, scores, reasoning, refinement) of a 1024x1024 pair. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
public class HeuristicCritiqueBenchmark {
    private static final String ORIGINAL = "make this look like an old photograph";
    private static final String REFINED =
            "apply a sepia tone at 85%, then decrease the contrast by 25%, then add a vignette at 40%, then add film grain at 25%";

    private static final String BACKGROUND = "blur the background";

    private Thinker thinker;
    private Picture source;
    private Picture unchanged;
    private Picture edited;
    private Picture background;

    @Setup
    public void setUp() {
        BackendRegistry registry = BackendRegistry.load();
        thinker = registry.thinker("embedded");
        source = Fixtures.photo1024();
        unchanged = source;
        edited = registry.editor("embedded")
                .edit(EditCall.of(source, REFINED, 0))
                .image();
        background = registry.editor("embedded")
                .edit(EditCall.of(source, BACKGROUND, 0))
                .image();
    }

    /** Turn 1 of an abstract request: the editor left the image unchanged, the thinker plans from scratch. */
    @Benchmark
    public Critique critiqueUnchanged() {
        return thinker.critique(CritiqueCall.compare(source, unchanged, ORIGINAL, ORIGINAL, 1, 0));
    }

    /** Turn 2: the edit carries four effects to measure. */
    @Benchmark
    public Critique critiqueEdited() {
        return thinker.critique(CritiqueCall.compare(source, edited, ORIGINAL, REFINED, 2, 0));
    }

    /**
     * A background edit: the subject checked on the judge's own matte (cached after the first call, as in a loop) and
     * the edge of the changed area read on the edit itself.
     */
    @Benchmark
    public Critique critiqueBackground() {
        return thinker.critique(CritiqueCall.compare(source, background, BACKGROUND, BACKGROUND, 1, 0));
    }
}
