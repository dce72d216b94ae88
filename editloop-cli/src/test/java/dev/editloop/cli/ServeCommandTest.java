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
}
