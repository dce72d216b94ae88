package dev.editloop.embedded.classic;

import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Position;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import java.math.BigDecimal;
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
 */
final class ClauseParser {
    /** Compiled patterns, by regex; declared first because the vocabulary below is built with it. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

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

    record Result(Kind kind, Action action) {
        static final Result EMPTY = new Result(Kind.EMPTY, null);
        static final Result UNKNOWN = new Result(Kind.UNKNOWN, null);
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
            "lighting");

    /** Words that alone make a clause ignorable. */
    private static final Set<String> COURTESY = Set.of(
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
            "additionally");

    /** Color names and the palette color each means. */
    private static final List<String[]> COLOR_WORDS = colorWords();

    private static final String COLOR_ALT = colorAlternation();
    private static final Pattern COLOR = p("\\b(" + COLOR_ALT + ")(?:s|es)?\\b");
    private static final Pattern MORE_COLOR = p("\\bmore\\s+(" + COLOR_ALT + ")\\b");
    private static final Pattern COMPARATIVE_COLOR = p("\\b(bluer|redder|greener|yellower|pinker|oranger|browner)\\b");

    private static final Pattern PLACEHOLDER = p("\uE000(\\d+)\uE001");

    private static final String NUM = "(?<![\\w.])([+-]?\\d+(?:\\.\\d+)?)";

    private static final Pattern PERCENT = p("(?:\\b(by|to|at|of|with|around|about)\\s+)?" + NUM
            + "\\s*(?:%|\\bpercent\\b|\\bper cent\\b)(?:\\s+(?:strength|intensity|opacity|amount))?");
    private static final Pattern DEGREES = p("(?:\\b(by|to|of)\\s+)?" + NUM + "\\s*(?:degrees?|deg)\\b");
    private static final Pattern STOPS = p("(?:\\b(by|of)\\s+)?" + NUM + "\\s*(?:stops?|ev)\\b");
    private static final Pattern BY_HALF = p("\\b(by) half\\b");
    private static final Pattern SIGNED = p("()(?<![\\w.])([+-]\\d+(?:\\.\\d+)?)(?![\\w.%:])");
    private static final Pattern BARE = p(
            "\\b(by|at|to)\\s+" + NUM
                    + "(?![\\w.%:])(?!\\s*(?:x\\b|px\\b|pixels?\\b|levels?\\b|degrees?\\b|stops?\\b|ev\\b|percent\\b|times\\b))");

    private static final List<Object[]> QUALITATIVE = List.of(
            new Object[] {
                p("\\b(?:a little bit|a tiny bit|a tiny amount|a small amount|a little|a bit|a tad|a touch|"
                        + "a hint|slightly|slight|subtly|subtle|gently|gentle|mildly|mild|lightly|faintly|faint|"
                        + "somewhat)\\b"),
                10.0
            },
            new Object[] {
                p("\\b(?:a lot|a great deal|quite a bit|lots|much|strongly|strong|significantly|significant|"
                        + "considerably|heavily|heavy|greatly|substantially|way|far)\\b"),
                50.0
            },
            new Object[] {
                p("\\b(?:very|really|dramatically|extremely|hugely|massively|drastically|super|intensely|intense|"
                        + "maximum|max)\\b"),
                75.0
            });

    private static final Pattern UP = p(
            "\\b(?:increase|increased|raise|raised|boost|boosted|more|higher|high|add|"
                    + "enhance|enhanced|intensify|strengthen|heighten|amplify|up|bump|crank|pump|push|greater|stronger|extra)\\b");
    private static final Pattern DOWN = p("\\b(?:decrease|decreased|reduce|reduced|lower|lowered|less|lessen|cut|"
            + "drop|diminish|weaken|down|soften|minimize|fewer|weaker)\\b");

    private static final String REGION_PREP =
            "(?:\\b(?:in|on|for|of|at|across|within|over|inside|to|into|from|throughout)\\s+)?(?:the\\s+)?";
    private static final String REGION_PREP_THE =
            "(?:\\b(?:in|on|for|of|at|across|within|over|inside|to|into|from|throughout)\\s+)?\\bthe\\s+";
    private static final String AREA = "(?:\\s+(?:corner|quarter|area|part|region|section|portion|side))?";
    private static final List<Object[]> REGIONS = List.of(
            new Object[] {p(REGION_PREP + "\\b(?:top|upper) left(?: hand)?" + AREA + "\\b"), Region.TOP_LEFT},
            new Object[] {p(REGION_PREP + "\\b(?:top|upper) right(?: hand)?" + AREA + "\\b"), Region.TOP_RIGHT},
            new Object[] {p(REGION_PREP + "\\b(?:bottom|lower) left(?: hand)?" + AREA + "\\b"), Region.BOTTOM_LEFT},
            new Object[] {p(REGION_PREP + "\\b(?:bottom|lower) right(?: hand)?" + AREA + "\\b"), Region.BOTTOM_RIGHT},
            new Object[] {p(REGION_PREP + "\\bleft(?: hand)? (?:half|side|part|portion)\\b"), Region.LEFT_HALF},
            new Object[] {p(REGION_PREP + "\\bright(?: hand)? (?:half|side|part|portion)\\b"), Region.RIGHT_HALF},
            new Object[] {p(REGION_PREP + "\\b(?:top|upper) (?:half|part|portion)\\b"), Region.TOP_HALF},
            new Object[] {p(REGION_PREP + "\\b(?:bottom|lower) (?:half|part|portion)\\b"), Region.BOTTOM_HALF},
            new Object[] {p(REGION_PREP + "\\b(?:top|upper|first) third\\b"), Region.TOP_THIRD},
            new Object[] {p(REGION_PREP + "\\b(?:middle|center|central|second) third\\b"), Region.MIDDLE_THIRD},
            new Object[] {p(REGION_PREP + "\\b(?:bottom|lower|last) third\\b"), Region.BOTTOM_THIRD},
            new Object[] {p(REGION_PREP + "\\bsky(?: area| region| part)?\\b"), Region.SKY},
            new Object[] {
                p(REGION_PREP + "\\b(?:center|middle|central (?:part|area|region))"
                        + "(?: area| part| region| portion| section)?\\b"),
                Region.CENTER
            },
            // "the top", "the left": only with the article, so that "lower the brightness" stays a verb
            new Object[] {p(REGION_PREP_THE + "(?:top|upper)(?: edge)?\\b"), Region.TOP_HALF},
            new Object[] {p(REGION_PREP_THE + "(?:bottom|lower)(?: edge)?\\b"), Region.BOTTOM_HALF},
            new Object[] {p(REGION_PREP_THE + "left(?: hand)?(?: edge)?\\b"), Region.LEFT_HALF},
            new Object[] {p(REGION_PREP_THE + "right(?: hand)?(?: edge)?\\b"), Region.RIGHT_HALF});

