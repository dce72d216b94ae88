package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.measure.Analysis;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An abstract request the classic editor does not understand ("an old photograph", "a cold winter morning"), with
 * what it means in the editor's vocabulary: a plan of concrete actions and the measurable effects the result should
 * show. Plans and effects may depend on the source image (its size, the colors it holds).
 *
 * @param id a stable identifier, e.g. {@code old-photograph}
 * @param title a short name in words
 * @param description what the intended result looks like, in a sentence
 * @param phrasings example requests that mean this concept (documentation and tests)
 * @param patterns case-insensitive patterns that recognise the concept in a request
 * @param planner the ordered concrete actions for a source image
 * @param expectations the expected effects for a source image
 * @param crushesShadows whether the look crushes its shadows to black by design (a film noir's deep blacks)
 */
public record Concept(
        String id,
        String title,
        String description,
        List<String> phrasings,
        List<Pattern> patterns,
        Function<Analysis, List<Action>> planner,
        Function<Analysis, List<Effect>> expectations,
        boolean crushesShadows) {

    public Concept {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        phrasings = List.copyOf(phrasings);
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(expectations, "expectations");
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("concept " + id + " needs at least one pattern");
        }
    }

    /** The plan for a source image: concrete actions in the order they are to be applied. */
    public List<Action> plan(Analysis source) {
        return List.copyOf(planner.apply(source));
    }

    /** The expected effects for a source image. */
    public List<Effect> effects(Analysis source) {
        return List.copyOf(expectations.apply(source));
    }

    /** The same concept with another planner (the expected effects stay). */
    public Concept withPlanner(Function<Analysis, List<Action>> other) {
        return new Concept(id, title, description, phrasings, patterns, other, expectations, crushesShadows);
    }

    /** The first place this concept is mentioned in a text: {start, end}, or null. */
    int[] find(String text) {
        int[] best = null;
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            if (m.find() && (best == null || m.start() < best[0] || (m.start() == best[0] && m.end() > best[1]))) {
                best = new int[] {m.start(), m.end()};
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return id;
    }
}
