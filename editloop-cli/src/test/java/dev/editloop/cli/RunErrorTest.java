package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunErrorTest {
    @TempDir
    Path tmp;

    @Test
    void aBackendFailingMidRunExitsOneWithOneLineAndKeepsFinishedTurns() {
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of(
                "edit",
                "-i",
                TestImages.examplePath("chelsea.png").toString(),
                "-p",
                "make it look like an old photograph",
                "--editor",
                "test-flaky",
                "--out",
                out.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errorLines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("timed out after 3 attempts")
                        .contains("finished turns are kept in " + out));
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.stopReason()).isEqualTo("error");
        assertThat(t.error()).contains("test-flaky");
        assertThat(t.turns()).hasSize(1);
        assertThat(out.resolve("turn-1.png")).exists();
        assertThat(out.resolve("final.png")).exists();
        assertThat(out.resolve("report.html")).exists();
    }
}
