package dev.editloop.core.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.Critique;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import org.junit.jupiter.api.Test;

class ThresholdTest {
    private static Critique scores(double sc, double pq) {
        return new Critique(sc, pq, "", "x", Verdict.REFINE, null, "", Usage.NONE);
    }

    @Test
    void parsesTheThreeForms() {
        assertThat(Threshold.parse("8")).isEqualTo(new Threshold(Threshold.Rule.BOTH, 8));
        assertThat(Threshold.parse("both:7.5")).isEqualTo(new Threshold(Threshold.Rule.BOTH, 7.5));
        assertThat(Threshold.parse(" Overall : 6 ")).isEqualTo(new Threshold(Threshold.Rule.OVERALL, 6));
    }

    @Test
    void rejectsNonsenseWithAClearMessage() {
        assertThatThrownBy(() -> Threshold.parse("high"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'high' is not a number");
        assertThatThrownBy(() -> Threshold.parse("11")).hasMessageContaining("within 0..10");
        assertThatThrownBy(() -> Threshold.parse("median:5")).hasMessageContaining("unknown threshold rule 'median'");
    }

    @Test
    void bothRuleNeedsEachScore() {
        assertThat(Threshold.DEFAULT.met(scores(8, 8))).isTrue();
        assertThat(Threshold.DEFAULT.met(scores(10, 7.9))).isFalse();
        assertThat(Threshold.DEFAULT.met(Critique.invalid("x", "y", Usage.NONE)))
                .isFalse();
    }

    @Test
    void overallRuleUsesTheGeometricMean() {
        Threshold t = Threshold.parse("overall:8");
        assertThat(t.met(scores(10, 6.4))).isTrue();
        assertThat(t.met(scores(10, 6.3))).isFalse();
    }

    @Test
    void semanticRuleLooksAtScAloneAndTheAcceptanceFloorAtBothScores() {
        Threshold sc = Threshold.parse("sc:5");
        assertThat(Threshold.parse("semantic:6")).isEqualTo(new Threshold(Threshold.Rule.SEMANTIC, 6));
        assertThat(sc.met(scores(5, 0))).isTrue();
        assertThat(sc.met(scores(4.9, 10))).isFalse();
        assertThat(sc).hasToString("SC>=5");
        // the default floor: a broken-looking edit (PQ under 5) is not handed over either
        assertThat(Threshold.parse("both:5")).isEqualTo(Threshold.ACCEPT_DEFAULT);
        assertThat(Threshold.ACCEPT_DEFAULT.met(scores(9, 5))).isTrue();
        assertThat(Threshold.ACCEPT_DEFAULT.met(scores(9, 4.9))).isFalse();
        assertThat(Threshold.ACCEPT_DEFAULT.met(scores(4.9, 10))).isFalse();
        assertThat(Threshold.ACCEPT_DEFAULT).hasToString("SC>=5 and PQ>=5");
    }

    @Test
    void strategiesParseAndListTheKnownNames() {
        assertThat(Strategy.parse("Think_While_Edit")).isEqualTo(Strategy.THINK_WHILE_EDIT);
        assertThatThrownBy(() -> Strategy.parse("greedy"))
                .hasMessage(
                        "unknown strategy 'greedy' (known: think-while-edit, think-before-edit, single, reflect, best-of-n)");
    }
}
