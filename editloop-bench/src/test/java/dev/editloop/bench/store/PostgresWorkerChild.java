package dev.editloop.bench.store;

import dev.editloop.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Child JVM for {@link PostgresTwoProcessTest}: one runner process on a shared PostgreSQL run. Claims a case, "edits"
 * it (waits, then writes the turn's image into the shared run folder), commits it, until no case is left; prints one
 * line per step so the test knows when it holds a claim. Exits 2 with the store's one-line message when the run
 * refuses its manifest.
 *
 * <p>Arguments: location, run folder, worker name, case count, work milliseconds, lease milliseconds, strategy.
 */
public final class PostgresWorkerChild {
    private PostgresWorkerChild() {}

    public static void main(String[] args) throws Exception {
        String location = args[0];
        Path runDir = Path.of(args[1]);
        String worker = args[2];
        int cases = Integer.parseInt(args[3]);
        long workMillis = Long.parseLong(args[4]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[5]));
        String strategy = args[6];
        try (PostgresStore store = PostgresStore.open(location, runDir)) {
            try {
                store.begin(PostgresFixtures.manifest(strategy, 7), PostgresFixtures.cases(cases));
            } catch (InvalidInputException e) {
                System.out.println(e.getMessage());
                System.exit(2);
            }
            System.out.println("begun " + worker);
            while (true) {
                Optional<Claim> claim = store.claim(worker, lease, false);
                if (claim.isEmpty()) {
                    ResultStore.Counts counts = store.counts();
                    if (counts.open() == 0 && counts.inFlight() == 0) {
                        store.finish(Instant.now());
                        System.out.println("finished " + counts);
                        return;
                    }
                    Thread.sleep(100);
                    continue;
                }
                Claim c = claim.get();
                String id = c.benchCase().id();
                System.out.println("claimed " + id + " " + c.token());
                Thread.sleep(workMillis);
                String image = "cases/" + id + "/turn-1-" + worker + "-" + c.token() + ".png";
                Files.createDirectories(runDir.resolve(image).getParent());
                Files.write(runDir.resolve(image), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
                boolean ok = store.complete(c, PostgresFixtures.done(c.benchCase(), image));
                System.out.println("committed " + id + " " + c.token() + " " + ok);
            }
        }
    }
}
