package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeOpenAiChatServer;
import dev.editloop.testkit.fake.FakeOpenAiImagesServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code editloop edit} with an editor behind HTTP (a loopback fake of the OpenAI images protocol). */
class RemoteBackendCliTest {
    @TempDir
    Path tmp;

    private FakeOpenAiImagesServer server;
    private final String cat = TestImages.examplePath("chelsea.png").toString();

    @BeforeEach
    void start() {
        server = new FakeOpenAiImagesServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String editor() {
        return "openai-images:" + server.baseUrl() + "?model=fake-edit&retry_delay=0";
    }

    @Test
    void aRunWithAnHttpEditorRecordsTheBackendAndEveryTurn() throws Exception {
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "make it look like an old photograph",
                "--editor",
                editor(),
                "--max-turns",
                "2",
                "-o",
                out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.editor().display())
                .startsWith("openai-images:" + server.baseUrl())
                .contains("model=fake-edit");
        assertThat(t.turns()).hasSize(2);
        assertThat(server.forms()).hasSize(2);
        assertThat(server.forms().get(0).field("prompt")).isEqualTo("make it look like an old photograph");
        assertThat(server.forms().get(1).field("prompt"))
                .as("turn 2 sends the thinker's rewrite")
                .isEqualTo(t.turns().get(1).instruction());
    }

    @Test
    void theIssuesFirstCommandRunsAgainstAChatThinkerAndAnImagesEditor() throws Exception {
        try (FakeOpenAiChatServer chat =
                new FakeOpenAiChatServer().models("EditThinker-8B").usage(1200, 80)) {
            Path out = tmp.resolve("run");
            CliRun run = CliRun.of(
                    "edit",
                    "-i",
                    cat,
                    "-p",
                    "make it look like an old photograph",
                    "--thinker",
                    "openai-chat:" + chat.v1() + "?model=EditThinker-8B",
                    "--editor",
                    editor(),
                    "--max-turns",
                    "3",
                    "-o",
                    out.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
            assertThat(t.thinker().display()).isEqualTo("openai-chat:" + chat.v1() + "?model=EditThinker-8B");
            assertThat(t.thinker().model()).isEqualTo("EditThinker-8B");
            assertThat(t.thinker().params())
                    .containsEntry("temperature", "0.0")
                    .containsKey("prompt.think-while-edit.sha256");
            assertThat(t.turns()).isNotEmpty();
            assertThat(chat.chatCalls()).hasSize(t.turns().size());
            assertThat(chat.lastChat().images()).as("source, then the edit").hasSize(2);
            var first = t.turns().get(0);
            assertThat(first.critique().raw())
                    .as("the raw thinker text is kept")
                    .contains("<score>");
            assertThat(first.usage().promptTokens()).isEqualTo(1200);
            assertThat(first.usage().completionTokens()).isEqualTo(80);
            assertThat(first.timings().thinkMs()).isNotNegative();
        }
    }

    @Test
    void anEditorThatDiesMidRunStopsWithErrorAndKeepsTurnOne() throws Exception {
        server.failAfter("/v1/images/edits", 1, 503);
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "make it look like an old photograph",
                "--editor",
                editor(),
                "-o",
                out.toString());
        assertThat(run.exit()).isEqualTo(Main.RUN_ERROR);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("openai-images at " + server.baseUrl())
                .contains("HTTP 503")
                .contains("gave up after 4 attempts")
                .contains("finished turns are kept in " + out);
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.stopReason()).isEqualTo("error");
        assertThat(t.turns()).hasSize(1);
        assertThat(out.resolve("turn-1.png")).exists();
        assertThat(Files.readString(out.resolve("report.html"))).contains("HTTP 503");
        assertThat(server.requests("/v1/images/edits"))
                .as("one success, then 4 attempts")
                .hasSize(5);
    }

    @Test
    void backendsCheckPrintsOneRowPerEndpointAndFailsOnAMissingModel() {
        try (FakeOpenAiChatServer a = new FakeOpenAiChatServer().models("EditThinker-8B");
                FakeOpenAiChatServer b = new FakeOpenAiChatServer().models("other-model")) {
            server.models("fake-edit");
            CliRun run = CliRun.of(
                    "backends", "check", "openai-chat:" + a.v1() + "," + b.v1() + "?model=EditThinker-8B", editor());
            assertThat(run.exit()).as(run.err()).isEqualTo(Main.RUN_ERROR);
            List<String> rows = run.out().lines().skip(1).toList();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).contains(a.v1()).doesNotContain("FAILED").contains(" ms");
            assertThat(rows.get(1)).contains(b.v1()).contains("FAILED").contains("other-model");
            assertThat(rows.get(2)).startsWith("openai-images").doesNotContain("FAILED");
        }
    }

    @Test
    void anUnreachableEditorIsARunErrorNamingTheEndpoint() {
        server.close();
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "make it brighter",
                "--editor",
                editor().replace("retry_delay=0", "retries=0"),
                "-o",
                out.toString());
        assertThat(run.exit()).isEqualTo(Main.RUN_ERROR);
        assertThat(run.errorLines()).singleElement().asString().contains("connection refused");
    }
}