    private static final Pattern COLORED_THING =
            p("\\b(" + COLOR_ALT + ")\\s+(?!(?:" + COLOR_ALT + ")\\b)([a-z]{3,})\\b");
    private static final Set<String> NOT_A_THING = Set.of(
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

    private static final Pattern REMOVE_VERB = p("\\b(?:remove|removed|erase|erased|delete|deleted|eliminate|"
            + "get rid of|take out|take away|clean up|cut out|wipe out|wipe away|wipe)\\b");
    private static final Pattern THING_NOUNS = p("\\b(?:areas?|parts?|regions?|pixels?|spots?|patch|patches|zones?|"
            + "sections?|bits?|things?|objects?|items?|elements?|shapes?|balls?|squares?|circles?|rectangles?|"
            + "blocks?|box|boxes|stuff|ones?|shades?|hues?|sky|skies|grass|leaf|leaves|flowers?|cars?|apples?|"
            + "shirts?|dress|dresses|walls?|doors?|roofs?|signs?|fruits?|petals?|clothes|clothing)\\b");

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
                return new Result(Kind.ACTION, action);
            }
        }
        return Result.UNKNOWN;
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

    private static final Set<String> BORROWABLE_VERBS = Set.of(
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
            "invert");

    private static final List<Function<Clause, Action>> MATCHERS = List.of(
            ClauseParser::text,
            ClauseParser::background,
            ClauseParser::recolor,
            ClauseParser::removeColored,
            ClauseParser::removeRegion,
            ClauseParser::crop,
            ClauseParser::zoom,
            ClauseParser::resize,
            ClauseParser::rotate,
            ClauseParser::flip,
            ClauseParser::border,
            ClauseParser::posterize,
            ClauseParser::tint,
            ClauseParser::filter,
            ClauseParser::style,
            ClauseParser::tone);

    // ---------------------------------------------------------------------------------------------------------
    // Matchers: each consumes the words it understands and returns an action, or null

    private static Action text(Clause c) {
        MatchResult q = c.take(PLACEHOLDER);
        if (q == null) {
            return null;
        }
        String text = c.quotes.get(Integer.parseInt(q.group(1)));
        int verbs = c.takeAll(p("\\b(?:add|write|put|place|insert|overlay|caption|captioned|label|labeled|labelled|"
                + "print|type|stamp|stick|title|titled|text|words?|saying|says|say|reading|reads|message|heading|"
                + "headline|letters|lettering|font|which|that)\\b"));
        if (verbs == 0) {
            return null;
        }
        Position position = Position.BOTTOM;
        String prep = "(?:\\b(?:at|in|on|along|across|near|to|into|onto)\\s+)?(?:the\\s+)?";
        String corner = "(?:\\s+(?:corner|side|edge|area))?\\b";
        Object[][] positions = {
            {p(prep + "\\b(?:top|upper) left" + corner), Position.TOP_LEFT},
            {p(prep + "\\b(?:top|upper) right" + corner), Position.TOP_RIGHT},
            {p(prep + "\\b(?:bottom|lower) left" + corner), Position.BOTTOM_LEFT},
            {p(prep + "\\b(?:bottom|lower) right" + corner), Position.BOTTOM_RIGHT},
            {p(prep + "\\b(?:top|upper)(?:\\s+(?:edge|part|area|side|center|middle|corner))?\\b"), Position.TOP},
            {p(prep + "\\b(?:bottom|lower)(?:\\s+(?:edge|part|area|side|center|middle|corner))?\\b"), Position.BOTTOM},
            {p(prep + "\\b(?:center|middle|centre)\\b"), Position.CENTER}
        };
        int found = 0;
        for (Object[] candidate : positions) {
            if (c.take((Pattern) candidate[0]) != null) {
                position = (Position) candidate[1];
                found++;
            }
        }
        if (found > 1) {
            return null;
        }
        NamedColor color = NamedColor.of("white");
        MatchResult colorMatch =
                c.take(p("(?:\\b(?:in|with)\\s+)?\\b(" + COLOR_ALT + ")\\b(?:\\s+(?:text|letters|font|ink))?"));
        if (colorMatch != null) {
            color = colorNamed(colorMatch.group(1));
        }
        return new Action.AddText(text, position, color);
    }

    private static Action background(Clause c) {
        if (c.takeAll(p("\\b(?:background|backdrop|backgrounds|bg)\\b")) == 0) {
            return null;
        }
        boolean blur = c.takeAll(p("\\b(?:blur|blurred|blurry|blurrier|defocus|defocused|soften|softened|soft|"
                        + "bokeh|out of focus|unfocused)\\b"))
                > 0;
        boolean remove = c.takeAll(REMOVE_VERB) > 0;
        c.takeAll(p("\\b(?:replace|replaced|swap|switch|fill|filled|paint|painted|solid|plain|flat|uniform|"
                + "simple|single|pure|clean|blank)\\b"));
        if (blur) {
            Amount.take(c); // "blur the backdrop strongly": the background blur has one strength
        }
        List<NamedColor> colors = c.takeColors();
        if (colors.size() > 1 || (blur && (remove || !colors.isEmpty()))) {
            return null;
        }
        if (blur) {
            return new Action.Background(null);
        }
        if (colors.size() == 1) {
            return new Action.Background(colors.get(0));
        }
        return remove ? new Action.Background(NamedColor.of("white")) : null;
    }

    private static Action recolor(Clause c) {
        c.takeAll(p("\\b(?:recolor|recolored|replace|replaced|swap|switch|paint|painted|shift|changed)\\b"));
        c.takeAll(THING_NOUNS);
        c.takeColoredThing();
        List<NamedColor> colors = c.takeColors();
        if (colors.size() != 2) {
            return null;
        }
        return new Action.Recolor(colors.get(0), colors.get(1));
    }

    private static Action removeColored(Clause c) {
        if (c.takeAll(REMOVE_VERB) == 0) {
            return null;
        }
        c.takeAll(THING_NOUNS);
        c.takeAll(p("\\bfrom\\b"));
        c.takeColoredThing();
        List<NamedColor> colors = c.takeColors();
        return colors.size() == 1 ? new Action.RemoveColored(colors.get(0)) : null;
    }

    private static Action removeRegion(Clause c) {
        if (c.takeAll(REMOVE_VERB) == 0) {
            return null;
        }
        Region region = c.takeRegion();
        if (region == null) {
            return null;
        }
        c.takeAll(p("\\b(?:objects?|things?|stuff|content|contents|everything|whatever|anything|something|items?|"
                + "which|what)\\b"));
        // its size ("the small object in the top right"): it is found by its place; a colour as well as a place is
        // two descriptions the editor cannot check against each other, so it stays not understood
        c.takeAll(p("\\b(?:small|little|tiny|big|large|shiny)\\b"));
        return new Action.RemoveRegion(region);
    }

    private static Action crop(Clause c) {
        boolean verb = c.takeAll(p("\\b(?:crop|cropped|cropping|trim|trimmed)\\b")) > 0;
        c.takeAll(p("\\b(?:aspect ratio|ratio|aspect|format|proportions?|shape|frame)\\b"));
        boolean square = c.takeAll(p("\\bsquare(?:\\s+crop)?\\b")) > 0;
        if (!verb) {
            return square ? new Action.CropAspect(1, 1) : null;
        }
        boolean wide = c.takeAll(p("\\bwidescreen\\b|\\bwide screen\\b")) > 0;
        MatchResult ratio = c.take(p("(?:\\b(?:to|into|at)\\s+)?(?:an?\\s+)?(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*"
                + "(?::|x|by|/)\\s*(\\d+(?:\\.\\d+)?)\\b"));
        Region region = c.takeRegion();
        int kinds = (square ? 1 : 0) + (wide ? 1 : 0) + (ratio != null ? 1 : 0) + (region != null ? 1 : 0);
        if (kinds != 1) {
            return null;
        }
        if (square) {
            return new Action.CropAspect(1, 1);
        }
        if (wide) {
            return new Action.CropAspect(16, 9);
        }
        if (region != null) {
            return new Action.CropRegion(region);
        }
        return aspect(ratio.group(1), ratio.group(2));
    }

    private static Action zoom(Clause c) {
        if (c.takeAll(p("\\bzoom(?:ed)?(?:\\s+in(?:to)?)?\\b|\\bmagnify\\b|\\bpunch in\\b")) == 0) {
            return null;
        }
        Region region = c.takeRegion();
        if (region != null && region != Region.CENTER) {
            return null;
        }
        MatchResult times = c.take(
                p("(?:\\b(?:by|to)\\s+)?(?:a factor of\\s+)?(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*(?:x|times)(?![\\w])"));
        if (times != null) {
            double factor = Double.parseDouble(times.group(1));
            return factor > 1 ? new Action.Zoom(clamp((factor - 1) * 100, 0, 400)) : null;
        }
        Amount amount = Amount.take(c);
        double percent = switch (amount.kind()) {
            case PERCENT, BARE -> amount.value();
            case QUALITATIVE -> amount.value();
            case NONE -> 25;
            default -> Double.NaN;
        };
        if (!(percent > 0)) {
            return null;
        }
        return new Action.Zoom(Math.min(400, percent));
    }

    private static Action resize(Clause c) {
        MatchResult dims = c.take(
                p(
                        "(?:\\b(?:to|at|into)\\s+)?(?<![\\w.])(\\d{1,6})\\s*(?:x|by|\\*)\\s*(\\d{1,6})(?:\\s*(?:px|pixels))?\\b"));
        int neutral = c.takeAll(p("\\b(?:resize|resized|resizing|rescale|rescaled|scale|scaled|size|sized|"
                + "dimensions|resolution)\\b"));
        int coreUp = c.takeAll(p("\\b(?:enlarge|enlarged|upscale|upscaled|upsize|bigger|larger)\\b"));
        int coreDown = c.takeAll(p("\\b(?:shrink|shrunk|downscale|downscaled|downsize|smaller)\\b"));
        int up = coreUp + c.takeAll(p("\\b(?:grow|expand|increase|up)\\b"));
        int down = coreDown + c.takeAll(p("\\b(?:reduce|decrease|lower|down)\\b"));
        if (dims != null) {
            if (up > 0 || down > 0) {
                return null;
            }
            return new Action.Resize(Integer.parseInt(dims.group(1)), Integer.parseInt(dims.group(2)));
        }
        if (up > 0 && down > 0) {
            return null;
        }
        boolean core = neutral + coreUp + coreDown > 0;
        int dir = up > 0 ? 1 : down > 0 ? -1 : 0;
        double factor = Double.NaN;
        if (c.takeAll(p("\\b(?:double|doubled|twice)\\b")) > 0) {
            factor = 2;
        } else if (c.takeAll(p("\\b(?:halve|halved|half)\\b")) > 0) {
            factor = 0.5;
        } else if (c.takeAll(p("\\b(?:a\\s+)?quarter\\b")) > 0) {
            factor = 0.25;
        } else {
            MatchResult times = c.take(p("(?:\\b(?:by|to)\\s+)?(?:a factor of\\s+)?(?<![\\w.])(\\d+(?:\\.\\d+)?)"
                    + "\\s*(?:x|times)(?![\\w])"));
            if (times != null) {
                factor = Double.parseDouble(times.group(1));
            }
        }
        // "twice as big", "half as large": the size said with an adjective
        boolean sized = c.takeAll(p("\\bas\\s+(?:big|large)\\b|\\b(?:big|large)\\b")) > 0;
        if (!core && !(sized && !Double.isNaN(factor))) {
            return null;
        }
        double percent;
        if (!Double.isNaN(factor)) {
            if (!(factor > 0)) {
                return null;
            }
            percent = dir < 0 && factor > 1 ? 100 / factor : 100 * factor;
        } else {
            Amount amount = Amount.take(c);
            switch (amount.kind()) {
                case PERCENT, BARE -> {
                    if ("by".equals(amount.preposition()) && dir != 0) {
                        percent = 100 + dir * amount.value();
                    } else {
                        percent = amount.value();
                    }
                }
                case QUALITATIVE -> {
                    if (dir == 0) {
                        return null;
                    }
                    percent = 100 + dir * amount.value();
                }
                case NONE -> {
                    if (dir == 0) {
                        return null;
                    }
                    percent = 100 + dir * 25;
                }
                default -> {
                    return null;
                }
            }
        }
        if (!(percent > 0)) {
            return null;
        }
        return new Action.Scale(clamp(round2(percent), 1, 400));
    }

    private static Action rotate(Clause c) {
        MatchResult verb = c.take(p("\\b(?:rotate|rotated|rotating|rotation|turn|turned|spin)\\b"));
        boolean upsideDown = c.takeAll(p("\\bupside down\\b")) > 0;
        if (verb == null && !upsideDown) {
            return null;
        }
        c.takeAll(p("\\b(?:rotate|rotated|rotation)\\b"));
        boolean turn = verb != null && verb.group().startsWith("turn");
        Integer degrees = null;
        MatchResult quarter = c.take(p("\\b(?:a\\s+)?(quarter|half)(?:\\s+(?:a\\s+)?turn)?\\b"));
        if (quarter != null) {
            degrees = quarter.group(1).equals("quarter") ? 90 : 180;
        }
        MatchResult number = c.take(p("(?:\\bby\\s+)?(?<![\\w.])([+-]?\\d+)\\s*(?:degrees?|deg)?\\b"));
        if (number != null) {
            if (degrees != null) {
                return null;
            }
            degrees = Integer.parseInt(number.group(1));
        }
        int dir = 0;
        int cw = c.takeAll(p("\\b(?:clockwise|cw)\\b|(?:\\b(?:to|towards)\\s+(?:the\\s+)?)?\\bright\\b"));
        int ccw = c.takeAll(p("\\b(?:counterclockwise|ccw)\\b|(?:\\b(?:to|towards)\\s+(?:the\\s+)?)?\\bleft\\b"));
        if (cw > 0 && ccw > 0) {
            return null;
        }
        dir = cw > 0 ? 1 : ccw > 0 ? -1 : 0;
        if (upsideDown) {
            if (degrees != null && degrees % 360 != 180) {
                return null;
            }
            degrees = 180;
        }
        if (degrees == null) {
            if (turn && dir == 0) {
                return null;
            }
            degrees = 90;
        }
        int clockwise = Math.floorMod(dir < 0 ? -degrees : degrees, 360);
        return clockwise == 0 ? null : new Action.Rotate(clockwise);
    }

    private static Action flip(Clause c) {
        if (c.takeAll(p("\\b(?:flip|flipped|mirror|mirrored|reflect|reflected)\\b")) == 0) {
            return null;
        }
        int horizontal = c.takeAll(p(
                "\\b(?:horizontally|horizontal|sideways|left to right|right to left|" + "left right|side to side)\\b"));
        int vertical = c.takeAll(p("\\b(?:vertically|vertical|upside down|top to bottom|bottom to top|up down)\\b"));
        if (horizontal > 0 && vertical > 0) {
            return null;
        }
        return new Action.Flip(vertical == 0);
    }

    private static Action border(Clause c) {
        if (c.takeAll(p("\\b(?:border|borders|frame|framed|matte|margin)\\b")) == 0) {
            return null;
        }
        int pixels = 20;
        MatchResult size = c.take(
                p("(?:\\b(?:of|with)\\s+)?(?<![\\w.])(\\d+)\\s*(?:px|pixels?)\\b" + "(?:\\s+(?:wide|thick|width))?"));
        int thin = c.takeAll(p("\\bthin\\b"));
        int thick = c.takeAll(p("\\b(?:thick|wide)\\b"));
        if ((size != null ? 1 : 0) + (thin > 0 ? 1 : 0) + (thick > 0 ? 1 : 0) > 1) {
            return null;
        }
        if (size != null) {
            pixels = (int) clamp(Double.parseDouble(size.group(1)), 1, 1000);
        } else if (thin > 0) {
            pixels = 8;
        } else if (thick > 0) {
            pixels = 40;
        }
        List<NamedColor> colors = c.takeColors();
        if (colors.size() > 1) {
            return null;
        }
        return new Action.Border(pixels, colors.isEmpty() ? NamedColor.of("white") : colors.get(0));
    }

    private static Action posterize(Clause c) {
        Region region = c.takeRegionOrWhole();
        if (c.takeAll(p("\\bposteriz(?:e|ed|ation|ing)\\b|\\bposter\\b")) == 0) {
            // "reduce it down to a handful of colours": a count of colours is a posterize
            if (!p("\\b\\d+\\s*(?:flat\\s+)?(?:color\\s+)?(?:colors|levels|tones|shades)\\b")
                            .matcher(c.rest())
                            .find()
                    || c.takeAll(p("\\b(?:reduce|reduced|limit|limited|restrict|restricted|cut|bring)\\b")) == 0) {
                return null;
            }
            c.takeAll(p("\\bdown\\b|\\bflat\\b|\\bonly\\b|\\bjust\\b"));
        }
        MatchResult levels = c.take(p("(?:\\b(?:to|with|into|at|using|in)\\s+)?(?<![\\w.])(\\d+)\\s*"
                + "(?:color\\s+)?(?:levels?|colors?|tones?|shades?|steps?|values?)(?:\\s+per channel)?\\b"));
        int n;
        if (levels != null) {
            n = (int) clamp(Double.parseDouble(levels.group(1)), 2, 64);
        } else {
            Amount amount = Amount.take(c);
            n = switch (amount.kind()) {
                case NONE -> 4;
                case QUALITATIVE -> amount.value() <= 10 ? 8 : amount.value() <= 25 ? 4 : amount.value() <= 50 ? 3 : 2;
                default -> -1;
            };
            if (n < 0) {
                return null;
            }
        }
        return new Action.Posterize(n, region);
    }

    private static Action tint(Clause c) {
        Region region = c.takeRegionOrWhole();
        NamedColor color = null;
        MatchResult comparative = c.take(COMPARATIVE_COLOR);
        if (comparative != null) {
            String word = comparative.group(1);
            color = NamedColor.of(
                    switch (word) {
                        case "bluer" -> "blue";
                        case "redder" -> "red";
                        case "greener" -> "green";
                        case "yellower" -> "yellow";
                        case "pinker" -> "pink";
                        case "oranger" -> "orange";
                        default -> "brown";
                    });
        }
        MatchResult more = c.take(MORE_COLOR);
        int trigger = c.takeAll(p("\\b(?:tint|tinted|tinting|cast|wash|overlay|hue|filter)\\b"));
        if (comparative == null && more == null && trigger == 0) {
            return null;
        }
        List<NamedColor> colors = c.takeColors();
        if (more != null) {
            colors.add(0, colorNamed(more.group(1)));
        }
        if (color != null) {
            colors.add(0, color);
        }
        if (colors.size() != 1) {
            return null;
        }
        c.takeAll(UP);
        Amount amount = Amount.take(c);
        double strength = amount.percent(25);
        if (!(strength > 0)) {
            return null;
        }
        return new Action.Tint(colors.get(0), Math.min(100, strength), region);
    }

    private static Action filter(Clause c) {
        Region region = c.takeRegionOrWhole();
        Filter filter = null;
        Object[][] words = {
            {
                p("\\bgrayscale\\b|\\bmonochrom(?:e|atic)\\b|\\bmono\\b|\\bcolorless\\b|"
                        + "\\b(?:remove|drop|strip|drain|take)\\s+(?:out\\s+|away\\s+)?(?:all\\s+)?(?:of\\s+)?(?:the\\s+)?colors?\\b|"
                        + "\\b(?:completely|fully|entirely)\\s+desaturated?\\b|\\bdesaturated?\\s+(?:completely|"
                        + "fully|entirely)\\b"),
                Filter.GRAYSCALE
            },
            {p("\\bsepia\\b"), Filter.SEPIA},
            {
                p("\\binvert(?:ed)?\\b|\\binverse\\b|\\bnegative\\b|\\bnegate\\b|\\binversion\\b|\\binverting\\b"),
                Filter.INVERT
            }
        };
        for (Object[] word : words) {
            if (c.takeAll((Pattern) word[0]) > 0) {
                if (filter != null) {
                    return null;
                }
                filter = (Filter) word[1];
            }
        }
        if (filter == null) {
            return null;
        }
        Amount amount = Amount.take(c);
        double strength = amount.percent(100);
        if (!(strength > 0)) {
            return null;
        }
        return new Action.ColorFilter(filter, Math.min(100, strength), region);
    }

    private static final List<Object[]> STYLE_WORDS = List.of(
            new Object[] {
                p("\\bpencil sketch(?:es)?\\b|\\bpencil drawing\\b|\\bpencil\\b|\\bsketch(?:ed|y|es)?\\b|"
                        + "\\bdrawing\\b|\\bdrawn\\b|\\bgraphite\\b|\\bhand drawn\\b"),
                Style.PENCIL_SKETCH
            },
            new Object[] {
                p("\\bwatercolor paintings?\\b|\\bwatercolors?\\b|\\bpaintings?\\b|\\bpainted\\b|\\bpaint\\b|"
                        + "\\baquarelle\\b|\\bpainterly\\b"),
                Style.WATERCOLOR
            },
            new Object[] {
                p("\\bcartoon(?:s|ish|y|ize|ized|ify|ified|like)?\\b|\\bcomic(?: book)?s?\\b|\\btoon\\b"), Style.CARTOON
            },
            new Object[] {
                p("\\bpixel art\\b|\\bpixelart\\b|\\bpixelat(?:e|ed|ion)\\b|\\bpixeliz(?:e|ed|ation)\\b|"
                        + "\\bpixely\\b"),
                Style.PIXEL_ART
            },
            new Object[] {p("\\bhdr\\b|\\bhigh dynamic range\\b|\\bdetail enhance(?:ment|d)?\\b"), Style.HDR},
            new Object[] {p("\\bdetails?\\b|\\bclarity\\b"), Style.HDR, "needs a verb"},
            new Object[] {
                p("\\bgaussian blur\\b|\\bblur(?:s|red|ry|rier|ring)?\\b|\\bsoften(?:ed)?\\b|\\bsofter\\b|\\bsoft\\b|"
                        + "\\bdefocus(?:ed)?\\b|\\bout of focus\\b|\\bunfocused\\b"),
                Style.BLUR
            },
            new Object[] {
                p("\\bsharpen(?:ed|ing)?\\b|\\bsharper\\b|\\bsharpness\\b|\\bcrisp(?:er|en)?\\b|\\bunsharp mask\\b"),
                Style.SHARPEN
            },
            new Object[] {
                p("\\btilt shift\\b|\\btiltshift\\b|\\bminiature\\b|\\bminiaturi[sz](?:e|ed)\\b|\\bdiorama\\b|"
                        + "\\b(?:tiny |small )?(?:scale|toy) model\\b"),
                Style.TILT_SHIFT
            },
            new Object[] {
                p("\\bvignett(?:e|es|ing|ed)\\b|\\b(?:darken|darker|dark|darkened)\\s+(?:the\\s+)?(?:corners|edges)\\b"
                        + "|\\b(?:corners|edges)\\s+(?:darker|dark)\\b"),
                Style.VIGNETTE
            },
            new Object[] {
                p("\\bfilm grain\\b|\\bfilm noise\\b|\\bgrain\\b|\\bgrainy\\b|\\bgrainier\\b|\\bnoise\\b|\\bnoisy\\b"),
                Style.FILM_GRAIN
            });

    private static Action style(Clause c) {
        Region region = c.takeRegionOrWhole();
        Style style = null;
        boolean needsVerb = false;
        boolean named = false;
        for (Object[] word : STYLE_WORDS) {
            if (c.takeAll((Pattern) word[0]) == 0) {
                continue;
            }
            if (style != null && style != word[1]) {
                return null;
            }
            style = (Style) word[1];
            if (word.length > 2) {
                needsVerb = true;
            } else {
                named = true;
            }
        }
        if (style == null) {
            return null;
        }
        if (style == Style.VIGNETTE) {
            c.takeAll(p("\\bdark\\b|\\b(?:around|round|along|at) the (?:edges|corners|borders|sides)\\b"));
        }
        if (style == Style.PIXEL_ART) {
            c.takeAll(p("\\b(?:chunky|big|large|coarse|blocky) (?:blocks?|pixels?|squares?)\\b|\\b(?:8|16) bit\\b"));
        }
        if (c.takeAll(DOWN) > 0) {
            return null;
        }
        int up = c.takeAll(UP) + c.takeAll(p("\\bbring out\\b|\\bpop\\b"));
        if (needsVerb && !named && up == 0) {
            return null; // "the details" alone says nothing about what to do with them
        }
        if (style == Style.PIXEL_ART) {
            MatchResult block = c.take(p("(?:\\b(?:with|using|in|of|at)\\s+)?(?<![\\w.])(\\d+)\\s*(?:pixels?|px)?\\s+"
                    + "(?:blocks?|squares?)\\b|\\b(?:blocks?|squares?)\\s+(?:of\\s+)?(\\d+)\\s*(?:pixels?|px)?\\b|"
                    + "\\bblock size\\s+(?:of\\s+)?(\\d+)\\b|(?:\\b(?:with|using|at|of)\\s+)?(?<![\\w.])(\\d+)\\s*"
                    + "(?:pixels?|px)\\b"));
            int size;
            if (block != null) {
                String number = firstNonNull(block.group(1), block.group(2), block.group(3), block.group(4));
                size = (int) clamp(Double.parseDouble(number), 2, 256);
            } else {
                Amount amount = Amount.take(c);
                if (amount.kind() == AmountKind.NONE) {
                    size = 16;
                } else if (amount.kind() == AmountKind.QUALITATIVE) {
                    size = (int) Math.max(2, Math.round(amount.value() * 0.64));
                } else {
                    return null;
                }
            }
            return new Action.Stylize(style, size, region);
        }
        // looks are all-or-nothing by default; effects of a degree (grain, vignette, blur…) take the usual 25%
        boolean full = switch (style) {
            case PENCIL_SKETCH, WATERCOLOR, CARTOON -> true;
            default -> false;
        };
        Amount amount = Amount.take(c);
        double strength = amount.percent(full ? 100 : 25);
        if (!(strength > 0)) {
            return null;
        }
        return new Action.Stylize(style, Math.min(100, strength), region);
    }

    private record ToneWord(Pattern pattern, Tone tone, int sign) {}

    private static final List<ToneWord> TONE_WORDS = List.of(
            new ToneWord(p("\\b(?:brightness|lightness|luminosity)\\b"), Tone.BRIGHTNESS, 0),
            new ToneWord(
                    p("\\b(?:brighter|brighten|brightened|lighter|lighten|lightened|bright)\\b"), Tone.BRIGHTNESS, 1),
            new ToneWord(p("\\b(?:darker|darken|darkened|dark|darkness|dimmer|dim)\\b"), Tone.BRIGHTNESS, -1),
            new ToneWord(p("\\bcontrast\\b"), Tone.CONTRAST, 0),
            new ToneWord(p("\\b(?:contrasty|punchier|punchy|punch)\\b"), Tone.CONTRAST, 1),
            new ToneWord(p("\\b(?:flatter|flat)\\b"), Tone.CONTRAST, -1),
            new ToneWord(
                    p("\\b(?:saturation|colorfulness|vibrance|vibrancy|chroma|intensity of the colors)\\b"),
                    Tone.SATURATION,
                    0),
            new ToneWord(p("\\b(?:saturate|saturated|vivid|vibrant|colorful|richer|rich)\\b"), Tone.SATURATION, 1),
            new ToneWord(p("(?<=\\b(?:less|more) )intense\\b"), Tone.SATURATION, 0),
            new ToneWord(
                    p("\\b(?:desaturate|desaturated|muted|mute|duller|dull|washed out|subdued|paler|pale)\\b"),
                    Tone.SATURATION,
                    -1),
            new ToneWord(p("\\bwarmth\\b"), Tone.WARMTH, 0),
            new ToneWord(p("\\bwarm(?:er)?(?:\\s+(?:it\\s+)?up)?\\b"), Tone.WARMTH, 1),
            new ToneWord(
                    p(
                            "\\bcool(?:er)?\\s+(?:it\\s+)?down\\b|\\bcooler\\b|\\bcool(?=\\s+(?:tones?|colors?|cast|hues?)\\b)"),
                    Tone.WARMTH,
                    -1),
            new ToneWord(p("\\bhue shift\\b|\\bhues?\\b"), Tone.HUE, 0),
            new ToneWord(p("\\bexposure\\b|\\bexpose\\b"), Tone.EXPOSURE, 0),
            new ToneWord(p("\\boverexposed?\\b"), Tone.EXPOSURE, 1),
            new ToneWord(p("\\bunderexposed?\\b"), Tone.EXPOSURE, -1));

    private static Action tone(Clause c) {
        Region region = c.takeRegionOrWhole();
        Tone tone = null;
        int wordSign = 0;
        // "it's too bright": the word names the quality to move and the way not to go
        Tone tooTone = null;
        int tooSign = 0;
        MatchResult too = c.take(p("\\btoo\\s+(\\w+)\\b"));
        if (too != null) {
            for (ToneWord word : TONE_WORDS) {
                Matcher w = word.pattern().matcher(" " + too.group(1) + " ");
                if (w.find() && w.start() <= 1) {
                    tooTone = word.tone();
                    tooSign = word.sign();
                    int end = w.end() - 1;
                    if (end < too.group(1).length()) {
                        return null; // a second word after the quality: not this reading
                    }
                    break;
                }
            }
            if (tooTone == null || tooSign == 0) {
                return null;
            }
        }
        for (ToneWord word : TONE_WORDS) {
            int n = c.takeAll(word.pattern());
            if (n == 0) {
                continue;
            }
            if (tone != null && tone != word.tone()) {
                return null;
            }
            tone = word.tone();
            if (word.sign() != 0) {
                if (wordSign != 0 && wordSign != word.sign()) {
                    return null;
                }
                wordSign = word.sign();
            }
        }
        if (tooTone == Tone.BRIGHTNESS && tone == Tone.EXPOSURE) {
            tooTone = Tone.EXPOSURE; // "too dark, add a stop of exposure"
        }
        if (tooTone != null) {
            if (tone != null && tone != tooTone) {
                return null;
            }
            tone = tooTone;
            if (wordSign == 0) {
                wordSign = -tooSign;
                tooSign = 0; // the sign comes from "too" alone: a direction word below names the same move
            }
        }
        if (tone == null) {
            return null;
        }
        if (tone == Tone.HUE) {
            c.takeAll(
                    p("\\b(?:shift|shifted|rotate|rotated|move|spin|cycle)\\b|\\b(?:around|round) the color wheel\\b"));
        }
        if (tone == Tone.WARMTH) {
            c.takeAll(p("\\b(?:tint|tinted|cast|temperature|white balance)\\b"));
        }
        int up = c.takeAll(UP);
        int down = c.takeAll(DOWN);
        if (up > 0 && down > 0) {
            return null;
        }
        int dir = down > 0 ? -1 : 1;
        boolean hasDir = up > 0 || down > 0;
        Amount amount = Amount.take(c);
        int sign = (wordSign == 0 ? 1 : wordSign) * dir;
        if (tooTone != null && hasDir) {
            sign = dir; // "too bright, bring it down": the direction word says which way
        }
        if (wordSign == 0 && !hasDir && !amount.signed() && tone != Tone.HUE) {
            return null;
        }
        double value;
        switch (tone) {
            case HUE -> {
                value = switch (amount.kind()) {
                    case DEGREES, BARE -> amount.value();
                    case PERCENT, QUALITATIVE -> amount.value() * 1.8;
                    case NONE -> 45;
                    default -> Double.NaN;
                };
                value *= sign;
                if (value > 180 || value < -180) {
                    value = value % 360;
                    if (value > 180) {
                        value -= 360;
                    } else if (value <= -180) {
                        value += 360;
                    }
                }
            }
            case EXPOSURE -> {
                value = switch (amount.kind()) {
                    case STOPS, BARE -> sign * amount.value();
                    case PERCENT -> {
                        double fraction = amount.value() / 100 * (sign < 0 ? -1 : 1);
                        yield round2(Math.log(Math.max(1.0 / 32, 1 + fraction)) / Math.log(2));
                    }
                    case QUALITATIVE -> sign * amount.value() / 50;
                    case NONE -> sign * 0.5;
                    default -> Double.NaN;
                };
            }
            default -> {
                value = switch (amount.kind()) {
                    case PERCENT, BARE, QUALITATIVE -> sign * amount.value();
                    case NONE -> sign * 25.0;
                    default -> Double.NaN;
                };
            }
        }
        if (Double.isNaN(value) || value == 0) {
            return null;
        }
        return new Action.Adjust(tone, InstructionParser.clamp(tone, value), region);
    }

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

    /** An amount said in the clause: a number with its unit, or a word like "slightly". */
    record Amount(AmountKind kind, double value, boolean signed, String preposition) {
        static Amount take(Clause c) {
            Amount explicit = null;
            Object[][] kinds = {
                {PERCENT, AmountKind.PERCENT}, {DEGREES, AmountKind.DEGREES}, {STOPS, AmountKind.STOPS},
                {BY_HALF, null}, {BARE, AmountKind.BARE}, {SIGNED, AmountKind.BARE}
            };
            for (Object[] kind : kinds) {
                MatchResult m = c.take((Pattern) kind[0]);
                if (m == null) {
                    continue;
                }
                if (kind[1] == null) {
                    explicit = new Amount(AmountKind.PERCENT, 50, false, "by");
                } else {
                    String number = m.group(2);
                    explicit = new Amount(
                            (AmountKind) kind[1],
                            Double.parseDouble(number),
                            number.startsWith("+") || number.startsWith("-"),
                            m.group(1));
                }
                break;
            }
            Double qualitative = null;
            int firstAt = Integer.MAX_VALUE;
            for (Object[] words : QUALITATIVE) {
                Matcher m = ((Pattern) words[0]).matcher(c.rest());
                if (m.find() && m.start() < firstAt) {
                    qualitative = (Double) words[1];
                    firstAt = m.start();
                }
            }
            for (Object[] words : QUALITATIVE) {
                c.takeAll((Pattern) words[0]);
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
            // "add the text SALE in the top corner": capitals after "text" are the text, as if quoted
            clause = UNQUOTED_TEXT.matcher(clause).replaceAll("$1\"$2\"");
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
                .replaceAll("\\s+", " ")
                .trim();
        s = Words.numbers(s);
        s = s.replaceAll("\\b(?:at\\s+)?full (?:strength|intensity|power)\\b", " at 100% ")
                .replaceAll("\\ba stop\\b", "1 stop")
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
                .replaceAll("\\bflip (?:the )?colors\\b", "invert the colors")
                .replaceAll("\\blight(?=\\s+(?:\\w+\\s+)?(?:tint|cast|grain|vignette|blur)\\b)", "slight")
                .replaceAll(
                        "\\b(warm|cool|lighten|brighten|darken|tone|calm)\\s+((?:the |this |that )?(?:\\w+ ){0,2}?)(up|down)\\b",
                        "$1 $3 $2")
                .replaceAll("\\bwhat(?:'s| is) behind (?:him|her|it|them|the subject)\\b", "background")
                .replaceAll("\\s+", " ")
                .trim();
        return new Normalized(s, quotes);
    }

    private static final Pattern UNQUOTED_TEXT = Pattern.compile(
            "((?i:\\b(?:text|words?|caption|captioned|saying|reading|title|titled|label|labelled|labeled))\\s+)"
                    + "(\\p{Lu}[\\p{Lu}\\d%!&'-]*(?:\\s+[\\p{Lu}\\d][\\p{Lu}\\d%!&'-]*)*)(?![\\p{L}])");

    private static boolean courtesyOnly(Normalized normalized) {
        for (String token : tokens(normalized.text())) {
            if (!COURTESY.contains(token)) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern TOKEN =
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

        Clause(Normalized normalized) {
            this.quotes = normalized.quotes();
            this.rest = (" " + normalized.text() + " ").toCharArray();
        }

        String rest() {
            return new String(rest);
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

        /** Consumes a named region ("in the top third"); null when there is none. */
        Region takeRegion() {
            for (Object[] candidate : REGIONS) {
                if (take((Pattern) candidate[0]) != null) {
                    return (Region) candidate[1];
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

    private static Action aspect(String a, String b) {
        BigDecimal x = new BigDecimal(a);
        BigDecimal y = new BigDecimal(b);
        if (x.signum() <= 0 || y.signum() <= 0) {
            return null;
        }
        int scale = Math.max(Math.max(x.scale(), y.scale()), 0);
        if (scale == 0) {
            return new Action.CropAspect(x.intValueExact(), y.intValueExact());
        }
        long w = x.movePointRight(scale).longValueExact();
        long h = y.movePointRight(scale).longValueExact();
        long g = gcd(w, h);
        w /= g;
        h /= g;
        if (w > 100_000 || h > 100_000) {
            return null;
        }
        return new Action.CropAspect((int) w, (int) h);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String firstNonNull(String... values) {
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

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static NamedColor colorNamed(String word) {
        for (String[] entry : COLOR_WORDS) {
            if (entry[0].equals(word)) {
                return NamedColor.of(entry[1]);
            }
        }
        return NamedColor.of(word);
    }

    private static List<String[]> colorWords() {
        List<String[]> words = new ArrayList<>();
        for (NamedColor color : NamedColor.PALETTE) {
            words.add(new String[] {color.name(), color.name()});
        }
        words.add(new String[] {"golden", "gold"});
        words.add(new String[] {"violet", "purple"});
        words.add(new String[] {"fuchsia", "magenta"});
        words.add(new String[] {"scarlet", "red"});
        words.add(new String[] {"crimson", "red"});
        words.add(new String[] {"turquoise", "cyan"});
        return words;
    }

    private static String colorAlternation() {
        StringBuilder sb = new StringBuilder();
        colorWords().stream()
                .map(w -> w[0])
                .sorted((a, b) -> b.length() - a.length())
                .forEach(w -> sb.append(sb.isEmpty() ? "" : "|").append(w));
        return sb.toString();
    }

    /** The compiled pattern, compiled once (matchers name their patterns inline, next to the words they read). */
    private static Pattern p(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }
}
