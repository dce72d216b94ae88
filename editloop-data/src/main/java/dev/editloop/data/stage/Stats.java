package dev.editloop.data.stage;

import dev.editloop.data.DataDir;
import dev.editloop.data.Jsonl;
import dev.editloop.data.model.DataTrajectory;
import dev.editloop.data.model.StepSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code editloop data stats}: what the data set holds, from whatever stages have run: kept and dropped trajectories
 * with the reasons, turn counts and score variances of the kept ones, steps per task type and score bucket, and the
 * split. Written as a text table ({@code data/stats.txt}, also printed) and a self-contained HTML page with bar charts
 * in inline SVG ({@code data/stats.html}: no script, no network).
 */
public final class Stats {
    /** Variance buckets of the histogram (upper bounds; the last is open). */
    static final double[] VARIANCE_EDGES = {0.5, 1, 2, 4, 8};

    /**
     * The figures.
     *
     * @param filter the filter's report, or null when it has not run
     * @param turnCounts kept trajectories by turn count after the cut
     * @param variances kept trajectories by score-variance bucket
     * @param stepsFile which steps were counted ({@code balanced.jsonl} or {@code steps.jsonl}), or null
     * @param steps steps by task type, then score bucket
     * @param split the split's report, or null
     */
    public record Figures(
            Filter.Report filter,
            Map<Integer, Integer> turnCounts,
            Map<String, Integer> variances,
            String stepsFile,
            Map<String, Map<String, Integer>> steps,
            Split.Report split) {}

    private Stats() {}

    /** Reads the figures of a data set folder. */
    public static Figures figures(DataDir dir) {
        Filter.Report filter = Files.isRegularFile(dir.filterReport())
                ? Jsonl.readJson(dir.filterReport(), Filter.Report.class)
                : null;
        Map<Integer, Integer> turns = new TreeMap<>();
        Map<String, Integer> variances = new LinkedHashMap<>();
        for (int i = 0; i <= VARIANCE_EDGES.length; i++) {
            variances.put(varianceLabel(i), 0);
        }
        if (Files.isRegularFile(dir.trajectories())) {
            Jsonl.forEach(dir.trajectories(), DataTrajectory.class, t -> {
                turns.merge(t.turns().size(), 1, Integer::sum);
                variances.merge(varianceLabel(varianceBucket(t.scoreVariance())), 1, Integer::sum);
            });
        }
        Path stepsFile = Files.isRegularFile(dir.balanced())
                ? dir.balanced()
                : Files.isRegularFile(dir.steps()) ? dir.steps() : null;
        Map<String, Map<String, Integer>> steps = new TreeMap<>();
        if (stepsFile != null) {
            Jsonl.forEach(
                    stepsFile,
                    StepSample.class,
                    s -> steps.computeIfAbsent(s.task(), k -> new TreeMap<>())
                            .merge(Balance.bucket(s.scorer().overall()), 1, Integer::sum));
        }
        Split.Report split =
                Files.isRegularFile(dir.splitReport()) ? Jsonl.readJson(dir.splitReport(), Split.Report.class) : null;
        return new Figures(
                filter,
                turns,
                variances,
                stepsFile == null ? null : stepsFile.getFileName().toString(),
                steps,
                split);
    }

    static int varianceBucket(double v) {
        for (int i = 0; i < VARIANCE_EDGES.length; i++) {
            if (v < VARIANCE_EDGES[i]) {
                return i;
            }
        }
        return VARIANCE_EDGES.length;
    }

