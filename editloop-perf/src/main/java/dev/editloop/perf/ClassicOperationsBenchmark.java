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

/** Time of one classic-editor instruction on a 1024x1024 photo (parse + operation), per operation family. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
public class ClassicOperationsBenchmark {
    @Param({
        "increase the contrast by 20%",
        "make it warmer by 30%",
        "convert it to black and white",
        "apply a sepia tone",
        "add film grain at 30%",
        "add a vignette at 40%",
        "blur it by 30%",
        "sharpen it by 40%",
        "enhance the details by 50%",
        "turn it into a pencil sketch",
        "turn it into a watercolor painting",
        "turn it into a cartoon",
        "turn it into pixel art with 16-pixel blocks",
        "apply a tilt-shift effect",
        "change the brown areas to blue",
        "change the red areas to blue",
        "remove the white object",
        "blur the background",
        "add the text \"EDITLOOP\" at the bottom in white",
        "rotate it 90 degrees clockwise"
    })
    public String instruction;

    private Editor editor;
    private Picture image;

    @Setup
    public void setUp() {
        editor = BackendRegistry.load().editor("embedded");
        image = Fixtures.photo1024();
    }

    @Benchmark
    public Picture edit() {
        return editor.edit(EditCall.of(image, instruction, 7)).image();
    }
}
