package dev.editloop.bench.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import dev.editloop.bench.ScoreTable;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.JudgeImage;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.heuristic.HeuristicJudge;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each protocol's questions and aggregation against figures worked out by hand. */
class ProtocolsTest {
    private static final Picture SRC = TestImages.scene(64, 48, 1);
    private static final Picture EDIT = TestImages.scene(64, 48, 2);
    private static final Picture REF = TestImages.scene(64, 48, 3);

    private static BenchCase bc(String suite, String id, String category, Map<String, String> fields) {
        return new BenchCase(suite, id, category, "make it so", Path.of("x.png"), "the answer", null, fields);
    }

    private static Judgement a(Object... nameValue) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], ((Number) nameValue[i + 1]).doubleValue());
        }
        return new Judgement("t", m, "", "", null);
    }

    private static List<Judgement> answers(Judgement... js) {
        return new ArrayList<>(java.util.Arrays.asList(js));
    }

    private static List<String> roles(JudgeCall c) {
        return c.images().stream().map(JudgeImage::role).toList();
    }

    @Test
    void registryListsAndRefusesWithOneLine(@TempDir Path dir) throws Exception {
        assertThat(Protocols.names()).containsExactly("vie", "imgedit", "kris", "rise");
        assertThat(Protocols.all()).extracting(Protocol::name).containsExactly("vie", "imgedit", "kris", "rise");
        assertThatThrownBy(() -> Protocols.get("gedit", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown judge protocol 'gedit'; known: vie, imgedit, kris, rise");
        Path file = Files.writeString(dir.resolve("p.txt"), "Grade it: {{instruction}}");
        assertThatThrownBy(() -> Protocols.get("vie", Map.of("kris-quality", file)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "judge protocol 'vie' has no prompt 'kris-quality'; its prompts: vie-semantic, vie-quality");
        Protocol replaced = Protocols.get("VIE", Map.of("vie-semantic", file));
        assertThat(replaced.promptHashes().get("vie-semantic"))
                .isNotEqualTo(new VieProtocol().promptHashes().get("vie-semantic"));
        assertThat(replaced.questions(bc("gedit", "1", "c", null), SRC, EDIT, null, 1)
                        .get(0)
                        .prompt())
                .isEqualTo("Grade it: make it so");
        Path bad = Files.writeString(dir.resolve("b.txt"), "{{colour}}");
        assertThatThrownBy(() -> Protocols.get("rise", Map.of("rise-plausibility", bad)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("{{colour}}");
    }

    @Test
    void pythonRounding() {
        assertThat(Figures.pyRound(3.335, 2)).as("3.335 is 3.33499… in binary").isEqualTo(3.33);
        assertThat(Figures.pyRound(0.125, 2)).as("exact tie to even").isEqualTo(0.12);
        assertThat(Figures.pyRound(0.375, 2)).isEqualTo(0.38);
        assertThat(Figures.pyRound(2.675, 2)).isEqualTo(2.67);
        assertThat(Figures.pyRound(10 / 3.0, 2)).isEqualTo(3.33);
    }

    @Test
    void vieQuestionsScoresAndTable() {
        VieProtocol p = new VieProtocol();
        List<JudgeCall> q = p.questions(bc("gedit", "1", "color_alter", null), SRC, EDIT, REF, 1);
        assertThat(q).extracting(JudgeCall::question).containsExactly("semantic", "quality");
        assertThat(roles(q.get(0))).containsExactly("source", "edited");
        assertThat(roles(q.get(1))).containsExactly("edited");
        assertThat(q.get(0).criterionNames()).containsExactly("edit_success", "overediting");
        assertThat(q.get(1).criterionNames()).containsExactly("naturalness", "artifacts");

        Map<String, String> in = Map.of("Intersection_exist", "True");
        Map<String, String> out = Map.of("Intersection_exist", "False");
        List<CaseScore> s = new ArrayList<>();
        // color_alter: SC min(8,6)=6 PQ min(9,4)=4 O=sqrt24; SC 10 PQ 9 O=sqrt90
        s.add(p.score(
                bc("g", "1", "color_alter", in),
                answers(a("edit_success", 8, "overediting", 6), a("naturalness", 9, "artifacts", 4))));
        s.add(p.score(
                bc("g", "2", "color_alter", out),
                answers(a("edit_success", 10, "overediting", 10), a("naturalness", 9, "artifacts", 10))));
        // style_change: SC 2 PQ 8 O 4
        s.add(p.score(
                bc("g", "3", "style_change", in),
                answers(a("edit_success", 2, "overediting", 7), a("naturalness", 8, "artifacts", 8))));
        // text_change: unreadable only -> empty category
        s.add(p.score(bc("g", "4", "text_change", in), answers(a("edit_success", 5, "overediting", 5), null)));
        assertThat(s.get(0).raw()).containsEntry("overediting", 6.0).containsEntry("artifacts", 4.0);
        assertThat(s.get(3).readable()).isFalse();
        assertThat(s.get(3).problems()).contains("quality: no readable answer");

        ScoreTable t = p.aggregate(s);
        double colorO = (Math.sqrt(24) + Math.sqrt(90)) / 2;
        assertThat(t.row("color_alter").orElseThrow().values().get("SC")).isEqualTo(8.0);
        assertThat(t.row("color_alter").orElseThrow().values().get("O")).isCloseTo(colorO, within(1e-12));
        assertThat(t.row("text_change").orElseThrow().cases()).isZero();
        assertThat(t.row("text_change").orElseThrow().values().get("O")).isNaN();
        // overall: plain mean of the category means that have cases: (8 + 2)/2, (6.5 + 8)/2, (colorO + 4)/2
        var overall = t.row("overall").orElseThrow();
        assertThat(overall.values().get("SC")).isEqualTo(5.0);
        assertThat(overall.values().get("PQ")).isEqualTo(7.25);
        assertThat(overall.values().get("O")).isCloseTo((colorO + 4) / 2, within(1e-12));
        // intersection: cases 1 and 3 (4 is unreadable)
        assertThat(t.row("intersection/color_alter").orElseThrow().values().get("SC"))
                .isEqualTo(6.0);
        assertThat(t.row("intersection/overall").orElseThrow().values().get("SC"))
                .isEqualTo(4.0);
        assertThat(t.row("intersection/overall").orElseThrow().kind()).isEqualTo("subset");
        assertThat(t.notes()).anyMatch(n -> n.contains("1 case had no readable judge reply") && n.contains("4"));
        assertThat(p.headline()).isEqualTo("O");
    }

    @Test
    void imgEditRoundsCasesAndTypesLikePythonAndDropsUnreadable() {
        ImgEditProtocol p = new ImgEditProtocol();
        List<JudgeCall> q = p.questions(bc("imgedit", "1", "compose", null), SRC, EDIT, null, 1);
        assertThat(q).hasSize(1);
        assertThat(roles(q.get(0))).containsExactly("source", "edited");
        assertThat(q.get(0).criteria())
                .hasSize(3)
                .allSatisfy(c -> assertThat(c.range()).isEqualTo("1-5"));
        assertThatThrownBy(() -> p.questions(bc("imgedit", "9", "hybrid", null), SRC, EDIT, null, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no rubric for edit type 'hybrid'");

        List<CaseScore> s = new ArrayList<>();
        // add: (4+3+3)/3 = 3.333… -> 3.33 ; (5+5+4)/3 = 4.666… -> 4.67 ; type (3.33+4.67)/2 = 4.0
        s.add(p.score(
                bc("i", "1", "add", null),
                answers(a("prompt_compliance", 4, "visual_naturalness", 3, "physical_integrity", 3))));
        s.add(p.score(
                bc("i", "2", "add", null),
                answers(a("prompt_compliance", 5, "visual_naturalness", 5, "physical_integrity", 4))));
        // remove: only two readable lines (5, 4) -> 4.5 ; a second case 2,2,1 -> 1.67 ; type (4.5+1.67)/2 = 3.085 ->
        // 3.08
        s.add(p.score(bc("i", "3", "remove", null), answers(a("prompt_compliance", 5, "visual_naturalness", 4))));
        s.add(p.score(
                bc("i", "4", "remove", null),
                answers(a("prompt_compliance", 2, "visual_naturalness", 2, "physical_integrity", 1))));
        // style: unreadable -> dropped, no type figure
        s.add(p.score(bc("i", "5", "style", null), answers((Judgement) null)));
        assertThat(s.get(0).figure("score")).isEqualTo(3.33);
        assertThat(s.get(2).figure("score")).isEqualTo(4.5);
        assertThat(s.get(2).problems()).contains("rubric: no physical_integrity in the reply");
        assertThat(s.get(4).readable()).isFalse();
        ScoreTable t = p.aggregate(s);
        assertThat(t.row("add").orElseThrow().values().get("score")).isEqualTo(4.0);
        assertThat(t.row("remove").orElseThrow().values().get("score"))
                .as("round(3.085, 2) in Python is 3.08 (3.08499… in binary)")
                .isEqualTo(3.08);
        assertThat(t.row("style").orElseThrow().values().get("score")).isNaN();
        assertThat(t.row("overall").orElseThrow().values().get("score")).isCloseTo((4.0 + 3.08) / 2, within(1e-12));
        assertThat(t.notes()).anyMatch(n -> n.contains("stops at the type figures"));
    }

    @Test
    void krisAsksKnowledgeOnlyInKnowledgeCategoriesAndPoolsMeans() {
        KrisProtocol p = new KrisProtocol();
        List<JudgeCall> plain = p.questions(bc("kris", "c/1", "color_change", null), SRC, EDIT, null, 1);
        assertThat(plain).extracting(JudgeCall::question).containsExactly("consistency", "quality", "instruction");
        assertThat(roles(plain.get(0))).containsExactly("source", "edited");
        assertThat(roles(plain.get(1))).containsExactly("edited");
        assertThat(roles(plain.get(2))).containsExactly("source", "edited");
        List<JudgeCall> know = p.questions(bc("kris", "b/1", "biology", null), SRC, EDIT, null, 1);
        assertThat(know)
                .extracting(JudgeCall::question)
                .containsExactly("consistency", "quality", "instruction", "knowledge");
        assertThat(know.get(3).prompt()).contains("the answer");
        assertThat(KrisProtocol.knowledgeCategory("rule-based_reasoning")).isTrue();
        assertThat(KrisProtocol.knowledgeCategory("viewpoint_change")).isFalse();

        List<CaseScore> s = new ArrayList<>();
        // color_change (factual): 5,3,4 -> 100,50,75
        s.add(p.score(
                bc("k", "c/1", "color_change", null),
                answers(a("consistency", 5), a("quality", 3), a("instruction", 4))));
        // biology (conceptual): 2,5,1,1 -> 25,100,0,0 (plausibility not forced, but the judge gave 1 anyway)
        s.add(p.score(
                bc("k", "b/1", "biology", null),
                answers(a("consistency", 2), a("quality", 5), a("instruction", 1), a("knowledge", 1))));
        // biology, unreadable knowledge -> left out
        s.add(p.score(
                bc("k", "b/2", "biology", null),
                answers(a("consistency", 2), a("quality", 5), a("instruction", 1), null)));
        assertThat(s.get(1).raw()).containsEntry("knowledge", 1.0);
        assertThat(s.get(1).figure("average")).isEqualTo(31.25);
        assertThat(s.get(2).readable()).isFalse();
        ScoreTable t = p.aggregate(s);
        var overall = t.row("overall").orElseThrow().values();
        assertThat(overall.get("consistency")).isEqualTo(62.5);
        assertThat(overall.get("knowledge")).isEqualTo(0.0);
        // pooled: (100+50+75 + 25+100+0+0) / 7
        assertThat(overall.get("average")).isCloseTo(350 / 7.0, within(1e-12));
        assertThat(t.row("factual").orElseThrow().values().get("average")).isEqualTo(75.0);
        assertThat(t.row("procedural").orElseThrow().cases()).isZero();
        assertThat(t.row("procedural").orElseThrow().values().get("average")).isNaN();
        assertThat(t.notes()).anyMatch(n -> n.contains("we do not force it"));
    }

    @Test
    void riseLogicalConsistencyFreeSolvedAndWeighted() {
        RiseProtocol p = new RiseProtocol();
        BenchCase temporal = bc("rise", "t1", "temporal_reasoning", null);
        List<JudgeCall> q = p.questions(temporal, SRC, EDIT, null, 1);
        assertThat(q).extracting(JudgeCall::question).containsExactly("consistency", "reasoning", "plausibility");
        assertThat(roles(q.get(0))).containsExactly("source", "edited");
        assertThat(roles(q.get(1))).containsExactly("edited");
        assertThat(q.get(1).prompt()).contains("the answer");
        assertThat(roles(q.get(2))).containsExactly("edited");
        BenchCase logical = bc("rise", "l1", "logical_reasoning", null);
        List<JudgeCall> lq = p.questions(logical, SRC, EDIT, REF, 1);
        assertThat(lq).extracting(JudgeCall::question).containsExactly("consistency", "reasoning");
        assertThat(roles(lq.get(1))).containsExactly("edited", "reference");
        assertThat(lq.get(1).criteria().get(0).range()).isEqualTo("0-1");
        BenchCase free = bc("rise", "s1", "spatial_reasoning", Map.of("consistency_free", "1", "reasoning_img", "x"));
        List<JudgeCall> fq = p.questions(free, SRC, EDIT, null, 1);
        assertThat(fq).extracting(JudgeCall::question).containsExactly("reasoning", "plausibility");
        assertThat(roles(fq.get(0))).containsExactly("source", "edited");

        List<CaseScore> s = new ArrayList<>();
        // all fives: solved, s = 5 -> 100
        s.add(p.score(temporal, answers(a("consistency", 5), a("reasoning", 5), a("plausibility", 5))));
        // 4,3,5: s = 1.2+1.5+1.0 = 3.7
        s.add(p.score(
                bc("rise", "t2", "temporal_reasoning", null),
                answers(a("consistency", 4), a("reasoning", 3), a("plausibility", 5))));
        // logical 1/0 -> 5/1: s = 1.5+0.7 = 2.2, reasoning 1 -> halved 1.1
        s.add(p.score(logical, answers(a("consistency", 1), a("reasoning", 0))));
        // consistency-free 5,5: solved, s = 0.8*5+0.2*5 = 5 ; reasoning 2 plaus 3 -> 1.6+0.6 = 2.2
        s.add(p.score(free, answers(a("reasoning", 5), a("plausibility", 5))));
        s.add(p.score(
                bc("rise", "s2", "spatial_reasoning", Map.of("consistency_free", "1")),
                answers(a("reasoning", 2), a("plausibility", 3))));
        // causal: reasoning 1 -> 0.3*5+0.5*1+0.2*1 = 2.2 halved 1.1 ; and an unreadable case
        s.add(p.score(
                bc("rise", "c1", "causal_reasoning", null),
                answers(a("consistency", 5), a("reasoning", 1), a("plausibility", 1))));
        s.add(p.score(bc("rise", "c2", "causal_reasoning", null), answers(a("consistency", 5), null, null)));
        // logical 0.2 and 0.4 halved floor: logical 0/1 -> 1,1: s = 1 -> halved 0.5 -> floored 1
        s.add(p.score(bc("rise", "l2", "logical_reasoning", null), answers(a("consistency", 0), a("reasoning", 0))));

        assertThat(s.get(0).figure("solved")).isEqualTo(1.0);
        assertThat(s.get(1).figure("weighted")).isCloseTo(3.7, within(1e-12));
        assertThat(s.get(2).raw()).containsEntry("consistency", 1.0).containsEntry("reasoning", 0.0);
        assertThat(s.get(2).figure("consistency")).isEqualTo(5.0);
        assertThat(s.get(2).figure("weighted")).isCloseTo(1.1, within(1e-12));
        assertThat(s.get(3).figure("solved"))
                .as("consistency-free, reasoning and plausibility 5")
                .isEqualTo(1.0);
        assertThat(s.get(4).figure("weighted")).isCloseTo(2.2, within(1e-12));
        assertThat(s.get(5).figure("weighted")).isCloseTo(1.1, within(1e-12));
        assertThat(s.get(6).readable()).isFalse();
        assertThat(s.get(7).figure("weighted")).isEqualTo(1.0);

        ScoreTable t = p.aggregate(s);
        var overall = t.row("overall").orElseThrow();
        assertThat(overall.cases()).isEqualTo(8);
        assertThat(overall.values().get("accuracy"))
                .as("2 solved of 8, the unreadable one counted")
                .isEqualTo(25.0);
        double mean = (5 + 3.7 + 1.1 + 5 + 2.2 + 1.1 + 1.0) / 7;
        assertThat(overall.values().get("score")).isCloseTo(25 * (mean - 1), within(1e-9));
        var causal = t.row("causal_reasoning").orElseThrow().values();
        assertThat(causal.get("accuracy")).isZero();
        assertThat(causal.get("score")).isCloseTo(25 * 0.1, within(1e-9));
        assertThat(t.row("logical_reasoning").orElseThrow().values().get("plausibility"))
                .isNaN();
        assertThat(t.notes()).anyMatch(n -> n.contains("not the official code"));
    }

    @Test
    void heuristicJudgeScoresAnObjectRequestTheClassicEditorCannotDoLowUnderEveryProtocol() {
        HeuristicJudge judge = new HeuristicJudge(InstructionParser::parse);
        Picture cat = TestImages.cat();
        // the classic editor cannot add a hat: the best it does is leave the picture, or grade it globally
        Picture graded = TestImages.scene(cat.width(), cat.height(), 1);
        String request = "add a red hat on the cat";
        Map<String, String> category =
                Map.of("vie", "subject-add", "imgedit", "add", "kris", "biology", "rise", "causal_reasoning");
        for (Protocol p : Protocols.all()) {
            BenchCase c = new BenchCase(
                    p.name(),
                    "1",
                    category.get(p.name()),
                    request,
                    Path.of("x.png"),
                    "a cat wearing a red hat",
                    null,
                    null);
            for (Picture edited : List.of(cat, graded)) {
                for (JudgeCall q : p.questions(c, cat, edited, null, 1)) {
                    Judgement j = judge.judge(q);
                    for (var cr : q.criteria()) {
                        if (cr.meaning() == dev.editloop.core.Criterion.Meaning.INSTRUCTION) {
                            double low = cr.min() + 0.5 * (cr.max() - cr.min());
                            assertThat(j.score(cr.name()))
                                    .as(p.name() + "/" + q.question() + " " + cr.name())
                                    .isLessThan(low);
                        }
                    }
                }
            }
        }
    }
}
