package dev.editloop.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.editloop.core.Criterion;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.JudgeImage;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import dev.editloop.testkit.TestImages;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Judge} passes: it answers any question with a value for every criterion, on the
 * criterion's own scale.
 */
public abstract class JudgeContract {
    /** A working judge; the contract closes it. */
    protected abstract Judge judge();

    /** A judge whose every call fails; empty when it cannot fail so. */
    protected Optional<Judge> failingJudge() {
        return Optional.empty();
    }

    /** The key the adapter was given, which must appear nowhere; null when it takes none. */
    protected String secret() {
        return null;
    }

    /** A VIEScore-style semantic question: source and edit, edit_success and overediting 0–10. */
    public static JudgeCall semanticQuestion(Picture source, Picture edited, String instruction, long seed) {
        return new JudgeCall(
                "vie",
                "semantic",
                List.of(JudgeImage.source(source), JudgeImage.edited(edited)),
                "Score how well the EDITED image carries out the instruction (edit_success) and how well everything"
                        + " else was kept from the SOURCE (overediting). The instruction: " + instruction,
                List.of(
                        new Criterion("edit_success", 0, 10, Criterion.Meaning.INSTRUCTION),
                        new Criterion("overediting", 0, 10, Criterion.Meaning.PRESERVATION)),
                instruction,
                null,
                seed);
    }

    /** A quality question on the edit alone, on a 1–5 scale: quality and plausibility. */
    public static JudgeCall qualityQuestion(Picture edited, String instruction, long seed) {
        return new JudgeCall(
                "kris",
                "quality",
                List.of(JudgeImage.edited(edited)),
                "Score how natural (plausibility) and clean (quality) the EDITED image looks.",
                List.of(
                        new Criterion("quality", 1, 5, Criterion.Meaning.QUALITY),
                        new Criterion("plausibility", 1, 5, Criterion.Meaning.QUALITY)),
                instruction,
                null,
                seed);
    }

    private static Picture[] pictures() {
        Picture source = TestImages.scene(96, 64, 4);
        byte[] bgr = source.bgr();
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) Math.min(255, (bgr[i] & 0xff) + 40);
        }
        return new Picture[] {source, Picture.ofBgr(source.width(), source.height(), bgr)};
    }

    private JudgeCall call() {
        Picture[] p = pictures();
        return semanticQuestion(p[0], p[1], "make the image brighter", 9);
    }

    @Test
    void everyCriterionIsAnsweredOnItsOwnScale() {
        Picture[] p = pictures();
        try (Judge judge = judge()) {
            for (JudgeCall call : List.of(call(), qualityQuestion(p[1], "make the image brighter", 9))) {
                Judgement j = judge.judge(call);
                assertThat(j.protocol()).isEqualTo(call.protocol());
                assertThat(j.scores().keySet()).containsExactlyElementsOf(call.criterionNames());
                for (Criterion c : call.criteria()) {
                    assertThat(j.score(c.name()))
                            .as(call.question() + " " + c.name())
                            .isBetween((double) c.min(), (double) c.max());
                }
            }
        }
    }

    @Test
    void describeNamesTheBackendWithoutTheKey() {
        try (Judge judge = judge()) {
            Contracts.describes(judge.describe(), secret());
        }
    }

    @Test
    void identityIsTheAdaptersOwnAndHoldsNoKey() {
        try (Judge judge = judge()) {
            Contracts.identifies(judge, Judge.class, judge.identity(), judge.describe(), secret());
        }
    }

    @Test
    void aFailingBackendThrowsAClearEditLoopException() {
        Optional<Judge> failing = failingJudge();
        assumeThat(failing).as("this adapter has no failing variant").isPresent();
        try (Judge judge = failing.get()) {
            Contracts.failsCleanly(() -> judge.judge(call()), judge.describe(), secret());
        }
    }

    @Test
    void closeCanBeCalledTwice() {
        Judge judge = judge();
        judge.close();
        judge.close();
    }
}
