package dev.editloop.testkit.seeded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.BestOfN;
import dev.editloop.core.loop.Budget;
import dev.editloop.core.loop.Candidate;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.RunHandle;
import dev.editloop.core.loop.StopReason;
import dev.editloop.core.loop.Strategy;
import dev.editloop.core.loop.Threshold;
import dev.editloop.core.loop.Turn;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Best-of-N against an editor whose quality is a known function of the seed: seeds 0..11 keep 0.4, 0.1, 0.8, 0.5 |
 * 0.2, 0.9, 0.6, 0.3 | 1.0, 0.7, 0.4, 0.1 of the edit, and the strength thinker scores SC = 10 × that share.
 */
class BestOfNTest {
    private static final Picture GRAY = Picture.solid(24, 16, new Color(100, 100, 100));
    // SC must reach 9.5: turn 1's best (8.0) and turn 2's (9.0) do not, turn 3's (10.0) does
    private static final Threshold HIGH = Threshold.parse("9.5");

    @TempDir
    Path tmp;

    private static LoopRequest request(Strategy strategy) {
        return LoopRequest.of(GRAY, "make it brighter")
                .withStrategy(strategy)
                .withThreshold(HIGH)
                .withAccept(null);
    }

    private static List<Long> seeds(Turn turn) {
        return turn.candidates().stream().map(Candidate::seed).toList();
    }

    private static Candidate kept(Turn turn) {
        return turn.candidates().stream().filter(Candidate::won).findFirst().orElseThrow();
    }

