package dev.editloop.bench.store;

import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The default result store: a SQLite database {@code run.db} in the run folder (WAL journal, a busy timeout), so that a
 * run survives {@code kill -9} with every committed case intact. Synchronous mode NORMAL: in WAL mode a commit is
 * durable once the process has written it (a killed process loses nothing committed); only a power cut or an OS crash
 * can lose the last commits before a checkpoint, and the database stays consistent, so those cases are simply redone.
 * FULL would add an fsync to every claim and commit, which at K = 64 costs several percent of the run's wall time.
 *
 * <p>Tables: {@code manifest} (one row: the manifest as JSON, start and end), {@code sessions} (every process that
 * worked on the run: start, end, EditLoop version and commit, host), {@code cases} (id, position, state {@code
 * open|claimed|done|failed}, worker, token, lease end, attempts, the case as JSON), {@code outcomes} (the {@link
 * CaseOutcome} as JSON) and {@code judge_calls} (one row per judge call: position, ok, latency, error, parsed scores;
 * for SQL queries without reading the JSON).
 *
 * <p>A claim is one {@code UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING …} statement, so two workers (threads or
 * processes) never claim the same case; each claim increments the case's token, and {@link #complete} and {@link
 * #renew} only act when the token still matches. Write transactions start {@code IMMEDIATE}, so concurrent processes
 * wait for each other (busy timeout) instead of failing on a lock upgrade.
 *
 * <p>Thread-safe: one connection, used under a lock (SQLite runs one writer at a time anyway).
 */
public final class SqliteStore implements ResultStore {
    /** The database file's name in the run folder. */
    public static final String FILE = "run.db";

    private static final int SCHEMA_VERSION = 1;
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final Path file;
    private final Clock clock;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final long openedMillis;
    private long sessionId = -1;
    private boolean closed;

    private SqliteStore(Path file, Clock clock, Connection connection) {
        this.file = file;
        this.clock = clock;
        this.connection = connection;
        this.openedMillis = clock.millis();
    }

    /** Opens (or creates) {@code run.db} in a run folder, creating the folder when needed. */
    public static SqliteStore open(Path runDir) {
        return open(runDir, Clock.systemUTC());
    }

