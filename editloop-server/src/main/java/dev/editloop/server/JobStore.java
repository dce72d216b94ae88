package dev.editloop.server;

import dev.editloop.core.NonRetriableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jobs, in SQLite ({@code jobs.db} in the data folder): one row per job, written when it is submitted, when it
 * starts and when it stops. Images and trajectories stay in the job's run folder. One connection, used under this
 * object's lock (SQLite serialises writers anyway).
 */
final class JobStore implements AutoCloseable {
    private static final String COLUMNS = "id, created_ms, updated_ms, instruction, strategy, profile, editor,"
            + " thinker, origin, status, stop_reason, turns, best_turn, accepted, error";

    private final Connection db;

    private JobStore(Connection db) {
        this.db = db;
    }

    /** Opens (or creates) the store in {@code file}. */
    static JobStore open(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, created_ms INTEGER NOT NULL,"
                        + " updated_ms INTEGER NOT NULL, instruction TEXT NOT NULL, strategy TEXT NOT NULL,"
                        + " profile TEXT, editor TEXT NOT NULL, thinker TEXT NOT NULL, origin TEXT NOT NULL,"
                        + " status TEXT NOT NULL, stop_reason TEXT, turns INTEGER NOT NULL DEFAULT 0,"
                        + " best_turn INTEGER NOT NULL DEFAULT 0, accepted INTEGER, error TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS jobs_created ON jobs(created_ms)");
                // the page's sessions: a keyed digest of each cookie (never the cookie), so a restart keeps users in
                s.execute("CREATE TABLE IF NOT EXISTS sessions (digest TEXT PRIMARY KEY, created_ms INTEGER NOT NULL)");
            }
            return new JobStore(c);
        } catch (SQLException e) {
            throw new NonRetriableException("the job database cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * Marks every job that was queued or running when the last server stopped as interrupted.
     *
     * @return the ids marked
     */
    synchronized List<String> markInterrupted() {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT id FROM jobs WHERE status IN ('queued','running')")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            try (PreparedStatement u = db.prepareStatement("UPDATE jobs SET status='interrupted', updated_ms=?,"
                    + " error='the server stopped while the job was queued or running'"
                    + " WHERE status IN ('queued','running')")) {
                u.setLong(1, System.currentTimeMillis());
                u.executeUpdate();
            }
            return ids;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    synchronized void put(JobRecord r) {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT OR REPLACE INTO jobs (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, r.id());
            p.setLong(2, r.createdMs());
            p.setLong(3, r.updatedMs());
            p.setString(4, r.instruction());
            p.setString(5, r.strategy());
            p.setString(6, r.profile());
            p.setString(7, r.editor());
            p.setString(8, r.thinker());
            p.setString(9, r.origin());
            p.setString(10, r.status());
            p.setString(11, r.stopReason());
            p.setInt(12, r.turns());
            p.setInt(13, r.bestTurn());
            if (r.accepted() == null) {
                p.setNull(14, Types.INTEGER);
            } else {
                p.setInt(14, r.accepted() ? 1 : 0);
            }
            p.setString(15, r.error());
            p.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    synchronized Optional<JobRecord> get(String id) {
        try (PreparedStatement p = db.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id=?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The newest jobs first. */
    synchronized List<JobRecord> list(int limit) {
        try (PreparedStatement p =
                db.prepareStatement("SELECT " + COLUMNS + " FROM jobs ORDER BY created_ms DESC, id DESC LIMIT ?")) {
            p.setInt(1, limit);
            List<JobRecord> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    synchronized boolean delete(String id) {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM jobs WHERE id=?")) {
            p.setString(1, id);
            return p.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Keeps a session's digest. */
    synchronized void addSession(String digest, long createdMs) {
        try (PreparedStatement p =
                db.prepareStatement("INSERT OR REPLACE INTO sessions (digest, created_ms) VALUES (?,?)")) {
            p.setString(1, digest);
            p.setLong(2, createdMs);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** When a session was created, if it is kept. */
    synchronized Optional<Long> session(String digest) {
        try (PreparedStatement p = db.prepareStatement("SELECT created_ms FROM sessions WHERE digest=?")) {
            p.setString(1, digest);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Forgets sessions created before {@code createdBeforeMs}; returns how many. */
    synchronized int pruneSessions(long createdBeforeMs) {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM sessions WHERE created_ms < ?")) {
            p.setLong(1, createdBeforeMs);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    synchronized int count() {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM jobs")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static JobRecord row(ResultSet rs) throws SQLException {
        int accepted = rs.getInt(14);
        Boolean acc = rs.wasNull() ? null : accepted != 0;
        return new JobRecord(
                rs.getString(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getInt(12),
                rs.getInt(13),
                acc,
                rs.getString(15));
    }

    private static NonRetriableException failed(SQLException e) {
        return new NonRetriableException("the job database failed: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing: nothing left to do
        }
    }
}
