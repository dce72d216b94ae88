package dev.editloop.embedded.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one clause (one action's worth of words) into an action, literally: the clause is understood only when
 * every word in it is accounted for by the vocabulary or is filler ("make", "it", "the image", "please", …).
 *
 * <p>This class holds what every family shares: the filler and courtesy words, colors, amounts, regions, the clause
 * being consumed, and the order in which the families' matchers are tried. The matchers and their word tables live in
 * one file per operation family: {@link ContentClauses}, {@link GeometryClauses}, {@link StyleClauses} and
 * {@link ToneClauses}. Word tables are records (a pattern and what it means), never untyped rows.
 */
final class ClauseParser {
    /** Compiled patterns, by regex; declared first because the vocabulary below is built with it. */
    static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private ClauseParser() {}

    /** What a clause turned out to be. */
    enum Kind {
        /** One action. */
        ACTION,
        /** Nothing but courtesy words ("please", "thanks"): ignored. */
        EMPTY,
        /** Not in the vocabulary. */
        UNKNOWN
    }

    /**
     * What a clause was read as.
     *
     * @param kind an action, nothing to do, or not understood
     * @param action the action, null unless {@code kind} is ACTION
     * @param thing the words that named the thing of a color the action works on ("saucer", "cup and saucer"), null
     *     when it names none
     */
    record Result(Kind kind, Action action, String thing) {
        static final Result EMPTY = new Result(Kind.EMPTY, null, null);
        static final Result UNKNOWN = new Result(Kind.UNKNOWN, null, null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Vocabulary

    /** Words that carry no content of their own. "and" is deliberately absent: it joins actions. */
    static final Set<String> FILLER = Set.of(
            "a",
            "an",
            "the",
            "it",
            "its",
            "itself",
            "this",
            "that",
            "these",
            "those",
            "image",
            "images",
            "photo",
            "photos",
            "photograph",
            "picture",
            "pic",
            "shot",
            "scene",
            "everything",
            "all",
            "whole",
            "entire",
            "overall",
            "please",
            "kindly",
            "can",
            "could",
            "would",
            "will",
            "you",
            "i",
            "me",
            "my",
            "we",
            "us",
            "our",
            "want",
            "wanted",
            "need",
            "needs",
            "like",
            "love",
            "d",
            "s",
            "ll",
            "re",
            "ve",
            "m",
            "let",
            "just",
            "also",
            "now",
            "first",
            "finally",
            "next",
            "lastly",
            "additionally",
            "to",
            "into",
            "in",
            "on",
            "onto",
            "of",
            "for",
            "with",
            "at",
            "by",
            "as",
            "so",
            "some",
            "more",
            "look",
            "looks",
            "looking",
            "appear",
            "appearance",
            "make",
            "makes",
            "making",
            "made",
            "turn",
            "give",
            "apply",
            "add",
            "put",
            "set",
            "use",
            "do",
            "change",
            "adjust",
            "convert",
            "render",
            "transform",
            "create",
            "effect",
            "filter",
            "style",
            "styled",
            "version",
            "mode",
            "tone",
            "toned",
            "tones",
            "color",
            "colors",
            "colored",
            "is",
            "be",
            "should",
            "have",
            "has",
            "get",
            "go",
            "again",
            "there",
            "here",
            "ok",
            "okay",
            "thanks",
            "thank",
            "hey",
            "kind",
            "sort",
            "type",
            "treatment",
            "up",
            // hedges, pronouns and particles that say nothing about what to do
            "about",
            "around",
            "roughly",
            "approximately",
            "maybe",
            "perhaps",
            "quite",
            "only",
            "but",
            "thing",
            "one",
            "her",
            "him",
            "his",
            "them",
            "their",
            "she",
            "he",
            "they",
            "show",
            "feel",
            "feels",
            "seems",
            "was",
            "are",
            "toward",
            "towards",
            "back",
            "bring",
            "knock",
            "pull",
            "dial",
            "stick",
            "fine",
            "instead",
            "toning",
            "transfer",
            "lighting",
            // a finish, a hedge before an amount, quantifiers and "over it": no content of their own
            "finish",
            "say",
            "every",
            "each",
            "over",
            "across",
            "throughout",
            "sprinkle",
            "lay",
            "scatter",
            "exactly",
            // "I think it could be cooler", "too dark imo": an opinion's frame, no content of its own
            "imo",
            "imho",
            "tbh",
            "honestly",
            "hmm",
            "hm",
            "um",
            "uh",
            // "would it be possible to …", "would you be able to …": a polite frame
            "possible",
            "able",
            "think",
            "guess",
            "suppose",
            "reckon");

    /** Words that alone make a clause ignorable. */
    static final Set<String> COURTESY = Set.of(
            "please",
            "thanks",
            "thank",
            "you",
            "kindly",
            "ok",
            "okay",
            "also",
            "now",
            "just",
            "and",
            "then",
            "hey",
            "finally",
            "first",
            "next",
            "lastly",
            "additionally",
            // "too dark imo", "hmm, less saturated": an aside, no content of its own
            "imo",
            "imho",
            "tbh",
            "honestly",
            "hmm",
            "hm",
            "um",
            "uh");

    /** Color names and the palette color each means. */
    static final List<String[]> COLOR_WORDS = colorWords();

    static final String COLOR_ALT = colorAlternation();
    static final Pattern COLOR = p("\\b(" + COLOR_ALT + ")(?:s|es)?\\b");
    static final Pattern MORE_COLOR = p("\\bmore\\s+(" + COLOR_ALT + ")\\b");
    static final Pattern COMPARATIVE_COLOR = p("\\b(bluer|redder|greener|yellower|pinker|oranger|browner)\\b");

    static final Pattern PLACEHOLDER = p("\uE000(\\d+)\uE001");

    static final String NUM = "(?<![\\w.])([+-]?\\d+(?:\\.\\d+)?)";

    static final Pattern PERCENT = p("(?:\\b(by|to|at|of|with|around|about)\\s+)?" + NUM
            + "\\s*(?:%|\\bpercent\\b|\\bper cent\\b)(?:\\s+(?:strength|intensity|opacity|amount))?");
    static final Pattern DEGREES = p("(?:\\b(by|to|of)\\s+)?" + NUM + "\\s*(?:degrees?|deg)\\b");
    static final Pattern STOPS = p("(?:\\b(by|of)\\s+)?" + NUM + "\\s*(?:stops?|ev)\\b");
    static final Pattern BY_HALF = p("\\b(by) half\\b");
    /** "by a quarter", "by about a fifth": a fraction said in words. */
    static final Pattern BY_FRACTION =
            p("\\b(by)\\s+(?:about\\s+|around\\s+|roughly\\s+)?(?:a|one)\\s+(quarter|fifth|third|tenth)\\b");

    static final Pattern SIGNED = p("()(?<![\\w.])([+-]\\d+(?:\\.\\d+)?)(?![\\w.%:])");
    static final Pattern BARE = p(
            "\\b(by|at|to)\\s+" + NUM
                    + "(?![\\w.%:])(?!\\s*(?:x\\b|px\\b|pixels?\\b|levels?\\b|degrees?\\b|stops?\\b|ev\\b|percent\\b|times\\b))");

    /** Words that say how much: "slightly" is 10%, "a lot" 50%, "very" 75%. */
    record AmountWords(Pattern words, double percent) {}

    static final List<AmountWords> QUALITATIVE = List.of(
            new AmountWords(
                    p("\\b(?:a little bit|a tiny bit|a tiny amount|a small amount|a little|a bit|a tad|a touch|"
                            + "a hint|slightly|slight|subtly|subtle|gently|gentle|mildly|mild|lightly|faintly|faint|"
                            + "somewhat)\\b"),
                    10.0),
            new AmountWords(
                    p("\\b(?:noticeably|noticeable|visibly|visible|clearly|markedly|moderately|moderate|"
                            + "appreciably|a fair bit|a good bit|a fair amount)\\b"),
                    30.0),
            new AmountWords(
                    p("\\b(?:a lot|a great deal|quite a bit|lots|much|strongly|strong|significantly|significant|"
                            + "considerably|heavily|heavy|greatly|substantially|way|far)\\b"),
                    50.0),
            new AmountWords(
                    p("\\b(?:very|really|dramatically|extremely|hugely|massively|drastically|super|intensely|intense|"
                            + "maximum|max)\\b"),
                    75.0));

    static final Pattern UP = p(
            "\\b(?:increase|increased|raise|raised|boost|boosted|more|higher|high|add|"
                    + "enhance|enhanced|intensify|strengthen|heighten|amplify|up|bump|crank|pump|push|greater|stronger|extra|deepen|deepened|lift|lifted|elevate)\\b");
    static final Pattern DOWN = p("\\b(?:decrease|decreased|reduce|reduced|lower|lowered|less|lessen|cut|"
            + "drop|diminish|weaken|down|soften|minimize|fewer|weaker|back|flatten|flattened)\\b");

    static final String REGION_PREP =
            "(?:\\b(?:in|on|for|of|at|across|within|over|inside|to|into|from|throughout)\\s+)?(?:the\\s+)?";
    static final String REGION_PREP_THE =
            "(?:\\b(?:in|on|for|of|at|across|within|over|inside|to|into|from|throughout)\\s+)?\\bthe\\s+";
    static final String AREA = "(?:\\s+(?:corner|quarter|area|part|region|section|portion|side))?";
    /** Words that name a region of the image. */
    record RegionWords(Pattern words, Region region) {}

    static final List<RegionWords> REGIONS = List.of(
            new RegionWords(p(REGION_PREP + "\\b(?:top|upper) left(?: hand)?" + AREA + "\\b"), Region.TOP_LEFT),
            new RegionWords(p(REGION_PREP + "\\b(?:top|upper) right(?: hand)?" + AREA + "\\b"), Region.TOP_RIGHT),
            new RegionWords(p(REGION_PREP + "\\b(?:bottom|lower) left(?: hand)?" + AREA + "\\b"), Region.BOTTOM_LEFT),
            new RegionWords(p(REGION_PREP + "\\b(?:bottom|lower) right(?: hand)?" + AREA + "\\b"), Region.BOTTOM_RIGHT),
            new RegionWords(p(REGION_PREP + "\\bleft(?: hand)? (?:half|side|part|portion)\\b"), Region.LEFT_HALF),
            new RegionWords(p(REGION_PREP + "\\bright(?: hand)? (?:half|side|part|portion)\\b"), Region.RIGHT_HALF),
            new RegionWords(p(REGION_PREP + "\\b(?:top|upper) (?:half|part|portion)\\b"), Region.TOP_HALF),
            new RegionWords(p(REGION_PREP + "\\b(?:bottom|lower) (?:half|part|portion)\\b"), Region.BOTTOM_HALF),
            new RegionWords(p(REGION_PREP + "\\b(?:top|upper|first) (?:two|2) thirds\\b"), Region.TOP_TWO_THIRDS),
            new RegionWords(p(REGION_PREP + "\\b(?:bottom|lower|last) (?:two|2) thirds\\b"), Region.BOTTOM_TWO_THIRDS),
            new RegionWords(p(REGION_PREP + "\\b(?:top|upper|first) third\\b"), Region.TOP_THIRD),
            new RegionWords(p(REGION_PREP + "\\b(?:middle|center|central|second) third\\b"), Region.MIDDLE_THIRD),
            new RegionWords(p(REGION_PREP + "\\b(?:bottom|lower|last) third\\b"), Region.BOTTOM_THIRD),
            new RegionWords(p(REGION_PREP + "\\bsky(?: area| region| part)?\\b"), Region.SKY),
            new RegionWords(
                    p(REGION_PREP + "\\b(?:center|middle|central (?:part|area|region))"
                            + "(?: area| part| region| portion| section)?\\b"),
                    Region.CENTER),
            // "the top", "the left": only with the article, so that "lower the brightness" stays a verb
            new RegionWords(p(REGION_PREP_THE + "(?:top|upper)(?: edge)?\\b"), Region.TOP_HALF),
            new RegionWords(p(REGION_PREP_THE + "(?:bottom|lower)(?: edge)?\\b"), Region.BOTTOM_HALF),
            new RegionWords(p(REGION_PREP_THE + "left(?: hand)?(?: edge)?\\b"), Region.LEFT_HALF),
            new RegionWords(p(REGION_PREP_THE + "right(?: hand)?(?: edge)?\\b"), Region.RIGHT_HALF));

    static final Pattern COLORED_THING = p("\\b(" + COLOR_ALT + ")\\s+(?!(?:" + COLOR_ALT + ")\\b)([a-z]{3,})\\b");
    static final Set<String> NOT_A_THING = Set.of(
            "and",
            "then",
            "into",
            "with",
            "from",
            "instead",
            "tint",
            "tinted",
            "cast",
            "tone",
            "tones",
            "filter",
            "background",
            "backdrop",
            "foreground",
            "border",
            "frame",
            "text",
            "letters",
            "font",
            "color",
            "colors",
            "shade",
            "shades",
            "hue",
            "hues",
            "light",
            "lighting",
            "glow",
            "grain",
            "vignette",
            "top",
            "bottom",
            "left",
            "right",
            "center",
            "middle",
            "corner",
            "half",
            "third",
            "side",
            "everywhere",
            "only",
            "too",
            "please");

    /** Words that join the words of a thing's name ("cup and saucer", "the stripes of the flag", "on her chest"). */
    /** Words of size and shape said of a thing before its colour ("the small white thing"). */
    private static final Set<String> DESCRIBING = Set.of(
            "small",
            "little",
            "tiny",
            "big",
            "large",
            "round",
            "circular",
            "oval",
            "square",
            "rectangular",
            "thin",
            "long",
            "tall",
            "short",
            "shiny",
            "glossy",
            "flat");

    /** Words that open a noun phrase: an article or a possessive. */
    private static final Set<String> DETERMINERS =
            Set.of("the", "a", "an", "that", "this", "those", "these", "her", "his", "its", "their", "my");

    static final Set<String> JOINING =
            Set.of("and", "of", "on", "in", "at", "the", "its", "her", "his", "their", "a", "an", "this", "that", "to");

    private static final Map<String, Boolean> THING_WORDS = new ConcurrentHashMap<>();

    /**
     * Whether a word can be part of a thing's name: a plain word of three letters or more that is no filler, color,
     * amount or place word and that does not, alone, read as an action ("cup", "eyes", "saucer" do; "brighter",
     * "blur", "slightly" do not).
     */
    static boolean thingWord(String word) {
        if (word.length() < 3 || !word.chars().allMatch(Character::isLetter)) {
            return false;
        }
        if (FILLER.contains(word) || COURTESY.contains(word) || NOT_A_THING.contains(word) || JOINING.contains(word)) {
            return false;
        }
        if (COLOR.matcher(word).matches() || COMPARATIVE_COLOR.matcher(word).matches()) {
            return false;
        }
        Boolean known = THING_WORDS.get(word);
        if (known == null) {
            known = plainWord(word);
            THING_WORDS.put(word, known);
        }
        return known;
    }

    private static boolean plainWord(String w) {
        for (AmountWords amount : QUALITATIVE) {
            if (amount.words().matcher(w).find()) {
                return false;
            }
        }
        if (UP.matcher(w).find() || DOWN.matcher(w).find() || BORROWABLE_VERBS.contains(w)) {
            return false;
        }
        for (RegionWords region : REGIONS) {
            if (region.words().matcher(w).find()) {
                return false;
            }
        }
        return parse(w).kind() == Kind.UNKNOWN && parse("make it " + w).kind() == Kind.UNKNOWN;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Entry point

    /** Reads one clause. */
    static Result parse(String clauseText) {
        Normalized normalized = normalize(clauseText);
        if (normalized.text().isBlank()) {
            return Result.EMPTY;
        }
        if (courtesyOnly(normalized)) {
            return Result.EMPTY;
        }
        for (Function<Clause, Action> matcher : MATCHERS) {
            Clause clause = new Clause(normalized);
            Action action;
            try {
                action = matcher.apply(clause);
            } catch (IllegalArgumentException | ArithmeticException e) {
                action = null; // a value out of the record's range: not a usable action
            }
            if (action != null && clause.clean()) {
                return new Result(Kind.ACTION, action, clause.thing());
            }
        }
        return Result.UNKNOWN;
    }

    /** Words an amount said on its own may carry: "both slightly", "but not too much, say 5%", "all of them". */
    private static final Pattern AMOUNT_ONLY_WORDS =
            p("\\b(?:both|all of them|each|but|amount|though|tho|for both|for each|(?:only\\s+)?(?:partly|partially|"
                    + "part way|partway|halfway)|not\\s+(?:fully|completely|entirely|totally|all the way|100%))\\b");

    /** Whether an amount said on its own covers every tone move before it ("both slightly"), not just the last. */
    static boolean amountForAll(String clauseText) {
        return p("\\b(?:both|all|each)\\b")
                .matcher(normalize(clauseText).text())
                .find();
    }

    /**
     * A clause that only says how much ("both slightly", "like an extreme amount", "not too much, say 5 percent"):
     * the amount as words the tone matchers read ("slightly", "by 5%"); null when the clause says anything else.
     */
    static String amountOnly(String clauseText) {
        Normalized normalized = normalize(clauseText);
        // "lighter, roughly a third": a fraction said on its own is a share of the move
        String fraction = normalized
                .text()
                .replaceAll("\\b(?:by\\s+)?(?:a|one)\\s+(quarter|third|fifth|tenth)\\b", "by a $1")
                .replaceAll("\\b(?:by\\s+)?(?:a\\s+)?half\\b", "by 50%");
        normalized = new Normalized(fraction, normalized.quotes());
        Clause clause = new Clause(normalized);
        clause.takeAll(AMOUNT_ONLY_WORDS);
        Amount amount = Amount.take(clause);
        if (!clause.clean()) {
            return null;
        }
        return switch (amount.kind()) {
            case PERCENT, BARE -> "by " + Action.Num.fmt(amount.value()) + "%";
            case QUALITATIVE ->
                amount.value() <= 10
                        ? "slightly"
                        : amount.value() <= 30 ? "noticeably" : amount.value() <= 50 ? "a lot" : "very";
            default -> null;
        };
    }

    /** The word a clause starts with, when it is a verb another clause can borrow ("remove the X and the Y"). */
    static String leadingVerb(String clauseText) {
        Normalized normalized = normalize(clauseText);
        String[] words = normalized.text().trim().split(" ");
        for (int i = 0; i < Math.min(3, words.length); i++) {
            if (BORROWABLE_VERBS.contains(words[i])) {
                return words[i];
            }
        }
        return null;
    }

    static final Set<String> BORROWABLE_VERBS = Set.of(
            "remove",
            "erase",
            "delete",
            "increase",
            "decrease",
            "reduce",
            "lower",
            "raise",
            "boost",
            "add",
            "apply",
            "blur",
            "sharpen",
            "brighten",
            "darken",
            "lighten",
            "tint",
            "write",
            "put",
            "enhance",
            "desaturate",
            "saturate",
            "soften",
            "crop",
            "posterize",
            "invert",
            "bump",
            "push",
            "crank",
            "pump",
            "cut",
            "drop",
            "lift",
            "deepen",
            "mute");

    static final List<Function<Clause, Action>> MATCHERS = List.of(
            ContentClauses::text,
            ContentClauses::background,
            ContentClauses::recolor,
            ContentClauses::removeColored,
            ContentClauses::removeRegion,
            GeometryClauses::crop,
            GeometryClauses::zoom,
            GeometryClauses::resize,
            GeometryClauses::rotate,
            GeometryClauses::flip,
            StyleClauses::border,
            StyleClauses::posterize,
            StyleClauses::tint,
            StyleClauses::filter,
            StyleClauses::style,
            ToneClauses::tone);

    // The matchers, one file per operation family (ContentClauses, GeometryClauses, StyleClauses, ToneClauses):
    // each consumes the words it understands and returns an action, or null.

    // ---------------------------------------------------------------------------------------------------------
    // Amounts

    enum AmountKind {
        NONE,
        PERCENT,
        DEGREES,
        STOPS,
        BARE,
        QUALITATIVE
    }

    /** A pattern of an explicit amount and its kind; null: "by half", 50%. */
    record AmountPattern(Pattern pattern, AmountKind kind) {}

    static final List<AmountPattern> AMOUNT_PATTERNS = List.of(
            new AmountPattern(PERCENT, AmountKind.PERCENT),
            new AmountPattern(DEGREES, AmountKind.DEGREES),
            new AmountPattern(STOPS, AmountKind.STOPS),
            new AmountPattern(BY_HALF, null),
            new AmountPattern(BY_FRACTION, AmountKind.PERCENT),
            new AmountPattern(BARE, AmountKind.BARE),
            new AmountPattern(SIGNED, AmountKind.BARE));

    /** A number, or a fraction word as a percentage ("quarter" is 25). */
    static double fraction(String number) {
        return switch (number.toLowerCase(java.util.Locale.ROOT)) {
            case "quarter" -> 25;
            case "fifth" -> 20;
            case "third" -> 33;
            case "tenth" -> 10;
            default -> Double.parseDouble(number);
        };
    }

    /** An amount said in the clause: a number with its unit, or a word like "slightly". */
    record Amount(AmountKind kind, double value, boolean signed, String preposition) {
        static Amount take(Clause c) {
            Amount explicit = null;
            for (AmountPattern kind : AMOUNT_PATTERNS) {
                MatchResult m = c.take(kind.pattern());
                if (m == null) {
                    continue;
                }
                if (kind.kind() == null) {
                    explicit = new Amount(AmountKind.PERCENT, 50, false, "by");
                } else {
                    String number = m.group(2);
                    explicit = new Amount(
                            kind.kind(),
                            fraction(number),
                            number.startsWith("+") || number.startsWith("-"),
                            m.group(1));
                }
                break;
            }
            Double qualitative = null;
            int firstAt = Integer.MAX_VALUE;
            for (AmountWords words : QUALITATIVE) {
                Matcher m = words.words().matcher(c.rest());
                if (m.find() && m.start() < firstAt) {
                    qualitative = words.percent();
                    firstAt = m.start();
                }
            }
            for (AmountWords words : QUALITATIVE) {
                c.takeAll(words.words());
            }
            if (explicit != null) {
                return explicit;
            }
            if (qualitative != null) {
                return new Amount(AmountKind.QUALITATIVE, qualitative, false, null);
            }
            return new Amount(AmountKind.NONE, 0, false, null);
        }

        /** The amount as a percentage (explicit, qualitative, or the default); NaN for degrees or stops. */
        double percent(double fallback) {
            return switch (kind) {
                case PERCENT, BARE, QUALITATIVE -> value;
                case NONE -> fallback;
                default -> Double.NaN;
            };
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Normalization and the clause being consumed

    record Normalized(String text, List<String> quotes) {}

    static Normalized normalize(String clause) {
        if (Quotes.spans(clause).isEmpty()) {
            // "add the text SALE in the top corner", "write HELLO at the top": capitals after "text" (or a verb of
            // writing) are the text, as if quoted
            clause = UNQUOTED_TEXT.matcher(clause).replaceAll("$1\"$2\"");
            // "add the word hello at the bottom": one word after "the word" is the text, whatever its case
            clause = ONE_WORD.matcher(clause).replaceAll("$1\"$2\"");
        }
        List<String> quotes = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int last = 0;
        for (int[] span : Quotes.spans(clause)) {
            sb.append(clause, last, span[0]);
            sb.append(' ')
                    .append('\uE000')
                    .append(quotes.size())
                    .append('\uE001')
                    .append(' ');
            quotes.add(clause.substring(span[0] + 1, span[1] - 1));
            last = span[1];
        }
        sb.append(clause.substring(last));
        String s = sb.toString().toLowerCase(Locale.ROOT);
        s = s.replaceAll("[’‘`´]", "'")
                .replace('×', 'x')
                .replace('−', '-')
                .replace("°", " degrees ")
                .replaceAll("[–—]", " ")
                .replaceAll("(?<=[\\p{L}\\d])-(?=[\\p{L}\\d])", " ")
                .replace("colour", "color")
                .replaceAll("\\bgrey", "gray")
                .replaceAll("\\bcentre", "center")
                .replaceAll("\\bcentral\\b(?= (?:part|area|region)\\b)", "central")
                .replaceAll("\\b(poster|pixel|cartoon|miniatur)is(e|ed|es|ing|ation)\\b", "$1iz$2")
                .replaceAll("\\bblack\\s*(?:and|&|n)\\s*white\\b|\\bb\\s*&\\s*w\\b|\\bb/w\\b", " grayscale ")
                .replaceAll("\\bgray ?scale\\b", "grayscale")
                .replaceAll("\\b(?:anti|counter) ?clockwise\\b", "counterclockwise")
                .replaceAll("\\bnavy blue\\b", "navy")
                // "a reddish cast", "brown-ish fur": the colour
                .replaceAll("\\b(?:reddish)\\b", "red")
                .replaceAll("\\b(?:blue ?ish|bluish)\\b", "blue")
                .replaceAll("\\b(?:purple ?ish|purplish)\\b", "purple")
                .replaceAll("\\b(?:orange ?ish|orangish|orangey)\\b", "orange")
                .replaceAll("\\b(green|yellow|pink|brown|gray) ?ish\\b", "$1")
                .replaceAll("\\s+", " ")
                .trim();
        s = Words.numbers(s);
        s = Hedges.rewrite(s);
        s = Paraphrases.rewrite(s);
        s = s.replaceAll("\\b(?:at\\s+)?full (?:strength|intensity|power)\\b", " at 100% ")
                .replaceAll("\\bhalf (?:of )?an? stop\\b", "0.5 stop")
                .replaceAll("\\ba third of an? stop\\b", "0.33 stop")
                .replaceAll("\\ba (?:full|whole) stop\\b", "1 stop")
                .replaceAll("\\ba stop\\b", "1 stop")
                // "at about half strength": a fraction of full strength
                .replaceAll(
                        "\\b(?:at\\s+)?(?:about\\s+|around\\s+|roughly\\s+)?half (?:strength|intensity|power|opacity)\\b",
                        " at 50% ")
                .replaceAll(
                        "\\b(?:at\\s+)?(?:about\\s+|around\\s+|roughly\\s+)?(?:a )?quarter (?:strength|intensity|power|opacity)\\b",
                        " at 25% ")
                // "the whole frame" is the picture, not a border
                .replaceAll("\\b(?:whole|entire|full) frame\\b", "whole image")
                // "it looks oversaturated": how the picture is now, i.e. too saturated
                .replaceAll(
                        "\\b(?:looks|is|are|seems|seem|appears|feels)(?: a bit| slightly| very| way)? over ?saturated\\b",
                        "too saturated")
                .replaceAll("\\b(grain|noise|texture) on top\\b(?! of)", "$1")
                .replaceAll("\\bblur (?:out|away)\\b", "blur")
                .replaceAll("\\bout of (?:it|this|the (?:image|photo|picture))\\b", "")
                .replaceAll("\\b(?:lift|raise|open up|brighten|lighten) (?:up )?(?:the |its )?shadows\\b", "brighten")
                .replaceAll("\\b(?:crush|deepen|darken) (?:the |its )?shadows\\b", "darken")
                // "it looks underexposed": how the picture is now, i.e. too dark
                .replaceAll(
                        "\\b(?:looks|is|seems|appears|feels)(?: a bit| slightly| very)? underexposed\\b", "too dark")
                .replaceAll(
                        "\\b(?:looks|is|seems|appears|feels)(?: a bit| slightly| very)? overexposed\\b", "too bright")
                .replaceAll("\\s+(?:too|as well)\\s*[.!]*$", "")
                .replaceAll("\\ba handful of\\b", "5")
                .replaceAll("\\ba few (?:flat )?(?=(?:color )?(?:levels?|colors?|tones?|shades?)\\b)", "4 ")
                .replaceAll(
                        "\\b(?:(?:flip|reverse|swap)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+|its\\s+|every\\s+)?colors?"
                                + "(?:\\s+(?:to|into|for|with)\\s+(?:their|its|the)\\s+opposites?)?"
                                + "|(?:switch|turn|change)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+|its\\s+|every\\s+)?colors?"
                                + "\\s+(?:to|into|for|with)\\s+(?:their|its|the)\\s+opposites?)\\b",
                        "invert the colors")
                // "flip the colours of the top half to their opposites": the part named between
                .replaceAll(
                        "\\b(?:(?:flip|reverse|swap|switch|turn|change)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+|its\\s+)?colors?"
                                + "|invert the colors)((?:\\s+(?:of|in|on)\\s+(?:the\\s+)?(?:[a-z]+\\s+){0,2}?[a-z]+)?)"
                                + "\\s+(?:to|into|for|with)\\s+(?:their|its|the)\\s+opposites?\\b",
                        "invert the colors$1")
                // "the left side of the frame", "the top of the picture": the part of the image
                .replaceAll(
                        "\\b((?:top|upper|bottom|lower|left|right|middle|center)(?: hand)?(?: (?:left|right))?"
                                + "(?: (?:half|side|part|portion|third|thirds|corner|quarter|edge|area))?)"
                                + " of (?:the |this |my )?(?:frame|image|photo|photograph|picture|pic|shot)\\b",
                        "$1")
                // "darken the top third where the sky is": the words after the part only say what is there
                .replaceAll(
                        "\\b((?:half|third|thirds|corner|side|part|portion|quarter|edge|area|top|bottom|left|right|sky))"
                                + ",? (?:where|in which) (?:the |its |his |her |their )?[a-z]+(?: [a-z]+)?"
                                + " (?:is|are|sits|sit|shows|lies)\\b",
                        "$1")
                // "the cameraman shot", "the beach photo": the picture named by what it shows
                .replaceAll(
                        "\\b(?:the|this|my) (?!(?:background|backdrop|foreground|whole|entire|full|same|original|old|"
                                + "grayscale|sepia|color|final|edited|new|other|first|second|last|reference)\\b)[a-z]{3,}"
                                + " (?:shot|photo|photograph|picture|pic|image)\\b",
                        "the image")
                .replaceAll("\\btxt\\b", "text")
                .replaceAll(
                        "\\b(?:light|soft|delicate)(?=\\s+(?:\\w+\\s+)?(?:tint|cast|grain|vignette|blur|sepia|wash|noise)\\b)",
                        "slight")
                // "a light cartoon effect": a lighter cartoon, not a brighter picture
                .replaceAll("\\blight(?=\\s+(?:cartoon|comic|toon)\\b)", "slight")
                .replaceAll(
                        "\\b(warm|cool|lighten|brighten|darken|tone|calm)\\s+((?:the |this |that )?(?:\\w+ ){0,2}?)(up|down)\\b",
                        "$1 $3 $2")
                .replaceAll("\\bwhat(?:'s| is) behind (?:him|her|it|them|the subject)\\b", "background")
                // "everything behind the cat", "the background behind her": what lies behind the subject is the
                // background, whatever the subject is called (the segmentation finds it; its name is not checked)
                .replaceAll(
                        "\\b(?:everything|anything|all|whatever(?:'s| is)?|what(?:'s| is)?|the (?:area|space|scene|"
                                + "stuff|scenery))\\s+(?:that(?:'s| is)\\s+)?behind\\s+" + SUBJECT,
                        "background")
                .replaceAll("\\b(background|backdrop)\\s+(?:that(?:'s| is)\\s+)?behind\\s+" + SUBJECT, "$1")
                // "put the cup on a plain white background", "give the rocket a blue background": the thing placed
                // on a plain background stays, and the background becomes the colour
                .replaceAll(
                        "\\b(?:put|place|set|sit|stand|show)\\s+" + SUBJECT + "\\s+(?:on|onto|against|in front of|over)"
                                + "\\s+(?=(?:an?\\s+|the\\s+)?(?:[a-z]+\\s+){0,3}?(?:background|backdrop)\\b)",
                        "put ")
                .replaceAll(
                        "\\bgive\\s+" + SUBJECT
                                + "\\s+(?=(?:an?\\s+|the\\s+)?(?:[a-z]+\\s+){0,3}?(?:background|backdrop)\\b)",
                        "give ")
                .replaceAll("\\s+", " ")
                .trim();
        return new Normalized(s, quotes);
    }

    /**
     * The subject a background is behind or a thing put on one: a pronoun, or a noun after an article, with one colour
     * or size word before it ("the cup", "her", "the white model").
     */
    private static final String SUBJECT =
            "(?:him|her|it|them|the subject|(?:the|a|an|this|that|my|our|his|its|their)\\s+"
                    + "(?:(?:little|small|big|large|white|black|red|orange|yellow|green|blue|purple|pink|brown|grey|gray|silver|"
                    + "golden)\\s+)?(?!background\\b|backdrop\\b)[a-z]+)\\b";

    static final Pattern UNQUOTED_TEXT = Pattern.compile(
            "((?i:\\b(?:text|words?|caption|captioned|saying|reading|title|titled|label|labelled|labeled|write|type|stamp|"
                    + "print|letter))\\s+)"
                    + "(\\p{Lu}[\\p{Lu}\\d%!&'-]*(?:\\s+[\\p{Lu}\\d][\\p{Lu}\\d%!&'-]*)*)(?![\\p{L}])");

    static final Pattern ONE_WORD = Pattern.compile(
            "((?i:\\b(?:add|put|write|place|stamp|type|print)\\s+(?:the\\s+)?word)\\s+)"
                    + "(?!(?i:(?:at|in|on|to|the|a|an|across|along|near|over|under|below|above|into|onto)\\b))(\\p{L}[\\p{L}\\d'!-]*)(?![\\p{L}\\d\"])");

    static boolean courtesyOnly(Normalized normalized) {
        for (String token : tokens(normalized.text())) {
            if (!COURTESY.contains(token)) {
                return false;
            }
        }
        return true;
    }

    static final Pattern TOKEN =
            Pattern.compile("\uE000\\d+\uE001|\\p{L}+|\\d+(?:\\.\\d+)?|[^\\s\\p{Punct}\\p{IsPunctuation}]");

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** A clause being read: words are blanked out as matchers consume them. */
    static final class Clause {
        final List<String> quotes;
        private final char[] rest;
        private String thing;

        Clause(Normalized normalized) {
            this.quotes = normalized.quotes();
            this.rest = (" " + normalized.text() + " ").toCharArray();
        }

        String rest() {
            return new String(rest);
        }

        /** The words {@link #takeThingPhrase} consumed as a thing's name ("cup and saucer"), null when none. */
        String thing() {
            return thing;
        }

        /** Finds the first match, consumes it and returns it; null when there is none. */
        MatchResult take(Pattern pattern) {
            Matcher m = pattern.matcher(rest());
            if (!m.find() || m.end() == m.start()) {
                return null;
            }
            MatchResult result = m.toMatchResult();
            blank(m.start(), m.end());
            return result;
        }

        /** Consumes every match; returns how many there were. */
        int takeAll(Pattern pattern) {
            int n = 0;
            while (take(pattern) != null) {
                n++;
            }
            return n;
        }

        /** Consumes every color word, in order of appearance. */
        List<NamedColor> takeColors() {
            List<NamedColor> colors = new ArrayList<>();
            MatchResult m;
            while ((m = take(COLOR)) != null) {
                colors.add(colorNamed(m.group(1)));
            }
            return colors;
        }

        /**
         * Consumes the one noun that follows the first color word ("taxi" in "the yellow taxi green"), keeping the
         * color: the thing is found by its color. Only a single plain word that is not itself vocabulary counts.
         */
        void takeColoredThing() {
            Matcher first = COLOR.matcher(rest());
            if (!first.find()) {
                return;
            }
            Matcher m = COLORED_THING.matcher(rest());
            if (m.find(first.start())
                    && m.start() == first.start()
                    && !NOT_A_THING.contains(m.group(2))
                    && !FILLER.contains(m.group(2))) {
                blank(m.start(2), m.end(2));
            }
        }

        /**
         * Consumes the words that name the thing of the first color, which the editor finds by its color and does not
         * recognise: the run right after the color ("cup and saucer" in "the red cup and saucer green", "of its eyes"
         * in "the green of its eyes", "badge on her chest"), or, when none follows, the run right before it ("saucer"
         * in "make the saucer blue instead of red", only when {@code before}). A word of the run is a thing word
         * ({@link #thingWord}) or a joining word between two of them. Returns whether a thing word was consumed.
         */
        boolean takeThingPhrase(boolean before) {
            String text = rest();
            Matcher color = COLOR.matcher(text);
            if (!color.find()) {
                return false;
            }
            List<int[]> spans = new ArrayList<>();
            Matcher word = TOKEN.matcher(text);
            List<int[]> all = new ArrayList<>();
            while (word.find()) {
                all.add(new int[] {word.start(), word.end()});
            }
            int first = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i)[0] >= color.start()) {
                    first = i;
                    break;
                }
            }
            if (first < 0) {
                return false;
            }
            // "the small white thing", "the round blue badge": words of size and shape between the article and the
            // colour describe the thing, which is found by its colour
            int opener = first - 1;
            while (opener >= 0 && DESCRIBING.contains(text.substring(all.get(opener)[0], all.get(opener)[1]))) {
                opener--;
            }
            if (opener < first - 1
                    && opener >= 0
                    && DETERMINERS.contains(text.substring(all.get(opener)[0], all.get(opener)[1]))) {
                for (int i = opener + 1; i < first; i++) {
                    blank(all.get(i)[0], all.get(i)[1]);
                }
            }
            spans.addAll(run(text, all, first + 1, 1));
            if (spans.isEmpty() && before) {
                spans.addAll(run(text, all, first - 1, -1));
            }
            if (spans.isEmpty()) {
                return false;
            }
            spans.sort(java.util.Comparator.comparingInt(span -> span[0]));
            StringBuilder name = new StringBuilder();
            for (int[] span : spans) {
                name.append(name.isEmpty() ? "" : " ").append(text, span[0], span[1]);
                blank(span[0], span[1]);
            }
            thing = name.toString();
            return true;
        }

        /** The spans of a run of thing words and joining words from token {@code from} in a direction. */
        private static List<int[]> run(String text, List<int[]> tokens, int from, int step) {
            List<int[]> out = new ArrayList<>();
            List<int[]> pending = new ArrayList<>();
            for (int i = from; i >= 0 && i < tokens.size(); i += step) {
                int[] t = tokens.get(i);
                String w = text.substring(t[0], t[1]);
                if (thingWord(w)) {
                    out.addAll(pending);
                    pending.clear();
                    out.add(t);
                } else if (JOINING.contains(w)) {
                    pending.add(t);
                } else {
                    break;
                }
            }
            // "the green of its eyes": joining words before the first thing word belong to the phrase
            return out;
        }
        /** Consumes a named region ("in the top third"); null when there is none. */
        Region takeRegion() {
            for (RegionWords candidate : REGIONS) {
                if (take(candidate.words()) != null) {
                    return candidate.region();
                }
            }
            return null;
        }

        Region takeRegionOrWhole() {
            Region region = takeRegion();
            return region == null ? Region.WHOLE : region;
        }

        private void blank(int from, int to) {
            for (int i = from; i < to; i++) {
                rest[i] = ' ';
            }
        }

        /** Whether everything left is filler. */
        boolean clean() {
            for (String token : tokens(rest())) {
                if (!FILLER.contains(token)) {
                    return false;
                }
            }
            return true;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        throw new IllegalStateException("no group matched");
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static NamedColor colorNamed(String word) {
        for (String[] entry : COLOR_WORDS) {
            if (entry[0].equals(word)) {
                return NamedColor.of(entry[1]);
            }
        }
        return NamedColor.of(word);
    }

    static List<String[]> colorWords() {
        List<String[]> words = new ArrayList<>();
        for (NamedColor color : NamedColor.PALETTE) {
            words.add(new String[] {color.name(), color.name()});
        }
        words.add(new String[] {"hazel", "hazel"});
        words.add(new String[] {"golden", "gold"});
        // a metal is told by its look: bright, nearly colourless, with strong reflections (ObjectSelection)
        words.add(new String[] {"silvery", "silver"});
        words.add(new String[] {"chrome", "silver"});
        words.add(new String[] {"chromed", "silver"});
        words.add(new String[] {"metallic", "silver"});
        words.add(new String[] {"violet", "purple"});
        words.add(new String[] {"fuchsia", "magenta"});
        words.add(new String[] {"scarlet", "red"});
        words.add(new String[] {"crimson", "red"});
        words.add(new String[] {"turquoise", "cyan"});
        return words;
    }

    static String colorAlternation() {
        StringBuilder sb = new StringBuilder();
        colorWords().stream()
                .map(w -> w[0])
                .sorted((a, b) -> b.length() - a.length())
                .forEach(w -> sb.append(sb.isEmpty() ? "" : "|").append(w));
        return sb.toString();
    }

    /** The compiled pattern, compiled once (matchers name their patterns inline, next to the words they read). */
    static Pattern p(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }
}
