package dev.editloop.bench.store;

import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ResultStore} in a PostgreSQL database, so that runner processes on several hosts share one benchmark run.
 *
 * <p>One schema, {@code editloop}, holds every run of the database, kept apart by the run's name: {@code runs} (the
 * manifest as JSON, the end time), {@code cases} (each case's state, the claiming worker, its token and lease),
 * {@code outcomes} (each committed case as JSON) and {@code judge_records} (one row per judge call, for SQL audits).
 * Workers claim cases with {@code SELECT … FOR UPDATE SKIP LOCKED}: two workers never get the same case, and none
 * waits for another. A claim holds a lease on the database's clock (so hosts' clocks need not agree) and a token
 * drawn from a sequence; a worker that dies loses its cases when their leases run out and they are claimed again.
 * {@link #complete} locks the case's row and checks the token in the transaction that writes the outcome, so a
 * worker whose lease expired and whose case was taken meanwhile cannot commit over the new owner.
 *
 * <p>Images and trajectories are files in the run folder, which every host must see (a shared file system): the
 * store holds their paths relative to it, and refuses absolute ones. The cases' own data (source images) is loaded by
 * each process from its own copy of the suite; the manifest (which holds the data's hash) must be equal across hosts,
 * so each process knows the cases by id.
 *
 * <p>Thread-safe: the runner's workers share one instance, which keeps a few idle connections for reuse.
 */
public final class PostgresStore implements ResultStore {
    /** The environment variable holding the password, as for libpq's tools. */
    public static final String PASSWORD_VARIABLE = "PGPASSWORD";

    private static final long SCHEMA_LOCK = 0x6564_6974_6c6f_6f70L; // "editloop"
    private static final int MAX_IDLE = 16;
    private static final Duration IDLE_CHECK = Duration.ofSeconds(30);

    private static final List<String> SCHEMA = List.of(
            "CREATE SCHEMA IF NOT EXISTS editloop",
            "CREATE SEQUENCE IF NOT EXISTS editloop.claim_tokens",
            """
            CREATE TABLE IF NOT EXISTS editloop.runs (
                run text PRIMARY KEY,
                manifest text NOT NULL,
                created timestamptz NOT NULL DEFAULT now(),
                ended timestamptz)""",
            """
            CREATE TABLE IF NOT EXISTS editloop.cases (
                run text NOT NULL REFERENCES editloop.runs (run) ON DELETE CASCADE,
                case_id text NOT NULL,
                ord integer NOT NULL,
                state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'claimed', 'done', 'failed')),
                worker text,
                token bigint,
                lease_until timestamptz,
                claims integer NOT NULL DEFAULT 0,
                commits integer NOT NULL DEFAULT 0,
                finished timestamptz,
                PRIMARY KEY (run, case_id))""",
            "CREATE INDEX IF NOT EXISTS cases_by_state ON editloop.cases (run, state, ord)",
            """
            CREATE TABLE IF NOT EXISTS editloop.outcomes (
                run text NOT NULL,
                case_id text NOT NULL,
                failed boolean NOT NULL,
                outcome text NOT NULL,
                worker text NOT NULL,
                token bigint NOT NULL,
                committed timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (run, case_id),
                FOREIGN KEY (run, case_id) REFERENCES editloop.cases (run, case_id) ON DELETE CASCADE)""",
            """
            CREATE TABLE IF NOT EXISTS editloop.sessions (
                id bigserial PRIMARY KEY,
                run text NOT NULL REFERENCES editloop.runs (run) ON DELETE CASCADE,
                host text NOT NULL,
                version text NOT NULL,
                commit_id text NOT NULL,
                started timestamptz NOT NULL DEFAULT now(),
                ended timestamptz)""",
            """
            CREATE TABLE IF NOT EXISTS editloop.judge_records (
                run text NOT NULL,
                case_id text NOT NULL,
                seq integer NOT NULL,
                turn integer NOT NULL,
                sample integer NOT NULL,
                question integer NOT NULL,
                ok boolean NOT NULL,
                latency_ms bigint NOT NULL,
                error text,
                record text NOT NULL,
                PRIMARY KEY (run, case_id, seq),
                FOREIGN KEY (run, case_id) REFERENCES editloop.outcomes (run, case_id) ON DELETE CASCADE)""");

    private static final String CLAIM = """
            UPDATE editloop.cases c
               SET state = 'claimed', worker = ?, token = nextval('editloop.claim_tokens'),
                   lease_until = now() + ? * interval '1 millisecond', claims = c.claims + 1
             WHERE c.run = ? AND c.case_id = (
                   SELECT case_id FROM editloop.cases
                    WHERE run = ?
                      AND (state = 'open' OR (state = 'claimed' AND lease_until < now())
                           OR (? AND state = 'failed' AND finished < ?))
                    ORDER BY ord
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
            RETURNING c.case_id, c.token, c.lease_until""";

    private final PostgresLocation where;
    private final Properties connection;
    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    /** This process's cases by id, from {@link #begin}: claims hand these out (paths as this host sees them). */
    private final Map<String, BenchCase> cases = new ConcurrentHashMap<>();

    /** When this store was opened, on the server's clock: {@code retryFailed} redoes cases that failed before. */
    private final Timestamp opened;

    private volatile long session = -1;
    private volatile boolean begun;
    private volatile boolean closed;

    private record Idle(Connection connection, long since) {}

    private PostgresStore(PostgresLocation where, String password) {
        this.where = where;
        this.connection = new Properties();
        if (where.user() != null) {
            connection.setProperty("user", where.user());
        }
        if (password != null && !password.isEmpty()) {
            connection.setProperty("password", password);
        }
        connection.setProperty("ApplicationName", "editloop-bench");
        connection.setProperty("tcpKeepAlive", "true");
        connection.putIfAbsent("connectTimeout", "10");
        this.opened = inTransaction("creating the schema", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
                try (ResultSet rs = s.executeQuery("SELECT now()")) {
                    rs.next();
                    return rs.getTimestamp(1);
                }
            }
        });
    }

    /**
     * Opens (and, on first use, creates) the store, with the password from {@code PGPASSWORD} when it is set.
     *
     * @param location {@code postgresql://user@host:port/database?run=NAME} or a {@code jdbc:postgresql:} URL (see
     *     {@link PostgresLocation})
     * @param runDir the run folder all hosts see; its name is the run's name when the location names none
     * @throws InvalidInputException on a bad location; {@link RetriableException} when the server cannot be reached
     */
    public static PostgresStore open(String location, Path runDir) {
        return open(PostgresLocation.parse(location, runDir), System.getenv(PASSWORD_VARIABLE));
    }

    /** Opens the store at a parsed location with the given password (null for none). */
    public static PostgresStore open(PostgresLocation where, String password) {
        return new PostgresStore(where, password);
    }

    /** Where the store is (never with a password). */
    public PostgresLocation location() {
        return where;
    }

    @Override
    public void begin(Manifest manifest, List<BenchCase> runCases) {
        Set<String> ids = new HashSet<>();
        for (BenchCase c : runCases) {
            if (!ids.add(c.id())) {
                throw new InvalidInputException("case id " + c.id() + " appears twice in the suite " + c.suite());
            }
        }
        String json = OutcomeJson.manifest(manifest);
        inTransaction("starting the run", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO editloop.runs (run, manifest) VALUES (?, ?) ON CONFLICT (run) DO NOTHING")) {
                insert.setString(1, where.run());
                insert.setString(2, json);
                insert.executeUpdate();
            }
            String stored;
            try (PreparedStatement select =
                    c.prepareStatement("SELECT manifest FROM editloop.runs WHERE run = ? FOR SHARE")) {
                select.setString(1, where.run());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    stored = rs.getString(1);
                }
            }
            if (!stored.equals(json)) {
                List<String> differences =
                        ManifestCheck.differences(OutcomeJson.manifest(stored, where.display()), manifest);
                if (!differences.isEmpty()) {
                    throw new InvalidInputException("run " + where.run() + " in " + where.display()
                            + " was started with another manifest (differs in " + String.join("; ", differences)
                            + "); runs are never merged: use another run name");
                }
            }
            int before = caseCount(c);
            if (before == 0 || before == runCases.size()) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO editloop.cases (run, case_id, ord)"
                        + " VALUES (?, ?, ?) ON CONFLICT (run, case_id) DO NOTHING")) {
                    int ord = 0;
                    for (BenchCase bc : runCases) {
                        insert.setString(1, where.run());
                        insert.setString(2, bc.id());
                        insert.setInt(3, ord++);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            int after = caseCount(c);
            if (after != runCases.size()) {
                throw new InvalidInputException("run " + where.run() + " in " + where.display() + " holds "
                        + (before == 0 ? after : before) + " cases, this process has " + runCases.size()
                        + (before == runCases.size() ? " with other ids" : "")
                        + "; runs are never merged: use another run name");
            }
            return null;
        });
        for (BenchCase bc : runCases) {
            cases.put(bc.id(), bc);
        }
        begun = true;
    }

    @Override
    public Optional<Manifest> manifest() {
        String json = inTransaction("reading the manifest", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT manifest FROM editloop.runs WHERE run = ?")) {
                s.setString(1, where.run());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return Optional.ofNullable(json).map(j -> OutcomeJson.manifest(j, where.display()));
    }

    @Override
    public Optional<Claim> claim(String worker, Duration lease, boolean retryFailed) {
        requireBegun();
        checkLease(lease);
        return inTransaction("claiming a case", c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setString(1, worker);
                s.setDouble(2, lease.toMillis());
                s.setString(3, where.run());
                s.setString(4, where.run());
                s.setBoolean(5, retryFailed);
                s.setTimestamp(6, opened);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String id = rs.getString(1);
                    BenchCase bc = cases.get(id);
                    if (bc == null) {
                        throw new NonRetriableException("run " + where.run() + " in " + where.display() + " holds case "
                                + id + ", which this process's suite lacks");
                    }
                    return Optional.of(new Claim(
                            bc, worker, rs.getLong(2), rs.getTimestamp(3).toInstant()));
                }
            }
        });
    }

    @Override
    public boolean renew(Claim claim, Duration lease) {
        checkLease(lease);
        return inTransaction("renewing a lease", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE editloop.cases"
                    + " SET lease_until = now() + ? * interval '1 millisecond'"
                    + " WHERE run = ? AND case_id = ? AND token = ? AND state = 'claimed'")) {
                s.setDouble(1, lease.toMillis());
                s.setString(2, where.run());
                s.setString(3, claim.benchCase().id());
                s.setLong(4, claim.token());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(Claim claim) {
        inTransaction("releasing case " + claim.benchCase().id(), c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE editloop.cases k
                       SET state = coalesce((SELECT CASE WHEN o.failed THEN 'failed' ELSE 'done' END
                                               FROM editloop.outcomes o
                                              WHERE o.run = k.run AND o.case_id = k.case_id), 'open'),
                           lease_until = NULL
                     WHERE run = ? AND case_id = ? AND token = ? AND state = 'claimed'""")) {
                s.setString(1, where.run());
                s.setString(2, claim.benchCase().id());
                s.setLong(3, claim.token());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean complete(Claim claim, CaseOutcome outcome) {
        String id = claim.benchCase().id();
        if (!outcome.benchCase().id().equals(id)) {
            throw new IllegalArgumentException(
                    "outcome of case " + outcome.benchCase().id() + " committed under the claim of case " + id);
        }
        checkRelative(outcome);
        String json = OutcomeJson.outcome(outcome);
        return inTransaction("committing case " + id, c -> {
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT state, token FROM editloop.cases WHERE run = ? AND case_id = ? FOR UPDATE")) {
                lock.setString(1, where.run());
                lock.setString(2, id);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !"claimed".equals(rs.getString(1)) || rs.getLong(2) != claim.token()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO editloop.outcomes (run, case_id, failed, outcome, worker, token)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (run, case_id) DO UPDATE SET failed = excluded.failed, outcome = excluded.outcome,
                        worker = excluded.worker, token = excluded.token, committed = now()""")) {
                s.setString(1, where.run());
                s.setString(2, id);
                s.setBoolean(3, outcome.failed());
                s.setString(4, json);
                s.setString(5, claim.worker());
                s.setLong(6, claim.token());
                s.executeUpdate();
            }
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM editloop.judge_records WHERE run = ? AND case_id = ?")) {
                s.setString(1, where.run());
                s.setString(2, id);
                s.executeUpdate();
            }
            if (!outcome.judgements().isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO editloop.judge_records"
                        + " (run, case_id, seq, turn, sample, question, ok, latency_ms, error, record)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int seq = 0;
                    for (JudgeRecord r : outcome.judgements()) {
                        s.setString(1, where.run());
                        s.setString(2, id);
                        s.setInt(3, seq++);
                        s.setInt(4, r.turn());
                        s.setInt(5, r.sample());
                        s.setInt(6, r.question());
                        s.setBoolean(7, r.ok());
                        s.setLong(8, r.latencyMs());
                        s.setString(9, r.error());
                        s.setString(10, OutcomeJson.write(r));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE editloop.cases SET state = ?, lease_until = NULL,"
                    + " commits = commits + 1, finished = now() WHERE run = ? AND case_id = ?")) {
                s.setString(1, outcome.failed() ? "failed" : "done");
                s.setString(2, where.run());
                s.setString(3, id);
                s.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<CaseOutcome> outcomes() {
        List<String> rows = inTransaction("reading the outcomes", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT o.outcome FROM editloop.outcomes o"
                    + " JOIN editloop.cases k ON k.run = o.run AND k.case_id = o.case_id"
                    + " WHERE o.run = ? ORDER BY k.ord")) {
                s.setString(1, where.run());
                List<String> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
        List<CaseOutcome> outcomes = new ArrayList<>(rows.size());
        for (String json : rows) {
            outcomes.add(OutcomeJson.outcome(json, where.display()));
        }
        return outcomes;
    }

    @Override
    public Counts counts() {
        return inTransaction("counting cases", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE state = 'done'),"
                    + " count(*) FILTER (WHERE state = 'failed'),"
                    + " count(*) FILTER (WHERE state = 'claimed' AND lease_until >= now())"
                    + " FROM editloop.cases WHERE run = ?")) {
                s.setString(1, where.run());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
                }
            }
        });
    }

    @Override
    public void finish(Instant ended) {
        inTransaction("marking the run's end", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE editloop.runs SET ended = GREATEST(ended, ?) WHERE run = ?")) {
                s.setTimestamp(1, Timestamp.from(ended));
                s.setString(2, where.run());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Instant> ended() {
        return inTransaction("reading the run's end", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT ended FROM editloop.runs WHERE run = ?")) {
                s.setString(1, where.run());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Instant>empty();
                    }
                    Timestamp t = rs.getTimestamp(1);
                    return Optional.ofNullable(t).map(Timestamp::toInstant);
                }
            }
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (session >= 0) {
            try {
                inTransaction("ending the session", c -> {
                    try (PreparedStatement s =
                            c.prepareStatement("UPDATE editloop.sessions SET ended = now() WHERE id = ?")) {
                        s.setLong(1, session);
                        s.executeUpdate();
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                // the server is gone: the session simply shows no end
            }
        }
        closed = true;
        Idle i;
        while ((i = idle.poll()) != null) {
            idleCount.decrementAndGet();
            closeQuietly(i.connection());
        }
    }

    @Override
    public String toString() {
        return "PostgresStore[" + where.display() + "]";
    }

    private int caseCount(Connection c) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM editloop.cases WHERE run = ?")) {
            count.setString(1, where.run());
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String host() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown";
        }
        return host + " pid " + ProcessHandle.current().pid();
    }

    private void requireBegun() {
        if (!begun) {
            throw new IllegalStateException("begin the run in " + where.display() + " before claiming cases");
        }
    }

    private static void checkLease(Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, got " + lease);
        }
    }

    private void checkRelative(CaseOutcome outcome) {
        List<String> paths = new ArrayList<>();
        if (outcome.trajectory() != null) {
            paths.add(outcome.trajectory());
        }
        outcome.turns().forEach(t -> paths.add(t.image()));
        for (String p : paths) {
            Path path = Path.of(p);
            if (path.isAbsolute() || path.normalize().startsWith("..")) {
                throw new IllegalArgumentException("case " + outcome.benchCase().id() + ": " + p
                        + " is not relative to the run folder; the store keeps paths every host resolves alike");
            }
        }
    }

    /** One unit of work on a connection, in a transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        if (closed) {
            throw new IllegalStateException("the PostgreSQL store " + where.display() + " is closed");
        }
        Connection c = borrow(what);
        boolean reusable = false;
        try {
            c.setAutoCommit(false);
            T result = work.apply(c);
            c.commit();
            reusable = true;
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw failure(what, e);
        } catch (RuntimeException e) {
            reusable = rollbackQuietly(c);
            throw e;
        } finally {
            if (reusable && !closed && idleCount.incrementAndGet() <= MAX_IDLE) {
                idle.push(new Idle(c, System.nanoTime()));
            } else {
                if (reusable && !closed) {
                    idleCount.decrementAndGet();
                }
                closeQuietly(c);
            }
        }
    }

    private Connection borrow(String what) {
        Idle i;
        while ((i = idle.poll()) != null) {
            idleCount.decrementAndGet();
            try {
                if (System.nanoTime() - i.since() < IDLE_CHECK.toNanos()
                        || i.connection().isValid(5)) {
                    return i.connection();
                }
            } catch (SQLException e) {
                // not valid: dropped below
            }
            closeQuietly(i.connection());
        }
        try {
            return DriverManager.getConnection(where.jdbcUrl(), connection);
        } catch (SQLException e) {
            throw failure(what + " (connecting)", e);
        }
    }

    private RuntimeException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = "PostgreSQL store " + where.display() + ": " + what + " failed: " + e.getMessage()
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
        boolean transientFailure = state.startsWith("08")
                || state.equals("40001")
                || state.equals("40P01")
                || state.equals("53300")
                || state.equals("57P01")
                || state.equals("57P03");
        return transientFailure ? new RetriableException(message, e) : new NonRetriableException(message, e);
    }

    private static boolean rollbackQuietly(Connection c) {
        try {
            c.rollback();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing a broken connection: nothing to do
        }
    }
}
