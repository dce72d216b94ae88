package dev.editloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void anotherAddressWithoutATokenIsRefusedInOneLine() {
        CliRun run = CliRun.of(
                "serve",
                "--host",
                "0.0.0.0",
                "--port",
                "0",
                "--token-env",
                "EDITLOOP_TEST_NO_SUCH_VARIABLE",
                "--data",
                tmp.resolve("data").toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("refusing to listen on 0.0.0.0 without a token")
                .contains("--insecure");
    }

    @Test
    void aMissingBenchFolderIsNamed() {
        CliRun run = CliRun.of(
                "serve",
                "--port",
                "0",
                "--bench-dir",
                tmp.resolve("nope").toString(),
                "--data",
                tmp.resolve("data").toString());
        assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errorLines()).singleElement().asString().contains("is not a folder");
    }

    @Test
    void badRewardOptionsAreRefusedInOneLine() {
        CliRun scorer = CliRun.of(
                "serve",
                "--port",
                "0",
                "--reward-scorer",
                "no-such-kind:http://127.0.0.1:1",
                "--data",
                tmp.resolve("data").toString());
        assertThat(scorer.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(scorer.errorLines()).singleElement().asString().contains("no-such-kind");
        CliRun concurrency = CliRun.of(
                "serve",
                "--port",
                "0",
                "--reward-concurrency",
                "0",
                "--data",
                tmp.resolve("data2").toString());
        assertThat(concurrency.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(concurrency.errorLines())
                .singleElement()
                .asString()
                .contains("--reward-concurrency must be within 1..256, got 0");
    }
}
