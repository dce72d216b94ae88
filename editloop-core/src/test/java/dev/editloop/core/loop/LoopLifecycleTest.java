package dev.editloop.core.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.Fakes.RecordingEditor;
import dev.editloop.core.loop.Fakes.ScriptedThinker;
import dev.editloop.core.trajectory.RunFolder;
import dev.editloop.core.trajectory.Trajectory;
import dev.editloop.core.trajectory.TrajectoryJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancellation, deadlines and subscribers: a run stops promptly and completely however it is stopped, and what
 * listens to it cannot hold it up. Timing bounds are generous (seconds against calls that would take a minute).
 */
class LoopLifecycleTest {
    /** Far longer than any bound below: a call that really waits this long fails the test by its bound. */
    private static final Duration LATE = Duration.ofMinutes(2);

    /** How long a stopped run may take to return: generous, but far below {@link #LATE}. */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private final Picture source = Fakes.source();

    /**
     * An editor that answers its first {@code fastCalls} calls at once and then blocks until interrupted (or, when
     * {@code ignoreInterrupts}, until {@link #release}), recording what it saw.
     */
    static final class LateEditor implements Editor {
        final RecordingEditor fast = new RecordingEditor();
        final int fastCalls;
        final boolean ignoreInterrupts;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        LateEditor(int fastCalls, boolean ignoreInterrupts) {
            this.fastCalls = fastCalls;
            this.ignoreInterrupts = ignoreInterrupts;
        }

