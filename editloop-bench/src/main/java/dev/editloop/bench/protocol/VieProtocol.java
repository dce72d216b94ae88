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
import java.util.Locale;
import java.util.Map;

/**
 * VIEScore as GEdit-Bench scores it (DESIGN §6). Two questions per edit: {@value #SEMANTIC} shows the source and the
 * edit and asks for {@code edit_success} and {@code overediting} (0–10; 10 = nothing else changed), {@value #QUALITY}
 * shows the edit alone and asks for {@code naturalness} and {@code artifacts} (0–10; 10 = none). A case scores SC =
 * min(edit_success, overediting), PQ = min(naturalness, artifacts) and O = √(SC·PQ). The table gives each category's
 * mean SC, PQ and O, then the overall row as the plain mean of the category means; then the same over the cases whose
 * field {@code Intersection_exist} is true (rows {@code intersection/<category>} and {@code intersection/overall}).
 *
 * <p>Unlike the reference code, which substitutes a random integer for a reply it cannot read, a case without two
 * readable answers is left out and listed.
 */
public final class VieProtocol implements Protocol {
    /** The protocol's name. */
    public static final String NAME = "vie";
    /** The semantic-consistency question (source and edit). */
    public static final String SEMANTIC = "semantic";
    /** The perceptual-quality question (the edit alone). */
    public static final String QUALITY = "quality";

    static final Criterion EDIT_SUCCESS = new Criterion("edit_success", 0, 10, Meaning.INSTRUCTION);
    static final Criterion OVEREDITING = new Criterion("overediting", 0, 10, Meaning.PRESERVATION);
    static final Criterion NATURALNESS = new Criterion("naturalness", 0, 10, Meaning.QUALITY);
    static final Criterion ARTIFACTS = new Criterion("artifacts", 0, 10, Meaning.QUALITY);

    /** The GEdit field that marks the intersection subset. */
    public static final String INTERSECTION_FIELD = "Intersection_exist";

    /**
     * The per-case flag (1 or 0) recording the case's {@code Intersection_exist} field, present only when the case
     * carries the field; the table's intersection block reads it.
     */
    public static final String IN_INTERSECTION = "in_intersection";

    private final PromptBook prompts;

    /** With the default prompts. */
    public VieProtocol() {
        this(Map.of());
    }

    /** With some prompts replaced by files ({@code vie-semantic}, {@code vie-quality}). */
    public VieProtocol(Map<String, Path> promptOverrides) {
        this.prompts = new PromptBook(NAME, List.of("vie-semantic", "vie-quality"), promptOverrides);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "GEdit-Bench VIEScore: SC and PQ 0-10, O = sqrt(SC*PQ), mean of category means, fullset and intersection";
    }

    @Override
    public List<JudgeCall> questions(
            BenchCase benchCase, Picture source, Picture edited, Picture reference, long seed) {
        return List.of(
                new JudgeCall(
                        NAME,
                        SEMANTIC,
                        List.of(JudgeImage.source(source), JudgeImage.edited(edited)),
                        prompts.render("vie-semantic", benchCase),
                        List.of(EDIT_SUCCESS, OVEREDITING),
                        benchCase.instruction(),
                        benchCase.referenceText(),
                        seed),
                new JudgeCall(
                        NAME,
                        QUALITY,
                        List.of(JudgeImage.edited(edited)),
                        prompts.render("vie-quality", benchCase),
                        List.of(NATURALNESS, ARTIFACTS),
                        benchCase.instruction(),
                        benchCase.referenceText(),
                        seed));
    }

