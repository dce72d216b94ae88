package dev.editloop.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.bench.run.PostgresRunnerChild;
import dev.editloop.bench.testing.ChildJvm;
import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real runner processes ({@code BenchRunner} with the embedded backends and RISE's own protocol, on RISEBench-64's
 * first cases) share one run in a real PostgreSQL server and one run folder; one is killed with {@code kill -9} while
 * it holds cases, once it has committed some. The survivor reclaims the dead worker's cases when their leases expire
 * and finishes the run: every case is committed exactly once, by one process, with its files in the run folder. A third
 * process with another manifest is refused with one line.
 */
class PostgresTwoProcessTest {
    private static final int CASES = 20;
    private static final String CONCURRENCY = "2";
    private static final String LEASE_MS = "2000";
    private static final String RUN = "shared-run";

    @TempDir
    Path runDir;

    @TempDir
    Path logs;

    @Test
    void aKilledRunnersCasesAreReclaimedAndEveryCaseIsCommittedExactlyOnce() throws Exception {
        assumeTrue(
                Files.exists(riseData().resolve("data_total.json")),
                "the shared RISEBench-64 subset (../shared/benchmarks/risebench-64) is absent");
        Optional<PostgresTestServer> server = PostgresTestServer.shared();
        assumeTrue(server.isPresent(), PostgresTestServer::whyUnavailable);
        String database = server.get().createDatabase("two_runners");
        String location = server.get().location(database, RUN);
        String jdbc = server.get().jdbcUrl(database);
        Path logA = logs.resolve("a.log");
        Path logB = logs.resolve("b.log");

        Process a = runner(location, logA, "think-while-edit");
        Process b = runner(location, logB, "think-while-edit");
        try {
            ChildJvm.awaitWhileAlive(
                    a,
                    () -> committedBy(jdbc, a.pid()) >= 3
                            && !heldBy(jdbc, a.pid()).isEmpty(),
                    Duration.ofMinutes(5),
                    logA);
            ChildJvm.kill9(a);
            List<String> held = heldBy(jdbc, a.pid());
            assertThat(held).as("the killed runner held cases in flight").isNotEmpty();

            assertThat(b.waitFor(5, TimeUnit.MINUTES))
                    .as("the survivor finishes")
                    .isTrue();
            assertThat(b.exitValue()).as(Files.readString(logB)).isZero();
            assertThat(lines(logB)).anySatisfy(l -> assertThat(l).startsWith("finished complete=true"));

            // the survivor's own account: each case it committed once, never one the killed runner had committed
            // (the killed runner's account is the database's: it may die between a commit and its log line)
            List<String> byB = lines(logB).stream()
                    .filter(l -> l.startsWith("committed "))
                    .map(l -> l.split(" ")[1])
                    .toList();
            assertThat(byB).doesNotHaveDuplicates();
            assertThat(byB).containsAll(held);
            Map<String, String> workerOf = new HashMap<>();

            // and in the database: every case done, committed once, its outcome's files in the shared folder
            try (Connection c = DriverManager.getConnection(jdbc);
                    PreparedStatement s = c.prepareStatement(
                            "SELECT k.case_id, k.state, k.commits, k.claims, o.worker, o.failed, o.outcome"
                                    + " FROM editloop.cases k JOIN editloop.outcomes o USING (run, case_id)"
                                    + " WHERE run = ? ORDER BY k.ord")) {
                s.setString(1, RUN);
                int rows = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        String id = rs.getString("case_id");
                        assertThat(rs.getString("state")).as(id).isEqualTo("done");
                        assertThat(rs.getBoolean("failed")).as(id).isFalse();
                        assertThat(rs.getInt("commits")).as("commits of " + id).isEqualTo(1);
                        CaseOutcome outcome = OutcomeJson.outcome(rs.getString("outcome"), "test");
                        assertThat(runDir.resolve(outcome.trajectory())).as(id).isRegularFile();
                        assertThat(outcome.turns()).as(id).isNotEmpty();
                        for (TurnOutcome t : outcome.turns()) {
                            assertThat(runDir.resolve(t.image())).as(id).isRegularFile();
                            assertThat(t.scores()).as(id).isNotEmpty();
                        }
                        workerOf.put(id, rs.getString("worker"));
                        if (held.contains(id)) {
                            assertThat(rs.getInt("claims"))
                                    .as("case %s reclaimed after the lease", id)
                                    .isGreaterThanOrEqualTo(2);
                            assertThat(rs.getString("worker")).contains(":" + b.pid() + ":");
                        }
                    }
                }
                assertThat(rows).isEqualTo(CASES);
            }
            String killedWorker = ":" + a.pid() + ":";
            String survivorWorker = ":" + b.pid() + ":";
            assertThat(workerOf.values()).allSatisfy(w -> assertThat(w).containsAnyOf(killedWorker, survivorWorker));
            assertThat(workerOf.values().stream().filter(w -> w.contains(killedWorker)))
                    .as("the killed runner did some of the run")
                    .hasSizeGreaterThanOrEqualTo(3);
            for (String id : byB) {
                assertThat(workerOf.get(id))
                        .as("case %s, committed by the survivor", id)
                        .contains(survivorWorker);
            }

            Path logC = logs.resolve("c.log");
            Process c = runner(location, logC, "single");
            assertThat(c.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(c.exitValue()).as(Files.readString(logC)).isEqualTo(2);
            List<String> refusal = lines(logC).stream()
                    .filter(l -> !l.startsWith("WARNING") && !l.isBlank())
                    .collect(Collectors.toList());
            assertThat(refusal)
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains("run " + RUN)
                            .contains("strategy (stored think-while-edit, given single)")
                            .contains("never merged"));
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
    }

    private Process runner(String location, Path log, String strategy) throws Exception {
        return ChildJvm.start(
                PostgresRunnerChild.class,
                log,
                location,
                runDir.toString(),
                String.valueOf(CASES),
                CONCURRENCY,
                LEASE_MS,
                strategy);
    }

    private static Path riseData() {
        return TestImages.repoRoot()
                .resolveSibling("shared")
                .resolve("benchmarks")
                .resolve("risebench-64");
    }

    /** Cases the process committed (its workers are named {@code host:pid:index}). */
    private static int committedBy(String jdbc, long pid) {
        List<String> ids = query(jdbc, "SELECT case_id FROM editloop.outcomes WHERE run = ? AND worker LIKE ?", pid);
        return ids.size();
    }

    /** Cases the process holds a claim on now. */
    private static List<String> heldBy(String jdbc, long pid) {
        return query(
                jdbc, "SELECT case_id FROM editloop.cases WHERE run = ? AND state = 'claimed' AND worker LIKE ?", pid);
    }

    private static List<String> query(String jdbc, String sql, long pid) {
        try (Connection c = DriverManager.getConnection(jdbc);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, RUN);
            s.setString(2, "%:" + pid + ":%");
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            return List.of(); // the schema is not there yet
        }
    }

    private static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
