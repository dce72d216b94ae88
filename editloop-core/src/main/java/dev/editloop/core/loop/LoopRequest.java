package dev.editloop.core.loop;

import dev.editloop.core.InvalidInputException;
import dev.editloop.core.image.Picture;
import dev.editloop.core.region.Region;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run of the loop needs besides its backends.
 *
 * @param source the user's source image
 * @param instruction the user's instruction
 * @param strategy how the loop runs
 * @param maxTurns the turn limit; 0 means the strategy's default (5 think-while-edit, 3 reflect, 1 otherwise)
 * @param threshold when scores are good enough to stop (think-while-edit; recorded for the others)
 * @param seed the seed every editor and thinker call receives
 * @param reflectThinking reflect only: first rewrite the instruction into at most three concrete actions
 * @param timeout how long the run may take from its start; past it the run stops with {@link StopReason#DEADLINE}
 *     like a cancel (the call in flight is interrupted, finished turns are kept); null for no limit
 * @param accept the acceptance floor (DESIGN §1.6): when the best turn's critique does not reach it, the run's answer
 *     ({@link LoopResult#finalImage()}, {@code final.png}) is the unchanged source; the turns are kept. Null accepts
 *     any best turn. It never changes what the loop does, only what it hands over: benchmarks judge the best turn
 *     whatever its score
 * @param region the part of the source that may change (DESIGN: region edits); null: the whole image, unless a thinker
 *     proposes a region, which the loop then uses for the following turns
 * @param references further input images after the source, in order ("the hat from image 2"); never null
 */
public record LoopRequest(
        Picture source,
        String instruction,
        Strategy strategy,
        int maxTurns,
        Threshold threshold,
        long seed,
        boolean reflectThinking,
        Duration timeout,
        Threshold accept,
        Region region,
        List<Picture> references) {
    /** Largest turn limit accepted. */
    public static final int MAX_TURN_LIMIT = 50;

    public LoopRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(threshold, "threshold");
        if (instruction == null || instruction.isBlank()) {
            throw new InvalidInputException(
                    "the instruction is empty: say what to change, e.g. \"make it black and white\"");
        }
        instruction = instruction.strip();
        if (maxTurns < 0 || maxTurns > MAX_TURN_LIMIT) {
            throw new InvalidInputException("max turns must be within 1.." + MAX_TURN_LIMIT + ", got " + maxTurns);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new InvalidInputException("the run's timeout must be positive, got " + timeout);
        }
        references = references == null ? List.of() : List.copyOf(references);
        if (region != null) {
            region.requireSize(source.width(), source.height());
        }
    }

    /** A request with no region and no reference images. */
    public LoopRequest(
            Picture source,
            String instruction,
            Strategy strategy,
            int maxTurns,
            Threshold threshold,
            long seed,
            boolean reflectThinking,
            Duration timeout,
            Threshold accept) {
        this(
                source,
                instruction,
                strategy,
                maxTurns,
                threshold,
                seed,
                reflectThinking,
                timeout,
                accept,
                null,
                List.of());
    }

    /** A request with the default acceptance floor, {@link Threshold#ACCEPT_DEFAULT}. */
    public LoopRequest(
            Picture source,
            String instruction,
            Strategy strategy,
            int maxTurns,
            Threshold threshold,
            long seed,
            boolean reflectThinking,
            Duration timeout) {
        this(
                source,
                instruction,
                strategy,
                maxTurns,
                threshold,
                seed,
                reflectThinking,
                timeout,
                Threshold.ACCEPT_DEFAULT);
    }

    /** A request with no timeout and the default acceptance floor. */
    public LoopRequest(
            Picture source,
            String instruction,
            Strategy strategy,
            int maxTurns,
            Threshold threshold,
            long seed,
            boolean reflectThinking) {
        this(source, instruction, strategy, maxTurns, threshold, seed, reflectThinking, null);
    }

    /** A think-while-edit request with the defaults: 5 turns, SC ≥ 8 and PQ ≥ 8, seed 0. */
    public static LoopRequest of(Picture source, String instruction) {
        return new LoopRequest(source, instruction, Strategy.THINK_WHILE_EDIT, 0, Threshold.DEFAULT, 0, true);
    }

    /** The same request with another strategy. */
    public LoopRequest withStrategy(Strategy value) {
        return new LoopRequest(
                source,
                instruction,
                value,
                maxTurns,
                threshold,
                seed,
                reflectThinking,
                timeout,
                accept,
                region,
                references);
    }

    /** The same request with another turn limit (0: the strategy's default). */
    public LoopRequest withMaxTurns(int value) {
        return new LoopRequest(
                source,
                instruction,
                strategy,
                value,
                threshold,
                seed,
                reflectThinking,
                timeout,
                accept,
                region,
                references);
    }

    /** The same request with another threshold. */
    public LoopRequest withThreshold(Threshold value) {
        return new LoopRequest(
                source,
                instruction,
                strategy,
                maxTurns,
                value,
                seed,
                reflectThinking,
                timeout,
                accept,
                region,
                references);
    }

    /** The same request with another seed. */
    public LoopRequest withSeed(long value) {
        return new LoopRequest(
                source,
                instruction,
                strategy,
                maxTurns,
                threshold,
                value,
                reflectThinking,
                timeout,
                accept,
                region,
                references);
    }

    /** The same request with reflect's thinking step on or off. */
    public LoopRequest withReflectThinking(boolean value) {
        return new LoopRequest(
                source, instruction, strategy, maxTurns, threshold, seed, value, timeout, accept, region, references);
    }

    /** The same request with a time limit from the run's start (null: none). */
    public LoopRequest withTimeout(Duration value) {
        return new LoopRequest(
                source,
                instruction,
                strategy,
                maxTurns,
                threshold,
                seed,
                reflectThinking,
                value,
                accept,
                region,
                references);
    }

    /** The same request with another acceptance floor (null: accept any best turn). */
    public LoopRequest withAccept(Threshold value) {
        return new LoopRequest(
                source,
                instruction,
                strategy,
                maxTurns,
                threshold,
                seed,
                reflectThinking,
                timeout,
                value,
                region,
                references);
    }

    /** The same request confined to a region (null: the whole image may change). */
    public LoopRequest withRegion(Region value) {
        return new LoopRequest(
                source,
                instruction,
                strategy,
                maxTurns,
                threshold,
                seed,
                reflectThinking,
                timeout,
                accept,
                value,
                references);
    }

    /** The same request with reference images after the source, in order. */
    public LoopRequest withReferences(List<Picture> value) {
        return new LoopRequest(
                source,
                instruction,
                strategy,
                maxTurns,
                threshold,
                seed,
                reflectThinking,
                timeout,
                accept,
                region,
                value);
    }

    /** How many input images each edit gets: the source and the references. */
    public int imageCount() {
        return 1 + references.size();
    }

    /**
     * The turn limit that applies: single and think-before-edit always make one turn; the iterative strategies
     * use {@code maxTurns}, or their default when it is 0.
     */
    public int turnLimit() {
        if (!strategy.iterative()) {
            return 1;
        }
        return maxTurns == 0 ? strategy.defaultTurns() : maxTurns;
    }
}
