package dev.editloop.perf;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.run.BenchListener;
import dev.editloop.bench.run.BenchOptions;
import dev.editloop.bench.run.BenchRunner;
import dev.editloop.bench.run.BenchSummary;
import dev.editloop.bench.store.SqliteStore;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Criterion;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.JudgeImage;
import dev.editloop.core.Judgement;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark runner's throughput, as a command: {@code CASES} cases of {@code ROUNDS} think-while-edit rounds through
 * {@link BenchRunner} at concurrency K, against backends that answer after fixed delays (editor {@code EDIT_MS},
 * thinker {@code THINK_MS}, judge {@code JUDGE_MS}; in process, sleeping like a remote call waits), with the real
 * SQLite store, case folders, trajectories and cache on disk. Prints the wall time, the ideal time (the backends' total
 * delay / K), their ratio (efficiency), CPU-seconds per case, the peak RSS and the heap in use after a GC.
 *
 * <pre>{@code
 * java -cp "editloop-perf/target/editloop-perf.jar:editloop-perf/target/lib/*" dev.editloop.perf.RunnerThroughput \
 *     [CASES=64] [K=4,16,64] [ROUNDS=3] [EDIT_MS=1000] [THINK_MS=500] [JUDGE_MS=0]
 * }</pre>
 *
 * Three warm-up runs without delays come first (class loading, JIT). Several K (comma-separated) run one after the
 * other in this JVM; {@code scripts/runner-throughput.sh} runs each in a
 * JVM of its own so that the peak RSS belongs to one configuration.
 */
public final class RunnerThroughput {
    private RunnerThroughput() {}

