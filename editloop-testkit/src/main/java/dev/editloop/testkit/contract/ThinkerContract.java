package dev.editloop.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Thinker;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.testkit.TestImages;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Thinker} passes. Extend it with a factory for the adapter under test; a remote adapter
 * points at a loopback fake server that answers in the expected format.
 */
public abstract class ThinkerContract {
    /** A working thinker; the contract closes it. */
    protected abstract Thinker thinker();

    /** A thinker whose every call fails (its server answers 500, or is down); empty when it cannot fail so. */
    protected Optional<Thinker> failingThinker() {
        return Optional.empty();
    }

    /** The key the adapter was given, which must appear nowhere; null when it takes none. */
    protected String secret() {
        return null;
    }

    /** The user's instruction. */
    protected String instruction() {
        return "make it look like an old photograph";
    }

    /** The source image. */
    protected Picture source() {
        return TestImages.scene(96, 64, 3);
    }

    /** An edited image to judge: the source made darker. */
    protected Picture edited() {
        Picture source = source();
        byte[] bgr = source.bgr();
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) ((bgr[i] & 0xff) * 3 / 4);
        }
        return Picture.ofBgr(source.width(), source.height(), bgr);
    }

    @Test
    void compareCritiqueHasScoresInRangeAndAPlan() {
        try (Thinker thinker = thinker()) {
            Critique c = thinker.critique(CritiqueCall.compare(source(), edited(), instruction(), instruction(), 1, 5));
            assertThat(c.valid())
                    .as("a readable reply gives a valid critique: %s", c.reasoning())
                    .isTrue();
            assertThat(c.semantic()).isBetween(0.0, 10.0);
            assertThat(c.quality()).isBetween(0.0, 10.0);
            assertThat(c.verdict()).isIn(Verdict.SUCCESS, Verdict.REFINE, Verdict.FAILED);
            if (c.verdict() == Verdict.REFINE) {
                assertThat(c.hasRefinement())
                        .as("REFINE comes with the next instruction")
                        .isTrue();
            }
            assertThat(c.raw()).as("the raw text is kept").isNotNull();
            assertThat(c.usage()).isNotNull();
        }
    }

    @Test
    void reflectCritiqueGivesExactlyOneVerdict() {
        try (Thinker thinker = thinker()) {
            Critique c = thinker.critique(new CritiqueCall(
                    CritiqueMode.REFLECT,
                    source(),
                    edited(),
                    instruction(),
                    instruction(),
                    1,
                    "The photo is in warm sepia tones with soft contrast, fine grain and darkened corners.",
                    5));
            assertThat(c.valid())
                    .as("a readable reply gives a valid critique: %s", c.reasoning())
                    .isTrue();
            assertThat(c.verdict()).isIn(Verdict.SUCCESS, Verdict.REFLECTION, Verdict.FAILED);
            if (c.verdict() == Verdict.REFLECTION) {
                assertThat(c.hasRefinement())
                        .as("REFLECTION comes with a correction")
                        .isTrue();
            }
        }
    }

    @Test
    void rewritePlanGivesAnInstruction() {
        try (Thinker thinker = thinker()) {
            Plan plan = thinker.plan(new PlanCall(PlanKind.REWRITE, source(), instruction(), 3, 5));
            assertThat(plan.instruction()).isNotBlank();
            assertThat(plan.targetDescription()).isNull();
        }
    }

    @Test
    void describeTargetPlanGivesADescription() {
        try (Thinker thinker = thinker()) {
            Plan plan = thinker.plan(new PlanCall(PlanKind.DESCRIBE_TARGET, source(), instruction(), 3, 5));
            assertThat(plan.targetDescription()).isNotBlank();
            assertThat(plan.instruction()).isEqualTo(instruction());
        }
    }

    @Test
    void describeNamesTheBackendWithoutTheKey() {
        try (Thinker thinker = thinker()) {
            Contracts.describes(thinker.describe(), secret());
        }
    }

    @Test
    void identityIsTheAdaptersOwnAndHoldsNoKey() {
        try (Thinker thinker = thinker()) {
            Contracts.identifies(thinker, Thinker.class, thinker.identity(), thinker.describe(), secret());
        }
    }

    @Test
    void aFailingBackendThrowsAClearEditLoopException() {
        Optional<Thinker> failing = failingThinker();
        assumeThat(failing).as("this adapter has no failing variant").isPresent();
        try (Thinker thinker = failing.get()) {
            Contracts.failsCleanly(
                    () -> thinker.critique(
                            CritiqueCall.compare(source(), edited(), instruction(), instruction(), 1, 5)),
                    thinker.describe(),
                    secret());
        }
    }

    @Test
    void closeCanBeCalledTwice() {
        Thinker thinker = thinker();
        thinker.close();
        thinker.close();
    }
}
