package dev.editloop.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A judge's scores for one edit, by name in the protocol's own terms (VIEScore: {@code semantic}, {@code quality},
 * {@code overall}).
 *
 * @param protocol the protocol the scores follow
 * @param scores named scores, in a stable order
 * @param reasoning the judge's explanation
 * @param raw the judge's raw reply
 * @param usage tokens used
 */
public record Judgement(String protocol, Map<String, Double> scores, String reasoning, String raw, Usage usage) {
    public Judgement {
        Objects.requireNonNull(protocol, "protocol");
        scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        reasoning = reasoning == null ? "" : reasoning;
        raw = raw == null ? "" : raw;
        usage = usage == null ? Usage.NONE : usage;
    }

    /** One named score. */
    public double score(String name) {
        Double value = scores.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no score '" + name + "' in " + scores.keySet());
        }
        return value;
    }
}
