package dev.editloop.core.retry;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditLoopException;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.RetriableException;
import dev.editloop.core.Thinker;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry wrapper: puts exponential backoff with jitter around a port, once, for every adapter. Only
 * {@link RetriableException}s are retried; anything else passes through at once. When the attempts run out, the last
 * failure is thrown with the number of attempts added to its message.
 *
 * <p>The backend registry applies it to every port it creates, with the policy the spec
 * asks for; adapters never retry by themselves. Endpoint failover comes for free: each attempt asks the adapter's
 * endpoint pool again, and when the pool says another endpoint can take the call now, that attempt is made without
 * waiting. A server's {@code Retry-After} replaces the backoff (cut to the policy's cap).
 */
public final class Retrying {
    private static final Logger LOG = LoggerFactory.getLogger(Retrying.class);

    /** Waits between attempts; tests replace it to run without sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits for the duration. */
        void sleep(Duration duration) throws InterruptedException;

        /** The real wait. */
        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    private Retrying() {}

    /** The editor with retries; the editor itself when the policy never retries. */
    public static Editor editor(Editor editor, RetryPolicy policy) {
        return editor(editor, policy, Sleeper.REAL);
    }

    /** As {@link #editor(Editor, RetryPolicy)}, with a sleeper of one's own. */
    public static Editor editor(Editor editor, RetryPolicy policy, Sleeper sleeper) {
        Objects.requireNonNull(editor, "editor");
        if (!policy.retries()) {
            return editor;
        }
        return new Editor() {
            @Override
            public EditResult edit(EditCall call) {
                return call(policy, sleeper, editor.describe(), "edit", () -> editor.edit(call));
            }

            @Override
            public EditorCapabilities capabilities() {
                return editor.capabilities();
            }

            @Override
            public BackendIdentity identity() {
                return editor.identity();
            }

            @Override
            public String describe() {
                return editor.describe();
            }

            @Override
            public void close() {
                editor.close();
            }

            @Override
            public String toString() {
                return editor.toString();
            }
        };
    }

    /** The thinker with retries; the thinker itself when the policy never retries. */
    public static Thinker thinker(Thinker thinker, RetryPolicy policy) {
        return thinker(thinker, policy, Sleeper.REAL);
    }

    /** As {@link #thinker(Thinker, RetryPolicy)}, with a sleeper of one's own. */
    public static Thinker thinker(Thinker thinker, RetryPolicy policy, Sleeper sleeper) {
        Objects.requireNonNull(thinker, "thinker");
        if (!policy.retries()) {
            return thinker;
        }
        return new Thinker() {
            @Override
            public Critique critique(CritiqueCall call) {
                return call(policy, sleeper, thinker.describe(), "critique", () -> thinker.critique(call));
            }

            @Override
            public Plan plan(PlanCall call) {
                return call(policy, sleeper, thinker.describe(), "plan", () -> thinker.plan(call));
            }

            @Override
            public BackendIdentity identity() {
                return thinker.identity();
            }

            @Override
            public String describe() {
                return thinker.describe();
            }

            @Override
            public void close() {
                thinker.close();
            }

            @Override
            public String toString() {
                return thinker.toString();
            }
        };
    }

    /** The judge with retries; the judge itself when the policy never retries. */
    public static Judge judge(Judge judge, RetryPolicy policy) {
        return judge(judge, policy, Sleeper.REAL);
    }

    /** As {@link #judge(Judge, RetryPolicy)}, with a sleeper of one's own. */
    public static Judge judge(Judge judge, RetryPolicy policy, Sleeper sleeper) {
        Objects.requireNonNull(judge, "judge");
        if (!policy.retries()) {
            return judge;
        }
        return new Judge() {
            @Override
            public Judgement judge(JudgeCall call) {
                return call(policy, sleeper, judge.describe(), "judgement", () -> judge.judge(call));
            }

            @Override
            public BackendIdentity identity() {
                return judge.identity();
            }

            @Override
            public String describe() {
                return judge.describe();
            }

            @Override
            public void close() {
                judge.close();
            }

            @Override
            public String toString() {
                return judge.toString();
            }
        };
    }

    /**
     * Runs a call under a policy. How long it waits before the next attempt:
     *
     * <ul>
     *   <li>not at all when another endpoint of the backend can take the call now
     *       ({@link RetriableException#failoverAvailable()}): the next attempt goes there at once;
     *   <li>the server's {@code Retry-After} ({@link RetriableException#retryAfter()}), cut to the policy's
     *       {@link RetryPolicy#maxRetryWait()};
     *   <li>otherwise the policy's exponential backoff, counted over the waits made so far (failovers do not lengthen
     *       it).
     * </ul>
     *
     * @param what the backend, for log lines
     * @param operation what the call does, for log lines
     */
    public static <T> T call(RetryPolicy policy, Sleeper sleeper, String what, String operation, Supplier<T> call) {
        int backoffs = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RetriableException e) {
                if (attempt >= policy.maxAttempts()) {
                    if (attempt == 1) {
                        throw e;
                    }
                    throw e.withMessage(e.getMessage() + " (gave up after " + attempt + " attempts)");
                }
                Duration wait;
                String why;
                if (e.failoverAvailable()) {
                    wait = Duration.ZERO;
                    why = "on another endpoint now";
                } else if (e.retryAfter().isPresent()) {
                    Duration asked = e.retryAfter().orElseThrow();
                    wait = policy.retryAfterWait(asked);
                    why = "in " + wait.toMillis() + " ms (the server asked to wait " + seconds(asked) + " s"
                            + (wait.compareTo(asked) < 0 ? ", cut to max_retry_wait=" + seconds(wait) + " s" : "")
                            + ")";
                    backoffs++;
                } else {
                    wait = policy.delayBefore(backoffs + 2, ThreadLocalRandom.current());
                    why = "in " + wait.toMillis() + " ms";
                    backoffs++;
                }
                LOG.warn(
                        "{} {} failed ({}); attempt {} of {} {}",
                        what,
                        operation,
                        e.getMessage(),
                        attempt + 1,
                        policy.maxAttempts(),
                        why);
                if (wait.isZero()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new NonRetriableException(e.getMessage() + " (interrupted while waiting to retry)", e);
                    }
                    continue;
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new NonRetriableException(e.getMessage() + " (interrupted while waiting to retry)", ie);
                }
            } catch (EditLoopException e) {
                throw e;
            }
        }
    }

    /** A duration in seconds as a person reads it: {@code 5}, {@code 0.6}. */
    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0
                ? Long.toString(millis / 1000)
                : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
