package dev.editloop.embedded;

import dev.editloop.core.Criterion;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judge;
import dev.editloop.core.JudgeCall;
import dev.editloop.core.JudgeImage;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.Instructions;
import dev.editloop.embedded.heuristic.HeuristicJudge;
import dev.editloop.embedded.heuristic.HeuristicThinker;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers spec kind {@code embedded}: the classic editor, the heuristic thinker and the heuristic judge, all
 * offline and deterministic.
 */
public final class EmbeddedProvider implements BackendProvider {
    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public String description() {
        return "offline and deterministic: the classic editor (OpenCV), the heuristic thinker and judge;"
                + " embedded?leak=N is the classic editor leaking N levels outside a mask";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR, BackendRole.THINKER, BackendRole.JUDGE);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        if (spec.endpoints().isEmpty() && spec.params().keySet().equals(java.util.Set.of("leak"))) {
            return new LeakingEditor(new ClassicEditor(), leak(spec));
        }
        noOptions(spec, BackendRole.EDITOR);
        return new ClassicEditor();
    }

    /** {@code embedded?leak=N}: the classic editor made to leak N levels outside a mask (1..100). */
    private static int leak(BackendSpec spec) {
        String text = spec.params().get("leak");
        try {
            int leak = Integer.parseInt(text.strip());
            if (leak >= 1 && leak <= 100) {
                return leak;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new InvalidInputException("'" + spec.display() + "': leak must be a whole number of levels within"
                + " 1..100, got '" + text + "'");
    }

    @Override
    public Thinker thinker(BackendSpec spec) {
        noOptions(spec, BackendRole.THINKER);
        return new HeuristicThinker(Instructions::parse);
    }

    @Override
    public Judge judge(BackendSpec spec) {
        noOptions(spec, BackendRole.JUDGE);
        return new HeuristicJudge(Instructions::parse);
    }

    /**
     * Checks that the backend works here: loads OpenCV and makes one small call of the role (an edit, a critique or a
     * judgement of a 64x64 picture), timed.
     */
    @Override
    public List<BackendCheck> check(BackendSpec spec, BackendRole role) {
        long start = System.nanoTime();
        try {
            Picture source = Picture.solid(64, 64, java.awt.Color.GRAY);
            switch (role) {
                case EDITOR -> {
                    try (Editor editor = editor(spec)) {
                        editor.edit(new EditCall(source, "make it brighter", 0, null, Map.of()));
                    }
                }
                case THINKER -> {
                    try (Thinker thinker = thinker(spec)) {
                        thinker.critique(
                                CritiqueCall.compare(source, source, "make it brighter", "make it brighter", 1, 0));
                    }
                }
                case JUDGE -> {
                    try (Judge judge = judge(spec)) {
                        judge.judge(new JudgeCall(
                                "check",
                                "check",
                                List.of(JudgeImage.source(source), JudgeImage.edited(source)),
                                "Did the edit make the image brighter?",
                                List.of(new Criterion("edit_success", 0, 10, Criterion.Meaning.INSTRUCTION)),
                                "make it brighter",
                                null,
                                0));
                    }
                }
            }
        } catch (RuntimeException e) {
            return List.of(new BackendCheck(
                    spec.display(),
                    "(in process)",
                    BackendCheck.Status.FAILED,
                    BackendCheck.Status.NOT_APPLICABLE,
                    BackendCheck.Status.NOT_APPLICABLE,
                    null,
                    e.getMessage()));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        return List.of(new BackendCheck(
                spec.display(),
                "(in process)",
                BackendCheck.Status.OK,
                BackendCheck.Status.NOT_APPLICABLE,
                BackendCheck.Status.NOT_APPLICABLE,
                ms,
                "OpenCV loaded; one " + role.label() + " call on a 64x64 picture"));
    }

    private static void noOptions(BackendSpec spec, BackendRole role) {
        if (!spec.endpoints().isEmpty() || !spec.params().isEmpty()) {
            throw new InvalidInputException("the embedded " + role.label() + " takes no URL or parameters"
                    + (role == BackendRole.EDITOR ? " but leak=N" : "") + ", got '" + spec.display()
                    + "' (use just 'embedded')");
        }
    }
}
