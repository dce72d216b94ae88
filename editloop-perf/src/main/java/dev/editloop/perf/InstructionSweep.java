package dev.editloop.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.core.Editor;
import dev.editloop.core.Thinker;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Turn;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.Instructions;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.HeuristicThinker;
import dev.editloop.phrases.MiniLm;
import dev.editloop.phrases.PhraseMapper;
import dev.editloop.phrases.PhraseMappingEditor;
import dev.editloop.phrases.PhraseMappingThinker;
import dev.editloop.testkit.TestImages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs a benchmark's real instructions through the think-while-edit loop with the embedded backends (the classic
 * editor and the heuristic thinker, wired as the CLI wires them) on stand-in photos, and prints per edit type how
 * many runs were honestly failed (the thinker said {@code FAILED}, or the run ended below the threshold) and how many
 * were claimed (the threshold was reached). A claim is split by what the accepted turn's instruction does: an
 * object-capable operation of the classic editor (recolor, remove by color or place, the background by
 * segmentation, text) or only global grades. A global-grade claim on an object-level edit type (add, remove, replace,
 * extract, action, compose) is a false success: nothing was added, removed or replaced.
 *
 * <p>Usage: {@code InstructionSweep imgedit|risebench|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|FILE.json|FILE.jsonl [--list-claims] [--list-all] [--limit N] [--threads N] [--only IDS|FAMILY] [--phrases minilm] [--phrase-threshold X]}. A JSON
 * file of the held-out kind is a list of objects with {@code instruction} (and optionally {@code type}). Benchmark
 * files are read from the shared folder next to the repository ({@code ../shared/benchmarks/...}); the stand-in
 * photos are {@code ../shared/images/*} and the repository's {@code examples/}, chosen by the case's key.
 */
public final class InstructionSweep {
    /** ImgEdit edit types whose main action needs an object to be generated, found or moved. */
    static final List<String> OBJECT_TYPES = List.of("add", "remove", "replace", "extract", "action", "compose");

    private InstructionSweep() {}

    /** One benchmark case. */
    record Case(String key, String type, String instruction) {}

    /** What happened to one case. */
    record Outcome(Case c, String stand, String outcome, boolean objectCapable, double sc, double pq, String best) {}

    /** A whole number of at least 1 given to {@code option}, or one error line and exit 2. */
    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println(option + ": '" + value + "' is not a whole number of at least 1");
        System.exit(2);
        return 0;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(
                    "usage: InstructionSweep imgedit|risebench|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|FILE.json|FILE.jsonl [--list-claims] [--list-all] [--limit N] [--threads N] [--only IDS|FAMILY] [--phrases minilm] [--phrase-threshold X]");
            System.exit(2);
        }
        boolean listClaims = false;
        boolean listAll = false;
        int limit = Integer.MAX_VALUE;
        int threads = 2;
        String only = null;
        String phrases = null;
        double phraseThreshold = PhraseMapper.DEFAULT_THRESHOLD;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only = i + 1 < args.length ? args[++i] : "";
                case "--phrases" -> {
                    phrases = args[++i];
                    if (!phrases.equals("minilm") && !phrases.equals("none")) {
                        System.err.println("--phrases: unknown mapper '" + phrases + "' (minilm or none)");
                        System.exit(2);
                    }
                    if (phrases.equals("none")) {
                        phrases = null;
                    }
                }
                case "--phrase-threshold" -> {
                    String value = i + 1 < args.length ? args[++i] : "";
                    try {
                        phraseThreshold = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        phraseThreshold = Double.NaN;
                    }
                    if (!(phraseThreshold > 0 && phraseThreshold <= 1)) {
                        System.err.println("--phrase-threshold: '" + value + "' is not a similarity in (0, 1]");
                        System.exit(2);
                    }
                }
                case "--list-claims" -> listClaims = true;
                case "--list-all" -> listAll = true;
                case "--limit" -> limit = positive("--limit", i + 1 < args.length ? args[++i] : "");
                case "--threads" -> threads = positive("--threads", i + 1 < args.length ? args[++i] : "");
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        PhraseMapper mapper = null;
        if (phrases != null) {
            long t0 = System.nanoTime();
            mapper = new PhraseMapper(MiniLm.load(), phraseThreshold);
            System.err.printf(
                    Locale.ROOT,
                    "phrase mapping: MiniLM loaded, %d phrases embedded, threshold %.2f (%d ms)%n",
                    mapper.vocabularySize(),
                    mapper.threshold(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        if (args[0].matches("heldout[0-9]*")) {
            heldout(args[0], threads, limit, only, engine(mapper));
            if (mapper != null) {
                printMapped(mapper);
            }
            return;
        }
        List<Case> cases = load(args[0]);
        if (cases.size() > limit) {
            cases = cases.subList(0, limit);
        }
        List<Path> stands = standIns();
        List<Picture> pictures = stands.stream().map(Images::read).toList();

        LoopEngine engine = engine(mapper);

        long start = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Case c : cases) {
                int pick = Math.floorMod(c.key().hashCode(), pictures.size());
                futures.add(pool.submit(() -> run(engine, c, pictures.get(pick), stands.get(pick))));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        print(out, args[0], outcomes, seconds, stands);
        if (mapper != null) {
            printMapped(mapper);
        }
        if (listAll) {
            out.println();
            out.println("every case (type · outcome · SC/PQ · stand-in · instruction → best turn's instruction):");
            outcomes.forEach(o -> out.printf(
                    Locale.ROOT,
                    "%s\t%s\t%.1f/%.1f\t%s\t%s\t→ %s%n",
                    o.c().type(),
                    o.outcome(),
                    o.sc(),
                    o.pq(),
                    o.stand(),
                    o.c().instruction(),
                    o.best()));
        }
        if (listClaims) {
            out.println();
            out.println("claims (type · stand-in · SC/PQ · instruction → accepted instruction):");
            outcomes.stream()
                    .filter(o -> o.outcome().equals("claimed"))
                    .sorted(Comparator.comparing((Outcome o) -> o.c().type()))
                    .forEach(o -> out.printf(
                            Locale.ROOT,
                            "%-10s %-14s %4.1f/%4.1f %s%n    → %s%n",
                            o.c().type(),
                            o.stand(),
                            o.sc(),
                            o.pq(),
                            o.c().instruction(),
                            o.best()));
        }
    }

    /** The embedded loop as the CLI wires it, with the phrase mapper in front of the editor and the thinker. */
    static LoopEngine engine(PhraseMapper mapper) {
        Editor editor = new ClassicEditor();
        Thinker thinker = new HeuristicThinker(Instructions::parse);
        if (mapper != null) {
            editor = new PhraseMappingEditor(editor, mapper);
            thinker = new PhraseMappingThinker(thinker, mapper);
        }
        return new LoopEngine(editor, thinker);
    }

    /** How many requests the mapper changed, each mapping, and every clause it looked at and left (after the table). */
    private static void printMapped(PhraseMapper mapper) {
        List<PhraseMapper.Mapping> all = mapper.mappings();
        long changed = all.stream().filter(PhraseMapper.Mapping::changed).count();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%nphrase mapping: %d of %d distinct instructions mapped%n", changed, all.size());
        all.stream()
                .filter(PhraseMapper.Mapping::changed)
                .sorted(Comparator.comparing(PhraseMapper.Mapping::request))
                .forEach(m -> out.println("  " + m.request() + "\n    → " + m.mapped() + "\n    " + m.summary()));
        out.println("clauses looked at and left (outcome · nearest phrase · similarity · clause):");
        all.stream()
                .flatMap(m -> m.clauses().stream())
                .filter(c -> c.outcome() != PhraseMapper.Outcome.MAPPED)
                .sorted(Comparator.comparingDouble(PhraseMapper.Clause::similarity)
                        .reversed())
                .forEach(c -> out.printf(
                        Locale.ROOT, "  %-15s %.2f %s ← %s%n", c.outcome(), c.similarity(), c.nearest(), c.clause()));
    }

    /** A held-out phrasing corpus (examples/heldout to examples/heldout11): pass rate per family and every failure (see {@link HeldoutEvaluation}). */
    private static void heldout(String name, int threads, int limit, String only, LoopEngine engine) throws Exception {
        Path corpusFile = TestImages.repoRoot().resolve("examples/" + name + "/phrasings.jsonl");
        Path images = TestImages.repoRoot().resolveSibling("shared").resolve("images");
        need(corpusFile);
        need(images);
        HeldoutEvaluation.Corpus corpus = HeldoutEvaluation.load(corpusFile, images);
        if (only != null) {
            // ids ("h003,h017") or family names ("tone")
            List<String> wanted = List.of(only.split(","));
            HeldoutEvaluation.Corpus all = corpus;
            corpus = new HeldoutEvaluation.Corpus(
                    all.lines().stream()
                            .filter(l -> wanted.contains(l.id()) || wanted.contains(all.family(l)))
                            .toList(),
                    all.familyOf(),
                    all.images());
        }
        if (corpus.lines().size() > limit) {
            corpus = new HeldoutEvaluation.Corpus(corpus.lines().subList(0, limit), corpus.familyOf(), corpus.images());
        }
        long start = System.nanoTime();
        List<HeldoutEvaluation.Outcome> outcomes = HeldoutEvaluation.run(corpus, threads, engine);
        HeldoutEvaluation.print(
                new PrintStream(System.out, true, StandardCharsets.UTF_8),
                outcomes,
                (System.nanoTime() - start) / 1e9,
                only != null);
    }

    private static Outcome run(LoopEngine engine, Case c, Picture picture, Path stand) {
        LoopResult result = engine.run(LoopRequest.of(picture, c.instruction()));
        Turn best = result.best();
        String name = stand.getFileName().toString();
        if (result.stopReason() == StopReason.ERROR) {
            return new Outcome(c, name, "error", false, 0, 0, String.valueOf(result.error()));
        }
        boolean failed = result.turns().stream()
                .anyMatch(t -> t.critique() != null && t.critique().verdict() == Verdict.FAILED);
        boolean claimed = result.stopReason() == StopReason.THRESHOLD;
        double sc = best == null || !best.scored() ? 0 : best.critique().semantic();
        double pq = best == null || !best.scored() ? 0 : best.critique().quality();
        String instruction = best == null ? "" : best.instruction();
        boolean objectCapable =
                Instructions.parse(instruction).actions().stream().anyMatch(InstructionSweep::objectCapable);
        String outcome = claimed ? "claimed" : failed ? "failed" : "below";
        return new Outcome(c, name, outcome, objectCapable, sc, pq, instruction);
    }

    /** Whether an action works on a thing or a place rather than on the whole image's grade. */
    static boolean objectCapable(Action a) {
        return switch (a) {
            case Action.Recolor r -> true;
            case Action.RemoveColored r -> true;
            case Action.RemoveRegion r -> true;
            case Action.Background b -> true;
            case Action.AddText t -> true;
            case Action.Adjust x -> x.region() != Region.WHOLE;
            case Action.ColorFilter x -> x.region() != Region.WHOLE;
            case Action.Tint x -> x.region() != Region.WHOLE;
            case Action.Stylize x -> x.region() != Region.WHOLE;
            default -> false;
        };
    }

    private static void print(PrintStream out, String source, List<Outcome> outcomes, double seconds, List<Path> s) {
        Map<String, int[]> rows = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] row = rows.computeIfAbsent(o.c().type(), k -> new int[6]);
            row[0]++;
            switch (o.outcome()) {
                case "failed" -> row[1]++;
                case "below" -> row[2]++;
                case "claimed" -> {
                    if (o.objectCapable()) {
                        row[3]++;
                    } else {
                        row[4]++;
                    }
                }
                default -> row[5]++;
            }
        }
        out.printf(
                Locale.ROOT,
                "%s: %d instructions, think-while-edit, classic editor + heuristic thinker, stand-ins %s (%.0f s)%n",
                source,
                outcomes.size(),
                s.stream().map(p -> p.getFileName().toString()).toList(),
                seconds);
        out.printf(
                Locale.ROOT,
                "%-12s %6s %8s %8s %14s %14s %6s %s%n",
                "edit type",
                "cases",
                "FAILED",
                "below",
                "claimed:local",
                "claimed:global",
                "error",
                "");
        int[] total = new int[6];
        int falseClaims = 0;
        for (Map.Entry<String, int[]> e : rows.entrySet()) {
            int[] r = e.getValue();
            boolean objectType = OBJECT_TYPES.contains(e.getKey());
            if (objectType) {
                falseClaims += r[4];
            }
            out.printf(
                    Locale.ROOT,
                    "%-12s %6d %8d %8d %14d %14d %6d %s%n",
                    e.getKey(),
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    objectType ? "(object-level)" : "");
            for (int i = 0; i < 6; i++) {
                total[i] += r[i];
            }
        }
        out.printf(
                Locale.ROOT,
                "%-12s %6d %8d %8d %14d %14d %6d%n",
                "total",
                total[0],
                total[1],
                total[2],
                total[3],
                total[4],
                total[5]);
        out.printf(Locale.ROOT, "global-grade claims on object-level types (false successes): %d%n", falseClaims);
    }

    static List<Case> load(String which) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path benchmarks = TestImages.repoRoot().resolveSibling("shared").resolve("benchmarks");
        List<Case> cases = new ArrayList<>();
        switch (which) {
            case "imgedit" -> {
                JsonNode root = json.readTree(
                        need(benchmarks.resolve("imgedit/basic_edit.json")).toFile());
                root.properties()
                        .forEach(e -> cases.add(new Case(
                                e.getKey(),
                                e.getValue().path("edit_type").asText("?"),
                                e.getValue().path("prompt").asText())));
            }
            case "risebench" -> {
                JsonNode root = json.readTree(
                        need(benchmarks.resolve("risebench-64/data_total.json")).toFile());
                for (JsonNode n : root) {
                    cases.add(new Case(
                            n.path("index").asText(),
                            n.path("category").asText("?"),
                            n.path("instruction").asText()));
                }
            }
            default -> {
                if (which.endsWith(".jsonl")) {
                    // one request a line: {"id", "instruction", "expect" (done / declined), "image"…}
                    for (String line : Files.readAllLines(need(Path.of(which)))) {
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode n = json.readTree(line);
                        cases.add(new Case(
                                n.path("id").asText("case-" + cases.size()),
                                "expect "
                                        + n.path("expect").asText(n.path("type").asText("any")),
                                n.path("instruction").asText()));
                    }
                    break;
                }
                JsonNode root = json.readTree(need(Path.of(which)).toFile());
                int i = 0;
                for (JsonNode n : root.isArray() ? root : root.path("cases")) {
                    String text =
                            n.isTextual() ? n.asText() : n.path("instruction").asText();
                    cases.add(new Case("case-" + i++, n.path("type").asText("any"), text));
                }
            }
        }
        return cases;
    }

    private static Path need(Path file) {
        if (!Files.exists(file)) {
            System.err.println("no benchmark file at " + file.toAbsolutePath().normalize()
                    + " (the shared folder is expected next to the repository)");
            System.exit(2);
        }
        return file;
    }

    private static List<Path> standIns() throws IOException {
        List<Path> all = new ArrayList<>();
        Path shared = TestImages.repoRoot().resolveSibling("shared").resolve("images");
        if (Files.isDirectory(shared)) {
            try (Stream<Path> files = Files.list(shared)) {
                files.filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g)$"))
                        .sorted()
                        .forEach(all::add);
            }
        }
        if (all.isEmpty()) {
            all.add(TestImages.examplePath("chelsea.png"));
            all.add(TestImages.examplePath("coffee.png"));
        }
        return all;
    }
}
