package dev.editloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page in Debian's chromium, driven by playwright-core: upload a shared photo, start an edit on the embedded
 * backends, see the turn cards appear and the run finish. The screenshot is kept in {@code target/e2e/page.png}.
 */
class PageE2eTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("EDITLOOP_CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    Path tmp;

    @Test
    void aPhotoDroppedOnThePageIsEditedTurnByTurn() throws Exception {
        String node = NodeClient.requireNode("playwright-core");
        NodeClient.need(Files.isExecutable(CHROMIUM), "chromium (" + CHROMIUM + ")");
        Path photo = TestImages.shared("astronaut.png").orElse(null);
        NodeClient.need(photo != null, "the shared photo ../shared/images/astronaut.png");
        Path shot = Path.of("target/e2e/page.png").toAbsolutePath();
        Files.createDirectories(shot.getParent());
        try (TestServer server = TestServer.start(tmp.resolve("data"))) {
            NodeClient.Result r = NodeClient.run(
                    node, "page-e2e.mjs", List.of(server.base.toString(), photo.toString(), shot.toString()), 180);
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode out = Json.MAPPER.readTree(r.out());
            assertThat(out.path("cards").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(out.path("best").asText())
                    .isEqualTo(String.valueOf(out.path("cards").asInt()));
            assertThat(out.path("status").asText()).startsWith("Done:");
            assertThat(out.path("chart").asInt()).isGreaterThanOrEqualTo(4);
            assertThat(out.path("slider").asText()).isEqualTo("49"); // moved with the keyboard
            assertThat(out.path("downloads").toString()).contains("Final image", "trajectory.json", "Report");
            assertThat(out.path("problems")).isEmpty();
            assertThat(shot).isNotEmptyFile();
        }
    }
}
