package dev.editloop.bench.store;

import dev.editloop.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** Opens the result store a run's {@code --store} option names. */
public final class Stores {
    private Stores() {}

    /**
     * Opens a run's store.
     *
     * @param location {@code null}, blank or {@code sqlite}: {@code run.db} in the run folder ({@link SqliteStore}); a
     *     {@code postgresql://…} (or {@code jdbc:postgresql://…}) URL: a PostgreSQL database that runner processes on
     *     several hosts share, with the images in {@code runDir}, a folder all hosts see
     * @param runDir the run folder: case folders, caches and (for SQLite) the database
     * @throws InvalidInputException for a location of another kind, or one that cannot be opened
     */
    public static ResultStore open(String location, Path runDir) {
        Objects.requireNonNull(runDir, "runDir");
        String text = location == null ? "" : location.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.isEmpty() || lower.equals("sqlite")) {
            return SqliteStore.open(runDir);
        }
        if (lower.startsWith("postgresql://") || lower.startsWith("jdbc:postgresql://")) {
            return postgres(text, runDir);
        }
        throw new InvalidInputException("unknown --store '" + redact(text)
                + "': use sqlite (run.db in the run folder, the default) or postgresql://host:port/database");
    }

    /** The PostgreSQL store ({@link PostgresStore}; the password comes from {@code PGPASSWORD}). */
    private static ResultStore postgres(String url, Path runDir) {
        return PostgresStore.open(url, runDir);
    }

    /** A store location without a password (user info in the URL, a {@code password=} parameter). */
    static String redact(String location) {
        return location.replaceAll("//[^/@]*@", "//").replaceAll("(?i)(password|sslpassword)=[^&]*", "$1=***");
    }
}
