package dev.editloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.testkit.TestImages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/images/edits} with the official {@code openai} npm package as the client. */
class OpenAiClientTest {
    @TempDir
    Path tmp;

    @Test
    void theOfficialClientGetsTheEditedImageAndTheTrajectoryId() throws Exception {
        String node = NodeClient.requireNode("openai");
        try (TestServer server = TestServer.start(tmp.resolve("data"), o -> o.withToken("client-token", false))) {
            NodeClient.Result r = NodeClient.run(
                    node,
                    "openai-edit.mjs",
                    List.of(
                            server.base.toString(),
                            TestImages.examplePath("chelsea.png").toString(),
                            "client-token"),
                    120);
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode out = Json.MAPPER.readTree(r.out());
            assertThat(out.path("images").asInt()).isEqualTo(1);
            assertThat(out.path("png").asBoolean()).isTrue();
            assertThat(out.path("accepted").asText()).isEqualTo("true");
            String id = out.path("trajectory").asText();
            server.token = "client-token";
            JsonNode job = server.get("/api/jobs/" + id).json();
            assertThat(job.path("origin").asText()).isEqualTo("openai");
            assertThat(job.path("status").asText()).isEqualTo("finished");
            assertThat(job.path("best_turn").asInt()).isEqualTo(2);
            // the image returned is the job's final image, byte for byte in size
            assertThat(out.path("bytes").asInt())
                    .isEqualTo(
                            server.get("/api/jobs/" + id + "/images/final.png").body().length);
            assertThat(out.path("badModel").path("status").asInt()).isEqualTo(400);
            assertThat(out.path("badModel").path("message").asText())
                    .startsWith("unknown model 'no-such-profile' (known: default, think-while-edit");
        }
    }
}
