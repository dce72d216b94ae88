package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file, prompt overrides and {@code editloop backends check}, through the command line. */
class ConfigAndCheckTest {
    @TempDir
    Path tmp;

    private final String cat = TestImages.examplePath("chelsea.png").toString();

    @Test
    void namedBackendsAndDefaultsComeFromTheConfigFile() throws Exception {
        Path config = tmp.resolve("editloop.yaml");
        Files.writeString(config, """
                backends:
                  classic:
                    spec: embedded
                  heuristic: embedded
                defaults:
                  editor: classic
                  thinker: heuristic
                  strategy: single
                  seed: 7
                """);
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "make it black and white",
                "--config",
                config.toString(),
                "-o",
                out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Trajectory t = TrajectoryJson.read(out.resolve("trajectory.json"));
        assertThat(t.strategy()).isEqualTo("single");
        assertThat(t.seed()).isEqualTo(7);
        assertThat(t.editor().display()).isEqualTo("embedded");
    }

    @Test
    void theCommandLineWinsOverTheConfigDefaults() throws Exception {
        Path config = tmp.resolve("c.yaml");
        Files.writeString(config, "defaults:\n  strategy: single\n");
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "make it black and white",
                "--config",
                config.toString(),
                "--strategy",
                "think-while-edit",
                "-o",
                out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(TrajectoryJson.read(out.resolve("trajectory.json")).strategy())
                .isEqualTo("think-while-edit");
    }

    @Test
    void aConfigFileWithAnUnknownFieldIsOneClearLineAndExitTwo() throws Exception {
        Path config = tmp.resolve("editloop.yaml");
        Files.writeString(config, "backends:\n  qwen-edit:\n    spec: embedded\n    tmeout: 30\n");
        CliRun run = CliRun.of("edit", "-i", cat, "-p", "x", "--config", config.toString(), "--editor", "qwen-edit");
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains(config.toString())
                .contains("backends.qwen-edit")
                .contains("unknown field 'tmeout'");
    }

    @Test
    void aKeyWrittenIntoTheConfigFileIsRefused() throws Exception {
        Path config = tmp.resolve("editloop.yaml");
        Files.writeString(
                config,
                "backends:\n  gpt:\n    spec: openai-chat:?model=gpt-4.1\n    params:\n"
                        + "      api_key: sk-do-not-do-this\n");
        CliRun run = CliRun.of("backends", "--config", config.toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("looks like a secret").doesNotContain("sk-do-not-do-this");
    }

    @Test
    void aMissingConfigFileIsBadInput() {
        CliRun run = CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "x",
                "--config",
                tmp.resolve("nope.yaml").toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("nope.yaml")
                .contains("does not exist");
    }

    @Test
    void aPromptOverrideWithAnUnknownNameOrMissingFileIsBadInput() {
        String chat = "openai-chat:http://127.0.0.1:9/v1?model=m";
        CliRun unknown = CliRun.of("edit", "-i", cat, "-p", "x", "--thinker", chat, "--prompt", "think-harder=p.txt");
        assertThat(unknown.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(unknown.errorLines()).singleElement().asString().contains("think-harder");
        CliRun missing = CliRun.of(
                "edit",
                "-i",
                cat,
                "-p",
                "x",
                "--thinker",
                chat,
                "--prompt",
                "think-while-edit=" + tmp.resolve("none.txt"));
        assertThat(missing.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.errorLines()).singleElement().asString().contains("none.txt");
    }

    @Test
    void backendsCheckProbesTheEmbeddedBackendsAndPrintsATable() {
        CliRun run = CliRun.of("backends", "check", "embedded", "--role", "thinker");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("reachable").contains("round trip");
        assertThat(run.out()
                        .lines()
                        .filter(l -> l.startsWith("embedded"))
                        .findFirst()
                        .orElseThrow())
                .contains("(in process)")
                .contains("ok")
                .contains(" ms");
    }

    @Test
    void backendsCheckOfAnUnknownKindIsBadInputListingTheKnownOnes() {
        CliRun run = CliRun.of("backends", "check", "nosuch:http://127.0.0.1:9");
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("nosuch")
                .contains("embedded");
    }

    @Test
    void backendsListsTheNamesOfTheConfigFile() throws Exception {
        Path config = tmp.resolve("editloop.yaml");
        Files.writeString(config, "backends:\n  local-classic: embedded\n");
        CliRun run = CliRun.of("backends", "--config", config.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("local-classic").contains("embedded");
    }
}
