package dev.editloop.bench.report;

import static dev.editloop.bench.report.Fixtures.done;
import static dev.editloop.bench.report.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.store.Manifest;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final double EPS = 1e-9;

    @Test
    void theBenchmarkTableIsTheProtocolsAggregateOverBestTurns() {
        BenchReport r = Fixtures.report(Fixtures.manifest(1), Fixtures.handRun());

        // best turns: a = c1 7, c2 4, c6 2; b = c3 10 (c5 unreadable, c4 failed)
        assertThat(value(r, "a")).isCloseTo(13.0 / 3, within(EPS));
        assertThat(value(r, "b")).isCloseTo(10.0, within(EPS));
        assertThat(value(r, "overall")).isCloseTo((13.0 / 3 + 10) / 2, within(EPS));
        assertThat(r.notes()).containsExactly(Fixtures.NOTE);
        assertThat(r.spread()).isEmpty();
    }

    @Test
    void failuresAndUnreadableScoresAreListedNotScored() {
        BenchReport r = Fixtures.report(Fixtures.manifest(1), Fixtures.handRun());

        assertThat(r.counts()).isEqualTo(new BenchReport.Counts(6, 5, 1, 4, 1, 0));
        assertThat(r.failures())
                .extracting(BenchReport.Failure::caseId, BenchReport.Failure::kind, BenchReport.Failure::sample)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c4", "error", -1),
                        org.assertj.core.groups.Tuple.tuple("c5", "unreadable", 0));
        assertThat(r.failures().get(0).detail()).isEqualTo("editor down");
        assertThat(r.failures().get(1).detail()).contains("no JSON object");
        assertThat(r.cases().get(4).score()).isNaN();
        assertThat(r.cases().get(3).failed()).isTrue();
    }

    @Test
    void aCaseWithoutAJudgedBestTurnIsListed() {
        var noTurns = new dev.editloop.bench.store.CaseOutcome(
                Fixtures.benchCase("c9", "a"), false, null, null, "cancelled", 0, List.of(), List.of());
        BenchReport r =
                Fixtures.report(Fixtures.manifest(1), List.of(noTurns, done("c1", "a", "threshold", 1, t(9, 9))));

        assertThat(r.counts().unscored()).isEqualTo(1);
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("no_score");
            assertThat(f.detail()).contains("cancelled");
        });
        assertThat(value(r, "overall")).isEqualTo(9.0);
    }

    @Test
    void turnFiguresReachedAndCarriedForward() {
        LoopFigures loop =
                Fixtures.report(Fixtures.manifest(1), Fixtures.handRun()).loop();

        assertThat(loop.turns()).hasSize(3);
        // turn 1: c1 5, c2 6, c3 10, c6 3 (c5 unreadable)
        assertFigure(loop.turns().get(0), 1, 4, 6.0, 4, 6.0);
        // turn 2 reached: c1 7, c2 4, c6 5; carried: c1 best 7, c2 thinker's best of 1..2 is turn 2 (4), c3 10,
        // c6 thinker's best of 1..2 is turn 1 (3)
        assertFigure(loop.turns().get(1), 2, 3, 16.0 / 3, 4, 6.0);
        // turn 3 reached: c2 8, c6 2; carried: every case's recorded best: 7, 4, 10, 2
        assertFigure(loop.turns().get(2), 3, 2, 5.0, 4, 23.0 / 4);
    }

    @Test
    void stopReasonsAndCasesThatGotWorse() {
        LoopFigures loop =
                Fixtures.report(Fixtures.manifest(1), Fixtures.handRun()).loop();

        assertThat(loop.stopReasons())
                .containsExactlyInAnyOrderEntriesOf(Map.of("threshold", 2, "max_turns", 2, "error", 1, "no_change", 1));
        assertThat(loop.stopReasons().values().iterator().next()).isEqualTo(2);
        assertThat(loop.gotWorse()).isEqualTo(2);
        assertThat(loop.gotWorseCases()).containsExactly("c2", "c6");
        assertThat(loop.comparedWithTurnOne()).isEqualTo(4);
    }

    @Test
    void judgeVersusThinkerAgreement() {
        LoopFigures.Agreement a =
                Fixtures.report(Fixtures.manifest(1), Fixtures.handRun()).loop().agreement();

        // pairs (thinker, judge): (4,5) (8,7) (6,6) (7,4) (5,8) (9,10) (8,3) (6,5) (9,2); worked out by hand
        assertThat(a.pairs()).isEqualTo(9);
        assertThat(a.pearson()).isCloseTo(-0.06914001258371195, within(1e-12));
        assertThat(a.spearman()).isCloseTo(-0.1567852911557841, within(1e-12));
        // c1 agrees (turn 2 is the judge's best too); c2 (judge's best is turn 3) and c6 (turn 2) do not
        assertThat(a.bestTurnCases()).isEqualTo(3);
        assertThat(a.bestTurnAgree()).isEqualTo(1);
    }

    @Test
    void perfectAgreementIsOne() {
        BenchReport r = Fixtures.report(
                Fixtures.manifest(1),
                List.of(done("c1", "a", "max_turns", 2, t(1, 2), t(3, 4)), done("c2", "a", "threshold", 1, t(9, 20))));

        assertThat(r.loop().agreement().pearson()).isLessThan(1.0).isGreaterThan(0.9);
        assertThat(r.loop().agreement().spearman()).isCloseTo(1.0, within(EPS));
        assertThat(r.loop().agreement().bestTurnAgree()).isEqualTo(1);
    }

    @Test
    void severalJudgeSamplesGiveATablePerSampleThenMeanAndSpread() {
        BenchReport r = Fixtures.report(
                Fixtures.manifest(2),
                List.of(done("c1", "a", "threshold", 1, t(8, 4, 6)), done("c2", "a", "threshold", 1, t(8, 6, 8))));

        assertThat(r.sampleTables()).hasSize(2);
        assertThat(r.sampleTables().get(0).row("a").orElseThrow().values().get("score"))
                .isEqualTo(5.0);
        assertThat(r.sampleTables().get(1).row("a").orElseThrow().values().get("score"))
                .isEqualTo(7.0);
        assertThat(value(r, "a")).isEqualTo(6.0);
        BenchReport.Spread s = r.spread().get("overall").get("score");
        assertThat(s.samples()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(6.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(2), within(EPS));
        assertThat(s.min()).isEqualTo(5.0);
        assertThat(s.max()).isEqualTo(7.0);
        // per-case figures average the samples
        assertThat(r.cases().get(0).score()).isEqualTo(5.0);
        assertThat(r.cases().get(1).score()).isEqualTo(7.0);
    }

    @Test
    void anUnreadableSampleIsListedAndTheOtherSampleStillScores() {
        BenchReport r =
                Fixtures.report(Fixtures.manifest(2), List.of(done("c1", "a", "threshold", 1, t(8, Double.NaN, 6))));

        assertThat(r.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.sample()).isEqualTo(0));
        assertThat(r.counts().scored()).isEqualTo(1);
        assertThat(r.cases().get(0).score()).isEqualTo(6.0);
        assertThat(r.spread().get("overall").get("score").samples()).isEqualTo(1);
    }

    @Test
    void aReportWithAnotherProtocolThanTheRunsIsRefused() {
        Manifest m = Fixtures.manifest(1);
        Manifest other = new Manifest(
                m.suite(),
                m.dataHash(),
                m.language(),
                m.categories(),
                m.limit(),
                m.strategy(),
                m.maxTurns(),
                m.threshold(),
                m.seed(),
                m.editor(),
                m.thinker(),
                BackendIdentity.of("embedded", null, List.of(), Map.of()),
                "vie",
                1,
                Map.of(),
                null,
                null,
                m.started());

        assertThatThrownBy(() -> BenchReport.of(other, List.of(), new Fixtures.MeanProtocol(), Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the run was judged with protocol 'vie', cannot report it with protocol 'mean'");
    }

    private static double value(BenchReport r, String row) {
        return r.table().row(row).map(ScoreRow::values).orElseThrow().get("score");
    }

    private static void assertFigure(
            LoopFigures.TurnFigure f, int turn, int reached, double reachedMean, int carried, double carriedMean) {
        assertThat(f.turn()).isEqualTo(turn);
        assertThat(f.reached()).as("reached at turn %d", turn).isEqualTo(reached);
        assertThat(f.reachedMean()).as("reached mean at turn %d", turn).isCloseTo(reachedMean, within(EPS));
        assertThat(f.carried()).as("carried at turn %d", turn).isEqualTo(carried);
        assertThat(f.carriedMean()).as("carried mean at turn %d", turn).isCloseTo(carriedMean, within(EPS));
    }
}
