package dev.editloop.data.export;

import dev.editloop.core.InvalidInputException;
import dev.editloop.data.Jsonl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes Parquet with DuckDB: the records are first written as JSON Lines to a temporary file, then DuckDB reads them
 * with the exact column types given and copies the query's result to a temporary Parquet file, which is renamed over
 * the target (never half a file).
 */
final class Parquet {
    private Parquet() {}

    /**
     * @param jsonl the records, one JSON object a line
     * @param columns DuckDB's column list for {@code read_json}, e.g. {@code {'id': 'VARCHAR', 'n': 'BIGINT'}}
     * @param select the SELECT list over those columns (e.g. turning base64 text into BLOBs)
     */
    static void write(Path jsonl, String columns, String select, Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            s.execute("SET preserve_insertion_order = true");
            s.execute("COPY (SELECT " + select + " FROM read_json(" + quote(jsonl) + ", format = 'newline_delimited',"
                    + " columns = " + columns + ", maximum_object_size = 1073741824)) TO " + quote(tmp)
                    + " (FORMAT parquet, COMPRESSION zstd)");
            Jsonl.move(tmp, target);
        } catch (SQLException e) {
            throw new InvalidInputException(
                    "cannot write " + target + ": "
                            + e.getMessage().lines().findFirst().orElse("DuckDB failed"),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // left for the next run to overwrite
            }
        }
    }

    static String quote(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
