package dev.editloop.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.bench.testing.ChildJvm;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 while a process commits cases: every case is afterwards either complete (all its rows) or not done. */
class SqliteStoreCrashTest {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesEveryCaseCompleteOrOpen() throws Exception {
        Path log = dir.resolve("child.log");
        Path runDir = dir.resolve("run");
        int cases = 20_000;
        Process child = ChildJvm.start(StoreCrashChild.class, log, runDir.toString(), String.valueOf(cases));
        try {
            ChildJvm.awaitWhileAlive(child, () -> done(runDir) >= 200, Duration.ofMinutes(3), log);
        } finally {
            ChildJvm.kill9(child);
        }

        try (SqliteStore store = SqliteStore.open(runDir)) {
            ResultStore.Counts counts = store.counts();
            assertThat(counts.total()).isEqualTo(cases);
            assertThat(counts.done()).isGreaterThanOrEqualTo(200).isLessThan(cases);
            // every done case has its outcome and all its judge rows; no other case has any
            Map<String, Integer> judgeRows = new HashMap<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT case_id, count(*) FROM judge_calls GROUP BY case_id")) {
                    while (rs.next()) {
                        judgeRows.put(rs.getString(1), rs.getInt(2));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM cases c LEFT JOIN outcomes o"
                        + " ON o.case_id = c.id WHERE (c.state = 'done') <> (o.case_id IS NOT NULL)")) {
                    rs.next();
                    assertThat(rs.getInt(1))
                            .as("cases whose state and outcome row disagree")
                            .isZero();
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM cases WHERE state = 'claimed'")) {
                    rs.next();
                    assertThat(rs.getInt(1))
                            .as("cases left claimed by the dead worker")
                            .isLessThanOrEqualTo(1);
                }
            }
            var outcomes = store.outcomes();
            assertThat(outcomes).hasSize(counts.done());
            for (CaseOutcome o : outcomes) {
                assertThat(o.judgements()).hasSize(25);
                assertThat(judgeRows.get(o.benchCase().id())).isEqualTo(25);
            }
            assertThat(judgeRows).hasSize(counts.done());
        }
    }

    private static int done(Path runDir) {
        if (!runDir.resolve(SqliteStore.FILE).toFile().exists()) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + runDir.resolve(SqliteStore.FILE));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM cases WHERE state = 'done'")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            return 0; // the schema is not there yet
        }
    }
}
