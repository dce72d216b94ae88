package dev.editloop.bench.run;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Backend calls made by one runner session, per role: calls that reached the backend, answers taken from the cache,
 * and calls that failed. Thread-safe counters, read by the progress ticker.
 */
final class CallCounts {
    final Role editor = new Role();
    final Role thinker = new Role();
    final Role judge = new Role();

    /** Calls that reached a backend, all roles. */
    long backendCalls() {
        return editor.calls.get() + thinker.calls.get() + judge.calls.get();
    }

    BenchProgress.Calls snapshot() {
        return new BenchProgress.Calls(
                editor.calls.get(),
                thinker.calls.get(),
                judge.calls.get(),
                editor.cached.get() + thinker.cached.get() + judge.cached.get(),
                editor.failed.get() + thinker.failed.get() + judge.failed.get());
    }

    /** One role's counters. */
    static final class Role {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong cached = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
    }
}
