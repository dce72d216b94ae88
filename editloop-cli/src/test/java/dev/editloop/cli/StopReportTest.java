package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How `editloop edit` says why a run stopped: in its progress lines and its summary. */
class StopReportTest {
    @TempDir
    Path tmp;

    private final String cat = TestImages.examplePath("chelsea.png").toString();

    @Test
    void theTurnThatMetTheThresholdSaysSo() {
        CliRun run = CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "make it black and white",
                "--out",
                tmp.resolve("bw").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err())
                .containsPattern("turn 1/5 SC [0-9.]+ PQ [0-9.]+ → threshold met")
                .doesNotContain("→ refine")
                .contains("done: threshold");
    }

    @Test
    void aTurnThatIsRefinedSaysRefine() {
        CliRun run = CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "make this look like an old photograph",
                "--out",
                tmp.resolve("old").toString());
        assertThat(run.err())
                .containsPattern("turn 1/5 SC [0-9.]+ PQ [0-9.]+ → refine")
                .containsPattern("turn 2/5 SC [0-9.]+ PQ [0-9.]+ → threshold met");
    }

    @Test
    void thinkBeforeEditStopsBeforeEditingWhenThePlannerSaysItCannotBeDone() {
        Path out = tmp.resolve("dog");
        CliRun run = CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "replace the cat with a dog",
                "--strategy",
                "think-before-edit",
                "--out",
                out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.stopReason()).isEqualTo("verdict_failed");
        assertThat(t.turns()).as("nothing was edited").isEmpty();
        assertThat(t.finalImage()).isNull();
        assertThat(out.resolve("final.png")).doesNotExist();
        assertThat(out.resolve("report.html")).exists();
        assertThat(run.err())
                .contains("the thinker says the editor cannot do this")
                .doesNotContain("editing source");
        assertThat(run.out())
                .contains("stopped:     verdict_failed")
                .containsPattern("thinker: +\\S.*")
                .contains("best turn:   none")
                .contains("(report.html, trajectory.json)")
                .doesNotContain("final.png");
    }

    @Test
    void singleSaysVerdictFailedWithTheThinkersReason() {
        Path out = tmp.resolve("single-dog");
        CliRun run = CliRun.of(
                "edit", "-i", cat, "-p", "replace the cat with a dog", "--strategy", "single", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(TrajectoryJson.read(out.resolve("trajectory.json")).stopReason())
                .isEqualTo("verdict_failed");
        assertThat(run.out())
                .contains("stopped:     verdict_failed")
                .containsPattern("thinker: +\\S.*")
                .contains("(final.png, report.html, trajectory.json)");
    }
}