    @Override
    public CaseScore score(BenchCase benchCase, List<Judgement> answers) {
        Figures.checkCount(NAME, benchCase.id(), 2, answers);
        List<String> problems = new ArrayList<>();
        Map<String, Double> raw = new LinkedHashMap<>();
        Judgement sem = answers.get(0);
        Judgement qua = answers.get(1);
        if (sem == null) {
            problems.add(SEMANTIC + ": no readable answer");
        }
        if (qua == null) {
            problems.add(QUALITY + ": no readable answer");
        }
        Double es = put(raw, EDIT_SUCCESS, Figures.read(sem, SEMANTIC, EDIT_SUCCESS, problems));
        Double oe = put(raw, OVEREDITING, Figures.read(sem, SEMANTIC, OVEREDITING, problems));
        Double na = put(raw, NATURALNESS, Figures.read(qua, QUALITY, NATURALNESS, problems));
        Double ar = put(raw, ARTIFACTS, Figures.read(qua, QUALITY, ARTIFACTS, problems));
        Map<String, Double> derived = new LinkedHashMap<>();
        if (benchCase.field(INTERSECTION_FIELD) != null) {
            derived.put(IN_INTERSECTION, inIntersection(benchCase) ? 1.0 : 0.0);
        }
        if (es == null || oe == null || na == null || ar == null) {
            return new CaseScore(benchCase.id(), benchCase.category(), raw, derived, false, problems);
        }
        double sc = Math.min(es, oe);
        double pq = Math.min(na, ar);
        derived.put("SC", sc);
        derived.put("PQ", pq);
        derived.put("O", Math.sqrt(sc * pq));
        return new CaseScore(benchCase.id(), benchCase.category(), raw, derived, true, problems);
    }

    private static Double put(Map<String, Double> raw, Criterion c, Double v) {
        if (v != null) {
            raw.put(c.name(), v);
        }
        return v;
    }

    /**
     * The table: the fullset block, then the intersection block over the cases flagged {@value #IN_INTERSECTION} (from
     * their {@code Intersection_exist} field); when no case carries the field the block is left out, with a note.
     */
    @Override
    public ScoreTable aggregate(List<CaseScore> scores) {
        List<ScoreRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        block(scores, "", "category", "overall", rows);
        if (scores.stream().noneMatch(s -> s.derived().containsKey(IN_INTERSECTION))) {
            notes.add("no case carries the " + INTERSECTION_FIELD + " field: the intersection block is left out");
        } else {
            List<CaseScore> subset =
                    scores.stream().filter(s -> s.figure(IN_INTERSECTION) == 1).toList();
            block(subset, "intersection/", "subset", "subset", rows);
        }
        String unreadable =
                Figures.unreadableNote(scores, "are left out (the reference code would put a random score)");
        if (unreadable != null) {
            notes.add(unreadable);
        }
        for (ScoreRow r : rows) {
            if (r.cases() == 0 && r.kind().equals("category")) {
                notes.add("category " + r.label() + " has no readable case and is left out of the overall mean");
            }
        }
        return new ScoreTable(NAME, List.of("SC", "PQ", "O"), rows, notes);
    }

    /** Whether a case is in GEdit's intersection subset: its {@code Intersection_exist} field reads true. */
    public static boolean inIntersection(BenchCase benchCase) {
        String v = benchCase.field(INTERSECTION_FIELD);
        if (v == null) {
            return false;
        }
        String t = v.strip().toLowerCase(Locale.ROOT);
        return t.equals("true") || t.equals("1") || t.equals("yes");
    }

    private static void block(
            List<CaseScore> scores, String prefix, String categoryKind, String overallKind, List<ScoreRow> rows) {
        List<String> columns = List.of("SC", "PQ", "O");
        Map<String, List<Double>> categoryMeans = new LinkedHashMap<>();
        columns.forEach(c -> categoryMeans.put(c, new ArrayList<>()));
        int readable = 0;
        for (Map.Entry<String, List<CaseScore>> e : Figures.byCategory(scores).entrySet()) {
            List<CaseScore> ok =
                    e.getValue().stream().filter(CaseScore::readable).toList();
            readable += ok.size();
            Map<String, Double> values = new LinkedHashMap<>();
            for (String c : columns) {
                double m = Figures.mean(ok.stream().map(s -> s.figure(c)).toList());
                values.put(c, m);
                if (!Double.isNaN(m)) {
                    categoryMeans.get(c).add(m);
                }
            }
            rows.add(new ScoreRow(prefix + e.getKey(), categoryKind, ok.size(), values));
        }
        Map<String, Double> overall = new LinkedHashMap<>();
        for (String c : columns) {
            overall.put(c, Figures.mean(categoryMeans.get(c)));
        }
        rows.add(new ScoreRow(prefix + "overall", overallKind, readable, overall));
    }

    @Override
    public String headline() {
        return "O";
    }

    @Override
    public Map<String, String> promptHashes() {
        return prompts.hashes();
    }
}
