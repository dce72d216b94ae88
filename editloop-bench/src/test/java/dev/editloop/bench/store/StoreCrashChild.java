package dev.editloop.bench.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Child JVM for {@link SqliteStoreCrashTest}: claims and completes cases as fast as it can until killed. */
public final class StoreCrashChild {
    private StoreCrashChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int cases = Integer.parseInt(args[1]);
        try (SqliteStore store = SqliteStore.open(dir)) {
            store.begin(StoreFixtures.manifest(), StoreFixtures.cases(cases));
            Optional<Claim> claim;
            while ((claim = store.claim("child", Duration.ofMinutes(5), false)).isPresent()) {
                store.complete(claim.get(), StoreFixtures.outcome(claim.get().benchCase(), 25));
            }
        }
    }
}
