package dev.editloop.data.reward;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.parse.ThinkerReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Scores batches of rollouts: the format and critic rewards at once, the edit reward by running each refined
 * instruction through an {@link EditScorer}, at most {@code concurrency} edits at a time on virtual threads. An edit is
 * identified by its content (the source file's bytes, the user's instruction, the refined instruction and the seed):
 * rollouts of a GRPO group that write the same instruction share one edit, and so do later batches (the results are
 * kept for the life of this object, up to {@link #MEMO_LIMIT} edits). Thread-safe.
 */
public final class RewardBatch {
    /** How many edit scores are remembered across batches. */
    public static final int MEMO_LIMIT = 100_000;

    private final EditScorer scorer;
    private final RewardWeights weights;
    private final Semaphore slots;
    private final Map<String, CompletableFuture<Double>> memo = new ConcurrentHashMap<>();
    private final Map<Path, String> sourceHashes = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong editsRun = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param scorer runs and scores edits, or null to leave the edit reward out (NaN)
     * @param weights how the rewards add up
     * @param concurrency the most edits at once (at least 1)
     */
    public RewardBatch(EditScorer scorer, RewardWeights weights, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.scorer = scorer;
        this.weights = Objects.requireNonNull(weights, "weights");
        this.slots = new Semaphore(concurrency);
    }

    /** How many edits were run (not taken from the memo) so far. */
    public long editsRun() {
        return editsRun.get();
    }

    /** The rewards of one rollout (runs its edit, if it needs one, on the calling thread). */
    public RewardResult score(RewardInput input) {
        return score(List.of(input)).getFirst();
    }

    /** The rewards of every rollout, in the input's order; the edits run concurrently. */
    public List<RewardResult> score(List<RewardInput> inputs) {
        List<Partial> partials = new ArrayList<>(inputs.size());
        for (RewardInput input : inputs) {
            partials.add(start(input));
        }
        List<RewardResult> results = new ArrayList<>(inputs.size());
        for (Partial p : partials) {
            results.add(p.finish());
        }
        return results;
    }

    private Partial start(RewardInput input) {
        ReplyFormat format = ReplyFormat.check(input.reply());
        ThinkerReply reply = Rewards.read(input.reply());
        List<String> problems = new ArrayList<>(format.problems());
        double f = Rewards.format(format);
        double sc = Double.NaN;
        double pq = Double.NaN;
        double c = 0;
        if (reply instanceof ThinkerReply.Readable r) {
            sc = r.semantic();
            pq = r.quality();
            c = Rewards.critic(sc, pq, input.scorerSemantic(), input.scorerQuality());
        } else if (reply instanceof ThinkerReply.Unreadable u) {
            problems.add("unreadable: " + u.reason());
        }
        if (input.task() == null || scorer == null) {
            return new Partial(input, f, c, sc, pq, problems, null, null, Double.NaN);
        }
        Rewards.EditStep step = Rewards.editStep(reply, input.task().previousInstruction());
        return switch (step.kind()) {
            case UNREADABLE -> new Partial(input, f, c, sc, pq, problems, null, null, -1);
            case STOP -> new Partial(input, f, c, sc, pq, problems, null, null, 0);
            case EDIT ->
                new Partial(
                        input,
                        f,
                        c,
                        sc,
                        pq,
                        problems,
                        step.instruction(),
                        edit(input.task(), step.instruction()),
                        Double.NaN);
        };
    }

    private CompletableFuture<Double> edit(EditTask task, String instruction) {
        String key = BackendIdentity.sha256(String.join(
                "\u0000",
                sourceHash(task.source()),
                task.originalInstruction(),
                instruction,
                Long.toString(task.seed())));
        CompletableFuture<Double> known = memo.get(key);
        if (known != null) {
            return known;
        }
        CompletableFuture<Double> mine = new CompletableFuture<>();
        CompletableFuture<Double> raced = memo.putIfAbsent(key, mine);
        if (raced != null) {
            return raced;
        }
        if (memo.size() > MEMO_LIMIT) {
            memo.keySet().stream().limit(MEMO_LIMIT / 10).toList().forEach(k -> {
                if (!k.equals(key)) {
                    memo.remove(k);
                }
            });
        }
        Thread.ofVirtual().name("reward-edit").start(() -> {
            try {
                slots.acquire();
                try {
                    editsRun.incrementAndGet();
                    double overall = scorer.score(task, instruction);
                    if (Double.isNaN(overall) || overall < 0 || overall > 10) {
                        throw new IllegalStateException("the scorer gave an overall outside 0..10: " + overall);
                    }
                    mine.complete(overall);
                } finally {
                    slots.release();
                }
            } catch (Throwable e) {
                memo.remove(key, mine); // a failure is not remembered: the next batch tries again
                mine.completeExceptionally(e);
            }
        });
        return mine;
    }

    private String sourceHash(Path source) {
        return sourceHashes.computeIfAbsent(source, p -> {
            try {
                return BackendIdentity.sha256(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the source image " + p + ": " + e.getMessage(), e);
            }
        });
    }

    private final class Partial {
        private final RewardInput input;
        private final double f;
        private final double c;
        private final double sc;
        private final double pq;
        private final List<String> problems;
        private final String instruction;
        private final CompletableFuture<Double> after;
        private final double fixedEdit;

        Partial(
                RewardInput input,
                double f,
                double c,
                double sc,
                double pq,
                List<String> problems,
                String instruction,
                CompletableFuture<Double> after,
                double fixedEdit) {
            this.input = input;
            this.f = f;
            this.c = c;
            this.sc = sc;
            this.pq = pq;
            this.problems = problems;
            this.instruction = instruction;
            this.after = after;
            this.fixedEdit = fixedEdit;
        }

        RewardResult finish() {
            double e = fixedEdit;
            double overallAfter = Double.NaN;
            if (after != null) {
                try {
                    overallAfter = after.get();
                    e = Rewards.edit(input.scorerOverall(), overallAfter);
                } catch (ExecutionException ex) {
                    Throwable cause = ex.getCause() == null ? ex : ex.getCause();
                    String message =
                            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                    problems.add("edit failed: " + message.lines().findFirst().orElse(message));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    problems.add("edit interrupted");
                }
            }
            return new RewardResult(
                    input.id(), f, c, e, weights.total(f, c, e), sc, pq, instruction, overallAfter, problems);
        }
    }
}
