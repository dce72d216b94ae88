package dev.editloop.data.model;

import java.util.Objects;

/**
 * One training step unrolled from a trajectory: what the thinker sees at turn t, what it must answer, and the scorer's
 * view of that turn as metadata.
 *
 * @param id {@code <trajectory>#<turn>}
 * @param trajectory the trajectory's id
 * @param turn t, from 1
 * @param turns how many turns the (cut) trajectory has
 * @param task the task type
 * @param sourceImage I_src in the image store
 * @param currentImage I_t in the image store
 * @param originalInstruction T_s
 * @param previousInstruction T_t, the instruction that made I_t
 * @param target what the thinker must answer
 * @param scorer the scorer's scores of I_t
 * @param scoreDelta the scorer's overall of turn t minus that of turn t−1, or null for turn 1 (or an unscored turn)
 * @param trajectoryVariance the score variance of the whole (cut) trajectory
 */
public record StepSample(
        String id,
        String trajectory,
        int turn,
        int turns,
        String task,
        String sourceImage,
        String currentImage,
        String originalInstruction,
        String previousInstruction,
        Target target,
        Scores scorer,
        Double scoreDelta,
        double trajectoryVariance) {
    public StepSample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scorer, "scorer");
    }

    /**
     * The thinker's answer to learn: its reasoning, its scores, the next instruction, and whether to go on.
     *
     * @param reasoning the expert's reasoning
     * @param semantic the expert's SC
     * @param quality the expert's PQ
     * @param refinedInstruction the next turn's instruction; on the last step, T_t repeated (the loop's stop signal)
     * @param label {@code continue} or {@code stop}
     */
    public record Target(String reasoning, double semantic, double quality, String refinedInstruction, String label) {
        public static final String CONTINUE = "continue";
        public static final String STOP = "stop";

        /** The reply in the thinker's tagged format. */
        public String reply() {
            return "<think>" + reasoning.strip() + "</think>\n<score>{\"semantic\": " + number(semantic)
                    + ", \"quality\": " + number(quality) + "}</score>\n<answer>" + refinedInstruction.strip()
                    + "</answer>";
        }

        /** The expert's overall √(SC·PQ). */
        public double overall() {
            return Math.sqrt(semantic * quality);
        }

        private static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
