package dev.editloop.bench.report;

import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.JudgeRecord;
import dev.editloop.bench.store.Manifest;
import dev.editloop.bench.store.TurnOutcome;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML page: the notes, the manifest, the benchmark's table, failures, loop figures with an inline
 * SVG score-versus-turn chart, comparisons, and a gallery per case (source, each turn's image, the thinker's and the
 * judge's scores and reasoning) that a few lines of inline script filter by category and by "got worse".
 *
 * <p>The page loads nothing from the network: styles, chart and script are inline. Images are relative links to the
 * run folder's files, not embedded thumbnails: a suite of 737 cases with five turns would make an embedded page of
 * tens of megabytes, while links keep it small and the browser loads images lazily as the gallery scrolls. So the
 * page belongs in the run folder (the CLI writes it there as {@value #FILE_NAME}); moved elsewhere, its tables and
 * chart still read but its images do not. The thinker's reasoning comes from each case's {@code trajectory.json}.
 */
public final class HtmlFormat implements ReportFormat {
    /** The page's file name in the run folder. */
    public static final String FILE_NAME = "bench-report.html";

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String description() {
        return "one self-contained page for the run folder: tables, a score-versus-turn chart, a filterable gallery";
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(BenchReport report, List<Comparison> comparisons, Path runDir, OutputStream out)
            throws IOException {
        out.write(render(report, comparisons, runDir).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String render(BenchReport report, List<Comparison> comparisons, Path runDir) {
        Manifest m = report.manifest();
        StringBuilder h = new StringBuilder(65_536);
        String title = "EditLoop bench: " + m.suite() + " · " + m.strategy();
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style></head><body>\n<header><h1>")
                .append(esc(title))
                .append("</h1>\n");
        notes(h, report.notes());
        manifest(h, report);
        h.append("</header>\n<main>\n");
        table(h, report);
        failures(h, report);
        loop(h, report.loop());
        for (int i = 0; i < comparisons.size(); i++) {
            comparison(h, comparisons.get(i), i);
        }
        gallery(h, report, runDir);
        h.append(
                        "</main>\n<footer>EditLoop · bench report · images link to the run folder's files</footer>\n<script>\n")
                .append(SCRIPT)
                .append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static void notes(StringBuilder h, List<String> notes) {
        h.append("<section class=\"notes\" aria-labelledby=\"notes-h\"><h2 id=\"notes-h\">Notes</h2>");
        if (notes.isEmpty()) {
            h.append("<p>Figures computed as the benchmark's official code computes them.</p>");
        } else {
            h.append("<p>Where these figures depart from the benchmark's official code:</p><ul>");
            notes.forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
            h.append("</ul>");
        }
        h.append("</section>\n");
    }

    private static void manifest(StringBuilder h, BenchReport report) {
        Manifest m = report.manifest();
        BenchReport.Counts c = report.counts();
        h.append("<dl class=\"facts\">");
        fact(h, "suite", m.suite() + (m.language() == null ? "" : " (" + m.language() + ")"));
        fact(h, "data", Text.shortHash(m.dataHash()));
        fact(h, "protocol", m.protocol() + " · headline " + report.headline());
        fact(h, "strategy", m.strategy() + " · max turns " + m.maxTurns() + " · threshold " + m.threshold());
        fact(h, "editor", m.editor().display());
        fact(h, "thinker", m.thinker().display());
        fact(h, "judge", m.judge().display() + " · " + m.judgeSamples() + " sample(s)");
        fact(h, "seed", String.valueOf(m.seed()));
        if (!m.categories().isEmpty()) {
            fact(h, "categories", String.join(", ", m.categories()));
        }
        if (m.limit() > 0) {
            fact(h, "limit", String.valueOf(m.limit()));
        }
        m.promptHashes().forEach((k, v) -> fact(h, "prompt " + k, Text.shortHash(v)));
        fact(h, "EditLoop", m.version() + " (" + Text.shortHash(m.commit()) + ")");
        fact(h, "started", m.started().toString());
        fact(h, "ended", report.ended() == null ? "not yet" : report.ended().toString());
        fact(
                h,
                "cases",
                c.total() + " total · " + c.done() + " done · " + c.failed() + " failed · " + c.scored() + " scored · "
                        + c.unreadable() + " unreadable · " + c.unscored() + " without a judged turn");
        h.append("</dl>\n");
    }

    private static void table(StringBuilder h, BenchReport report) {
        int samples = report.sampleTables().size();
        h.append("<section aria-labelledby=\"table-h\"><h2 id=\"table-h\">Benchmark table</h2>\n");
        grid(
                h,
                report.table(),
                report.spread(),
                samples == 1
                        ? report.table().protocol()
                        : report.table().protocol() + ": mean of " + samples + " judge samples, ± sd [min–max]");
        if (samples > 1) {
            h.append("<details><summary>Each judge sample's table</summary>");
            for (int s = 0; s < samples; s++) {
                grid(h, report.sampleTables().get(s), Map.of(), "sample " + s);
            }
            h.append("</details>");
        }
        h.append("</section>\n");
    }

    private static void grid(
            StringBuilder h, ScoreTable t, Map<String, Map<String, BenchReport.Spread>> spread, String caption) {
        h.append("<table><caption>")
                .append(esc(caption))
                .append("</caption><thead><tr><th scope=\"col\">row</th><th scope=\"col\">kind</th>")
                .append("<th scope=\"col\" class=\"n\">cases</th>");
        t.columns()
                .forEach(c -> h.append("<th scope=\"col\" class=\"n\">")
                        .append(esc(c))
                        .append("</th>"));
        h.append("</tr></thead><tbody>");
        for (ScoreRow row : t.rows()) {
            h.append("<tr class=\"")
                    .append(esc(row.kind()))
                    .append("\"><th scope=\"row\">")
                    .append(esc(row.label()))
                    .append("</th><td>")
                    .append(esc(row.kind()))
                    .append("</td><td class=\"n\">")
                    .append(row.cases())
                    .append("</td>");
            for (String c : t.columns()) {
                h.append("<td class=\"n\">").append(Text.num(row.values().getOrDefault(c, Double.NaN), 2));
                BenchReport.Spread s =
                        spread.getOrDefault(row.label(), Map.of()).get(c);
                if (s != null) {
                    h.append(" <span class=\"meta\">±")
                            .append(Text.num(s.sd(), 2))
                            .append(" [")
                            .append(Text.num(s.min(), 2))
                            .append("–")
                            .append(Text.num(s.max(), 2))
                            .append("]</span>");
                }
                h.append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>\n");
    }

    private static void failures(StringBuilder h, BenchReport report) {
        h.append("<section aria-labelledby=\"fail-h\"><h2 id=\"fail-h\">Failures</h2>");
        if (report.failures().isEmpty()) {
            h.append("<p>None.</p></section>\n");
            return;
        }
        h.append("<table><caption>Listed, never scored</caption><thead><tr><th scope=\"col\">case</th>")
                .append("<th scope=\"col\">category</th><th scope=\"col\">kind</th><th scope=\"col\">sample</th>")
                .append("<th scope=\"col\">detail</th></tr></thead><tbody>");
        for (BenchReport.Failure f : report.failures()) {
            h.append("<tr><th scope=\"row\"><a href=\"#")
                    .append(esc(anchor(f.caseId())))
                    .append("\">")
                    .append(esc(f.caseId()))
                    .append("</a></th><td>")
                    .append(esc(f.category()))
                    .append("</td><td>")
                    .append(esc(f.kind()))
                    .append("</td><td>")
                    .append(f.sample() < 0 ? "" : String.valueOf(f.sample()))
                    .append("</td><td>")
                    .append(esc(f.detail()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void loop(StringBuilder h, LoopFigures loop) {
        h.append("<section aria-labelledby=\"loop-h\"><h2 id=\"loop-h\">Loop figures</h2>\n");
        chart(h, loop);
        h.append("<table><caption>The judge's ")
                .append(esc(loop.headline()))
                .append(" by turn</caption><thead><tr><th scope=\"col\">turn</th>")
                .append("<th scope=\"col\" class=\"n\">cases reached</th><th scope=\"col\" class=\"n\">mean</th>")
                .append("<th scope=\"col\" class=\"n\">cases carried</th><th scope=\"col\" class=\"n\">mean</th>")
                .append("</tr></thead><tbody>");
        for (LoopFigures.TurnFigure t : loop.turns()) {
            h.append("<tr><th scope=\"row\">")
                    .append(t.turn())
                    .append("</th><td class=\"n\">")
                    .append(t.reached())
                    .append("</td><td class=\"n\">")
                    .append(Text.num(t.reachedMean(), 2))
                    .append("</td><td class=\"n\">")
                    .append(t.carried())
                    .append("</td><td class=\"n\">")
                    .append(Text.num(t.carriedMean(), 2))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>\n<p class=\"meta\">")
                .append(esc(LoopFigures.CARRIED_DEFINITION))
                .append("</p>\n<dl class=\"facts\">");
        StringBuilder stops = new StringBuilder();
        loop.stopReasons()
                .forEach((k, v) -> stops.append(stops.isEmpty() ? "" : " · ")
                        .append(k)
                        .append(' ')
                        .append(v));
        fact(h, "stopped", stops.toString());
        fact(h, "ended worse than turn 1", loop.gotWorse() + " of " + loop.comparedWithTurnOne());
        LoopFigures.Agreement a = loop.agreement();
        fact(
                h,
                "judge vs thinker",
                "Pearson " + Text.num(a.pearson(), 3) + ", Spearman " + Text.num(a.spearman(), 3) + " over " + a.pairs()
                        + " judged turns");
        fact(
                h,
                "same best turn",
                a.bestTurnAgree() + " of " + a.bestTurnCases() + " cases with two or more judged turns");
        h.append("</dl></section>\n");
    }

    /** An inline SVG line chart of the two per-turn means. */
    static void chart(StringBuilder h, LoopFigures loop) {
        List<LoopFigures.TurnFigure> turns = loop.turns();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LoopFigures.TurnFigure t : turns) {
            for (double v : new double[] {t.reachedMean(), t.carriedMean()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            h.append("<p>No judged turns to chart.</p>");
            return;
        }
        lo = Math.floor(lo);
        hi = Math.ceil(hi);
        if (hi <= lo) {
            hi = lo + 1;
        }
        int w = 640;
        int ht = 280;
        int left = 56;
        int right = 20;
        int top = 20;
        int bottom = 48;
        double plotW = w - left - right;
        double plotH = ht - top - bottom;
        int n = turns.size();
        final double ylo = lo;
        final double yhi = hi;
        java.util.function.IntToDoubleFunction x = i -> left + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
        java.util.function.DoubleUnaryOperator y = v -> top + plotH * (1 - (v - ylo) / (yhi - ylo));
        h.append("<figure class=\"chart\"><svg role=\"img\" aria-labelledby=\"chart-t chart-d\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(ht)
                .append("\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(ht)
                .append("\"><title id=\"chart-t\">The judge's ")
                .append(esc(loop.headline()))
                .append(" by turn</title><desc id=\"chart-d\">");
        for (LoopFigures.TurnFigure t : turns) {
            h.append("Turn ")
                    .append(t.turn())
                    .append(": reached ")
                    .append(Text.num(t.reachedMean(), 2))
                    .append(", carried ")
                    .append(Text.num(t.carriedMean(), 2))
                    .append(". ");
        }
        h.append("</desc>");
        for (int k = 0; k <= 4; k++) {
            double v = lo + (hi - lo) * k / 4;
            double yy = y.applyAsDouble(v);
            h.append("<line class=\"grid\" x1=\"")
                    .append(left)
                    .append("\" x2=\"")
                    .append(w - right)
                    .append("\" y1=\"")
                    .append(f(yy))
                    .append("\" y2=\"")
                    .append(f(yy))
                    .append("\"/><text class=\"tick\" x=\"")
                    .append(left - 6)
                    .append("\" y=\"")
                    .append(f(yy + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(Text.num(v, 1))
                    .append("</text>");
        }
        for (int i = 0; i < n; i++) {
            h.append("<text class=\"tick\" x=\"")
                    .append(f(x.applyAsDouble(i)))
                    .append("\" y=\"")
                    .append(ht - bottom + 18)
                    .append("\" text-anchor=\"middle\">")
                    .append(turns.get(i).turn())
                    .append("</text>");
        }
        h.append("<text class=\"axis\" x=\"")
                .append(f(left + plotW / 2))
                .append("\" y=\"")
                .append(ht - 8)
                .append("\" text-anchor=\"middle\">turn</text>");
        h.append("<text class=\"axis\" transform=\"rotate(-90)\" x=\"")
                .append(f(-(top + plotH / 2)))
                .append("\" y=\"16\" text-anchor=\"middle\">")
                .append(esc(loop.headline()))
                .append("</text>");
        series(h, turns, x, y, true, "reached");
        series(h, turns, x, y, false, "carried");
        h.append("</svg><figcaption><span class=\"key reached\"></span> reached: cases that made the turn · ")
                .append("<span class=\"key carried\"></span> carried: the loop's answer with at most t turns")
                .append("</figcaption></figure>\n");
    }

    private static void series(
            StringBuilder h,
            List<LoopFigures.TurnFigure> turns,
            java.util.function.IntToDoubleFunction x,
            java.util.function.DoubleUnaryOperator y,
            boolean reached,
            String cls) {
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < turns.size(); i++) {
            LoopFigures.TurnFigure t = turns.get(i);
            double v = reached ? t.reachedMean() : t.carriedMean();
            if (!Double.isFinite(v)) {
                continue;
            }
            String px = f(x.applyAsDouble(i));
            String py = f(y.applyAsDouble(v));
            points.append(px).append(',').append(py).append(' ');
            dots.append("<circle class=\"")
                    .append(cls)
                    .append("\" cx=\"")
                    .append(px)
                    .append("\" cy=\"")
                    .append(py)
                    .append("\" r=\"4\"><title>turn ")
                    .append(t.turn())
                    .append(' ')
                    .append(cls)
                    .append(": ")
                    .append(Text.num(v, 2))
                    .append(" (")
                    .append(reached ? t.reached() : t.carried())
                    .append(" cases)</title></circle>");
        }
        h.append("<polyline class=\"")
                .append(cls)
                .append("\" fill=\"none\" points=\"")
                .append(points.toString().strip())
                .append("\"/>")
                .append(dots);
    }

    private static void comparison(StringBuilder h, Comparison c, int index) {
        h.append("<section aria-labelledby=\"vs-h")
                .append(index)
                .append("\"><h2 id=\"vs-h")
                .append(index)
                .append("\">Comparison B − A</h2><dl class=\"facts\">");
        fact(h, "A", c.a());
        fact(h, "B", c.b());
        fact(h, "matched cases", String.valueOf(c.matched()));
        fact(h, "only in A", String.valueOf(c.onlyInA().size()));
        fact(h, "only in B", String.valueOf(c.onlyInB().size()));
        fact(h, "left out", String.valueOf(c.leftOut().size()));
        h.append("</dl><p class=\"meta\">")
                .append(esc(Comparison.METHOD))
                .append("; seed ")
                .append(c.seed())
                .append("</p><table><caption>Paired differences</caption><thead><tr>")
                .append("<th scope=\"col\">scope</th><th scope=\"col\">row</th><th scope=\"col\">figure</th>")
                .append("<th scope=\"col\" class=\"n\">cases</th><th scope=\"col\" class=\"n\">A</th>")
                .append("<th scope=\"col\" class=\"n\">B</th><th scope=\"col\" class=\"n\">B − A</th>")
                .append("<th scope=\"col\" class=\"n\">95% interval</th><th scope=\"col\">verdict</th></tr></thead>")
                .append("<tbody>");
        for (Comparison.Difference d : c.differences()) {
            h.append("<tr><td>")
                    .append(esc(d.scope()))
                    .append("</td><th scope=\"row\">")
                    .append(esc(d.row()))
                    .append("</th><td>")
                    .append(esc(d.figure()))
                    .append("</td><td class=\"n\">")
                    .append(d.cases())
                    .append("</td><td class=\"n\">")
                    .append(Text.num(d.valueA(), 2))
                    .append("</td><td class=\"n\">")
                    .append(Text.num(d.valueB(), 2))
                    .append("</td><td class=\"n\">")
                    .append(Text.signed(d.difference(), 3))
                    .append("</td><td class=\"n\">[")
                    .append(Text.signed(d.low(), 3))
                    .append(", ")
                    .append(Text.signed(d.high(), 3))
                    .append("]</td><td class=\"verdict ")
                    .append(d.verdict().name().toLowerCase(Locale.ROOT))
                    .append("\">")
                    .append(esc(d.verdict().label()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void gallery(StringBuilder h, BenchReport report, Path runDir) {
        Set<String> categories = new LinkedHashSet<>();
        report.cases().forEach(c -> categories.add(c.category()));
        h.append("<section aria-labelledby=\"cases-h\"><h2 id=\"cases-h\">Cases</h2>\n")
                .append("<form class=\"filters\" onsubmit=\"return false\"><label for=\"f-cat\">Category</label> ")
                .append("<select id=\"f-cat\"><option value=\"\">all</option>");
        categories.forEach(c -> h.append("<option value=\"")
                .append(esc(c))
                .append("\">")
                .append(esc(c))
                .append("</option>"));
        h.append(
                        "</select> <input type=\"checkbox\" id=\"f-worse\"> <label for=\"f-worse\">only cases that ended worse")
                .append(" than turn 1</label> <output id=\"f-count\" aria-live=\"polite\"></output></form>\n");
        for (int i = 0; i < report.outcomes().size(); i++) {
            card(h, report.outcomes().get(i), report.cases().get(i), report.headline(), runDir);
        }
        h.append("</section>\n");
    }

    private static void card(
            StringBuilder h, CaseOutcome o, BenchReport.CaseFigures figures, String headline, Path runDir) {
        String id = o.benchCase().id();
        Trajectory trajectory = null;
        String trajectoryProblem = null;
        if (o.trajectory() != null) {
            try {
                trajectory = TrajectoryJson.read(runDir.resolve(o.trajectory()));
            } catch (RuntimeException e) {
                trajectoryProblem = e.getMessage();
            }
        }
        h.append("<article class=\"case\" id=\"")
                .append(esc(anchor(id)))
                .append("\" data-category=\"")
                .append(esc(o.benchCase().category()))
                .append("\" data-worse=\"")
                .append(figures.gotWorse())
                .append("\"><h3>")
                .append(esc(id))
                .append(" <span class=\"meta\">")
                .append(esc(o.benchCase().category()))
                .append("</span>");
        if (o.failed()) {
            h.append(" <span class=\"badge bad\">failed</span>");
        }
        if (figures.gotWorse()) {
            h.append(" <span class=\"badge bad\">worse than turn 1</span>");
        }
        h.append("</h3><p class=\"instr\">")
                .append(esc(o.benchCase().instruction()))
                .append("</p><p class=\"meta\">score (")
                .append(esc(headline))
                .append(") ")
                .append(Text.num(figures.score(), 2))
                .append(" · best turn ")
                .append(o.bestTurn() == 0 ? "none" : String.valueOf(o.bestTurn()))
                .append(" · stopped ")
                .append(esc(o.stopReason() == null ? "–" : o.stopReason()))
                .append("</p>");
        if (o.error() != null) {
            h.append("<p class=\"error\">").append(esc(o.error())).append("</p>");
        }
        if (trajectoryProblem != null) {
            h.append("<p class=\"meta\">trajectory not available: ")
                    .append(esc(trajectoryProblem))
                    .append("</p>");
        }
        h.append("<div class=\"strip\">");
        String source = sourceLink(o, trajectory, runDir);
        h.append("<figure><a href=\"")
                .append(esc(source))
                .append("\"><img loading=\"lazy\" src=\"")
                .append(esc(source))
                .append("\" alt=\"source image of case ")
                .append(esc(id))
                .append("\"></a><figcaption>source</figcaption></figure>");
        for (TurnOutcome t : o.turns()) {
            boolean best = t.turn() == o.bestTurn();
            String link = link(t.image());
            h.append("<figure class=\"turn")
                    .append(best ? " best" : "")
                    .append("\"><a href=\"")
                    .append(esc(link))
                    .append("\"><img loading=\"lazy\" src=\"")
                    .append(esc(link))
                    .append("\" alt=\"turn ")
                    .append(t.turn())
                    .append(" of case ")
                    .append(esc(id))
                    .append(": ")
                    .append(esc(t.instruction()))
                    .append("\"></a><figcaption><b>turn ")
                    .append(t.turn())
                    .append("</b>")
                    .append(best ? " <span class=\"badge\">best</span>" : "")
                    .append("<br>thinker SC ")
                    .append(Text.num(t.semantic(), 1))
                    .append(" · PQ ")
                    .append(Text.num(t.quality(), 1))
                    .append(" · overall ")
                    .append(Text.num(t.overall(), 1))
                    .append("<br>judge ")
                    .append(esc(headline))
                    .append(' ')
                    .append(Text.num(BenchReport.headlineOf(t, headline), 2))
                    .append("</figcaption>");
            h.append("<details><summary>instruction and reasoning</summary><p class=\"instr\">")
                    .append(esc(t.instruction()))
                    .append("</p>");
            Trajectory.CritiqueRecord critique = critique(trajectory, t.turn());
            if (critique != null
                    && critique.reasoning() != null
                    && !critique.reasoning().isBlank()) {
                h.append("<p><b>Thinker:</b></p><pre>")
                        .append(esc(critique.reasoning()))
                        .append("</pre>");
            }
            for (JudgeRecord r : o.judgements()) {
                if (r.turn() != t.turn()) {
                    continue;
                }
                h.append("<p><b>Judge</b> <span class=\"meta\">sample ")
                        .append(r.sample())
                        .append(", question ")
                        .append(r.question())
                        .append("</span>: ");
                if (r.ok()) {
                    StringBuilder scores = new StringBuilder();
                    r.judgement()
                            .scores()
                            .forEach((k, v) -> scores.append(scores.isEmpty() ? "" : ", ")
                                    .append(k)
                                    .append(' ')
                                    .append(Text.num(v, 1)));
                    h.append(esc(scores.toString()))
                            .append("</p><pre>")
                            .append(esc(r.judgement().reasoning()))
                            .append("</pre>");
                } else {
                    h.append("<span class=\"error\">").append(esc(r.error())).append("</span></p>");
                }
            }
            h.append("</details></figure>");
        }
        h.append("</div></article>\n");
    }

    private static Trajectory.CritiqueRecord critique(Trajectory trajectory, int turn) {
        if (trajectory == null) {
            return null;
        }
        return trajectory.turns().stream()
                .filter(t -> t.index() == turn)
                .findFirst()
                .map(Trajectory.TurnRecord::critique)
                .orElse(null);
    }

    /** The source image relative to the run folder: the trajectory's, else the suite's file. */
    private static String sourceLink(CaseOutcome o, Trajectory trajectory, Path runDir) {
        if (trajectory != null && trajectory.sourceImage() != null && o.trajectory() != null) {
            Path parent = Path.of(o.trajectory()).getParent();
            return link((parent == null ? Path.of(trajectory.sourceImage()) : parent.resolve(trajectory.sourceImage()))
                    .toString());
        }
        Path image = o.benchCase().image();
        try {
            Path rel = runDir.toAbsolutePath()
                    .normalize()
                    .relativize(image.toAbsolutePath().normalize());
            return link(rel.toString());
        } catch (IllegalArgumentException e) {
            return image.toUri().toString();
        }
    }

    /** A relative file path as a URL path: separators as slashes, each segment percent-encoded. */
    static String link(String relative) {
        List<String> parts = new ArrayList<>();
        for (String segment : relative.replace('\\', '/').split("/", -1)) {
            parts.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("/", parts);
    }

    /** The HTML id of a case's card. */
    static String anchor(String caseId) {
        return "case-" + caseId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<div><dt>")
                .append(esc(name))
                .append("</dt><dd>")
                .append(esc(value))
                .append("</dd></div>");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String SCRIPT = """
            (function () {
              var cat = document.getElementById('f-cat');
              var worse = document.getElementById('f-worse');
              var count = document.getElementById('f-count');
              function apply() {
                var cards = document.querySelectorAll('article.case'), shown = 0;
                cards.forEach(function (c) {
                  var ok = (cat.value === '' || c.dataset.category === cat.value)
                    && (!worse.checked || c.dataset.worse === 'true');
                  c.hidden = !ok;
                  if (ok) { shown++; }
                });
                count.textContent = shown + ' of ' + cards.length + ' cases shown';
              }
              cat.addEventListener('change', apply);
              worse.addEventListener('change', apply);
              apply();
            })();
            """;

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f4f4f6;color:#1d1d1f}
            header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd}
            main{padding:8px 24px}
            section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 16px;margin:16px 0}
            h1{font-size:1.4rem;margin:0 0 8px}
            h2{font-size:1.1rem;margin:0 0 8px}
            h3{font-size:1rem;margin:0 0 4px}
            .notes{background:#fff8e1;border-color:#e0c36a}
            .facts{display:flex;flex-wrap:wrap;gap:4px 24px;margin:8px 0}
            .facts div{display:flex;gap:6px}
            dt{color:#555}dd{margin:0;font-weight:600}
            table{border-collapse:collapse;margin:8px 0;font-size:.9rem}
            caption{text-align:left;color:#555;padding:4px 0}
            th,td{border-bottom:1px solid #e3e3e3;padding:4px 10px;text-align:left}
            .n{text-align:right;font-variant-numeric:tabular-nums}
            tr.overall th,tr.overall td{font-weight:700}
            .meta{color:#555;font-size:.8rem;font-weight:400}
            .instr{font-style:italic}
            .badge{background:#1a7f37;color:#fff;border-radius:4px;padding:1px 6px;font-size:.8rem;font-style:normal}
            .badge.bad{background:#b42318}
            .error{color:#b42318;font-weight:600}
            .verdict.better{color:#1a7f37;font-weight:700}.verdict.worse{color:#b42318;font-weight:700}
            .chart svg{max-width:100%;height:auto;background:#fff}
            .chart .grid{stroke:#ddd}.chart .tick,.chart .axis{fill:#444;font-size:12px}
            polyline.reached{stroke:#0b5cad;stroke-width:2}circle.reached{fill:#0b5cad}
            polyline.carried{stroke:#8a4600;stroke-width:2;stroke-dasharray:6 4}circle.carried{fill:#8a4600}
            .key{display:inline-block;width:18px;height:3px;vertical-align:middle}
            .key.reached{background:#0b5cad}.key.carried{background:#8a4600}
            .filters{margin:8px 0 12px}
            select,input{font:inherit}
            .case{border-top:1px solid #ddd;padding:12px 0}
            .strip{display:flex;gap:12px;overflow-x:auto;align-items:flex-start}
            figure{margin:0;flex:0 0 auto;width:220px;font-size:.85rem}
            figure img{width:100%;height:auto;border-radius:4px;display:block;background:#eee;min-height:40px}
            figure.best img{outline:3px solid #1a7f37}
            pre{white-space:pre-wrap;font-size:.8rem;background:#f6f8fa;padding:8px;border-radius:4px;margin:4px 0}
            a{color:#0b5cad}
            :focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
            footer{color:#555;font-size:.8rem;padding:8px 24px 24px}
            """;
}
