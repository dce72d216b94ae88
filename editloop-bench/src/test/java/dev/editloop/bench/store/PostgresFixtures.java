package dev.editloop.bench.store;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Judgement;
import dev.editloop.core.Usage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cases, manifests and outcomes for the PostgreSQL store's tests (and their child processes). */
final class PostgresFixtures {
    private PostgresFixtures() {}

    static List<BenchCase> cases(int n) {
        List<BenchCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("case-%03d", i);
            out.add(new BenchCase(
                    "jsonl",
                    id,
                    i % 2 == 0 ? "color" : "style",
                    "make it warmer " + i,
                    Path.of("data", id + ".png"),
                    null,
                    null,
                    Map.of("id", id)));
        }
        return out;
    }

    static Manifest manifest(String strategy, long seed) {
        return new Manifest(
                "jsonl",
                "sha256:0123abcd",
                null,
                List.of(),
                0,
                strategy,
                3,
                "sc>=8,pq>=8",
                seed,
                BackendIdentity.of("embedded", null, List.of(), Map.of("ops", "classic")),
                BackendIdentity.of("embedded", null, List.of(), Map.of()),
                BackendIdentity.of("embedded", null, List.of(), Map.of()),
                "vie",
                1,
                Map.of("vie.sc", "abc"),
                "0.1.0",
                "unknown",
                Instant.now());
    }

    static CaseOutcome done(BenchCase c, String image) {
        CaseScore score = new CaseScore(
                c.id(), c.category(), Map.of("sc", 8.0, "pq", 7.0), Map.of("SC", 8.0, "PQ", 7.0), true, List.of());
        TurnOutcome turn = new TurnOutcome(1, c.instruction(), image, 7.5, Double.NaN, 7.0, List.of(score));
        JudgeRecord ok = new JudgeRecord(
                1,
                0,
                0,
                new Judgement("vie", Map.of("sc", 8.0), "fine", "{\"score\": [8]}", new Usage(12, 3)),
                40,
                null);
        JudgeRecord bad = new JudgeRecord(1, 0, 1, null, 55, "unreadable after 2 repairs");
        return new CaseOutcome(
                c,
                false,
                null,
                "cases/" + c.id() + "/trajectory.json",
                "threshold_met",
                1,
                List.of(turn),
                List.of(ok, bad));
    }

    static CaseOutcome failed(BenchCase c) {
        return new CaseOutcome(c, true, "editor refused: 400", null, null, 0, List.of(), List.of());
    }
}
