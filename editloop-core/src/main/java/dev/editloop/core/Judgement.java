package dev.editloop.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A judge's answer to one {@link JudgeCall}: the raw value of each criterion on its own scale, by criterion name, as
 * the judge gave it (never clamped, rescaled or invented).
 *
 * @param protocol the protocol that asked
 * @param scores the criteria's raw values by name, in the question's order
 * @param reasoning the judge's explanation
 * @param raw the judge's raw reply (all replies, repairs included)
 * @param usage tokens used
 * @param model the model id the server reported for the reply, or null when it reported none (or the judge is not a
 *     model)
 */
public record Judgement(
        String protocol, Map<String, Double> scores, String reasoning, String raw, Usage usage, String model) {
    public Judgement {
        Objects.requireNonNull(protocol, "protocol");
        scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        reasoning = reasoning == null ? "" : reasoning;
        raw = raw == null ? "" : raw;
        usage = usage == null ? Usage.NONE : usage;
        model = model == null || model.isBlank() ? null : model;
    }

    /** A judgement whose model the server did not report. */
    public Judgement(String protocol, Map<String, Double> scores, String reasoning, String raw, Usage usage) {
        this(protocol, scores, reasoning, raw, usage, null);
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
