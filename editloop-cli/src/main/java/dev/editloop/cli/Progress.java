package dev.editloop.cli;

import dev.editloop.core.PlanKind;
import dev.editloop.core.loop.LoopEvent;
import dev.editloop.core.loop.LoopListener;
import dev.editloop.core.loop.StopReason;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress lines on stderr while a run works: a turn bar, what is being edited, and each turn's scores with what comes
 * next ({@code → refine}), or, for the turn that ended the run on its scores, {@code → threshold met}. It is a queued
 * listener: it runs on its own thread and cannot hold up the run.
 */
final class Progress implements LoopListener {
    private final PrintWriter err;
    private final boolean quiet;
    private int limit = 1;
    private LoopEvent.CritiqueDone pending;

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void on(LoopEvent event) {
        if (quiet) {
            return;
        }
        if (pending != null) {
            // a turn's line waits for the next event: at the end of the run it says why the run stopped there
            LoopEvent.CritiqueDone done = pending;
            pending = null;
            if (!(event instanceof LoopEvent.RunFinished finished)) {
                critique(done, done.turn().critique().verdict().id());
            } else {
                StopReason stop = finished.result().stopReason();
                critique(
                        done,
                        stop == StopReason.THRESHOLD
                                ? "threshold met"
                                : done.turn().critique().verdict().id());
            }
        }
        switch (event) {
            case LoopEvent.RunStarted started -> {
                limit = started.turnLimit();
                var strategy = started.request().strategy();
                line(
                        "%s, up to %d turn%s · editor %s · thinker %s",
                        strategy.id()
                                + (strategy instanceof dev.editloop.core.loop.BestOfN best
                                        ? " of " + best.candidates() + " candidates"
                                                + (best.budget() == null ? "" : ", budget " + best.budget())
                                        : ""),
                        limit,
                        limit == 1 ? "" : "s",
                        started.editor(),
                        started.thinker());
            }
            case LoopEvent.PlanDone plan -> {
                if (plan.plan().failed()) {
                    line("%s the thinker says the editor cannot do this (%d ms)", bar(0), plan.thinkMs());
                } else if (plan.kind() == PlanKind.REWRITE) {
                    line("%s planned: %s (%d ms)", bar(0), plan.plan().instruction(), plan.thinkMs());
                } else {
                    line("%s target: %s", bar(0), plan.plan().targetDescription());
                }
            }
            case LoopEvent.TurnStarted turn ->
                line(
                        "%s turn %d/%d editing %s: %s",
                        bar(turn.index() - 1), turn.index(), limit, turn.base().id(), turn.instruction());
            case LoopEvent.EditDone edit -> {}
            case LoopEvent.CritiqueDone done -> pending = done;
            case LoopEvent.RunFinished finished ->
                line("%s done: %s", bar(limit), finished.result().stopReason().id());
        }
    }

    private void critique(LoopEvent.CritiqueDone done, String outcome) {
        var c = done.turn().critique();
        if (c.valid()) {
            line(
                    "%s turn %d/%d SC %.1f PQ %.1f → %s (edit %d ms, think %d ms)",
                    bar(done.turn().index()),
                    done.turn().index(),
                    limit,
                    c.semantic(),
                    c.quality(),
                    outcome,
                    done.turn().editMs(),
                    done.turn().thinkMs());
        } else {
            line(
                    "%s turn %d/%d the thinker's reply could not be read",
                    bar(done.turn().index()), done.turn().index(), limit);
        }
    }

    private String bar(int done) {
        int width = Math.min(limit, 10);
        int filled = limit == 0 ? width : Math.round((float) done * width / limit);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    private void line(String format, Object... args) {
        err.println(String.format(Locale.ROOT, format, args));
        err.flush();
    }
}
