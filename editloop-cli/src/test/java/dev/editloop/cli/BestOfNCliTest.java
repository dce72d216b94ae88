package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --candidates}, {@code --budget} and {@code --min-gain} on {@code edit} and {@code bench run}. */
class BestOfNCliTest {
    @TempDir
    Path tmp;

    private final String cat = TestImages.examplePath("chelsea.png").toString();

    private CliRun edit(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "edit", "-i", cat, "-p", "make this look like an old photograph", "--out", out.toString(), "-q"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void candidatesAndABudgetRunBestOfNAndKeepEveryCandidate() throws Exception {
        Path out = tmp.resolve("best");
        CliRun run = edit(out, "--candidates", "3", "--budget", "9");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("EditLoop · best-of-n candidates=3 budget=calls:9")
                .contains("candidates: [seed 0 ")
                .contains("stopped:     threshold");
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.strategy()).isEqualTo("best-of-n");
        assertThat(t.turns()).hasSize(2);
        assertThat(t.turns().get(1).candidates())
                .extracting(Trajectory.CandidateRecord::seed)
                .containsExactly(3L, 4L, 5L);
        assertThat(out.resolve("turn-2-candidate-3.png")).isRegularFile();
        assertThat(Files.readString(out.resolve("report.html"))).contains("3 candidates, one critique each");
    }

    @Test
    void aBudgetThatRunsOutSaysSo() throws Exception {
        Path out = tmp.resolve("spent");
        // turn 1 (3 calls) leaves the mood unchanged; the budget pays for no second turn
        CliRun run = edit(out, "--candidates", "3", "--budget", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("stopped:     budget · the budget (3 editor calls) is spent: 3 editor calls");
        assertThat(TrajectoryJson.read(out.resolve("trajectory.json")).stopReason())
                .isEqualTo("budget");
    }

    @Test
    void badBestOfNInputIsOneLineAndExitTwo() {
        CliRun other = edit(tmp.resolve("a"), "--strategy", "single", "--candidates", "2");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err().strip().lines()).hasSize(1);
        assertThat(other.err()).contains("--candidates, --budget and --min-gain go with --strategy best-of-n");

        CliRun cost = edit(tmp.resolve("b"), "--budget", "cost:1");
        assertThat(cost.exit()).isEqualTo(2);
        assertThat(cost.err()).contains("a cost budget needs the price of a call: --price editor=");

        CliRun unread = edit(tmp.resolve("c"), "--budget", "lots");
        assertThat(unread.exit()).isEqualTo(2);
        assertThat(unread.err()).contains("cannot read the budget 'lots'");

        CliRun many = edit(tmp.resolve("d"), "--candidates", "99");
        assertThat(many.exit()).isEqualTo(2);
        assertThat(many.err()).contains("candidates per turn must be within 1..32, got 99");

        CliRun region = edit(tmp.resolve("e"), "--candidates", "2", "--region", "0,0,10,10");
        assertThat(region.exit()).isEqualTo(2);
        assertThat(region.err().strip().lines()).hasSize(1);
        assertThat(region.err()).contains("best-of-n does not take --mask, --region or --ref yet");
        assertThat(tmp.resolve("e")).doesNotExist();
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    @Test
    void benchRunTakesTheSameOptionsAndItsDryRunCountsCandidates() {
        Path data = TestImages.examplePath("bench/demo.jsonl");
        CliRun dry = CliRun.of(
                "bench",
                "run",
                "jsonl",
                "--data",
                data.toString(),
                "--candidates",
                "4",
                "--budget",
                "12",
                "--dry-run",
                "--price",
                "editor=0.04",
                "--out",
                tmp.resolve("dry").toString());
        assertThat(dry.exit()).as(dry.err()).isZero();
        // 20 cases, at most 12 editor calls and 12 critiques each
        assertThat(dry.out()).contains("at most: editor 240 calls, thinker 240").contains("editor 9.60");
    }
}
