package dev.editloop.bench.protocol;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import dev.editloop.core.Criterion;
import dev.editloop.core.Criterion.Meaning;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.JudgeImage;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RISEBench's scoring (DESIGN §6). Questions per edit, in this order:
 *
 * <ul>
 *   <li>{@value #CONSISTENCY}: the source and the edit; left out for items marked {@code consistency_free};
 *   <li>{@value #REASONING}: the edit (preceded by the source for items marked {@code reasoning_img}), followed by the
 *       case's reference image when it has one, else judged against its reference text;
 *   <li>{@value #PLAUSIBILITY}: the edit alone; not for {@code logical_reasoning}.
 * </ul>
 *
 * <p>Temporal, causal and spatial items are judged 1–5; logical items are judged 0/1 on consistency and reasoning and
 * mapped to 1 or 5 ({@code 4·min(v, 1) + 1}, as the official code does). A case is solved when every applicable score
 * is 5; accuracy is solved cases over all cases (an unreadable case counts as unsolved). The weighted score is
 * 0.3·consistency + 0.5·reasoning + 0.2·plausibility (logical 0.3/0.7; consistency-free items 0.8·reasoning +
 * 0.2·plausibility), halved when reasoning is 1 and then floored at 1, averaged over the readable cases and reported as
 * 25·(s−1).
 *
 * <p>What we found in RISEBench's public code ({@code gpt_eval.py}): items without a consistency check carry a
 * non-empty {@code consistency_free} field and get no consistency judge; items with {@code reasoning_img} show the
 * input image to the reasoning judge. The 64-case public subset has neither field (every item there is judged for
 * consistency); the full release's newer data files carry them. The official {@code calculate_score} tests
 * {@code row['consistency_free']}, which pandas fills with NaN (true) for every other row once any item has the
 * field, so it weights every temporal, causal and spatial item 0.2/0.8: we follow the stated rule instead, and the
 * table says so. The official completion check also needs a consistency of 5, which consistency-free items never
 * have; we count such an item solved when its reasoning and plausibility are 5.
 */
public final class RiseProtocol implements Protocol {
    /** The protocol's name. */
    public static final String NAME = "rise";
    /** Appearance consistency with the source. */
    public static final String CONSISTENCY = "consistency";
    /** Reasoning: is the edit the right answer. */
    public static final String REASONING = "reasoning";
    /** Visual plausibility of the edit. */
    public static final String PLAUSIBILITY = "plausibility";
    /** The category judged 0/1 and without plausibility. */
    public static final String LOGICAL = "logical_reasoning";

    /** The field marking an item without a consistency check. */
    public static final String CONSISTENCY_FREE_FIELD = "consistency_free";
    /** The field marking an item whose reasoning judge also sees the input image. */
    public static final String REASONING_IMG_FIELD = "reasoning_img";

    static final Criterion CONSISTENCY_5 = new Criterion(CONSISTENCY, 1, 5, Meaning.PRESERVATION);
    static final Criterion REASONING_5 = new Criterion(REASONING, 1, 5, Meaning.INSTRUCTION);
    static final Criterion PLAUSIBILITY_5 = new Criterion(PLAUSIBILITY, 1, 5, Meaning.QUALITY);
    static final Criterion CONSISTENCY_01 = new Criterion(CONSISTENCY, 0, 1, Meaning.PRESERVATION);
    static final Criterion REASONING_01 = new Criterion(REASONING, 0, 1, Meaning.INSTRUCTION);

    private static final List<String> PROMPTS = List.of(
            "rise-consistency",
            "rise-reasoning",
            "rise-reasoning-image",
            "rise-plausibility",
            "rise-logical-consistency",
            "rise-logical-reasoning",
            "rise-logical-reasoning-image");

    private final PromptBook prompts;

    /** With the default prompts. */
    public RiseProtocol() {
        this(Map.of());
    }

    /** With some prompts replaced by files. */
    public RiseProtocol(Map<String, Path> promptOverrides) {
        this.prompts = new PromptBook(NAME, PROMPTS, promptOverrides);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "RISEBench: accuracy (all applicable scores 5) and the weighted score 25*(s-1)";
    }

    static boolean logical(BenchCase c) {
        return LOGICAL.equals(c.category());
    }

    static boolean flagged(BenchCase c, String field) {
        String v = c.field(field);
        if (v == null) {
            return false;
        }
        String t = v.strip();
        return !t.isEmpty()
                && !t.equalsIgnoreCase("nan")
                && !t.equalsIgnoreCase("null")
                && !t.equalsIgnoreCase("false");
    }

    /** Whether an item has no consistency check. */
    public static boolean consistencyFree(BenchCase c) {
        return !logical(c) && flagged(c, CONSISTENCY_FREE_FIELD);
    }

    /** The questions asked for a case, by name, in order. */
    static List<String> plan(BenchCase c) {
        List<String> plan = new ArrayList<>();
        if (!consistencyFree(c)) {
            plan.add(CONSISTENCY);
        }
        plan.add(REASONING);
        if (!logical(c)) {
            plan.add(PLAUSIBILITY);
        }
        return plan;
    }

    private static Criterion criterion(BenchCase c, String question) {
        boolean logical = logical(c);
        return switch (question) {
            case CONSISTENCY -> logical ? CONSISTENCY_01 : CONSISTENCY_5;
            case REASONING -> logical ? REASONING_01 : REASONING_5;
            default -> PLAUSIBILITY_5;
        };
    }

    @Override
    public List<JudgeCall> questions(
            BenchCase benchCase, Picture source, Picture edited, Picture reference, long seed) {
        String prefix = logical(benchCase) ? "rise-logical-" : "rise-";
        List<JudgeCall> out = new ArrayList<>();
        for (String q : plan(benchCase)) {
            List<JudgeImage> images = new ArrayList<>();
            String prompt;
            switch (q) {
                case CONSISTENCY -> {
                    images.add(JudgeImage.source(source));
                    images.add(JudgeImage.edited(edited));
                    prompt = prefix + "consistency";
                }
                case REASONING -> {
                    if (flagged(benchCase, REASONING_IMG_FIELD)) {
                        images.add(JudgeImage.source(source));
                    }
                    images.add(JudgeImage.edited(edited));
                    if (reference != null) {
                        images.add(JudgeImage.reference(reference));
                        prompt = prefix + "reasoning-image";
                    } else {
                        prompt = prefix + "reasoning";
                    }
                }
                default -> {
                    images.add(JudgeImage.edited(edited));
                    prompt = "rise-plausibility";
                }
            }
            out.add(new JudgeCall(
                    NAME,
                    q,
                    images,
                    prompts.render(prompt, benchCase),
                    List.of(criterion(benchCase, q)),
                    benchCase.instruction(),
                    benchCase.referenceText(),
                    seed));
        }
        return out;
    }

    @Override
    public CaseScore score(BenchCase benchCase, List<Judgement> answers) {
        List<String> plan = plan(benchCase);
        Figures.checkCount(NAME, benchCase.id(), plan.size(), answers);
        boolean logical = logical(benchCase);
        List<String> problems = new ArrayList<>();
        Map<String, Double> raw = new LinkedHashMap<>();
        Map<String, Double> mapped = new LinkedHashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            String q = plan.get(i);
            if (answers.get(i) == null) {
                problems.add(q + ": no readable answer");
            }
            Double v = Figures.read(answers.get(i), q, criterion(benchCase, q), problems);
            if (v != null) {
                raw.put(q, v);
                mapped.put(q, logical ? 4 * Math.min(v, 1) + 1 : v);
            }
        }
        if (mapped.size() < plan.size()) {
            return new CaseScore(benchCase.id(), benchCase.category(), raw, Map.of(), false, problems);
        }
        double r = mapped.get(REASONING);
        double s;
        if (logical) {
            s = 0.3 * mapped.get(CONSISTENCY) + 0.7 * r;
        } else if (!mapped.containsKey(CONSISTENCY)) {
            s = 0.2 * mapped.get(PLAUSIBILITY) + 0.8 * r;
        } else {
            s = 0.3 * mapped.get(CONSISTENCY) + 0.5 * r + 0.2 * mapped.get(PLAUSIBILITY);
        }
        if (r == 1) {
            s = Math.max(1, s * 0.5);
        }
        boolean solved = mapped.values().stream().allMatch(v -> v == 5);
        Map<String, Double> derived = new LinkedHashMap<>(mapped);
        derived.put("solved", solved ? 1.0 : 0.0);
        derived.put("weighted", s);
        derived.put("score", 25 * (s - 1));
        return new CaseScore(benchCase.id(), benchCase.category(), raw, derived, true, problems);
    }

    @Override
    public ScoreTable aggregate(List<CaseScore> scores) {
        List<ScoreRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<CaseScore>> e : Figures.byCategory(scores).entrySet()) {
            rows.add(row(e.getKey(), "category", e.getValue()));
        }
        rows.add(row("overall", "overall", scores));
        List<String> notes = new ArrayList<>();
        notes.add("accuracy: cases with every applicable score 5, over all cases (an unreadable case counts as"
                + " unsolved); score: 25*(s-1) of the mean weighted score s over readable cases");
        notes.add("weights follow the stated rule (0.3/0.5/0.2; logical 0.3/0.7; consistency-free items 0.2/0.8), not"
                + " the official code, which gives every temporal, causal and spatial item 0.2/0.8 as soon as any item"
                + " is consistency-free");
        String unreadable = Figures.unreadableNote(scores, "count as unsolved and are left out of the score mean");
        if (unreadable != null) {
            notes.add(unreadable);
        }
        return new ScoreTable(NAME, List.of("accuracy", "score", CONSISTENCY, REASONING, PLAUSIBILITY), rows, notes);
    }

    private static ScoreRow row(String label, String kind, List<CaseScore> cases) {
        List<CaseScore> ok = cases.stream().filter(CaseScore::readable).toList();
        long solved = ok.stream().filter(s -> s.figure("solved") == 1).count();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("accuracy", cases.isEmpty() ? Double.NaN : 100.0 * solved / cases.size());
        double s = Figures.mean(ok.stream().map(c -> c.figure("weighted")).toList());
        values.put("score", 25 * (s - 1));
        for (String m : List.of(CONSISTENCY, REASONING, PLAUSIBILITY)) {
            values.put(
                    m,
                    Figures.mean(ok.stream()
                            .filter(c -> c.derived().containsKey(m))
                            .map(c -> c.figure(m))
                            .toList()));
        }
        return new ScoreRow(label, kind, cases.size(), values);
    }

    @Override
    public String headline() {
        return "score";
    }

    @Override
    public Map<String, String> promptHashes() {
        return prompts.hashes();
    }
}
