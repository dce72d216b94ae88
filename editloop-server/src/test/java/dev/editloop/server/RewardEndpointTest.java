package dev.editloop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.testkit.TestImages;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /v1/rewards} over loopback HTTP: the rewards of the README's worked examples, an edit reward run on the
 * embedded backends, identical edits run once, every bad field a 4xx naming the rollout and the field, 429 when the
 * batch slots are full, the token.
 */
class RewardEndpointTest {
    private static final String PERFECT = """
            <think>The sky is orange as asked, but the sea stayed grey.</think>
            <score>{"semantic": 6, "quality": 8}</score>
            <answer>turn the sky orange and tint the sea orange too</answer>""";
    private static final String OLD_PHOTO = "make this look like an old photograph";

    @TempDir
    Path tmp;

    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer start(UnaryOperator<RewardOptions> rewards) {
        server = TestServer.start(tmp.resolve("data"), o -> o.withRewards(rewards.apply(o.rewards())));
        return server;
    }

    private TestServer.Response post(Object body) {
        return postRaw(Json.write(body));
    }

    private TestServer.Response postRaw(String body) {
        return server.send(server.request("/v1/rewards")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static ObjectNode rollout(String id, String reply, double sc, double pq) {
        ObjectNode r = Json.object();
        r.put("id", id);
        r.put("reply", reply);
        r.put("scorer_semantic", sc);
        r.put("scorer_quality", pq);
        return r;
    }

    private static ObjectNode batch(ObjectNode... rollouts) {
        ObjectNode b = Json.object();
        ArrayNode list = b.putArray("rollouts");
        for (ObjectNode r : rollouts) {
            list.add(r);
        }
        return b;
    }

    private JsonNode rewards(TestServer.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().path("rewards");
    }

    private JsonNode error(TestServer.Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.text()).doesNotContain(tmp.toString());
        return r.json().path("error");
    }

    private static String chelsea64() throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(TestImages.examplePath("chelsea.png")));
    }

    @Test
    void formatAndCriticRewardsAreTheWorkedExamplesInTheInputsOrder() {
        start(o -> o);
        JsonNode out = rewards(post(batch(
                rollout("perfect", PERFECT, 7, 7),
                rollout("list", "<think>ok</think><score>[6, 8]</score><answer>more orange</answer>", 6, 8),
                rollout(
                        "swapped",
                        "<think>ok</think><answer>x</answer><score>{\"semantic\": 6, \"quality\": 8}</score>",
                        6,
                        8),
                rollout(
                        "bad",
                        "<think>ok</think><score>{\"semantic\": 60, \"quality\": 8}</score><answer>x</answer>"
                                + " Thanks!",
                        6,
                        8))));
        assertThat(out).hasSize(4);
        assertThat(out.findValuesAsText("id")).containsExactly("perfect", "list", "swapped", "bad");
        JsonNode perfect = out.get(0);
        // format 1; the reply says (6, 8), the scorer gave (7, 7): critic 1 − 2/20 = 0.9; no image: no edit reward
        assertThat(perfect.path("format").asDouble()).isEqualTo(1.0);
        assertThat(perfect.path("critic").asDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(perfect.path("edit").isNull()).isTrue();
        assertThat(perfect.path("total").asDouble()).isCloseTo(1.9, within(1e-12));
        assertThat(perfect.path("predicted_semantic").asDouble()).isEqualTo(6.0);
        assertThat(perfect.path("predicted_quality").asDouble()).isEqualTo(8.0);
        assertThat(perfect.path("problems")).isEmpty();
        assertThat(out.get(1).path("format").asDouble()).isEqualTo(0.5);
        assertThat(out.get(2).path("format").asDouble()).isEqualTo(0.5);
        assertThat(out.get(3).path("format").asDouble()).isZero();
        assertThat(out.get(3).path("problems").toString())
                .contains("text after </answer>")
                .contains("score out of range 0–10");

        // weights change the total only
        ObjectNode weighted = batch(rollout("perfect", PERFECT, 7, 7));
        weighted.putObject("weights").put("format", 2).put("critic", 0.5);
        JsonNode w = post(weighted).json();
        assertThat(w.path("rewards").get(0).path("total").asDouble()).isCloseTo(2 + 0.45, within(1e-12));
        assertThat(w.path("weights").path("edit").asDouble()).isEqualTo(1.0);
    }

    @Test
    void anEditRewardRunsTheRefinedInstructionOnTheEmbeddedBackends() throws IOException {
        start(o -> o);
        // the README's example rollouts: the source sent once in "images", named by each rollout
        String good = "<think>The cat is unchanged: no sepia, no grain.</think>\n"
                + "<score>{\"semantic\": 0, \"quality\": 10}</score>\n"
                + "<answer>apply a sepia tone at 85%, then decrease the contrast by 25%, then add a vignette at 40%,"
                + " then add film grain at 25%</answer>";
        String lazy = "<think>Looks fine.</think>\n<score>{\"semantic\": 9, \"quality\": 9}</score>\n<answer>"
                + OLD_PHOTO + "</answer>";
        String sloppy = "Scores: [1, 9]. Try: apply a sepia tone at 85%";
        ObjectNode body = batch(
                withImage(rollout("good", good, 0, 10)),
                withImage(rollout("lazy", lazy, 0, 10)),
                withImage(rollout("sloppy", sloppy, 0, 10)));
        body.putObject("images").put("cat", chelsea64());
        TestServer.Response response = post(body);
        JsonNode out = rewards(response);
        JsonNode g = out.get(0);
        assertThat(g.path("refined_instruction").asText()).startsWith("apply a sepia tone at 85%");
        // the embedded editor's result scores 9 or more where the critiqued turn scored 0: edit = (O − 0)/10
        double after = g.path("overall_after").asDouble();
        assertThat(after).isBetween(9.0, 10.0);
        assertThat(g.path("edit").asDouble()).isCloseTo(after / 10, within(1e-9));
        assertThat(g.path("total").asDouble()).isCloseTo(2 + after / 10, within(1e-9));
        // "lazy" repeats the instruction: the loop would stop, edit 0; it claims 9/9 for (0, 10): critic 0.5
        assertThat(out.get(1).path("edit").asDouble()).isZero();
        assertThat(out.get(1).path("critic").asDouble()).isEqualTo(0.5);
        assertThat(out.get(1).path("refined_instruction").isNull()).isTrue();
        assertThat(out.get(2).path("edit").asDouble()).isEqualTo(-1.0);
        assertThat(out.get(2).path("total").asDouble()).isEqualTo(-1.0);
        assertThat(response.json().path("edits").asInt()).isEqualTo(1);
        // the source is kept only while the batch needs it
        try (var files = Files.list(tmp.resolve("data/rewards"))) {
            assertThat(files.toList()).isEmpty();
        }

        // the same source inline, as a data URL: the same reward (the edit comes from the server's memo)
        ObjectNode inline = batch(rollout("good", good, 0, 10)
                .put("source_image", "data:image/png;base64," + chelsea64())
                .put("original_instruction", OLD_PHOTO)
                .put("previous_instruction", OLD_PHOTO)
                .put("task", "concept"));
        assertThat(rewards(post(inline)).get(0).path("edit").asDouble()).isCloseTo(after / 10, within(1e-9));
    }

    private static ObjectNode withImage(ObjectNode r) {
        return r.put("source_image_ref", "cat")
                .put("original_instruction", OLD_PHOTO)
                .put("previous_instruction", OLD_PHOTO)
                .put("task", "concept");
    }

    @Test
    void identicalEditsInABatchRunOnceAndLaterBatchesReuseThem() throws IOException {
        start(o -> o.withBackends("test-count?name=once", "embedded"));
        String other = PERFECT.replace("tint the sea orange too", "make the sea orange as well");
        ObjectNode body = batch(
                withImage(rollout("a", PERFECT, 4, 9)),
                withImage(rollout("b", PERFECT, 4, 9)),
                withImage(rollout("c", PERFECT, 4, 9)),
                withImage(rollout("d", other, 4, 9)));
        body.putObject("images").put("cat", chelsea64());
        TestServer.Response r = post(body);
        JsonNode out = rewards(r);
        assertThat(CountingProvider.calls("once")).isEqualTo(2);
        assertThat(CountingProvider.instructions("once"))
                .containsExactlyInAnyOrder(
                        "turn the sky orange and tint the sea orange too",
                        "turn the sky orange and make the sea orange as well");
        assertThat(r.json().path("edits").asInt()).isEqualTo(2);
        // the three identical rollouts share one edit and so one score
        assertThat(out.get(0).path("overall_after").asDouble())
                .isEqualTo(out.get(1).path("overall_after").asDouble())
                .isEqualTo(out.get(2).path("overall_after").asDouble());
        for (JsonNode row : out) {
            assertThat(row.path("edit").isNumber()).as(row.toString()).isTrue();
            assertThat(row.path("problems").toString()).doesNotContain("edit failed");
        }
        // a later batch asking for the same edit takes it from the memo
        rewards(post(body));
        assertThat(CountingProvider.calls("once")).isEqualTo(2);
    }

    @Test
    void everyBadFieldIsOneClearErrorNamingTheRolloutAndTheField() throws IOException {
        start(o -> o.withLimits(o.editConcurrency(), o.batches(), 3, 64 * 1024));
        JsonNode e = error(postRaw("{\"rollouts\": [ {\"id\": \"a\", "), 400);
        assertThat(e.path("message").asText()).startsWith("the body is not JSON (line 1");

        e = error(postRaw("[1, 2]"), 400);
        assertThat(e.path("message").asText()).contains("must be a JSON object");

        e = error(
                post(batch(
                        rollout("a", PERFECT, 4, 9), rollout("b", PERFECT, 4, 9).put("colour", "red"))),
                400);
        assertThat(e.path("param").asText()).isEqualTo("rollouts[1].colour");
        assertThat(e.path("message").asText()).startsWith("rollouts[1]: unknown field 'colour' (known: id, reply,");

        ObjectNode wrongType = rollout("a", PERFECT, 4, 9);
        wrongType.put("reply", 42);
        e = error(post(batch(wrongType)), 400);
        assertThat(e.path("param").asText()).isEqualTo("rollouts[0].reply");
        assertThat(e.path("message").asText()).isEqualTo("rollouts[0].reply must be a string, got a number");

        e = error(post(batch(rollout("a", PERFECT, 4, 9), rollout("b", PERFECT, 4, 11))), 400);
        assertThat(e.path("param").asText()).isEqualTo("rollouts[1].scorer_quality");
        assertThat(e.path("message").asText()).isEqualTo("rollouts[1].scorer_quality must be within 0–10, got 11.0");

        e = error(post(batch(rollout("a", PERFECT, 4, 9).put("source_image", "iVBORw0K!!not base64"))), 400);
        assertThat(e.path("param").asText()).isEqualTo("rollouts[0].source_image");
        assertThat(e.path("message").asText()).startsWith("rollouts[0].source_image is not valid base64");

        String pdf = Base64.getEncoder().encodeToString("%PDF-1.7 not an image".getBytes());
        e = error(
                post(batch(
                        rollout("a", PERFECT, 4, 9).put("source_image", pdf).put("original_instruction", OLD_PHOTO))),
                400);
        assertThat(e.path("param").asText()).isEqualTo("rollouts[0].source_image");
        assertThat(e.path("message").asText())
                .isEqualTo("the image 'rollouts[0].source_image' is not PNG, JPEG, GIF or BMP");

        e = error(post(batch(rollout("a", PERFECT, 4, 9).put("source_image_ref", "cat"))), 400);
        assertThat(e.path("param").asText()).isEqualTo("rollouts[0].source_image_ref");

        e = error(post(batch(rollout("a", PERFECT, 4, 9).put("seed", 3))), 400);
        assertThat(e.path("param").asText()).isEqualTo("rollouts[0].seed");
        assertThat(e.path("message").asText()).contains("needs a source image");

        ObjectNode badWeight = batch(rollout("a", PERFECT, 4, 9));
        badWeight.putObject("weights").put("edit", -1);
        e = error(post(badWeight), 400);
        assertThat(e.path("param").asText()).isEqualTo("weights.edit");

        e = error(post(batch()), 400);
        assertThat(e.path("param").asText()).isEqualTo("rollouts");

        List<ObjectNode> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(rollout("r" + i, PERFECT, 4, 9));
        }
        e = error(post(batch(four.toArray(ObjectNode[]::new))), 413);
        assertThat(e.path("message").asText())
                .isEqualTo("the batch has 4 rollouts, above this server's limit of 3; split it");

        // the body limit (64 KB here), from Content-Length before reading
        ObjectNode big = batch(rollout("a", "x".repeat(70 * 1024), 4, 9));
        e = error(post(big), 413);
        assertThat(e.path("message").asText()).contains("larger than this server's limit of 65,536 bytes");

        e = error(server.get("/v1/rewards"), 405);
        assertThat(e.path("message").asText()).contains("allowed: POST");
    }

    @Test
    void aBatchWhileTheSlotsAreFullGets429WithRetryAfter() throws Exception {
        LatchProvider.reset();
        start(o -> o.withBackends("test-latch", "embedded").withLimits(1, 1, 16, 1024 * 1024));
        ObjectNode slow = batch(withImage(rollout("slow", PERFECT, 4, 9)));
        slow.putObject("images").put("cat", chelsea64());
        CompletableFuture<TestServer.Response> first = CompletableFuture.supplyAsync(() -> post(slow));
        try {
            // the slow batch holds the one admitted batch while its edit waits for the latch
            assertThat(LatchProvider.ENTERED.await(60, TimeUnit.SECONDS))
                    .as("the slow batch's edit started")
                    .isTrue();
            TestServer.Response busy = post(batch(rollout("quick", PERFECT, 4, 9)));
            JsonNode e = error(busy, 429);
            assertThat(e.path("type").asText()).isEqualTo("rate_limit_error");
            assertThat(Long.parseLong(busy.header("Retry-After"))).isBetween(1L, 600L);
        } finally {
            LatchProvider.RELEASE.countDown();
        }
        TestServer.Response done = first.get(60, TimeUnit.SECONDS);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(rewards(done).get(0).path("edit").isNumber()).isTrue();
        // the slot is free again
        assertThat(post(batch(rollout("after", PERFECT, 4, 9))).status()).isEqualTo(200);
    }

    @Test
    void withATokenTheEndpointNeedsIt() {
        server = TestServer.start(tmp.resolve("auth"), o -> o.withToken("reward-token", false));
        JsonNode e = error(post(batch(rollout("a", PERFECT, 7, 7))), 401);
        assertThat(e.path("message").asText()).doesNotContain("reward-token");
        server.token = "reward-token";
        assertThat(rewards(post(batch(rollout("a", PERFECT, 7, 7))))
                        .get(0)
                        .path("critic")
                        .asDouble())
                .isCloseTo(0.9, within(1e-12));
    }
}
