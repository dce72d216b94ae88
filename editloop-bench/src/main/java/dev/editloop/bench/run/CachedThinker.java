package dev.editloop.bench.run;

import dev.editloop.bench.store.OutcomeJson;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.Plan;
import dev.editloop.core.PlanCall;
import dev.editloop.core.Thinker;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A thinker whose readable answers are kept in the run's {@link ContentCache}, keyed by the thinker's identity and the
 * whole call: a resumed case replays the critiques it already had, so it follows the same instructions and finds its
 * edits in the cache. Unreadable critiques and failures are not kept (a retry asks again).
 */
final class CachedThinker implements Thinker {
    private final Thinker thinker;
    private final ContentCache cache;
    private final CallCounts.Role counts;
    private final BackendIdentity identity;

    CachedThinker(Thinker thinker, ContentCache cache, CallCounts.Role counts) {
        this.thinker = thinker;
        this.cache = cache;
        this.counts = counts;
        this.identity = thinker.identity();
    }

    @Override
    public Critique critique(CritiqueCall call) {
        return cached("critique", Critique.class, call, () -> thinker.critique(call), Critique::valid);
    }

    @Override
    public Plan plan(PlanCall call) {
        return cached("plan", Plan.class, call, () -> thinker.plan(call), p -> true);
    }

    private <T> T cached(
            String kind, Class<T> type, Object call, Supplier<T> ask, java.util.function.Predicate<T> keep) {
        String key = ContentKey.of(kind, identity, call);
        Optional<byte[]> hit = cache.get(kind, key, "json");
        if (hit.isPresent()) {
            try {
                T value = OutcomeJson.mapper().readValue(hit.get(), type);
                counts.cached.incrementAndGet();
                return value;
            } catch (java.io.IOException | RuntimeException e) {
                // an unreadable entry is a miss
            }
        }
        T value;
        try {
            value = ask.get();
        } catch (RuntimeException e) {
            counts.failed.incrementAndGet();
            throw e;
        }
        counts.calls.incrementAndGet();
        if (keep.test(value)) {
            cache.put(kind, key, "json", OutcomeJson.write(value).getBytes(StandardCharsets.UTF_8));
        }
        return value;
    }

    @Override
    public BackendIdentity identity() {
        return identity;
    }

    @Override
    public String describe() {
        return thinker.describe();
    }
}
