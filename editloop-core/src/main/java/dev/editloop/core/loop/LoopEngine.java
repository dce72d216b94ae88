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
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop: edit, look, score, explain, rewrite the instruction, edit again, keep the best. All four strategies of
 * DESIGN §1 live in this one file.
 *
 * <ul>
 *   <li><b>think-while-edit</b>: turn 1 edits the source with the user's instruction; after every turn the thinker
 *       compares source and edit and returns scores and a refined instruction; every later turn edits the SOURCE
 *       again with the refined instruction. Stop rules, checked in this order: {@code threshold}, {@code
 *       no_change}, {@code max_turns}, {@code verdict_failed}; {@code error} when a backend fails or the thinker's
 *       reply cannot be read.
 *   <li><b>think-before-edit</b>: the thinker rewrites the instruction from the source alone; one edit; one critique
 *       for the record.
 *   <li><b>single</b>: one edit with the user's instruction; one critique for the record.
 *   <li><b>reflect</b>: optionally rewrite the instruction into at most three concrete actions; describe the
 *       intended result once; then edit and judge the edited image alone against that description. SUCCESS stops
 *       ({@code verdict_success}); REFLECTION edits the PREVIOUS output with the correction; FAILED restarts from
 *       the SOURCE with the rewrite, or stops ({@code verdict_failed}) when there is none.
 * </ul>
 *
 * <p>Every turn is critiqued, the last included, and the answer is the best turn: think-while-edit, single and
 * think-before-edit rank by overall score sqrt(SC·PQ); reflect ranks by SC·PQ, ties to a SUCCESS verdict; ties go to
 * the later turn. Turns without a readable critique rank below every scored turn.
 *
 * <p>An engine holds no state between runs and may run several requests at once from different threads.
 */
public final class LoopEngine {
    private static final Logger LOG = LoggerFactory.getLogger(LoopEngine.class);
    private static final int REFLECT_MAX_ACTIONS = 3;
    private static final int REWRITE_MAX_ACTIONS = 8;

    private final Editor editor;
    private final Thinker thinker;

