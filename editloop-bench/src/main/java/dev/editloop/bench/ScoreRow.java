package dev.editloop.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a benchmark's own table: a category, a meta-category, a subset (GEdit's intersection) or the overall
 * figure.
 *
 * @param label what the row covers, e.g. {@code background_change}, {@code overall}
 * @param kind {@code category}, {@code meta}, {@code subset} or {@code overall}
 * @param cases how many cases the row's figures were computed from
 * @param values the figures by column name, in the table's column order (NaN where a figure has no cases)
 */
public record ScoreRow(String label, String kind, int cases, Map<String, Double> values) {
    public ScoreRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
