package dev.editloop.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThinkerReplyParserTest {
    private final ThinkerReplyParser parser = new ThinkerReplyParser();

    private ThinkerReply.Readable readable(ThinkerReply reply) {
        assertThat(reply)
                .as("reason: %s", reply instanceof ThinkerReply.Unreadable u ? u.reason() : "")
                .isInstanceOf(ThinkerReply.Readable.class);
        return (ThinkerReply.Readable) reply;
    }

    private String reason(ThinkerReply reply) {
        assertThat(reply).isInstanceOf(ThinkerReply.Unreadable.class);
        return ((ThinkerReply.Unreadable) reply).reason();
    }

    @Test
    void readsTheCanonicalFormatWithoutNotes() {
        var r = readable(parser.parse(
                "<think>ok</think><score>{\"semantic\": 8, \"quality\": 7}</score><answer>Make it blue.</answer>"));
        assertThat(r.semantic()).isEqualTo(8.0);
        assertThat(r.quality()).isEqualTo(7.0);
        assertThat(r.reasoning()).isEqualTo("ok");
        assertThat(r.instruction()).isEqualTo("Make it blue.");
        assertThat(r.verdict()).isEqualTo(Verdict.REFINE);
        assertThat(r.targetDescription()).isNull();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void nullAndBlankRepliesAreEmpty() {
        assertThat(reason(parser.parse(null))).isEqualTo("empty reply");
        assertThat(reason(parser.parseReflection(" \n "))).isEqualTo("empty reply");
        assertThat(parser.parse(null).raw()).isEmpty();
    }

    @Test
    void neverTakesScoresFromTheReasoning() {
        ThinkerReply reply = parser.parse("<think>I would rate it 8 and 7.</think><answer>Make it blue.</answer>");
        assertThat(reason(reply)).isEqualTo("missing score");
        assertThat(reply.toCritique(Usage.NONE).semantic()).isNull();
    }

    @Test
    void tagsMentionedInsideAClosedThinkBlockAreText() {
        var r = readable(parser.parse("<think>The format wants <score> first and then <answer>.</think>"
                + "<score>[8, 7]</score><answer>Make it blue.</answer>"));
        assertThat(r.reasoning()).contains("<score> first");
        assertThat(r.semantic()).isEqualTo(8.0);
        assertThat(r.instruction()).isEqualTo("Make it blue.");
    }

    @Test
    void anUnclosedThinkIsClosedByTheNextTagEvenWhenAnotherThinkFollows() {
        var r = readable(parser.parse(
                "<think>first<score>[8, 7]</score><answer>Make it blue.</answer><think>afterthought</think>"));
        assertThat(r.reasoning()).isEqualTo("first\n\nafterthought");
        assertThat(r.instruction()).isEqualTo("Make it blue.");
        assertThat(r.notes()).contains("missing </think>");
    }

    @Test
    void theLastNonEmptyScoreAndAnswerCount() {
        var r = readable(parser.parse("<think>draft first</think><score>[5, 5]</score><answer>Draft.</answer>"
                + "<score>[8, 7]</score><answer>Final.</answer><answer></answer>"));
        assertThat(r.semantic()).isEqualTo(8.0);
        assertThat(r.instruction()).isEqualTo("Final.");
    }

    @Test
    void aMisnamedClosingTagClosesTheOpenBlock() {
        var r = readable(parser.parse("<score>[8, 7]</answer><answer>Make it blue.</answer>"));
        assertThat(r.semantic()).isEqualTo(8.0);
        assertThat(r.instruction()).isEqualTo("Make it blue.");
    }

    @Test
    void answerCleanupDropsQuotesLabelsAndBold() {
        assertThat(readable(parser.parse("<score>[8,7]</score><answer>\"Make it blue.\"</answer>"))
                        .instruction())
                .isEqualTo("Make it blue.");
        assertThat(readable(parser.parse("<score>[8,7]</score><answer>**Refined instruction:** Make it blue.</answer>"))
                        .instruction())
                .isEqualTo("Make it blue.");
        assertThat(readable(parser.parse("<score>[8,7]</score><answer>“Make it blue.”</answer>"))
                        .instruction())
                .isEqualTo("Make it blue.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Refine the edges of the hair so they look natural.",
                "Reflect the mountains in the lake.",
                "Pass a thin red ribbon through the girl's hair.",
                "Failed attempts aside, make the sky orange."
            })
    void anInstructionThatStartsWithAVerdictWordStaysAnInstruction(String instruction) {
        var r = readable(parser.parse("<score>[6, 7]</score><answer>" + instruction + "</answer>"));
        assertThat(r.verdict()).isEqualTo(Verdict.REFINE);
        assertThat(r.instruction()).isEqualTo(instruction);
    }

    @Test
    void thinkWhileEditVerdicts() {
        var failed = readable(parser.parse("<score>[1, 8]</score><answer>FAILED</answer>"));
        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.instruction()).isNull();

        var capitals = readable(parser.parse(
                "<think>x</think><score>[1, 8]</score><answer>IMPOSSIBLE the editor cannot draw hands</answer>"));
        assertThat(capitals.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(capitals.instruction()).isNull();
        assertThat(capitals.reasoning()).endsWith("FAILED: the editor cannot draw hands");

        var success = readable(parser.parse("<score>[9, 9]</score><answer>SUCCESS</answer>"));
        assertThat(success.verdict()).isEqualTo(Verdict.SUCCESS);
        assertThat(success.instruction()).isNull();

        var explicitRefine =
                readable(parser.parse("<score>[6, 7]</score><verdict>refine</verdict><answer>X.</answer>"));
        assertThat(explicitRefine.verdict()).isEqualTo(Verdict.REFINE);

        var reflection = readable(parser.parse("<score>[6, 7]</score><answer>REFLECTION: make it bluer</answer>"));
        assertThat(reflection.verdict()).isEqualTo(Verdict.REFINE);
        assertThat(reflection.instruction()).isEqualTo("make it bluer");
        assertThat(reflection.notes()).contains("REFLECTION read as REFINE");

        assertThat(reason(parser.parse("<score>[6, 7]</score><answer>N/A</answer>")))
                .isEqualTo("empty answer");
    }

    @Test
    void reflectVerdicts() {
        var refine = readable(parser.parseReflection("<score>[6, 7]</score><answer>Refine: add more moss.</answer>"));
        assertThat(refine.verdict()).isEqualTo(Verdict.REFLECTION);
        assertThat(refine.instruction()).isEqualTo("add more moss.");

        var inVerdict =
                readable(parser.parseReflection("<score>[6, 7]</score><verdict>REFLECTION: add more moss.</verdict>"));
        assertThat(inVerdict.verdict()).isEqualTo(Verdict.REFLECTION);
        assertThat(inVerdict.instruction()).isEqualTo("add more moss.");

        var repeated = readable(parser.parseReflection(
                "<score>[6, 7]</score><verdict>FAILED</verdict><answer>FAILED: Start over with a zebra.</answer>"));
        assertThat(repeated.instruction()).isEqualTo("Start over with a zebra.");

        var successWithNone = readable(
                parser.parseReflection("<score>[9, 9]</score><verdict>**SUCCESS**</verdict><answer>None</answer>"));
        assertThat(successWithNone.verdict()).isEqualTo(Verdict.SUCCESS);
        assertThat(successWithNone.instruction()).isNull();

        assertThat(reason(parser.parseReflection("<score>[9, 9]</score><answer>Looks right.</answer>")))
                .startsWith("missing verdict");
        var impossible = readable(parser.parseReflection("<score>[2, 9]</score><verdict>FAILED</verdict>"));
        assertThat(impossible.verdict())
                .as("FAILED without a rewrite: impossible")
                .isEqualTo(Verdict.FAILED);
        assertThat(impossible.instruction()).isNull();
        assertThat(reason(parser.parseReflection("<verdict>SUCCESS</verdict>"))).isEqualTo("missing score");
    }

    @Test
    void everyProblemIsNamed() {
        assertThat(reason(parser.parseReflection("<judgement>fine</judgement>")))
                .isEqualTo("missing score; missing verdict; expected SUCCESS, REFLECTION or FAILED");
        assertThat(reason(parser.parse("<score>[80, 7]</score><answer></answer>")))
                .isEqualTo("score out of range: semantic 80 is not within 0–10; empty answer");
    }

    @Test
    void reflectKeepsTheJudgementAndTheRestatedTarget() {
        var r = readable(parser.parseReflection("<target>A red door.</target><judgement>The door is red.</judgement>"
                + "<score>[9, 9]</score><verdict>SUCCESS</verdict>"));
        assertThat(r.targetDescription()).isEqualTo("A red door.");
        assertThat(r.reasoning()).isEqualTo("The door is red.");
        Critique critique = r.toCritique(new Usage(3, 4), "ignored: the reply has its own");
        assertThat(critique.targetDescription()).isEqualTo("A red door.");

        var prose = readable(parser.parseReflection(
                "Sure!\n<judgement>The door is red.</judgement><score>[9, 9]</score><verdict>SUCCESS</verdict>"));
        assertThat(prose.reasoning()).isEqualTo("The door is red.");

        var without = readable(parser.parseReflection("<score>[9, 9]</score><verdict>SUCCESS</verdict>"));
        assertThat(without.toCritique(Usage.NONE, "A red door.").targetDescription())
                .isEqualTo("A red door.");
    }

    @Test
    void aJsonReplyNeedsARecognisedKey() {
        assertThat(reason(parser.parse("{\"foo\": 1, \"bar\": \"baz\"}"))).isEqualTo("missing score; missing answer");
        var r = readable(parser.parse(
                "Result: {\"result\": {\"score\": {\"sc\": 7, \"pq\": 8}, \"answer\": \"Make it blue.\"}}"));
        assertThat(r.semantic()).isEqualTo(7.0);
        assertThat(r.instruction()).isEqualTo("Make it blue.");
    }

    @Test
    void aJsonReplyWithAVerdict() {
        var r = readable(
                parser.parse("{\"reasoning\": \"cannot be done\", \"score\": [1, 8], \"verdict\": \"FAILED\"}"));
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.instruction()).isNull();
        assertThat(r.reasoning()).isEqualTo("cannot be done");
    }

    @Test
    void critiqueCombinesParseAndConversion() {
        Critique ok = parser.critique(
                "<score>[8, 6]</score><answer>Make it blue.</answer>", CritiqueMode.COMPARE, new Usage(5, 6));
        assertThat(ok.valid()).isTrue();
        assertThat(ok.overall()).isEqualTo(Math.sqrt(48));
        assertThat(ok.usage()).isEqualTo(new Usage(5, 6));

        Critique bad = parser.critique("no idea", CritiqueMode.REFLECT, new Usage(5, 6));
        assertThat(bad.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(bad.raw()).isEqualTo("no idea");
        assertThat(bad.reasoning()).startsWith("missing score");
    }

    @Test
    void readableRejectsWhatACritiqueCouldNotHold() {
        assertThatThrownBy(() -> new ThinkerReply.Readable(11, 5, "", "x", Verdict.REFINE, null, null, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThinkerReply.Readable(5, 5, "", "x", Verdict.INVALID, null, null, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThinkerReply.Unreadable(" ", "raw")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        List<String> replies = List.of(
                "<think>a</think><score>[8, 7]</score><answer>One.</answer>",
                "{\"score\": {\"sc\": 3, \"pq\": 4}, \"answer\": \"Two.\"}",
                "**Scores:** SC 5, PQ 6\n**Refined instruction:** Three.",
                "<score>[80, 7]</score><answer>Four.</answer>");
        List<String> expected =
                replies.stream().map(r -> describe(parser.parse(r))).toList();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String reply = replies.get(i % replies.size());
                futures.add(pool.submit(() -> describe(parser.parse(reply))));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % replies.size()));
            }
        }
    }

    /**
     * Degenerate model output (runs of spaces, brackets, half tags, repeated score lines) is read or refused with a
     * reason, never a crash or an invented score. How fast the parser gets through the full-size versions (200,000
     * characters) is measured by {@code ReplyParserBenchmark} in editloop-perf, not here.
     */
    @Test
    void degenerateOutputIsReadOrRefusedWithAReason() {
        String spaces = " ".repeat(20_000);
        List<String> replies = List.of(
                "<" + spaces + "think",
                "**" + spaces + "x:\n".repeat(3),
                "\n".repeat(10_000) + spaces,
                "{".repeat(20_000),
                "<think><score>".repeat(2_000),
                "[8, ".repeat(5_000),
                "SC: 8 ".repeat(4_000),
                "<think>" + "The the the ".repeat(3_000),
                "<answer>FAILED" + spaces + "x</answer>",
                "&lt;think&gt;" + spaces);
        for (String reply : replies) {
            for (ThinkerReply parsed : List.of(parser.parse(reply), parser.parseReflection(reply))) {
                String shown = reply.substring(0, Math.min(30, reply.length()));
                assertThat(parsed).as(shown).isNotNull();
                switch (parsed) {
                    case ThinkerReply.Unreadable u ->
                        assertThat(u.reason()).as(shown).isNotBlank();
                    case ThinkerReply.Readable r -> {
                        assertThat(r.semantic()).as(shown).isBetween(0.0, 10.0);
                        assertThat(r.quality()).as(shown).isBetween(0.0, 10.0);
                        assertThat(r.verdict()).as(shown).isNotNull();
                    }
                }
            }
        }
    }

    private static String describe(ThinkerReply reply) {
        return switch (reply) {
            case ThinkerReply.Readable r ->
                r.semantic() + "/" + r.quality() + " " + r.verdict() + " " + r.instruction();
            case ThinkerReply.Unreadable u -> "unreadable: " + u.reason();
        };
    }
}
