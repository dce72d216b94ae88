package dev.editloop.bench.protocol;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import dev.editloop.core.Criterion;
import dev.editloop.core.Criterion.Meaning;
import dev.editloop.core.InvalidInputException;
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
 * ImgEdit-Bench's rubric scoring (DESIGN §6). One question per edit, {@value #RUBRIC}, on the source and the edit,
 * with the rubric of the case's edit type (9 types, {@code compose} being the one papers call "hybrid"): three
 * sub-scores from 1 to 5, the judge told that the second and third should not exceed the first (not enforced, as in
 * the official code). A case scores the mean of the sub-scores it can read, rounded to 2 decimals; a case with none
 * readable is dropped and listed. Each type is the mean of its cases, rounded to 2 decimals; rounding is Python's
 * {@code round(x, 2)} as in the official code (nearest on the exact binary value, exact ties to even: 3.335 → 3.33).
 * The official code stops at the type figures; the overall row is the plain mean of the type figures, as papers
 * report it, and is not rounded.
 */
public final class ImgEditProtocol implements Protocol {
    /** The protocol's name. */
    public static final String NAME = "imgedit";
    /** The one question. */
    public static final String RUBRIC = "rubric";

    /** An edit type: its name in {@code edit_type} and its three sub-scores, the first being the main one. */
    record EditType(String name, List<Criterion> criteria) {}

    private static Criterion c(String name, Meaning meaning) {
        return new Criterion(name, 1, 5, meaning);
    }

    /** The 9 edit types and their sub-scores. */
    static final List<EditType> TYPES = List.of(
            new EditType(
                    "add",
                    List.of(
                            c("prompt_compliance", Meaning.INSTRUCTION),
                            c("visual_naturalness", Meaning.QUALITY),
                            c("physical_integrity", Meaning.PRESERVATION))),
            new EditType(
                    "remove",
                    List.of(
                            c("prompt_compliance", Meaning.INSTRUCTION),
                            c("visual_naturalness", Meaning.QUALITY),
                            c("physical_integrity", Meaning.PRESERVATION))),
            new EditType(
                    "replace",
                    List.of(
                            c("prompt_compliance", Meaning.INSTRUCTION),
                            c("visual_naturalness", Meaning.QUALITY),
                            c("physical_integrity", Meaning.PRESERVATION))),
            new EditType(
                    "adjust",
                    List.of(
                            c("prompt_compliance", Meaning.INSTRUCTION),
                            c("visual_seamlessness", Meaning.QUALITY),
                            c("physical_integrity", Meaning.PRESERVATION))),
            new EditType(
                    "style",
                    List.of(
                            c("style_fidelity", Meaning.INSTRUCTION),
                            c("content_preservation", Meaning.PRESERVATION),
                            c("rendering_quality", Meaning.QUALITY))),
            new EditType(
                    "background",
                    List.of(
                            c("prompt_compliance", Meaning.INSTRUCTION),
                            c("visual_seamlessness", Meaning.QUALITY),
                            c("physical_integrity", Meaning.PRESERVATION))),
            new EditType(
                    "extract",
                    List.of(
                            c("object_selection", Meaning.INSTRUCTION),
                            c("extraction_integrity", Meaning.PRESERVATION),
                            c("cutout_quality", Meaning.QUALITY))),
            new EditType(
                    "action",
                    List.of(
                            c("action_compliance", Meaning.INSTRUCTION),
                            c("identity_preservation", Meaning.PRESERVATION),
                            c("visual_naturalness", Meaning.QUALITY))),
            new EditType(
                    "compose",
                    List.of(
                            c("prompt_compliance", Meaning.INSTRUCTION),
                            c("visual_naturalness", Meaning.QUALITY),
                            c("physical_integrity", Meaning.PRESERVATION))));

    private final PromptBook prompts;

    /** With the default rubrics. */
    public ImgEditProtocol() {
        this(Map.of());
    }

    /** With some rubrics replaced by files ({@code imgedit-add}, …, {@code imgedit-compose}). */
    public ImgEditProtocol(Map<String, Path> promptOverrides) {
        this.prompts = new PromptBook(
                NAME, TYPES.stream().map(t -> "imgedit-" + t.name()).toList(), promptOverrides);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ImgEdit-Bench: a 1-5 rubric per edit type, three sub-scores, type means rounded to 2 decimals";
    }

    private static EditType type(BenchCase benchCase) {
        for (EditType t : TYPES) {
            if (t.name().equals(benchCase.category())) {
                return t;
            }
        }
        throw new InvalidInputException("imgedit case " + benchCase.id() + ": no rubric for edit type '"
                + benchCase.category() + "'; known: "
                + String.join(", ", TYPES.stream().map(EditType::name).toList()));
    }

    @Override
    public List<JudgeCall> questions(
            BenchCase benchCase, Picture source, Picture edited, Picture reference, long seed) {
        EditType type = type(benchCase);
        return List.of(new JudgeCall(
                NAME,
                RUBRIC,
                List.of(JudgeImage.source(source), JudgeImage.edited(edited)),
                prompts.render("imgedit-" + type.name(), benchCase),
                type.criteria(),
                benchCase.instruction(),
                benchCase.referenceText(),
                seed));
    }

    @Override
    public CaseScore score(BenchCase benchCase, List<Judgement> answers) {
        Figures.checkCount(NAME, benchCase.id(), 1, answers);
        EditType type = type(benchCase);
        Judgement answer = answers.get(0);
        List<String> problems = new ArrayList<>();
        if (answer == null) {
            problems.add(RUBRIC + ": no readable answer");
        }
        Map<String, Double> raw = new LinkedHashMap<>();
        List<Double> read = new ArrayList<>();
        for (Criterion c : type.criteria()) {
            Double v = Figures.read(answer, RUBRIC, c, problems);
            if (v != null) {
                raw.put(c.name(), v);
                read.add(v);
            }
        }
        if (read.isEmpty()) {
            return new CaseScore(benchCase.id(), benchCase.category(), raw, Map.of(), false, problems);
        }
        return new CaseScore(
                benchCase.id(),
                benchCase.category(),
                raw,
                Map.of("score", Figures.pyRound(Figures.mean(read), 2)),
                true,
                problems);
    }

    @Override
    public ScoreTable aggregate(List<CaseScore> scores) {
        List<ScoreRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Double> typeFigures = new ArrayList<>();
        int readable = 0;
        for (Map.Entry<String, List<CaseScore>> e : Figures.byCategory(scores).entrySet()) {
            List<Double> caseScores = e.getValue().stream()
                    .filter(CaseScore::readable)
                    .map(s -> s.figure("score"))
                    .toList();
            readable += caseScores.size();
            double figure = Figures.pyRound(Figures.mean(caseScores), 2);
            if (Double.isNaN(figure)) {
                notes.add("edit type " + e.getKey() + " has no readable case and is left out of the overall mean");
            } else {
                typeFigures.add(figure);
            }
            rows.add(new ScoreRow(e.getKey(), "category", caseScores.size(), Map.of("score", figure)));
        }
        rows.add(new ScoreRow("overall", "overall", readable, Map.of("score", Figures.mean(typeFigures))));
        notes.add("the official code stops at the type figures; overall is the plain mean of the " + typeFigures.size()
                + " type figures, as papers report it (compose is the type papers call hybrid)");
        String unreadable = Figures.unreadableNote(scores, "are dropped, as the official code drops them");
        if (unreadable != null) {
            notes.add(unreadable);
        }
        return new ScoreTable(NAME, List.of("score"), rows, notes);
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
