package dev.editloop.bench.report;

import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import dev.editloop.bench.store.Manifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain text for the terminal: the notes, the manifest, the benchmark's table (with each figure's spread over judge
 * samples), failures, loop figures, then each comparison.
 */
public final class TableFormat implements ReportFormat {
    @Override
    public String name() {
        return "table";
    }

    @Override
    public String description() {
        return "plain-text tables for the terminal";
    }

    @Override
    public String fileName() {
        return "bench-report.txt";
    }

    @Override
    public void write(BenchReport report, List<Comparison> comparisons, Path runDir, OutputStream out)
            throws IOException {
        String text = render(report, comparisons);
        RegionFigures region = RegionFigures.read(runDir, report.outcomes());
        if (region.present()) {
            StringBuilder more = new StringBuilder(text);
            region(more, region);
            text = more.toString();
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String render(BenchReport report, List<Comparison> comparisons) {
        StringBuilder out = new StringBuilder(4096);
        notes(out, report.notes());
        manifest(out, report);
        out.append('\n');
        table(out, report);
        failures(out, report);
        loop(out, report.loop());
        for (Comparison c : comparisons) {
            comparison(out, c);
        }
        return out.toString();
    }

    private static void notes(StringBuilder out, List<String> notes) {
        if (notes.isEmpty()) {
            out.append("notes: figures computed as the benchmark's official code computes them\n\n");
            return;
        }
        out.append("notes (where these figures depart from the benchmark's official code):\n");
        notes.forEach(n -> out.append("  - ").append(n).append('\n'));
        out.append('\n');
    }

    private static void manifest(StringBuilder out, BenchReport report) {
        Manifest m = report.manifest();
        out.append("EditLoop bench report · suite ")
                .append(m.suite())
                .append(m.language() == null ? "" : " (" + m.language() + ")")
                .append(" · data ")
                .append(Text.shortHash(m.dataHash()))
                .append(" · protocol ")
                .append(m.protocol())
                .append(" · headline ")
                .append(report.headline())
                .append('\n');
        out.append("strategy ")
                .append(m.strategy())
                .append(" · max turns ")
                .append(m.maxTurns())
                .append(" · threshold ")
                .append(m.threshold())
                .append(" · seed ")
                .append(m.seed())
                .append(m.categories().isEmpty() ? "" : " · categories " + String.join(",", m.categories()))
                .append(m.limit() > 0 ? " · limit " + m.limit() : "")
                .append('\n');
        out.append("editor  ").append(m.editor().display()).append('\n');
        out.append("thinker ").append(m.thinker().display()).append('\n');
        out.append("judge   ")
                .append(m.judge().display())
                .append(" · ")
                .append(m.judgeSamples())
                .append(m.judgeSamples() == 1 ? " sample" : " samples")
                .append('\n');
        if (!m.promptHashes().isEmpty()) {
            out.append("prompts ")
                    .append(m.promptHashes().entrySet().stream()
                            .map(e -> e.getKey() + " " + Text.shortHash(e.getValue()))
                            .collect(Collectors.joining(" · ")))
                    .append('\n');
        }
        out.append("EditLoop ")
                .append(m.version())
                .append(" (commit ")
                .append(Text.shortHash(m.commit()))
                .append(") · started ")
                .append(m.started())
                .append(" · ended ")
                .append(report.ended() == null ? "not yet" : report.ended().toString())
                .append('\n');
        BenchReport.Counts c = report.counts();
        out.append("cases   ")
                .append(c.total())
                .append(" total · ")
                .append(c.done())
                .append(" done · ")
                .append(c.failed())
                .append(" failed · ")
                .append(c.scored())
                .append(" scored · ")
                .append(c.unreadable())
                .append(" unreadable · ")
                .append(c.unscored())
                .append(" without a judged turn\n");
    }

    private static void table(StringBuilder out, BenchReport report) {
        ScoreTable t = report.table();
        int samples = report.sampleTables().size();
        out.append("Benchmark table (")
                .append(t.protocol())
                .append(samples == 1 ? "" : ", mean of " + samples + " judge samples ± sd [min–max]")
                .append(")\n");
        grid(out, t, report.spread());
        if (samples > 1) {
            for (int s = 0; s < samples; s++) {
                out.append("\nsample ").append(s).append('\n');
                grid(out, report.sampleTables().get(s), Map.of());
            }
        }
        out.append('\n');
    }

    private static void grid(StringBuilder out, ScoreTable t, Map<String, Map<String, BenchReport.Spread>> spread) {
        List<String> header = new ArrayList<>(List.of("row", "kind", "cases"));
        header.addAll(t.columns());
        Text.Grid grid = new Text.Grid(header.toArray(String[]::new));
        for (ScoreRow row : t.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.label(), row.kind(), String.valueOf(row.cases())));
            for (String c : t.columns()) {
                String cell = Text.num(row.values().getOrDefault(c, Double.NaN), 2);
                BenchReport.Spread s =
                        spread.getOrDefault(row.label(), Map.of()).get(c);
                if (s != null) {
                    cell += " ±" + Text.num(s.sd(), 2) + " [" + Text.num(s.min(), 2) + "–" + Text.num(s.max(), 2) + "]";
                }
                cells.add(cell);
            }
            grid.row(cells.toArray(String[]::new));
        }
        grid.appendTo(out, "  ");
    }

