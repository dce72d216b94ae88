package dev.editloop.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One case's score under a judge protocol: the sub-scores exactly as the judge gave them, and the figures the
 * protocol derives from them (VIEScore {@code SC}, {@code PQ}, {@code O}; RISE {@code solved} and {@code weighted}…).
 *
 * @param caseId the case's id
 * @param category the case's category
 * @param raw the sub-scores as the judge gave them, before any mapping, by sub-score name (e.g. {@code
 *     edit_success}, {@code overediting}); a sub-score the judge did not give is absent
 * @param derived the protocol's per-case figures, by name
 * @param readable false when the protocol could not score the case (no readable reply); such a case is listed as a
 *     failure and never given a made-up score
 * @param problems what could not be read, for the report
 */
public record CaseScore(
        String caseId,
        String category,
        Map<String, Double> raw,
        Map<String, Double> derived,
        boolean readable,
        List<String> problems) {
    public CaseScore {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(category, "category");
        raw = raw == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        derived = derived == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(derived));
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A derived figure, or NaN when the protocol did not compute it for this case. */
    public double figure(String name) {
        Double v = derived.get(name);
        return v == null ? Double.NaN : v;
    }
}
