package dev.editloop.bench.run;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.store.CaseOutcome;
import dev.editloop.bench.store.Claim;
import dev.editloop.bench.store.Manifest;
import dev.editloop.bench.store.ResultStore;
import dev.editloop.bench.store.TurnOutcome;
import dev.editloop.core.Critique;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judge;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.RunHandle;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Turn;
import dev.editloop.core.region.Region;
import dev.editloop.core.spi.BackendSession;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a benchmark suite's cases through the loop and the judge, K at a time, resumably ({@code editloop bench run}).
 *
 * <p>For each case a worker claims it from the {@link ResultStore}, runs the loop ({@link LoopEngine}) writing {@code
 * cases/<id>/} ({@link CaseRecorder}: source, every turn's image as it arrives, then the trajectory and the final image
 * once; nothing holds a whole suite in memory),
 * judges every turn with the protocol's questions ({@code judgeSamples} times each, seeds derived from the run's seed,
 * the case, the turn and the sample), scores each turn per sample, and commits the {@link CaseOutcome} (best turn = the
 * loop's) in one store transaction after its files are written. A case that fails is committed as failed and the run
 * goes on; a loop that ends with {@code error} counts as failed, judge failures are recorded per call and the case
 * stays done.
 *
 * <p>Backend answers are cached by content under {@code cache/} in the run folder (edits by editor identity, source
 * pixels, instruction, seed; thinker answers by identity and call; judge answers by judge identity, protocol, prompt
 * hashes and question), so a case resumed half-way neither edits nor judges again what it had, and {@link #rejudge}
 * never edits.
 *
 * <p>Resumable: the same call after {@code kill -9} or a cancel continues; finished cases are never redone, failed
 * ones only with {@code retryFailed}. The backends come from a {@link BackendSession} the caller owns and closes.
 */
public final class BenchRunner {
    private final BackendSession session;

    /** A runner over a session's backends (shared by every case; the caller closes the session). */
    public BenchRunner(BackendSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Starts (or resumes) a run and returns at once.
     *
     * @throws InvalidInputException when the store holds a run with another manifest, a category is unknown, or a
     *     backend spec cannot be resolved
     */
    public BenchRun start(BenchOptions options, ResultStore store, BenchListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(store, "store");
        List<BenchCase> cases = options.selected();
        var editor = session.editor(options.editor());
        var thinker = session.thinker(options.thinker());
        Judge judge = session.judge(options.judge());
        Protocol protocol = options.protocol();
        Manifest manifest = new Manifest(
                options.suite(),
                options.dataHash(),
                options.language(),
                options.categories(),
                options.limit(),
                strategyLabel(options.strategy()),
                options.turnLimit(),
                options.threshold().toString(),
                options.seed(),
                editor.identity(),
                thinker.identity(),
                judge.identity(),
                protocol.name(),
                options.judgeSamples(),
                protocol.promptHashes(),
                options.version(),
                options.commit(),
                Instant.now());
        store.begin(manifest, cases);

        ContentCache cache = new ContentCache(options.runDir());
        CallCounts counts = new CallCounts();
        LoopEngine engine = new LoopEngine(
                new CachedEditor(editor, cache, counts.editor), new CachedThinker(thinker, cache, counts.thinker));
        CaseJudging judging = new CaseJudging(
                protocol,
                new CachedJudge(judge, cache, counts.judge, protocol.name(), protocol.promptHashes()),
                options.judgeSamples(),
                options.judgeConcurrency(),
                options.seed());
        BenchRun.CaseWork work = (claim, job) -> loopCase(options, engine, judging, claim, job);
        return new BenchRun(
                        store, options.concurrency(), options.lease(), options.retryFailed(), work, listener, counts)
                .start();
    }

    /**
     * Runs (or resumes) a run to its end. Interrupting the calling thread cancels it (cases in flight stay open), and
     * the summary then says {@code cancelled}.
     */
    public BenchSummary run(BenchOptions options, ResultStore store, BenchListener listener) {
        return start(options, store, listener).join();
    }

    /**
     * Re-scores a finished run with another judge, without editing: a new run folder ({@code options.runDir()}) whose
     * manifest is the source's with the new judge, protocol, prompt hashes and samples; each case's folder gets the
     * source's images and trajectory (hard links where possible), its turns keep the thinker's scores, and every turn is
     * judged again. A case that failed in the source run is recorded as failed. Resumable and concurrent like a run.
     *
     * @param source the finished run's store
     * @param sourceDir the finished run's folder (its {@code cases/})
     * @param target the new run's store
     * @throws InvalidInputException when the source holds no run
     */
    public BenchRun rejudge(
            ResultStore source, Path sourceDir, RejudgeOptions options, ResultStore target, BenchListener listener) {
        Manifest from = source.manifest()
                .orElseThrow(() -> new InvalidInputException(sourceDir + " holds no benchmark run to judge again"));
        Map<String, CaseOutcome> outcomes = new HashMap<>();
        List<BenchCase> cases = new ArrayList<>();
        for (CaseOutcome o : source.outcomes()) {
            outcomes.put(o.benchCase().id(), o);
            cases.add(o.benchCase());
        }
        if (cases.isEmpty()) {
            throw new InvalidInputException(sourceDir + " has no finished case to judge again");
        }
        Judge judge = session.judge(options.judge());
        Protocol protocol = options.protocol();
        Manifest manifest = new Manifest(
                from.suite(),
                from.dataHash(),
                from.language(),
                from.categories(),
                from.limit(),
                from.strategy(),
                from.maxTurns(),
                from.threshold(),
                from.seed(),
                from.editor(),
                from.thinker(),
                judge.identity(),
                protocol.name(),
                options.judgeSamples(),
                protocol.promptHashes(),
                options.version(),
                options.commit(),
                Instant.now());
        target.begin(manifest, cases);
        ContentCache cache = new ContentCache(options.runDir());
        CallCounts counts = new CallCounts();
        CaseJudging judging = new CaseJudging(
                protocol,
                new CachedJudge(judge, cache, counts.judge, protocol.name(), protocol.promptHashes()),
                options.judgeSamples(),
                options.judgeConcurrency(),
                from.seed());
        BenchRun.CaseWork work = (claim, job) -> rejudgeCase(
                sourceDir, options.runDir(), outcomes.get(claim.benchCase().id()), judging, claim, job);
        return new BenchRun(target, options.concurrency(), options.lease(), false, work, listener, counts).start();
    }

    /**
     * What a run would do, without calling any backend: its cases, the most calls each backend can get, and their cost
     * when prices are given.
     *
     * @param pricePerCall price of one call by role ({@code editor}, {@code thinker}, {@code judge}); empty for none
     * @param store the run's store when it exists (finished cases are left out), or null
     */
    public static DryRun dryRun(BenchOptions options, Map<String, Double> pricePerCall, ResultStore store) {
        return DryRun.of(options, pricePerCall, store);
    }

    /**
     * The strategy as a manifest records it: its name, then its settings when it has any ({@code best-of-n
     * budget=calls:12 candidates=4}), so that runs with other settings are never merged and reports say which ran.
     */
    static String strategyLabel(Strategy strategy) {
        StringBuilder label = new StringBuilder(strategy.id());
        new java.util.TreeMap<>(strategy.params())
                .forEach((k, v) -> label.append(' ').append(k).append('=').append(v));
        return label.toString();
    }

    // ---- one case ---------------------------------------------------------------------------------------------------

    private static CaseOutcome loopCase(
            BenchOptions options, LoopEngine engine, CaseJudging judging, Claim claim, BenchRun.Job job)
            throws InterruptedException {
        BenchCase c = claim.benchCase();
        String rel = CaseDirs.relative(c.id());
        Path caseDir = options.runDir().resolve(rel);
        CaseDirs.clear(caseDir); // what an unfinished attempt left; its answers are in the cache
        Picture source = Images.read(c.image());
        LoopRequest request = new LoopRequest(
                        source,
                        c.instruction(),
                        options.strategy(),
                        options.maxTurns(),
                        options.threshold(),
                        Seeds.of(options.seed(), c.id()),
                        true,
                        options.caseTimeout())
                .withRegion(region(c, source));
        RunHandle handle = engine.start(request, CaseRecorder.create(caseDir, c.image()));
        job.attach(handle);
        LoopResult result;
        try {
            result = handle.get();
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        }
        if (result.stopReason() == StopReason.CANCELLED || job.stopped()) {
            return null;
        }
        String trajectory = rel + "/" + RunFolder.TRAJECTORY;
        List<CaseJudging.TurnInput> inputs = new ArrayList<>();
        for (Turn t : result.turns()) {
            Critique k = t.critique();
            inputs.add(new CaseJudging.TurnInput(
                    t.index(),
                    t.instruction(),
                    t.image(),
                    rel + "/" + Trajectory.turnImage(t.index()),
                    k == null || !k.valid() ? Double.NaN : k.semantic(),
                    k == null || !k.valid() ? Double.NaN : k.quality(),
                    k == null || !k.valid() ? Double.NaN : k.overall()));
        }
        if (result.stopReason() == StopReason.ERROR) {
            List<TurnOutcome> turns = inputs.stream()
                    .map(t -> new TurnOutcome(
                            t.turn(), t.instruction(), t.path(), t.semantic(), t.quality(), t.overall(), List.of()))
                    .toList();
            String error = result.error() == null ? "the loop stopped on an error" : result.error();
            return new CaseOutcome(
                    c, true, error, trajectory, result.stopReason().id(), result.bestTurn(), turns, null);
        }
        Picture reference = c.referenceImage() == null ? null : Images.read(c.referenceImage());
        CaseJudging.Judged judged = judging.judge(c, source, reference, inputs, job::stopped);
        return new CaseOutcome(
                c,
                false,
                null,
                trajectory,
                result.stopReason().id(),
                result.bestTurn(),
                judged.turns(),
                judged.records());
    }

    /**
     * The region a case confines its edit to: its {@code region} box or its {@code mask} image; null for none.
     *
     * @throws dev.editloop.core.InvalidInputException when the box does not fit the image or the mask has another size
     */
    static Region region(BenchCase c, Picture source) {
        String box = c.field(BenchCase.REGION);
        if (box != null) {
            return Region.parseBox(box, source.width(), source.height());
        }
        String mask = c.field(BenchCase.MASK);
        if (mask != null) {
            Path file = Path.of(mask);
            Picture picture = Images.read(file);
            Region region = Region.mask(picture, String.valueOf(file.getFileName()));
            region.requireSize(source.width(), source.height());
            return region;
        }
        return null;
    }

    private static CaseOutcome rejudgeCase(
            Path sourceDir, Path runDir, CaseOutcome from, CaseJudging judging, Claim claim, BenchRun.Job job)
            throws InterruptedException {
        BenchCase c = claim.benchCase();
        if (from == null) {
            return failed(c, "case " + c.id() + " is not in the source run");
        }
        if (from.failed()) {
            return failed(c, "the source run's case failed: " + from.error());
        }
        String rel = CaseDirs.relative(c.id());
        Path fromDir = sourceDir.resolve(rel);
        if (!Files.isDirectory(fromDir)) {
            return failed(c, "the source run has no folder " + rel);
        }
        CaseDirs.linkOrCopy(fromDir, runDir.resolve(rel));
        Picture source = Images.read(runDir.resolve(rel).resolve(Trajectory.SOURCE_IMAGE));
        Picture reference = c.referenceImage() == null ? null : Images.read(c.referenceImage());
        List<CaseJudging.TurnInput> inputs = new ArrayList<>();
        for (TurnOutcome t : from.turns()) {
            inputs.add(new CaseJudging.TurnInput(
                    t.turn(),
                    t.instruction(),
                    Images.read(runDir.resolve(t.image())),
                    t.image(),
                    t.semantic(),
                    t.quality(),
                    t.overall()));
        }
        CaseJudging.Judged judged = judging.judge(c, source, reference, inputs, job::stopped);
        return new CaseOutcome(
                c,
                false,
                null,
                from.trajectory(),
                from.stopReason(),
                from.bestTurn(),
                judged.turns(),
                judged.records());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    static CaseOutcome failed(BenchCase c, String error) {
        return new CaseOutcome(c, true, error, null, null, 0, null, null);
    }

    /** An exception's message, first line only, or its class name. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
