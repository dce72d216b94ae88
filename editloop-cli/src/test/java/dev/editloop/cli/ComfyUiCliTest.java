package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeComfyUiServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code editloop edit} with a ComfyUI editor (the loopback fake): a server without a model file the workflow names
 * ends the run at its first edit with exit 1, as docs/backends.md says, in one line naming the file and its folder.
 */
class ComfyUiCliTest {
    @TempDir
    Path tmp;

    private final FakeComfyUiServer server = new FakeComfyUiServer();
    private final String cat = TestImages.examplePath("chelsea.png").toString();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun edit(Path out) {
        return CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "make it look like an old photograph",
                "--editor",
                "comfyui:" + server.baseUri() + "?workflow=qwen-image-edit&poll=5ms&retry_delay=0",
                "--max-turns",
                "2",
                "-o",
                out.toString());
    }

    @Test
    void aRunOnComfyUiEditsEveryTurn() throws Exception {
        Path out = tmp.resolve("run");
        CliRun run = edit(out);
        assertThat(run.exit()).as(run.err()).isZero();
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.turns()).isNotEmpty();
        assertThat(server.requests("/prompt")).hasSize(t.turns().size());
    }

    @Test
    void aMissingModelFileIsABackendFailureExitingWithOne() throws Exception {
        server.withoutModelFile("qwen_image_vae.safetensors");
        Path out = tmp.resolve("run");

        CliRun run = edit(out);

        assertThat(run.exit()).as(run.err()).isEqualTo(Main.RUN_ERROR).isEqualTo(1);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("ComfyUI at " + server.baseUri()
                        + " has no VAELoader model 'qwen_image_vae.safetensors': put it in models/vae/")
                .contains("finished turns are kept in " + out);
        assertThat(TrajectoryJson.read(out.resolve("trajectory.json")).stopReason())
                .isEqualTo("error");
        assertThat(server.requests("/prompt"))
                .as("nothing was queued, and nothing retried")
                .isEmpty();
        assertThat(server.requests("/object_info")).hasSize(1);
    }
}
