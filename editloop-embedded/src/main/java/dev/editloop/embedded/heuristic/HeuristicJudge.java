package dev.editloop.embedded.heuristic;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.Criterion;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.JudgeImage;
import dev.editloop.core.Judgement;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.EmbeddedIdentity;
import dev.editloop.embedded.classic.ParsedInstruction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embedded judge: answers any judge question from measurements on the pixels. It reads the user's instruction with
 * the classic editor's parser and the {@link KnowledgeBase}'s expected effects, never a thinker's plan or amounts, so it
 * scores every thinker the same way. Deterministic and thread-safe.
 *
 * <p>Each criterion is answered from the measure that matches its {@linkplain Criterion.Meaning meaning}, first on a
 * 0–10 scale:
 *
 * <ul>
 *   <li>{@link Criterion.Meaning#INSTRUCTION INSTRUCTION} (edit success, instruction following, reasoning, knowledge):
 *       10 · effect achievement · doable share, held at the {@link Evaluator} caps when a part of the request is not
 *       done or not measured (a request on a named object that no action can find or make scores at most 4.5);
 *   <li>{@link Criterion.Meaning#PRESERVATION PRESERVATION} (over-editing, consistency): 10 · preservation of the
 *       source (the "nothing else changed" checks);
 *   <li>{@link Criterion.Meaning#QUALITY QUALITY}: a criterion named {@code naturalness} 10 − the naturalness
 *       penalties, one named {@code artifacts} 10 − the artifact penalties, any other (quality, plausibility, rendering
 *       quality…) the smaller of the two.
 * </ul>
 *
 * <p>The 0–10 value v is then put on the criterion's scale: {@code min + (max − min) · v / 10} rounded half up to a
 * whole number; on a two-point scale (0/1) the answer is the top value when v ≥ 8 (the loop's success threshold) and
 * the bottom value otherwise.
 *
 * <p>It measures only what the question shows: the {@code edited} image against the {@code source} image. A question
 * without a source image (a quality question, RISE's reasoning question) cannot show a change: instruction criteria
 * then score the bottom of their scale (nothing verifiable, never a guess), preservation criteria the top, and quality
 * criteria only the measures that need no source (exposure; the relative checks read nothing).
 */
public final class HeuristicJudge implements Judge {
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
        Picture edited = call.image(JudgeImage.EDITED)
                .orElseThrow(() -> new InvalidInputException("the embedded judge needs an '" + JudgeImage.EDITED
                        + "' image in question " + call.protocol() + "/" + call.question()));
        Optional<Picture> source = call.image(JudgeImage.SOURCE);
        Intent intent = Intent.read(call.instruction(), parser, knowledge);
        Assessment a = Evaluator.assess(intent, source.orElse(edited), edited);
        double success = Evaluator.round(10 * a.achievement() * a.doableShare());
        if (a.cap() != null) {
            success = Math.min(success, a.semantic()); // a part not done or not measured cannot be claimed
        }
        if (source.isEmpty()) {
            success = 0; // no source shown: no change can be verified
        }
        double preservation = Evaluator.round(10 * a.preservation());
        double naturalness = Evaluator.round(Math.max(0, 10 - a.penalty(Assessment.Kind.NATURALNESS)));
        double artifacts = Evaluator.round(Math.max(0, 10 - a.penalty(Assessment.Kind.ARTIFACT)));

        Map<String, Double> scores = new LinkedHashMap<>();
        StringBuilder reasoning = new StringBuilder();
        Report.request(reasoning, intent);
        if (source.isPresent()) {
            Report.measurements(reasoning, a);
            if (a.cap() != null) {
                reasoning.append(a.cap()).append(".\n");
            }
        } else {
            reasoning.append("No source image in this question: no change can be measured.\n");
        }
        StringBuilder raw = new StringBuilder("{");
        for (Criterion c : call.criteria()) {
            double v10 = switch (c.meaning()) {
                case INSTRUCTION -> success;
                case PRESERVATION -> preservation;
                case QUALITY ->
                    c.name().equals("naturalness")
                            ? naturalness
                            : c.name().equals("artifacts") ? artifacts : Math.min(naturalness, artifacts);
            };
            double value = onScale(c, v10);
            scores.put(c.name(), value);
            reasoning.append(String.format(
                    Locale.ROOT,
                    "%s (%s): %.1f of 10 → %s on %s.%n",
                    c.name(),
                    c.meaning().name().toLowerCase(Locale.ROOT),
                    v10,
                    (long) value,
                    c.range()));
            raw.append(String.format(Locale.ROOT, "\"%s\": %d, ", c.name(), (long) value));
        }
        raw.append(String.format(
                Locale.ROOT,
                "\"measured\": {\"instruction\": %.1f, \"preservation\": %.1f,"
                        + " \"naturalness\": %.1f, \"artifacts\": %.1f}}",
                success,
                preservation,
                naturalness,
                artifacts));
        return new Judgement(call.protocol(), scores, reasoning.toString().strip(), raw.toString(), Usage.NONE);
    }

    /** A 0–10 measure on a criterion's scale: linear and rounded half up, or the 8-of-10 cut on a two-point scale. */
    static double onScale(Criterion c, double v10) {
        if (c.max() - c.min() == 1) {
            return v10 >= 8 ? c.max() : c.min();
        }
        double v = c.min() + (c.max() - c.min()) * Math.max(0, Math.min(10, v10)) / 10;
        return Math.floor(v + 0.5);
    }
}
