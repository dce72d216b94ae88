package dev.editloop.bench.run;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.suite.SuiteData;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one benchmark run needs besides its backends session and store ({@code editloop bench run}). Build with
 * {@link #builder}; the defaults are those of the CLI.
 *
 * @param runDir the run folder: {@code cases/<id>/} with each case's images and trajectory, {@code cache/}, and (SQLite)
 *     {@code run.db}
 * @param suite the suite's name
 * @param dataHash the suite data's hash
 * @param language GEdit's language, or null
 * @param cases the suite's cases, before {@code categories} and {@code limit} (the runner applies them, so that the
 *     manifest names them)
 * @param categories the categories to keep, empty for all
 * @param limit the first N cases after the category filter, 0 for all
 * @param strategy the loop strategy
 * @param editor the editor's spec string or configured name
 * @param thinker the thinker's spec
 * @param judge the judge's spec
 * @param protocol the judge protocol
 * @param judgeSamples how many times each question is asked (at least 1)
 * @param maxTurns the turn limit, 0 for the strategy's default
 * @param threshold the loop's stop threshold
 * @param seed the run's seed; each case derives its own from it and its id, each judge call from it, the case, turn and
 *     sample
 * @param concurrency K, the cases in flight at once
 * @param judgeConcurrency the judge questions of one case asked at once
 * @param retryFailed whether cases that failed in an earlier session are redone
 * @param lease how long a claimed case stays with this process without a renewal (renewed every third of it)
 * @param caseTimeout the loop's time limit per case (a case past it stops with {@code deadline} and is judged), or null
 * @param version the EditLoop version, for the manifest
 * @param commit the EditLoop commit, for the manifest
 */
