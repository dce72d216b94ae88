package dev.editloop.embedded.heuristic;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.Usage;
import dev.editloop.embedded.EmbeddedIdentity;
import dev.editloop.embedded.classic.ParsedInstruction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The embedded judge: VIEScore-shaped scores measured on the pixels. It reads the user's instruction with the classic
 * editor's parser and the {@link KnowledgeBase}'s expected effects, never a thinker's plan or amounts, so it scores
 * every thinker the same way.
 *
 * <p>Protocol {@value JudgeCall#VIESCORE}: {@code semantic} = min(edit success, no over-editing), with edit success
 * = 10 · effect achievement · doable share and no over-editing = 10 · preservation; {@code quality} =
 * min(naturalness, no artifacts), each 10 minus its penalties; {@code overall} = √(semantic · quality). All 0–10.
 * Deterministic and thread-safe.
 */
public final class HeuristicJudge implements Judge {
    /** The protocols this judge scores. */
    public static final List<String> PROTOCOLS = List.of(JudgeCall.VIESCORE);

    private final Function<String, ParsedInstruction> parser;
    private final KnowledgeBase knowledge;
    private final BackendIdentity identity;

    /** A judge with the standard knowledge base. */
    public HeuristicJudge(Function<String, ParsedInstruction> parser) {
        this(parser, KnowledgeBase.standard());
    }

    /** A judge with its own knowledge base (only the expected effects are used). */
    public HeuristicJudge(Function<String, ParsedInstruction> parser, KnowledgeBase knowledge) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        this.identity = BackendIdentity.of(
                "embedded",
                null,
                List.of(),
                EmbeddedIdentity.params(
                        "heuristic",
                        Map.of(
                                "seed",
                                "unused",
                                "knowledge",
                                knowledge.equals(KnowledgeBase.standard()) ? "standard" : "custom",
                                "concepts",
                                knowledge.concepts().size())));
    }

    /**
     * Kind {@code embedded}, engine {@code heuristic}; deterministic (no seed), its knowledge base {@code standard} or
     * {@code custom} with its number of concepts, and the EditLoop version (when packaged).
     */
    @Override
    public BackendIdentity identity() {
        return identity;
    }

    @Override
    public String describe() {
        return identity.display();
    }

    @Override
    public Judgement judge(JudgeCall call) {
        String protocol = call.protocol().trim().toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new dev.editloop.core.InvalidInputException("the embedded judge does not know the protocol '"
                    + call.protocol() + "'; known protocols: " + String.join(", ", PROTOCOLS));
        }
        Intent intent = Intent.read(call.instruction(), parser, knowledge);
        Assessment a = Evaluator.assess(intent, call.source(), call.edited());
        double success = Evaluator.round(10 * a.achievement() * a.doableShare());
        if (a.cap() != null) {
            success = Math.min(success, a.semantic()); // a part not done or not measured cannot be claimed
        }
        double overEditing = Evaluator.round(10 * a.preservation());
        double naturalness = Evaluator.round(Math.max(0, 10 - a.penalty(Assessment.Kind.NATURALNESS)));
        double artifacts = Evaluator.round(Math.max(0, 10 - a.penalty(Assessment.Kind.ARTIFACT)));
        double semantic = Math.min(success, overEditing);
        double quality = Math.min(naturalness, artifacts);
        double overall = Math.round(Math.sqrt(semantic * quality) * 100) / 100.0;
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("semantic", semantic);
        scores.put("quality", quality);
        scores.put("overall", overall);

        StringBuilder reasoning = new StringBuilder();
        Report.request(reasoning, intent);
        Report.measurements(reasoning, a);
        if (a.cap() != null) {
            reasoning.append(a.cap()).append(".\n");
        }
        reasoning.append(String.format(
                Locale.ROOT,
                "VIEScore: edit success %.1f, no over-editing %.1f → semantic %.1f; naturalness %.1f, no artifacts"
                        + " %.1f → quality %.1f; overall %.2f.",
                success,
                overEditing,
                semantic,
                naturalness,
                artifacts,
                quality,
                overall));
        String raw = String.format(
                Locale.ROOT,
                "{\"semantic\": %.1f, \"quality\": %.1f, \"overall\": %.2f, \"edit_success\": %.1f,"
                        + " \"over_editing\": %.1f, \"naturalness\": %.1f, \"artifacts\": %.1f}",
                semantic,
                quality,
                overall,
                success,
                overEditing,
                naturalness,
                artifacts);
        return new Judgement(JudgeCall.VIESCORE, scores, reasoning.toString().strip(), raw, Usage.NONE);
    }
}
