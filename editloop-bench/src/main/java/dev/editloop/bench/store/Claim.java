package dev.editloop.bench.store;

import dev.editloop.bench.BenchCase;
import java.time.Instant;
import java.util.Objects;

/**
 * A case a worker has claimed: until the lease expires no other worker takes it; a worker that dies loses it when
 * the lease runs out, and the case is claimed again.
 *
 * @param benchCase the case
 * @param worker the claiming worker's id (host, process, thread)
 * @param token distinguishes this claim from earlier claims of the same case; a commit with a stale token is refused
 * @param leaseUntil when the lease expires unless renewed
 */
public record Claim(BenchCase benchCase, String worker, long token, Instant leaseUntil) {
    public Claim {
        Objects.requireNonNull(benchCase, "benchCase");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
}
