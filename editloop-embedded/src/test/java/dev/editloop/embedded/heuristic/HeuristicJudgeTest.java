package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.ClassicOperations;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.testkit.TestImages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeuristicJudgeTest {
    private static final Picture CAT = TestImages.cat();
    private static final String OLD_PHOTO = "make this look like an old photograph";
    private static final HeuristicJudge JUDGE = new HeuristicJudge(InstructionParser::parse);

    private static Picture edit(Picture source, List<Action> actions) {
        Picture out = source;
        for (Action action : actions) {
            out = ClassicOperations.apply(out, action, 7);
        }
        return out;
    }

    private static List<Action> oldPhoto(double scale) {
        List<Action> plan =
                KnowledgeBase.standard().concept("old-photograph").orElseThrow().plan(Analysis.of(CAT));
        List<Action> scaled = new ArrayList<>();
        for (Action a : plan) {
            Knob knob = Knob.of(a).orElseThrow();
            knob.with(a, knob.amount(a) * scale).ifPresent(scaled::add);
        }
        return scaled;
    }

    private static Judgement judge(Picture edited, String instruction) {
        return JUDGE.judge(new JudgeCall(JudgeCall.VIESCORE, CAT, edited, instruction, 1));
    }

    @Test
    void describesItselfAsEmbedded() {
        assertThat(JUDGE.describe()).isEqualTo("embedded");
    }

    @Test
    void viescoreGivesSemanticQualityAndOverall() {
        Judgement j = judge(edit(CAT, oldPhoto(1)), OLD_PHOTO);
        assertThat(j.protocol()).isEqualTo(JudgeCall.VIESCORE);
        assertThat(j.scores()).containsOnlyKeys("semantic", "quality", "overall");
        assertThat(j.scores().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 10.0));
        assertThat(j.score("overall")).isCloseTo(Math.sqrt(j.score("semantic") * j.score("quality")), within(0.01));
        assertThat(j.score("semantic")).isGreaterThanOrEqualTo(8.0);
        assertThat(j.score("quality")).isGreaterThanOrEqualTo(8.0);
    }

    @Test
    void unknownProtocolsAreRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> JUDGE.judge(new JudgeCall("imgedit", CAT, CAT, OLD_PHOTO, 1)))
                .isInstanceOf(dev.editloop.core.InvalidInputException.class)
                .hasMessageContaining("imgedit")
                .hasMessageContaining("viescore");
        assertThat(JUDGE.judge(new JudgeCall("VIEScore", CAT, CAT, OLD_PHOTO, 1))
                        .protocol())
                .isEqualTo(JudgeCall.VIESCORE);
    }

    @Test
    void scoresFollowThePixels() {
        double unchanged = judge(CAT, OLD_PHOTO).score("overall");
        double half = judge(edit(CAT, oldPhoto(0.4)), OLD_PHOTO).score("overall");
        double good = judge(edit(CAT, oldPhoto(1)), OLD_PHOTO).score("overall");
        double over = judge(edit(CAT, oldPhoto(3)), OLD_PHOTO).score("overall");
        assertThat(good).isGreaterThan(half).isGreaterThan(unchanged).isGreaterThan(over);
        assertThat(judge(CAT, OLD_PHOTO).score("semantic")).isLessThanOrEqualTo(1.0);
    }

    @Test
    void judgementsDoNotDependOnTheThinkersPlan() {
        // a knowledge base whose plans are half as strong: the thinker's refinements change, the judge's scores not
        KnowledgeBase halfPlans = KnowledgeBase.standard().mapPlans(plan -> {
            List<Action> out = new ArrayList<>();
            for (Action a : plan) {
                Knob.of(a).flatMap(k -> k.with(a, k.amount(a) / 2)).ifPresentOrElse(out::add, () -> out.add(a));
            }
            return out;
        });
        Picture edited = edit(CAT, oldPhoto(0.7));
        HeuristicJudge other = new HeuristicJudge(InstructionParser::parse, halfPlans);
        Judgement a = judge(edited, OLD_PHOTO);
        Judgement b = other.judge(new JudgeCall(JudgeCall.VIESCORE, CAT, edited, OLD_PHOTO, 1));
        assertThat(b.scores()).isEqualTo(a.scores());
        assertThat(b.reasoning()).isEqualTo(a.reasoning());

        Critique standard = new HeuristicThinker(InstructionParser::parse)
                .critique(CritiqueCall.compare(CAT, CAT, OLD_PHOTO, OLD_PHOTO, 1, 1));
        Critique halved = new HeuristicThinker(InstructionParser::parse, halfPlans)
                .critique(CritiqueCall.compare(CAT, CAT, OLD_PHOTO, OLD_PHOTO, 1, 1));
        assertThat(halved.refinedInstruction()).isNotEqualTo(standard.refinedInstruction());
        // and judging the thinker's two proposals, edited, compares them on the same scale
        Picture fromStandard =
                edit(CAT, InstructionParser.parse(standard.refinedInstruction()).actions());
        Picture fromHalved =
                edit(CAT, InstructionParser.parse(halved.refinedInstruction()).actions());
        assertThat(judge(fromStandard, OLD_PHOTO).score("semantic"))
                .isGreaterThan(judge(fromHalved, OLD_PHOTO).score("semantic"));
    }

    @Test
    void theReasoningListsTheMeasurements() {
        Judgement j = judge(edit(CAT, oldPhoto(1)), OLD_PHOTO);
        assertThat(j.reasoning())
                .contains("sepia tone: +")
                .contains("film grain: +")
                .contains("vignette: +")
                .contains("added noise")
                .contains("VIEScore: edit success");
        assertThat(j.raw()).startsWith("{").contains("\"semantic\"");
    }

    @Test
    void judgingIsDeterministic() {
        Picture edited = edit(CAT, oldPhoto(0.8));
        assertThat(judge(edited, OLD_PHOTO)).isEqualTo(judge(edited, OLD_PHOTO));
    }

    @Test
    void impossibleRequestsScoreZeroSemantic() {
        Judgement j = judge(CAT, "replace the cat with a dog");
        assertThat(j.score("semantic")).isZero();
        assertThat(j.reasoning()).contains("generative editor");
    }
}
