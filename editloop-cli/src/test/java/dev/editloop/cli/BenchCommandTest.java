package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.bench.store.Stores;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code editloop bench} end to end on RISEBench-64 with the embedded backends and judge: a run killed with kill -9
 * half-way and resumed, its report as JSON and HTML, a single-pass run of the same cases, and {@code --vs} between
 * them.
 */
@DisabledOnOs(OS.WINDOWS)
class BenchCommandTest {
    private static final int CASES = 12;

    @TempDir
    Path tmp;

    private static Path rise() {
        Path data = TestImages.repoRoot()
                .resolveSibling("shared")
                .resolve("benchmarks")
                .resolve("risebench-64");
        assumeThat(data.resolve("data_total.json"))
                .as("RISEBench-64 lives in the shared folder next to the repository")
                .exists();
        return data;
    }

    private List<String> runArgs(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "bench",
                "run",
                "rise",
                "--data",
                rise().toString(),
                "--limit",
                String.valueOf(CASES),
                "--max-turns",
                "2",
                "-k",
                "2",
                "--out",
                out.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void aRunKilledHalfWayResumesWithoutRedoingFinishedCasesAndComparesWithASinglePass() throws Exception {
        Path loop = tmp.resolve("rise-loop");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(
                java,
                "-Djava.awt.headless=true",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classpath,
                Main.class.getName()));
        command.addAll(runArgs(loop));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile())
                .start();
        Map<String, String> before;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            int done = 0;
            while (System.nanoTime() < deadline && child.isAlive()) {
                if (Files.isRegularFile(loop.resolve("run.db"))) {
                    try (ResultStore store = Stores.open(null, loop)) {
                        done = store.counts().done();
                    } catch (RuntimeException busy) {
                        // the child is creating the database: look again
                    }
                }
                if (done >= 3) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(child.isAlive())
                    .as("the child is still working when killed; log: %s", Files.readString(tmp.resolve("child.log")))
                    .isTrue();
            assertThat(done).as("cases done before the kill").isBetween(3, CASES - 1);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (ResultStore store = Stores.open(null, loop)) {
            before = store.outcomes().stream()
                    .collect(Collectors.toMap(o -> o.benchCase().id(), o -> fingerprint(loop, o)));
        }

        CliRun resumed = CliRun.of(runArgs(loop).toArray(String[]::new));
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("rise: 64 cases").contains("done, 0 failed of " + CASES + " cases");
        assertThat(resumed.out())
                .as("the benchmark's own table")
                .contains("accuracy")
                .contains("overall");
        try (ResultStore store = Stores.open(null, loop)) {
            List<CaseOutcome> outcomes = store.outcomes();
            assertThat(outcomes).hasSize(CASES);
            assertThat(outcomes.stream().map(o -> o.benchCase().id()).distinct())
                    .hasSize(CASES);
            Map<String, String> after = outcomes.stream()
                    .collect(Collectors.toMap(o -> o.benchCase().id(), o -> fingerprint(loop, o)));
            before.forEach((id, print) -> assertThat(after.get(id))
                    .as("case %s finished before the kill is not redone", id)
                    .isEqualTo(print));
        }
        assertThat(loop.resolve("bench-report.html")).isNotEmptyFile();

        CliRun single = CliRun.of(
                runArgs(tmp.resolve("rise-single"), "--strategy", "single").toArray(String[]::new));
        assertThat(single.exit()).as(single.err()).isZero();

        CliRun json = CliRun.of(
                "bench",
                "report",
                loop.toString(),
                "--vs",
                tmp.resolve("rise-single").toString(),
                "--format",
                "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.toString())
                .contains("accuracy")
                .contains("think-while-edit")
                .contains("single");
        assertThat(json.out()).containsAnyOf("\"better\"", "\"worse\"", "\"no evidence\"");

        CliRun html = CliRun.of("bench", "report", loop.toString(), "--format", "html");
        assertThat(html.exit()).as(html.err()).isZero();
        String page = Files.readString(loop.resolve("bench-report.html"));
        assertThat(page)
                .contains("temporal_reasoning_1")
                .doesNotContain("http://")
                .doesNotContain("https://");

        CliRun cases = CliRun.of("bench", "report", loop.toString(), "--format", "cases");
        assertThat(cases.exit()).as(cases.err()).isZero();
        assertThat(cases.out().lines().filter(l -> l.contains("\"index\""))).hasSize(CASES);
    }

    @Test
    void onTheDemoSetTheLoopBeatsASinglePassOnMoodsAndClaimsNoObjectEdit() throws Exception {
        String demo = TestImages.repoRoot().resolve("examples/bench/demo.jsonl").toString();
        Path loop = tmp.resolve("demo-loop");
        Path single = tmp.resolve("demo-single");
        CliRun a = CliRun.of("bench", "run", "jsonl", "--data", demo, "--out", loop.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        CliRun b =
                CliRun.of("bench", "run", "jsonl", "--data", demo, "--strategy", "single", "--out", single.toString());
        assertThat(b.exit()).as(b.err()).isZero();

        CliRun vs = CliRun.of("bench", "report", loop.toString(), "--vs", single.toString(), "--format", "json");
        assertThat(vs.exit()).as(vs.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(vs.out());
        JsonNode differences = json.findValue("differences");
        JsonNode concept = null;
        JsonNode object = null;
        for (JsonNode d : differences) {
            if (d.toString().contains("headline") && d.toString().contains("\"concept\"")) {
                concept = d;
            }
            if (d.toString().contains("headline") && d.toString().contains("\"object\"")) {
                object = d;
            }
        }
        assertThat(concept)
                .as("the headline difference on moods, in %s", differences)
                .isNotNull();
        assertThat(concept.toString()).contains("better");
        assertThat(object.toString())
                .as("nothing gained by claiming object edits")
                .contains("no evidence");
        try (ResultStore store = Stores.open(null, loop)) {
            for (CaseOutcome o : store.outcomes()) {
                if (o.benchCase().category().equals("object")) {
                    assertThat(o.best().orElseThrow().semantic())
                            .as("the thinker does not claim %s", o.benchCase().instruction())
                            .isLessThan(5);
                }
            }
        }
    }

    @Test
    void theRegionSuiteReportsTheLeakOfAnEditorThatLeaksAndNoneAfterTheRepair() {
        String regions =
                TestImages.repoRoot().resolve("examples/bench/regions.jsonl").toString();
        Path out = tmp.resolve("regions-leaky");
        CliRun run = CliRun.of(
                "bench", "run", "jsonl", "--data", regions, "--editor", "embedded?leak=12", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        CliRun report = CliRun.of("bench", "report", out.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        String all = report.out()
                .lines()
                .filter(l -> l.strip().startsWith("all "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no region table in:\n" + report.out()));
        String[] f = all.strip().split("\\s+");
        // category cases turns ΔE-before ΔE-after |RGB|-before |RGB|-after SSIM-before SSIM-after leaked repaired
        assertThat(f[1]).isEqualTo("8");
        assertThat(Double.parseDouble(f[5]))
                .as("|RGB| before: the 12-level leak")
                .isBetween(11.5, 12.0);
        assertThat(Double.parseDouble(f[4])).as("ΔE after").isZero();
        assertThat(Double.parseDouble(f[6])).as("|RGB| after").isZero();
        assertThat(f[9]).as("every turn leaked").isEqualTo(f[2]);
        assertThat(f[10]).as("and was repaired").isEqualTo(f[2]);
    }

    @Test
    void dryRunCountsCallsAndCostWithoutCallingAnything() {
        Path out = tmp.resolve("dry");
        CliRun dry =
                CliRun.of(runArgs(out, "--dry-run", "--price", "judge=0.01").toArray(String[]::new));
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains(String.valueOf(CASES)).containsIgnoringCase("judge");
        assertThat(out.resolve("cases")).doesNotExist();
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        CliRun unknown = CliRun.of(
                "bench",
                "run",
                "nosuch",
                "--data",
                tmp.toString(),
                "--out",
                tmp.resolve("o").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown suite").contains("rise");

        CliRun missing = CliRun.of(
                "bench",
                "run",
                "rise",
                "--data",
                tmp.resolve("none").toString(),
                "--out",
                tmp.resolve("o2").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errorLines()).hasSize(1);

        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        CliRun foreign = CliRun.of(runArgs(busy).toArray(String[]::new));
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.errorLines()).singleElement().asString().contains("notes.txt");
        assertThat(busy.resolve("run.db")).doesNotExist();
    }

    @Test
    void suitesListsEveryLayout() {
        CliRun suites = CliRun.of("bench", "suites");
        assertThat(suites.exit()).isZero();
        for (String name : List.of("gedit", "imgedit", "kris", "rise", "jsonl")) {
            assertThat(suites.out()).contains(name);
        }
    }

    @Test
    void reportOfAFolderWithoutARunSaysSo() {
        CliRun report = CliRun.of("bench", "report", tmp.toString());
        assertThat(report.exit()).isEqualTo(2);
        assertThat(report.errorLines()).singleElement().asString().contains("holds no benchmark run");
    }

    /** What a redone case would change: its trajectory file's time and its scores. */
    private static String fingerprint(Path run, CaseOutcome o) {
        try {
            return Files.getLastModifiedTime(run.resolve(o.trajectory())).toInstant() + "|"
                    + o.turns().stream()
                            .map(t -> t.image() + ":" + t.semantic())
                            .collect(Collectors.joining(","));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
