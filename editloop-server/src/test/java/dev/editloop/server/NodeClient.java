package dev.editloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a node script of {@code src/test/node} (its packages installed there by {@code .ci/run}). When node, the
 * packages or chromium are missing the test is skipped with the reason, unless {@code EDITLOOP_E2E=required} (set by
 * {@code .ci/run}), which turns the skip into a failure.
 */
final class NodeClient {
    static final Path DIR = Path.of("src/test/node").toAbsolutePath();

    private NodeClient() {}

    static boolean required() {
        return "required".equals(System.getenv("EDITLOOP_E2E"));
    }

    /** Skips (or fails under CI) when {@code what} is missing. */
    static void need(boolean present, String what) {
        if (required()) {
            assertThat(present)
                    .as(what + " is missing, and EDITLOOP_E2E=required")
                    .isTrue();
        }
        Assumptions.assumeTrue(
                present, what + " is missing (run .ci/run, or npm install in " + DIR.getFileName() + "); skipped");
    }

    static String node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "node");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** Checks node and the package are there (skipping or failing as above). */
    static String requireNode(String pkg) {
        String node = node();
        need(node != null, "node (Node.js 20 or newer on the PATH)");
        need(Files.isDirectory(DIR.resolve("node_modules").resolve(pkg)), "the npm package " + pkg);
        return node;
    }

    record Result(int exit, String out, String err) {}

    static Result run(String node, String script, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(node, DIR.resolve(script).toString()));
        cmd.addAll(args);
        Path out = Files.createTempFile("node-out", ".txt");
        Path err = Files.createTempFile("node-err", ".txt");
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(DIR.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(
                        script + " did not end within " + timeoutSeconds + " s: " + Files.readString(err));
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
