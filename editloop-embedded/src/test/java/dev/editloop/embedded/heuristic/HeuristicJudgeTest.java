package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.Criterion;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.JudgeImage;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.ClassicOperations;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.VieQuestions;
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

    private static VieQuestions.Scores judge(Picture edited, String instruction) {
        return VieQuestions.ask(JUDGE, CAT, edited, instruction, 1);
    }

    private static JudgeCall question(List<JudgeImage> images, Criterion... criteria) {
        return new JudgeCall("test", "q", images, "prompt", List.of(criteria), OLD_PHOTO, null, 1);
    }

    @Test
    void describesItselfAsEmbedded() {
        assertThat(JUDGE.describe()).isEqualTo("embedded");
    }

    @Test
    void answersEachCriterionByItsMeaningOnItsOwnScale() {
        Picture good = edit(CAT, oldPhoto(1));
        VieQuestions.Scores vie = judge(good, OLD_PHOTO);
        assertThat(vie.semanticAnswer().scores()).containsOnlyKeys("edit_success", "overediting");
        assertThat(vie.semantic()).isGreaterThanOrEqualTo(8.0);
        assertThat(vie.quality()).isGreaterThanOrEqualTo(8.0);
        // the same measures on a 1-5 scale and on a 0/1 scale, whole numbers
        Judgement five = JUDGE.judge(question(
                List.of(JudgeImage.source(CAT), JudgeImage.edited(good)),
                new Criterion("instruction", 1, 5, Criterion.Meaning.INSTRUCTION),
                new Criterion("consistency", 1, 5, Criterion.Meaning.PRESERVATION),
                new Criterion("quality", 1, 5, Criterion.Meaning.QUALITY)));
        assertThat(five.protocol()).isEqualTo("test");
        assertThat(five.scores().values()).allSatisfy(v -> assertThat(v).isBetween(4.0, 5.0));
        assertThat(five.scores().values()).allSatisfy(v -> assertThat(v % 1).isZero());
        Judgement binary = JUDGE.judge(question(
                List.of(JudgeImage.source(CAT), JudgeImage.edited(good)),
                new Criterion("reasoning", 0, 1, Criterion.Meaning.INSTRUCTION)));
        assertThat(binary.score("reasoning")).isEqualTo(1.0);
        Judgement undone = JUDGE.judge(question(
                List.of(JudgeImage.source(CAT), JudgeImage.edited(CAT)),
                new Criterion("reasoning", 0, 1, Criterion.Meaning.INSTRUCTION)));
        assertThat(undone.score("reasoning")).isZero();
    }

    @Test
    void withoutASourceNoChangeCanBeClaimed() {
        Judgement j = JUDGE.judge(question(
                List.of(JudgeImage.edited(edit(CAT, oldPhoto(1)))),
                new Criterion("instruction", 1, 5, Criterion.Meaning.INSTRUCTION),
                new Criterion("plausibility", 1, 5, Criterion.Meaning.QUALITY)));
        assertThat(j.score("instruction")).isEqualTo(1.0);
        assertThat(j.score("plausibility")).isGreaterThan(1.0);
        assertThat(j.reasoning()).contains("No source image");
    }

    @Test
    void aQuestionWithoutTheEditIsRefused() {
        assertThatThrownBy(() -> JUDGE.judge(question(
                        List.of(JudgeImage.source(CAT)),
                        new Criterion("instruction", 1, 5, Criterion.Meaning.INSTRUCTION))))
                .isInstanceOf(dev.editloop.core.InvalidInputException.class)
                .hasMessageContaining("'edited' image");
    }

    @Test
    void scoresFollowThePixels() {
        double unchanged = judge(CAT, OLD_PHOTO).overall();
        double half = judge(edit(CAT, oldPhoto(0.4)), OLD_PHOTO).overall();
        double good = judge(edit(CAT, oldPhoto(1)), OLD_PHOTO).overall();
        double over = judge(edit(CAT, oldPhoto(3)), OLD_PHOTO).overall();
        assertThat(good).isGreaterThan(half).isGreaterThan(unchanged).isGreaterThan(over);
        assertThat(judge(CAT, OLD_PHOTO).semantic()).isLessThanOrEqualTo(1.0);
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
        VieQuestions.Scores a = judge(edited, OLD_PHOTO);
        VieQuestions.Scores b = VieQuestions.ask(other, CAT, edited, OLD_PHOTO, 1);
        assertThat(b.semanticAnswer().scores()).isEqualTo(a.semanticAnswer().scores());
        assertThat(b.semanticAnswer().reasoning()).isEqualTo(a.semanticAnswer().reasoning());

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
        assertThat(judge(fromStandard, OLD_PHOTO).semanticAnswer().score("edit_success"))
                .isGreaterThan(judge(fromHalved, OLD_PHOTO).semanticAnswer().score("edit_success"));
    }

    @Test
    void theReasoningListsTheMeasurements() {
        Judgement j = judge(edit(CAT, oldPhoto(1)), OLD_PHOTO).semanticAnswer();
        assertThat(j.reasoning())
                .contains("sepia tone: +")
                .contains("film grain: +")
                .contains("vignette: +")
                .contains("added noise")
                .contains("edit_success (instruction): ");
        assertThat(j.raw()).startsWith("{").contains("\"edit_success\"").contains("\"measured\"");
    }

    @Test
    void judgingIsDeterministic() {
        Picture edited = edit(CAT, oldPhoto(0.8));
        assertThat(judge(edited, OLD_PHOTO)).isEqualTo(judge(edited, OLD_PHOTO));
    }

    @Test
    void impossibleRequestsScoreZeroSemantic() {
        Judgement j = judge(CAT, "replace the cat with a dog").semanticAnswer();
        assertThat(j.score("edit_success")).isZero();
        assertThat(j.reasoning()).contains("generative editor");
    }
}
