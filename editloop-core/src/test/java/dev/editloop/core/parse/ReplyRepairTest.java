package dev.editloop.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueMode;
import dev.editloop.core.RetriableException;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.prompt.PromptTemplate;
import dev.editloop.core.prompt.Prompts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyRepairTest {
    private static final String GOOD = "<think>fine</think><score>{\"semantic\": 8, \"quality\": 7}</score>"
            + "<answer>Make the sky orange.</answer>";
    private static final String NO_SCORE = "<think>fine</think><answer>Make the sky orange.</answer>";
    private static final String PROSE = "The edit looks quite good overall.";

    /** A fake chat model: answers from a script and records what it was sent. */
    private static final class ScriptedModel implements ReplyRepair.Exchange {
        final Deque<String> replies;
        final List<ReplyRepair.Repair> received = new ArrayList<>();
        final Usage perCall;

        ScriptedModel(Usage perCall, String... replies) {
            this.replies = new ArrayDeque<>(List.of(replies));
            this.perCall = perCall;
        }

        @Override
        public ReplyRepair.Response send(ReplyRepair.Repair repair) {
            received.add(repair);
            return new ReplyRepair.Response(replies.removeFirst(), perCall);
        }
    }

    @Test
    void aReadableFirstReplyNeedsNoRepair() {
        ScriptedModel model = new ScriptedModel(new Usage(100, 20), GOOD);
        Critique critique = ReplyRepair.defaults().critique(model);

        assertThat(critique.valid()).isTrue();
        assertThat(critique.semantic()).isEqualTo(8.0);
        assertThat(critique.refinedInstruction()).isEqualTo("Make the sky orange.");
        assertThat(critique.usage()).isEqualTo(new Usage(100, 20));
        assertThat(model.received).hasSize(1).containsOnlyNulls();
    }

    @Test
    void oneRepairSaysWhatWasWrongAndTheFormat() {
        ScriptedModel model = new ScriptedModel(new Usage(100, 20), NO_SCORE, GOOD);
        Critique critique = ReplyRepair.defaults().critique(model);

        assertThat(critique.valid()).isTrue();
        assertThat(critique.quality()).isEqualTo(7.0);
        assertThat(critique.raw()).isEqualTo(GOOD);
        assertThat(critique.usage()).isEqualTo(new Usage(200, 40));

        assertThat(model.received).hasSize(2);
        assertThat(model.received.get(0)).isNull();
        ReplyRepair.Repair repair = model.received.get(1);
        assertThat(repair.attempt()).isEqualTo(1);
        assertThat(repair.previousReply()).isEqualTo(NO_SCORE);
        assertThat(repair.problem()).isEqualTo("missing score");
        assertThat(repair.message())
                .contains("missing score")
                .contains("<score>{\"semantic\": x, \"quality\": y}</score>")
                .contains("<answer>")
                .doesNotContain("{{");
    }

    @Test
    void givesUpAfterTheBoundKeepingTheLastRawTextAndAllUsage() {
        ScriptedModel model = new ScriptedModel(new Usage(50, 10), NO_SCORE, PROSE, GOOD);
        Critique critique = ReplyRepair.defaults().critique(model);

        assertThat(critique.valid()).isFalse();
        assertThat(critique.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(critique.semantic()).isNull();
        assertThat(critique.quality()).isNull();
        assertThat(critique.raw()).isEqualTo(PROSE);
        assertThat(critique.reasoning()).isEqualTo("missing score; missing answer (still unreadable after 1 repair)");
        assertThat(critique.usage()).isEqualTo(new Usage(100, 20));
        assertThat(model.received).hasSize(2);
        assertThat(model.replies).containsExactly(GOOD); // the third reply was never asked for
    }

    @Test
    void theBoundIsConfigurable() {
        ScriptedModel none = new ScriptedModel(new Usage(1, 1), PROSE, GOOD);
        Critique noRepair =
                new ReplyRepair(new ThinkerReplyParser(), Prompts.defaults().get(Prompts.REPAIR), 0).critique(none);
        assertThat(noRepair.valid()).isFalse();
        assertThat(noRepair.reasoning()).isEqualTo("missing score; missing answer");
        assertThat(none.received).hasSize(1);

        ScriptedModel three = new ScriptedModel(new Usage(1, 2), PROSE, NO_SCORE, "", GOOD);
        Critique third =
                new ReplyRepair(new ThinkerReplyParser(), Prompts.defaults().get(Prompts.REPAIR), 3).critique(three);
        assertThat(third.valid()).isTrue();
        assertThat(third.usage()).isEqualTo(new Usage(4, 8));
        assertThat(three.received).extracting(r -> r == null ? 0 : r.attempt()).containsExactly(0, 1, 2, 3);
        assertThat(three.received.get(3).problem()).isEqualTo("empty reply");

        assertThatThrownBy(() -> new ReplyRepair(new ThinkerReplyParser(), PromptTemplate.of("r", "x"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplyRepair(new ThinkerReplyParser(), PromptTemplate.of("r", "x"), 6))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reflectRepairsAskForTheReflectFormatAndKeepTheTarget() {
        String noVerdict = "<judgement>close</judgement><score>[7, 8]</score><answer>Add moss.</answer>";
        String good = "<judgement>close</judgement><score>[7, 8]</score><verdict>REFLECTION</verdict>"
                + "<answer>Add moss.</answer>";
        ScriptedModel model = new ScriptedModel(Usage.NONE, noVerdict, good);
        Critique critique = ReplyRepair.defaults().reflect("A mossy bridge.", model);

        assertThat(critique.verdict()).isEqualTo(Verdict.REFLECTION);
        assertThat(critique.refinedInstruction()).isEqualTo("Add moss.");
        assertThat(critique.targetDescription()).isEqualTo("A mossy bridge.");
        assertThat(model.received.get(1).message())
                .contains("missing verdict")
                .contains("<verdict>SUCCESS, REFLECTION or FAILED");
    }

    @Test
    void aUsersRepairPromptIsUsed() {
        PromptTemplate mine = PromptTemplate.of(Prompts.REPAIR, "Wrong: {{problem}}. Use the format.");
        ScriptedModel model = new ScriptedModel(Usage.NONE, NO_SCORE, GOOD);
        new ReplyRepair(new ThinkerReplyParser(), mine, 1).run(CritiqueMode.COMPARE, null, model);
        assertThat(model.received.get(1).message()).isEqualTo("Wrong: missing score. Use the format.");
    }

    @Test
    void transportFailuresPassThroughAndANullReplyIsEmpty() {
        ReplyRepair.Exchange failing = repair -> {
            throw new RetriableException("timeout after 60 s talking to the thinker");
        };
        assertThatThrownBy(() -> ReplyRepair.defaults().critique(failing)).isInstanceOf(RetriableException.class);

        Critique critique = ReplyRepair.defaults().critique(repair -> new ReplyRepair.Response(null, null));
        assertThat(critique.valid()).isFalse();
        assertThat(critique.reasoning()).startsWith("empty reply");
        assertThat(critique.usage()).isEqualTo(Usage.NONE);
    }
}
