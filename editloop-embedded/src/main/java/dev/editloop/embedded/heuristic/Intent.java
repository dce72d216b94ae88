package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.classic.Spelling;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.measure.Zone;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a request asks for, read with the classic editor's parser and the {@link KnowledgeBase}: the concrete actions
 * the parser understood, the abstract concepts found in what it did not, and the parts no action can do. From these
 * come the expected effects (what to measure) and a plan in the editor's vocabulary.
 */
public final class Intent {
    private static final Pattern NUMBER = Pattern.compile("\\d");
    /** Words that carry no request of their own ("please", "the", "a bit"); shared with {@link Parts}. */
    static final Set<String> FILLER = Set.of(
            "please",
            "and",
            "then",
            "also",
            "a",
            "an",
            "the",
            "it",
            "its",
            "this",
            "that",
            "bit",
            "little",
            "more",
            "slightly",
            "make",
            "look",
            "looks",
            "like",
            "just",
            "so",
            "very",
            "too",
            "some",
            "of",
            "to",
            "with",
            "for",
            "can",
            "you",
            "could",
            "would",
            "i",
            "want",
            "give",
            "feel",
            "as",
            "if",
            "me",
            "photo",
            "image",
            "picture",
            "lot",
            "much",
            "kind",
            "sort",
            "up",
            "in",
            "on",
            "my",
            "our",
            "now",
            "thanks");

    /** A part of the request that cannot be done, and why. */
    public record Blocked(String fragment, String reason, boolean impossible) {}

    private final String text;
    private final List<Action> concrete;
    private final boolean explicit;
    private final List<Concept> concepts;
    private final List<Blocked> blocked;
    private final Set<Metric> kept;
    private final List<Spelling.Fix> corrections;
    private final java.util.Map<Action, String> things;

    private Intent(
            String text,
            List<Action> concrete,
            boolean explicit,
            List<Concept> concepts,
            List<Blocked> blocked,
            Set<Metric> kept,
            List<Spelling.Fix> corrections,
            java.util.Map<Action, String> things) {
        this.text = text;
        this.things = java.util.Map.copyOf(things);
        this.corrections = List.copyOf(corrections);
        this.concrete = List.copyOf(concrete);
        this.explicit = explicit;
        this.concepts = List.copyOf(concepts);
        this.blocked = List.copyOf(blocked);
        this.kept = kept.isEmpty() ? Set.of() : Set.copyOf(kept);
    }

