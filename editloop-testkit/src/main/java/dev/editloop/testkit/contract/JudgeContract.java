package dev.editloop.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import dev.editloop.testkit.TestImages;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract every {@link Judge} passes, for the VIEScore protocol every judge supports. */
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

    private JudgeCall call() {
        Picture source = TestImages.scene(96, 64, 4);
        byte[] bgr = source.bgr();
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) Math.min(255, (bgr[i] & 0xff) + 40);
        }
        Picture edited = Picture.ofBgr(source.width(), source.height(), bgr);
        return new JudgeCall(JudgeCall.VIESCORE, source, edited, "make the image brighter", 9);
    }

    @Test
    void vieScoreGivesSemanticQualityAndTheirGeometricMean() {
        try (Judge judge = judge()) {
            Judgement j = judge.judge(call());
            assertThat(j.protocol()).isEqualTo(JudgeCall.VIESCORE);
            double sc = j.score("semantic");
            double pq = j.score("quality");
            assertThat(sc).isBetween(0.0, 10.0);
            assertThat(pq).isBetween(0.0, 10.0);
            // judges may round their scores to two decimals
            assertThat(j.score("overall")).isCloseTo(Math.sqrt(sc * pq), within(0.01));
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