    @Test
    void theStrengthsAreTheKnownFunctionOfTheSeed() {
        assertThat(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L).stream()
                        .map(SeededEditor::strength)
                        .toList())
                .containsExactly(0.4, 0.1, 0.8, 0.5, 0.2, 0.9, 0.6, 0.3, 1.0, 0.7, 0.4);
        Picture edited =
                SeededEditor.brightening().edit(EditCall.of(GRAY, "x", 2)).image();
        assertThat(StrengthThinker.mean(edited)).isEqualTo(180.0);
    }

    @Test
    void eachTurnKeepsItsBestCandidateAndTheGainIsTheOneKnownInAdvance() {
        StrengthThinker thinker = new StrengthThinker();
        LoopResult r = new LoopEngine(SeededEditor.brightening(), thinker).run(request(new BestOfN(4, null, null)));

        assertThat(r.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(r.turns()).hasSize(3);
        assertThat(seeds(r.turns().get(0))).containsExactly(0L, 1L, 2L, 3L);
        assertThat(seeds(r.turns().get(1))).containsExactly(4L, 5L, 6L, 7L);
        assertThat(seeds(r.turns().get(2))).containsExactly(8L, 9L, 10L, 11L);
        // winners: seed 2 (0.8), seed 5 (0.9), seed 8 (1.0)
        assertThat(r.turns().stream().map(t -> kept(t).seed()).toList()).containsExactly(2L, 5L, 8L);
        assertThat(r.turns().stream().map(t -> t.critique().semantic()).toList())
                .containsExactly(8.0, 9.0, 10.0);
        assertThat(r.turns().get(0).candidates().stream()
                        .map(c -> c.critique().semantic())
                        .toList())
                .containsExactly(4.0, 1.0, 8.0, 5.0);
        // the kept candidate is the turn: its image, its critique; one critique per candidate
        Turn first = r.turns().get(0);
        assertThat(first.image()).isEqualTo(kept(first).image());
        assertThat(first.candidates().stream().filter(Candidate::won)).hasSize(1);
        assertThat(thinker.critiques()).isEqualTo(12);
        // the refined instruction of the kept critique drove the next turn
        assertThat(r.turns().get(1).instruction()).isEqualTo("make it brighter, attempt 2");
        assertThat(r.bestTurn()).isEqualTo(3);

        // a single pass is seed 0, the first candidate of turn 1: SC 4; best-of-4's first turn gains 4 points on it
        LoopResult single =
                new LoopEngine(SeededEditor.brightening(), new StrengthThinker()).run(request(Strategy.SINGLE));
        assertThat(single.best().critique().semantic()).isEqualTo(4.0);
        assertThat(first.critique().semantic() - single.best().critique().semantic())
                .isEqualTo(4.0);
    }

    @Test
    void aBudgetOfEditorCallsStopsExactlyWhenSpentAndTheLastTurnMakesWhatItCan() {
        StrengthThinker thinker = new StrengthThinker();
        AtomicInteger calls = new AtomicInteger();
        Editor counting = counting(SeededEditor.brightening(), calls);
        LoopResult r = new LoopEngine(counting, thinker).run(request(new BestOfN(4, Budget.calls(6), null)));

        assertThat(r.stopReason()).isEqualTo(StopReason.BUDGET);
        assertThat(calls.get()).isEqualTo(6);
        assertThat(r.turns()).hasSize(2);
        assertThat(seeds(r.turns().get(1))).containsExactly(4L, 5L);
        assertThat(r.turns().get(1).critique().semantic()).isEqualTo(9.0);
        assertThat(r.turns().stream().mapToInt(Turn::editorCalls).sum()).isEqualTo(6);
        // a budget with no turn limit given lets the budget decide, not the default of 5 turns
        assertThat(r.turnLimit()).isEqualTo(LoopRequest.MAX_TURN_LIMIT);
    }

    @Test
    void aCostBudgetCountsEditsAndCritiquesAtTheirPrices() {
        AtomicInteger calls = new AtomicInteger();
        // 0.04 + 0.01 per candidate: 0.25 pays for exactly 5 candidates
        Budget budget = Budget.parse("cost:0.25", Map.of("editor", 0.04, "thinker", 0.01));
        LoopResult r = new LoopEngine(counting(SeededEditor.brightening(), calls), new StrengthThinker())
                .run(request(new BestOfN(4, budget, null)));
        assertThat(r.stopReason()).isEqualTo(StopReason.BUDGET);
        assertThat(calls.get()).isEqualTo(5);
        assertThat(seeds(r.turns().get(1))).containsExactly(4L);
        assertThatThrownBy(() -> new BestOfN(4, Budget.cost(0.03, 0.04, 0.01), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not pay for one candidate");
    }

    @Test
    void aTimeBudgetIsCheckedBeforeEachTurn() {
        AtomicInteger calls = new AtomicInteger();
        Editor slow = editor(call -> {
            sleep(150);
            return SeededEditor.brightening().edit(call);
        });
        LoopResult r = new LoopEngine(counting(slow, calls), new StrengthThinker())
                .run(request(new BestOfN(3, Budget.time(Duration.ofMillis(60)), null)));
        assertThat(r.stopReason()).isEqualTo(StopReason.BUDGET);
        assertThat(r.turns()).hasSize(1);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void aTurnThatGainsLessThanTheMinimumStopsTheRun() {
        // turn 2 gains sqrt(90) - sqrt(80) = 0.54 overall on turn 1: under 1.0
        LoopResult r = new LoopEngine(SeededEditor.brightening(), new StrengthThinker())
                .run(request(new BestOfN(4, Budget.calls(40), 1.0)));
        assertThat(r.stopReason()).isEqualTo(StopReason.MIN_GAIN);
        assertThat(r.turns()).hasSize(2);
        assertThat(r.bestTurn()).isEqualTo(2);
        // a minimum it meets lets it go on to the threshold
        LoopResult on = new LoopEngine(SeededEditor.brightening(), new StrengthThinker())
                .run(request(new BestOfN(4, Budget.calls(40), 0.5)));
        assertThat(on.stopReason()).isEqualTo(StopReason.THRESHOLD);
    }

    @Test
    void theCandidatesOfATurnRunAtTheSameTime() throws Exception {
        CountDownLatch allIn = new CountDownLatch(4);
        Editor together = editor(call -> {
            allIn.countDown();
            try {
                if (!allIn.await(10, TimeUnit.SECONDS)) {
                    throw new RetriableException("the candidates did not run at the same time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("interrupted");
            }
            return SeededEditor.brightening().edit(call);
        });
        LoopResult r =
                new LoopEngine(together, new StrengthThinker()).run(request(new BestOfN(4, Budget.calls(4), null)));
        assertThat(r.stopReason()).isEqualTo(StopReason.BUDGET);
        assertThat(r.turns().getFirst().candidates()).allMatch(c -> c.error() == null);
    }

    @Test
    void aFailedCandidateIsRecordedAndCannotWinWhileTheOthersGoOn() {
        Editor flaky = editor(call -> {
            if (call.seed() == 2) {
                throw new RetriableException("editor: 503 from http://gpu2:8000");
            }
            return SeededEditor.brightening().edit(call);
        });
        LoopResult r = new LoopEngine(flaky, new StrengthThinker()).run(request(new BestOfN(4, Budget.calls(4), null)));
        Turn turn = r.turns().getFirst();
        Candidate failed = turn.candidates().get(2);
        assertThat(failed.image()).isNull();
        assertThat(failed.error()).contains("503");
        assertThat(kept(turn).seed()).isEqualTo(3L); // 0.5, the best of the three left
        assertThat(r.stopReason()).isEqualTo(StopReason.BUDGET);

        Editor down = editor(call -> {
            throw new RetriableException("editor: connection refused");
        });
        LoopResult none = new LoopEngine(down, new StrengthThinker()).run(request(new BestOfN(3, null, null)));
        assertThat(none.stopReason()).isEqualTo(StopReason.ERROR);
        assertThat(none.error()).contains("connection refused");
        assertThat(none.turns()).isEmpty();
    }

    @Test
    void cancellingInterruptsTheCandidatesInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(3);
        AtomicInteger interrupted = new AtomicInteger();
        Editor hanging = editor(call -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                Thread.currentThread().interrupt();
            }
            throw new RetriableException("interrupted");
        });
        RunHandle handle =
                new LoopEngine(hanging, new StrengthThinker()).start(request(new BestOfN(3, null, null)), null);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        LoopResult r = handle.get();
        assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED);
        for (int i = 0; i < 100 && interrupted.get() < 3; i++) {
            Thread.sleep(50);
        }
        assertThat(interrupted.get()).isEqualTo(3);

        // a deadline stops a turn of candidates the same way
        LoopResult late = new LoopEngine(hanging, new StrengthThinker())
                .run(request(new BestOfN(2, null, null)).withTimeout(Duration.ofMillis(200)));
        assertThat(late.stopReason()).isEqualTo(StopReason.DEADLINE);
    }

    @Test
    void theRunFolderKeepsEveryCandidateAndTheReportShowsThem() throws Exception {
        Path dir = tmp.resolve("run");
        new LoopEngine(SeededEditor.brightening(), new StrengthThinker())
                .run(request(new BestOfN(4, Budget.calls(6), null)), RunFolder.create(dir));
        for (String name :
                List.of("turn-1.png", "turn-1-candidate-1.png", "turn-1-candidate-4.png", "turn-2-candidate-2.png")) {
            assertThat(dir.resolve(name)).isRegularFile();
        }
        assertThat(dir.resolve("turn-2-candidate-3.png")).doesNotExist();
        Trajectory t = TrajectoryJson.read(dir.resolve(RunFolder.TRAJECTORY));
        assertThat(t.strategy()).isEqualTo("best-of-n");
        assertThat(t.strategyParams()).containsEntry("candidates", "4").containsEntry("budget", "calls:6");
        assertThat(t.stopReason()).isEqualTo("budget");
        Trajectory.TurnRecord first = t.turns().getFirst();
        assertThat(first.candidates()).hasSize(4);
        Trajectory.CandidateRecord won = first.candidates().get(2);
        assertThat(won.won()).isTrue();
        assertThat(won.seed()).isEqualTo(2L);
        assertThat(won.image()).isEqualTo("turn-1-candidate-3.png");
        assertThat(won.critique().semantic()).isEqualTo(8.0);
        assertThat(first.candidates().stream().filter(Trajectory.CandidateRecord::won))
                .hasSize(1);
        String json = Files.readString(dir.resolve(RunFolder.TRAJECTORY));
        assertThat(json).contains("\"strategy_params\"").contains("\"won\" : true");
        String html = Files.readString(dir.resolve(RunFolder.REPORT));
        assertThat(html)
                .contains("4 candidates, one critique each")
                .contains("seed 2")
                .contains(">kept<");
        assertThat(html).contains("candidate 3 of turn 1, seed 2");
    }

    @Test
    void aPlainTrajectoryHasNoCandidateFields() throws Exception {
        Path dir = tmp.resolve("plain");
        new LoopEngine(SeededEditor.brightening(), new StrengthThinker())
                .run(request(Strategy.THINK_WHILE_EDIT).withMaxTurns(2), RunFolder.create(dir));
        String json = Files.readString(dir.resolve(RunFolder.TRAJECTORY));
        assertThat(json).doesNotContain("candidates").doesNotContain("strategy_params");
    }

    @Test
    void budgetsReadAsTheCommandLineWritesThem() {
        assertThat(Budget.parse("12", Map.of())).isEqualTo(Budget.calls(12));
        assertThat(Budget.parse("calls:12", Map.of())).isEqualTo(Budget.calls(12));
        assertThat(Budget.parse("90s", Map.of()).amount()).isEqualTo(90.0);
        assertThat(Budget.parse("1h30m", Map.of()).amount()).isEqualTo(5400.0);
        assertThat(Budget.parse("$1.50", Map.of("editor", 0.04)).unit()).isEqualTo(Budget.Unit.COST);
        assertThatThrownBy(() -> Budget.parse("cost:1", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--price editor=");
        assertThatThrownBy(() -> Budget.parse("lots", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot read the budget 'lots'");
        assertThatThrownBy(() -> Budget.parse("0", Map.of())).isInstanceOf(InvalidInputException.class);
        assertThat(Strategy.parse("best-of-n")).isInstanceOf(BestOfN.class);
    }

    private static Editor editor(java.util.function.Function<EditCall, EditResult> body) {
        return new Editor() {
            @Override
            public EditResult edit(EditCall call) {
                return body.apply(call);
            }

            @Override
            public String describe() {
                return "test editor";
            }
        };
    }

    private static Editor counting(Editor editor, AtomicInteger calls) {
        return new Editor() {
            @Override
            public EditResult edit(EditCall call) {
                calls.incrementAndGet();
                return editor.edit(call);
            }

            @Override
            public String describe() {
                return "counting";
            }
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted");
        }
    }
}