    /** Runs each K once (after a small warm-up run) and prints one line per K. */
    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        List<Integer> ks = Stream.of((args.length > 1 ? args[1] : "4,16,64").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Delays delays = new Delays(
                Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 1000),
                Duration.ofMillis(args.length > 4 ? Long.parseLong(args[4]) : 500),
                Duration.ofMillis(args.length > 5 ? Long.parseLong(args[5]) : 0));
        Path work = Files.createTempDirectory("editloop-throughput");
        try {
            // warm-up: class loading and JIT of every path at the highest K, without delays (a few seconds)
            int warmK = ks.stream().mapToInt(Integer::intValue).max().orElse(4);
            for (int i = 0; i < 3; i++) {
                measure(
                        work.resolve("warm-up-" + i),
                        Math.max(64, warmK),
                        warmK,
                        rounds,
                        new Delays(Duration.ZERO, Duration.ZERO, Duration.ZERO));
            }
            for (int k : ks) {
                Result r = measure(work.resolve("k" + k), cases, k, rounds, delays);
                System.out.println(r.line());
            }
        } finally {
            delete(work);
        }
    }

    /**
     * One measured run.
     *
     * @param wallSeconds the run's wall time
     * @param idealSeconds the backends' total delay divided by K
     * @param cpuSecondsPerCase the process's CPU time during the run, per case
     * @param peakRssMb the process's peak resident set so far (Linux {@code VmHWM}), or -1 where unknown
     * @param heapAfterMb heap in use after a GC at the end of the run
     */
    public record Result(
            int cases,
            int k,
            int rounds,
            double wallSeconds,
            double idealSeconds,
            double cpuSecondsPerCase,
            long peakRssMb,
            long heapAfterMb,
            long done) {
        /** The efficiency: ideal / wall. */
        public double efficiency() {
            return idealSeconds / wallSeconds;
        }

        /** One line for the terminal. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%d cases x %d rounds, K=%d: wall %.2f s, ideal %.2f s, efficiency %.3f, CPU %.3f s/case,"
                            + " peak RSS %d MB, heap after GC %d MB, done %d",
                    cases,
                    rounds,
                    k,
                    wallSeconds,
                    idealSeconds,
                    efficiency(),
                    cpuSecondsPerCase,
                    peakRssMb,
                    heapAfterMb,
                    done);
        }
    }

    /** The backends' delays. */
    public record Delays(Duration edit, Duration think, Duration judge) {}

    /** Runs {@code cases} cases at concurrency {@code k} into a fresh folder and measures it. */
    public static Result measure(Path dir, int cases, int k, int rounds, Delays delays) throws IOException {
        Files.createDirectories(dir);
        Path image = dir.resolve("source.png");
        Images.writePng(TestImages.scene(64, 48, 1), image);
        List<BenchCase> list = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            list.add(new BenchCase(
                    "throughput", "case-" + i, "c" + (i % 4), "make it brighter, take " + i, image, null, null, null));
        }
        Path runDir = dir.resolve("run");
        BenchOptions options = BenchOptions.builder(runDir, "throughput", "none", list, new OneQuestion())
                .editor("delayed")
                .thinker("delayed")
                .judge("delayed")
                .maxTurns(rounds)
                .concurrency(k)
                .editLoop("perf", "perf")
                .build();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        BenchSummary summary;
        try (BackendSession session = new BackendSession(BackendRegistry.of(List.of(new Delayed(delays))));
                SqliteStore store = SqliteStore.open(runDir)) {
            summary = new BenchRunner(session).run(options, store, BenchListener.NONE);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double perCase = delays.edit().toMillis() * rounds
                + delays.think().toMillis() * rounds
                + delays.judge().toMillis() * rounds;
        double ideal = cases * perCase / 1000.0 / k;
        System.gc();
        long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        return new Result(
                cases,
                k,
                rounds,
                wall,
                ideal,
                cpu / cases,
                peakRssMb(),
                heap,
                summary.progress().done());
    }

    private static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NonRetriableException("interrupted");
        }
    }

    /**
     * Kind {@code delayed}: an editor that returns the source after its delay, a thinker that scores 5/5 and always
     * asks for another round (so every case makes exactly ROUNDS turns), a judge that answers 5 after its delay.
     */
    private record Delayed(Delays delays) implements BackendProvider {
        @Override
        public String kind() {
            return "delayed";
        }

        @Override
        public String description() {
            return "fixed-delay backends for the throughput harness";
        }

        @Override
        public Set<BackendRole> roles() {
            return Set.of(BackendRole.EDITOR, BackendRole.THINKER, BackendRole.JUDGE);
        }

        @Override
        public Editor editor(BackendSpec spec) {
            return new Editor() {
                @Override
                public EditResult edit(EditCall call) {
                    pause(delays.edit());
                    return EditResult.of(call.image(), List.of());
                }

                @Override
                public BackendIdentity identity() {
                    return BackendIdentity.of(
                            "delayed",
                            null,
                            List.of(),
                            Map.of("ms", delays.edit().toMillis()));
                }

                @Override
                public String describe() {
                    return identity().display();
                }
            };
        }

        @Override
        public Thinker thinker(BackendSpec spec) {
            return new Thinker() {
                @Override
                public Critique critique(CritiqueCall call) {
                    pause(delays.think());
                    return new Critique(
                            5.0,
                            5.0,
                            "not there yet",
                            call.originalInstruction() + " (round " + (call.turn() + 1) + ")",
                            Verdict.REFINE,
                            null,
                            "",
                            Usage.NONE);
                }

                @Override
                public Plan plan(PlanCall call) {
                    pause(delays.think());
                    return new Plan(call.instruction(), List.of(), null, "", "", Usage.NONE, null);
                }

                @Override
                public BackendIdentity identity() {
                    return BackendIdentity.of(
                            "delayed",
                            null,
                            List.of(),
                            Map.of("ms", delays.think().toMillis()));
                }

                @Override
                public String describe() {
                    return identity().display();
                }
            };
        }

        @Override
        public Judge judge(BackendSpec spec) {
            return new Judge() {
                @Override
                public Judgement judge(JudgeCall call) {
                    pause(delays.judge());
                    return new Judgement(call.protocol(), Map.of("score", 5.0), "", "5", Usage.NONE);
                }

                @Override
                public BackendIdentity identity() {
                    return BackendIdentity.of(
                            "delayed",
                            null,
                            List.of(),
                            Map.of("ms", delays.judge().toMillis()));
                }

                @Override
                public String describe() {
                    return identity().display();
                }
            };
        }
    }

    /** One question per turn; the case scores the judge's answer. */
    private static final class OneQuestion implements Protocol {
        @Override
        public String name() {
            return "one";
        }

        @Override
        public String description() {
            return "throughput harness: one question per turn";
        }

        @Override
        public List<JudgeCall> questions(
                BenchCase benchCase, Picture source, Picture edited, Picture reference, long seed) {
            return List.of(new JudgeCall(
                    "one",
                    "score",
                    List.of(JudgeImage.source(source), JudgeImage.edited(edited)),
                    "Score the edit.",
                    List.of(new Criterion("score", 0, 10, Criterion.Meaning.INSTRUCTION)),
                    benchCase.instruction(),
                    null,
                    seed));
        }

        @Override
        public CaseScore score(BenchCase benchCase, List<Judgement> answers) {
            Judgement a = answers.getFirst();
            return a == null
                    ? new CaseScore(benchCase.id(), benchCase.category(), null, null, false, List.of("no answer"))
                    : new CaseScore(
                            benchCase.id(),
                            benchCase.category(),
                            a.scores(),
                            Map.of("S", a.score("score")),
                            true,
                            null);
        }

        @Override
        public ScoreTable aggregate(List<CaseScore> scores) {
            return new ScoreTable(
                    "one", List.of("S"), List.of(new ScoreRow("overall", "overall", scores.size(), null)), null);
        }

        @Override
        public String headline() {
            return "S";
        }

        @Override
        public Map<String, String> promptHashes() {
            return Map.of();
        }
    }
}
