package dev.editloop.bench.suite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared folder (next to the repository): real benchmark files and photos; tests skip without it. */
final class SharedData {
    private SharedData() {}

    /** A path under the shared benchmarks folder; skips the test when it is absent. */
    static Path benchmark(String relative) {
        Path path = TestImages.repoRoot()
                .resolveSibling("shared")
                .resolve("benchmarks")
                .resolve(relative);
        assumeTrue(Files.exists(path), "the shared benchmark data " + relative + " is absent next to the repository");
        return path;
    }

    /** A photo from the shared images folder; skips the test when it is absent. */
    static Path photo(String name) {
        var path = TestImages.shared(name);
        assumeTrue(path.isPresent(), "the shared photo " + name + " is absent next to the repository");
        return path.get();
    }
}
