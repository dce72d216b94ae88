package dev.editloop.bench.run;

import dev.editloop.bench.protocol.Protocols;
import dev.editloop.bench.store.PostgresStore;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Child JVM for the store's two-process test: one real runner process ({@link BenchRunner}, embedded backends, RISE's
 * own protocol) on RISEBench-64's first cases, sharing a run held in PostgreSQL and one run folder with other runner
 * processes. Prints {@code committed <id>} as its cases commit and {@code finished complete=<bool> here=<n>} at the end;
 * exits 2 with the store's one-line message when the run refuses its manifest.
 *
 * <p>Arguments: location, run folder, case count, concurrency, lease milliseconds, strategy id.
 */
public final class PostgresRunnerChild {
    private PostgresRunnerChild() {}

    public static void main(String[] args) throws Exception {
        String location = args[0];
        Path runDir = Path.of(args[1]);
        int limit = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[4]));
        Strategy strategy = Strategy.parse(args[5]);
        Path data = RiseData.folder().orElseThrow();
        BenchOptions options = BenchOptions.builder(
                        runDir, "rise", "rise-64", RiseData.cases(data), Protocols.get("rise", Map.of()))
                .limit(limit)
                .strategy(strategy)
                .maxTurns(strategy.iterative() ? 2 : 0)
                .concurrency(concurrency)
                .seed(42)
                .lease(lease)
                .editLoop("test", "test")
                .build();
        BenchListener listener = new BenchListener() {
            @Override
            public void progress(BenchProgress progress) {}

            @Override
            public void caseFinished(String caseId, boolean failed, String error) {
                System.out.println("committed " + caseId + " " + (failed ? "failed " + error : "ok"));
            }
        };
        try (BackendSession session = new BackendSession(BackendRegistry.load());
                PostgresStore store = PostgresStore.open(location, runDir)) {
            BenchSummary summary;
            try {
                summary = new BenchRunner(session).run(options, store, listener);
            } catch (InvalidInputException e) {
                System.out.println(e.getMessage());
                System.out.flush();
                System.exit(2);
                return;
            }
            System.out.println("finished complete=" + summary.complete() + " here="
                    + summary.progress().finishedHere());
        }
    }
}
