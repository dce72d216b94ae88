package dev.editloop.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Plan;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Usage;
import org.junit.jupiter.api.Test;

/** Think-before rewrites and reflect target descriptions as real models write them. */
class PlanReplyTest {
    private final ThinkerReplyParser parser = new ThinkerReplyParser();

    private PlanReply rewrite(String raw) {
        return parser.parsePlan(raw, PlanKind.REWRITE);
    }

    private PlanReply target(String raw) {
        return parser.parsePlan(raw, PlanKind.DESCRIBE_TARGET);
    }

    @Test
    void aTaggedRewriteGivesTheAnswerAndTheReasoning() {
        PlanReply r = rewrite(
                "<think>The photo shows a green park.</think>\n<answer>Turn the leaves orange and red." + "</answer>");
        assertThat(r.readable()).isTrue();
        assertThat(r.text()).isEqualTo("Turn the leaves orange and red.");
        assertThat(r.reasoning()).isEqualTo("The photo shows a green park.");
        Plan plan = r.toPlan("make it autumn", new Usage(10, 5));
        assertThat(plan.instruction()).isEqualTo("Turn the leaves orange and red.");
        assertThat(plan.usage()).isEqualTo(new Usage(10, 5));
    }

    @Test
    void aMissingClosingTagAndQuotesAreTolerated() {
        assertThat(rewrite("<think>park</think><answer>\"Turn the leaves orange.\"")
                        .text())
                .isEqualTo("Turn the leaves orange.");
    }

    @Test
    void aJsonRewriteIsRead() {
        assertThat(rewrite("{\"reasoning\": \"park\", \"instruction\": \"Turn the leaves orange.\"}")
                        .text())
                .isEqualTo("Turn the leaves orange.");
    }

    @Test
    void anUntaggedReplyIsTakenWhole() {
        PlanReply r = rewrite("Turn the leaves orange and add a warm evening light.");
        assertThat(r.text()).isEqualTo("Turn the leaves orange and add a warm evening light.");
        assertThat(r.notes()).contains("untagged reply");
    }

    @Test
    void aRewriteAnsweredFailedIsAPlanThatDeclaresTheRequestImpossible() {
        Plan plan = rewrite("<think>A dog would have to be generated; no edit of this photo makes one.</think>"
                        + "<answer>FAILED</answer>")
                .toPlan("replace the cat with a dog", Usage.NONE);
        assertThat(plan.failed()).isTrue();
        assertThat(plan.instruction()).isEqualTo("replace the cat with a dog");
        assertThat(plan.reasoning()).isEqualTo("A dog would have to be generated; no edit of this photo makes one.");
        Plan withReason = rewrite("<answer>FAILED: the editor cannot add objects</answer>")
                .toPlan("add a hat", Usage.NONE);
        assertThat(withReason.failed()).isTrue();
        assertThat(withReason.reasoning()).isEqualTo("the editor cannot add objects");
        assertThat(rewrite("<answer>Failed paint look: add cracks</answer>")
                        .toPlan("x", Usage.NONE)
                        .failed())
                .as("only the verdict word in capitals counts")
                .isFalse();
    }

    @Test
    void aReplyWithOnlyReasoningIsUnreadable() {
        PlanReply r = rewrite("<think>I am not sure what to do with this image.</think>");
        assertThat(r.readable()).isFalse();
        assertThat(r.problem()).isEqualTo("missing <answer>");
        assertThat(rewrite("  ").problem()).isEqualTo("empty reply");
        assertThat(rewrite("<answer> </answer>").problem()).isEqualTo("empty answer");
    }

    @Test
    void aTargetDescriptionIsReadFromItsTagFromAnswerOrFromJson() {
        assertThat(target("<target>The sky is orange; the tower is unchanged.</target>")
                        .text())
                .isEqualTo("The sky is orange; the tower is unchanged.");
        assertThat(target("<answer>The sky is orange.</answer>").text()).isEqualTo("The sky is orange.");
        assertThat(target("{\"target_description\": \"The sky is orange.\"}").text())
                .isEqualTo("The sky is orange.");
        Plan plan = target("<target>The sky is orange.</target>").toPlan("make the sky orange", Usage.NONE);
        assertThat(plan.instruction()).isEqualTo("make the sky orange");
        assertThat(plan.targetDescription()).isEqualTo("The sky is orange.");
    }
}
