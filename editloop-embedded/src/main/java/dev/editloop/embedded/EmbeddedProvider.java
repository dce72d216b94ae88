package dev.editloop.embedded;

import dev.editloop.core.Editor;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judge;
import dev.editloop.core.Thinker;
import dev.editloop.core.spi.BackendProvider;
import dev.editloop.core.spi.BackendRole;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.heuristic.HeuristicJudge;
import dev.editloop.embedded.heuristic.HeuristicThinker;
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
        return "offline and deterministic: the classic editor (OpenCV), the heuristic thinker and judge";
    }

    @Override
    public Set<BackendRole> roles() {
        return Set.of(BackendRole.EDITOR, BackendRole.THINKER, BackendRole.JUDGE);
    }

    @Override
    public Editor editor(BackendSpec spec) {
        noOptions(spec, BackendRole.EDITOR);
        return new ClassicEditor();
    }

    @Override
    public Thinker thinker(BackendSpec spec) {
        noOptions(spec, BackendRole.THINKER);
        return new HeuristicThinker(InstructionParser::parse);
    }

    @Override
    public Judge judge(BackendSpec spec) {
        noOptions(spec, BackendRole.JUDGE);
        return new HeuristicJudge(InstructionParser::parse);
    }

    private static void noOptions(BackendSpec spec, BackendRole role) {
        if (!spec.endpoints().isEmpty() || !spec.params().isEmpty()) {
            throw new InvalidInputException("the embedded " + role.label() + " takes no URL or parameters, got '"
                    + spec.display() + "' (use just 'embedded')");
        }
    }
}
