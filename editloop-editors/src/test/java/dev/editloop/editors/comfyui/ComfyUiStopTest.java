package dev.editloop.editors.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.EditCall;
import dev.editloop.core.Editor;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.fake.FakeComfyUiServer;
import dev.editloop.testkit.fake.FakeComfyUiServer.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A prompt EditLoop gives up on is stopped on the server, against a fake that, as ComfyUI, ignores a queue delete for
 * the running prompt and runs prompts one at a time: past the timeout, on a cancelled (interrupted) call, and when
 * the editor is closed.
 */
class ComfyUiStopTest {
    /** Long enough that a prompt only ends early when it is stopped. */
    private static final Duration FOREVER = Duration.ofHours(1);

    private final FakeComfyUiServer fake = new FakeComfyUiServer().runTime(FOREVER);
    private final Picture source = TestImages.scene(64, 48, 3);

    @AfterEach
    void stop() {
        fake.close();
    }

    private ComfyUiEditor editor(String extra) {
        return new ComfyUiEditor(
                BackendSpec.parse("comfyui:" + fake.baseUri() + "?workflow=qwen-image-edit&poll=10ms" + extra),
                Map.of());
    }

    @Test
    void aRunningPromptPastItsTimeoutIsInterruptedAndRetriesDoNotQueueBehindIt() {
        String spec = "comfyui:" + fake.baseUri() + "?workflow=qwen-image-edit&poll=10ms&timeout=0.3&retries=2"
                + "&retry_delay=0";
        try (Editor editor = BackendRegistry.load().editor(spec)) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "make it snow", 1)))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageContaining("did not finish within 0.3 s")
                    .hasMessageContaining("it was stopped on the server")
                    .hasMessageContaining("gave up after 3 attempts");
        }
        Map<String, Outcome> outcomes = fake.outcomes();
        // every attempt ran at once (none waited behind an earlier one) and was interrupted by its own id
        assertThat(outcomes)
                .hasSize(3)
                .containsOnlyKeys(fake.interrupts())
                .allSatisfy((id, outcome) -> assertThat(outcome).isEqualTo(Outcome.INTERRUPTED));
        assertThat(fake.deleted()).containsExactlyElementsOf(fake.interrupts());
        assertThat(fake.running()).isEmpty();
        assertThat(fake.pending()).isEmpty();
        String history = fake.requests("/history/").stream()
                .map(r -> r.path())
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(history).endsWith(fake.interrupts().get(2));
    }

    @Test
    void aPromptWaitingBehindAnotherClientsIsDeletedAndTheOtherKeepsRunning() throws Exception {
        try (ComfyUiEditor other = editor("&timeout=600");
                ComfyUiEditor mine = editor("&timeout=0.3")) {
            CompletableFuture<Void> blocker =
                    CompletableFuture.runAsync(() -> other.edit(EditCall.of(source, "the other client's edit", 7)));
            await(() -> fake.running().isPresent());
            String theirs = fake.running().orElseThrow();

            assertThatThrownBy(() -> mine.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageContaining("did not finish within 0.3 s");

            String my = fake.deleted().get(0);
            assertThat(fake.outcome(my)).isEqualTo(Outcome.DELETED);
            assertThat(fake.interrupts()).containsExactly(my);
            assertThat(fake.running()).contains(theirs);
            assertThat(fake.outcome(theirs)).isEqualTo(Outcome.RUNNING);

            // closing the other editor stops its prompt, and its edit fails saying so
            other.close();
            assertThatThrownBy(() -> blocker.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("the editor was closed while prompt " + theirs);
            await(() -> fake.outcome(theirs) == Outcome.INTERRUPTED);
            assertThat(fake.running()).isEmpty();
        }
    }

    @Test
    void anInterruptedCallStopsItsPromptAndEndsAtOnce() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        try (ComfyUiEditor editor = editor("&timeout=600")) {
            Thread call = Thread.ofVirtual().start(() -> {
                try {
                    editor.edit(EditCall.of(source, "x", 1));
                } catch (RuntimeException e) {
                    failure.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            await(() -> fake.running().isPresent());
            String prompt = fake.running().orElseThrow();

            call.interrupt();
            assertThat(call.join(Duration.ofSeconds(30))).as("the call ends").isTrue();

            assertThat(failure.get())
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("interrupted while prompt " + prompt + " ran")
                    .hasMessageContaining("stopped on the server");
            assertThat(stillInterrupted)
                    .as("the thread keeps its interrupt status")
                    .isTrue();
            assertThat(fake.interrupts()).containsExactly(prompt);
            await(() -> fake.outcome(prompt) == Outcome.INTERRUPTED);
        }
    }

    @Test
    void anInterruptedCallWhosePromptWaitsRemovesItFromTheQueue() throws Exception {
        try (ComfyUiEditor other = editor("&timeout=600");
                ComfyUiEditor editor = editor("&timeout=600")) {
            CompletableFuture<Void> blocker =
                    CompletableFuture.runAsync(() -> other.edit(EditCall.of(source, "theirs", 7)));
            await(() -> fake.running().isPresent());
            Thread call = Thread.ofVirtual().start(() -> {
                try {
                    editor.edit(EditCall.of(source, "mine", 1));
                } catch (RuntimeException e) {
                    // expected: cancelled
                }
            });
            await(() -> fake.pending().size() == 1);
            String mine = fake.pending().get(0);

            call.interrupt();
            assertThat(call.join(Duration.ofSeconds(30))).isTrue();

            assertThat(fake.outcome(mine)).isEqualTo(Outcome.DELETED);
            assertThat(fake.running()).isPresent().isNotEqualTo(mine);
            other.close();
            assertThatThrownBy(() -> blocker.get(30, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void aServerErrorCutTo400CharactersKeepsThePromptId() {
        fake.runTime(Duration.ZERO);
        fake.failNode(1, "KSampler", "RuntimeException", "x".repeat(2000));
        try (ComfyUiEditor editor = editor("&timeout=5")) {
            assertThatThrownBy(() -> editor.edit(EditCall.of(source, "x", 1)))
                    .isInstanceOf(NonRetriableException.class)
                    .satisfies(e -> {
                        String id = List.copyOf(fake.outcomes().keySet()).get(0);
                        assertThat(e.getMessage())
                                .contains("node 11 (KSampler): RuntimeException: xxx")
                                .contains("…")
                                .endsWith(" (prompt " + id + ")");
                        assertThat(e.getMessage().length()).isLessThanOrEqualTo(401);
                    });
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - until > 0) {
                throw new AssertionError("the condition did not hold within 30 s");
            }
            Thread.sleep(5);
        }
    }
}
