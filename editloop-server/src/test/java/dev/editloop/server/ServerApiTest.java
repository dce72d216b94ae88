package dev.editloop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job API against a real server on a loopback port with the embedded backends. */
class ServerApiTest {
    @TempDir
    Path tmp;

    TestServer server;
    Path cat;

    @BeforeEach
    void start() {
        server = TestServer.start(tmp.resolve("data"));
        cat = TestImages.examplePath("chelsea.png");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aJobRunsTheLoopAndStreamsEachTurnInOrder() {
        String id = server.submit(TestServer.Form.of("make this look like an old photograph", cat));
        List<TestServer.Event> events = server.events(id, null);

        assertThat(events)
                .extracting(TestServer.Event::type)
                .startsWith(
                        "queued",
                        "started",
                        "turn_started",
                        "edit_done",
                        "critique",
                        "turn_started",
                        "edit_done",
                        "critique")
                .endsWith("finished");
        assertThat(events).extracting(TestServer.Event::id).isSorted().doesNotHaveDuplicates();
        TestServer.Event first = events.stream()
                .filter(e -> e.type().equals("critique"))
                .findFirst()
                .orElseThrow();
        assertThat(first.data().path("sc").asDouble()).isZero(); // the classic editor does not know moods
        assertThat(first.data().path("refined_instruction").asText()).contains("sepia");
        TestServer.Event done = events.getLast();
        assertThat(done.data().path("status").asText()).isEqualTo("finished");
        assertThat(done.data().path("stop_reason").asText()).isEqualTo("threshold");
        assertThat(done.data().path("best_turn").asInt()).isEqualTo(2);

        // the image an edit_done event names is there, as PNG
        String url = events.stream()
                .filter(e -> e.type().equals("edit_done"))
                .findFirst()
                .orElseThrow()
                .data()
                .path("image")
                .asText();
        TestServer.Response image = server.get(url);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/png");
        assertThat(new String(image.body(), 1, 3)).isEqualTo("PNG");

        JsonNode job = server.get("/api/jobs/" + id).json();
        assertThat(job.path("status").asText()).isEqualTo("finished");
        assertThat(job.path("turns").asInt()).isEqualTo(2);
        assertThat(job.path("accepted").asBoolean()).isTrue();
        JsonNode trajectory = server.get("/api/jobs/" + id + "/trajectory").json();
        assertThat(trajectory.path("turns")).hasSize(2);
        assertThat(trajectory.path("stop_reason").asText()).isEqualTo("threshold");
        assertThat(server.get("/api/jobs/" + id + "/images/final.png").status()).isEqualTo(200);
        assertThat(server.get("/api/jobs/" + id + "/report").text()).contains("<html");
        assertThat(server.get("/api/jobs").json().path("jobs").findValuesAsText("id"))
                .contains(id);
        // what the store and the folder hold agree
        assertThat(tmp.resolve("data/jobs/" + id + "/turn-2.png")).exists();
        assertThat(tmp.resolve("data/jobs.db")).exists();
    }

    @Test
    void lastEventIdResumesAfterThatEvent() {
        String id = server.submit(TestServer.Form.of("make it black and white", cat));
        List<TestServer.Event> all = server.events(id, null);
        List<TestServer.Event> rest = server.events(id, 3L);
        assertThat(rest).isEqualTo(all.subList(3, all.size()));
        assertThat(rest.getFirst().id()).isEqualTo(4);
    }

    @Test
    void aRunningJobIsCancelledAndKeepsWhatItHas() {
        String id = server.submit(TestServer.Form.of("make it brighter", cat).field("profile", "slow"));
        server.awaitRunning(id);
        TestServer.Response r = server.post("/api/jobs/" + id + "/cancel");
        assertThat(r.status()).isEqualTo(202);
        JsonNode done = server.awaitDone(id);
        assertThat(done.path("status").asText()).isEqualTo("cancelled");
        assertThat(done.path("stop_reason").asText()).isEqualTo("cancelled");
        assertThat(server.events(id, null).getLast().data().path("status").asText())
                .isEqualTo("cancelled");
        // a finished job cannot be cancelled again
        TestServer.Response again = server.post("/api/jobs/" + id + "/cancel");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error").path("message").asText()).contains("already cancelled");
    }

    @Test
    void aDeletedJobIsGoneWithItsFiles() {
        String id = server.submit(TestServer.Form.of("make it black and white", cat));
        server.awaitDone(id);
        assertThat(server.delete("/api/jobs/" + id).status()).isEqualTo(204);
        assertThat(server.get("/api/jobs/" + id).status()).isEqualTo(404);
        assertThat(tmp.resolve("data/jobs/" + id)).doesNotExist();
        assertThat(server.get("/api/jobs").json().path("jobs").findValuesAsText("id"))
                .doesNotContain(id);
    }

    @Test
    void aFullQueueAnswers429WithRetryAfterAndOnlyThen() {
        server.close();
        server = TestServer.start(tmp.resolve("queue"), o -> o.withQueue(1, 1));
        String running =
                server.submit(TestServer.Form.of("make it brighter", cat).field("profile", "slow"));
        String waiting =
                server.submit(TestServer.Form.of("make it brighter", cat).field("profile", "slow"));
        TestServer.Response full = server.postForm(
                "/api/jobs", TestServer.Form.of("make it brighter", cat).field("profile", "slow"));
        assertThat(full.status()).isEqualTo(429);
        assertThat(Long.parseLong(full.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(full.json().path("error").path("message").asText()).contains("queue is full");
        // a cancelled job frees its place at once
        server.post("/api/jobs/" + waiting + "/cancel");
        assertThat(server.get("/api/jobs/" + waiting).json().path("status").asText())
                .isEqualTo("cancelled");
        String next =
                server.submit(TestServer.Form.of("make it black and white", cat).field("profile", "quick"));
        server.post("/api/jobs/" + running + "/cancel");
        assertThat(server.awaitDone(next).path("status").asText()).isEqualTo("finished");
    }

    @Test
    void aRestartKeepsFinishedJobsAndMarksInterruptedOnes() {
        Path data = tmp.resolve("restart");
        server.close();
        server = TestServer.start(data);
        String finished = server.submit(TestServer.Form.of("make it black and white", cat));
        server.awaitDone(finished);
        String running =
                server.submit(TestServer.Form.of("make it brighter", cat).field("profile", "slow"));
        server.awaitRunning(running);
        server.close(); // a stop while the job runs

        server = TestServer.start(data);
        JsonNode a = server.get("/api/jobs/" + finished).json();
        assertThat(a.path("status").asText()).isEqualTo("finished");
        assertThat(server.get("/api/jobs/" + finished + "/images/final.png").status())
                .isEqualTo(200);
        JsonNode b = server.get("/api/jobs/" + running).json();
        assertThat(b.path("status").asText()).isEqualTo("interrupted");
        // its event stream ends, saying so
        List<TestServer.Event> events = server.events(running, null);
        assertThat(events.getLast().type()).isEqualTo("finished");
        assertThat(events.getLast().data().path("status").asText()).isEqualTo("interrupted");
    }

    @Test
    void aJobLeftRunningByACrashIsMarkedInterruptedAtTheNextStart() throws java.io.IOException {
        Path data = tmp.resolve("crash");
        server.close();
        // a row left as running by a server that died without closing
        try (JobStore store = JobStore.open(Files.createDirectories(data).resolve("jobs.db"))) {
            long now = System.currentTimeMillis();
            store.put(new JobRecord(
                    "abcdefghij012345",
                    now,
                    now,
                    "make it brighter",
                    "single",
                    "default",
                    "embedded",
                    "embedded",
                    "api",
                    "running",
                    null,
                    0,
                    0,
                    null,
                    null));
        }
        server = TestServer.start(data);
        assertThat(server.server.interruptedAtStart()).containsExactly("abcdefghij012345");
        assertThat(server.get("/api/jobs/abcdefghij012345")
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("interrupted");
    }

    @Test
    void openApiDocumentDescribesTheRoutes() {
        JsonNode doc = server.get("/openapi.json").json();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        List<String> paths = iterable(doc.path("paths"));
        assertThat(paths)
                .contains(
                        "/api/jobs",
                        "/api/jobs/{id}",
                        "/api/jobs/{id}/events",
                        "/api/jobs/{id}/cancel",
                        "/api/jobs/{id}/images/{name}",
                        "/v1/images/edits",
                        "/v1/rewards");
        assertThat(doc.at("/components/schemas/ImagesEditForm/properties/mask/format")
                        .asText())
                .isEqualTo("binary");
    }

    @Test
    void thePageAndItsAssetsAreServedWithAStrictPolicy() {
        TestServer.Response page = server.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<label for=\"instruction\">");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(server.get("/assets/app.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(server.get("/assets/nope.js").status()).isEqualTo(404);
    }

    @Test
    void aNonLoopbackAddressNeedsATokenOrInsecure() {
        assertThatThrownBy(() -> EditLoopServer.start(
                        dev.editloop.server.ServerOptions.defaults(tmp.resolve("x"))
                                .withHost("0.0.0.0")
                                .withPort(0),
                        BackendRegistry.load()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("refusing to listen on 0.0.0.0 without a token")
                .hasMessageContaining("--insecure");
    }

    @Test
    void withATokenEveryRouteButThePageNeedsIt() {
        server.close();
        server = TestServer.start(tmp.resolve("auth"), o -> o.withToken("s3cret-token", false));
        TestServer.Response denied = server.get("/api/jobs");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.text()).doesNotContain("s3cret-token");
        assertThat(server.get("/openapi.json").status()).isEqualTo(401);
        assertThat(server.send(server.request("/api/jobs")
                                .header("Authorization", "Bearer wrong")
                                .GET()
                                .build())
                        .status())
                .isEqualTo(401);
        assertThat(server.get("/").status()).isEqualTo(200);
        server.token = "s3cret-token";
        assertThat(server.get("/api/jobs").status()).isEqualTo(200);
        // the page trades the token for a session cookie that images and event streams carry
        TestServer.Response login = server.post("/api/login");
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("s3cret-token");
        server.token = null;
        assertThat(server.send(server.request("/api/jobs")
                                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                                .GET()
                                .build())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void thePagesSessionOutlivesARestartButNotANewToken() throws Exception {
        Path data = tmp.resolve("sessions");
        server.close();
        server = TestServer.start(data, o -> o.withToken("first-token", false));
        server.token = "first-token";
        String set = server.post("/api/login").header("Set-Cookie");
        String cookie = set.substring(0, set.indexOf(';'));
        server.token = null;
        assertThat(jobsWith(cookie)).isEqualTo(200);
        assertThat(jobsWith("editloop_session=forged")).isEqualTo(401);
        server.close();

        server = TestServer.start(data, o -> o.withToken("first-token", false));
        assertThat(jobsWith(cookie)).as("the same token after a restart").isEqualTo(200);
        // the store keeps a keyed digest, never the cookie or the token
        server.close();
        byte[] db = java.nio.file.Files.readAllBytes(data.resolve("jobs.db"));
        String raw = new String(db, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw)
                .doesNotContain(cookie.substring(cookie.indexOf('=') + 1))
                .doesNotContain("first-token");

        server = TestServer.start(data, o -> o.withToken("second-token", false));
        assertThat(jobsWith(cookie)).as("a new token ends earlier sessions").isEqualTo(401);
    }

    private int jobsWith(String cookie) {
        return server.send(server.request("/api/jobs")
                        .header("Cookie", cookie)
                        .GET()
                        .build())
                .status();
    }

    private static List<String> iterable(JsonNode node) {
        return java.util.stream.StreamSupport.stream(
                        java.util.Spliterators.spliteratorUnknownSize(node.fieldNames(), 0), false)
                .collect(Collectors.toList());
    }
}
