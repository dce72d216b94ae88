package dev.editloop.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.SqliteStore;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a benchmark case's folder holds ({@link CaseRecorder}): the source as the loop saw it (a PNG source copied byte
 * for byte, another format encoded as PNG), every turn's image, the final image (the best turn's pixels) and the
 * finished trajectory; no per-case {@code report.html}.
 */
class CaseRecorderTest {
    @TempDir
    Path dir;

    @Test
    void aCaseFolderHoldsTheSourceEveryTurnTheFinalImageAndTheTrajectory() throws Exception {
        Path png = dir.resolve("a.png");
        Images.writePng(TestImages.scene(96, 64, 3), png);
        Path jpeg = dir.resolve("b.jpg");
        Files.write(jpeg, Images.encodeJpeg(TestImages.scene(96, 64, 4), 90));
        List<BenchCase> cases = List.of(
                new BenchCase("test", "png", "c", "make it black and white", png, null, null, Map.of()),
                new BenchCase("test", "jpeg", "c", "apply a sepia tone", jpeg, null, null, Map.of()));
        Path runDir = dir.resolve("run");
        BenchOptions options = BenchOptions.builder(runDir, "test", "hash", cases, new AskProtocol())
                .maxTurns(2)
                .concurrency(2)
                .editLoop("test", "test")
                .build();
        try (BackendSession session = TestBackends.session();
                SqliteStore store = SqliteStore.open(runDir)) {
            assertThat(new BenchRunner(session)
                            .run(options, store, BenchListener.NONE)
                            .complete())
                    .isTrue();
            for (CaseOutcome o : store.outcomes()) {
                Path trajectoryFile = runDir.resolve(o.trajectory());
                Path caseDir = trajectoryFile.getParent();
                Trajectory t = TrajectoryJson.read(trajectoryFile);
                assertThat(t.stopReason()).isEqualTo(o.stopReason());
                assertThat(t.turns()).hasSize(o.turns().size());
                Picture source = Images.read(o.benchCase().image());
                assertThat(Images.read(caseDir.resolve(Trajectory.SOURCE_IMAGE)))
                        .isEqualTo(source);
                if (o.benchCase().id().equals("png")) {
                    assertThat(caseDir.resolve(Trajectory.SOURCE_IMAGE)).hasSameBinaryContentAs(png);
                }
                for (var turn : o.turns()) {
                    assertThat(runDir.resolve(turn.image())).isRegularFile();
                }
                assertThat(t.finalImage()).isEqualTo(Trajectory.FINAL_IMAGE);
                Picture expected = Boolean.TRUE.equals(t.accepted())
                        ? Images.read(caseDir.resolve(Trajectory.turnImage(t.bestTurn())))
                        : source;
                assertThat(Images.read(caseDir.resolve(Trajectory.FINAL_IMAGE))).isEqualTo(expected);
                assertThat(caseDir.resolve(RunFolder.REPORT)).doesNotExist();
            }
            assertThat(store.outcomes()).hasSize(2);
        }
    }
}
