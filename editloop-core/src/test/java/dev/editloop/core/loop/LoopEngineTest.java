package dev.editloop.core.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.CritiqueMode;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.PlanKind;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.Fakes.RecordingEditor;
import dev.editloop.core.loop.Fakes.ScriptedThinker;
import dev.editloop.core.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopEngineTest {
    private final RecordingEditor editor = new RecordingEditor();
    private final ScriptedThinker thinker = new ScriptedThinker();
    private final LoopEngine engine = new LoopEngine(editor, thinker);
    private final Picture source = Fakes.source();

    private LoopRequest request(Strategy strategy) {
        return LoopRequest.of(source, "make it brighter").withStrategy(strategy);
    }

    @Test
    void thinkWhileEditStopsAtThresholdAndEditsTheSourceEveryTurn() {
        thinker.then(4, 9, "brighten by 30%").then(6, 9, "brighten by 50%").then(9, 8, "brighten by 50% again");
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT));

        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(result.turns()).hasSize(3);
        assertThat(editor.calls).allSatisfy(call -> assertThat(call.image()).isEqualTo(source));
        assertThat(editor.calls)
                .extracting(c -> c.instruction())
                .containsExactly("make it brighter", "brighten by 30%", "brighten by 50%");
        assertThat(result.turns()).allSatisfy(t -> assertThat(t.base()).isEqualTo(TurnBase.SOURCE));
        assertThat(result.bestTurn()).isEqualTo(3);
        assertThat(result.finalImage()).isEqualTo(result.turns().get(2).image());
    }

    @Test
    void thinkerSeesSourceEditOriginalAndCurrentInstruction() {
        thinker.then(4, 9, "brighten by 30%").then(9, 9, "x");
        engine.run(request(Strategy.THINK_WHILE_EDIT));

        var second = thinker.calls.get(1);
        assertThat(second.mode()).isEqualTo(CritiqueMode.COMPARE);
        assertThat(second.source()).isEqualTo(source);
        assertThat(second.edited()).isNotEqualTo(source);
        assertThat(second.originalInstruction()).isEqualTo("make it brighter");
        assertThat(second.currentInstruction()).isEqualTo("brighten by 30%");
        assertThat(second.turn()).isEqualTo(2);
    }

    @Test
    void noChangeWhenTheRefinedInstructionRepeatsThePreviousOne() {
        thinker.then(5, 9, "  make it brighter ");
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT));
        assertThat(result.stopReason()).isEqualTo(StopReason.NO_CHANGE);
        assertThat(result.turns()).hasSize(1);
    }

    @Test
    void thresholdIsCheckedBeforeNoChange() {
        thinker.then(9, 9, "make it brighter");
        assertThat(engine.run(request(Strategy.THINK_WHILE_EDIT)).stopReason()).isEqualTo(StopReason.THRESHOLD);
    }

    @Test
    void maxTurnsStopsAndTheLastTurnIsAlsoCritiqued() {
        thinker.then(3, 9, "a").then(5, 9, "b").then(4, 9, "c");
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT).withMaxTurns(3));
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TURNS);
        assertThat(result.turns())
                .hasSize(3)
                .allSatisfy(t -> assertThat(t.scored()).isTrue());
        assertThat(thinker.calls).hasSize(3);
        assertThat(result.bestTurn()).isEqualTo(2);
    }

    @Test
    void defaultTurnLimitOfThinkWhileEditIsFive() {
        for (int i = 0; i < 5; i++) {
            thinker.then(3, 9, "attempt " + i);
        }
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT));
        assertThat(result.turns()).hasSize(5);
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TURNS);
    }

    @Test
    void verdictFailedStopsAfterTheFirstTurn() {
        thinker.then(1, 9, null, Verdict.FAILED);
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT));
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        assertThat(result.turns()).hasSize(1);
    }

    @Test
    void maxTurnsIsCheckedBeforeVerdictFailed() {
        thinker.then(1, 9, null, Verdict.FAILED);
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT).withMaxTurns(1));
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TURNS);
    }

    @Test
    void aBestTurnUnderTheAcceptanceFloorIsNotTheAnswerButStaysInTheResult() {
        thinker.then(4, 9, "brighten by 30%").then(3, 9, "brighten by 50%");
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT).withMaxTurns(2));

        assertThat(result.bestTurn()).isEqualTo(1);
        assertThat(result.accepted())
                .as("SC 4 is under the default floor SC>=5 and PQ>=5")
                .isFalse();
        assertThat(result.finalImage()).as("the answer is the unchanged source").isEqualTo(source);
        assertThat(result.turns()).hasSize(2);
        Trajectory t = Trajectory.of(result);
        assertThat(t.accepted()).isFalse();
        assertThat(t.accept().rule()).isEqualTo("both");
        assertThat(t.bestTurn())
                .as("the best turn is still recorded for benchmarks")
                .isEqualTo(1);
    }

    @Test
    void theFloorCanBeLoweredOrRemoved() {
        thinker.then(4, 9, "brighten by 30%").then(3, 9, "brighten by 50%");
        LoopResult none =
                engine.run(request(Strategy.THINK_WHILE_EDIT).withMaxTurns(2).withAccept(null));
        assertThat(none.accepted()).isTrue();
        assertThat(none.finalImage()).isEqualTo(none.turns().get(0).image());

        thinker.then(4, 9, "x").then(3, 9, "y");
        LoopResult lower =
                engine.run(request(Strategy.THINK_WHILE_EDIT).withMaxTurns(2).withAccept(Threshold.parse("sc:4")));
        assertThat(lower.accepted()).isTrue();
    }

    @Test
    void tiesGoToTheLaterTurn() {
        thinker.then(6, 6, "a").then(6, 6, "b").then(5, 5, "c");
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT).withMaxTurns(3));
        assertThat(result.bestTurn()).isEqualTo(2);
    }

    @Test
    void overallThresholdRule() {
        thinker.then(9, 6.5, "a");
        LoopResult both = engine.run(request(Strategy.THINK_WHILE_EDIT).withMaxTurns(1));
        assertThat(both.stopReason()).isEqualTo(StopReason.MAX_TURNS);
        thinker.then(9, 6.5, "a");
        LoopResult overall =
                engine.run(request(Strategy.THINK_WHILE_EDIT).withThreshold(Threshold.parse("overall:7.5")));
        assertThat(overall.stopReason()).isEqualTo(StopReason.THRESHOLD);
    }

    @Test
    void anEditorFailureStopsWithErrorAndKeepsFinishedTurns() {
        editor.failAtCall = 2;
        thinker.then(3, 9, "try again");
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT));
        assertThat(result.stopReason()).isEqualTo(StopReason.ERROR);
        assertThat(result.error()).contains("timed out");
        assertThat(result.turns()).hasSize(1);
        assertThat(result.bestTurn()).isEqualTo(1);
    }

    @Test
    void aThinkerFailureKeepsTheUnjudgedEdit() {
        thinker.then(3, 9, "again").thenThrow(new NonRetriableException("thinker at http://fake:2 answered 401"));
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT));
        assertThat(result.stopReason()).isEqualTo(StopReason.ERROR);
        assertThat(result.turns()).hasSize(2);
        assertThat(result.turns().get(1).critique()).isNull();
        assertThat(result.bestTurn()).as("a scored turn beats an unjudged one").isEqualTo(1);
    }

    @Test
    void anUnreadableCritiqueStopsWithErrorAndKeepsTheRawText() {
        thinker.thenInvalid();
        LoopResult result = engine.run(request(Strategy.THINK_WHILE_EDIT));
        assertThat(result.stopReason()).isEqualTo(StopReason.ERROR);
        assertThat(result.error()).contains("turn 1").contains("no <score> tag");
        assertThat(result.turns().getFirst().critique().raw()).isEqualTo("I think it looks fine");
        assertThat(result.turns().getFirst().critique().semantic()).isNull();
    }

    @Test
    void singleMakesOneEditWithTheUserInstructionAndOneCritique() {
        thinker.then(4, 9, "something better");
        LoopResult result = engine.run(request(Strategy.SINGLE).withMaxTurns(5));
        assertThat(result.turns()).hasSize(1);
        assertThat(editor.calls.getFirst().instruction()).isEqualTo("make it brighter");
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TURNS);
        assertThat(result.turnLimit()).isEqualTo(1);
        assertThat(thinker.plans).isEmpty();
    }

    @Test
    void thinkBeforeEditRewritesFromTheSourceAloneThenEditsOnce() {
        thinker.then(9, 9, "fine");
        LoopResult result = engine.run(request(Strategy.THINK_BEFORE_EDIT));
        assertThat(thinker.plans).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PlanKind.REWRITE);
            assertThat(p.source()).isEqualTo(source);
        });
        assertThat(editor.calls)
                .singleElement()
                .satisfies(c -> assertThat(c.instruction()).isEqualTo("rewritten: make it brighter"));
        assertThat(result.plan().instruction()).isEqualTo("rewritten: make it brighter");
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
    }

    @Test
    void thinkBeforeEditDoesNotEditWhenThePlannerAlreadyAnswersFailed() {
        thinker.rewriteFails = "a dog cannot be made from a cat by this editor";
        LoopResult result = engine.run(request(Strategy.THINK_BEFORE_EDIT));
        assertThat(editor.calls).isEmpty();
        assertThat(thinker.calls).isEmpty();
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        assertThat(result.verdictReason()).isEqualTo("a dog cannot be made from a cat by this editor");
        assertThat(result.turns()).isEmpty();
        assertThat(result.finalImage()).isEqualTo(source);
    }

    @Test
    void reflectDoesNotEditWhenItsRewriteAnswersFailed() {
        thinker.rewriteFails = "impossible";
        LoopResult result = engine.run(request(Strategy.REFLECT));
        assertThat(editor.calls).isEmpty();
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        assertThat(result.verdictReason()).isEqualTo("impossible");
    }

    @Test
    void singleAndThinkBeforeEditSayVerdictFailedWhenTheCritiqueDeclaresItImpossible() {
        thinker.then(1, 9, null, Verdict.FAILED);
        LoopResult single = engine.run(request(Strategy.SINGLE));
        assertThat(single.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        assertThat(single.verdictReason()).isEqualTo("reasoning 1.0/9.0");
        thinker.then(1, 9, null, Verdict.FAILED);
        LoopResult before = engine.run(request(Strategy.THINK_BEFORE_EDIT));
        assertThat(before.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        assertThat(before.turns()).hasSize(1);
        assertThat(single.verdictReason()).isNotNull();
    }

    @Test
    void onlyAVerdictFailedStopHasAVerdictReason() {
        thinker.then(9, 9, "x");
        assertThat(engine.run(request(Strategy.SINGLE)).verdictReason()).isNull();
    }

    @Test
    void reflectCorrectsThePreviousOutputAndRestartsFromTheSourceOnFailure() {
        thinker.then(5, 8, "brighten a bit more", Verdict.REFLECTION)
                .then(3, 4, "start over, brighten gently", Verdict.FAILED)
                .then(9, 9, null, Verdict.SUCCESS);
        LoopResult result = engine.run(request(Strategy.REFLECT));

        assertThat(thinker.plans).extracting(p -> p.kind()).containsExactly(PlanKind.REWRITE, PlanKind.DESCRIBE_TARGET);
        assertThat(thinker.plans.getFirst().maxActions()).isEqualTo(3);
        assertThat(editor.calls.get(0).image()).isEqualTo(source);
        assertThat(editor.calls.get(0).instruction()).isEqualTo("rewritten: make it brighter");
        assertThat(editor.calls.get(1).image())
                .as("REFLECTION edits the previous output")
                .isEqualTo(result.turns().get(0).image());
        assertThat(editor.calls.get(2).image())
                .as("FAILED restarts from the source")
                .isEqualTo(source);
        assertThat(result.turns())
                .extracting(Turn::base)
                .containsExactly(TurnBase.SOURCE, TurnBase.PREVIOUS, TurnBase.SOURCE);
        assertThat(thinker.calls).allSatisfy(c -> {
            assertThat(c.mode()).isEqualTo(CritiqueMode.REFLECT);
            assertThat(c.targetDescription()).isEqualTo("a brighter picture");
        });
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_SUCCESS);
        assertThat(result.bestTurn()).isEqualTo(3);
    }

    @Test
    void reflectWithoutThinkingStepUsesTheUserInstructionAndStopsAfterThreeAttempts() {
        thinker.then(5, 8, "more", Verdict.REFLECTION)
                .then(5, 8, "more", Verdict.REFLECTION)
                .then(5, 8, "more", Verdict.REFLECTION);
        LoopResult result = engine.run(request(Strategy.REFLECT).withReflectThinking(false));
        assertThat(editor.calls.getFirst().instruction()).isEqualTo("make it brighter");
        assertThat(result.turns()).hasSize(3);
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TURNS);
        assertThat(result.bestTurn()).as("equal scores: the later attempt").isEqualTo(3);
    }

    @Test
    void reflectFailedWithoutRewriteIsVerdictFailed() {
        thinker.then(1, 9, null, Verdict.FAILED);
        LoopResult result = engine.run(request(Strategy.REFLECT));
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
    }

    @Test
    void reflectRanksBySuccessOnEqualScores() {
        thinker.then(8, 8, "more", Verdict.REFLECTION).then(8, 8, null, Verdict.SUCCESS);
        LoopResult result = engine.run(request(Strategy.REFLECT));
        assertThat(result.bestTurn()).isEqualTo(2);
        thinker.then(8, 8, null, Verdict.SUCCESS);
        assertThat(LoopEngine.bestTurn(
                        List.of(
                                result.turns().get(1),
                                new Turn(
                                        2,
                                        "x",
                                        TurnBase.PREVIOUS,
                                        source,
                                        List.of(),
                                        Fakes.ScriptedThinker.critique(8, 8, "y", Verdict.REFLECTION),
                                        0,
                                        0)),
                        Strategy.REFLECT))
                .as("SUCCESS wins a tie even against a later attempt")
                .isEqualTo(1);
    }

    @Test
    void eventsArriveInOrder() {
        thinker.then(3, 9, "again").then(9, 9, "done");
        List<String> events = new ArrayList<>();
        engine.run(
                request(Strategy.THINK_WHILE_EDIT), e -> events.add(e.getClass().getSimpleName()));
        assertThat(events)
                .containsExactly(
                        "RunStarted",
                        "TurnStarted",
                        "EditDone",
                        "CritiqueDone",
                        "TurnStarted",
                        "EditDone",
                        "CritiqueDone",
                        "RunFinished");
    }

    @Test
    void aFailingListenerIsDetachedAndTheRunGoesOn() throws InterruptedException {
        thinker.then(3, 9, "again").then(9, 9, "done");
        List<String> others = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunHandle handle = engine.start(
                request(Strategy.THINK_WHILE_EDIT),
                RunRecorder.NONE,
                e -> {
                    if (e instanceof LoopEvent.EditDone) {
                        throw new IllegalStateException("disk full");
                    }
                },
                e -> others.add(e.getClass().getSimpleName()));
        LoopResult result = handle.join();
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(result.turns()).hasSize(2);
        assertThat(handle.awaitListeners(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(handle.detachedListeners()).isEqualTo(1);
        assertThat(others).startsWith("RunStarted").endsWith("RunFinished").hasSize(8);
    }

    @Test
    void aFailingRecorderEndsTheRunWithError() {
        thinker.then(3, 9, "again").then(9, 9, "done");
        LoopResult failed = engine.run(request(Strategy.THINK_WHILE_EDIT), (RunRecorder) e -> {
            if (e instanceof LoopEvent.EditDone edit && edit.index() == 2) {
                throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
            }
        });
        assertThat(failed.stopReason()).isEqualTo(StopReason.ERROR);
        assertThat(failed.error())
                .isEqualTo("the run folder could not be written: java.io.IOException: No space left on device");
        assertThat(failed.turns())
                .as("the turn whose image could not be written is not kept")
                .hasSize(1);
        assertThat(thinker.calls).as("no critique after the failure").hasSize(1);
    }

    @Test
    void everyCallGetsTheRequestSeed() {
        thinker.then(3, 9, "again").then(9, 9, "x");
        engine.run(request(Strategy.THINK_WHILE_EDIT).withSeed(42));
        assertThat(editor.calls).allSatisfy(c -> assertThat(c.seed()).isEqualTo(42));
        assertThat(thinker.calls).allSatisfy(c -> assertThat(c.seed()).isEqualTo(42));
    }
}
