package dev.editloop.data.reward;

import dev.editloop.core.Verdict;
import dev.editloop.core.parse.ThinkerReply;
import dev.editloop.core.parse.ThinkerReplyParser;

/**
 * The reward formulas (see the package documentation for ranges and the README for worked examples). Pure functions:
 * no backend is called here; {@link RewardBatch} runs the edits.
 */
public final class Rewards {
    private static final ThinkerReplyParser PARSER = new ThinkerReplyParser();

    private Rewards() {}

    /** Format reward ∈ {0, 0.5, 1}: 0.5 for the exact tag layout, 0.5 for numeric scores within 0–10. */
    public static double format(ReplyFormat format) {
        return (format.tagsInOrder() ? 0.5 : 0) + (format.scoresReadable() ? 0.5 : 0);
    }

    /** Format reward of a raw reply. */
    public static double format(String reply) {
        return format(ReplyFormat.check(reply));
    }

    /**
     * Critic reward ∈ [0, 1]: 1 − (|SCₚ − SCₛ| + |PQₚ − PQₛ|) / 20.
     *
     * @throws IllegalArgumentException for a score outside 0–10 or NaN
     */
    public static double critic(
            double predictedSemantic, double predictedQuality, double scorerSemantic, double scorerQuality) {
        check("predicted semantic", predictedSemantic);
        check("predicted quality", predictedQuality);
        check("scorer semantic", scorerSemantic);
        check("scorer quality", scorerQuality);
        return 1 - (Math.abs(predictedSemantic - scorerSemantic) + Math.abs(predictedQuality - scorerQuality)) / 20;
    }

    /**
     * Edit reward ∈ [−1, 1]: (after − before) / 10, the scorer's overall of the new edit minus that of the turn
     * critiqued.
     *
     * @throws IllegalArgumentException for an overall outside 0–10 or NaN
     */
    public static double edit(double overallBefore, double overallAfter) {
        check("overall before", overallBefore);
        check("overall after", overallAfter);
        return (overallAfter - overallBefore) / 10;
    }

    /** VIEScore's overall √(SC·PQ). */
    public static double overall(double semantic, double quality) {
        check("semantic", semantic);
        check("quality", quality);
        return Math.sqrt(semantic * quality);
    }

    /** The tolerant reading of a reply (the loop's parser), for the critic and edit rewards. */
    static ThinkerReply read(String reply) {
        return PARSER.parse(reply == null ? "" : reply);
    }

    /**
     * What the edit reward must do with a reply: stop (the image stays: reward 0), run the refined instruction, or
     * nothing readable (reward −1).
     */
    static EditStep editStep(ThinkerReply reply, String previousInstruction) {
        if (!(reply instanceof ThinkerReply.Readable r)) {
            return new EditStep(EditStep.Kind.UNREADABLE, null);
        }
        if (r.verdict() == Verdict.SUCCESS
                || r.verdict() == Verdict.FAILED
                || r.instruction() == null
                || r.instruction().isBlank()) {
            return new EditStep(EditStep.Kind.STOP, null);
        }
        if (previousInstruction != null && r.instruction().strip().equals(previousInstruction.strip())) {
            return new EditStep(EditStep.Kind.STOP, null);
        }
        return new EditStep(EditStep.Kind.EDIT, r.instruction().strip());
    }

    record EditStep(Kind kind, String instruction) {
        enum Kind {
            STOP,
            EDIT,
            UNREADABLE
        }
    }

    private static void check(String name, double value) {
        if (Double.isNaN(value) || value < 0 || value > 10) {
            throw new IllegalArgumentException(name + " score must be within 0..10, got " + value);
        }
    }
}
