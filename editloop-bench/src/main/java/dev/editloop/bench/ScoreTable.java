package dev.editloop.bench;

import java.util.List;
import java.util.Objects;

/**
 * A benchmark's own table, computed as its official code computes it: rows per category, then any meta-categories
 * and subsets, then the overall row.
 *
 * @param protocol the judge protocol, e.g. {@code vie}
 * @param columns the figure names, in order (e.g. {@code SC}, {@code PQ}, {@code O})
 * @param rows the rows, categories first, overall last
 * @param notes where we depart from the official code and why (DESIGN §6), and what was left out (unreadable cases)
 */
public record ScoreTable(String protocol, List<String> columns, List<ScoreRow> rows, List<String> notes) {
    public ScoreTable {
        Objects.requireNonNull(protocol, "protocol");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The row with this label, if any. */
    public java.util.Optional<ScoreRow> row(String label) {
        return rows.stream().filter(r -> r.label().equals(label)).findFirst();
    }
}