    /** Opens (or creates) {@code run.db} in a run folder, with a clock for leases (tests move it). */
    public static SqliteStore open(Path runDir, Clock clock) {
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(clock, "clock");
        Path file = runDir.resolve(FILE);
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new InvalidInputException("run folder " + runDir + " cannot be created: " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            SqliteStore store = new SqliteStore(file, clock, connection);
            store.createSchema();
            return store;
        } catch (SQLException e) {
            throw new InvalidInputException("cannot open the run database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    private void createSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS manifest (id INTEGER PRIMARY KEY CHECK (id = 1),"
                    + " json TEXT NOT NULL, started TEXT NOT NULL, ended TEXT)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS sessions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " started TEXT NOT NULL, ended TEXT, version TEXT NOT NULL, commit_id TEXT NOT NULL,"
                    + " host TEXT NOT NULL)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS cases (id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
                    + " category TEXT NOT NULL, case_json TEXT NOT NULL,"
                    + " state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'claimed', 'done', 'failed')),"
                    + " worker TEXT, token INTEGER NOT NULL DEFAULT 0, lease_until INTEGER,"
                    + " attempts INTEGER NOT NULL DEFAULT 0, finished_at INTEGER)");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS cases_by_state ON cases (state, position)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS outcomes (case_id TEXT PRIMARY KEY REFERENCES cases (id),"
                    + " failed INTEGER NOT NULL, json TEXT NOT NULL, committed_at TEXT NOT NULL)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS judge_calls (case_id TEXT NOT NULL REFERENCES cases (id),"
                    + " turn INTEGER NOT NULL, sample INTEGER NOT NULL, question INTEGER NOT NULL,"
                    + " ok INTEGER NOT NULL, latency_ms INTEGER NOT NULL, error TEXT, scores TEXT,"
                    + " PRIMARY KEY (case_id, turn, sample, question))");
            s.executeUpdate(
                    "INSERT OR IGNORE INTO meta (name, value) VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
            s.execute("COMMIT");
            try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE name = 'schema_version'")) {
                int version = rs.next() ? Integer.parseInt(rs.getString(1)) : SCHEMA_VERSION;
                if (version > SCHEMA_VERSION) {
                    throw new InvalidInputException(file + " was written by a newer EditLoop (store schema " + version
                            + "; this one reads " + SCHEMA_VERSION + ")");
                }
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            closeQuietly();
            throw e;
        }
    }

    @Override
    public void begin(Manifest manifest, List<BenchCase> cases) {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(cases, "cases");
        locked(() -> tx(() -> {
            Optional<Manifest> stored = readManifest();
            if (stored.isPresent()) {
                ManifestCheck.requireSame(stored.get(), manifest, "run folder " + file.getParent());
                try (PreparedStatement s = connection.prepareStatement("UPDATE manifest SET ended = NULL")) {
                    s.executeUpdate();
                }
            } else {
                try (PreparedStatement s =
                        connection.prepareStatement("INSERT INTO manifest (id, json, started) VALUES (1, ?, ?)")) {
                    s.setString(1, OutcomeJson.manifest(manifest));
                    s.setString(2, manifest.started().toString());
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT OR IGNORE INTO cases (id, position, category, case_json) VALUES (?, ?, ?, ?)")) {
                int position = 0;
                for (BenchCase c : cases) {
                    s.setString(1, c.id());
                    s.setInt(2, position++);
                    s.setString(3, c.category());
                    s.setString(4, OutcomeJson.benchCase(c));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO sessions (started, version, commit_id, host) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, clock.instant().toString());
                s.setString(2, manifest.version());
                s.setString(3, manifest.commit());
                s.setString(4, host());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    sessionId = keys.next() ? keys.getLong(1) : -1;
                }
            }
            return null;
        }));
    }

    @Override
    public Optional<Manifest> manifest() {
        return locked(this::readManifest);
    }

    private Optional<Manifest> readManifest() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT json FROM manifest WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            Optional<Manifest> out =
                    rs.next() ? Optional.of(OutcomeJson.manifest(rs.getString(1), file.toString())) : Optional.empty();
            return out;
        }
    }

    @Override
    public Optional<Claim> claim(String worker, Duration lease, boolean retryFailed) {
        Objects.requireNonNull(worker, "worker");
        requirePositive(lease);
        return locked(() -> {
            long now = clock.millis();
            long until = now + lease.toMillis();
            try (PreparedStatement s = connection.prepareStatement("UPDATE cases SET state = 'claimed', worker = ?,"
                    + " token = token + 1, lease_until = ?, attempts = attempts + 1"
                    + " WHERE id = (SELECT id FROM cases WHERE state = 'open'"
                    + " OR (state = 'claimed' AND lease_until < ?)"
                    + " OR (? AND state = 'failed' AND finished_at < ?)"
                    + " ORDER BY position LIMIT 1)"
                    + " RETURNING case_json, token")) {
                s.setString(1, worker);
                s.setLong(2, until);
                s.setLong(3, now);
                s.setBoolean(4, retryFailed);
                s.setLong(5, openedMillis);
                Optional<Claim> claim = Optional.empty();
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        BenchCase c = OutcomeJson.benchCase(rs.getString(1), file.toString());
                        claim = Optional.of(new Claim(c, worker, rs.getLong(2), Instant.ofEpochMilli(until)));
                    }
                }
                return claim;
            }
        });
    }

    @Override
    public boolean renew(Claim claim, Duration lease) {
        requirePositive(lease);
        return locked(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE cases SET lease_until = ?" + " WHERE id = ? AND token = ? AND state = 'claimed'")) {
                s.setLong(1, clock.millis() + lease.toMillis());
                s.setString(2, claim.benchCase().id());
                s.setLong(3, claim.token());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(Claim claim) {
        locked(() -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE cases SET state = 'open',"
                    + " lease_until = NULL WHERE id = ? AND token = ? AND state = 'claimed'")) {
                s.setString(1, claim.benchCase().id());
                s.setLong(2, claim.token());
                s.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public boolean complete(Claim claim, CaseOutcome outcome) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(outcome, "outcome");
        String id = claim.benchCase().id();
        if (!outcome.benchCase().id().equals(id)) {
            throw new IllegalArgumentException(
                    "the outcome of case " + outcome.benchCase().id() + " cannot complete the claim on " + id);
        }
        String json = OutcomeJson.outcome(outcome);
        return locked(() -> tx(() -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE cases SET state = ?,"
                    + " lease_until = NULL, finished_at = ? WHERE id = ? AND token = ? AND state = 'claimed'")) {
                s.setString(1, outcome.failed() ? "failed" : "done");
                s.setLong(2, clock.millis());
                s.setString(3, id);
                s.setLong(4, claim.token());
                if (s.executeUpdate() != 1) {
                    return false; // the claim was lost: nothing was changed
                }
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT OR REPLACE INTO outcomes" + " (case_id, failed, json, committed_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setInt(2, outcome.failed() ? 1 : 0);
                s.setString(3, json);
                s.setString(4, clock.instant().toString());
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM judge_calls WHERE case_id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("INSERT OR REPLACE INTO judge_calls"
                    + " (case_id, turn, sample, question, ok, latency_ms, error, scores)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (JudgeRecord r : outcome.judgements()) {
                    s.setString(1, id);
                    s.setInt(2, r.turn());
                    s.setInt(3, r.sample());
                    s.setInt(4, r.question());
                    s.setInt(5, r.ok() ? 1 : 0);
                    s.setLong(6, r.latencyMs());
                    s.setString(7, r.error());
                    s.setString(8, r.ok() ? OutcomeJson.write(r.judgement().scores()) : null);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        }));
    }

    @Override
    public List<CaseOutcome> outcomes() {
        return locked(() -> {
            List<CaseOutcome> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT o.case_id, o.json FROM outcomes o"
                            + " JOIN cases c ON c.id = o.case_id ORDER BY c.position");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(OutcomeJson.outcome(rs.getString(2), file + ", case " + rs.getString(1)));
                }
            }
            return out;
        });
    }

    @Override
    public Counts counts() {
        return locked(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT count(*),"
                    + " coalesce(sum(state = 'done'), 0), coalesce(sum(state = 'failed'), 0),"
                    + " coalesce(sum(state = 'claimed' AND lease_until >= ?), 0) FROM cases")) {
                s.setLong(1, clock.millis());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
                }
            }
        });
    }

    @Override
    public void finish(Instant ended) {
        Objects.requireNonNull(ended, "ended");
        locked(() -> tx(() -> {
            try (PreparedStatement s = connection.prepareStatement("UPDATE manifest SET ended = ?")) {
                s.setString(1, ended.toString());
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("UPDATE sessions SET ended = ? WHERE id = ?")) {
                s.setString(1, ended.toString());
                s.setLong(2, sessionId);
                s.executeUpdate();
            }
            return null;
        }));
    }

    @Override
    public Optional<Instant> ended() {
        return locked(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT ended FROM manifest WHERE id = 1");
                    ResultSet rs = s.executeQuery()) {
                String text = rs.next() ? rs.getString(1) : null;
                return Optional.ofNullable(text).map(Instant::parse);
            }
        });
    }

    /**
     * Every session that worked on the run, oldest first: when it started and ended, and the EditLoop build it ran
     * (the manifest check lets a different build resume a run; this is where that shows).
     */
    public List<Session> sessions() {
        return locked(() -> {
            List<Session> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                            "SELECT started, ended, version, commit_id, host FROM sessions ORDER BY id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String ended = rs.getString(2);
                    out.add(new Session(
                            Instant.parse(rs.getString(1)),
                            ended == null ? null : Instant.parse(ended),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)));
                }
            }
            return out;
        });
    }

    /** How many times a case has been claimed (1 for a case done on the first try), or 0 for an unknown case. */
    public int attempts(String caseId) {
        return locked(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT attempts FROM cases WHERE id = ?")) {
                s.setString(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * One process's work on a run.
     *
     * @param started when it began
     * @param ended when it finished the run, or null (still running, killed or cancelled)
     * @param version the EditLoop version it ran
     * @param commit the EditLoop commit it ran
     * @param host the machine's name
     */
    public record Session(Instant started, Instant ended, String version, String commit, String host) {}

    // ---- plumbing -----------------------------------------------------------------------------------------------

    private interface Body<T> {
        T run() throws SQLException;
    }

    private <T> T locked(Body<T> body) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the run database " + file + " is closed");
            }
            return body.run();
        } catch (SQLException e) {
            throw new IllegalStateException("run database " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a body in one {@code BEGIN IMMEDIATE … COMMIT} transaction; rolls back on any failure. */
    private <T> T tx(Body<T> body) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        try {
            T out = body.run();
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
            return out;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void rollbackQuietly() {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to do with a connection that will not close
        }
    }

    private static void requirePositive(Duration lease) {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, got " + lease);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
