package dev.editloop.bench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.bench.BenchCase;
import dev.editloop.bench.protocol.Protocols;
import dev.editloop.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RISEBench 64-case subset from the shared folder (a sibling of the repository), read with plain Jackson for the
 * runner tests; empty when the folder is absent. Also the options both the child JVM and the tests use.
 */
final class RiseData {
    private RiseData() {}

    /** The data folder, when present. */
    static Optional<Path> folder() {
        Path dir = TestImages.repoRoot()
                .resolveSibling("shared")
                .resolve("benchmarks")
                .resolve("risebench-64");
        return Files.exists(dir.resolve("data_total.json")) ? Optional.of(dir) : Optional.empty();
    }

    static List<BenchCase> cases(Path dir) throws IOException {
        JsonNode root =
                new ObjectMapper().readTree(dir.resolve("data_total.json").toFile());
        List<BenchCase> out = new ArrayList<>();
        for (JsonNode n : root) {
            Map<String, String> fields = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
            out.add(new BenchCase(
                    "rise",
                    n.get("index").asText(),
                    n.get("category").asText(),
                    n.get("instruction").asText(),
                    dir.resolve(n.get("image").asText()),
                    n.hasNonNull("reference") ? n.get("reference").asText() : null,
                    n.hasNonNull("reference_img")
                            ? dir.resolve(n.get("reference_img").asText())
                            : null,
                    fields));
        }
        return out;
    }

    /** The run both the child and the tests make: embedded backends, RISE's own protocol, 3 turns, a short lease. */
    static BenchOptions options(Path runDir, List<BenchCase> cases, int limit, int concurrency) {
        return BenchOptions.builder(runDir, "rise", "rise-64", cases, Protocols.get("rise", Map.of()))
                .limit(limit)
                .maxTurns(3)
                .concurrency(concurrency)
                .seed(42)
                .lease(Duration.ofSeconds(2))
                .editLoop("test", "test")
                .build();
    }
}
