package dev.editloop.perf;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
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
 * The time/size trade of image encodings for uploads, on the coffee photo at 1024x1024: the JDK ImageIO PNG writer
 * (the encoder used before) at deflate levels 2 and 6, EditLoop's PNG encoder at levels 1–9, and JPEG at two
 * qualities. Time is the benchmark's score;
 * each fork prints its encoding's size, and {@link #main} prints all sizes without timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class PngEncodingBenchmark {
    /** {@code imageio-N}: ImageIO PNG at level N; {@code png-N}: EditLoop's PNG at level N; {@code jpeg-Q}: JPEG. */
    @Param({"imageio-2", "imageio-6", "png-1", "png-3", "png-6", "png-9", "jpeg-85", "jpeg-95"})
    public String encoding;

    private Picture photo;

    @Setup
    public void setUp() {
        photo = Fixtures.photo1024();
        System.out.printf("%s: %d bytes%n", encoding, encode(photo, encoding).length);
    }

    @Benchmark
    public byte[] encode() {
        return encode(photo, encoding);
    }

    static byte[] encode(Picture picture, String encoding) {
        int n = Integer.parseInt(encoding.substring(encoding.indexOf('-') + 1));
        if (encoding.startsWith("imageio")) {
            return Images.encodePngImageIo(picture, n);
        }
        return encoding.startsWith("png") ? Images.encodePng(picture, n) : Images.encodeJpeg(picture, n);
    }

    /** Prints the sizes alone, without timing: {@code java -cp … dev.editloop.perf.PngEncodingBenchmark}. */
    public static void main(String[] args) {
        Picture photo = Fixtures.photo1024();
        for (String e :
                new String[] {"imageio-2", "imageio-6", "png-1", "png-3", "png-6", "png-9", "jpeg-85", "jpeg-95"}) {
            long start = System.nanoTime();
            int bytes = encode(photo, e).length;
            System.out.printf("%-8s %8d bytes %6d ms%n", e, bytes, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