    static String varianceLabel(int i) {
        if (i == 0) {
            return "<" + num(VARIANCE_EDGES[0]);
        }
        if (i == VARIANCE_EDGES.length) {
            return ">=" + num(VARIANCE_EDGES[i - 1]);
        }
        return num(VARIANCE_EDGES[i - 1]) + "-" + num(VARIANCE_EDGES[i]);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The figures as a text table. */
    public static String table(Figures f) {
        StringBuilder b = new StringBuilder();
        if (f.filter() != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "trajectories  %d generated, %d kept (turns %d -> %d after the cut)%n",
                    f.filter().trajectories(),
                    f.filter().kept(),
                    f.filter().turnsBefore(),
                    f.filter().turnsAfter()));
            f.filter()
                    .dropped()
                    .forEach(
                            (reason, n) -> b.append(String.format(Locale.ROOT, "  dropped     %-16s %d%n", reason, n)));
        } else {
            b.append("trajectories  (filter has not run)\n");
        }
        b.append("\nturns per kept trajectory\n");
        f.turnCounts()
                .forEach((k, v) ->
                        b.append(String.format(Locale.ROOT, "  %-10s %6d  %s%n", k, v, bar(v, f.turnCounts()))));
        b.append("\nscore variance of kept trajectories\n");
        f.variances()
                .forEach((k, v) ->
                        b.append(String.format(Locale.ROOT, "  %-10s %6d  %s%n", k, v, bar(v, f.variances()))));
        if (f.stepsFile() != null) {
            TreeSet<String> buckets = new TreeSet<>();
            f.steps().values().forEach(m -> buckets.addAll(m.keySet()));
            b.append("\nsteps (").append(f.stepsFile()).append(") by task and scorer overall\n");
            b.append(String.format(Locale.ROOT, "  %-16s", "task"));
            buckets.forEach(k -> b.append(String.format(Locale.ROOT, " %8s", k)));
            b.append(String.format(Locale.ROOT, " %8s%n", "total"));
            int[] totals = new int[buckets.size() + 1];
            f.steps().forEach((task, m) -> {
                b.append(String.format(Locale.ROOT, "  %-16s", task));
                int i = 0;
                int sum = 0;
                for (String k : buckets) {
                    int n = m.getOrDefault(k, 0);
                    totals[i++] += n;
                    sum += n;
                    b.append(String.format(Locale.ROOT, " %8d", n));
                }
                totals[buckets.size()] += sum;
                b.append(String.format(Locale.ROOT, " %8d%n", sum));
            });
            b.append(String.format(Locale.ROOT, "  %-16s", "all"));
            for (int n : totals) {
                b.append(String.format(Locale.ROOT, " %8d", n));
            }
            b.append('\n');
        }
        if (f.split() != null) {
            Split.Report s = f.split();
            b.append(String.format(
                    Locale.ROOT,
                    "%nsplit         SFT %d steps from %d trajectories; RL %d steps from %d" + " trajectories%n",
                    s.sftSteps(),
                    s.sftTrajectories(),
                    s.rlSteps(),
                    s.rlTrajectories()));
            s.dropped().forEach((r, n) -> b.append(String.format(Locale.ROOT, "  left out   %-16s %d%n", r, n)));
        }
        return b.toString();
    }

    private static String bar(int v, Map<?, Integer> all) {
        int max = all.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return max == 0 ? "" : "#".repeat((int) Math.round(30.0 * v / max));
    }

    /** The figures as a self-contained HTML page. */
    public static String html(Figures f) {
        StringBuilder b = new StringBuilder();
        b.append(
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>EditLoop training data</title>\n"
                        + "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}"
                        + "h2{margin-top:1.6em}table{border-collapse:collapse}td,th{padding:.2em .7em;text-align:right;"
                        + "border-bottom:1px solid #ddd}th:first-child,td:first-child{text-align:left}"
                        + "svg text{font-size:12px;fill:#333}</style></head><body>\n<h1>Training data</h1>\n");
        b.append("<pre>").append(escape(table(f))).append("</pre>\n");
        if (f.filter() != null) {
            Map<String, Integer> kept = new LinkedHashMap<>();
            kept.put("kept", f.filter().kept());
            f.filter().dropped().forEach((k, v) -> kept.put("dropped: " + k, v));
            b.append("<h2>Kept and dropped trajectories</h2>\n").append(chart(kept));
        }
        Map<String, Integer> turns = new LinkedHashMap<>();
        f.turnCounts().forEach((k, v) -> turns.put(k + (k == 1 ? " turn" : " turns"), v));
        b.append("<h2>Turns per kept trajectory</h2>\n").append(chart(turns));
        b.append("<h2>Score variance of kept trajectories</h2>\n").append(chart(f.variances()));
        if (f.stepsFile() != null) {
            Map<String, Integer> byTask = new LinkedHashMap<>();
            Map<String, Integer> byBucket = new TreeMap<>();
            f.steps().forEach((task, m) -> {
                byTask.put(task, m.values().stream().mapToInt(Integer::intValue).sum());
                m.forEach((k, v) -> byBucket.merge(k, v, Integer::sum));
            });
            b.append("<h2>Steps per task type</h2>\n").append(chart(byTask));
            b.append("<h2>Steps per score bucket (scorer overall)</h2>\n").append(chart(byBucket));
        }
        if (f.split() != null) {
            Map<String, Integer> split = new LinkedHashMap<>();
            split.put("SFT steps", f.split().sftSteps());
            split.put("RL steps", f.split().rlSteps());
            b.append("<h2>Split</h2>\n").append(chart(split));
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    /** A horizontal bar chart in inline SVG. */
    static String chart(Map<String, Integer> values) {
        int max = Math.max(
                1, values.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int row = 22;
        int label = 170;
        int width = 420;
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\"" + " role=\"img\">%n",
                label + width + 70,
                Math.max(row, values.size() * row) + 4));
        int y = 2;
        for (var e : values.entrySet()) {
            int w = (int) Math.round((double) width * e.getValue() / max);
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    label - 6,
                    y + 15,
                    escape(e.getKey())));
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4a7fb5\"/>",
                    label,
                    y + 3,
                    w,
                    row - 6));
            s.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%d\">%d</text>%n", label + w + 6, y + 15, e.getValue()));
            y += row;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Runs the stage: writes {@code data/stats.txt} and {@code data/stats.html}; returns the table. */
    public static String run(DataDir dir) {
        Figures f = figures(dir);
        String table = table(f);
        Jsonl.atomically(dir.data().resolve("stats.txt"), out -> out.write(table));
        Jsonl.atomically(dir.data().resolve("stats.html"), out -> out.write(html(f)));
        return table;
    }
}
