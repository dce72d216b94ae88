package dev.editloop.cli;

import dev.editloop.core.PlanKind;
import dev.editloop.core.loop.LoopEvent;
import dev.editloop.core.loop.LoopListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Progress lines on stderr while a run works: a turn bar, what is being edited, and each turn's scores. */
final class Progress implements LoopListener {
    private final PrintWriter err;
    private final boolean quiet;
    private int limit = 1;

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void on(LoopEvent event) {
        if (quiet) {
            return;
        }
        switch (event) {
            case LoopEvent.RunStarted started -> {
                limit = started.turnLimit();
                line(
                        "%s, up to %d turn%s · editor %s · thinker %s",
                        started.request().strategy().id(),
                        limit,
                        limit == 1 ? "" : "s",
                        started.editor(),
                        started.thinker());
            }
            case LoopEvent.PlanDone plan -> {
                if (plan.kind() == PlanKind.REWRITE) {
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
            case LoopEvent.CritiqueDone done -> {
                var c = done.turn().critique();
                String verdict = c.verdict().id();
                if (c.valid()) {
                    line(
                            "%s turn %d/%d SC %.1f PQ %.1f → %s (edit %d ms, think %d ms)",
                            bar(done.turn().index()),
                            done.turn().index(),
                            limit,
                            c.semantic(),
                            c.quality(),
                            verdict,
                            done.turn().editMs(),
                            done.turn().thinkMs());
                } else {
                    line(
                            "%s turn %d/%d the thinker's reply could not be read",
                            bar(done.turn().index()), done.turn().index(), limit);
                }
            }
            case LoopEvent.RunFinished finished ->
                line("%s done: %s", bar(limit), finished.result().stopReason().id());
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
