package dev.editloop.bench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.bench.CaseScore;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.JudgeRecord;
import dev.editloop.bench.store.TurnOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One JSON line per case, so that anyone can re-run a benchmark's official aggregation on our judge's answers.
 *
 * <p>Every line is one case, in the run's order (no header line, so the benchmark's own scripts read the file as it
 * is; the notes and the manifest are in the {@code json} format, and {@code editloop bench report} prints the notes
 * on stderr): the
 * benchmark's own fields ({@link dev.editloop.bench.BenchCase#fields()}: its id, category, language, subset flags…)
 * at the top level under their original names and with their original text, and EditLoop's record of the case under
 * {@code editloop}: status, stop reason, best turn, every judge call's sub-scores exactly as the judge gave them
 * ({@code judge_raw}: turn, sample, question, {@code scores} from the parsed reply before any mapping, the reply
 * text, or the error), the protocol's case score of the best turn per sample ({@code case_scores}: {@code raw},
 * {@code derived}, {@code readable}, {@code problems}), the headline figure, and each turn's thinker and judge
 * figures.
 */
public final class CasesFormat implements ReportFormat {
    @Override
    public String name() {
        return "cases";
    }

    @Override
    public String description() {
        return "one JSON line per case: the benchmark's own fields and the judge's raw sub-scores";
    }

    @Override
    public String fileName() {
        return "bench-cases.jsonl";
    }

    @Override
    public void write(BenchReport report, List<Comparison> comparisons, Path runDir, OutputStream out)
            throws IOException {
        for (int i = 0; i < report.outcomes().size(); i++) {
            writeLine(out, line(report.outcomes().get(i), report.cases().get(i), report.headline()));
        }
        out.flush();
    }

    private static void writeLine(OutputStream out, ObjectNode node) throws IOException {
        out.write(ReportJson.MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    static ObjectNode line(CaseOutcome o, BenchReport.CaseFigures figures, String headline) {
        ObjectNode node = ReportJson.object();
        o.benchCase().fields().forEach(node::put);
        ObjectNode e = node.putObject("editloop");
        e.put("suite", o.benchCase().suite());
        e.put("case_id", o.benchCase().id());
        e.put("headline", headline);
        e.put("category", o.benchCase().category());
        e.put("instruction", o.benchCase().instruction());
        e.put("status", status(o, figures));
        e.put("error", o.error());
        e.put("stop_reason", o.stopReason());
        e.put("best_turn", o.bestTurn());
        e.put("trajectory", o.trajectory());
        e.put("headline", headline);
        ReportJson.put(e, "score", figures.score());
        ReportJson.put(e, "turn_one", figures.turnOne());
        e.put("got_worse", figures.gotWorse());
        ArrayNode raw = e.putArray("judge_raw");
        for (JudgeRecord r : o.judgements()) {
            ObjectNode call = raw.addObject();
            call.put("turn", r.turn());
            call.put("sample", r.sample());
            call.put("question", r.question());
            if (r.ok()) {
                call.set("scores", ReportJson.numbers(r.judgement().scores()));
                call.put("reply", r.judgement().raw());
                call.putNull("error");
            } else {
                call.putNull("scores");
                call.putNull("reply");
                call.put("error", r.error());
            }
            call.put("latency_ms", r.latencyMs());
        }
        ArrayNode scores = e.putArray("case_scores");
        o.best().ifPresent(best -> {
            for (int s = 0; s < best.scores().size(); s++) {
                scores.add(caseScore(best.scores().get(s), s));
            }
        });
        ArrayNode turns = e.putArray("turns");
        for (TurnOutcome t : o.turns()) {
            ObjectNode turn = turns.addObject();
            turn.put("turn", t.turn());
            turn.put("instruction", t.instruction());
            turn.put("image", t.image());
            ObjectNode thinker = turn.putObject("thinker");
            ReportJson.put(thinker, "semantic", t.semantic());
            ReportJson.put(thinker, "quality", t.quality());
            ReportJson.put(thinker, "overall", t.overall());
            ReportJson.put(turn, "judge_headline", BenchReport.headlineOf(t, headline));
            ArrayNode judge = turn.putArray("judge");
            for (int s = 0; s < t.scores().size(); s++) {
                judge.add(caseScore(t.scores().get(s), s));
            }
        }
        return node;
    }

    private static ObjectNode caseScore(CaseScore score, int sample) {
        ObjectNode node = ReportJson.object();
        node.put("sample", sample);
        node.put("readable", score.readable());
        node.set("raw", ReportJson.numbers(score.raw()));
        node.set("derived", ReportJson.numbers(score.derived()));
        node.set("problems", ReportJson.strings(score.problems()));
        return node;
    }

    /** {@code failed}, {@code no_score}, {@code unreadable} (no readable sample) or {@code scored}. */
    static String status(CaseOutcome o, BenchReport.CaseFigures figures) {
        if (o.failed()) {
            return "failed";
        }
        if (o.best().map(t -> t.scores().isEmpty()).orElse(true)) {
            return "no_score";
        }
        return Double.isFinite(figures.score())
                        || o.best().get().scores().stream().anyMatch(CaseScore::readable)
                ? "scored"
                : "unreadable";
    }
}
