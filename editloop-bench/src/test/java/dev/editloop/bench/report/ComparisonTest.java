package dev.editloop.bench.report;

import static dev.editloop.bench.report.Fixtures.done;
import static dev.editloop.bench.report.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.bench.report.Comparison.Difference;
import dev.editloop.bench.report.Comparison.Verdict;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    /** A run of n cases in two categories, case i scoring score(i) at its only turn. */
    private static BenchReport run(int n, IntToDoubleFunction score) {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outcomes.add(done("c" + i, i % 2 == 0 ? "even" : "odd", "threshold", 1, t(5, score.applyAsDouble(i))));
        }
        return Fixtures.report(Fixtures.manifest(1), outcomes);
    }

    private static Difference find(Comparison c, String scope, String row) {
        return c.differences().stream()
                .filter(d -> d.scope().equals(scope) && d.row().equals(row))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void bOneAboveAOnEveryCaseIsBetterWithAnIntervalAtOne() {
        BenchReport a = run(30, i -> i % 7);
        BenchReport b = run(30, i -> i % 7 + 1);

        Comparison c = Comparison.of(a, b, 1);

        assertThat(c.matched()).isEqualTo(30);
        assertThat(c.resamples()).isEqualTo(10_000);
        for (Difference d : c.differences()) {
            assertThat(d.difference()).as(d.toString()).isCloseTo(1.0, within(1e-9));
            assertThat(d.low()).as(d.toString()).isCloseTo(1.0, within(1e-9));
            assertThat(d.high()).as(d.toString()).isCloseTo(1.0, within(1e-9));
            assertThat(d.verdict()).isEqualTo(Verdict.BETTER);
        }
        // headline overall + 2 categories; the table's 2 categories + overall
        assertThat(c.differences())
                .extracting(d -> d.scope() + ":" + d.row())
                .containsExactly(
                        "headline:overall",
                        "headline:even",
                        "headline:odd",
                        "table:even",
                        "table:odd",
                        "table:overall");
        assertThat(find(c, "headline", "even").cases()).isEqualTo(15);
    }

    @Test
    void identicalRunsGiveNoEvidence() {
        BenchReport a = run(20, i -> i % 5);

        Comparison c = Comparison.of(a, run(20, i -> i % 5), 1);

        assertThat(c.differences()).allSatisfy(d -> {
            assertThat(d.difference()).isZero();
            assertThat(d.low()).isZero();
            assertThat(d.high()).isZero();
            assertThat(d.verdict()).isEqualTo(Verdict.NO_EVIDENCE);
        });
    }

    @Test
    void mixedDifferencesGiveTheVerdictOfTheirSign() {
        // 30 cases gain 2, 10 lose 1: mean +1.25 with a clear interval above 0; reversed: below 0
        BenchReport a = run(40, i -> 5);
        BenchReport b = run(40, i -> i % 4 == 3 ? 4 : 7);

        Difference up = find(Comparison.of(a, b, 3), "headline", "overall");
        Difference down = find(Comparison.of(b, a, 3), "headline", "overall");

        assertThat(up.difference()).isCloseTo(1.25, within(1e-9));
        assertThat(up.low()).isGreaterThan(0).isLessThan(1.25);
        assertThat(up.high()).isGreaterThan(1.25);
        assertThat(up.verdict()).isEqualTo(Verdict.BETTER);
        assertThat(down.difference()).isCloseTo(-1.25, within(1e-9));
        assertThat(down.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(down.low()).isCloseTo(-up.high(), within(0.2));
    }

    @Test
    void noiseAroundZeroIsNoEvidence() {
        BenchReport a = run(40, i -> 5);
        BenchReport b = run(40, i -> i % 2 == 0 ? 6 : 4);

        Difference d = find(Comparison.of(a, b, 3), "headline", "overall");

        assertThat(d.difference()).isZero();
        assertThat(d.low()).isLessThan(0);
        assertThat(d.high()).isGreaterThan(0);
        assertThat(d.verdict()).isEqualTo(Verdict.NO_EVIDENCE);
    }

    @Test
    void theIntervalMatchesTheNormalApproximationOnManyCases() {
        SplittableRandom random = new SplittableRandom(42);
        double[] noise = random.doubles(400).map(u -> u * 4 - 2).toArray();
        BenchReport a = run(400, i -> 5);
        BenchReport b = run(400, i -> 5.3 + noise[i]);

        Difference d = find(Comparison.of(a, b, 9), "headline", "overall");

        double mean = Stats.mean(noise) + 0.3;
        double se = Stats.sd(noise) / Math.sqrt(400);
        assertThat(d.difference()).isCloseTo(mean, within(1e-9));
        assertThat(d.low()).isCloseTo(mean - 1.96 * se, within(0.25 * se));
        assertThat(d.high()).isCloseTo(mean + 1.96 * se, within(0.25 * se));
    }

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        double[] noise = new SplittableRandom(7).doubles(40).toArray();
        BenchReport a = run(40, i -> 5);
        BenchReport b = run(40, i -> 4.5 + noise[i] * 2);

        Difference first = find(Comparison.of(a, b, 11), "headline", "overall");
        Difference again = find(Comparison.of(a, b, 11), "headline", "overall");
        Difference other = find(Comparison.of(a, b, 12), "headline", "overall");

        assertThat(again).isEqualTo(first);
        assertThat(other.low()).isNotEqualTo(first.low());
    }

    @Test
    void tableFiguresResampleWithinCategories() {
        // "even" cases gain 1, "odd" cases gain nothing: the mean of category means gains exactly 0.5 in every
        // stratified resample; resampling across categories would move it
        BenchReport a = run(20, i -> i % 5);
        BenchReport b = run(20, i -> i % 5 + (i % 2 == 0 ? 1 : 0));

        Comparison c = Comparison.of(a, b, 5);
        Difference overall = find(c, "table", "overall");
        Difference pooled = find(c, "headline", "overall");

        assertThat(overall.difference()).isCloseTo(0.5, within(1e-9));
        assertThat(overall.low()).isCloseTo(0.5, within(1e-9));
        assertThat(overall.high()).isCloseTo(0.5, within(1e-9));
        assertThat(overall.verdict()).isEqualTo(Verdict.BETTER);
        assertThat(overall.cases()).isEqualTo(20);
        // the per-case mean over all cases, resampled without strata, does vary
        assertThat(pooled.difference()).isCloseTo(0.5, within(1e-9));
        assertThat(pooled.high() - pooled.low()).isGreaterThan(0.2);
        assertThat(find(c, "table", "odd").verdict()).isEqualTo(Verdict.NO_EVIDENCE);
    }

    @Test
    void casesInOnlyOneRunOrUnscoredAreListedAndLeftOut() {
        List<CaseOutcome> left = new ArrayList<>(List.of(
                done("c1", "a", "threshold", 1, t(5, 5)),
                done("c2", "a", "threshold", 1, t(5, 5)),
                done("c3", "a", "threshold", 1, t(5, Double.NaN)),
                done("only-a", "a", "threshold", 1, t(5, 5))));
        List<CaseOutcome> right = new ArrayList<>(List.of(
                done("c1", "a", "threshold", 1, t(5, 6)),
                done("c2", "a", "threshold", 1, t(5, 6)),
                done("c3", "a", "threshold", 1, t(5, 9)),
                Fixtures.failed("only-b", "a", "boom")));

        Comparison c = Comparison.of(
                Fixtures.report(Fixtures.manifest(1), left), Fixtures.report(Fixtures.manifest(1), right), 1);

        assertThat(c.matched()).isEqualTo(2);
        assertThat(c.onlyInA()).containsExactly("only-a");
        assertThat(c.onlyInB()).containsExactly("only-b");
        assertThat(c.leftOut()).containsExactly("c3");
        assertThat(find(c, "headline", "overall").difference()).isEqualTo(1.0);
    }

    @Test
    void runsOnDifferentSuitesOrDataAreRefusedInOneLine() {
        BenchReport a = Fixtures.report(Fixtures.manifest("gedit", "hash-one-0123456789", 1, "single"), List.of());
        BenchReport other = Fixtures.report(Fixtures.manifest("gedit", "hash-two-0123456789", 1, "single"), List.of());
        BenchReport rise = Fixtures.report(Fixtures.manifest("rise", "hash-one-0123456789", 1, "single"), List.of());

        assertThatThrownBy(() -> Comparison.of(a, other, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "cannot compare runs on different data: gedit data hash-one-012 vs gedit data hash-two-012");
        assertThatThrownBy(() -> Comparison.of(a, rise, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gedit")
                .hasMessageContaining("rise")
                .hasMessageNotContaining("\n");
    }
}
