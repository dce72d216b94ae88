package dev.editloop.bench.report;

import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180, one header line) with one line per figure: {@code note} lines first (where we depart from the
 * official code), then the benchmark table ({@code table}: one line per row and figure, with the spread over judge
 * samples), each sample's table ({@code sample_table}), loop figures ({@code loop_turn}, {@code stop_reason},
 * {@code loop}), failures ({@code failure}) and comparisons ({@code comparison}, {@code sample} holding the
 * comparison's number). Empty cells where a column does not apply; NaN is an empty cell.
 */
public final class CsvFormat implements ReportFormat {
    /** The header line's columns. */
    public static final List<String> HEADER = List.of(
            "section", "sample", "row", "kind", "figure", "cases", "value", "sd", "min", "max", "value_a", "value_b",
            "ci_low", "ci_high", "verdict", "text");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "one CSV line per table row and figure, for spreadsheets and scripts";
    }

    @Override
    public String fileName() {
        return "bench-report.csv";
    }

    @Override
    public void write(BenchReport report, List<Comparison> comparisons, Path runDir, OutputStream out)
            throws IOException {
        StringBuilder csv = new StringBuilder(4096);
        line(csv, HEADER.toArray(String[]::new));
        for (String note : report.notes()) {
            line(csv, "note", "", "", "", "", "", "", "", "", "", "", "", "", "", "", note);
        }
        table(csv, "table", "", report.table(), report.spread());
        for (int s = 0;
                s < report.sampleTables().size() && report.sampleTables().size() > 1;
                s++) {
            table(csv, "sample_table", String.valueOf(s), report.sampleTables().get(s), Map.of());
        }
        LoopFigures loop = report.loop();
        for (LoopFigures.TurnFigure t : loop.turns()) {
            String turn = String.valueOf(t.turn());
            line(
                    csv,
                    "loop_turn",
                    "",
                    turn,
                    "",
                    "reached_mean",
                    String.valueOf(t.reached()),
                    num(t.reachedMean()),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "");
            line(
                    csv,
                    "loop_turn",
                    "",
                    turn,
                    "",
                    "carried_mean",
                    String.valueOf(t.carried()),
                    num(t.carriedMean()),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "");
        }
        loop.stopReasons()
                .forEach((reason, count) -> line(
                        csv,
                        "stop_reason",
                        "",
                        reason,
                        "",
                        "cases",
                        String.valueOf(count),
                        String.valueOf(count),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        ""));
        LoopFigures.Agreement a = loop.agreement();
        line(
                csv,
                "loop",
                "",
                "overall",
                "",
                "got_worse",
                String.valueOf(loop.comparedWithTurnOne()),
                String.valueOf(loop.gotWorse()),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                String.join(" ", loop.gotWorseCases()));
        line(
                csv,
                "loop",
                "",
                "overall",
                "",
                "pearson",
                String.valueOf(a.pairs()),
                num(a.pearson()),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "");
        line(
                csv,
                "loop",
                "",
                "overall",
                "",
                "spearman",
                String.valueOf(a.pairs()),
                num(a.spearman()),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "");
        line(
                csv,
                "loop",
                "",
                "overall",
                "",
                "best_turn_agree",
                String.valueOf(a.bestTurnCases()),
                String.valueOf(a.bestTurnAgree()),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "");
        for (BenchReport.Failure f : report.failures()) {
            line(
                    csv,
                    "failure",
                    f.sample() < 0 ? "" : String.valueOf(f.sample()),
                    f.caseId(),
                    f.kind(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    f.detail());
        }
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            for (Comparison.Difference d : c.differences()) {
                line(
                        csv,
                        "comparison",
                        String.valueOf(i),
                        d.row(),
                        d.scope(),
                        d.figure(),
                        String.valueOf(d.cases()),
                        num(d.difference()),
                        "",
                        "",
                        "",
                        num(d.valueA()),
                        num(d.valueB()),
                        num(d.low()),
                        num(d.high()),
                        d.verdict().label(),
                        "B: " + c.b() + " vs A: " + c.a());
            }
        }
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void table(
            StringBuilder csv,
            String section,
            String sample,
            ScoreTable table,
            Map<String, Map<String, BenchReport.Spread>> spread) {
        for (ScoreRow row : table.rows()) {
            for (String column : table.columns()) {
                BenchReport.Spread s =
                        spread.getOrDefault(row.label(), Map.of()).get(column);
                line(
                        csv,
                        section,
                        sample,
                        row.label(),
                        row.kind(),
                        column,
                        String.valueOf(row.cases()),
                        num(row.values().getOrDefault(column, Double.NaN)),
                        s == null ? "" : num(s.sd()),
                        s == null ? "" : num(s.min()),
                        s == null ? "" : num(s.max()),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "");
            }
        }
    }

    private static String num(double value) {
        return Double.isFinite(value)
                ? new BigDecimal(value)
                        .round(new MathContext(10))
                        .stripTrailingZeros()
                        .toPlainString()
                : "";
    }

    private static void line(StringBuilder csv, String... cells) {
        if (cells.length != HEADER.size()) {
            throw new IllegalStateException("a CSV line of " + cells.length + " cells");
        }
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(cells[i]));
        }
        csv.append("\r\n");
    }

    static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