    /** Reads a request. A parser that fails counts as understanding nothing. */
    public static Intent read(String request, Function<String, ParsedInstruction> parser, KnowledgeBase knowledge) {
        // the editor reads the same corrected words (Instructions.parse); the thinker's own reading needs them too
        Spelling.Reading reading = Spelling.read(request);
        String text = reading.text();
        ParsedInstruction parsed = parse(parser, text);
        List<String> rest = new ArrayList<>(parsed.notUnderstood());
        if (parsed.actions().isEmpty() && rest.isEmpty() && !text.isBlank()) {
            rest.add(text.trim());
        }
        List<Concept> concepts = new ArrayList<>();
        List<Blocked> blocked = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String fragment : rest) {
            parts.addAll(Parts.clauses(fragment));
        }
        List<Action> recovered = new ArrayList<>();
        Region only = null;
        String onlyClause = null;
        Set<Metric> kept = EnumSet.noneOf(Metric.class);
        boolean mainOnObject = false;
        // every action the request asks for, also in parts cut loose from a keep-clause ("darken it, but keep …")
        List<Action> asked = new ArrayList<>(parsed.actions());
        for (String part : parts) {
            ParsedInstruction p = parse(parser, part);
            if (p.notUnderstood().stream().allMatch(Intent::filler)) {
                asked.addAll(p.actions());
            }
        }
        for (String whole : parts) {
            if (filler(whole)) {
                continue;
            }
            if (mainOnObject && !Parts.imperative(whole)) {
                // a sentence describing the thing the main action would make ("The gazebo should match the wintery
                // atmosphere"): its mood words belong to that thing, not to a request of their own
                continue;
            }
            if (parts.size() > rest.size()) {
                // a clause cut loose from its neighbours may now be plain vocabulary ("make it warmer")
                ParsedInstruction again = parse(parser, whole);
                if (!again.actions().isEmpty() && again.notUnderstood().stream().allMatch(Intent::filler)) {
                    recovered.addAll(again.actions());
                    continue;
                }
            }
            if (Parts.statement(whole)) {
                continue; // "it looks too punchy": the state to leave, not a request
            }
            // a thing to keep: the rest of the image is what the preservation checks measure; a named thing is not
            Optional<String> keep = Parts.kept(whole);
            if (keep.isEmpty() && Parts.notToDo(whole)) {
                keep = Parts.notTouched(whole).or(() -> Optional.of("the rest"));
            }
            if (keep.isPresent()) {
                Region others = Parts.keptRegion(keep.get()).map(Region::rest).orElse(null);
                if (!Parts.keepsTheRest(keep.get()) && !Parts.keepMeasured(keep.get(), asked) && others != null) {
                    // "misty, but keep the top third as it is": the request is done on the rest of the image
                    only = others;
                    onlyClause = whole.trim();
                } else if (!Parts.keepsTheRest(keep.get())
                        && !Parts.keepMeasured(keep.get(), asked)
                        && Parts.keptQualities(keep.get()).isEmpty()) {
                    // a quality kept ("keep the brightness as it is") is measured on the whole picture, whatever
                    // does the rest of the request (a concept as much as a concrete action)
                    blocked.add(new Blocked(
                            whole.trim(),
                            "keeping \"" + keep.get() + "\" as it is cannot be checked: the thinker cannot find it,"
                                    + " and the editor's operations apply to the whole image or a named region",
                            false));
                }
                kept.addAll(Parts.keptQualities(keep.get()));
                continue;
            }
            // the state a request leaves is not the request ("from winter to summer": only summer)
            String fragment = Parts.dropLeftState(whole);
            // an action on a named thing comes first: mood words inside the thing's description ("a vintage
            // bicycle", "the snow-covered path") are not the request
            Optional<String> onObject = Parts.objectAction(fragment, knowledge);
            if (onObject.isEmpty()) {
                onObject = knowledge.impossibility(fragment);
            }
            if (onObject.isPresent()) {
                blocked.add(new Blocked(whole.trim(), onObject.get(), true));
                mainOnObject |= blocked.size() == 1 && recovered.isEmpty() && concepts.isEmpty();
                continue;
            }
            List<KnowledgeBase.Match> matches = knowledge.find(fragment);
            List<Concept> found = new ArrayList<>();
            for (KnowledgeBase.Match m : matches) {
                found.add(m.concept());
                if (!concepts.contains(m.concept())) {
                    concepts.add(m.concept());
                }
            }
            if (matches.isEmpty()) {
                blocked.add(new Blocked(
                        whole.trim(),
                        "nothing in the classic editor's vocabulary or in the thinker's knowledge matches \""
                                + whole.trim() + "\"",
                        false));
                continue;
            }
            // every word must be accounted for: "a vibrant graffiti style" is not done by making it vibrant
            List<String> unknown = Parts.unaccounted(fragment, found, parser, knowledge);
            if (!unknown.isEmpty()) {
                String words = String.join("\", \"", unknown);
                blocked.add(new Blocked(
                        words,
                        "\"" + words + "\" is neither in the classic editor's vocabulary nor in the thinker's"
                                + " knowledge, so it is neither done nor measured",
                        false));
            }
        }
        // abstract words the parser read literally ("a comic book" as a cartoon, "washed out" as less saturation):
        // the concept replaces the editor's default reading, unless the request gave its own amount
        List<Action> concrete = new ArrayList<>(parsed.actions());
        if (mainOnObject) {
            // the editor's reading of words that describe the thing ("…to a smoother, softer appearance") is not a
            // request either: keep only actions some order of its own asks for
            List<Action> ordered = new ArrayList<>();
            for (String part : parts) {
                if (Parts.imperative(part)) {
                    ordered.addAll(parse(parser, part).actions());
                }
            }
            concrete.retainAll(ordered);
        }
        concrete.addAll(recovered);
        for (KnowledgeBase.Match m : knowledge.find(Parts.dropLeftState(text))) {
            if (concepts.contains(m.concept())) {
                continue;
            }
            String left = Parts.dropLeftState(text);
            List<Action> literal =
                    parse(parser, left.substring(m.start(), m.end())).actions();
            if (!literal.isEmpty() && concrete.containsAll(literal)) {
                literal.forEach(concrete::remove);
                concepts.add(m.concept());
            }
        }
        List<Concept> chosen = knowledge.withoutSubsumed(concepts);
        if (only != null) {
            List<Action> confined = confine(concrete, only);
            if (confined == null) {
                blocked.add(new Blocked(
                        onlyClause,
                        "keeping part of the image as it is needs every step confined to the rest of it, and "
                                + "not every step asked for can be confined to a region",
                        false));
            } else {
                concrete = confined;
                Region confinedTo = only;
                chosen = chosen.stream().map(c -> confine(c, confinedTo)).toList();
            }
        }
        return new Intent(
                text, concrete, NUMBER.matcher(text).find(), chosen, blocked, kept, reading.fixes(), parsed.things());
    }

    /**
     * The actions done on a region instead of the whole image; null when one of them cannot be confined (a rotation,
     * a crop, a removal) or already acts somewhere else.
     */
    private static List<Action> confine(List<Action> actions, Region region) {
        List<Action> out = new ArrayList<>();
        for (Action action : actions) {
            Action moved = confine(action, region);
            if (moved == null) {
                return null;
            }
            out.add(moved);
        }
        return out;
    }

    private static Action confine(Action action, Region region) {
        return dev.editloop.embedded.op.Operations.of(action)
                .filter(op -> op instanceof dev.editloop.embedded.op.Operation.Adjustable)
                .map(op -> (dev.editloop.embedded.op.Operation.Adjustable) op)
                .filter(op -> op.region(action) == Region.WHOLE)
                .map(op -> op.make(op.amount(action), region, op.color(action)))
                .orElse(null);
    }

    /**
     * A concept done on a region: its plan's steps confined to it (a step that cannot be is left out, so that its
     * effect reads as missing rather than as done on the part to keep), its whole-image effects measured there.
     */
    private static Concept confine(Concept concept, Region region) {
        Zone zone = Zone.in(region);
        return new Concept(
                concept.id(),
                concept.title(),
                concept.description() + ", on " + region.phrase() + " only",
                concept.phrasings(),
                concept.patterns(),
                source -> concept.plan(source).stream()
                        .map(a -> confine(a, region))
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                source -> concept.effects(source).stream()
                        .map(e -> e.zone().whole()
                                ? new Effect(
                                        e.metric(), zone, e.color(), e.near(), e.ideal(), e.far(), e.weight(), e.knob())
                                : e)
                        .toList(),
                concept.crushesShadows());
    }

    /** Whether a concept asked crushes its shadows by design (a film noir's blacks): crushed shadows are its look. */
    public boolean crushesShadows() {
        return concepts.stream().anyMatch(Concept::crushesShadows);
    }

    static ParsedInstruction parse(Function<String, ParsedInstruction> parser, String text) {
        try {
            ParsedInstruction parsed = parser.apply(text);
            return parsed == null ? new ParsedInstruction(List.of(), List.of(text)) : parsed;
        } catch (RuntimeException e) {
            return new ParsedInstruction(List.of(), List.of(text));
        }
    }

    private static boolean filler(String fragment) {
        for (String word : fragment.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The request as read: misspelt words corrected ({@link Spelling}). */
    public String text() {
        return text;
    }

    /** The misspelt words read as others, in order; empty when the request was read as written. */
    public List<Spelling.Fix> corrections() {
        return corrections;
    }

    /** "read 'blak' as 'black'", or "" when nothing was corrected. */
    public String correctionNote() {
        if (corrections.isEmpty()) {
            return "";
        }
        return String.join(", ", corrections.stream().map(Spelling.Fix::note).toList());
    }

    /**
     * The words that named the thing an action of the request works on ("saucer" in "make the red saucer blue"), when
     * the request named one ({@link ParsedInstruction#things}).
     */
    public Optional<String> thing(Action action) {
        return Optional.ofNullable(things.get(action));
    }

    /** The concrete actions the parser understood, in order. */
    public List<Action> concrete() {
        return concrete;
    }

    /** Whether the request states amounts (has a number). */
    public boolean explicit() {
        return explicit;
    }

    /** The abstract concepts found in what the parser did not understand. */
    public List<Concept> concepts() {
        return concepts;
    }

    /**
     * The qualities a keep-clause names ("keep the brightness where it is", "don't touch the colours"): they must stay
     * as they were even where an asked action would move them as a side effect.
     */
    public Set<Metric> kept() {
        return kept;
    }

    /** The parts nothing can do. */
    public List<Blocked> blocked() {
        return blocked;
    }

    /** Whether a part of the request needs an object generated or recognised, which no action can do. */
    public boolean objectLevel() {
        return blocked.stream().anyMatch(Blocked::impossible);
    }

    /** Whether anything of the request can be done. */
    public boolean doable() {
        return !concrete.isEmpty() || !concepts.isEmpty();
    }

    /** The share of the request's parts that can be done, 0–1 (1 when nothing is blocked). */
    public double doableShare() {
        int doable = concrete.size() + concepts.size();
        int total = doable + blocked.size();
        return total == 0 ? 0 : (double) doable / total;
    }

    /** The geometric actions of the request, in order. */
    public List<Action> geometry() {
        return concrete.stream().filter(ActionEffects::geometric).toList();
    }

    /**
     * The plan in the editor's vocabulary: the concrete actions, then each concept's plan minus duplicates and minus
     * the steps that would do nothing useful on this source ({@link #moot}).
     */
    public List<Action> plan(Analysis source) {
        List<Action> plan = new ArrayList<>(concrete);
        for (Concept concept : concepts) {
            for (Action action : conceptPlanKeeping(concept, source)) {
                boolean duplicate = plan.stream()
                        .anyMatch(
                                p -> p.equals(action) || (Knob.of(action).isPresent() && Knob.sameControl(p, action)));
                if (!duplicate) {
                    plan.add(action);
                }
            }
        }
        return plan;
    }

    /** A concept's plan for a source, without its {@link #moot} steps. */
    static List<Action> conceptPlan(Concept concept, Analysis source) {
        return concept.plan(source).stream()
                .filter(a -> moot(a, source).isEmpty())
                .toList();
    }

    /** A concept's plan for this request: without the steps that would move a quality the request keeps. */
    private List<Action> conceptPlanKeeping(Concept concept, Analysis source) {
        return conceptPlan(concept, source).stream()
                .filter(a -> Knob.of(a)
                        .map(k -> k.metric() == null || !kept.contains(k.metric()))
                        .orElse(true))
                .toList();
    }

    /**
     * Why a step of a concept's plan would do nothing useful on this source, if so: every effect it is for is
     * already there (desaturating a grey photo: it would only take back the color other steps add) or cannot happen
     * (saturating a grey photo). Steps with no measurable effect of their own are never moot.
     */
    static Optional<String> moot(Action action, Analysis source) {
        if (Knob.of(action).isEmpty()) {
            return Optional.empty();
        }
        List<Effect> effects = ActionEffects.of(action, false);
        if (effects.isEmpty()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        for (Effect effect : effects) {
            SourceFit fit = SourceFit.of(effect, source);
            if (fit.kind() == SourceFit.Kind.APPLIES) {
                return Optional.empty();
            }
            reasons.add(fit.reason());
        }
        return Optional.of(String.join("; ", reasons));
    }

    /**
     * One effect of action {@code i} as the actions around it leave it to be read; null when it cannot be read. Tone
     * levels (a cartoon's flat colours) under a later vignette, blur, tilt-shift or grain are not read: the gradation
     * or the texture makes new levels of the flat colours. An effect on a metric an earlier look also moves
     * (sharpening after a cartoon's outlines or a sketch's lines) is read as at least what was asked, without its
     * upper bound. Black and white toned sepia after it ("go black and white, then add a sepia tone"): the sepia
     * gives the grey its brown, so the grey is not read on its own; sepia on a grey base reads as full toning at any
     * strength (the toning is the only colour there is), so the toning must read full: that holds only when no colour
     * of the source is left, which is what the grey step was for.
     */
    private static Effect toned(List<Action> actions, int i, Effect effect) {
        if (effect.metric() == Metric.LEVELS) {
            for (int j = i + 1; j < actions.size(); j++) {
                if (GRADED.contains(operationId(actions.get(j)))) {
                    return null; // "cartoon it and add a vignette": the vignette grades the flat colours
                }
            }
        }
        for (int j = 0; j < i; j++) {
            if (actions.get(j) instanceof Action.Stylize look
                    && LOOKS.contains(look.style())
                    && ActionEffects.touched(look).contains(effect.metric())) {
                // "a cartoon, then sharpen it": the cartoon's outlines already sharpen, so the sharpening is read as
                // at least what was asked, with no upper bound of its own
                return new Effect(
                        effect.metric(),
                        effect.zone(),
                        effect.color(),
                        effect.near(),
                        effect.ideal(),
                        effect.far() + 100 * (effect.far() - effect.near()),
                        effect.weight(),
                        effect.knob());
            }
        }
        if (!(actions.get(i) instanceof Action.ColorFilter filter)) {
            return effect;
        }
        if (filter.filter() == Action.Filter.GRAYSCALE && effect.metric() == Metric.DESATURATION) {
            for (int j = i + 1; j < actions.size(); j++) {
                if (actions.get(j) instanceof Action.ColorFilter later
                        && later.filter() == Action.Filter.SEPIA
                        && later.region() == filter.region()) {
                    return null;
                }
            }
        }
        if (filter.filter() == Action.Filter.SEPIA && effect.metric() == Metric.SEPIA && effect.upward()) {
            for (int j = 0; j < i; j++) {
                if (actions.get(j) instanceof Action.ColorFilter earlier
                        && earlier.filter() == Action.Filter.GRAYSCALE
                        && earlier.region() == filter.region()) {
                    return new Effect(
                            effect.metric(),
                            effect.zone(),
                            effect.color(),
                            0.85,
                            1,
                            1.2,
                            effect.weight(),
                            effect.knob());
                }
            }
        }
        return effect;
    }

    /** Styles that redraw the whole picture (outlines, washes, dots), moving sharpness and tone with them. */
    private static final Set<Action.Style> LOOKS = EnumSet.of(
            Action.Style.PENCIL_SKETCH,
            Action.Style.WATERCOLOR,
            Action.Style.CARTOON,
            Action.Style.PIXEL_ART,
            Action.Style.HALFTONE,
            Action.Style.HDR);

    /**
     * Operations that lay a gradation or a texture over what came before (a flat colour becomes many tone levels):
     * a vignette, a blur, a tilt-shift, grain.
     */
    private static final Set<String> GRADED = Set.of("vignette", "blur", "tilt-shift", "grain");

    private static String operationId(Action action) {
        return dev.editloop.embedded.op.Operations.of(action)
                .map(dev.editloop.embedded.op.Operation::id)
                .orElse("");
    }

    /** The expected effects: each concrete action's, then the concepts' (where no concrete effect covers them). */
    public List<Effect> effects(Analysis source) {
        List<Effect> effects = new ArrayList<>();
        // a look the request also asks for by name ("a pencil sketch version, then sharpen it") moves what its plan
        // touches before the concrete steps are read
        List<Action> steps = new ArrayList<>();
        for (Concept concept : concepts) {
            steps.addAll(concept.plan(source));
        }
        int before = steps.size();
        steps.addAll(concrete);
        for (int i = 0; i < concrete.size(); i++) {
            for (Effect effect : ActionEffects.of(concrete.get(i), explicit)) {
                effects.add(toned(steps, before + i, effect));
            }
        }
        effects.removeIf(java.util.Objects::isNull);
        if (!geometry().isEmpty()) {
            effects.add(new Effect(Metric.GEOMETRY, Zone.WHOLE, null, 0.7, 0.99, 1.02, 1, null));
        }
        for (Concept concept : concepts) {
            for (Effect effect : concept.effects(source)) {
                if (kept.contains(effect.metric())) {
                    continue; // "dramatic, but keep the brightness": the concept's darkening is not asked
                }
                if (effect.metric() == Metric.DESATURATION && colours()) {
                    continue; // "pencil sketch, then sepia": the toning asked colours the grey the concept makes
                }
                boolean covered = effects.stream()
                        .anyMatch(e -> e.metric() == effect.metric()
                                && e.zone().equals(effect.zone())
                                && java.util.Objects.equals(e.color(), effect.color()));
                if (!covered) {
                    effects.add(effect);
                }
            }
        }
        return effects;
    }

    /** Whether a concrete action of the request colours the whole picture (a sepia toning or a tint). */
    private boolean colours() {
        return concrete.stream()
                .anyMatch(a -> (a instanceof Action.ColorFilter f
                                && f.filter() == Action.Filter.SEPIA
                                && f.region() == Region.WHOLE)
                        || (a instanceof Action.Tint t && t.region() == Region.WHOLE));
    }

    /** The metrics the plan moves on purpose or as a side effect. */
    public Set<Metric> touched(Analysis source) {
        Set<Metric> touched = EnumSet.noneOf(Metric.class);
        for (Action action : plan(source)) {
            touched.addAll(ActionEffects.touched(action));
        }
        for (Effect effect : effects(source)) {
            touched.add(effect.metric());
        }
        return touched;
    }

    /**
     * The one region every action of the plan is confined to, when there is one: everything outside it should stay
     * as it was.
     */
    public Optional<Region> confinedTo(Analysis source) {
        Set<Region> regions = new LinkedHashSet<>();
        for (Action action : plan(source)) {
            if (ActionEffects.geometric(action)) {
                return Optional.empty();
            }
            regions.add(ActionEffects.confinedTo(action));
        }
        if (regions.size() == 1) {
            Region only = regions.iterator().next();
            return only == Region.WHOLE ? Optional.empty() : Optional.of(only);
        }
        return Optional.empty();
    }

    /** A short account: "concrete: …; concepts: …; cannot: …". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!concrete.isEmpty()) {
            parts.add("understood by the editor: " + Action.instruction(concrete));
        }
        if (!concepts.isEmpty()) {
            parts.add("abstract: "
                    + String.join(", ", concepts.stream().map(Concept::title).toList()));
        }
        for (Blocked b : blocked) {
            parts.add((b.impossible() ? "impossible: \"" : "unknown: \"") + b.fragment() + "\"");
        }
        return String.join("; ", parts);
    }
}
