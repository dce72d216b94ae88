package dev.editloop.embedded.heuristic;

import static dev.editloop.embedded.heuristic.Knob.BLUR;
import static dev.editloop.embedded.heuristic.Knob.BRIGHTNESS;
import static dev.editloop.embedded.heuristic.Knob.CONTRAST;
import static dev.editloop.embedded.heuristic.Knob.GRAIN;
import static dev.editloop.embedded.heuristic.Knob.GRAYSCALE;
import static dev.editloop.embedded.heuristic.Knob.PIXEL_ART;
import static dev.editloop.embedded.heuristic.Knob.POSTERIZE;
import static dev.editloop.embedded.heuristic.Knob.SATURATION;
import static dev.editloop.embedded.heuristic.Knob.SEPIA;
import static dev.editloop.embedded.heuristic.Knob.TILT_SHIFT;
import static dev.editloop.embedded.heuristic.Knob.TINT;
import static dev.editloop.embedded.heuristic.Knob.VIGNETTE;
import static dev.editloop.embedded.heuristic.Knob.WARMTH;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.measure.Measurements;
import dev.editloop.embedded.measure.Zone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the heuristic thinker knows: abstract requests ({@link Concept}s) with their plans in the classic editor's
 * vocabulary and their expected measurable effects, and the kinds of request no action of that vocabulary can carry
 * out (adding, replacing or reshaping objects, changing a subject's expression). Immutable and thread-safe.
 */
public final class KnowledgeBase {
    private static final KnowledgeBase STANDARD = new KnowledgeBase(standardConcepts());

    private final List<Concept> concepts;

    /** A knowledge base of the given concepts, in priority order. */
    public KnowledgeBase(List<Concept> concepts) {
        this.concepts = List.copyOf(concepts);
        long distinct = this.concepts.stream().map(Concept::id).distinct().count();
        if (distinct != this.concepts.size()) {
            throw new IllegalArgumentException("concept ids must be unique");
        }
    }

    /** The built-in knowledge base. */
    public static KnowledgeBase standard() {
        return STANDARD;
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
        return new KnowledgeBase(changed);
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
            if (span != null) {
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
     * Concepts that take in others when both are asked: a film noir is already an old black-and-white film (its era
     * word "1940s" must not add a sepia photograph), a halftone pop-art print is a comic, not a newspaper.
     */
    private static final java.util.Map<String, List<String>> SUBSUMES =
            java.util.Map.of("film-noir", List.of("old-photograph"), "comic-pop-art", List.of("newspaper"));

    /** The concepts without those another of them takes in ({@link #SUBSUMES}). */
    static List<Concept> withoutSubsumed(List<Concept> found) {
        List<Concept> kept = new ArrayList<>(found);
        for (Concept c : found) {
            for (String id : SUBSUMES.getOrDefault(c.id(), List.of())) {
                kept.removeIf(k -> k.id().equals(id));
            }
        }
        return kept;
    }

    /** Why no action of the classic editor can do what this text asks, if that is so. */
    public Optional<String> impossibility(String text) {
        for (Impossible rule : IMPOSSIBLE) {
            Matcher m = rule.pattern.matcher(text);
            if (m.find()) {
                String object = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
                if (find(object).isEmpty()) {
                    return Optional.of(rule.reason.replace("{0}", object.trim()));
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ impossible requests

    private record Impossible(Pattern pattern, String reason) {}

    private static final String SUBJECT =
            "(?:person|man|woman|girl|boy|child|kid|baby|people|guy|lady|he|she|they|him|her|them|cat|dog|animal|bird"
                    + "|horse|subject|model|face)";
    private static final String NOT_AN_EFFECT = "(?!(?:vignette|border|frame|film grain|grain|glow|tint|text|caption"
            + "|blur|filter|effect|look|feel|feeling|vibe|mood|touch|tone|style|atmosphere)\\b)";

    private static final List<Impossible> IMPOSSIBLE = List.of(
            new Impossible(
                    rx("\\b(?:replace|swap|substitute|exchange)\\b\\s+(?:the\\s+|a\\s+|an\\s+|this\\s+|that\\s+)?"
                            + "(.+?)(?:\\s+(?:with|for|by)\\s+.+)?$"),
                    "replacing one object with another ({0}) needs a generative editor; the classic editor can only"
                            + " recolor, remove by color or place, and adjust tone and style"),
            new Impossible(
                    rx("\\b(?:add|insert|put|place|draw|include)\\s+(?:a|an|some|two|three|four|several|more"
                            + "|\\d+)\\s+" + NOT_AN_EFFECT + "([a-z][a-z -]*)"),
                    "adding a new object ({0}) needs a generative editor; the classic editor can add only text, a"
                            + " border, a vignette and film grain"),
            new Impossible(
                    rx("\\b(?:make|let|have|get)\\s+(?:the\\s+|this\\s+|that\\s+|my\\s+|our\\s+)?(" + SUBJECT
                            + "\\s+(?:\\w+\\s+)?(?:smile|smiling|laugh|laughing|frown|cry|wink|jump|run|dance|sit"
                            + "|stand|wave|look|blink|sing|sleep|wear|hold|older|younger|taller|shorter|thinner"
                            + "|fatter|bald|happy|happier|sad|sadder|angry))"),
                    "changing what a subject does or looks like ({0}) needs a generative editor; the classic editor"
                            + " cannot edit expressions, poses or bodies"),
            new Impossible(
                    rx("\\b(" + SUBJECT + "\\s+(?:is\\s+|to\\s+)?(?:smile|smiling|laugh|laughing|wink|winking"
                            + "|wearing|holding))\\b"),
                    "changing what a subject does or wears ({0}) needs a generative editor"),
            new Impossible(
                    rx("\\bturn\\s+(?:the|this|that|his|her|their|my|a|an)\\s+(?!(?:image|photo|picture|photograph"
                            + "|scene|colou?rs?|background|sky|whole|entire)\\b)([a-z]+(?:\\s+[a-z]+)?)\\s+into\\b"),
                    "turning one thing into another ({0}) needs a generative editor"),
            new Impossible(
                    rx("\\b(?:remove|erase|delete|get rid of)\\s+(?:the\\s+|a\\s+|an\\s+|this\\s+|that\\s+|all\\s+"
                            + "(?:the\\s+)?)?(?!object\\b|background\\b)([a-z]+(?:\\s+[a-z]+)?)"),
                    "the classic editor removes objects only by color (\"remove the red object\") or by place"
                            + " (\"remove the object in the top left corner\"); it cannot find \"{0}\""),
            new Impossible(
                    rx("\\b(?:move|relocate|shift)\\s+(?:the|this|that)\\s+(?!hue\\b|colou?rs?\\b)([a-z]+)"),
                    "moving an object ({0}) needs a generative editor"),
            new Impossible(
                    rx("\\b((?:change|give|make)\\s+(?:the\\s+|his\\s+|her\\s+|their\\s+)?(?:" + SUBJECT
                            + "'?s?\\s+)?(?:hair|hairstyle|beard|mustache|moustache|makeup|expression|pose|outfit"
                            + "|clothes|shirt|dress|eyes|age|gender))\\b"),
                    "changing a subject's appearance ({0}) needs a generative editor"));

    // ------------------------------------------------------------------ the built-in concepts

    private static Pattern rx(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static List<Pattern> patterns(String... regexes) {
        return Arrays.stream(regexes).map(KnowledgeBase::rx).toList();
    }

    private static Action adjust(Tone tone, double amount) {
        return new Action.Adjust(tone, amount, Region.WHOLE);
    }

    private static Action filter(Filter filter, double strength) {
        return new Action.ColorFilter(filter, strength, Region.WHOLE);
    }

    private static Action style(Style style, double strength) {
        return new Action.Stylize(style, strength, Region.WHOLE);
    }

    private static Action tint(String color, double strength) {
        return new Action.Tint(NamedColor.of(color), strength, Region.WHOLE);
    }

    private static Effect e(Metric metric, double near, double ideal, double far, double weight, Knob knob) {
        return Effect.of(metric, near, ideal, far, weight, knob);
    }

    private static Effect tintEffect(String color, double near, double ideal, double far, double weight) {
        return new Effect(Metric.TINT, Zone.WHOLE, NamedColor.of(color), near, ideal, far, weight, TINT);
    }

    private static Effect colorLoss(String color, double weight) {
        return new Effect(Metric.COLOR_LOSS, Zone.WHOLE, NamedColor.of(color), 0.4, 0.85, 1.02, weight, null);
    }

    private static Concept concept(
            String id,
            String title,
            String description,
            List<String> phrasings,
            List<Pattern> patterns,
            List<Action> plan,
            List<Effect> effects) {
        return new Concept(id, title, description, phrasings, patterns, source -> plan, source -> effects);
    }

    /** Whether the source holds enough of a color for a recolor to matter. */
    private static boolean holds(Analysis source, String color) {
        return Measurements.colorFraction(source, Zone.WHOLE, NamedColor.of(color)) >= 0.02;
    }

    /** The pixel-art block size that reads as "8-bit" on this image: about 64 blocks across the shorter side. */
    static int retroBlock(Analysis source) {
        return Math.max(4, Math.min(32, (int) Math.round(Math.min(source.width(), source.height()) / 64.0)));
    }

    private static List<Concept> standardConcepts() {
        List<Concept> list = new ArrayList<>();
        list.add(concept(
                "old-photograph",
                "an old photograph",
                "the same scene as an aged photograph: brownish sepia tones, softer contrast, darkened corners and"
                        + " visible film grain",
                List.of(
                        "make this look like an old photograph",
                        "give it a vintage look",
                        "make it look antique",
                        "make it look like a photo from the 1920s",
                        "make the picture look aged"),
                patterns(
                        "\\bold(?:[- ]fashioned)?\\s+(?:photo(?:graph)?|picture|image|film|print|snapshot|postcard)s?\\b",
                        // adjectives split by a comma: "a dusty, old postcard look"
                        "\\b(?:dusty|worn|faded|yellowed),?\\s+old\\b",
                        "\\bvintage\\b",
                        "\\bantique\\b",
                        "\\baged\\b",
                        "\\b1[89][0-5]0s\\b",
                        "\\bold[- ]timey\\b",
                        "\\bdaguerreotype\\b",
                        "\\bfrom the (?:19th|nineteenth) century\\b"),
                List.of(
                        filter(Filter.SEPIA, 85),
                        adjust(Tone.CONTRAST, -25),
                        style(Style.VIGNETTE, 40),
                        style(Style.FILM_GRAIN, 25)),
                List.of(
                        e(Metric.SEPIA, 0.5, 0.8, 1.15, 1, SEPIA),
                        e(Metric.CONTRAST, -0.03, -0.18, -0.45, 0.5, CONTRAST),
                        e(Metric.VIGNETTE, 0.1, 0.28, 0.5, 0.5, VIGNETTE),
                        e(Metric.GRAIN, 0.08, 0.25, 0.5, 0.5, GRAIN))));
        list.add(new Concept(
                "autumn",
                "autumn",
                "the same scene in autumn: green foliage turned orange, warm golden tones, rich colors",
                List.of(
                        "make it look like autumn",
                        "give it fall colors",
                        "make it autumnal",
                        "turn the season to fall",
                        "make it look like October"),
                patterns(
                        "\\bautumn(?:al)?\\b",
                        "\\bfall\\s+(?:colou?rs?|foliage|season|leaves|vibes?|look|feel(?:ing)?|palette)\\b",
                        "\\b(?:to|in|into|during)\\s+(?:the\\s+)?fall\\b",
                        "\\bfoliage\\b",
                        "\\boctober\\b"),
                source -> {
                    List<Action> plan = new ArrayList<>();
                    if (holds(source, "green")) {
                        plan.add(new Action.Recolor(NamedColor.of("green"), NamedColor.of("orange")));
                    }
                    plan.add(adjust(Tone.WARMTH, 30));
                    plan.add(adjust(Tone.SATURATION, 20));
                    return plan;
                },
                source -> {
                    List<Effect> effects = new ArrayList<>();
                    effects.add(e(Metric.WARMTH, 0.12, 0.35, 1.2, 1, WARMTH));
                    effects.add(e(Metric.SATURATION, 0.04, 0.2, 0.7, 0.5, SATURATION));
                    if (holds(source, "green")) {
                        effects.add(colorLoss("green", 1));
                    }
                    return effects;
                }));
        list.add(concept(
                "winter",
                "a cold winter scene",
                "the same scene on a cold winter day: cool bluish light, muted colors, bright and crisp",
                List.of(
                        "make it feel like a cold winter morning",
                        "make it look snowy",
                        "give it a frosty look",
                        "make it wintry",
                        "make it feel icy and frozen"),
                patterns(
                        "\\bwint(?:er|ry|ery)\\b",
                        "\\bsnow(?:y|ing|fall)?\\b",
                        "\\bic(?:y|e[- ]cold)\\b",
                        "\\bfrost(?:y|ed)?\\b",
                        "\\bfrozen\\b",
                        "\\bcold\\b",
                        "\\bchilly\\b",
                        "\\bfreezing\\b",
                        "\\bblizzard\\b",
                        "\\bdecember\\b"),
                List.of(adjust(Tone.WARMTH, -35), adjust(Tone.SATURATION, -30), adjust(Tone.BRIGHTNESS, 15)),
                List.of(
                        e(Metric.WARMTH, -0.15, -0.35, -0.85, 1, WARMTH),
                        e(Metric.SATURATION, -0.1, -0.35, -0.7, 0.5, SATURATION),
                        e(Metric.BRIGHTNESS, 0.04, 0.15, 0.4, 0.5, BRIGHTNESS))));
        list.add(concept(
                "night",
                "night",
                "the same scene at night: much darker, cool moonlit blue tones, muted colors, dark corners",
                List.of(
                        "make it look like night",
                        "turn day into night",
                        "make it a moonlit scene",
                        "make it look like it was taken at midnight",
                        "a nighttime version"),
                patterns(
                        "\\bnight(?:[- ]?time|fall)?\\b",
                        "\\bmoon(?:lit|light|lite)\\b",
                        "\\bmidnight\\b",
                        "\\bafter dark\\b",
                        "\\btwilight\\b",
                        "\\bdusk\\b"),
                List.of(
                        adjust(Tone.BRIGHTNESS, -55),
                        adjust(Tone.WARMTH, -40),
                        adjust(Tone.SATURATION, -35),
                        style(Style.VIGNETTE, 30)),
                List.of(
                        e(Metric.BRIGHTNESS, -0.3, -0.55, -0.85, 1, BRIGHTNESS),
                        e(Metric.WARMTH, -0.12, -0.4, -1.2, 0.5, WARMTH),
                        e(Metric.SATURATION, -0.15, -0.55, -0.9, 0.5, SATURATION),
                        e(Metric.VIGNETTE, 0.05, 0.2, 0.55, 0.25, VIGNETTE))));
        list.add(concept(
                "golden-hour",
                "golden hour",
                "the same scene in low evening sun: warm golden-orange light, glowing rich colors",
                List.of(
                        "make it look like golden hour",
                        "give it sunset light",
                        "make it look like it was shot at sunrise",
                        "bathe it in warm evening light",
                        "a magic hour look"),
                patterns(
                        "\\bgolden[- ]hour\\b",
                        "\\bsun(?:set|rise|down)\\b",
                        "\\bdawn\\b",
                        "\\bmagic hour\\b",
                        "\\bwarm\\s+(?:evening|afternoon|sun|golden)\\s*(?:light|sun|glow)?\\b",
                        "\\blate afternoon\\b",
                        "\\bgolden light\\b"),
                // low sun: warmer and a little darker; no saturation target (warming a blue sky lowers it)
                List.of(adjust(Tone.WARMTH, 40), tint("orange", 15), adjust(Tone.BRIGHTNESS, -8)),
                List.of(
                        e(Metric.WARMTH, 0.25, 0.55, 1.3, 1, WARMTH),
                        tintEffect("orange", 0.06, 0.2, 0.6, 0.5),
                        e(Metric.BRIGHTNESS, -0.01, -0.06, -0.3, 0.25, BRIGHTNESS))));
        list.add(concept(
                "dramatic",
                "dramatic and moody",
                "the same scene with a dramatic mood: strong contrast, deep shadows, darker edges, slightly muted"
                        + " colors",
                List.of(
                        "make it more dramatic",
                        "give it a moody look",
                        "make it feel intense",
                        "make the mood darker and brooding",
                        "make it epic"),
                patterns(
                        "\\bdramatic(?:ally)?\\b",
                        "\\bdrama\\b",
                        "\\bmoody\\b",
                        "\\bintense\\b",
                        "\\bbrooding\\b",
                        "\\bepic\\b",
                        "\\bstormy\\b"),
                List.of(
                        adjust(Tone.SATURATION, -15),
                        adjust(Tone.BRIGHTNESS, -10),
                        adjust(Tone.CONTRAST, 45),
                        style(Style.VIGNETTE, 35)),
                List.of(
                        e(Metric.CONTRAST, 0.12, 0.3, 0.8, 1, CONTRAST),
                        e(Metric.VIGNETTE, 0.08, 0.25, 0.6, 0.5, VIGNETTE),
                        e(Metric.BRIGHTNESS, -0.02, -0.12, -0.45, 0.25, BRIGHTNESS))));
        list.add(concept(
                "dreamy",
                "dreamy and ethereal",
                "the same scene as a soft dream: gentle blur, lifted bright tones, low contrast, pastel colors",
                List.of(
                        "make it dreamy",
                        "give it an ethereal glow",
                        "make it look soft and dreamlike",
                        "a fairy tale look",
                        "make it soft focus"),
                patterns(
                        "\\bdream(?:y|like|ier)?\\b",
                        "\\bethereal\\b",
                        "\\bsoft[- ]focus\\b",
                        "\\bsoft and dream",
                        "\\bfairy[- ]?tale\\b",
                        "\\bheavenly\\b",
                        "\\bangelic\\b",
                        "\\bglow(?:ing|y)?\\b"),
                List.of(
                        style(Style.BLUR, 12),
                        adjust(Tone.BRIGHTNESS, 15),
                        adjust(Tone.CONTRAST, -20),
                        adjust(Tone.SATURATION, -10)),
                List.of(
                        e(Metric.CONTRAST, -0.12, -0.32, -0.65, 1, CONTRAST),
                        e(Metric.BRIGHTNESS, 0.05, 0.15, 0.45, 0.5, BRIGHTNESS),
                        e(Metric.BLUR, 0.04, 0.12, 0.4, 0.5, BLUR))));
        list.add(concept(
                "soft",
                "softer",
                "the same scene with a gentler look: lower contrast and slightly lifted tones, still sharp",
                List.of("make it softer", "soften the look", "give it a softer feel", "make the light softer"),
                patterns("\\bsoft(?:er|en|ened)?\\b", "\\bgentler\\b"),
                List.of(adjust(Tone.CONTRAST, -20), adjust(Tone.BRIGHTNESS, 5)),
                List.of(
                        e(Metric.CONTRAST, -0.08, -0.2, -0.5, 1, CONTRAST),
                        e(Metric.BRIGHTNESS, 0.015, 0.05, 0.2, 0.25, BRIGHTNESS))));
        list.add(concept(
                "film-noir",
                "film noir",
                "the same scene as a film noir still: black and white, hard contrast, deep shadows, dark corners",
                List.of(
                        "make it film noir",
                        "give it a noir look",
                        "make it look like a 1940s detective movie",
                        "hard-boiled crime film style"),
                patterns(
                        "\\bfilm[- ]noir\\b",
                        "\\bnoir\\b",
                        "\\b(?:19)?40s (?:detective|crime|gangster)\\b",
                        "\\bhard[- ]boiled\\b",
                        "\\bcrime (?:film|movie|drama|thriller)s?\\b"),
                List.of(
                        filter(Filter.GRAYSCALE, 100),
                        adjust(Tone.BRIGHTNESS, -10),
                        adjust(Tone.CONTRAST, 45),
                        style(Style.VIGNETTE, 40)),
                List.of(
                        e(Metric.DESATURATION, 0.85, 1.0, 1.02, 1, GRAYSCALE),
                        e(Metric.CONTRAST, 0.2, 0.45, 1.0, 1, CONTRAST),
                        e(Metric.VIGNETTE, 0.1, 0.3, 0.65, 0.5, VIGNETTE))));
        list.add(concept(
                "sunny-day",
                "a sunny summer day",
                "the same scene on a bright sunny summer day: brighter, vivid saturated colors, warm light",
                List.of(
                        "make it look like a sunny day",
                        "give it a summer vibe",
                        "make it feel like a bright summer day",
                        "a sun-drenched look",
                        "add some sunshine"),
                patterns(
                        "\\bsunny\\b",
                        "\\bsummer(?:y|time)?\\b",
                        "\\bsunshine\\b",
                        "\\bsun[- ]?(?:drenched|kissed|lit)\\b",
                        "\\bbright (?:and )?(?:clear )?day\\b"),
                List.of(
                        adjust(Tone.BRIGHTNESS, 15),
                        adjust(Tone.SATURATION, 40),
                        adjust(Tone.WARMTH, 15),
                        adjust(Tone.CONTRAST, 10)),
                List.of(
                        e(Metric.BRIGHTNESS, 0.05, 0.15, 0.45, 1, BRIGHTNESS),
                        e(Metric.SATURATION, 0.08, 0.25, 0.8, 1, SATURATION),
                        e(Metric.WARMTH, 0.04, 0.15, 0.55, 0.5, WARMTH))));
        list.add(concept(
                "comic-pop-art",
                "a comic book or pop art print",
                "the same scene as a comic or pop art print: flat areas of few bold, saturated colors",
                List.of(
                        "make it look like a comic book",
                        "turn it into pop art",
                        "Andy Warhol style",
                        "give it a graphic novel look"),
                patterns(
                        "\\bcomic(?:[- ]book|s)?\\b",
                        "\\bpop[- ]art\\b",
                        "\\b(?:andy )?warhol\\b",
                        "\\blichtenstein\\b",
                        "\\bgraphic novel\\b"),
                // the cartoon already flattens colors into a few levels; posterizing on top drains muted pictures
                List.of(style(Style.CARTOON, 100), adjust(Tone.SATURATION, 50)),
                List.of(
                        e(Metric.SATURATION, 0.05, 0.35, 1.8, 1, SATURATION),
                        e(Metric.LEVELS, 12, 6, 2.5, 1, POSTERIZE))));
        list.add(concept(
                "retro-80s",
                "retro 80s synthwave",
                "the same scene in a retro 1980s synthwave palette: magenta and purple cast, punchy contrast",
                List.of(
                        "give it a retro 80s look",
                        "make it synthwave",
                        "a vaporwave aesthetic",
                        "make it look like the eighties",
                        "outrun style"),
                patterns(
                        "\\b(?:19)?80s\\b",
                        "\\beighties\\b",
                        "\\bsynth-?wave\\b",
                        "\\bvapou?r-?wave\\b",
                        "\\boutrun\\b",
                        "\\bretro-?wave\\b"),
                List.of(tint("magenta", 30), adjust(Tone.SATURATION, 30), adjust(Tone.CONTRAST, 40)),
                List.of(tintEffect("magenta", 0.12, 0.3, 0.8, 1), e(Metric.CONTRAST, 0.05, 0.2, 0.65, 0.5, CONTRAST))));
        list.add(concept(
                "cyberpunk",
                "cyberpunk neon",
                "the same scene as a cyberpunk city at night: dark, high contrast, saturated purple neon cast",
                List.of(
                        "make it cyberpunk",
                        "give it neon lights",
                        "Blade Runner style",
                        "make it futuristic and neon"),
                patterns(
                        "\\bcyber-?punk\\b",
                        "\\bneon(?:[- ](?:soaked|lit|drenched|glow(?:ing)?|lights?))?\\b",
                        "\\bblade ?runner\\b",
                        "\\bfuturistic\\b",
                        "\\bsci-?fi\\b"),
                List.of(
                        adjust(Tone.BRIGHTNESS, -15),
                        tint("purple", 30),
                        adjust(Tone.SATURATION, 50),
                        adjust(Tone.CONTRAST, 50)),
                List.of(
                        tintEffect("purple", 0.12, 0.3, 0.8, 1),
                        e(Metric.BRIGHTNESS, -0.05, -0.22, -0.6, 0.5, BRIGHTNESS),
                        e(Metric.CONTRAST, 0.03, 0.15, 0.8, 0.5, CONTRAST))));
        list.add(concept(
                "underwater",
                "underwater",
                "the same scene as if under water: strong blue-green cast, cool, hazy low contrast, softened",
                List.of(
                        "make it look underwater",
                        "as if it were under the sea",
                        "make it look submerged",
                        "a deep sea look"),
                patterns(
                        "\\bunder[- ]?water\\b",
                        "\\bunder the (?:sea|ocean|water)\\b",
                        "\\bsubmerged\\b",
                        "\\bdeep[- ]sea\\b",
                        "\\bocean floor\\b",
                        "\\baquatic\\b"),
                List.of(adjust(Tone.WARMTH, -35), tint("teal", 35), adjust(Tone.CONTRAST, -20), style(Style.BLUR, 10)),
                List.of(
                        tintEffect("teal", 0.15, 0.35, 0.85, 1),
                        e(Metric.WARMTH, -0.2, -0.55, -1.5, 0.5, WARMTH),
                        e(Metric.CONTRAST, -0.08, -0.3, -0.7, 0.5, CONTRAST))));
        list.add(concept(
                "spooky",
                "spooky horror",
                "the same scene as a horror film still: dark, drained sickly colors, a green cast, black corners",
                List.of(
                        "make it spooky",
                        "give it a horror movie look",
                        "make it creepy",
                        "make it look haunted",
                        "an eerie Halloween mood"),
                patterns(
                        "\\bspooky\\b",
                        "\\bhorror\\b",
                        "\\bcreepy\\b",
                        "\\bhaunted\\b",
                        "\\beerie\\b",
                        "\\bsinister\\b",
                        "\\bhalloween\\b",
                        "\\bscary\\b",
                        "\\bghostly\\b"),
                List.of(
                        adjust(Tone.BRIGHTNESS, -35),
                        adjust(Tone.SATURATION, -50),
                        tint("green", 15),
                        adjust(Tone.CONTRAST, 20),
                        style(Style.VIGNETTE, 50)),
                List.of(
                        e(Metric.BRIGHTNESS, -0.15, -0.4, -0.8, 1, BRIGHTNESS),
                        e(Metric.SATURATION, -0.2, -0.55, -0.95, 0.5, SATURATION),
                        e(Metric.VIGNETTE, 0.12, 0.35, 0.75, 0.5, VIGNETTE),
                        tintEffect("green", 0.04, 0.15, 0.5, 0.25))));
        list.add(concept(
                "foggy",
                "foggy and misty",
                "the same scene in fog: washed-out low contrast, lifted pale tones, muted colors, softened detail",
                List.of(
                        "make it foggy",
                        "add some mist",
                        "make it look hazy",
                        "a misty morning",
                        "as if covered in fog"),
                patterns(
                        "\\bfog(?:gy)?\\b",
                        "\\bmist(?:y)?\\b",
                        "\\bhaz(?:e|y)\\b",
                        "\\bsmog(?:gy)?\\b",
                        "\\bovercast\\b"),
                List.of(
                        adjust(Tone.CONTRAST, -45),
                        adjust(Tone.BRIGHTNESS, 25),
                        adjust(Tone.SATURATION, -30),
                        style(Style.BLUR, 8)),
                List.of(
                        e(Metric.CONTRAST, -0.25, -0.55, -0.85, 1, CONTRAST),
                        e(Metric.BRIGHTNESS, 0.08, 0.25, 0.6, 1, BRIGHTNESS),
                        e(Metric.SATURATION, -0.1, -0.45, -0.85, 0.5, SATURATION))));
        list.add(concept(
                "spring",
                "spring",
                "the same scene in fresh spring: bright, lively saturated colors with a fresh green touch",
                List.of(
                        "make it look like spring",
                        "give it a fresh look",
                        "springtime feel",
                        "make it fresh and blooming"),
                patterns(
                        "\\bspring(?:time|y)?\\b",
                        "\\bfresh(?:er)?\\b",
                        "\\bblossom(?:s|ing)?\\b",
                        "\\bbloom(?:s|ing)?\\b",
                        "\\bapril\\b"),
                List.of(adjust(Tone.BRIGHTNESS, 15), adjust(Tone.SATURATION, 50), tint("green", 10)),
                List.of(
                        e(Metric.SATURATION, 0.05, 0.2, 0.8, 1, SATURATION),
                        e(Metric.BRIGHTNESS, 0.03, 0.13, 0.4, 0.5, BRIGHTNESS),
                        tintEffect("green", 0.03, 0.1, 0.35, 0.5))));
        list.add(concept(
                "cinematic",
                "cinematic teal and orange",
                "the same scene as a movie still: teal and orange color grade, firm contrast, darkened edges",
                List.of(
                        "make it cinematic",
                        "a teal and orange color grade",
                        "make it look like a movie still",
                        "Hollywood blockbuster look"),
                patterns(
                        "\\bcinematic\\b",
                        "\\bteal (?:and|&) orange\\b",
                        "\\bmovie (?:look|still|scene|frame)\\b",
                        "\\bhollywood\\b",
                        "\\bblockbuster\\b",
                        "\\bfilm still\\b"),
                List.of(tint("teal", 25), adjust(Tone.CONTRAST, 35), style(Style.VIGNETTE, 25)),
                List.of(
                        tintEffect("teal", 0.08, 0.22, 0.65, 1),
                        e(Metric.CONTRAST, 0.05, 0.18, 0.6, 0.5, CONTRAST),
                        e(Metric.VIGNETTE, 0.05, 0.18, 0.5, 0.5, VIGNETTE))));
        list.add(concept(
                "faded",
                "faded and washed out",
                "the same scene as a faded print: low contrast, muted washed-out colors, lifted tones",
                List.of(
                        "make it look faded",
                        "give it a washed out look",
                        "a matte film look",
                        "make it look sun-bleached",
                        "muted and faded colors"),
                patterns(
                        "\\bfaded\\b",
                        "\\bfade\\b",
                        "\\bwashed[- ]out\\b",
                        "\\bmatte\\b",
                        "\\b(?:sun-?)?bleached\\b",
                        "\\bmuted\\b"),
                List.of(adjust(Tone.CONTRAST, -35), adjust(Tone.SATURATION, -40), adjust(Tone.BRIGHTNESS, 12)),
                List.of(
                        e(Metric.CONTRAST, -0.15, -0.42, -0.75, 1, CONTRAST),
                        e(Metric.SATURATION, -0.15, -0.47, -0.85, 1, SATURATION),
                        e(Metric.BRIGHTNESS, 0.03, 0.12, 0.4, 0.5, BRIGHTNESS))));
        list.add(new Concept(
                "8-bit",
                "an 8-bit video game",
                "the same scene as an 8-bit video game screen: big square pixels, few flat colors",
                List.of(
                        "make it look like an 8-bit video game",
                        "pixelate it like a retro game",
                        "make it look pixelated",
                        "old arcade game style"),
                patterns(
                        "\\b(?:8|16)[- ]?bit\\b",
                        "\\bvideo[- ]?games?\\b",
                        "\\bretro (?:video )?game\\b",
                        "\\bpixel(?:ated|ate|ize|ized|ly|[- ]art)\\b",
                        "\\barcade\\b",
                        "\\bgame ?boy\\b"),
                source -> List.of(
                        new Action.Stylize(Style.PIXEL_ART, retroBlock(source), Region.WHOLE),
                        new Action.Posterize(6, Region.WHOLE),
                        adjust(Tone.SATURATION, 30)),
                source -> {
                    int block = retroBlock(source);
                    return List.of(
                            e(Metric.BLOCK_SIZE, 0.6 * block, block, 25.0 * block, 1, PIXEL_ART),
                            e(Metric.LEVELS, 12, 6, 2.5, 1, POSTERIZE));
                }));
        list.add(concept(
                "oil-painting",
                "an oil painting",
                "the same scene as a painting: smoothed brushy areas instead of fine photographic detail, rich"
                        + " colors",
                List.of(
                        "make it look like an oil painting",
                        "impressionist style",
                        "make it painterly",
                        "in the style of Van Gogh",
                        "with visible brush strokes"),
                patterns(
                        "\\boil[- ]?paint(?:ing|ed)?\\b",
                        "\\bimpressionis(?:t|m|tic)\\b",
                        "\\bpainterly\\b",
                        "\\bvan gogh\\b",
                        "\\bmonet\\b",
                        "\\bacrylic\\b",
                        "\\bbrush ?strokes?\\b",
                        "(?<!watercolou?r[- ])\\bpainting\\b",
                        "\\bcanvas\\b"),
                List.of(style(Style.WATERCOLOR, 100), adjust(Tone.SATURATION, 25)),
                List.of(
                        e(Metric.SHARPNESS, -0.8, -2.5, -10, 1, Knob.WATERCOLOR),
                        e(Metric.SATURATION, 0.05, 0.2, 0.8, 0.5, SATURATION))));
        list.add(concept(
                "newspaper",
                "a newspaper print",
                "the same scene printed in a newspaper: black and white, hard contrast, coarse grainy tones in few"
                        + " levels",
                List.of(
                        "make it look like a newspaper print",
                        "a halftone newsprint look",
                        "as if printed in a newspaper",
                        "make it look photocopied"),
                patterns(
                        "\\bnews ?papers?\\b",
                        "\\bnewsprint\\b",
                        "\\bhalf-?tone\\b",
                        "\\bphotocop(?:y|ied)\\b",
                        "\\bxerox(?:ed)?\\b"),
                List.of(
                        filter(Filter.GRAYSCALE, 100),
                        adjust(Tone.CONTRAST, 30),
                        style(Style.FILM_GRAIN, 25),
                        new Action.Posterize(4, Region.WHOLE)),
                List.of(
                        e(Metric.DESATURATION, 0.85, 1.0, 1.02, 1, GRAYSCALE),
                        e(Metric.LEVELS, 8, 4, 2, 0.5, POSTERIZE),
                        e(Metric.CONTRAST, 0.05, 0.3, 1.2, 0.5, CONTRAST))));
        list.add(concept(
                "miniature",
                "a miniature toy model",
                "the same scene looking like a tiny toy model: a sharp middle band with blurred top and bottom, bright"
                        + " saturated colors",
                List.of(
                        "make it look like a miniature",
                        "make the scene look like a toy model",
                        "a diorama look",
                        "make it look like a tiny model village"),
                patterns(
                        "\\bminiature\\b",
                        "\\btoy (?:model|town|world|village|city|set)\\b",
                        "\\bmodel (?:village|railway|town|city)\\b",
                        "\\bdiorama\\b",
                        "\\btilt[- ]?shift\\b",
                        "\\btiny model\\b"),
                List.of(style(Style.TILT_SHIFT, 70), adjust(Tone.SATURATION, 15), adjust(Tone.CONTRAST, 10)),
                List.of(
                        e(Metric.DETAIL, -0.1, -0.4, -1.05, 0.5, TILT_SHIFT).in(Zone.in(Region.TOP_THIRD)),
                        e(Metric.DETAIL, -0.1, -0.4, -1.05, 0.5, TILT_SHIFT).in(Zone.in(Region.BOTTOM_THIRD)),
                        e(Metric.SATURATION, 0.1, 0.4, 1.4, 0.5, SATURATION))));
        list.add(concept(
                "polaroid",
                "a polaroid",
                "the same scene as an instant-camera print: soft low contrast, warm faded colors, lifted shadows,"
                        + " slightly dark corners",
                List.of(
                        "make it look like a polaroid",
                        "an instant camera photo look",
                        "make it look like an Instax print",
                        "a 1970s snapshot"),
                patterns(
                        "\\bpolaroids?\\b",
                        "\\binstant (?:photo|camera|film|print)\\b",
                        "\\binstax\\b",
                        "\\b(?:19)?70s\\b",
                        "\\bseventies\\b"),
                List.of(
                        adjust(Tone.WARMTH, 20),
                        adjust(Tone.CONTRAST, -20),
                        adjust(Tone.BRIGHTNESS, 10),
                        adjust(Tone.SATURATION, -15),
                        style(Style.VIGNETTE, 20)),
                List.of(
                        e(Metric.CONTRAST, -0.1, -0.28, -0.6, 1, CONTRAST),
                        e(Metric.WARMTH, 0.06, 0.2, 0.6, 0.5, WARMTH),
                        e(Metric.BRIGHTNESS, 0.03, 0.1, 0.35, 0.5, BRIGHTNESS),
                        e(Metric.VIGNETTE, 0.04, 0.15, 0.45, 0.25, VIGNETTE))));
        list.add(concept(
                "cozy",
                "warm and cozy",
                "the same scene feeling warm and cozy: golden warm light, soft glow, gently darkened edges",
                List.of(
                        "make it warm and cozy",
                        "give it a cosy feeling",
                        "make it feel inviting",
                        "a candlelit hygge mood"),
                patterns(
                        "\\bco[sz]y\\b",
                        "\\bhygge\\b",
                        "\\bfireside\\b",
                        "\\bcandle-?lit\\b",
                        "\\binviting\\b",
                        "\\bsnug\\b",
                        "\\bwarm and \\w+\\b"),
                List.of(
                        adjust(Tone.WARMTH, 35),
                        adjust(Tone.SATURATION, 10),
                        adjust(Tone.BRIGHTNESS, 5),
                        style(Style.VIGNETTE, 25)),
                List.of(
                        e(Metric.WARMTH, 0.15, 0.35, 0.85, 1, WARMTH),
                        e(Metric.VIGNETTE, 0.05, 0.18, 0.5, 0.5, VIGNETTE))));
        list.add(concept(
                "vivid",
                "vivid and vibrant",
                "the same scene with vivid, punchy colors and crisp contrast",
                List.of("make it more vivid", "make the colors pop", "make it vibrant", "punchy colors"),
                patterns("\\bvivid\\b", "\\bvibrant\\b", "\\bpunchy\\b", "\\bpop\\b", "\\bcolou?rful\\b"),
                List.of(adjust(Tone.SATURATION, 40), adjust(Tone.CONTRAST, 15)),
                List.of(
                        e(Metric.SATURATION, 0.15, 0.4, 1.0, 1, SATURATION),
                        e(Metric.CONTRAST, 0.04, 0.15, 0.5, 0.5, CONTRAST))));
        list.add(concept(
                "sketch",
                "a hand-drawn sketch",
                "the same scene as a pencil or charcoal drawing: grey strokes on white paper, no color",
                List.of(
                        "make it look like a charcoal drawing",
                        "make it look hand-drawn",
                        "sketch it",
                        "make it a drawing"),
                patterns(
                        "\\b(?:charcoal|pencil|graphite|ink)[\\s-]+(?:drawing|sketch|art)\\b",
                        "\\bgraphite\\b",
                        "\\bpencil\\b",
                        "\\bsketch(?:ed|y)?\\b",
                        "\\bdrawing\\b",
                        "\\bhand[- ]?drawn\\b",
                        "\\bcharcoal\\b"),
                List.of(style(Style.PENCIL_SKETCH, 100)),
                List.of(
                        e(Metric.DESATURATION, 0.7, 0.95, 1.02, 1, Knob.PENCIL_SKETCH),
                        e(Metric.BRIGHTNESS, 0.05, 0.3, 1.02, 0.5, null))));
        list.add(concept(
                "bright-airy",
                "bright and airy",
                "the same scene light and airy: much brighter, soft contrast, delicate colors",
                List.of("make it bright and airy", "give it a high-key look", "make it light and airy"),
                patterns("\\b(?:bright|light) and airy\\b", "\\bairy\\b", "\\bhigh[- ]key\\b"),
                List.of(adjust(Tone.BRIGHTNESS, 30), adjust(Tone.CONTRAST, -10), adjust(Tone.SATURATION, -10)),
                List.of(
                        e(Metric.BRIGHTNESS, 0.12, 0.3, 0.6, 1, BRIGHTNESS),
                        e(Metric.CONTRAST, -0.1, -0.35, -0.7, 0.5, CONTRAST))));
        return List.copyOf(list);
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