    private static void failures(StringBuilder out, BenchReport report) {
        if (report.failures().isEmpty()) {
            out.append("Failures: none\n\n");
            return;
        }
        out.append("Failures (listed, never scored): ")
                .append(report.failures().size())
                .append('\n');
        Text.Grid grid = new Text.Grid("case", "category", "kind", "sample", "detail");
        for (BenchReport.Failure f : report.failures()) {
            grid.row(
                    f.caseId(),
                    f.category(),
                    f.kind(),
                    f.sample() < 0 ? "" : String.valueOf(f.sample()),
                    f.detail().length() > 100 ? f.detail().substring(0, 99) + "…" : f.detail());
        }
        grid.appendTo(out, "  ");
        out.append('\n');
    }

    private static void loop(StringBuilder out, LoopFigures loop) {
        out.append("Loop figures (the judge's ").append(loop.headline()).append(")\n");
        Text.Grid grid = new Text.Grid("turn", "reached", "mean", "carried", "mean");
        for (LoopFigures.TurnFigure t : loop.turns()) {
            grid.row(
                    String.valueOf(t.turn()),
                    String.valueOf(t.reached()),
                    Text.num(t.reachedMean(), 2),
                    String.valueOf(t.carried()),
                    Text.num(t.carriedMean(), 2));
        }
        grid.appendTo(out, "  ");
        out.append("  (").append(LoopFigures.CARRIED_DEFINITION).append(")\n");
        out.append("  stopped: ")
                .append(loop.stopReasons().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(" · ")))
                .append('\n');
        out.append("  ended worse than turn 1: ")
                .append(loop.gotWorse())
                .append(" of ")
                .append(loop.comparedWithTurnOne())
                .append(
                        loop.gotWorseCases().isEmpty()
                                ? ""
                                : " ("
                                        + String.join(
                                                ", ", loop.gotWorseCases().subList(0, Math.min(20, loop.gotWorse())))
                                        + (loop.gotWorse() > 20 ? ", …" : "") + ")")
                .append('\n');
        LoopFigures.Agreement a = loop.agreement();
        out.append("  judge vs thinker: Pearson ")
                .append(Text.num(a.pearson(), 3))
                .append(", Spearman ")
                .append(Text.num(a.spearman(), 3))
                .append(" over ")
                .append(a.pairs())
                .append(" judged turns; same best turn in ")
                .append(a.bestTurnAgree())
                .append(" of ")
                .append(a.bestTurnCases())
                .append(" cases with two or more judged turns\n\n");
    }

    /** Leakage outside the region before and after the loop's repair, by category. */
    static void region(StringBuilder out, RegionFigures figures) {
        out.append("Outside the region: leakage before and after repair (means over turns)\n");
        Text.Grid grid = new Text.Grid(
                "category",
                "cases",
                "turns",
                "ΔE before",
                "ΔE after",
                "|RGB| before",
                "|RGB| after",
                "SSIM before",
                "SSIM after",
                "leaked",
                "repaired",
                "seam refused",
                "max seam");
        for (RegionFigures.Row r : figures.rows()) {
            grid.row(
                    r.label(),
                    String.valueOf(r.cases()),
                    String.valueOf(r.turns()),
                    Text.num(r.deltaEBefore(), 2),
                    Text.num(r.deltaEAfter(), 2),
                    Text.num(r.absBefore(), 2),
                    Text.num(r.absAfter(), 2),
                    Text.num(r.ssimBefore(), 3),
                    Text.num(r.ssimAfter(), 3),
                    String.valueOf(r.leaked()),
                    String.valueOf(r.repaired()),
                    String.valueOf(r.seamRefused()),
                    Double.isNaN(r.maxSeam()) ? "-" : Text.num(r.maxSeam(), 2));
        }
        grid.appendTo(out, "  ");
        out.append("  (ΔE: mean CIE76 colour difference outside the region; leaked: ΔE above ")
                .append(Text.num(dev.editloop.core.region.Preservation.LEAK_DELTA_E, 1))
                .append(" or SSIM below ")
                .append(Text.num(dev.editloop.core.region.Preservation.LEAK_SSIM, 2))
                .append("; a repair is kept only when its seam stays under ")
                .append(Text.num(dev.editloop.core.region.Seam.VISIBLE_LEVELS, 1))
                .append(" levels/px)\n\n");
    }

    private static void comparison(StringBuilder out, Comparison c) {
        out.append("Comparison B − A on ").append(c.matched()).append(" cases scored in both runs\n");
        out.append("  A: ").append(c.a()).append('\n');
        out.append("  B: ").append(c.b()).append('\n');
        out.append("  (")
                .append(Comparison.METHOD)
                .append("; seed ")
                .append(c.seed())
                .append(")\n");
        Text.Grid grid = new Text.Grid("scope", "row", "figure", "cases", "A", "B", "B − A", "95% interval", "verdict");
        for (Comparison.Difference d : c.differences()) {
            grid.row(
                    d.scope(),
                    d.row(),
                    d.figure(),
                    String.valueOf(d.cases()),
                    Text.num(d.valueA(), 2),
                    Text.num(d.valueB(), 2),
                    Text.signed(d.difference(), 3),
                    "[" + Text.signed(d.low(), 3) + ", " + Text.signed(d.high(), 3) + "]",
                    d.verdict().label());
        }
        grid.appendTo(out, "  ");
        listed(out, "only in A", c.onlyInA());
        listed(out, "only in B", c.onlyInB());
        listed(out, "left out (not scored in both)", c.leftOut());
        out.append('\n');
    }

    private static void listed(StringBuilder out, String what, List<String> ids) {
        if (!ids.isEmpty()) {
            out.append("  ")
                    .append(what)
                    .append(": ")
                    .append(ids.size())
                    .append(" (")
                    .append(String.join(", ", ids.subList(0, Math.min(20, ids.size()))))
                    .append(ids.size() > 20 ? ", …" : "")
                    .append(")\n");
        }
    }
}
