package dev.editloop.data.reward;

import java.util.Objects;

/**
 * One rollout to reward: the thinker's reply to a step, and the scorer's scores of the image that step critiqued.
 *
 * @param id the caller's id of the rollout, echoed in the result
 * @param reply the thinker's raw reply
 * @param scorerSemantic the scorer's SC of the critiqued image I_t, 0–10
 * @param scorerQuality the scorer's PQ of I_t, 0–10
 * @param task what the edit reward needs to run the refined instruction, or null to skip the edit reward
 */
public record RewardInput(String id, String reply, double scorerSemantic, double scorerQuality, EditTask task) {
    public RewardInput {
        Objects.requireNonNull(id, "id");
        reply = reply == null ? "" : reply;
        for (double s : new double[] {scorerSemantic, scorerQuality}) {
            if (Double.isNaN(s) || s < 0 || s > 10) {
                throw new IllegalArgumentException("rollout " + id + ": scorer scores must be within 0..10, got " + s);
            }
        }
    }

    /** The scorer's overall √(SC·PQ) of the critiqued image. */
    public double scorerOverall() {
        return Rewards.overall(scorerSemantic, scorerQuality);
    }
}
