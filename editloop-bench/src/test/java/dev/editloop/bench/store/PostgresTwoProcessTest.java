package dev.editloop.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.bench.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * Two runner processes share one run in a real PostgreSQL server; one is killed with {@code kill -9} while it holds a
 * case. The survivor reclaims that case when its lease expires and finishes the run: every case is committed exactly
 * once. A third process with another manifest is refused with one line.
 */
class PostgresTwoProcessTest {
    private static final int CASES = 24;
    private static final String LEASE_MS = "2000";

    @TempDir
    Path runDir;

    @TempDir
    Path logs;

    @Test
    void aKilledWorkersCaseIsReclaimedAndEveryCaseIsCommittedExactlyOnce() throws Exception {
        Optional<PostgresTestServer> server = PostgresTestServer.shared();
        assumeTrue(server.isPresent(), PostgresTestServer::whyUnavailable);
        String database = server.get().createDatabase("two_processes");
        String location = server.get().location(database, "shared-run");
        Path logA = logs.resolve("a.log");
        Path logB = logs.resolve("b.log");

        Process a = worker(location, logA, "A", "400", "think-while-edit");
        Process b = worker(location, logB, "B", "150", "think-while-edit");
        try {
            ChildJvm.awaitWhileAlive(
                    a,
                    () -> count(logA, "committed ") >= 3 && last(logA).startsWith("claimed "),
                    Duration.ofMinutes(3),
                    logA);
            ChildJvm.kill9(a);
            String[] held = last(logA).split(" ");
            String heldCase = held[1];

            assertThat(b.waitFor(3, TimeUnit.MINUTES))
                    .as("the survivor finishes")
                    .isTrue();
            assertThat(b.exitValue()).as(Files.readString(logB)).isZero();
            assertThat(last(logB)).startsWith("finished");

            Map<String, List<String>> committedBy = new HashMap<>();
            for (var log : Map.of("A", logA, "B", logB).entrySet()) {
                for (String line : lines(log.getValue())) {
                    if (line.startsWith("committed ") && line.endsWith(" true")) {
                        committedBy
                                .computeIfAbsent(line.split(" ")[1], k -> new ArrayList<>())
                                .add(log.getKey());
                    }
                }
            }
            assertThat(committedBy).hasSize(CASES);
            assertThat(committedBy.values()).allSatisfy(by -> assertThat(by).hasSize(1));
            assertThat(committedBy.get(heldCase)).containsExactly("B");
            assertThat(committedBy.values().stream().filter(by -> by.contains("A")))
                    .as("the killed worker did some of the run")
                    .hasSizeGreaterThanOrEqualTo(3);

            try (Connection c = DriverManager.getConnection(server.get().jdbcUrl(database));
                    var s = c.prepareStatement("SELECT k.case_id, k.state, k.commits, k.claims, o.worker, o.outcome"
                            + " FROM editloop.cases k JOIN editloop.outcomes o USING (run, case_id)"
                            + " WHERE run = 'shared-run' ORDER BY k.ord")) {
                int rows = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        assertThat(rs.getString("state")).isEqualTo("done");
                        assertThat(rs.getInt("commits"))
                                .as("commits of " + rs.getString(1))
                                .isEqualTo(1);
                        CaseOutcome outcome = OutcomeJson.outcome(rs.getString("outcome"), "test");
                        assertThat(runDir.resolve(outcome.turns().get(0).image()))
                                .isRegularFile();
                        if (rs.getString(1).equals(heldCase)) {
                            assertThat(rs.getInt("claims"))
                                    .as("reclaimed after the lease")
                                    .isGreaterThanOrEqualTo(2);
                            assertThat(rs.getString("worker")).isEqualTo("B");
                        }
                    }
                }
                assertThat(rows).isEqualTo(CASES);
            }

            Path logC = logs.resolve("c.log");
            Process c = worker(location, logC, "C", "10", "single");
            assertThat(c.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(c.exitValue()).as(Files.readString(logC)).isEqualTo(2);
            List<String> refusal = lines(logC).stream()
                    .filter(l -> !l.startsWith("WARNING") && !l.isBlank())
                    .collect(Collectors.toList());
            assertThat(refusal)
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains("run shared-run")
                            .contains("strategy (stored think-while-edit, given single)")
                            .contains("never merged"));
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
    }

    private Process worker(String location, Path log, String name, String workMillis, String strategy)
            throws Exception {
        return ChildJvm.start(
                PostgresWorkerChild.class,
                log,
                location,
                runDir.toString(),
                name,
                String.valueOf(CASES),
                workMillis,
                LEASE_MS,
                strategy);
    }

    private static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(Path log, String prefix) {
        return lines(log).stream().filter(l -> l.startsWith(prefix)).count();
    }

    private static String last(Path log) {
        List<String> all = lines(log);
        return all.isEmpty() ? "" : all.get(all.size() - 1);
    }
}
