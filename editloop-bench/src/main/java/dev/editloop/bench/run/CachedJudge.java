package dev.editloop.bench.run;

import dev.editloop.bench.store.OutcomeJson;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A judge whose answers are kept in the run's {@link ContentCache}, keyed by the judge's identity, the protocol's name
 * and prompt hashes, and the whole question (images by their pixels, text, seed): a resumed case does not ask again
 * what was answered. Failures are not kept.
 */
final class CachedJudge implements Judge {
    private final Judge judge;
    private final ContentCache cache;
    private final CallCounts.Role counts;
    private final BackendIdentity identity;
    private final String protocol;
    private final Map<String, String> promptHashes;

    CachedJudge(
            Judge judge,
            ContentCache cache,
            CallCounts.Role counts,
            String protocol,
            Map<String, String> promptHashes) {
        this.judge = judge;
        this.cache = cache;
        this.counts = counts;
        this.identity = judge.identity();
        this.protocol = protocol;
        this.promptHashes = Map.copyOf(promptHashes);
    }

    @Override
    public Judgement judge(JudgeCall call) {
        return ask(call).judgement();
    }

    /**
     * Asks one question, or takes its answer from the cache; the latency is that of the call that made the answer (a
     * cached answer keeps the latency it had).
     */
    Answer ask(JudgeCall call) {
        String key = ContentKey.of("judge", identity, protocol, promptHashes, call);
        Optional<byte[]> hit = cache.get("judge", key, "json");
        if (hit.isPresent()) {
            try {
                Entry entry = OutcomeJson.mapper().readValue(hit.get(), Entry.class);
                if (entry.judgement() != null) {
                    counts.cached.incrementAndGet();
                    return new Answer(entry.judgement(), entry.latencyMs(), true);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // an unreadable entry is a miss
            }
        }
        long start = System.nanoTime();
        Judgement answer;
        try {
            answer = judge.judge(call);
        } catch (RuntimeException e) {
            counts.failed.incrementAndGet();
            throw e;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        counts.calls.incrementAndGet();
        cache.put("judge", key, "json", OutcomeJson.write(new Entry(answer, ms)).getBytes(StandardCharsets.UTF_8));
        return new Answer(answer, ms, false);
    }

    /** A judge's answer with the latency of the call that made it. */
    record Answer(Judgement judgement, long latencyMs, boolean cached) {}

    /** A cache entry. */
    record Entry(Judgement judgement, long latencyMs) {}

    @Override
    public BackendIdentity identity() {
        return identity;
    }

    @Override
    public String describe() {
        return judge.describe();
    }
}
