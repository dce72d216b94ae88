package dev.editloop.perf;

import dev.editloop.embedded.classic.NamedColor;
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
 * What the colour-name table costs the first request that names a colour in a fresh JVM: each pixel of the coffee photo
 * at 1024×1024 named once, cold ({@code brown}: by its nearest named sample, {@code colour-names.csv}, through the
 * 64×64×64 table of colours), against the same pass for a word read without the table ({@code white}: by brightness
 * and saturation). Each fork is a fresh JVM and measures one first pass; the setup has already loaded the palette and
 * the HSV rules, so the difference is the table and its lookups.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
        value = 5,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
public class ColourNameTableBenchmark {
    /** The word of the first colour request: brown builds the table, white does not need it. */
    @Param({"brown", "white"})
    public String word;

    private NamedColor colour;
    private byte[] bgr;

    @Setup
    public void setUp() {
        colour = NamedColor.of(word);
        bgr = Fixtures.photo1024().bgr();
        // the palette and the HSV rules, loaded and run, so that only the table is left to build
        NamedColor.of("gray").selects(120, 120, 120);
    }

    @Benchmark
    public int firstPhotoNamed() {
        NamedColor.Rule rule = colour.rule();
        int called = 0;
        for (int i = 0; i < bgr.length; i += 3) {
            if (rule.test(bgr[i + 2] & 0xff, bgr[i + 1] & 0xff, bgr[i] & 0xff)) {
                called++;
            }
        }
        return called;
    }
}
