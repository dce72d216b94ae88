package dev.editloop.data.reward;

import dev.editloop.bench.BenchCase;
import dev.editloop.bench.CaseScore;
import dev.editloop.bench.protocol.Protocol;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.Judgement;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link EditScorer} over real backends: the editor edits the source, the judge answers the protocol's questions
 * (VIEScore's by default) about the result against the user's instruction, and the protocol's headline figure (VIEScore
 * {@code O}) is the score. Thread-safe when the backends are.
 */
public final class BackendEditScorer implements EditScorer {
    private final Editor editor;
    private final Judge judge;
    private final Protocol protocol;

    public BackendEditScorer(Editor editor, Judge judge, Protocol protocol) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.judge = Objects.requireNonNull(judge, "judge");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public double score(EditTask task, String instruction) {
        Picture source = Images.read(task.source());
        EditResult edited = editor.edit(EditCall.of(source, instruction, task.seed()));
        BenchCase c = new BenchCase(
                "reward", "rollout", task.task(), task.originalInstruction(), task.source(), null, null, Map.of());
        List<JudgeCall> questions = protocol.questions(c, source, edited.image(), null, task.seed());
        List<Judgement> answers = new ArrayList<>();
        for (JudgeCall q : questions) {
            answers.add(judge.judge(q));
        }
        CaseScore score = protocol.score(c, answers);
        double headline = score.figure(protocol.headline());
        if (!score.readable() || Double.isNaN(headline)) {
            throw new IllegalStateException(
                    "the scorer's answers could not be read: " + String.join("; ", score.problems()));
        }
        return headline;
    }
}
