package dev.editloop.cli;

import dev.editloop.core.Critique;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.Turn;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The short readable summary of a run printed on stdout. */
final class Summary {
    private Summary() {}

    static void print(PrintWriter out, LoopResult result, Path dir) {
        var request = result.request();
        String stopsOn = request.strategy() == dev.editloop.core.loop.Strategy.REFLECT
                ? "stops on the thinker's verdict"
                : "threshold " + request.threshold();
        String params = request.strategy().params().isEmpty()
                ? ""
                : " "
                        + String.join(
                                " ",
                                request.strategy().params().entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList());
        out.println("EditLoop · " + request.strategy().id() + params + " · editor " + result.editor() + " · thinker "
                + result.thinker() + " · " + stopsOn);
        out.println("instruction: " + request.instruction());
        if (result.plan() != null) {
            out.println("planned:     " + result.plan().instruction());
        }
        out.println();
        out.println(String.format(
                Locale.ROOT,
                "%-5s %5s %5s %8s %8s %8s  %s",
                "turn",
                "SC",
                "PQ",
                "overall",
                "edit",
                "think",
                "instruction"));
        for (Turn turn : result.turns()) {
            Critique c = turn.critique();
            String mark = turn.index() == result.bestTurn() ? "*" : " ";
            out.println(String.format(
                    Locale.ROOT,
                    "%-5s %5s %5s %8s %6dms %6dms  %s",
                    turn.index() + mark,
                    score(c == null ? null : c.semantic()),
                    score(c == null ? null : c.quality()),
                    score(c == null ? null : c.overall()),
                    turn.editMs(),
                    turn.thinkMs(),
                    turn.instruction()));
            if (!turn.candidates().isEmpty()) {
                List<String> each = new ArrayList<>();
                for (var k : turn.candidates()) {
                    String text = "seed " + k.seed() + " "
                            + (k.scored() ? score(k.critique().overall()).strip() : k.error() != null ? "failed" : "-");
                    each.add(k.won() ? "[" + text + "]" : text);
                }
                out.println("      candidates: " + String.join(" · ", each));
            }
        }
        out.println();
        regionLines(out, result);
        Turn best = result.best();
        if (best != null) {
            Critique c = best.critique();
            out.println("best turn:   " + best.index()
                    + (c != null && c.valid()
                            ? String.format(
                                    Locale.ROOT,
                                    " (SC %.1f, PQ %.1f, overall %.1f)",
                                    c.semantic(),
                                    c.quality(),
                                    c.overall())
                            : " (not scored)")
                    + (best.image().samePixels(request.source()) ? ", image unchanged" : ""));
        } else {
            out.println("best turn:   none");
        }
        if (best != null && !result.accepted()) {
            out.println("answer:      no edit was accepted (the floor is " + request.accept()
                    + "); final.png is the unchanged source, every turn is kept");
        }
        out.println("stopped:     " + result.stopReason().id() + " · " + explain(result));
        String reason = result.verdictReason();
        if (reason != null && !conclusion(reason).isEmpty()) {
            out.println("thinker:     " + conclusion(reason));
        }
        out.println("output:      " + dir + "  (" + String.join(", ", written(result, dir)) + ")");
        out.flush();
    }

    /**
     * For a run confined to a region: the region, and per turn what changed outside it in the editor's result and in
     * the image kept ("ΔE 3.21 → 0.00, repaired").
     */
    private static void regionLines(java.io.PrintWriter out, LoopResult result) {
        boolean any = false;
        for (Turn turn : result.turns()) {
            var r = turn.region();
            if (r == null) {
                continue;
            }
            if (!any) {
                out.println("region:      " + r.region()
                        + (r.maskSent() ? " (mask sent to the editor)" : " (the editor takes no mask: composited)"));
                any = true;
            }
            out.println(String.format(
                    Locale.ROOT,
                    "  turn %d outside: ΔE %.2f → %.2f, SSIM %.3f → %.3f, %s%s",
                    turn.index(),
                    r.before().meanDeltaE(),
                    r.after().meanDeltaE(),
                    r.before().ssim(),
                    r.after().ssim(),
                    r.action().replace('_', ' '),
                    r.seam() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " (seam %.1f levels/px)",
                                    r.seam().excess())));
        }
        if (any) {
            out.println();
        }
    }

    private static String explain(LoopResult result) {
        return switch (result.stopReason()) {
            case THRESHOLD -> "the scores reached " + result.request().threshold();
            case VERDICT_SUCCESS -> "the thinker judged the edit a success";
            case NO_CHANGE -> "the thinker had nothing to change in the instruction";
            case MAX_TURNS -> "the turn limit (" + result.turnLimit() + ") was reached";
            case VERDICT_FAILED -> "the thinker judged the edit impossible for this editor";
            case ERROR -> result.error();
            case CANCELLED -> "the run was cancelled";
            case DEADLINE -> "the run passed its time limit";
            case MIN_GAIN ->
                "the last turn's best candidate gained less than "
                        + result.request().strategy().params().getOrDefault("min_gain", "the minimum")
                        + " over the best earlier turn";
            case BUDGET ->
                "the budget ("
                        + (result.request().strategy() instanceof dev.editloop.core.loop.BestOfN b ? b.budget() : "")
                        + ") is spent: " + editorCalls(result) + " editor calls";
        };
    }

    private static int editorCalls(LoopResult result) {
        return result.turns().stream()
                .mapToInt(dev.editloop.core.loop.Turn::editorCalls)
                .sum();
    }

    /**
     * The files of the run folder the summary points to, as written: {@code final.png} only when the run has a best
     * turn and the file is there (a run stopped before any turn finished has none).
     */
    static List<String> written(LoopResult result, Path dir) {
        List<String> files = new ArrayList<>();
        if (Trajectory.of(result).finalImage() != null && Files.isRegularFile(dir.resolve(Trajectory.FINAL_IMAGE))) {
            files.add(Trajectory.FINAL_IMAGE);
        }
        for (String name : List.of(RunFolder.REPORT, RunFolder.TRAJECTORY)) {
            if (Files.isRegularFile(dir.resolve(name))) {
                files.add(name);
            }
        }
        return files;
    }

    /** The thinker's conclusion: its last line of reasoning that is not merely the verdict word. */
    private static String conclusion(String text) {
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.toLowerCase(Locale.ROOT).startsWith("verdict"))
                .reduce((a, b) -> b)
                .map(l -> l.startsWith("- ") ? l.substring(2) : l)
                .orElse("");
    }

    private static String score(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}