    /** An engine over one editor and one thinker. */
    public LoopEngine(Editor editor, Thinker thinker) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.thinker = Objects.requireNonNull(thinker, "thinker");
    }

    /** Runs one request to the end, reporting each step to the listener. Backend failures end the run with ERROR. */
    public LoopResult run(LoopRequest request, LoopListener listener) {
        Run run = new Run(request, listener == null ? LoopListener.NONE : listener);
        listener = run.listener;
        listener.on(new LoopEvent.RunStarted(request, editor.identity(), thinker.identity(), request.turnLimit()));
        StopReason reason;
        String error = null;
        try {
            reason = switch (request.strategy()) {
                case THINK_WHILE_EDIT -> thinkWhileEdit(run);
                case THINK_BEFORE_EDIT -> thinkBeforeEdit(run);
                case SINGLE -> single(run);
                case REFLECT -> reflect(run);
            };
            if (reason == StopReason.ERROR) {
                error = run.invalidReason();
            }
        } catch (RuntimeException e) {
            if (run.listenerFailed) {
                throw e;
            }
            LOG.debug("run stopped by an error", e);
            reason = StopReason.ERROR;
            error = oneLine(e);
        }
        LoopResult result = run.result(reason, error);
        listener.on(new LoopEvent.RunFinished(result));
        return result;
    }

    /** Runs one request with no listener. */
    public LoopResult run(LoopRequest request) {
        return run(request, LoopListener.NONE);
    }

    // ---- the strategies -------------------------------------------------------------------------------------

    private StopReason thinkWhileEdit(Run run) {
        LoopRequest request = run.request;
        String instruction = request.instruction();
        for (int t = 1; ; t++) {
            Turn turn = run.turn(t, instruction, TurnBase.SOURCE, request.source(), CritiqueMode.COMPARE, null);
            StopReason stop = compareStop(run, turn);
            if (stop != null) {
                return stop;
            }
            instruction = turn.critique().refinedInstruction().strip();
        }
    }

    private StopReason thinkBeforeEdit(Run run) {
        Plan plan = run.plan(PlanKind.REWRITE, REWRITE_MAX_ACTIONS);
        Turn turn = run.turn(1, plan.instruction(), TurnBase.SOURCE, run.request.source(), CritiqueMode.COMPARE, null);
        return compareStop(run, turn);
    }

    private StopReason single(Run run) {
        LoopRequest request = run.request;
        Turn turn = run.turn(1, request.instruction(), TurnBase.SOURCE, request.source(), CritiqueMode.COMPARE, null);
        return compareStop(run, turn);
    }

    /** The stop rules of think-while-edit (single and think-before-edit have a limit of one turn). */
    private static StopReason compareStop(Run run, Turn turn) {
        Critique critique = turn.critique();
        if (!critique.valid()) {
            return StopReason.ERROR;
        }
        if (run.request.threshold().met(critique)) {
            return StopReason.THRESHOLD;
        }
        if (!critique.hasRefinement() && critique.verdict() != Verdict.FAILED
                || critique.hasRefinement()
                        && critique.refinedInstruction()
                                .strip()
                                .equals(turn.instruction().strip())) {
            return StopReason.NO_CHANGE;
        }
        if (turn.index() >= run.request.turnLimit()) {
            return StopReason.MAX_TURNS;
        }
        if (critique.verdict() == Verdict.FAILED) {
            return StopReason.VERDICT_FAILED;
        }
        return null;
    }

    private StopReason reflect(Run run) {
        LoopRequest request = run.request;
        String instruction = request.instruction();
        if (request.reflectThinking()) {
            instruction = run.plan(PlanKind.REWRITE, REFLECT_MAX_ACTIONS).instruction();
        }
        Plan target = run.plan(PlanKind.DESCRIBE_TARGET, REFLECT_MAX_ACTIONS);
        run.targetDescription =
                target.targetDescription() == null || target.targetDescription().isBlank()
                        ? target.instruction()
                        : target.targetDescription();
        TurnBase base = TurnBase.SOURCE;
        Picture baseImage = request.source();
        for (int t = 1; ; t++) {
            Turn turn = run.turn(t, instruction, base, baseImage, CritiqueMode.REFLECT, run.targetDescription);
            Critique critique = turn.critique();
            if (!critique.valid()) {
                return StopReason.ERROR;
            }
            if (critique.verdict() == Verdict.SUCCESS) {
                return StopReason.VERDICT_SUCCESS;
            }
            boolean restart = critique.verdict() == Verdict.FAILED || critique.verdict() == Verdict.REFINE;
            if (!restart && !critique.hasRefinement()) {
                return StopReason.NO_CHANGE;
            }
            if (t >= request.turnLimit()) {
                return StopReason.MAX_TURNS;
            }
            if (restart && !critique.hasRefinement()) {
                return StopReason.VERDICT_FAILED;
            }
            instruction = critique.refinedInstruction().strip();
            base = restart ? TurnBase.SOURCE : TurnBase.PREVIOUS;
            baseImage = restart ? request.source() : turn.image();
        }
    }

    // ---- best turn ------------------------------------------------------------------------------------------

    /**
     * The index (from 1) of the best turn, 0 when there are none. Scored turns beat unscored ones; among scored
     * turns the higher rank wins (overall, or SC·PQ with SUCCESS first for reflect); ties go to the later turn.
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
        Critique ca = a.critique();
        Critique cb = b.critique();
        if (strategy == Strategy.REFLECT) {
            int byProduct = Double.compare(ca.semantic() * ca.quality(), cb.semantic() * cb.quality());
            if (byProduct != 0) {
                return byProduct;
            }
            return Boolean.compare(ca.verdict() == Verdict.SUCCESS, cb.verdict() == Verdict.SUCCESS);
        }
        return Double.compare(ca.overall(), cb.overall());
    }

    private static String oneLine(RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    // ---- one run's state ------------------------------------------------------------------------------------

    /** The state of one run: its turns and plan, confined to the thread that runs it. */
    private final class Run {
        final LoopRequest request;
        final LoopListener listener;
        final List<Turn> turns = new ArrayList<>();
        Plan plan;
        String targetDescription;
        long planMs;
        boolean listenerFailed;

        Run(LoopRequest request, LoopListener listener) {
            this.request = request;
            this.listener = event -> {
                try {
                    listener.on(event);
                } catch (RuntimeException e) {
                    listenerFailed = true;
                    throw e;
                }
            };
        }

        Plan plan(PlanKind kind, int maxActions) {
            long start = System.nanoTime();
            Plan made = thinker.plan(
                    new PlanCall(kind, request.source(), request.instruction(), maxActions, request.seed()));
            long ms = millisSince(start);
            planMs += ms;
            if (kind == PlanKind.REWRITE) {
                plan = made;
            }
            listener.on(new LoopEvent.PlanDone(kind, made, ms));
            return made;
        }

        Turn turn(int index, String instruction, TurnBase base, Picture image, CritiqueMode mode, String target) {
            listener.on(new LoopEvent.TurnStarted(index, instruction, base));
            long editStart = System.nanoTime();
            EditResult edit = editor.edit(EditCall.of(image, instruction, request.seed()));
            long editMs = millisSince(editStart);
            listener.on(new LoopEvent.EditDone(index, edit.image(), edit.notes(), editMs));
            // until the critique arrives, the edited image is a finished turn without a critique
            Turn unjudged = new Turn(index, instruction, base, edit.image(), edit.notes(), null, editMs, 0);
            turns.add(unjudged);
            long thinkStart = System.nanoTime();
            Critique critique = thinker.critique(new CritiqueCall(
                    mode,
                    request.source(),
                    edit.image(),
                    request.instruction(),
                    instruction,
                    index,
                    target,
                    request.seed()));
            long thinkMs = millisSince(thinkStart);
            Turn turn = new Turn(index, instruction, base, edit.image(), edit.notes(), critique, editMs, thinkMs);
            turns.set(turns.size() - 1, turn);
            listener.on(new LoopEvent.CritiqueDone(turn, result(null, null)));
            return turn;
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

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
