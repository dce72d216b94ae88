package dev.editloop.embedded;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Concept;
import dev.editloop.embedded.heuristic.KnowledgeBase;
import dev.editloop.embedded.op.Operation;
import dev.editloop.embedded.op.Operations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A read-only listing of what the embedded backends understand, for people ({@code editloop vocabulary}): the classic
 * editor's operations grouped by family, each with example phrases made by the operations themselves ({@link
 * Action#phrase()}, which the editor's parser reads back into the same action), and the heuristic thinker's concepts
 * from its {@link KnowledgeBase}. Nothing here is a copy: each family lists the examples of its operations in the
 * {@link Operations} registry, so a new operation, region, colour or concept shows up in the listing by itself.
 */
public final class Vocabulary {
    private Vocabulary() {}

    /**
     * One family of classic operations.
     *
     * @param name the family's name, e.g. {@code tone}
     * @param summary what the family does, in a sentence
     * @param examples instructions the classic editor carries out as they are
     */
    public record Family(String name, String summary, List<String> examples) {
        public Family {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(summary, "summary");
            examples = List.copyOf(examples);
        }
    }

    /**
     * One concept of the heuristic thinker.
     *
     * @param id the concept's id, e.g. {@code old-photograph}
     * @param title its short name
     * @param description what the result looks like
     * @param examples requests the thinker recognises as this concept
     */
    public record ConceptEntry(String id, String title, String description, List<String> examples) {
        public ConceptEntry {
            Objects.requireNonNull(id, "id");
            examples = List.copyOf(examples);
        }
    }

    /** The classic editor's operations by family, each example one canonical phrase. */
    public static List<Family> classicFamilies() {
        List<Family> families = new ArrayList<>();
        for (Operation.Family family : Operation.Family.values()) {
            List<Operation> ops = Operations.family(family);
            List<String> examples = new ArrayList<>();
            ops.forEach(op -> op.examples().forEach(a -> examples.add(a.phrase())));
            ops.forEach(op -> op.moreExamples().forEach(a -> examples.add(a.phrase())));
            families.add(new Family(family.title(), family.summary(), examples));
            if (family == Operation.Family.STYLE) {
                families.add(localAdjustments());
            }
        }
        return List.copyOf(families);
    }

    private static Family localAdjustments() {
        return new Family(
                "local adjustments",
                "any tone, filter or style in one part of the image: "
                        + String.join(
                                ", ",
                                Arrays.stream(Region.values())
                                        .filter(r -> r != Region.WHOLE)
                                        .map(Region::phrase)
                                        .toList()),
                List.of(
                        example("brightness", -30, Region.SKY),
                        example("blur", 50, Region.TOP_HALF),
                        example("grain", 25, Region.BOTTOM_THIRD)));
    }

    private static String example(String operation, double amount, Region region) {
        return ((Operation.Adjustable) Operations.byId(operation).orElseThrow())
                .make(amount, region, null)
                .phrase();
    }

    /** The heuristic thinker's concepts, in its knowledge base's order. */
    public static List<ConceptEntry> thinkerConcepts() {
        List<ConceptEntry> entries = new ArrayList<>();
        for (Concept c : KnowledgeBase.standard().concepts()) {
            entries.add(new ConceptEntry(c.id(), c.title(), c.description(), c.phrasings()));
        }
        return List.copyOf(entries);
    }

    /** The colour names the classic editor knows, comma-separated. */
    public static String colours() {
        return String.join(
                ", ",
                NamedColor.PALETTE.stream()
                        .map(c -> c.name().toLowerCase(Locale.ROOT))
                        .toList());
    }
}
