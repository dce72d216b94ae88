package dev.editloop.bench.run;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import dev.editloop.bench.protocol.Protocol;
import dev.editloop.bench.store.JudgeRecord;
import dev.editloop.bench.store.TurnOutcome;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * Judges every turn of one case: the protocol's questions for (source, turn image, reference), each asked {@code
 * samples} times with a seed derived from the run's seed, the case, the turn and the sample; every call recorded (a
 * failure with its error, never a made-up score); each turn scored per sample by the protocol. The questions of one
 * case are asked at most {@code parallel} at once, each on a virtual thread.
 */
final class CaseJudging {
    private final Protocol protocol;
    private final CachedJudge judge;
    private final int samples;
    private final int parallel;
    private final long runSeed;

    CaseJudging(Protocol protocol, CachedJudge judge, int samples, int parallel, long runSeed) {
        this.protocol = protocol;
        this.judge = judge;
        this.samples = samples;
        this.parallel = parallel;
        this.runSeed = runSeed;
    }

    /**
     * One turn to judge.
     *
     * @param turn the turn (from 1)
     * @param instruction the instruction the editor was given
     * @param image the turn's image
     * @param path the image's path relative to the run folder
     * @param semantic the thinker's SC (NaN when none)
     * @param quality the thinker's PQ (NaN when none)
     * @param overall the thinker's overall (NaN when none)
     */
    record TurnInput(
            int turn,
            String instruction,
            Picture image,
            String path,
            double semantic,
            double quality,
            double overall) {}

    /** The judged turns and every judge call. */
    record Judged(List<TurnOutcome> turns, List<JudgeRecord> records) {}

    /** The run was cancelled (or the claim lost) while the case was being judged. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /**
     * Judges the turns.
     *
     * @param stopped true once the case must stop (cancel, lost claim)
     * @throws Cancelled when stopped meanwhile
     */
    Judged judge(BenchCase benchCase, Picture source, Picture reference, List<TurnInput> turns, BooleanSupplier stopped)
            throws InterruptedException {
        record Task(int turn, int sample, int question, JudgeCall call) {}
        List<List<List<Task>>> byTurn = new ArrayList<>();
        List<Task> all = new ArrayList<>();
        for (TurnInput t : turns) {
            List<List<Task>> bySample = new ArrayList<>();
            for (int s = 0; s < samples; s++) {
                long seed = Seeds.of(runSeed, benchCase.id(), t.turn(), s);
                List<JudgeCall> questions = protocol.questions(benchCase, source, t.image(), reference, seed);
                List<Task> tasks = new ArrayList<>();
                for (int q = 0; q < questions.size(); q++) {
                    Task task = new Task(t.turn(), s, q, questions.get(q));
                    tasks.add(task);
                    all.add(task);
                }
                bySample.add(tasks);
            }
            byTurn.add(bySample);
        }

        JudgeRecord[] records = new JudgeRecord[all.size()];
        Semaphore permits = new Semaphore(parallel);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JudgeRecord>> futures = new ArrayList<>();
            for (Task task : all) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        if (stopped.getAsBoolean()) {
                            throw new Cancelled();
                        }
                        return record(task.turn(), task.sample(), task.question(), task.call(), stopped);
                    } finally {
                        permits.release();
                    }
                }));
            }
            try {
                for (int i = 0; i < futures.size(); i++) {
                    records[i] = futures.get(i).get();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                throw e;
            } catch (ExecutionException e) {
                pool.shutdownNow();
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        List<TurnOutcome> outcomes = new ArrayList<>();
        int next = 0;
        for (int ti = 0; ti < turns.size(); ti++) {
            TurnInput t = turns.get(ti);
            List<CaseScore> scores = new ArrayList<>();
            for (List<Task> tasks : byTurn.get(ti)) {
                List<Judgement> answers = new ArrayList<>();
                for (int q = 0; q < tasks.size(); q++) {
                    JudgeRecord r = records[next++];
                    answers.add(r.ok() ? r.judgement() : null);
                }
                scores.add(protocol.score(benchCase, answers));
            }
            outcomes.add(new TurnOutcome(
                    t.turn(), t.instruction(), t.path(), t.semantic(), t.quality(), t.overall(), scores));
        }
        return new Judged(outcomes, List.of(records));
    }

    private JudgeRecord record(int turn, int sample, int question, JudgeCall call, BooleanSupplier stopped) {
        long start = System.nanoTime();
        try {
            CachedJudge.Answer answer = judge.ask(call);
            return new JudgeRecord(turn, sample, question, answer.judgement(), answer.latencyMs(), null);
        } catch (RuntimeException e) {
            if (stopped.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new Cancelled();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new JudgeRecord(turn, sample, question, null, ms, BenchRunner.oneLine(e));
        }
    }
}
