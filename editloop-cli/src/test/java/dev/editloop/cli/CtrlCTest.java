package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.editloop.core.image.Images;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code editloop edit}, for real: the command runs in its own JVM with an editor that hangs on its second
 * call ({@code test-slow}), gets SIGINT while turn 2 is being edited, and must leave a complete run folder, one line
 * on stderr and exit status 130.
 */
@DisabledOnOs(OS.WINDOWS)
class CtrlCTest {
    @TempDir
    Path tmp;

    @Test
    void ctrlCCancelsTheRunWritesTheFolderAndExits130() throws Exception {
        assumeThat(Path.of("/bin/kill")).as("kill(1) sends the SIGINT").exists();
        Path out = tmp.resolve("run");
        Path marker = tmp.resolve("interrupted.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-Djava.awt.headless=true",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classpath,
                Main.class.getName(),
                "edit",
                "-i",
                TestImages.examplePath("chelsea.png").toString(),
                "-p",
                "make this look like an old photograph",
                "--editor",
                "test-slow?fast=1&interrupted=" + marker,
                "--out",
                out.toString());
        Process process = builder.start();
        List<String> err = new CopyOnWriteArrayList<>();
        CountDownLatch turnTwo = new CountDownLatch(1);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    err.add(line);
                    if (line.contains("turn 2/5 editing")) {
                        turnTwo.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String stdout;
        try {
            assertThat(turnTwo.await(60, TimeUnit.SECONDS))
                    .as("turn 2 started; stderr so far: %s", err)
                    .isTrue();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            assertThat(kill.waitFor()).isZero();
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("the command exited promptly after Ctrl-C")
                    .isTrue();
            reader.get(10, TimeUnit.SECONDS);
            stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
        }

        assertThat(process.exitValue()).as("stderr: %s", err).isEqualTo(130);
        List<String> messages = new ArrayList<>(
                err.stream().filter(l -> l.startsWith("editloop:")).toList());
        assertThat(messages)
                .containsExactly("editloop: cancelled; finished turns, final.png and report.html are in " + out);
        assertThat(stdout).as("no summary after Ctrl-C").isEmpty();
        assertThat(marker).as("the editor's call in flight was interrupted").exists();

        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.stopReason()).isEqualTo("cancelled");
        assertThat(t.turns()).hasSize(1);
        assertThat(t.bestTurn()).isEqualTo(1);
        assertThat(t.finalImage()).isEqualTo("final.png");
        assertThat(Images.read(out.resolve("final.png"))).isEqualTo(Images.read(out.resolve("turn-1.png")));
        assertThat(out.resolve("source.png")).exists();
        assertThat(out.resolve("turn-2.png")).doesNotExist();
        assertThat(Files.readString(out.resolve("report.html"))).contains("make this look like an old photograph");
    }
}