public record BenchOptions(
        Path runDir,
        String suite,
        String dataHash,
        String language,
        List<BenchCase> cases,
        List<String> categories,
        int limit,
        Strategy strategy,
        String editor,
        String thinker,
        String judge,
        Protocol protocol,
        int judgeSamples,
        int maxTurns,
        Threshold threshold,
        long seed,
        int concurrency,
        int judgeConcurrency,
        boolean retryFailed,
        Duration lease,
        Duration caseTimeout,
        String version,
        String commit) {
    /** The default lease. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

    public BenchOptions {
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(dataHash, "dataHash");
        cases = List.copyOf(cases);
        categories = categories == null ? List.of() : List.copyOf(categories);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(thinker, "thinker");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(threshold, "threshold");
        if (limit < 0) {
            throw new InvalidInputException("--limit must not be negative, got " + limit);
        }
        if (judgeSamples < 1 || judgeSamples > 100) {
            throw new InvalidInputException("--judge-samples must be within 1..100, got " + judgeSamples);
        }
        if (maxTurns < 0 || maxTurns > LoopRequest.MAX_TURN_LIMIT) {
            throw new InvalidInputException(
                    "max turns must be within 1.." + LoopRequest.MAX_TURN_LIMIT + ", got " + maxTurns);
        }
        if (concurrency < 1 || concurrency > 4096) {
            throw new InvalidInputException("--concurrency must be within 1..4096, got " + concurrency);
        }
        if (judgeConcurrency < 1) {
            throw new InvalidInputException("judge concurrency must be at least 1, got " + judgeConcurrency);
        }
        lease = lease == null ? DEFAULT_LEASE : lease;
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidInputException("the lease must be at least 1 s, got " + lease);
        }
        if (caseTimeout != null && (caseTimeout.isNegative() || caseTimeout.isZero())) {
            throw new InvalidInputException("the case timeout must be positive, got " + caseTimeout);
        }
        version = version == null ? "unknown" : version;
        commit = commit == null ? "unknown" : commit;
    }

    /** The turn limit that applies: 1 for the one-turn strategies, else {@code maxTurns} or the strategy's default. */
    public int turnLimit() {
        if (!strategy.iterative()) {
            return 1;
        }
        return maxTurns == 0 ? strategy.defaultTurns() : maxTurns;
    }

    /**
     * The cases this run works on: those of the selected categories, in the suite's order, then the first {@code
     * limit}.
     *
     * @throws InvalidInputException for a category the suite does not have (listing those it has)
     */
    public List<BenchCase> selected() {
        List<BenchCase> kept = cases;
        if (!categories.isEmpty()) {
            Set<String> known = new LinkedHashSet<>();
            cases.forEach(c -> known.add(c.category()));
            for (String wanted : categories) {
                if (!known.contains(wanted)) {
                    throw new InvalidInputException("--categories: the " + suite + " suite has no category '" + wanted
                            + "'; it has " + String.join(", ", known));
                }
            }
            Set<String> wanted = Set.copyOf(categories);
            kept = new ArrayList<>();
            for (BenchCase c : cases) {
                if (wanted.contains(c.category())) {
                    kept.add(c);
                }
            }
        }
        return limit > 0 && kept.size() > limit ? List.copyOf(kept.subList(0, limit)) : List.copyOf(kept);
    }

    /** A builder over a loaded suite, with the CLI's defaults. */
    public static Builder builder(Path runDir, SuiteData data, Protocol protocol) {
        return new Builder(runDir, data.suite(), data.dataHash(), data.cases(), protocol);
    }

    /** A builder over hand-made cases, with the CLI's defaults. */
    public static Builder builder(
            Path runDir, String suite, String dataHash, List<BenchCase> cases, Protocol protocol) {
        return new Builder(runDir, suite, dataHash, cases, protocol);
    }

    /**
     * Builds {@link BenchOptions}. Defaults: think-while-edit, the embedded editor, thinker and judge, one judge sample,
     * the strategy's turn limit, SC ≥ 8 and PQ ≥ 8, seed 0, 4 cases at once, 4 judge questions at once per case, no
     * retry of failed cases, a 60 s lease, no case timeout.
     */
    public static final class Builder {
        private final Path runDir;
        private final String suite;
        private final String dataHash;
        private final List<BenchCase> cases;
        private final Protocol protocol;
        private String language;
        private List<String> categories = List.of();
        private int limit;
        private Strategy strategy = Strategy.THINK_WHILE_EDIT;
        private String editor = "embedded";
        private String thinker = "embedded";
        private String judge = "embedded";
        private int judgeSamples = 1;
        private int maxTurns;
        private Threshold threshold = Threshold.DEFAULT;
        private long seed;
        private int concurrency = 4;
        private int judgeConcurrency = 4;
        private boolean retryFailed;
        private Duration lease = DEFAULT_LEASE;
        private Duration caseTimeout;
        private String version;
        private String commit;

        private Builder(Path runDir, String suite, String dataHash, List<BenchCase> cases, Protocol protocol) {
            this.runDir = runDir;
            this.suite = suite;
            this.dataHash = dataHash;
            this.cases = cases;
            this.protocol = protocol;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder categories(List<String> value) {
            categories = value;
            return this;
        }

        public Builder limit(int value) {
            limit = value;
            return this;
        }

        public Builder strategy(Strategy value) {
            strategy = value;
            return this;
        }

        public Builder editor(String spec) {
            editor = spec;
            return this;
        }

        public Builder thinker(String spec) {
            thinker = spec;
            return this;
        }

        public Builder judge(String spec) {
            judge = spec;
            return this;
        }

        public Builder judgeSamples(int value) {
            judgeSamples = value;
            return this;
        }

        public Builder maxTurns(int value) {
            maxTurns = value;
            return this;
        }

        public Builder threshold(Threshold value) {
            threshold = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder concurrency(int value) {
            concurrency = value;
            return this;
        }

        public Builder judgeConcurrency(int value) {
            judgeConcurrency = value;
            return this;
        }

        public Builder retryFailed(boolean value) {
            retryFailed = value;
            return this;
        }

        public Builder lease(Duration value) {
            lease = value;
            return this;
        }

        public Builder caseTimeout(Duration value) {
            caseTimeout = value;
            return this;
        }

        /** The EditLoop version and commit, for the manifest. */
        public Builder editLoop(String versionValue, String commitValue) {
            version = versionValue;
            commit = commitValue;
            return this;
        }

        public BenchOptions build() {
            return new BenchOptions(
                    runDir,
                    suite,
                    dataHash,
                    language,
                    cases,
                    categories,
                    limit,
                    strategy,
                    editor,
                    thinker,
                    judge,
                    protocol,
                    judgeSamples,
                    maxTurns,
                    threshold,
                    seed,
                    concurrency,
                    judgeConcurrency,
                    retryFailed,
                    lease,
                    caseTimeout,
                    version,
                    commit);
        }
    }
}
