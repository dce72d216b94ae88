package dev.editloop.bench.protocol;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import dev.editloop.bench.ScoreTable;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Picture;
import java.util.List;

/**
 * How one benchmark has its edits judged and aggregated (DESIGN §6): which questions a judge is asked for a case
 * (which images each sub-score sees, on which scale), how the answers make the case's score, and how case scores
 * make the benchmark's own table. One implementation per protocol ({@code vie}, {@code imgedit}, {@code kris},
 * {@code rise}), found by name through {@link Protocols}.
 */
public interface Protocol {
    /** The protocol's name, e.g. {@code vie}. */
    String name();

    /** One line: which benchmark scores this way. */
    String description();

    /**
     * The judge questions for one edit, in a fixed order.
     *
     * @param reference the case's reference image, or null
     */
    List<JudgeCall> questions(BenchCase benchCase, Picture source, Picture edited, Picture reference, long seed);

    /**
     * The case's score from the judge's answers.
     *
     * @param answers one per question, in the order of {@link #questions}; null where the judge gave no readable
     *     answer (the case then scores as the benchmark's own code would treat it, never with a made-up number)
     */
    CaseScore score(BenchCase benchCase, List<Judgement> answers);

    /** The benchmark's own table over case scores, computed as its official code does. */
    ScoreTable aggregate(List<CaseScore> scores);

    /** The per-case figure that loop figures and run comparisons use (e.g. {@code O} for VIEScore). */
    String headline();

    /** Hashes of the prompt texts in use, by prompt name (for the manifest: a replaced prompt changes the run). */
    java.util.Map<String, String> promptHashes();
}
