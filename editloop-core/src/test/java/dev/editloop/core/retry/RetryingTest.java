package dev.editloop.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingTest {
    private static final Picture IMAGE = Picture.solid(4, 4, java.awt.Color.GRAY);
    private static final EditCall CALL = new EditCall(IMAGE, "x", 1, null, Map.of());

    private final List<Duration> waits = new ArrayList<>();
    private final Retrying.Sleeper sleeper = waits::add;

    private Editor flaky(AtomicInteger calls, int failures, RuntimeException failure) {
        return new Editor() {
            @Override
            public EditResult edit(EditCall call) {
                if (calls.incrementAndGet() <= failures) {
                    throw failure;
                }
                return EditResult.of(call.image(), List.of());
            }

            @Override
            public String describe() {
                return "flaky";
            }
        };
    }

    @Test
    void retriableFailuresAreRetriedWithGrowingWaits() {
        AtomicInteger calls = new AtomicInteger();
        Editor editor = Retrying.editor(
                flaky(calls, 3, new RetriableException("flaky: HTTP 503")), RetryPolicy.DEFAULT, sleeper);
        editor.edit(CALL);
        assertThat(calls.get()).isEqualTo(4);
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000));
    }

    @Test
    void whenAttemptsRunOutTheLastFailureSaysHowManyWereMade() {
        AtomicInteger calls = new AtomicInteger();
        Editor editor = Retrying.editor(
                flaky(calls, 100, new RetriableException("flaky at http://h: HTTP 503")), RetryPolicy.DEFAULT, sleeper);
        assertThatThrownBy(() -> editor.edit(CALL))
                .isInstanceOf(RetriableException.class)
                .hasMessage("flaky at http://h: HTTP 503 (gave up after 4 attempts)");
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void nonRetriableFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        Editor editor = Retrying.editor(
                flaky(calls, 100, new NonRetriableException("flaky: HTTP 400")), RetryPolicy.DEFAULT, sleeper);
        assertThatThrownBy(() -> editor.edit(CALL)).hasMessage("flaky: HTTP 400");
        assertThat(calls.get()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aPolicyWithoutRetriesLeavesThePortAsItIs() {
        Editor editor = flaky(new AtomicInteger(), 0, null);
        assertThat(Retrying.editor(editor, RetryPolicy.NONE)).isSameAs(editor);
    }

    @Test
    void theSpecSetsRetriesAndTheFirstDelay() {
        RetryPolicy none = BackendSpec.parse("x:http://h?retries=0").retryPolicy(RetryPolicy.DEFAULT);
        assertThat(none.retries()).isFalse();
        RetryPolicy quick =
                BackendSpec.parse("x:http://h?retries=2&retry_delay=0").retryPolicy(RetryPolicy.DEFAULT);
        assertThat(quick.maxAttempts()).isEqualTo(3);
        assertThat(quick.delayBefore(2, new SplittableRandom(1))).isEqualTo(Duration.ZERO);
        RetryPolicy local = BackendSpec.parse("embedded?retries=1").retryPolicy(RetryPolicy.NONE);
        assertThat(local.maxAttempts()).isEqualTo(2);
        assertThat(local.initialDelay()).isPositive();
    }

    @Test
    void backoffIsCappedAtTheMaximumDelay() {
        RetryPolicy policy = new RetryPolicy(20, Duration.ofSeconds(1), Duration.ofSeconds(5), 0);
        assertThat(policy.delayBefore(15, new SplittableRandom(1))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void whenAnotherEndpointCanTakeTheCallTheNextAttemptIsMadeWithoutWaiting() {
        AtomicInteger calls = new AtomicInteger();
        RetriableException down =
                new RetriableException("flaky at http://a: connection refused").failoverAvailable(true);
        Editor editor = Retrying.editor(flaky(calls, 1, down), RetryPolicy.DEFAULT, sleeper);
        editor.edit(CALL);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(waits).as("failover does not sleep").isEmpty();
    }

    @Test
    void failoversDoNotLengthenTheBackoffWhenEveryEndpointFails() {
        AtomicInteger calls = new AtomicInteger();
        Editor editor = Retrying.editor(
                new Editor() {
                    @Override
                    public EditResult edit(EditCall call) {
                        int n = calls.incrementAndGet();
                        if (n == 1) {
                            throw new RetriableException("a: HTTP 503").failoverAvailable(true);
                        }
                        if (n <= 3) {
                            throw new RetriableException("b: HTTP 503");
                        }
                        return EditResult.of(call.image(), List.of());
                    }

                    @Override
                    public String describe() {
                        return "pool";
                    }
                },
                new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 0),
                sleeper);
        editor.edit(CALL);
        assertThat(waits)
                .as("no wait after the failover, then the backoff from its start")
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aServersRetryAfterReplacesTheBackoff() {
        AtomicInteger calls = new AtomicInteger();
        RetriableException limited = new RetriableException("x: rate limited (HTTP 429)", null, Duration.ofSeconds(5));
        Editor editor = Retrying.editor(flaky(calls, 1, limited), RetryPolicy.DEFAULT, sleeper);
        editor.edit(CALL);
        assertThat(waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aRetryAfterLongerThanTheCapIsCutToIt() {
        AtomicInteger calls = new AtomicInteger();
        RetriableException limited = new RetriableException("x: HTTP 503", null, Duration.ofHours(1));
        RetryPolicy policy = BackendSpec.parse("x:http://h?max_retry_wait=20").retryPolicy(RetryPolicy.DEFAULT);
        assertThat(policy.maxRetryWait()).isEqualTo(Duration.ofSeconds(20));
        Editor editor = Retrying.editor(flaky(calls, 1, limited), policy, sleeper);
        editor.edit(CALL);
        assertThat(waits).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void theDefaultCapOnRetryAfterIsAMinute() {
        assertThat(RetryPolicy.DEFAULT.maxRetryWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryPolicy.DEFAULT.retryAfterWait(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryPolicy.DEFAULT.retryAfterWait(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theGaveUpFailureKeepsTheServersHints() {
        AtomicInteger calls = new AtomicInteger();
        RetriableException limited = new RetriableException("x: HTTP 429", null, Duration.ofSeconds(2));
        Editor editor = Retrying.editor(
                flaky(calls, 100, limited), new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 0), sleeper);
        assertThatThrownBy(() -> editor.edit(CALL))
                .isInstanceOfSatisfying(
                        RetriableException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)))
                .hasMessage("x: HTTP 429 (gave up after 2 attempts)");
    }
}
