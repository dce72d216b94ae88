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

/** Manifests, cases and outcomes for store tests. */
final class StoreFixtures {
    private StoreFixtures() {}

    static Manifest manifest() {
        return new Manifest(
                "rise",
                "abc123",
                null,
                List.of(),
                0,
                "think-while-edit",
                3,
                "SC>=8 and PQ>=8",
                7,
                BackendIdentity.of("embedded", null, List.of(), Map.of("engine", "classic")),
                BackendIdentity.of("embedded", null, List.of(), Map.of("engine", "heuristic")),
                BackendIdentity.of("openai-chat", "gpt-4.1", List.of("http://judge:8000/v1"), Map.of("temperature", 0)),
                "test",
                1,
                Map.of("ask", "h1"),
                "0.1.0",
                "abcdef",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    static List<BenchCase> cases(int n) {
        List<BenchCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new BenchCase(
                    "rise",
                    "case_" + i,
                    i % 2 == 0 ? "temporal" : "causal",
                    "make it brighter " + i,
                    Path.of("images", i + ".png"),
                    i % 3 == 0 ? "a brighter picture" : null,
                    null,
                    Map.of("index", "case_" + i)));
        }
        return out;
    }

    /** A finished outcome with one turn judged by {@code judgeCalls} calls, the last one failed. */
    static CaseOutcome outcome(BenchCase c, int judgeCalls) {
        List<JudgeRecord> records = new ArrayList<>();
        for (int q = 0; q < judgeCalls; q++) {
            records.add(
                    q == judgeCalls - 1
                            ? new JudgeRecord(1, 0, q, null, 12, "unreadable after 2 repairs")
                            : new JudgeRecord(
                                    1,
                                    0,
                                    q,
                                    new Judgement(
                                            "test", Map.of("score", 4.0 + q), "fine", "Score: 4", new Usage(10, 3)),
                                    40 + q,
                                    null));
        }
        CaseScore score = new CaseScore(
                c.id(), c.category(), Map.of("score", 4.0), Map.of("O", 7.5, "missing", Double.NaN), true, List.of());
        TurnOutcome turn = new TurnOutcome(
                1, c.instruction(), "cases/" + c.id() + "/turn-1.png", 8.0, Double.NaN, Double.NaN, List.of(score));
        return new CaseOutcome(
                c, false, null, "cases/" + c.id() + "/trajectory.json", "max_turns", 1, List.of(turn), records);
    }
}
