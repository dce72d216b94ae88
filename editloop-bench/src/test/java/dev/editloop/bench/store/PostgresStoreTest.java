package dev.editloop.bench.store;

import static dev.editloop.bench.store.PostgresFixtures.cases;
import static dev.editloop.bench.store.PostgresFixtures.done;
import static dev.editloop.bench.store.PostgresFixtures.failed;
import static dev.editloop.bench.store.PostgresFixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.RetriableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** {@link PostgresStore} against a real PostgreSQL server: claims, leases, tokens, commits, manifests. */
class PostgresStoreTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private static PostgresTestServer server;
    private static String database;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private final List<PostgresStore> opened = new ArrayList<>();

    @BeforeAll
    static void server() {
        Optional<PostgresTestServer> s = PostgresTestServer.shared();
        assumeTrue(s.isPresent(), PostgresTestServer::whyUnavailable);
        server = s.get();
        database = server.createDatabase("store_test");
    }

    @AfterEach
    void close() {
        opened.forEach(PostgresStore::close);
    }

    private PostgresStore store(String run) {
        PostgresStore store = PostgresStore.open(server.location(database, run), null);
        opened.add(store);
        return store;
    }

    private static String run(TestInfo info) {
        return info.getTestMethod().orElseThrow().getName().toLowerCase() + "-" + RUNS.incrementAndGet();
    }

    @Test
    void claimsHandOutEveryCaseOnceInSuiteOrder(TestInfo info) {
        PostgresStore store = store(run(info));
        List<BenchCase> cases = cases(5);
        store.begin(manifest("think-while-edit", 7), cases);

        List<String> claimed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Claim claim = store.claim(i % 2 == 0 ? "a" : "b", LONG, false).orElseThrow();
            claimed.add(claim.benchCase().id());
            assertThat(claim.benchCase()).isEqualTo(cases.get(i));
            assertThat(claim.leaseUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        }
        assertThat(claimed).containsExactly("case-000", "case-001", "case-002", "case-003", "case-004");
        assertThat(store.claim("c", LONG, false)).isEmpty();
        assertThat(store.counts()).isEqualTo(new ResultStore.Counts(5, 0, 0, 5));
    }

    @Test
    void concurrentWorkersNeverShareACase(TestInfo info) throws Exception {
        PostgresStore store = store(run(info));
        store.begin(manifest("think-while-edit", 7), cases(60));
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 12; w++) {
                String worker = "w" + w;
                workers.add(pool.submit(() -> {
                    Optional<Claim> c;
                    while ((c = store.claim(worker, LONG, false)).isPresent()) {
                        claimed.add(c.get().benchCase().id());
                        assertThat(store.complete(c.get(), done(c.get().benchCase(), "img/x.png")))
                                .isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        assertThat(claimed).hasSize(60).doesNotHaveDuplicates();
        assertThat(store.counts()).isEqualTo(new ResultStore.Counts(60, 60, 0, 0));
        assertThat(commitsPerCase(store.location().run())).containsOnly(1);
    }

    @Test
    void anExpiredLeaseIsReclaimedAndTheStaleWorkerCannotCommit(TestInfo info) throws Exception {
        PostgresStore store = store(run(info));
        store.begin(manifest("think-while-edit", 7), cases(1));
        Claim stale = store.claim("dead", Duration.ofMillis(300), false).orElseThrow();
        assertThat(store.claim("other", LONG, false))
                .as("the lease still holds")
                .isEmpty();

        Thread.sleep(600);
        assertThat(store.counts().open()).as("an expired claim counts as open").isEqualTo(1);
        Claim fresh = store.claim("alive", LONG, false).orElseThrow();
        assertThat(fresh.benchCase().id()).isEqualTo(stale.benchCase().id());
        assertThat(fresh.token()).isNotEqualTo(stale.token());

        assertThat(store.renew(stale, LONG)).isFalse();
        assertThat(store.complete(stale, done(stale.benchCase(), "img/stale.png")))
                .isFalse();
        assertThat(store.outcomes()).as("nothing written for the stale worker").isEmpty();
        assertThat(store.complete(fresh, done(fresh.benchCase(), "img/fresh.png")))
                .isTrue();
        assertThat(store.complete(stale, done(stale.benchCase(), "img/stale.png")))
                .isFalse();
        assertThat(store.complete(fresh, done(fresh.benchCase(), "img/again.png")))
                .as("a case is committed once")
                .isFalse();

        assertThat(store.outcomes())
                .singleElement()
                .satisfies(o -> assertThat(o.turns().get(0).image()).isEqualTo("img/fresh.png"));
        assertThat(commitsPerCase(store.location().run())).containsExactly(1);
    }

    @Test
    void renewingKeepsTheCaseAndAnUntakenExpiredClaimMayStillCommit(TestInfo info) throws Exception {
        PostgresStore store = store(run(info));
        store.begin(manifest("think-while-edit", 7), cases(2));
        Claim renewed = store.claim("a", Duration.ofMillis(300), false).orElseThrow();
        Claim lapsed = store.claim("b", Duration.ofMillis(300), false).orElseThrow();
        assertThat(store.renew(renewed, LONG)).isTrue();
        Thread.sleep(600);
        Claim next = store.claim("c", LONG, false).orElseThrow();
        assertThat(next.benchCase().id())
                .as("only the lapsed case is free")
                .isEqualTo(lapsed.benchCase().id());
        assertThat(store.complete(renewed, done(renewed.benchCase(), "img/a.png")))
                .isTrue();
        assertThat(store.claim("d", LONG, false)).isEmpty();
    }

    @Test
    void failedCasesAreRedoneOnlyWhenAskedTo(TestInfo info) {
        PostgresStore store = store(run(info));
        store.begin(manifest("think-while-edit", 7), cases(1));
        Claim first = store.claim("a", LONG, false).orElseThrow();
        assertThat(store.complete(first, failed(first.benchCase()))).isTrue();
        assertThat(store.counts()).isEqualTo(new ResultStore.Counts(1, 0, 1, 0));
        assertThat(store.claim("a", LONG, false)).isEmpty();

        assertThat(store.claim("a", LONG, true))
                .as("a case that failed in this session is not retried in it")
                .isEmpty();

        PostgresStore resumed = store(store.location().run());
        resumed.begin(manifest("think-while-edit", 7), cases(1));
        Claim retry = resumed.claim("a", LONG, true).orElseThrow();
        assertThat(resumed.counts()).isEqualTo(new ResultStore.Counts(1, 0, 0, 1));
        assertThat(resumed.outcomes())
                .singleElement()
                .satisfies(o -> assertThat(o.failed()).isTrue());
        assertThat(resumed.complete(retry, done(retry.benchCase(), "img/r.png")))
                .isTrue();
        assertThat(resumed.outcomes())
                .singleElement()
                .satisfies(o -> assertThat(o.failed()).isFalse());
        assertThat(resumed.claim("a", LONG, true))
                .as("a finished case is never redone")
                .isEmpty();
    }

    @Test
    void aReleasedCaseIsFreeAtOnceAndAReleasedRetryIsFailedAgain(TestInfo info) {
        PostgresStore store = store(run(info));
        store.begin(manifest("think-while-edit", 7), cases(2));
        Claim first = store.claim("a", LONG, false).orElseThrow();
        store.release(first);
        assertThat(store.counts()).isEqualTo(new ResultStore.Counts(2, 0, 0, 0));
        Claim again = store.claim("b", LONG, false).orElseThrow();
        assertThat(again.benchCase().id()).isEqualTo(first.benchCase().id());
        store.release(first);
        assertThat(store.counts().inFlight())
                .as("a stale release leaves the new owner alone")
                .isEqualTo(1);
        assertThat(store.complete(again, failed(again.benchCase()))).isTrue();

        PostgresStore resumed = store(store.location().run());
        resumed.begin(manifest("think-while-edit", 7), cases(2));
        Claim retry = resumed.claim("c", LONG, true).orElseThrow();
        assertThat(retry.benchCase().id()).isEqualTo(first.benchCase().id());
        resumed.release(retry);
        assertThat(resumed.counts()).isEqualTo(new ResultStore.Counts(2, 0, 1, 0));
    }

    @Test
    void storesOpensAPostgresqlLocation(TestInfo info) {
        try (ResultStore store = Stores.open(server.location(database, run(info)), Path.of("unused"))) {
            assertThat(store).isInstanceOf(PostgresStore.class);
            store.begin(manifest("single", 1), cases(1));
            assertThat(store.counts().total()).isEqualTo(1);
        }
    }

    @Test
    void outcomesComeBackWholeInSuiteOrderWithJudgeRecordsInTheirOwnTable(TestInfo info) throws Exception {
        PostgresStore store = store(run(info));
        List<BenchCase> cases = cases(3);
        store.begin(manifest("think-while-edit", 7), cases);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            claims.add(store.claim("a", LONG, false).orElseThrow());
        }
        for (int i = 2; i >= 0; i--) {
            store.complete(claims.get(i), done(claims.get(i).benchCase(), "cases/" + i + "/turn-1.png"));
        }
        List<CaseOutcome> outcomes = store.outcomes();
        assertThat(outcomes).extracting(o -> o.benchCase().id()).containsExactly("case-000", "case-001", "case-002");
        CaseOutcome expected = done(cases.get(1), "cases/1/turn-1.png");
        assertThat(outcomes.get(1)).isEqualTo(expected);
        assertThat(outcomes.get(1).turns().get(0).quality()).isNaN();

        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database));
                var s = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE ok),"
                        + " string_agg(error, ',') FROM editloop.judge_records WHERE run = ?")) {
            s.setString(1, store.location().run());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(6);
                assertThat(rs.getInt(2)).isEqualTo(3);
                assertThat(rs.getString(3)).contains("unreadable after 2 repairs");
            }
        }
    }

    @Test
    void aDifferentManifestIsRefusedNamingTheFieldsAndTheSameOneJoins(TestInfo info) {
        String run = run(info);
        PostgresStore first = store(run);
        Manifest original = manifest("think-while-edit", 7);
        first.begin(original, cases(4));

        PostgresStore same = store(run);
        same.begin(manifest("think-while-edit", 7), cases(4));
        assertThat(same.manifest().orElseThrow().started())
                .as("the stored manifest is the first process's")
                .isEqualTo(original.started().truncatedTo(ChronoUnit.NANOS));

        PostgresStore other = store(run);
        assertThatThrownBy(() -> other.begin(manifest("single", 8), cases(4)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("strategy (stored think-while-edit, given single)")
                .hasMessageContaining("seed (stored 7, given 8)")
                .hasMessageNotContaining("started (")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
        assertThatThrownBy(() -> other.claim("x", LONG, false)).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> store(run).begin(original, cases(5)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds 4 cases, this process has 5");
    }

    @Test
    void runsInOneDatabaseAreKeptApart(TestInfo info) {
        String base = run(info);
        PostgresStore a = store(base + "-a");
        PostgresStore b = store(base + "-b");
        a.begin(manifest("think-while-edit", 7), cases(2));
        b.begin(manifest("single", 1), cases(3));
        Claim ca = a.claim("w", LONG, false).orElseThrow();
        a.complete(ca, done(ca.benchCase(), "img/a.png"));
        assertThat(a.counts()).isEqualTo(new ResultStore.Counts(2, 1, 0, 0));
        assertThat(b.counts()).isEqualTo(new ResultStore.Counts(3, 0, 0, 0));
        assertThat(b.outcomes()).isEmpty();
        assertThat(b.manifest().orElseThrow().strategy()).isEqualTo("single");
        a.finish(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(a.ended()).contains(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(b.ended()).isEmpty();
    }

    @Test
    void pathsOutsideTheRunFolderAreRefused(TestInfo info) {
        PostgresStore store = store(run(info));
        store.begin(manifest("think-while-edit", 7), cases(1));
        Claim c = store.claim("a", LONG, false).orElseThrow();
        assertThatThrownBy(() -> store.complete(c, done(c.benchCase(), "/mnt/host-a/run/turn-1.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not relative to the run folder");
        assertThatThrownBy(() -> store.complete(c, done(c.benchCase(), "../elsewhere/turn-1.png")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.complete(c, done(c.benchCase(), "cases/a/turn-1.png"))).isTrue();
    }

    @Test
    void anUnreachableServerIsRetriableAndTheMessageNeverHoldsThePassword() {
        PostgresLocation nowhere =
                PostgresLocation.parse("postgresql://bench@127.0.0.1:1/db?run=r&connectTimeout=2", null);
        assertThatThrownBy(() -> PostgresStore.open(nowhere, "s3cret-pass"))
                .isInstanceOf(RetriableException.class)
                .hasMessageStartingWith("PostgreSQL store postgresql://bench@127.0.0.1:1/db run r:")
                .hasMessageNotContaining("s3cret-pass");
    }

    private static List<Integer> commitsPerCase(String run) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database));
                var s = c.prepareStatement("SELECT commits FROM editloop.cases WHERE run = ? ORDER BY ord")) {
            s.setString(1, run);
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        }
    }
}