        @Override
        public EditResult edit(EditCall call) {
            if (calls.incrementAndGet() <= fastCalls) {
                return fast.edit(call);
            }
            entered.countDown();
            long end = System.nanoTime() + LATE.toNanos();
            while (System.nanoTime() < end) {
                try {
                    if (release.await(50, TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    if (!ignoreInterrupts) {
                        throw new IllegalStateException("interrupted");
                    }
                }
            }
            return fast.edit(call);
        }

        @Override
        public String describe() {
            return "late-editor";
        }
    }

    /** A thinker that refines forever ({@code refine N}) and blocks on critique number {@code lateAt}. */
    static final class LateThinker implements Thinker {
        final int lateAt;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        LateThinker(int lateAt) {
            this.lateAt = lateAt;
        }

        @Override
        public Critique critique(CritiqueCall call) {
            if (calls.incrementAndGet() == lateAt) {
                entered.countDown();
                try {
                    Thread.sleep(LATE);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw new IllegalStateException("interrupted");
                }
            }
            return ScriptedThinker.critique(3 + call.turn() * 0.1, 9, "refine " + call.turn(), Verdict.REFINE);
        }

        @Override
        public Plan plan(PlanCall call) {
            return new Plan("rewritten", List.of(), null, "why", "raw", Usage.NONE);
        }

        @Override
        public String describe() {
            return "late-thinker";
        }
    }

    @Test
    void cancelMidEditInterruptsTheEditorAndLeavesACompleteRunFolder() throws Exception {
        LateEditor editor = new LateEditor(1, false);
        Path dir = tmp.resolve("run");
        RunHandle handle = new LoopEngine(editor, new LateThinker(-1))
                .start(LoopRequest.of(source, "make it brighter"), RunFolder.create(dir));
        assertThat(editor.entered.await(PROMPT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        handle.cancel();
        LoopResult result = handle.get(PROMPT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(PROMPT);
        assertThat(editor.interrupted.await(PROMPT.toSeconds(), TimeUnit.SECONDS))
                .as("the editor's call was interrupted")
                .isTrue();
        assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(result.turns())
                .as("turn 1 finished, turn 2 was being edited")
                .hasSize(1);
        assertCompleteFolder(dir, result, "cancelled");
    }

    @Test
    void cancelMidCritiqueKeepsTheUnjudgedEditAndInterruptsTheThinker() throws Exception {
        LateThinker thinker = new LateThinker(2);
        Path dir = tmp.resolve("run");
        RunHandle handle = new LoopEngine(new RecordingEditor(), thinker)
                .start(LoopRequest.of(source, "make it brighter"), RunFolder.create(dir));
        assertThat(thinker.entered.await(PROMPT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        handle.cancel();
        LoopResult result = handle.get(PROMPT);

        assertThat(thinker.interrupted.await(PROMPT.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(result.turns()).hasSize(2);
        assertThat(result.turns().get(1).critique())
                .as("turn 2's critique was cut")
                .isNull();
        assertThat(result.bestTurn()).isEqualTo(1);
        assertCompleteFolder(dir, result, "cancelled");
        assertThat(dir.resolve("turn-2.png")).exists();
        assertThat(java.nio.file.Files.readString(dir.resolve(RunFolder.REPORT)))
                .contains("no critique (the run stopped while the thinker worked)");
    }

    @Test
    void aBackendThatIgnoresTheInterruptDoesNotHoldTheRunUp() throws Exception {
        LateEditor editor = new LateEditor(0, true);
        RunHandle handle = new LoopEngine(editor, new LateThinker(-1)).start(LoopRequest.of(source, "x"), null);
        assertThat(editor.entered.await(PROMPT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        handle.cancel();
        LoopResult result = handle.get(PROMPT);

        assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(result.turns()).isEmpty();
        assertThat(result.finalImage()).isEqualTo(source);
        assertThat(editor.interrupted.await(PROMPT.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        assertThat(editor.release.getCount()).as("the editor is still busy").isEqualTo(1);
        editor.release.countDown();
    }

    @Test
    void theDeadlineEndsTheRunLikeACancel() throws Exception {
        LateEditor editor = new LateEditor(2, false);
        Path dir = tmp.resolve("run");
        long start = System.nanoTime();
        LoopResult result = new LoopEngine(editor, new LateThinker(-1))
                .run(
                        LoopRequest.of(source, "make it brighter").withTimeout(Duration.ofMillis(500)),
                        RunFolder.create(dir));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(500), PROMPT);
        assertThat(editor.interrupted.await(PROMPT.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        assertThat(result.stopReason()).isEqualTo(StopReason.DEADLINE);
        assertThat(result.turns()).hasSize(2);
        assertThat(result.bestTurn()).as("turn 2 scored higher").isEqualTo(2);
        assertCompleteFolder(dir, result, "deadline");
    }

    @Test
    void interruptingTheCallerOfRunCancelsIt() throws Exception {
        LateEditor editor = new LateEditor(1, false);
        LoopEngine engine = new LoopEngine(editor, new LateThinker(-1));
        List<LoopResult> results = new CopyOnWriteArrayList<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread caller = Thread.ofPlatform().start(() -> {
            results.add(engine.run(LoopRequest.of(source, "x")));
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        assertThat(editor.entered.await(PROMPT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(PROMPT.toMillis());

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED));
        assertThat(flagKept).isTrue();
    }

    @Test
    void aCancelAfterTheRunStoppedChangesNothing() throws Exception {
        ScriptedThinker thinker = new ScriptedThinker().then(9, 9, "x");
        RunHandle handle = new LoopEngine(new RecordingEditor(), thinker).start(LoopRequest.of(source, "x"), null);
        LoopResult result = handle.get(PROMPT);
        handle.cancel();
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(handle.get(PROMPT)).isSameAs(result);
    }

    @Test
    void aStalledListenerDoesNotSlowTwentyConcurrentRuns() throws Exception {
        int runs = 20;
        int turns = 30;
        CountDownLatch unblock = new CountDownLatch(1);
        List<List<LoopEvent>> seen = new ArrayList<>();
        List<RunHandle> handles = new ArrayList<>();
        // each call takes 5 ms, so a run of 30 turns needs about 0.3 s of calls
        LoopEngine engine = new LoopEngine(new SlowEditor(5), new SlowThinker(5));
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            List<LoopEvent> events = new CopyOnWriteArrayList<>();
            seen.add(events);
            LoopListener stalled = event -> {
                events.add(event);
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            handles.add(engine.start(
                    LoopRequest.of(source, "make it brighter")
                            .withMaxTurns(turns)
                            .withThreshold(new Threshold(Threshold.Rule.BOTH, 10)),
                    null,
                    stalled));
        }
        for (RunHandle handle : handles) {
            LoopResult result = handle.get(Duration.ofSeconds(30));
            assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TURNS);
            assertThat(result.turns()).hasSize(turns);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took)
                .as("20 runs of 0.3 s each, at once, with every listener stalled")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(seen).allSatisfy(events -> assertThat(events).hasSize(1));

        unblock.countDown();
        int events = 1 + turns * 3 + 1;
        for (int i = 0; i < runs; i++) {
            RunHandle handle = handles.get(i);
            assertThat(handle.awaitListeners(PROMPT)).isTrue();
            List<LoopEvent> got = seen.get(i);
            assertThat(handle.droppedEvents())
                    .as("the queue holds %d events; the oldest progress events made room", LoopListener.QUEUE_CAPACITY)
                    .isEqualTo(events - 1 - LoopListener.QUEUE_CAPACITY);
            assertThat(got).hasSize(events - (int) handle.droppedEvents());
            assertThat(got.getFirst()).isInstanceOf(LoopEvent.RunStarted.class);
            assertThat(got.getLast()).isInstanceOf(LoopEvent.RunFinished.class);
            assertThat(got.get(1))
                    .as("what was kept is the latest progress, in order")
                    .isInstanceOfSatisfying(
                            LoopEvent.TurnStarted.class,
                            t -> assertThat(t.index()).isGreaterThan(1));
            int last = 0;
            for (LoopEvent e : got) {
                if (e instanceof LoopEvent.TurnStarted t) {
                    assertThat(t.index()).isGreaterThan(last);
                    last = t.index();
                }
            }
        }
    }

    @Test
    void aThrowingListenerIsDetachedAndTheRunCompletes() throws Exception {
        ScriptedThinker thinker = new ScriptedThinker().then(3, 9, "again").then(9, 9, "done");
        Path dir = tmp.resolve("run");
        RunHandle handle = new LoopEngine(new RecordingEditor(), thinker)
                .start(LoopRequest.of(source, "x"), RunFolder.create(dir), event -> {
                    throw new IllegalStateException("the page went away");
                });
        LoopResult result = handle.get(PROMPT);
        assertThat(result.stopReason()).isEqualTo(StopReason.THRESHOLD);
        assertThat(handle.awaitListeners(PROMPT)).isTrue();
        assertThat(handle.detachedListeners()).isEqualTo(1);
        assertCompleteFolder(dir, result, "threshold");
    }

    private void assertCompleteFolder(Path dir, LoopResult result, String stopReason) {
        Trajectory t = TrajectoryJson.read(dir.resolve(RunFolder.TRAJECTORY));
        assertThat(t.stopReason()).isEqualTo(stopReason);
        assertThat(t).isEqualTo(Trajectory.of(result));
        assertThat(dir.resolve("source.png")).exists();
        assertThat(dir.resolve(RunFolder.REPORT)).isNotEmptyFile();
        for (Turn turn : result.turns()) {
            assertThat(dir.resolve(Trajectory.turnImage(turn.index()))).exists();
        }
        if (result.bestTurn() > 0) {
            assertThat(t.finalImage()).isEqualTo("final.png");
            // the best turn so far when it reached the acceptance floor; an edit nobody judged is not accepted
            assertThat(Images.read(dir.resolve("final.png")))
                    .isEqualTo(result.accepted() ? result.best().image() : source);
            assertThat(t.accepted()).isEqualTo(result.accepted());
        } else {
            assertThat(dir.resolve("final.png")).doesNotExist();
        }
    }

    /** A thread-safe editor whose every call takes {@code ms}. */
    private record SlowEditor(long ms) implements Editor {
        @Override
        public EditResult edit(EditCall call) {
            sleep(ms);
            return EditResult.of(call.image(), List.of());
        }

        @Override
        public String describe() {
            return "slow-editor";
        }
    }

    /** A thread-safe thinker whose every critique takes {@code ms} and asks for another turn. */
    private record SlowThinker(long ms) implements Thinker {
        @Override
        public Critique critique(CritiqueCall call) {
            sleep(ms);
            return ScriptedThinker.critique(5, 9, "attempt " + (call.turn() + 1), Verdict.REFINE);
        }

        @Override
        public Plan plan(PlanCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String describe() {
            return "slow-thinker";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
