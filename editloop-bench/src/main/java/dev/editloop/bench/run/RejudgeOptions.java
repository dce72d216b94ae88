package dev.editloop.bench.run;

import dev.editloop.bench.protocol.Protocol;
import dev.editloop.core.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Re-scoring a finished run with another judge ({@code editloop bench judge DIR --judge SPEC}): the source run's turn
 * images are judged again, never edited again, into a new run folder that reports read like any other run (and that
 * {@code --vs} compares with the source).
 *
 * @param runDir the new run folder (its cases' folders get the source's images and trajectories)
 * @param judge the judge's spec
 * @param protocol the judge protocol
 * @param judgeSamples how many times each question is asked
 * @param concurrency cases judged at once
 * @param judgeConcurrency questions of one case asked at once
 * @param lease the claim lease
 * @param version the EditLoop version, for the manifest
 * @param commit the EditLoop commit, for the manifest
 */
public record RejudgeOptions(
        Path runDir,
        String judge,
        Protocol protocol,
        int judgeSamples,
        int concurrency,
        int judgeConcurrency,
        Duration lease,
        String version,
        String commit) {
    public RejudgeOptions {
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(protocol, "protocol");
        if (judgeSamples < 1 || judgeSamples > 100) {
            throw new InvalidInputException("--judge-samples must be within 1..100, got " + judgeSamples);
        }
        if (concurrency < 1 || judgeConcurrency < 1) {
            throw new InvalidInputException("concurrency must be at least 1");
        }
        lease = lease == null ? BenchOptions.DEFAULT_LEASE : lease;
        version = version == null ? "unknown" : version;
        commit = commit == null ? "unknown" : commit;
    }

    /** Re-judging into {@code runDir} with one sample, 4 cases and 4 questions at once. */
    public static RejudgeOptions of(Path runDir, String judge, Protocol protocol) {
        return new RejudgeOptions(runDir, judge, protocol, 1, 4, 4, null, null, null);
    }
}
