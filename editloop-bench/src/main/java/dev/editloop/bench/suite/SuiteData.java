package dev.editloop.bench.suite;

import dev.editloop.bench.BenchCase;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded suite: its cases in the benchmark's order, and a hash of the files they came from (for the manifest).
 *
 * @param suite the suite's name
 * @param cases the cases (images stay on disk: a case holds paths, not pixels)
 * @param dataHash a SHA-256 over the data files read (not the images), hex
 * @param skipped cases the loader left out on purpose, with the reason (e.g. a KRIS case with several source images,
 *     which no editor port takes yet), by case id
 */
public record SuiteData(String suite, List<BenchCase> cases, String dataHash, Map<String, String> skipped) {
    public SuiteData {
        Objects.requireNonNull(suite, "suite");
        cases = List.copyOf(cases);
        Objects.requireNonNull(dataHash, "dataHash");
        skipped = skipped == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /** How many cases each category holds, in first-seen order. */
    public Map<String, Integer> countsByCategory() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (BenchCase c : cases) {
            counts.merge(c.category(), 1, Integer::sum);
        }
        return counts;
    }
}
