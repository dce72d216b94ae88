package dev.editloop.core.loop;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.region.Region;
import dev.editloop.core.region.RegionGuard;
import dev.editloop.core.region.RegionReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop: edit, look, score, explain, rewrite the instruction, edit again, keep the best. This class is the one
 * place that shows how a run goes; the {@link Strategy} decides which turns to make and when to stop.
 *
 * <ol>
 *   <li><b>Start</b>: {@link LoopEvent.RunStarted} goes to the {@link RunRecorder} (synchronously: it writes the run
 *       folder) and then to every {@link LoopListener} (each through its own bounded queue and virtual thread: a slow
 *       or failing listener cannot stall or stop the loop).
 *   <li><b>Turns</b>: the strategy calls {@link RunContext#plan} and {@link RunContext#turn}. A turn is: {@link
 *       LoopEvent.TurnStarted}, the edit, {@link LoopEvent.EditDone} (the turn's image is kept from here on, judged or
 *       not), the critique, {@link LoopEvent.CritiqueDone}. Every backend call runs on its own virtual thread while
 *       the run waits for it, so that a cancel or the deadline interrupts it and the run stops waiting at once. A turn
 *       of candidates ({@link RunContext#candidates}, best-of-N) makes its N edits and critiques at once, then reports
 *       the kept one as the turn's edit and critique.
 *   <li><b>Stop</b>: the strategy's stop reason; {@code error} when a backend failed or the recorder could not write;
 *       {@code cancelled} ({@link RunHandle#cancel()}) or {@code deadline} ({@link LoopRequest#timeout()}) checked
 *       before every step and while every call waits.
 *   <li><b>Best turn</b>: every turn is critiqued, the last included; scored turns beat unscored ones, then the
 *       strategy's ranking ({@link Strategy#compare}: overall sqrt(SC·PQ) by default, SC·PQ with SUCCESS first for
 *       reflect), ties to the later turn.
 *   <li><b>Finish</b>: {@link LoopEvent.RunFinished} with the result goes to the recorder (which writes {@code
 *       final.png}, the trajectory and the report), then to the listeners.
 * </ol>
 *
 * <p>An engine holds no state between runs and runs any number of requests at once from different threads.
 */
public final class LoopEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LoopEngine.class);
    private static final AtomicLong RUNS = new AtomicLong();

    private final Editor editor;
    private final Thinker thinker;

    /** An engine over one editor and one thinker. */
    public LoopEngine(Editor editor, Thinker thinker) {
        // the region wrapper makes every editor honour a mask: a call without one passes through untouched
        this.editor = RegionGuard.wrap(Objects.requireNonNull(editor, "editor"));
        this.thinker = Objects.requireNonNull(thinker, "thinker");
    }

    /**
     * Starts a run on a virtual thread of its own and returns at once.
     *
     * @param request what to run
     * @param recorder the critical subscriber that persists the run (null: none)
     * @param listeners subscribers that must not hold up the run
     */
    public RunHandle start(LoopRequest request, RunRecorder recorder, LoopListener... listeners) {
        Objects.requireNonNull(request, "request");
        editor.capabilities().requireImages(request.imageCount(), editor.describe());
        String name = "editloop-run-" + RUNS.incrementAndGet();
        RunControl control = new RunControl(request.timeout());
        List<Delivery> deliveries = new ArrayList<>();
        for (LoopListener listener : listeners) {
            if (listener != null && listener != LoopListener.NONE) {
                deliveries.add(new Delivery(listener, LoopListener.QUEUE_CAPACITY, name));
            }
        }
        CompletableFuture<LoopResult> result = new CompletableFuture<>();
        Run run = new Run(request, recorder == null ? RunRecorder.NONE : recorder, deliveries, control);
        Thread.ofVirtual().name(name).start(() -> {
            try {
                result.complete(execute(run));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return new RunHandle(result, control, deliveries);
    }

    /**
     * Runs one request to the end and returns when the run has stopped, its recorder has finished, and every listener
     * has received {@link LoopEvent.RunFinished} (or was detached). Interrupting the calling thread cancels the run
     * (the result then says {@code cancelled}, and the thread's interrupt flag is set again).
     */
    public LoopResult run(LoopRequest request, RunRecorder recorder, LoopListener... listeners) {
        RunHandle handle = start(request, recorder, listeners);
        boolean interrupted = false;
        LoopResult result;
        while (true) {
            try {
                result = handle.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                handle.cancel();
            }
        }
        while (true) {
            try {
                handle.awaitListeners(Duration.ofNanos(Delivery.forever()));
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** Runs one request with one listener and no recorder; see {@link #run(LoopRequest, RunRecorder, LoopListener...)}. */
    public LoopResult run(LoopRequest request, LoopListener listener) {
        return run(request, RunRecorder.NONE, listener);
    }

    /** Runs one request with no listener. */
    public LoopResult run(LoopRequest request) {
        return run(request, RunRecorder.NONE);
    }

    private LoopResult execute(Run run) {
        LoopRequest request = run.request;
        StopReason reason;
        String error = null;
        try {
            run.publish(new LoopEvent.RunStarted(request, editor.identity(), thinker.identity(), run.turnLimit()));
            reason = Objects.requireNonNull(request.strategy().run(run), "the strategy gave no stop reason");
            if (reason == StopReason.ERROR) {
                error = run.invalidReason();
            }
        } catch (RunControl.RunStopped e) {
            reason = e.reason;
        } catch (RecorderFailed e) {
            reason = StopReason.ERROR;
            error = e.getMessage();
        } catch (RuntimeException e) {
            LOG.debug("run stopped by an error", e);
            reason = StopReason.ERROR;
            error = oneLine(e);
        }
        if (run.stoppedBy != null && reason != StopReason.ERROR) {
            // a strategy that swallowed the stop still stops for it
            reason = run.stoppedBy;
            error = null;
        }
        LoopResult result = run.result(reason, error);
        try {
            run.recorder.on(new LoopEvent.RunFinished(result));
        } catch (RuntimeException e) {
            LOG.debug("the run folder could not be finished", e);
            if (result.stopReason() != StopReason.ERROR) {
                result = run.result(StopReason.ERROR, RecorderFailed.message(e));
            }
        }
        for (Delivery delivery : run.deliveries) {
            delivery.offer(new LoopEvent.RunFinished(result));
        }
        return result;
    }

    // ---- best turn ------------------------------------------------------------------------------------------

    /**
     * The index (from 1) of the best turn, 0 when there are none. Scored turns beat unscored ones; among scored turns
     * the strategy's ranking decides ({@link Strategy#compare}); ties go to the later turn.
     */
    static int bestTurn(List<Turn> turns, Strategy strategy) {
        int best = 0;
        for (int i = 0; i < turns.size(); i++) {
            if (best == 0 || compare(turns.get(i), turns.get(best - 1), strategy) >= 0) {
                best = i + 1;
            }
        }
        return best;
    }

    private static int compare(Turn a, Turn b, Strategy strategy) {
        if (a.scored() != b.scored()) {
            return a.scored() ? 1 : -1;
        }
        if (!a.scored()) {
            return 0;
        }
        return strategy.compare(a.critique(), b.critique());
    }

    private static String oneLine(RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    /** The recorder could not write: the run ends with ERROR. */
    private static final class RecorderFailed extends RuntimeException {
        RecorderFailed(RuntimeException cause) {
            super(message(cause), cause);
        }

        static String message(RuntimeException e) {
            return "the run folder could not be written: " + oneLine(e);
        }
    }

    // ---- one run's state ------------------------------------------------------------------------------------

    /** The state of one run, confined to the run's thread; it is the strategy's {@link RunContext}. */
    private final class Run implements RunContext {
        final LoopRequest request;
        final RunRecorder recorder;
        final List<Delivery> deliveries;
        final RunControl control;
        final List<Turn> turns = new ArrayList<>();
        Plan plan;
        String targetDescription;
        long planMs;
        StopReason stoppedBy;
        Region proposed;
        Region maskFor;
        Picture mask;

        Run(LoopRequest request, RunRecorder recorder, List<Delivery> deliveries, RunControl control) {
            this.request = request;
            this.recorder = recorder;
            this.deliveries = deliveries;
            this.control = control;
        }

        @Override
        public LoopRequest request() {
            return request;
        }

        @Override
        public int turnLimit() {
            return request.turnLimit();
        }

        @Override
        public List<Turn> turns() {
            return Collections.unmodifiableList(new ArrayList<>(turns));
        }

        /** The recorder first (a failure ends the run), then every listener's queue. */
        void publish(LoopEvent event) {
            try {
                recorder.on(event);
            } catch (RuntimeException e) {
                throw new RecorderFailed(e);
            }
            for (Delivery delivery : deliveries) {
                delivery.offer(event);
            }
        }

        private <T> T call(String name, java.util.function.Supplier<T> body) {
            try {
                return control.call(name, body);
            } catch (RunControl.RunStopped e) {
                stoppedBy = e.reason;
                throw e;
            }
        }

        @Override
        public Plan plan(PlanKind kind, int maxActions) {
            long start = System.nanoTime();
            Plan made = call(
                    "editloop-plan",
                    () -> thinker.plan(new PlanCall(
                            kind,
                            request.source(),
                            request.instruction(),
                            maxActions,
                            request.seed(),
                            request.references())));
            long ms = millisSince(start);
            planMs += ms;
            if (kind == PlanKind.REWRITE) {
                plan = made;
            } else {
                targetDescription = made.targetDescription() == null
                                || made.targetDescription().isBlank()
                        ? made.instruction()
                        : made.targetDescription();
            }
            publish(new LoopEvent.PlanDone(kind, made, ms));
            return made;
        }

        @Override
        public Turn turn(String instruction, TurnBase base, Picture image, CritiqueMode mode, String target) {
            int index = turns.size() + 1;
            if (index > turnLimit()) {
                throw new IllegalStateException(
                        "strategy " + request.strategy().id() + " asked for turn " + index + " of " + turnLimit());
            }
            control.check();
            publish(new LoopEvent.TurnStarted(index, instruction, base));
            long editStart = System.nanoTime();
            Region region = activeRegion();
            EditCall editCall = new EditCall(
                    image,
                    instruction,
                    request.seed(),
                    region == null ? null : mask(region),
                    java.util.Map.of(),
                    request.references());
            EditResult edit = call("editloop-edit", () -> editor.edit(editCall));
            RegionReport outside = edit.region() == null || region == null
                    ? null
                    : edit.region().withRegion(region.description());
            long editMs = millisSince(editStart);
            // from here the edited image is a finished turn, without a critique until it arrives
            publish(new LoopEvent.EditDone(index, edit.image(), edit.notes(), editMs, edit.unrepaired()));
            Turn unjudged = new Turn(index, instruction, base, edit.image(), edit.notes(), null, editMs, 0, outside);
            turns.add(unjudged);
            long thinkStart = System.nanoTime();
            Critique critique = call(
                    "editloop-critique",
                    () -> thinker.critique(new CritiqueCall(
                            mode,
                            request.source(),
                            edit.image(),
                            request.instruction(),
                            instruction,
                            index,
                            target,
                            request.seed(),
                            request.references(),
                            region,
                            outside)));
            long thinkMs = millisSince(thinkStart);
            Turn turn =
                    new Turn(index, instruction, base, edit.image(), edit.notes(), critique, editMs, thinkMs, outside);
            propose(critique);
            turns.set(turns.size() - 1, turn);
            publish(new LoopEvent.CritiqueDone(turn, result(null, null)));
            return turn;
        }

        @Override
        public Turn candidates(
                String instruction, TurnBase base, Picture image, CritiqueMode mode, String target, List<Long> seeds) {
            if (seeds == null || seeds.isEmpty()) {
                throw new IllegalArgumentException("a turn of candidates needs at least one seed");
            }
            if (request.region() != null || !request.references().isEmpty()) {
                throw new dev.editloop.core.InvalidInputException(
                        "a turn of candidates edits the whole source: it takes no region and no reference images yet");
            }
            List<Long> fixed = List.copyOf(seeds);
            int index = turns.size() + 1;
            if (index > turnLimit()) {
                throw new IllegalStateException(
                        "strategy " + request.strategy().id() + " asked for turn " + index + " of " + turnLimit());
            }
            control.check();
            publish(new LoopEvent.TurnStarted(index, instruction, base));
            List<Attempt> attempts =
                    call("editloop-candidates", () -> attempts(index, instruction, image, mode, target, fixed));
            Attempt winner = null;
            for (Attempt a : attempts) {
                if (a.candidate.scored()
                        && (winner == null
                                || request.strategy().compare(a.candidate.critique(), winner.candidate.critique())
                                        > 0)) {
                    winner = a;
                }
            }
            if (winner == null) {
                // nothing scored: keep an edit with an unreadable critique, else any edit (the run then stops)
                winner = attempts.stream()
                        .filter(a -> a.candidate.critique() != null)
                        .findFirst()
                        .orElse(attempts.stream()
                                .filter(a -> a.candidate.image() != null)
                                .findFirst()
                                .orElse(null));
            }
            RuntimeException firstFailure = attempts.stream()
                    .map(a -> a.failure)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            if (winner == null) {
                throw firstFailure;
            }
            List<Candidate> all = new ArrayList<>();
            for (Attempt a : attempts) {
                all.add(a.candidate.withWon(a == winner));
            }
            Candidate kept = winner.candidate;
            publish(new LoopEvent.EditDone(index, kept.image(), kept.editorNotes(), kept.editMs()));
            Turn turn = new Turn(
                    index,
                    instruction,
                    base,
                    kept.image(),
                    kept.editorNotes(),
                    kept.critique(),
                    kept.editMs(),
                    kept.thinkMs(),
                    all);
            turns.add(turn);
            if (kept.critique() == null) {
                throw firstFailure;
            }
            publish(new LoopEvent.CritiqueDone(turn, result(null, null)));
            return turn;
        }

        /** Every candidate's edit and critique, each pair on a virtual thread of its own, in seed order. */
        private List<Attempt> attempts(
                int index, String instruction, Picture image, CritiqueMode mode, String target, List<Long> seeds) {
            List<java.util.concurrent.Callable<Attempt>> tasks = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                int number = i + 1;
                long seed = seeds.get(i);
                tasks.add(() -> attempt(number, seed, index, instruction, image, mode, target));
            }
            var pool = java.util.concurrent.Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("editloop-candidate-", 1).factory());
            try {
                List<Attempt> done = new ArrayList<>();
                for (var future : pool.invokeAll(tasks)) {
                    done.add(future.get());
                }
                return done;
            } catch (InterruptedException e) {
                // the run stopped: invokeAll has cancelled (interrupted) the candidates still running
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("the run stopped");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        private Attempt attempt(
                int number, long seed, int index, String instruction, Picture image, CritiqueMode mode, String target) {
            long editStart = System.nanoTime();
            EditResult edit;
            try {
                edit = editor.edit(EditCall.of(image, instruction, seed));
            } catch (RuntimeException e) {
                return new Attempt(
                        new Candidate(
                                number, seed, null, List.of(), null, millisSince(editStart), 0, oneLine(e), false),
                        e);
            }
            long editMs = millisSince(editStart);
            long thinkStart = System.nanoTime();
            try {
                Critique critique = thinker.critique(new CritiqueCall(
                        mode,
                        request.source(),
                        edit.image(),
                        request.instruction(),
                        instruction,
                        index,
                        target,
                        request.seed()));
                return new Attempt(
                        new Candidate(
                                number,
                                seed,
                                edit.image(),
                                edit.notes(),
                                critique,
                                editMs,
                                millisSince(thinkStart),
                                null,
                                false),
                        null);
            } catch (RuntimeException e) {
                return new Attempt(
                        new Candidate(
                                number,
                                seed,
                                edit.image(),
                                edit.notes(),
                                null,
                                editMs,
                                millisSince(thinkStart),
                                oneLine(e),
                                false),
                        e);
            }
        }

        /** The region the next turn is confined to: the request's, else the thinker's latest proposal, else none. */
        Region activeRegion() {
            return request.region() != null ? request.region() : proposed;
        }

        private Picture mask(Region region) {
            if (maskFor != region) {
                maskFor = region;
                mask = region.toMask();
            }
            return mask;
        }

        /** Keeps a region the thinker proposed, when the user gave none; it confines the following turns. */
        private void propose(Critique critique) {
            if (request.region() != null
                    || critique == null
                    || !critique.valid()
                    || critique.region().isEmpty()) {
                return;
            }
            Region region = Region.proposed(
                    critique.region(),
                    request.source().width(),
                    request.source().height());
            if (region != null && region.outsideShare() > 0.01) {
                proposed = region;
            }
        }

        String invalidReason() {
            Turn last = turns.isEmpty() ? null : turns.getLast();
            if (last != null && last.critique() != null && !last.critique().valid()) {
                return "the thinker's reply at turn " + last.index() + " could not be read: "
                        + last.critique().reasoning();
            }
            return "the run stopped on an error";
        }

        LoopResult result(StopReason reason, String error) {
            return new LoopResult(
                    request,
                    editor.identity(),
                    thinker.identity(),
                    plan,
                    targetDescription,
                    planMs,
                    turns,
                    bestTurn(turns, request.strategy()),
                    reason,
                    error);
        }
    }

    /** A candidate and the failure that ended it early, if any. */
    private record Attempt(Candidate candidate, RuntimeException failure) {}

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
