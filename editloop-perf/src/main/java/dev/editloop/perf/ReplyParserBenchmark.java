package dev.editloop.perf;

import dev.editloop.core.parse.ThinkerReply;
import dev.editloop.core.parse.ThinkerReplyParser;
import java.util.Map;
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
 * The thinker-reply parser on degenerate model output of about 200,000 characters (runs of spaces, brackets, half
 * tags, repeated score lines): the time to read a reply in both modes ({@code parse} and {@code parseReflection}).
 * A parser that backtracks badly on one of these shapes shows up here as seconds instead of milliseconds; the unit test
 * {@code ThinkerReplyParserTest.degenerateOutputIsReadOrRefusedWithAReason} checks the outcomes on smaller inputs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1)
public class ReplyParserBenchmark {
    private static final String SPACES = " ".repeat(200_000);
    private static final Map<String, String> SHAPES = Map.of(
            "open-tag-spaces", "<" + SPACES + "think",
            "bold-spaces", "**" + SPACES + "x:\n".repeat(3),
            "newlines", "\n".repeat(100_000) + SPACES,
            "braces", "{".repeat(200_000),
            "nested-tags", "<think><score>".repeat(20_000),
            "open-lists", "[8, ".repeat(50_000),
            "score-lines", "SC: 8 ".repeat(40_000),
            "repeated-words", "<think>" + "The the the ".repeat(30_000),
            "failed-spaces", "<answer>FAILED" + SPACES + "x</answer>",
            "escaped-tags", "&lt;think&gt;" + SPACES);

    @Param({
        "open-tag-spaces",
        "bold-spaces",
        "newlines",
        "braces",
        "nested-tags",
        "open-lists",
        "score-lines",
        "repeated-words",
        "failed-spaces",
        "escaped-tags"
    })
    public String shape;

    private final ThinkerReplyParser parser = new ThinkerReplyParser();
    private String reply;

    @Setup
    public void setUp() {
        reply = SHAPES.get(shape);
    }

    /** One reply read in compare mode and in reflect mode. */
    @Benchmark
    public ThinkerReply[] parseBothModes() {
        return new ThinkerReply[] {parser.parse(reply), parser.parseReflection(reply)};
    }
}
