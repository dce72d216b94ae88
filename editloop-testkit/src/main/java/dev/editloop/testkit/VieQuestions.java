package dev.editloop.testkit;

import dev.editloop.core.Criterion;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.JudgeImage;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import java.util.List;

/**
 * VIEScore-shaped questions for tests of judges outside the benchmark module: semantic (edit_success, overediting)
 * and quality (naturalness, artifacts), each 0–10, both shown the source and the edit, combined as SC = min, PQ = min,
 * O = √(SC·PQ). The benchmark's own {@code vie} protocol shows the quality question the edit alone.
 */
public final class VieQuestions {
    private VieQuestions() {}

    /** The two answers and the figures they make. */
    public record Scores(Judgement semanticAnswer, Judgement qualityAnswer, double semantic, double quality) {
        /** √(semantic · quality). */
        public double overall() {
            return Math.sqrt(semantic * quality);
        }
    }

    /** The semantic question. */
    public static JudgeCall semantic(Picture source, Picture edited, String instruction, long seed) {
        return new JudgeCall(
                "vie",
                "semantic",
                List.of(JudgeImage.source(source), JudgeImage.edited(edited)),
                "Score edit_success and overediting for the instruction: " + instruction,
                List.of(
                        new Criterion("edit_success", 0, 10, Criterion.Meaning.INSTRUCTION),
                        new Criterion("overediting", 0, 10, Criterion.Meaning.PRESERVATION)),
                instruction,
                null,
                seed);
    }

    /** The quality question, shown the source too. */
    public static JudgeCall quality(Picture source, Picture edited, String instruction, long seed) {
        return new JudgeCall(
                "vie",
                "quality",
                List.of(JudgeImage.source(source), JudgeImage.edited(edited)),
                "Score naturalness and artifacts of the EDITED image.",
                List.of(
                        new Criterion("naturalness", 0, 10, Criterion.Meaning.QUALITY),
                        new Criterion("artifacts", 0, 10, Criterion.Meaning.QUALITY)),
                instruction,
                null,
                seed);
    }

    /** Asks both questions. */
    public static Scores ask(Judge judge, Picture source, Picture edited, String instruction, long seed) {
        Judgement s = judge.judge(semantic(source, edited, instruction, seed));
        Judgement q = judge.judge(quality(source, edited, instruction, seed));
        return new Scores(
                s,
                q,
                Math.min(s.score("edit_success"), s.score("overediting")),
                Math.min(q.score("naturalness"), q.score("artifacts")));
    }
}
