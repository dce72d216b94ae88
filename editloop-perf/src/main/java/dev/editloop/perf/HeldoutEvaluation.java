package dev.editloop.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Turn;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.heuristic.HeuristicThinker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The held-out phrasing evaluation: every line of the corpus ({@code examples/heldout/phrasings.jsonl}, written by
 * someone who read only the vocabulary table) runs through the embedded think-while-edit loop (classic editor,
 * heuristic thinker) on its photo, and passes when
 *
 * <ul>
 *   <li>{@code expect: done}: the best turn reaches the request's threshold and every {@link PixelCheck} of the line
 *       holds on the run's final image against the source;
 *   <li>{@code expect: declined}: the run does not claim success: the threshold is not reached, and the thinker said
 *       {@code FAILED} or the best turn is under the acceptance floor (so no edit is handed over).
 * </ul>
 *
 * Families come from the corpus README's "Counts per family (ids)" list.
 */
public final class HeldoutEvaluation {
    private HeldoutEvaluation() {}

    /** One corpus line. */
    public record Line(String id, String image, String instruction, boolean expectDone, List<PixelCheck> checks) {}

    /** What happened to one line. */
    public record Outcome(
            Line line,
            String family,
            boolean pass,
            StopReason stop,
            double sc,
            double pq,
            String best,
            List<PixelCheck.Result> failedChecks,
            String why,
            String reasoning) {}

    /** The corpus, its families and its photos folder. */
    public record Corpus(List<Line> lines, Map<String, String> familyOf, Path images) {
        /** The family a line belongs to, "other" when the README does not list it. */
        public String family(Line l) {
            return familyOf.getOrDefault(l.id(), "other");
        }
    }

    private static final Pattern FAMILY =
            Pattern.compile("([a-z][a-z/ -]*?) (\\d+) \\(([a-z])(\\d+)[–-][a-z](\\d+)\\)");

