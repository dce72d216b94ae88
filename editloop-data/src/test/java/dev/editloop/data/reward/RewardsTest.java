package dev.editloop.data.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked examples of the README's reward section, computed by hand, and the batch's edit handling. */
class RewardsTest {
    private static final String PERFECT = """
            <think>The sky is orange as asked, but the sea stayed grey.</think>
            <score>{"semantic": 6, "quality": 8}</score>
            <answer>turn the sky orange and tint the sea orange too</answer>""";

    @TempDir
    Path tmp;

    @Test
    void formatGivesHalfForTheLayoutAndHalfForTheScores() {
        assertThat(Rewards.format(PERFECT)).isEqualTo(1.0);
        // scores as a list: the tags are right, the score block is not the JSON object asked for
        assertThat(Rewards.format("<think>ok</think><score>[6, 8]</score><answer>more orange</answer>"))
                .isEqualTo(0.5);
        // answer before score: the order is wrong, the scores are fine
        ReplyFormat swapped = ReplyFormat.check(
                "<think>ok</think><answer>x</answer><score>{\"semantic\": 6, \"quality\": 8}</score>");
        assertThat(swapped.tagsInOrder()).isFalse();
        assertThat(swapped.scoresReadable()).isTrue();
        assertThat(Rewards.format(swapped)).isEqualTo(0.5);
        // a score out of range and text after the answer: nothing
        ReplyFormat bad = ReplyFormat.check(
                "<think>ok</think><score>{\"semantic\": 60, \"quality\": 8}</score><answer>x</answer> Thanks!");
        assertThat(Rewards.format(bad)).isZero();
        assertThat(bad.problems()).contains("text after </answer>", "score out of range 0–10");
        assertThat(ReplyFormat.check("no tags at all").problems()).contains("missing <think>", "missing </answer>");
        assertThat(ReplyFormat.check(PERFECT).perfect()).isTrue();
    }

    @Test
    void criticIsOneMinusTheSummedGapOverTwenty() {
        // predicted (6, 8) against the scorer's (7, 7): gaps 1 + 1 → 1 − 2/20 = 0.9
        assertThat(Rewards.critic(6, 8, 7, 7)).isCloseTo(0.9, within(1e-12));
        assertThat(Rewards.critic(10, 10, 0, 0)).isZero();
        assertThat(Rewards.critic(3, 4, 3, 4)).isEqualTo(1.0);
        assertThatThrownBy(() -> Rewards.critic(11, 0, 0, 0)).hasMessageContaining("within 0..10");
    }

    @Test
    void editIsTheOverallGainOverTen() {
        // before: scorer (4, 9) → √36 = 6; after: (8, 8) → 8; (8 − 6) / 10 = 0.2
        double before = Rewards.overall(4, 9);
        assertThat(before).isEqualTo(6.0);
        assertThat(Rewards.edit(before, Rewards.overall(8, 8))).isCloseTo(0.2, within(1e-12));
        assertThat(Rewards.edit(9, 3)).isCloseTo(-0.6, within(1e-12));
    }

    @Test
    void aBatchRunsEachDistinctEditOnceAndStopsCostNothing() throws Exception {
        Path source = Files.write(tmp.resolve("src.png"), new byte[] {1, 2, 3});
        AtomicInteger calls = new AtomicInteger();
        var seen = ConcurrentHashMap.<String>newKeySet();
        EditScorer scorer = (task, instruction) -> {
            calls.incrementAndGet();
            seen.add(instruction);
            return instruction.contains("orange too") ? 8.0 : 5.0;
        };
        RewardBatch batch = new RewardBatch(scorer, RewardWeights.EQUAL, 4);
        EditTask task = new EditTask(source, "make the sunset orange", "make the sky orange", "color", 7);
        String stop = "<think>done</think><score>{\"semantic\": 7, \"quality\": 7}</score>"
                + "<answer>make the sky orange</answer>";
        List<RewardResult> results = batch.score(List.of(
                new RewardInput("a", PERFECT, 4, 9, task),
                new RewardInput("b", PERFECT, 4, 9, task),
                new RewardInput("c", stop, 4, 9, task),
                new RewardInput("d", "I cannot say.", 4, 9, task)));
        assertThat(calls).hasValue(1);
        assertThat(seen).containsExactly("turn the sky orange and tint the sea orange too");
        RewardResult a = results.get(0);
        // format 1; critic: (6, 8) against (4, 9) → 1 − 3/20 = 0.85; edit: (8 − 6)/10 = 0.2; total 2.05
        assertThat(a.format()).isEqualTo(1.0);
        assertThat(a.critic()).isCloseTo(0.85, within(1e-12));
        assertThat(a.edit()).isCloseTo(0.2, within(1e-12));
        assertThat(a.total()).isCloseTo(2.05, within(1e-12));
        assertThat(results.get(1).edit()).isCloseTo(0.2, within(1e-12));
        assertThat(results.get(2).edit()).isZero(); // repeats the instruction: the loop stops, the image stays
        assertThat(results.get(2).refinedInstruction()).isNull();
        RewardResult d = results.get(3);
        assertThat(d.format()).isZero();
        assertThat(d.critic()).isZero();
        assertThat(d.edit()).isEqualTo(-1.0);
        assertThat(d.problems()).anyMatch(p -> p.startsWith("unreadable"));
        // a later batch with the same edit takes it from the memo
        batch.score(new RewardInput("e", PERFECT, 4, 9, task));
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFailedEditIsRecordedNotInventedAndIsRetriedNextTime() throws Exception {
        Path source = Files.write(tmp.resolve("src.png"), new byte[] {9});
        AtomicInteger calls = new AtomicInteger();
        RewardBatch batch = new RewardBatch(
                (t, i) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("editor down\nstack");
                    }
                    return 7.0;
                },
                RewardWeights.EQUAL,
                2);
        EditTask task = new EditTask(source, "x", "x", null, 0);
        RewardResult first = batch.score(new RewardInput("a", PERFECT, 4, 9, task));
        assertThat(first.edit()).isNaN();
        assertThat(first.problems()).contains("edit failed: editor down");
        assertThat(first.total()).isCloseTo(1 + 0.85, within(1e-12));
        RewardResult second = batch.score(new RewardInput("a", PERFECT, 4, 9, task));
        assertThat(second.edit()).isCloseTo(0.1, within(1e-12));
    }
}
