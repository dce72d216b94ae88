package dev.editloop.bench.store;

import dev.editloop.core.BackendIdentity;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a benchmark run is: the suite and its data, the loop and its backends, the judge and its prompts, the
 * EditLoop build. Stored once per run and printed at the top of every report; two runs with different manifests are
 * never merged, and a resumed run must present the same manifest.
 *
 * @param suite the suite's name
 * @param dataHash the suite data's hash ({@link dev.editloop.bench.suite.SuiteData#dataHash()})
 * @param language GEdit's language, or null for other suites
 * @param categories the categories selected with {@code --categories}, empty for all
 * @param limit the {@code --limit}, or 0 for none
 * @param strategy the loop strategy's name
 * @param maxTurns the turn limit
 * @param threshold the stop threshold as text (e.g. {@code sc>=8,pq>=8})
 * @param seed the run's seed (each case derives its own from it and its id)
 * @param editor the editor's identity
 * @param thinker the thinker's identity
 * @param judge the judge's identity
 * @param protocol the judge protocol's name
 * @param judgeSamples how many times each question is asked
 * @param promptHashes the judge protocol's prompt hashes by name
 * @param version the EditLoop version
 * @param commit the EditLoop commit, or {@code unknown}
 * @param started when the run was first started
 */
public record Manifest(
        String suite,
        String dataHash,
        String language,
        List<String> categories,
        int limit,
        String strategy,
        int maxTurns,
        String threshold,
        long seed,
        BackendIdentity editor,
        BackendIdentity thinker,
        BackendIdentity judge,
        String protocol,
        int judgeSamples,
        Map<String, String> promptHashes,
        String version,
        String commit,
        Instant started) {
    public Manifest {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(dataHash, "dataHash");
        categories = categories == null ? List.of() : List.copyOf(categories);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(thinker, "thinker");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(protocol, "protocol");
        if (judgeSamples < 1) {
            throw new IllegalArgumentException("judge samples must be at least 1, got " + judgeSamples);
        }
        promptHashes = promptHashes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(promptHashes));
        version = version == null ? "unknown" : version;
        commit = commit == null ? "unknown" : commit;
        Objects.requireNonNull(started, "started");
    }
}
