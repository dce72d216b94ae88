package dev.editloop.bench.run;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import dev.editloop.bench.protocol.Protocol;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import dev.editloop.testkit.VieQuestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small protocol for runner tests: asks the VIEScore semantic question about the instruction, and a second one about
 * the text reference when the case has one; a case scores the mean SC of the answers it got.
 */
final class AskProtocol implements Protocol {
    @Override
    public String name() {
        return "ask";
    }

    @Override
    public String description() {
        return "runner tests: VIEScore on the instruction and on the text reference";
    }

    @Override
    public List<JudgeCall> questions(
            BenchCase benchCase, Picture source, Picture edited, Picture reference, long seed) {
        List<JudgeCall> out = new ArrayList<>();
        out.add(VieQuestions.semantic(source, edited, benchCase.instruction(), seed));
        if (benchCase.referenceText() != null) {
            out.add(VieQuestions.semantic(source, edited, benchCase.referenceText(), seed));
        }
        return out;
    }

    @Override
    public CaseScore score(BenchCase benchCase, List<Judgement> answers) {
        Map<String, Double> raw = new LinkedHashMap<>();
        double sum = 0;
        int n = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Judgement j = answers.get(i);
            if (j == null) {
                problems.add("question " + i + " has no answer");
                continue;
            }
            double semantic = Math.min(j.score("edit_success"), j.score("overediting"));
            raw.put("semantic_" + i, semantic);
            sum += semantic;
            n++;
        }
        Map<String, Double> derived = n == 0 ? Map.of() : Map.of("O", sum / n);
        return new CaseScore(benchCase.id(), benchCase.category(), raw, derived, n > 0, problems);
    }

    @Override
    public ScoreTable aggregate(List<CaseScore> scores) {
        double sum = scores.stream()
                .filter(CaseScore::readable)
                .mapToDouble(s -> s.figure("O"))
                .sum();
        long n = scores.stream().filter(CaseScore::readable).count();
        return new ScoreTable(
                "ask",
                List.of("O"),
                List.of(new ScoreRow("overall", "overall", (int) n, Map.of("O", n == 0 ? Double.NaN : sum / n))),
                List.of());
    }

    @Override
    public String headline() {
        return "O";
    }

    @Override
    public Map<String, String> promptHashes() {
        return Map.of("ask", BackendIdentity.sha256("viescore on the instruction and the reference"));
    }
}
