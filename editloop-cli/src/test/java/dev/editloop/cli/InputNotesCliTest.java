package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code editloop edit} says and keeps about its input: transparency, reductions, another language. */
class InputNotesCliTest {
    @TempDir
    Path tmp;

    @Test
    void aTransparentPngIsEditedAndKeepsItsTransparencyWithANote() throws Exception {
        BufferedImage logo = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                boolean inside = (x - 32) * (x - 32) + (y - 24) * (y - 24) < 400;
                logo.setRGB(x, y, inside ? 0xff000000 | (x * 4) << 16 | (y * 5) << 8 | 90 : 0x00000000);
            }
        }
        Path image = tmp.resolve("logo.png");
        ImageIO.write(logo, "png", image.toFile());
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of(
                "edit", "-i", image.toString(), "-p", "make it black and white", "--out", out.toString(), "--quiet");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .startsWith("editloop: note: the image has transparency");
        for (String file : new String[] {"source.png", "turn-1.png", "final.png"}) {
            BufferedImage written = ImageIO.read(out.resolve(file).toFile());
            assertThat(written.getColorModel().hasAlpha()).as(file).isTrue();
            assertThat(written.getRGB(0, 0) >>> 24).as(file + " corner").isZero();
            assertThat(written.getRGB(32, 24) >>> 24).as(file + " centre").isEqualTo(255);
        }
        int centre = ImageIO.read(out.resolve("final.png").toFile()).getRGB(40, 24);
        assertThat((centre >> 16) & 0xFF)
                .as("final is grey")
                .isCloseTo(centre & 0xFF, org.assertj.core.api.Assertions.within(2));
    }

    @Test
    void aChineseInstructionStopsWithTheReason() throws Exception {
        Path out = tmp.resolve("zh");
        CliRun run = CliRun.of(
                "edit",
                "-i",
                dev.editloop.testkit.TestImages.examplePath("coffee.png").toString(),
                "-p",
                "把这张照片变成黑白的",
                "--out",
                out.toString(),
                "--quiet");
        assertThat(run.exit()).as(run.err()).isZero();
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.stopReason()).isEqualTo("verdict_failed");
        assertThat(run.out()).contains("the embedded thinker reads English; use a model thinker for other languages");
    }
}
