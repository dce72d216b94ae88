package dev.editloop.bench.store;

import dev.editloop.core.Judgement;

/**
 * One judge call as it happened: kept whole so that a run can be audited and re-aggregated.
 *
 * @param turn the turn judged (from 1)
 * @param sample which sample of {@code --judge-samples} (from 0)
 * @param question the question's place in the protocol's list (from 0)
 * @param judgement the judge's answer (raw reply, parsed sub-scores, reported model, tokens), or null when it
 *     failed
 * @param latencyMs wall time of the call, repairs included
 * @param error why the call failed (unreadable after repairs, a backend error), or null
 */
public record JudgeRecord(int turn, int sample, int question, Judgement judgement, long latencyMs, String error) {
    public JudgeRecord {
        if (turn < 1 || sample < 0 || question < 0) {
            throw new IllegalArgumentException(
                    "bad judge record position: turn " + turn + ", sample " + sample + ", question " + question);
        }
        if ((judgement == null) == (error == null)) {
            throw new IllegalArgumentException("a judge record holds either a judgement or an error");
        }
    }

    /** True when the call gave a judgement. */
    public boolean ok() {
        return judgement != null;
    }
}
