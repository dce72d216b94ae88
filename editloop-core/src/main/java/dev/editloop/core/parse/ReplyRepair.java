package dev.editloop.core.parse;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.Usage;
import dev.editloop.core.prompt.PromptTemplate;
import dev.editloop.core.prompt.Prompts;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a chat model again, a bounded number of times, when its critique cannot be read, and then gives up with an
 * invalid critique that keeps the last raw text; immutable and thread-safe.
 *
 * <p>The adapter supplies an {@link Exchange}: the first call sends the conversation as it is ({@code repair} is
 * null); each later call appends the model's previous reply and the {@link Repair#message()} (a short note saying what
 * was wrong and the exact format expected) and sends again. Usage is summed over every call. Exceptions from the
 * exchange (timeouts, HTTP errors) pass through untouched: retrying those is the transport's job.
 */
public final class ReplyRepair {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyRepair.class);

    /** How many repair messages {@link #defaults()} sends after the first reply. */
    public static final int DEFAULT_MAX_REPAIRS = 1;

    /** The most repairs a {@code ReplyRepair} may be configured with. */
    public static final int MAX_REPAIRS_LIMIT = 5;

    /** The format a think-while-edit reply must have, as quoted in repair messages. */
    public static final String COMPARE_FORMAT = """
            <think>your judgement, then your plan</think>
            <score>{"semantic": x, "quality": y}</score>
            <answer>the next instruction</answer>
            where x and y are numbers from 0 to 10.""";

    /** The format a reflect reply must have, as quoted in repair messages. */
    public static final String REFLECT_FORMAT = """
            <judgement>your check of the picture against the description</judgement>
            <score>{"semantic": x, "quality": y}</score>
            <verdict>SUCCESS, REFLECTION or FAILED (one word)</verdict>
            <answer>the correcting instruction (REFLECTION) or the new instruction (FAILED); empty for SUCCESS</answer>
            where x and y are numbers from 0 to 10.""";

    /** Sends the conversation to the model once. */
    @FunctionalInterface
    public interface Exchange {
        /**
         * Sends the conversation and returns the model's raw reply.
         *
         * @param repair null for the first call; afterwards, the previous reply to append as the model's turn and the
         *     repair message to append as the user's turn
         */
        Response send(Repair repair);
    }

    /**
     * The model's raw reply to one call.
     *
     * @param text the raw text (null is read as an empty reply)
     * @param usage tokens the call consumed (null for none counted)
     */
    public record Response(String text, Usage usage) {
        public Response {
            usage = usage == null ? Usage.NONE : usage;
        }
    }

    /**
     * One repair request.
     *
     * @param attempt 1 for the first repair, 2 for the second…
     * @param previousReply the unreadable reply being repaired
     * @param problem what was wrong with it
     * @param message the message to send: the problem and the expected format
     */
    public record Repair(int attempt, String previousReply, String problem, String message) {}

    private final ThinkerReplyParser parser;
    private final PromptTemplate repairPrompt;
    private final int maxRepairs;

    /**
     * A repair loop.
     *
     * @param parser reads each reply
     * @param repairPrompt the template of the repair message, with {@code {{problem}}} and {@code {{format}}}
     * @param maxRepairs how many repair messages to send at most after the first reply, 0–{@value #MAX_REPAIRS_LIMIT}
     */
    public ReplyRepair(ThinkerReplyParser parser, PromptTemplate repairPrompt, int maxRepairs) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.repairPrompt = Objects.requireNonNull(repairPrompt, "repairPrompt");
        if (maxRepairs < 0 || maxRepairs > MAX_REPAIRS_LIMIT) {
            throw new IllegalArgumentException(
                    "maxRepairs must be within 0.." + MAX_REPAIRS_LIMIT + ", got " + maxRepairs);
        }
        this.maxRepairs = maxRepairs;
    }

    /** One repair at most, with the default repair prompt. */
    public static ReplyRepair defaults() {
        return new ReplyRepair(new ThinkerReplyParser(), Prompts.defaults().get(Prompts.REPAIR), DEFAULT_MAX_REPAIRS);
    }

    /** How many repair messages this loop sends at most. */
    public int maxRepairs() {
        return maxRepairs;
    }

    /** A think-while-edit critique, repaired if needed; see {@link #run}. */
    public Critique critique(Exchange exchange) {
        return run(CritiqueMode.COMPARE, null, exchange);
    }

    /** A reflect critique, repaired if needed; see {@link #run}. */
    public Critique reflect(String targetDescription, Exchange exchange) {
        return run(CritiqueMode.REFLECT, targetDescription, exchange);
    }

    /**
     * Sends, parses, and while the reply is unreadable and repairs remain, sends a repair message and parses again.
     *
     * @param mode which reply format to expect
     * @param targetDescription reflect: recorded in the critique when the reply does not restate it; may be null
     * @param exchange sends the conversation
     * @return the critique of the first readable reply, or {@link Critique#invalid} with the last reply's problem and
     *     raw text; usage summed over every call either way
     */
    public Critique run(CritiqueMode mode, String targetDescription, Exchange exchange) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(exchange, "exchange");
        String format = mode == CritiqueMode.REFLECT ? REFLECT_FORMAT : COMPARE_FORMAT;
        Usage usage = Usage.NONE;
        Repair repair = null;
        for (int attempt = 0; ; attempt++) {
            Response response = Objects.requireNonNull(exchange.send(repair), "the exchange returned no response");
            usage = usage.plus(response.usage());
            ThinkerReply reply = parser.parse(response.text(), mode);
            if (reply instanceof ThinkerReply.Unreadable unreadable) {
                if (attempt < maxRepairs) {
                    LOG.debug(
                            "thinker reply unreadable ({}); sending repair {} of {}",
                            unreadable.reason(),
                            attempt + 1,
                            maxRepairs);
                    String message = repairPrompt.render(Map.of("problem", unreadable.reason(), "format", format));
                    repair = new Repair(attempt + 1, unreadable.raw(), unreadable.reason(), message);
                    continue;
                }
                String reason = attempt == 0
                        ? unreadable.reason()
                        : unreadable.reason() + " (still unreadable after " + attempt
                                + (attempt == 1 ? " repair)" : " repairs)");
                LOG.debug("thinker reply unreadable, giving up: {}", reason);
                return new ThinkerReply.Unreadable(reason, unreadable.raw()).toCritique(usage);
            }
            return reply.toCritique(usage, targetDescription);
        }
    }
}