    /** Reads the corpus file and the family ranges of the README beside it. */
    public static Corpus load(Path jsonl, Path images) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Line> lines = new ArrayList<>();
        for (String text : Files.readAllLines(jsonl)) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(text);
            List<PixelCheck> checks = new ArrayList<>();
            for (JsonNode c : n.path("checks")) {
                checks.add(new PixelCheck(
                        c.path("measure").asText(),
                        c.path("region").asText(),
                        c.path("direction").asText()));
            }
            String expect = n.path("expect").asText();
            if (!expect.equals("done") && !expect.equals("declined")) {
                throw new IllegalArgumentException(
                        jsonl + ": line " + n.path("id").asText() + " expects '" + expect + "' (done or declined)");
            }
            lines.add(new Line(
                    n.path("id").asText(),
                    n.path("image").asText(),
                    n.path("instruction").asText(),
                    expect.equals("done"),
                    List.copyOf(checks)));
        }
        Map<String, String> familyOf = new LinkedHashMap<>();
        Path readme = jsonl.resolveSibling("README.md");
        if (Files.exists(readme)) {
            Matcher m = FAMILY.matcher(Files.readString(readme));
            while (m.find()) {
                String name = m.group(1).strip().replaceAll("^(and|,)\\s*", "");
                String prefix = m.group(3);
                int from = Integer.parseInt(m.group(4));
                int to = Integer.parseInt(m.group(5));
                for (int i = from; i <= to; i++) {
                    familyOf.put(String.format(Locale.ROOT, "%s%03d", prefix, i), name);
                }
            }
        }
        return new Corpus(List.copyOf(lines), familyOf, images);
    }

    /** Runs every line (on {@code threads} threads) and returns the outcomes in corpus order. */
    public static List<Outcome> run(Corpus corpus, int threads) throws Exception {
        return run(
                corpus, threads, new LoopEngine(new ClassicEditor(), new HeuristicThinker(InstructionParser::parse)));
    }

    /** Runs every line through {@code engine} (on {@code threads} threads) and returns the outcomes in corpus order. */
    public static List<Outcome> run(Corpus corpus, int threads, LoopEngine engine) throws Exception {
        Map<String, Picture> photos = new ConcurrentHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Line l : corpus.lines()) {
                futures.add(pool.submit(() -> {
                    Picture source = photos.computeIfAbsent(
                            l.image(), name -> Images.read(corpus.images().resolve(name)));
                    return evaluate(engine, l, corpus.family(l), source);
                }));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        }
        return outcomes;
    }

    /** Runs and evaluates one line. */
    public static Outcome evaluate(LoopEngine engine, Line l, String family, Picture source) {
        LoopRequest request = LoopRequest.of(source, l.instruction());
        LoopResult result = engine.run(request);
        Turn best = result.best();
        double sc = best == null || !best.scored() ? 0 : best.critique().semantic();
        double pq = best == null || !best.scored() ? 0 : best.critique().quality();
        String bestInstruction = best == null ? "" : best.instruction();
        boolean reached = best != null && request.threshold().met(best.critique());
        boolean failedVerdict = result.stopReason() == StopReason.VERDICT_FAILED
                || result.turns().stream()
                        .anyMatch(t -> t.critique() != null && t.critique().verdict() == Verdict.FAILED);
        Turn last = result.turns().isEmpty() ? null : result.turns().getLast();
        String reasoning = last == null || last.critique() == null
                ? String.valueOf(result.verdictReason())
                : last.critique().reasoning();
        if (!l.expectDone()) {
            boolean honest = !reached && (failedVerdict || !result.accepted());
            String why = honest ? "" : reached ? "claimed success (threshold reached)" : "edit handed over";
            return new Outcome(
                    l, family, honest, result.stopReason(), sc, pq, bestInstruction, List.of(), why, reasoning);
        }
        Picture edit = result.finalImage();
        List<PixelCheck.Result> failed = new ArrayList<>();
        for (PixelCheck c : l.checks()) {
            List<PixelCheck> others = l.checks().stream().filter(o -> o != c).toList();
            PixelCheck.Result r = c.evaluate(source, edit, others);
            if (!r.holds()) {
                failed.add(r);
            }
        }
        String why = !reached ? "threshold not reached (stop " + result.stopReason() + ")" : "";
        if (!failed.isEmpty()) {
            why = (why.isEmpty() ? "" : why + "; ") + "pixel checks failed";
        }
        return new Outcome(
                l,
                family,
                reached && failed.isEmpty(),
                result.stopReason(),
                sc,
                pq,
                bestInstruction,
                failed,
                why,
                reasoning);
    }

    /** Prints the pass rate per family and overall, then every failure with its reason. */
    public static void print(PrintStream out, List<Outcome> outcomes, double seconds, boolean reasoning) {
        Map<String, int[]> rows = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            int[] r = rows.computeIfAbsent(o.family(), k -> new int[2]);
            r[0]++;
            if (o.pass()) {
                r[1]++;
            }
        }
        out.printf(
                Locale.ROOT,
                "held-out phrasings: %d requests, think-while-edit, classic editor + heuristic thinker (%.0f s)%n",
                outcomes.size(),
                seconds);
        out.printf(Locale.ROOT, "%-16s %6s %6s %7s%n", "family", "lines", "pass", "rate");
        int[] total = new int[2];
        for (Map.Entry<String, int[]> e : rows.entrySet()) {
            int[] r = e.getValue();
            out.printf(Locale.ROOT, "%-16s %6d %6d %6.1f%%%n", e.getKey(), r[0], r[1], 100.0 * r[1] / r[0]);
            total[0] += r[0];
            total[1] += r[1];
        }
        out.printf(Locale.ROOT, "%-16s %6d %6d %6.1f%%%n", "total", total[0], total[1], 100.0 * total[1] / total[0]);
        long declined = outcomes.stream().filter(o -> !o.line().expectDone()).count();
        long honest = outcomes.stream()
                .filter(o -> !o.line().expectDone() && o.pass())
                .count();
        out.printf(Locale.ROOT, "declines honest: %d/%d%n", honest, declined);
        out.println();
        out.println("failures (id · family · stop · SC/PQ · instruction → best turn's instruction · why):");
        for (Outcome o : outcomes) {
            if (o.pass()) {
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "%s %-10s %-14s %4.1f/%4.1f %s%n    → %s%n    %s%s%n",
                    o.line().id(),
                    o.family(),
                    o.stop(),
                    o.sc(),
                    o.pq(),
                    o.line().instruction(),
                    o.best(),
                    o.why(),
                    o.failedChecks().stream()
                            .map(r -> " [" + r.check() + ": " + r.detail() + "]")
                            .reduce("", String::concat));
            if (reasoning) {
                out.println("    reasoning: " + String.valueOf(o.reasoning()).replace("\n", "\n      "));
            }
        }
    }

    /** Pass rate over all outcomes, 0..1. */
    public static double rate(List<Outcome> outcomes) {
        return outcomes.isEmpty()
                ? 0
                : (double) outcomes.stream().filter(Outcome::pass).count() / outcomes.size();
    }
}
