package dev.editloop.bench.run;

import dev.editloop.bench.store.SqliteStore;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSession;
import java.nio.file.Path;

/** Child JVM for the kill -9 test: runs the RISE subset into a run folder until it is killed. */
public final class RunnerChild {
    private RunnerChild() {}

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(args[0]);
        int limit = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        Path data = RiseData.folder().orElseThrow();
        try (BackendSession session = new BackendSession(BackendRegistry.load());
                SqliteStore store = SqliteStore.open(runDir)) {
            new BenchRunner(session)
                    .run(RiseData.options(runDir, RiseData.cases(data), limit, concurrency), store, p -> {});
        }
    }
}
