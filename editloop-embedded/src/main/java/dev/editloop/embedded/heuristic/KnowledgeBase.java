package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.measure.Analysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the heuristic thinker knows: abstract requests ({@link Concept}s) with their plans in the classic editor's
 * vocabulary and their expected measurable effects, and the kinds of request no action of that vocabulary can carry
 * out (adding, replacing or reshaping objects, changing a subject's expression). The built-in one is read from the
 * data file {@code knowledge-base.yaml} (see {@link KnowledgeBaseFile}), checked entry by entry. Immutable and
 * thread-safe.
 */
public final class KnowledgeBase {
    private static final KnowledgeBase STANDARD = KnowledgeBaseFile.standard();

    private final List<Concept> concepts;
    /** Concepts that take in others when both are asked (film noir takes in the old photograph of its era word). */
    private final Map<String, List<String>> subsumes;

    private final List<Impossible> impossible;

    /** A knowledge base of the given concepts, in priority order, with the built-in rules. */
    public KnowledgeBase(List<Concept> concepts) {
        this(concepts, STANDARD.subsumes, STANDARD.impossible);
    }

    KnowledgeBase(List<Concept> concepts, Map<String, List<String>> subsumes, List<Impossible> impossible) {
        this.concepts = List.copyOf(concepts);
        this.subsumes = Map.copyOf(subsumes);
        this.impossible = List.copyOf(impossible);
        long distinct = this.concepts.stream().map(Concept::id).distinct().count();
        if (distinct != this.concepts.size()) {
            throw new IllegalArgumentException("concept ids must be unique");
        }
    }

    /** The built-in knowledge base. */
    public static KnowledgeBase standard() {
        return STANDARD;
    }

    /**
     * A knowledge base read from YAML text in the format of the built-in {@code knowledge-base.yaml}.
     *
     * @param yaml the text
     * @param source what to call the text in errors (a file name)
     * @throws dev.editloop.core.InvalidInputException naming the entry and the field, when an entry is wrong
     */
    public static KnowledgeBase read(String yaml, String source) {
        return KnowledgeBaseFile.read(yaml, source);
    }

    public List<Concept> concepts() {
        return concepts;
    }

    /** The concept with this id. */
    public Optional<Concept> concept(String id) {
        return concepts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** A copy in which every plan goes through {@code change} (the expected effects stay): for what-if tests. */
    public KnowledgeBase mapPlans(Function<List<Action>, List<Action>> change) {
        List<Concept> changed = new ArrayList<>();
        for (Concept c : concepts) {
            changed.add(c.withPlanner(source -> change.apply(c.plan(source))));
        }
        return new KnowledgeBase(changed, subsumes, impossible);
    }

    /** A concept found in a text, with where it is mentioned. */
    public record Match(Concept concept, int start, int end) {}

    /**
     * The concepts a text mentions, in the order they appear; where two mentions overlap the earlier (then the
     * longer) wins, and each concept appears once.
     */
    public List<Match> find(String text) {
        List<Match> all = new ArrayList<>();
        for (Concept c : concepts) {
            int[] span = c.find(text);
            if (span != null && !takenAway(text, span[0])) {
                all.add(new Match(c, span[0], span[1]));
            }
        }
        all.sort(Comparator.comparingInt(Match::start).thenComparing(m -> -(m.end() - m.start())));
        List<Match> kept = new ArrayList<>();
        for (Match m : all) {
            boolean overlaps = kept.stream().anyMatch(k -> m.start() < k.end() && k.start() < m.end());
            if (!overlaps) {
                kept.add(m);
            }
        }
        return kept;
    }

    /**
     * Words before a look that ask for less of it or none ("make it less dramatic", "tone down the drama", "not so
     * vintage"): the look is not what the request asks for, and a plan that makes it would do the opposite. Such a
     * mention is not a match; the words are then a part nothing reads, named as such.
     */
    private static final Pattern TAKEN_AWAY = Pattern.compile(
            "(?:\\bless|\\bnot (?:so|as|too)|\\btoo|\\bfewer|\\bno|\\bwithout|\\btone down|\\bundo|\\bremove|\\breduce"
                    + "|\\bget rid of|\\blose)(?:\\s+(?:of|the|a|an|this|that|its|much|bit|little|all))*\\s+$",
            Pattern.CASE_INSENSITIVE);

    private static boolean takenAway(String text, int start) {
        return TAKEN_AWAY
                .matcher(text.substring(Math.max(0, start - 32), start))
                .find();
    }

    /**
     * The concepts without those another of them takes in: a film noir is already an old black-and-white film (its
     * era word "1940s" must not add a sepia photograph), a halftone pop-art print is a comic, not a newspaper.
     */
    List<Concept> withoutSubsumed(List<Concept> found) {
        List<Concept> kept = new ArrayList<>(found);
        for (Concept c : found) {
            for (String id : subsumes.getOrDefault(c.id(), List.of())) {
                kept.removeIf(k -> k.id().equals(id));
            }
        }
        return kept;
    }

    /** Why no action of the classic editor can do what this text asks, if that is so. */
    public Optional<String> impossibility(String text) {
        for (Impossible rule : impossible) {
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                String object = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
                if (find(object).isEmpty()) {
                    return Optional.of(rule.reason().replace("{0}", object.trim()));
                }
            }
        }
        return Optional.empty();
    }

    /** A kind of request no action of the classic editor carries out: its pattern and the reason, {0} the object. */
    record Impossible(Pattern pattern, String reason) {}

    /** Compiles a knowledge-base pattern: case-insensitive, Unicode-aware. */
    static Pattern rx(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A number as a person writes it: 85, -0.25. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The pixel-art block size that reads as "8-bit" on this image: about 64 blocks across the shorter side. */
    static int retroBlock(Analysis source) {
        return Math.max(4, Math.min(32, (int) Math.round(Math.min(source.width(), source.height()) / 64.0)));
    }

    @Override
    public String toString() {
        return "KnowledgeBase" + concepts.stream().map(Concept::id).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnowledgeBase other && other.concepts.equals(concepts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(concepts);
    }
}
