package dev.editloop.phrases;

import dev.editloop.embedded.Vocabulary;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.heuristic.Intent;
import dev.editloop.embedded.heuristic.KnowledgeBase;
import dev.editloop.embedded.heuristic.LanguageCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the parts of a request the embedded backends do not understand to the nearest phrase they do, by sentence
 * embeddings.
 *
 * <p>The rules decide first, the embeddings only after: a request the classic parser reads in full is left as it is;
 * a request any part of which needs an object generated, found or moved (the heuristic thinker's {@link
 * Intent#objectLevel()}: "add a bicycle", "give the cat a collar") or that is not English is left as it is, so that
 * it stays declined; a clause that says what to keep ("but leave the face alone") is left as it is. Every other clause
 * the parser does not read and the thinker's knowledge does not name is <em>adjustable</em>: it is compared with the
 * canonical phrases of the classic editor's tone, colour-filter, style and background operations ({@link
 * Vocabulary#classicFamilies()}) and with the knowledge base's concept phrasings, and replaced by the nearest one when
 * the cosine similarity reaches the threshold. An amount ("by 35%", "a touch", "a lot") and a region ("in the top
 * half", "the sky") in the clause are kept: the phrase is rebuilt as the operation with that amount and region. A
 * clause whose region the nearest phrase cannot carry (a concept, the background) is left as it is.
 *
 * <p>Thread-safe; the candidates' embeddings are computed once, at construction.
 */
public final class PhraseMapper {
    /** The similarity a clause needs to be replaced, tuned on the first held-out corpus. */
    public static final double DEFAULT_THRESHOLD = 0.62;

    /** How much nearer than its opposite a tone adjustment must be ("more" against "less" of the same tone). */
    static final double DIRECTION_MARGIN = 0.05;

    /** What one clause became. */
    public enum Outcome {
        /** replaced by the nearest phrase */
        MAPPED,
        /** the nearest phrase was not near enough */
        BELOW_THRESHOLD,
        /** a clause about what to keep, left as it is */
        KEEP_CLAUSE,
        /** its region cannot be carried by the nearest phrase, left as it is */
        REGION_LOST,
        /** the nearest adjustment and its opposite are about as near: which way is not known */
        AMBIGUOUS_DIRECTION,
        /** a single word, too little to map */
        TOO_SHORT,
        /** it names a person, an animal or a thing ("give her sunglasses", "the cat"): not an adjustment */
        NAMES_A_THING
    }

    /**
     * One clause of the request and what became of it.
     *
     * @param clause the clause, verbatim
     * @param nearest the nearest candidate's canonical text (null when none was looked up)
     * @param similarity its cosine similarity (0 when none was looked up)
     * @param replacement the text put in the clause's place (null unless {@link Outcome#MAPPED})
     */
    public record Clause(String clause, String nearest, double similarity, String replacement, Outcome outcome) {}

    /**
     * What the mapper made of a request.
     *
     * @param request the request as given
     * @param mapped the request with its mapped clauses replaced (equal to {@code request} when nothing was mapped)
     * @param clauses the clauses that were looked at, in order
     * @param untouchedBecause why the request was left as a whole, or null when its clauses were looked at
     */
    public record Mapping(String request, String mapped, List<Clause> clauses, String untouchedBecause) {
        public Mapping {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(mapped, "mapped");
            clauses = List.copyOf(clauses);
        }

        /** Whether any clause was replaced. */
        public boolean changed() {
            return !mapped.equals(request);
        }

        /** One line for a reasoning or a note: what was read as what, with the similarity. */
        public String summary() {
            if (!changed()) {
                return "phrase mapping: nothing mapped"
                        + (untouchedBecause == null ? "" : " (" + untouchedBecause + ")");
            }
            StringBuilder s = new StringBuilder("phrase mapping (MiniLM): ");
            String sep = "";
            for (Clause c : clauses) {
                if (c.outcome() == Outcome.MAPPED) {
                    s.append(sep)
                            .append('"')
                            .append(c.clause())
                            .append("\" read as \"")
                            .append(c.replacement())
                            .append('"')
                            .append(String.format(Locale.ROOT, " (similarity %.2f)", c.similarity()));
                    sep = "; ";
                }
            }
            return s.toString();
        }
    }

    /** A phrase the editor or the thinker reads, with the operation it stands for (null for a concept phrasing). */
    record Candidate(String text, Action action, String concept, float[] embedding) {}

    private static final Pattern SPLIT = Pattern.compile(
            "\\s*(?:,\\s*(?:and|but|then|plus)?\\b|;|\\b(?:and|but|then|plus|while|as well as)\\b)\\s*");
    private static final Pattern PROTECTED =
            Pattern.compile("black\\s*-?\\s*(?:and|&|n)\\s*-?\\s*white|\\bb\\s*&\\s*w\\b|\\brock and roll\\b");
    private static final Pattern KEEP = Pattern.compile(
            "\\b(?:keep|keeping|leave|leaving|preserve|retain|don'?t|do not|never|without|except|untouched|unchanged"
                    + "|intact|alone|as it is|as is|only the)\\b");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:%|percent\\b|per cent\\b)");
    private static final Pattern SMALL = Pattern.compile(
            "\\b(?:slightly|slight|a bit|a little|a touch|a tad|subtly|subtle|gently|gentle|faintly|faint|light"
                    + "|lightly|mildly|mild|soft|softly)\\b");
    private static final Pattern LARGE = Pattern.compile(
            "\\b(?:a lot|much|strongly|strong|significantly|heavily|heavy|considerably|noticeably|bold|boldly"
                    + "|really)\\b");
    private static final Pattern HUGE =
            Pattern.compile("\\b(?:very|dramatically|dramatic|extremely|hugely|massively|intensely|intense)\\b");

    private final SentenceEncoder encoder;
    private final double threshold;
    private final KnowledgeBase knowledge;
    private final List<Candidate> candidates;
    private final Map<String, Mapping> cache = new ConcurrentHashMap<>();

    /** A mapper over the standard vocabulary and knowledge base with the default threshold. */
    public PhraseMapper(SentenceEncoder encoder) {
        this(encoder, DEFAULT_THRESHOLD);
    }

    /** A mapper over the standard vocabulary and knowledge base. */
    public PhraseMapper(SentenceEncoder encoder, double threshold) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the similarity threshold must be within (0, 1], got " + threshold);
        }
        this.threshold = threshold;
        this.knowledge = KnowledgeBase.standard();
        this.candidates = candidates(encoder, knowledge);
    }

    public double threshold() {
        return threshold;
    }

    /** How many phrases a clause is compared with. */
    public int vocabularySize() {
        return candidates.size();
    }

    /** Every distinct request mapped so far (changed or not). */
    public List<Mapping> mappings() {
        return List.copyOf(cache.values());
    }

    /** Maps a request (see the class comment). Never throws for any text. */
    public Mapping map(String request) {
        Objects.requireNonNull(request, "request");
        return cache.computeIfAbsent(request, this::compute);
    }

    private Mapping compute(String request) {
        if (request.isBlank()) {
            return new Mapping(request, request, List.of(), "empty");
        }
        ParsedInstruction parsed = InstructionParser.parse(request);
        if (parsed.fullyUnderstood()) {
            return new Mapping(request, request, List.of(), "the classic editor reads it as it is");
        }
        if (LanguageCheck.notEnglish(request).isPresent()) {
            return new Mapping(request, request, List.of(), "not English");
        }
        Intent intent = Intent.read(request, InstructionParser::parse, knowledge);
        if (intent.objectLevel()) {
            return new Mapping(
                    request, request, List.of(), "a part needs an object generated, found or moved: it stays declined");
        }
        List<String> fragments = new ArrayList<>(parsed.notUnderstood());
        if (parsed.actions().isEmpty() && fragments.isEmpty()) {
            fragments.add(request.strip());
        }
        StringBuilder out = new StringBuilder();
        List<Clause> clauses = new ArrayList<>();
        int cursor = 0;
        for (String fragment : fragments) {
            int at = request.indexOf(fragment, cursor);
            if (at < 0) {
                continue; // not verbatim (cannot happen with the classic parser): leave it
            }
            out.append(request, cursor, at);
            List<Clause> here = new ArrayList<>();
            for (int[] span : clauses(fragment)) {
                Clause c = clause(fragment.substring(span[0], span[1]));
                if (c != null) {
                    here.add(c);
                }
            }
            List<int[]> spans = clauses(fragment);
            if (spans.size() > 1 && here.stream().noneMatch(c -> c.outcome() == Outcome.NAMES_A_THING)) {
                // "make it light and airy" is one look, not "make it light" and "airy": the fragment as a whole
                // wins when it is nearer than every clause of it
                Clause whole = clause(fragment.substring(spans.getFirst()[0], spans.getLast()[1]));
                double bestPart =
                        here.stream().mapToDouble(Clause::similarity).max().orElse(0);
                if (whole == null) {
                    here = List.of(); // the thinker reads the fragment as a whole ("light and airy")
                } else if (whole.outcome() == Outcome.MAPPED && whole.similarity() > bestPart) {
                    here = List.of(whole);
                }
            }
            clauses.addAll(here);
            out.append(rewrite(fragment, here));
            cursor = at + fragment.length();
        }
        out.append(request.substring(cursor));
        if (clauses.stream().anyMatch(c -> c.outcome() == Outcome.NAMES_A_THING)) {
            // a part asks something of a person or a thing: the request stays as it is, and so does its decline
            return new Mapping(request, request, clauses, "a part names a person or a thing: it stays as it is");
        }
        String mapped = out.toString();
        if (clauses.stream().noneMatch(c -> c.outcome() == Outcome.MAPPED)) {
            mapped = request;
        }
        return new Mapping(request, mapped, clauses, null);
    }

    /** The fragment with each of its mapped clauses replaced. */
    private static String rewrite(String fragment, List<Clause> clauses) {
        String text = fragment;
        for (Clause c : clauses) {
            if (c.outcome() != Outcome.MAPPED) {
                continue;
            }
            int at = text.indexOf(c.clause());
            if (at >= 0) {
                text = text.substring(0, at)
                        + c.replacement()
                        + text.substring(at + c.clause().length());
            }
        }
        return text;
    }

    /** What becomes of one clause; null when the rules already read it (nothing to map). */
    private Clause clause(String clause) {
        String lower = clause.toLowerCase(Locale.ROOT).replace('-', ' ');
        if (lower.isBlank() || lower.matches("[^a-z]*")) {
            return null;
        }
        ParsedInstruction p = InstructionParser.parse(clause);
        if (p.fullyUnderstood()) {
            return null;
        }
        if (KEEP.matcher(lower).find()) {
            return new Clause(clause, null, 0, null, Outcome.KEEP_CLAUSE);
        }
        if (lower.strip().split("[^a-z0-9%]+").length < 2) {
            // one word ("blue", "smoke") says too little to stand for an operation
            return new Clause(clause, null, 0, null, Outcome.TOO_SHORT);
        }
        Optional<String> thing = namedThing(lower);
        if (thing.isPresent()) {
            return new Clause(clause, thing.get(), 0, null, Outcome.NAMES_A_THING);
        }
        Intent intent = Intent.read(clause, InstructionParser::parse, knowledge);
        if (intent.objectLevel()) {
            // a part on its own that needs an object: the whole request was checked already, but be sure
            return new Clause(clause, null, 0, null, Outcome.KEEP_CLAUSE);
        }
        if (intent.blocked().isEmpty() && intent.doable()) {
            return null; // the thinker's knowledge names it
        }
        // compared without its amount: "cooler, about 30 percent" is as near to "make it cooler" as "cooler" is
        String bare = AMOUNT.matcher(clause).replaceAll("").strip();
        float[] e = encoder.encode(bare.isEmpty() ? clause.strip() : bare);
        Candidate best = null;
        double bestSim = -2;
        for (Candidate c : candidates) {
            double sim = SentenceEncoder.cosine(e, c.embedding());
            if (sim > bestSim) {
                bestSim = sim;
                best = c;
            }
        }
        if (best == null || bestSim < threshold) {
            return new Clause(
                    clause, best == null ? null : best.text(), Math.max(0, bestSim), null, Outcome.BELOW_THRESHOLD);
        }
        if (best.action() instanceof Action.Adjust adjust) {
            // sentence embeddings hardly tell "more" from "less": the embedding picks the tone, the clause's own
            // words pick the way ("tone down", "knock back" / "boost", "crank up"); without them the opposite
            // adjustment must be clearly farther
            boolean down = DOWN.matcher(lower).find();
            boolean up = UP.matcher(lower).find();
            if (down != up) {
                if (down == adjust.amount() > 0) {
                    Candidate flipped = opposite(adjust);
                    if (flipped == null) {
                        return new Clause(clause, best.text(), bestSim, null, Outcome.AMBIGUOUS_DIRECTION);
                    }
                    best = flipped;
                }
            } else {
                double opposite = -2;
                for (Candidate c : candidates) {
                    if (c.action() instanceof Action.Adjust x
                            && x.tone() == adjust.tone()
                            && Math.signum(x.amount()) != Math.signum(adjust.amount())) {
                        opposite = Math.max(opposite, SentenceEncoder.cosine(e, c.embedding()));
                    }
                }
                if (bestSim - opposite < DIRECTION_MARGIN) {
                    return new Clause(clause, best.text(), bestSim, null, Outcome.AMBIGUOUS_DIRECTION);
                }
            }
        }
        Optional<Region> region = region(lower);
        String replacement;
        if (best.action() == null) {
            if (region.isPresent()) {
                return new Clause(clause, best.text(), bestSim, null, Outcome.REGION_LOST);
            }
            replacement = best.concept();
        } else {
            Optional<String> rebuilt = rebuild(best.action(), lower, region.orElse(Region.WHOLE));
            if (rebuilt.isEmpty()) {
                return new Clause(clause, best.text(), bestSim, null, Outcome.REGION_LOST);
            }
            replacement = rebuilt.get();
        }
        return new Clause(clause, best.text(), bestSim, replacement, Outcome.MAPPED);
    }

    /**
     * The candidate's operation with the clause's amount and region, as a phrase the classic parser reads back;
     * empty when the operation cannot be confined to the region.
     */
    static Optional<String> rebuild(Action action, String clause, Region region) {
        Double amount = amount(clause);
        if (action instanceof Action.Adjust x && (x.tone() == Tone.HUE || x.tone() == Tone.EXPOSURE)) {
            // a hue turns by degrees and an exposure by stops, not by a percentage
            Matcher unit = (x.tone() == Tone.HUE ? DEGREES : STOPS).matcher(clause);
            amount = unit.find() ? Double.valueOf(unit.group(1)) : null;
        }
        if (amount == null) {
            // the operation's own default amount, as the parser reads its plain phrase
            String plain = plain(action.phrase()) + region.suffix();
            if (reads(plain, action, region)) {
                return Optional.of(plain);
            }
        }
        Action a = amount == null
                ? withRegion(action, region)
                : switch (action) {
                    case Action.Adjust x ->
                        new Action.Adjust(
                                x.tone(), Math.copySign(InstructionParser.clamp(x.tone(), amount), x.amount()), region);
                    case Action.ColorFilter x -> new Action.ColorFilter(x.filter(), Math.min(100, amount), region);
                    case Action.Tint x -> new Action.Tint(x.color(), Math.min(100, amount), region);
                    case Action.Stylize x ->
                        new Action.Stylize(
                                x.style(),
                                x.style() == Action.Style.PIXEL_ART ? x.strength() : Math.min(100, amount),
                                region);
                    default -> withRegion(action, region);
                };
        if (a == null) {
            return Optional.empty();
        }
        String phrase = a.phrase();
        return InstructionParser.parse(phrase).fullyUnderstood() ? Optional.of(phrase) : Optional.empty();
    }

    private static final Pattern DOWN = Pattern.compile("\\b(?:down|back|less|lower|lessen|reduce|decrease|dim|cut"
            + "|drop|weaker|subdue|tame|too|fewer|minus)\\b");
    private static final Pattern UP = Pattern.compile(
            "\\b(?:up|more|boost|raise|increase|crank|pump|push|higher|stronger|extra|plus|amplify)\\b");

    /** The canonical candidate of the same tone the other way, or null. */
    private Candidate opposite(Action.Adjust adjust) {
        for (Candidate c : candidates) {
            if (c.action() instanceof Action.Adjust x
                    && x.tone() == adjust.tone()
                    && Math.signum(x.amount()) != Math.signum(adjust.amount())
                    && x.region() == Region.WHOLE) {
                return c;
            }
        }
        return null;
    }

    /** Whether a phrase reads back as exactly one operation of the same kind as {@code action}, in the region. */
    private static boolean reads(String phrase, Action action, Region region) {
        ParsedInstruction p = InstructionParser.parse(phrase);
        if (!p.fullyUnderstood() || p.actions().size() != 1) {
            return false;
        }
        Action read = p.actions().getFirst();
        return switch (read) {
            case Action.Adjust x ->
                action instanceof Action.Adjust y
                        && x.tone() == y.tone()
                        && Math.signum(x.amount()) == Math.signum(y.amount())
                        && x.region() == region;
            case Action.ColorFilter x ->
                action instanceof Action.ColorFilter y && x.filter() == y.filter() && x.region() == region;
            case Action.Stylize x ->
                action instanceof Action.Stylize y && x.style() == y.style() && x.region() == region;
            case Action.Tint x ->
                action instanceof Action.Tint y && x.color().equals(y.color()) && x.region() == region;
            default -> read.getClass() == action.getClass() && region == Region.WHOLE;
        };
    }

    /** The same operation in another region (null when it cannot be confined). */
    private static Action withRegion(Action action, Region region) {
        return switch (action) {
            case Action.Adjust x -> new Action.Adjust(x.tone(), x.amount(), region);
            case Action.ColorFilter x -> new Action.ColorFilter(x.filter(), x.strength(), region);
            case Action.Tint x -> new Action.Tint(x.color(), x.strength(), region);
            case Action.Stylize x -> new Action.Stylize(x.style(), x.strength(), region);
            case Action.Posterize x -> new Action.Posterize(x.levels(), region);
            default -> region == Region.WHOLE ? action : null;
        };
    }

    /** A canonical phrase without its amount: "increase the brightness", "add a vignette". */
    static String plain(String phrase) {
        return phrase.replaceAll("\\s+(?:by|at)\\s+-?\\d+(?:\\.\\d+)?\\s*(?:%|degrees|stops?)", "")
                .replaceAll("\\s+with\\s+\\d+-pixel blocks", "");
    }

    private static final Pattern PERSON =
            Pattern.compile("\\b(?:her|him|his|she|he|they|them|their|hers|someone|somebody)\\b");
    private static final Pattern DEFINITE =
            Pattern.compile("\\b(?:the|this|that|these|those|its)\\s+(?=((?:[a-z']+\\s*){1,3}))");
    /** Words that name the picture or a quality of it, not a thing in it. */
    private static final Set<String> PICTURE_WORDS = Set.of(
            "image",
            "images",
            "photo",
            "photos",
            "photograph",
            "picture",
            "pic",
            "shot",
            "scene",
            "frame",
            "it",
            "whole",
            "overall",
            "entire",
            "rest",
            "colour",
            "colours",
            "color",
            "colors",
            "tone",
            "tones",
            "tonal",
            "light",
            "lighting",
            "lights",
            "shadow",
            "shadows",
            "highlight",
            "highlights",
            "midtones",
            "exposure",
            "brightness",
            "contrast",
            "saturation",
            "warmth",
            "hue",
            "hues",
            "sky",
            "background",
            "foreground",
            "edge",
            "edges",
            "corner",
            "corners",
            "detail",
            "details",
            "grain",
            "noise",
            "look",
            "feel",
            "mood",
            "atmosphere",
            "vibe",
            "top",
            "bottom",
            "left",
            "right",
            "center",
            "centre",
            "middle",
            "half",
            "third",
            "palette",
            "grade",
            "grading",
            "style",
            "effect",
            "filter",
            "tint",
            "cast",
            "blacks",
            "whites",
            "focus",
            "texture",
            "sharpness",
            "blur",
            "vignette",
            "darks",
            "brights",
            "gamma",
            "levels",
            "temperature",
            "vibrance",
            "clarity",
            "haze",
            "glow",
            "crispness",
            "punch",
            "pop",
            "intensity",
            "vividness",
            "depth",
            "richness",
            "darkness",
            "lightness",
            "luminosity",
            "luminance",
            "softness",
            "upper",
            "lower",
            "way",
            "same",
            "one",
            "moment",
            "time",
            "era",
            "feeling",
            "aesthetic",
            "vintage");

    private static final Set<String> STOP = Set.of(
            "a", "an", "to", "by", "in", "on", "of", "at", "into", "with", "and", "or", "but", "so", "more", "less",
            "bit", "little", "lot", "up", "down", "look", "feel", "is", "are", "be", "too", "very", "much");

    /**
     * The thing a clause names, if any: a person ("her", "his"), or a definite noun phrase ("the cat", "the rocket's
     * nose") none of whose words names the picture or a quality of it. Such a clause asks something of a thing in the
     * picture, which no nearest phrase of the vocabulary can do.
     */
    static Optional<String> namedThing(String clause) {
        Matcher person = PERSON.matcher(clause);
        if (person.find()) {
            return Optional.of(person.group());
        }
        Matcher m = DEFINITE.matcher(clause);
        while (m.find()) {
            List<String> words = new ArrayList<>();
            for (String w : m.group(1).strip().split("\\s+")) {
                if (w.isEmpty() || STOP.contains(w) || words.size() == 3) {
                    break;
                }
                words.add(w.replaceAll("'s$", ""));
            }
            if (!words.isEmpty() && words.stream().noneMatch(PICTURE_WORDS::contains)) {
                return Optional.of(m.group().strip() + " " + String.join(" ", words));
            }
        }
        return Optional.empty();
    }

    /** The amount a clause states, in percent, or null: "by 35%", "a touch" (10), "a lot" (50), "very" (75). */
    static Double amount(String clause) {
        Matcher m = PERCENT.matcher(clause);
        if (m.find()) {
            double v = Double.parseDouble(m.group(1));
            return v > 0 ? v : null;
        }
        if (HUGE.matcher(clause).find()) {
            return 75.0;
        }
        if (LARGE.matcher(clause).find()) {
            return 50.0;
        }
        if (SMALL.matcher(clause).find()) {
            return 10.0;
        }
        return null;
    }

    /** The region a clause names ("the top half", "upper left corner", "the sky"), the longest name first. */
    static Optional<Region> region(String clause) {
        String text = " "
                + clause.toLowerCase(Locale.ROOT)
                        .replace('-', ' ')
                        .replaceAll("\\bupper\\b", "top")
                        .replaceAll("\\blower\\b", "bottom")
                        .replaceAll("\\s+", " ")
                + " ";
        return Arrays.stream(Region.values())
                .filter(r -> r != Region.WHOLE)
                .sorted(Comparator.comparingInt((Region r) -> -r.phrase().length()))
                .filter(r -> {
                    String name = r.phrase().replaceFirst("^the ", "");
                    return text.matches(".*\\b" + Pattern.quote(name) + "\\b.*")
                            || (r == Region.CENTER
                                    && text.matches(".*\\b(?:centre|middle)\\b.*")
                                    && !text.contains("third"));
                })
                .findFirst();
    }

    /** Clause spans of a fragment, split at commas, "and", "but", "then", ";" (never inside "black and white"). */
    static List<int[]> clauses(String fragment) {
        char[] mask = fragment.toLowerCase(Locale.ROOT).toCharArray();
        Matcher keep = PROTECTED.matcher(new String(mask));
        while (keep.find()) {
            for (int i = keep.start(); i < keep.end(); i++) {
                mask[i] = 'k';
            }
        }
        List<int[]> spans = new ArrayList<>();
        Matcher m = SPLIT.matcher(new String(mask));
        int last = 0;
        while (m.find()) {
            add(fragment, last, m.start(), spans);
            last = m.end();
        }
        add(fragment, last, fragment.length(), spans);
        // an amount on its own ("…, about 30 percent") belongs to the clause before it
        List<int[]> merged = new ArrayList<>();
        for (int[] span : spans) {
            String text = fragment.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
            if (!merged.isEmpty() && AMOUNT_ONLY.matcher(text).matches()) {
                merged.getLast()[1] = span[1];
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static final Pattern DEGREES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:degrees?\\b|°)");
    private static final Pattern STOPS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*stops?\\b");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?i)(?:,\\s*)?(?:(?:about|around|roughly|approximately|maybe|say|by|at|to)\\s+)*\\d+(?:\\.\\d+)?\\s*(?:%|percent|per cent)");
    private static final Pattern AMOUNT_ONLY = Pattern.compile(
            "(?:(?:about|around|roughly|approximately|maybe|say|some|by|at|to)\\s+)*\\d+(?:\\.\\d+)?\\s*(?:%|percent|per cent)");

    private static void add(String text, int start, int end, List<int[]> spans) {
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1)) && text.charAt(end - 1) != '%') {
            end--;
        }
        if (start < end) {
            spans.add(new int[] {start, end});
        }
    }

    /** Families of the classic vocabulary whose operations adjust the whole image's look (and can be local). */
    private static final Set<String> ADJUSTABLE = Set.of("tone", "color filters", "styles", "background");

    /** Plain phrasings the classic parser reads, compared as well as the canonical phrases. */
    private static final List<String> ALIASES = List.of(
            "make it brighter",
            "make it darker",
            "brighten it",
            "darken it",
            "lighten it",
            "more contrast",
            "less contrast",
            "make it more vivid",
            "make the colors more vibrant",
            "make the colors muted",
            "desaturate it",
            "make it more saturated",
            "warm it up",
            "cool it down",
            "make it black and white",
            "make it grayscale",
            "make it a negative",
            "sharpen it",
            "add film grain",
            "add noise",
            "darken the corners",
            "bring out the details",
            "make it a cartoon",
            "make it a drawing",
            "make it a painting",
            "pixelate it",
            "make it look like a miniature",
            "blur the background");

    private static List<Candidate> candidates(SentenceEncoder encoder, KnowledgeBase knowledge) {
        List<Candidate> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Vocabulary.Family family : Vocabulary.classicFamilies()) {
            if (!ADJUSTABLE.contains(family.name())) {
                continue;
            }
            for (String example : family.examples()) {
                List<Action> actions = InstructionParser.parse(example).actions();
                if (actions.size() != 1) {
                    continue;
                }
                // compared without the amount: "increase the brightness", "add a vignette"
                String text = plain(example);
                if (!seen.contains(text)) {
                    seen.add(text);
                    out.add(new Candidate(text, actions.getFirst(), null, encoder.encode(text)));
                }
            }
        }
        // the parser's other words for the same operations (each kept only if the parser reads it as one operation)
        for (String alias : ALIASES) {
            List<Action> actions = InstructionParser.parse(alias).actions();
            if (InstructionParser.parse(alias).fullyUnderstood() && actions.size() == 1 && !seen.contains(alias)) {
                seen.add(alias);
                out.add(new Candidate(alias, actions.getFirst(), null, encoder.encode(alias)));
            }
        }
        for (Vocabulary.ConceptEntry concept : Vocabulary.thinkerConcepts()) {
            for (String phrasing : concept.examples()) {
                if (seen.contains(phrasing)) {
                    continue;
                }
                // a phrasing the thinker does not read back as its concept would not help
                Intent read = Intent.read(phrasing, InstructionParser::parse, knowledge);
                if (!read.blocked().isEmpty() || !read.doable() || read.objectLevel()) {
                    continue;
                }
                seen.add(phrasing);
                out.add(new Candidate(phrasing, null, phrasing, encoder.encode(phrasing)));
            }
        }
        return List.copyOf(out);
    }
}
