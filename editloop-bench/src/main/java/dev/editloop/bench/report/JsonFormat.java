package dev.editloop.bench.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.bench.ScoreTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole report as one JSON document with stable snake_case field names (NaN written as {@code null}): notes and
 * definitions first, then the manifest, counts, the benchmark's table (with each figure's spread over judge samples),
 * each sample's table, failures, loop figures, per-case figures and comparisons.
 */
public final class JsonFormat implements ReportFormat {
    /** The document's {@code report_version}: raised when a field changes meaning or goes away. */
    public static final int VERSION = 1;

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String description() {
        return "everything, one JSON document with stable snake_case fields";
    }

    @Override
    public String fileName() {
        return "bench-report.json";
    }

    @Override
    public void write(BenchReport report, List<Comparison> comparisons, Path runDir, OutputStream out)
            throws IOException {
        ReportJson.MAPPER
                .writer()
                .with(SerializationFeature.INDENT_OUTPUT)
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, document(report, comparisons));
        out.write('\n');
        out.flush();
    }

    /** The report as a JSON tree. */
    static ObjectNode document(BenchReport report, List<Comparison> comparisons) {
        ObjectNode root = ReportJson.object();
        root.put("report_version", VERSION);
        root.set("notes", ReportJson.strings(report.notes()));
        ObjectNode definitions = root.putObject("definitions");
        definitions.put("turn_figures", LoopFigures.CARRIED_DEFINITION);
        definitions.put("comparison", Comparison.METHOD);
        definitions.put(
                "samples",
                "with several judge samples the table holds each figure's mean over the samples, with its sample"
                        + " standard deviation and range; per-case figures average the readable samples");
        root.set("manifest", ReportJson.manifest(report.manifest()));
        root.put("started", report.started().toString());
        if (report.ended() == null) {
            root.putNull("ended");
        } else {
            root.put("ended", report.ended().toString());
        }
        root.put("protocol", report.protocol().name());
        root.put("headline", report.headline());
        BenchReport.Counts c = report.counts();
        ObjectNode counts = root.putObject("counts");
        counts.put("total", c.total());
        counts.put("done", c.done());
        counts.put("failed", c.failed());
        counts.put("scored", c.scored());
        counts.put("unreadable", c.unreadable());
        counts.put("unscored", c.unscored());
        root.set("table", ReportJson.table(report.table(), report.spread()));
        ArrayNode samples = root.putArray("sample_tables");
        for (int s = 0; s < report.sampleTables().size(); s++) {
            ScoreTable t = report.sampleTables().get(s);
            ObjectNode node = ReportJson.table(t, Map.of());
            node.put("sample", s);
            samples.add(node);
        }
        ArrayNode failures = root.putArray("failures");
        for (BenchReport.Failure f : report.failures()) {
            ObjectNode node = failures.addObject();
            node.put("case_id", f.caseId());
            node.put("category", f.category());
            node.put("kind", f.kind());
            if (f.sample() >= 0) {
                node.put("sample", f.sample());
            } else {
                node.putNull("sample");
            }
            node.put("detail", f.detail());
        }
        root.set("loop", loop(report.loop()));
        ArrayNode cases = root.putArray("cases");
        for (BenchReport.CaseFigures f : report.cases()) {
            ObjectNode node = cases.addObject();
            node.put("case_id", f.caseId());
            node.put("category", f.category());
            node.put("failed", f.failed());
            node.put("best_turn", f.bestTurn());
            node.put("turns", f.turns());
            ReportJson.put(node, "score", f.score());
            ReportJson.put(node, "turn_one", f.turnOne());
            node.put("got_worse", f.gotWorse());
        }
        ArrayNode vs = root.putArray("comparisons");
        comparisons.forEach(cmp -> vs.add(comparison(cmp)));
        return root;
    }

    static ObjectNode loop(LoopFigures loop) {
        ObjectNode node = ReportJson.object();
        node.put("headline", loop.headline());
        ArrayNode turns = node.putArray("turns");
        for (LoopFigures.TurnFigure t : loop.turns()) {
            ObjectNode n = turns.addObject();
            n.put("turn", t.turn());
            n.put("reached", t.reached());
            ReportJson.put(n, "reached_mean", t.reachedMean());
            n.put("carried", t.carried());
            ReportJson.put(n, "carried_mean", t.carriedMean());
        }
        ObjectNode stops = node.putObject("stop_reasons");
        loop.stopReasons().forEach(stops::put);
        node.put("got_worse", loop.gotWorse());
        node.set("got_worse_cases", ReportJson.strings(loop.gotWorseCases()));
        node.put("compared_with_turn_one", loop.comparedWithTurnOne());
        LoopFigures.Agreement a = loop.agreement();
        ObjectNode agreement = node.putObject("agreement");
        agreement.put("pairs", a.pairs());
        ReportJson.put(agreement, "pearson", a.pearson());
        ReportJson.put(agreement, "spearman", a.spearman());
        agreement.put("best_turn_cases", a.bestTurnCases());
        agreement.put("best_turn_agree", a.bestTurnAgree());
        return node;
    }

    static ObjectNode comparison(Comparison cmp) {
        ObjectNode node = ReportJson.object();
        node.put("a", cmp.a());
        node.put("b", cmp.b());
        node.put("matched", cmp.matched());
        node.set("only_in_a", ReportJson.strings(cmp.onlyInA()));
        node.set("only_in_b", ReportJson.strings(cmp.onlyInB()));
        node.set("left_out", ReportJson.strings(cmp.leftOut()));
        node.put("seed", cmp.seed());
        node.put("resamples", cmp.resamples());
        ArrayNode diffs = node.putArray("differences");
        for (Comparison.Difference d : cmp.differences()) {
            ObjectNode n = diffs.addObject();
            n.put("scope", d.scope());
            n.put("row", d.row());
            n.put("figure", d.figure());
            n.put("cases", d.cases());
            ReportJson.put(n, "value_a", d.valueA());
            ReportJson.put(n, "value_b", d.valueB());
            ReportJson.put(n, "difference", d.difference());
            ReportJson.put(n, "ci_low", d.low());
            ReportJson.put(n, "ci_high", d.high());
            n.put("verdict", d.verdict().label());
        }
        return node;
    }
}
