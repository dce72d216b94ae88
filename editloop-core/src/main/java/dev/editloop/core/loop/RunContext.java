package dev.editloop.core.loop;

import dev.editloop.core.CritiqueMode;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanKind;
import dev.editloop.core.image.Picture;
import java.util.List;

/**
 * What a {@link Strategy} can do within one run: ask the thinker for a plan and make turns. The engine behind it
 * times each call, reports events, keeps the run folder, honours cancellation and deadlines and picks the best turn.
 *
 * <p>Both calls throw an unchecked exception when the run was cancelled or passed its deadline (before the call, or
 * while it waits for the backend); a strategy lets it pass. Backend failures pass through unchanged.
 */
public interface RunContext {
    /** The request being run. */
    LoopRequest request();

    /** The turn limit that applies ({@link LoopRequest#turnLimit()}); {@link #turn} refuses to go past it. */
    int turnLimit();

    /** The finished turns so far, in order (a turn whose critique failed is kept without a critique). */
    List<Turn> turns();

    /**
     * Asks the thinker for a plan from the source image and the user's instruction. A REWRITE plan is recorded as the
     * run's plan; a DESCRIBE_TARGET plan as its target description (the plan's instruction when it gives none).
     *
     * @param kind rewrite the instruction, or describe the intended result
     * @param maxActions the most concrete edit actions a rewrite may hold
     */
    Plan plan(PlanKind kind, int maxActions);

    /**
     * Makes the next turn: the editor edits {@code image} with {@code instruction}, then the thinker critiques the
     * result in {@code mode} against the source and the user's instruction. Turns are numbered from 1 in the order
     * they are made.
     *
     * @param instruction the instruction for the editor
     * @param base which image {@code image} is (recorded in the trajectory)
     * @param image the image to edit: the source, or a previous turn's image
     * @param mode how the thinker judges
     * @param targetDescription reflect mode: the intended result; null otherwise
     * @return the finished turn, with its critique (which may be invalid: check {@link Turn#scored()})
     * @throws IllegalStateException when the turn limit has been reached
     */
    Turn turn(String instruction, TurnBase base, Picture image, CritiqueMode mode, String targetDescription);

    /**
     * Makes the next turn out of several candidates: the editor edits {@code image} with {@code instruction} once per
     * seed, all at once (each on its own virtual thread: the editor's own limits, such as a pool's requests per
     * endpoint, decide how many run together), and the thinker critiques each edit as it arrives, one critique per
     * candidate. The turn keeps the best scored candidate by the strategy's ranking ({@link Strategy#compare}; ties to
     * the lower candidate number) and records all of them ({@link Turn#candidates()}). A candidate whose edit or
     * critique failed is recorded with its error and cannot win; when every candidate failed, the first failure passes
     * through as from {@link #turn}.
     *
     * @param seeds one seed per candidate, at least one
     * @return the finished turn, whose image and critique are the kept candidate's
     * @throws IllegalStateException when the turn limit has been reached
     */
    Turn candidates(
            String instruction,
            TurnBase base,
            Picture image,
            CritiqueMode mode,
            String targetDescription,
            List<Long> seeds);
}
