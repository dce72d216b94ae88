package dev.editloop.embedded.heuristic;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.ParsedInstruction;
import dev.editloop.embedded.classic.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structure of a part of a request before any mood or style word in it is looked up: the main action when
 * it works on a named thing (add, replace, extract, move, recolor or reshape a thing, change written text), the state
 * the request leaves ("from winter" in "from winter to summer", which is not the target), and the words that no part
 * of the reading accounts for. A mood word inside an object's description ("a vintage bicycle", "the snow-covered
 * path", "a soft shade of brown") is then never taken as the request.
 */
final class Parts {
    private Parts() {}

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String DET = "(?:(?:the|a|an|this|that|these|those|his|her|their|its|my|our|some|any|all"
            + "(?:\\s+the)?|one|two|three|four|five|several|many|more|few|a\\s+few|a\\s+couple\\s+of|a\\s+pair\\s+of"
            + "|a\\s+group\\s+of|a\\s+set\\s+of|\\d+)\\s+)?";

    /** Nouns that name the whole picture or a global quality: changing them is a global edit. */
    private static final Set<String> GLOBAL = set(
            "image",
            "photo",
            "photograph",
            "picture",
            "pic",
            "scene",
            "whole",
            "entire",
            "everything",
            "it",
            "colors",
            "colours",
            "color",
            "colour",
            "tones",
            "tone",
            "lighting",
            "light",
            "mood",
            "atmosphere",
            "season",
            "weather",
            "time",
            "style",
            "look",
            "feel",
            "feeling",
            "vibe",
            "palette",
            "sky",
            "contrast",
            "brightness",
            "saturation",
            "exposure",
            "hue",
            "shadows",
            "highlights",
            "temperature",
            "aesthetic",
            "overall",
            "balance",
            "warmth",
            "sharpness",
            "focus",
            "grain",
            "vignette",
            "filter",
            "effect",
            "brightness",
            "mood",
            "vibe",
            "day",
            "daytime",
            "night",
            "nighttime",
            "them",
            "this",
            "that",
            "everything");

    /** Nouns that name the background: the editor can blur it or make it a plain color, not paint a new scene. */
    private static final Set<String> BACKGROUND = set(
            "background",
            "backdrop",
            "environment",
            "setting",
            "surroundings",
            "surrounding",
            "landscape",
            "scenery",
            "backgrounds",
            "bg");

    /** Words after "add a" that name an effect the editor adds, not an object. */
    private static final Set<String> EFFECTS = set(
            "vignette",
            "border",
            "frame",
            "grain",
            "noise",
            "glow",
            "tint",
            "cast",
            "text",
            "caption",
            "blur",
            "filter",
            "effect",
            "look",
            "feel",
            "feeling",
            "vibe",
            "mood",
            "touch",
            "tone",
            "style",
            "atmosphere",
            "haze",
            "fog",
            "mist",
            "warmth",
            "contrast",
            "saturation",
            "brightness",
            "sharpness",
            "light",
            "lighting",
            "shadow",
            "shadows",
            "sepia",
            "color",
            "colour",
            "colors",
            "colours",
            "finish",
            "grade",
            "sunshine",
            "texture",
            "vintage",
            "retro",
            "drama",
            "sparkle",
            "softness",
            "depth",
            "detail",
            "details");

    /** Words that join a noun phrase to what follows: the head noun is the word before the first of them. */
    private static final Pattern PHRASE_END = Pattern.compile(
            "\\s+(?:in|on|at|to|into|near|next|beside|behind|inside|outside|under|over|above|below|along|across|around"
                    + "|between|by|from|with|within|against|onto|of|that|which|who|while|so|for|and|or|as|where|,|to)\\b"
                    + "|\\s+(?!(?:building|ring|king|thing|painting|string|wing|swing|ceiling|clothing|lightning|evening"
                    + "|morning|wedding|spring|pudding|awning|railing|sibling|duckling|earring|icing|frosting|stuffing)s?"
                    + "\\b)\\w+ing\\b|[,.;:!?]",
            FLAGS);

    private static final Pattern ADD =
            rx("\\b(?:add|insert|put|place|include|introduce|draw|paint|put in)\\s+" + DET + "([a-z][a-z' -]*)");
    /** "give the cat a collar": a thing given to a thing named in the picture. */
    private static final Pattern GIVE = rx("\\b(?:give|gift|hand)\\s+((?:the|this|that|his|her|their|its|my|our)"
            + "\\s+[a-z][a-z'-]*(?:\\s+[a-z][a-z'-]*)?)\\s+(?:a|an|some|one|two|three|\\d+)\\s+([a-z][a-z' -]*)");

    private static final Pattern REPLACE = rx(
            "\\b(?:replace|swap|substitute|exchange)\\s+" + DET + "([a-z][a-z' -]*?)(?:\\s+(?:with|for|by)\\s+(.+))?$");
    private static final Pattern EXTRACT = rx("\\b(?:extract|isolate|cut\\s+out|crop\\s+out|segment|pull\\s+out|lift"
            + "\\s+out|separate)\\s+" + DET + "([a-z][a-z' -]*)");
    private static final Pattern MOVE =
            rx("\\b(?:move|relocate|reposition|shift|rotate)\\s+(?:the|this|that|these|those|his|her|their|its|my|our)"
                    + "\\s+(?!hue\\b|colou?rs?\\b|image\\b|photo\\b" + "|picture\\b|it\\b)([a-z][a-z' -]*)");
    private static final Pattern CHANGE = rx("\\b(?:change|turn|transform|convert|make|recolou?r|paint|dye|alter"
            + "|switch|modify|update|adjust|set)\\s+" + DET + "([a-z][a-z' -]*?)\\s+(?:from\\s+.+?\\s+)?(?:to|into"
            + "|so\\s+(?:that\\s+)?it(?:'s|\\s+is|\\s+looks)?)\\s+(.+)$");
    private static final Pattern MAKE_COLORED = rx("\\bmake\\s+" + DET + "([a-z][a-z' -]*?)\\s+(?:look\\s+)?"
            + "(?:(?:a|an)\\s+)?(?:(?:soft|light|dark|deep|bright|pale|matte|glossy|vibrant|rich|warm|cool)\\s+)?"
            + "(red|orange|yellow|gold|golden|green|teal|cyan|blue|navy|purple|magenta|pink|brown|beige|black|white"
            + "|gray|grey|violet|silver)\\b");
    private static final Pattern TEXT = rx("\\b(?:text|words?|writing|letters|lettering|sign|signs|label|caption|title"
            + "|headline|slogan|logo|inscription)\\b");
    private static final Pattern LEFT_STATE =
            rx("\\bfrom\\s+(?:(?:a|an|the|its|their)\\s+)?([a-z][a-z ,'-]*?)\\s+(?=(?:to|into)\\s)");
    private static final Pattern COLOR_WORD = rx("\\b(red|orange|yellow|gold|golden|green|teal|cyan|blue|navy|purple"
            + "|magenta|pink|brown|beige|black|white|gray|grey|violet|silver|crimson|scarlet|maroon|turquoise"
            + "|lavender|tan|cream|ivory)\\b");

    /** Words that frame a request without being a part of it. */
    private static final Set<String> FRAMING = set(
            // verbs that lay a look over the picture, and the frame of a film or a comic the look is taken from
            "put",
            "lay",
            "spread",
            "still",
            "panel",
            "transfer",
            "convert",
            "turn",
            "transform",
            "render",
            "rendered",
            "apply",
            "give",
            "create",
            "change",
            "adjust",
            "reimagine",
            "restyle",
            "stylize",
            "stylise",
            "style",
            "styled",
            "look",
            "looks",
            "looking",
            "feel",
            "feeling",
            "vibe",
            "vibes",
            "mood",
            "atmosphere",
            "aesthetic",
            "effect",
            "version",
            "tone",
            "toned",
            "tones",
            "filter",
            "theme",
            "themed",
            "touch",
            "treatment",
            "palette",
            "grade",
            "grading",
            "finish",
            "quality",
            "shot",
            "photo",
            "photograph",
            "postcard",
            "snapshot",
            "image",
            "picture",
            "scene",
            "setting",
            "lighting",
            "light",
            "colors",
            "colours",
            "color",
            "colour",
            "day",
            "morning",
            "evening",
            "afternoon",
            "era",
            "strong",
            "stronger",
            "subtle",
            "gentle",
            "slight",
            "heavy",
            "high",
            "low",
            "really",
            "quite",
            "rather",
            "extra",
            "super",
            "totally",
            "completely",
            "fully",
            "overall",
            "whole",
            "entire",
            "classic",
            "classical",
            "traditional",
            "typical",
            "real",
            "realistic",
            "authentic",
            "true",
            "nice",
            "beautiful",
            "into",
            "by",
            "from",
            "is",
            "was",
            "be",
            "been",
            "being",
            "are",
            "were",
            "all",
            "everything",
            "entire",
            "art",
            "artistic",
            "art-style",
            "aspect",
            "appearance",
            "vibe",
            "mode",
            "style.",
            "type",
            "kind",
            "way",
            "manner",
            "one",
            "while",
            "keeping",
            "keep",
            "preserve",
            "preserving",
            "same",
            "rest",
            "other",
            "details",
            "composition",
            "subject",
            "subjects",
            "overall",
            "add",
            "using",
            "use",
            "done",
            "render",
            "something",
            "slightly",
            "strongly",
            "heavily",
            "gently",
            "softly",
            "bit",
            "tad",
            "somewhat",
            "pretty",
            "fairly",
            "quite",
            "season",
            "weather",
            "time",
            "feel",
            "vibe",
            "inspired",
            "reminiscent",
            "evoking",
            "evoke",
            "evokes",
            "contrast",
            "black",
            "white",
            "bright",
            "brighter",
            "dark",
            "darker",
            "warm",
            "warmer",
            "cool",
            "cooler",
            "saturated",
            "desaturated",
            "grayscale",
            "greyscale",
            "monochrome",
            "monochromatic",
            "sepia",
            "blurry",
            "blurred",
            "sharp",
            "sharper",
            "grainy",
            "grain",
            "vignette",
            "muted",
            "tinted",
            "toned",
            "taken",
            "bathe",
            "bathed",
            "movie",
            "film",
            "print",
            "printed",
            "snapshot",
            "covered",
            "visible",
            "lights",
            "old",
            "retro",
            "game",
            "clean",
            "bold",
            "poster",
            "crisp",
            "simple",
            "modern",
            "styled",
            "inspired",
            "made",
            "shot",
            "captured",
            "scene",
            "version",
            "edition",
            "mood");

    /** Intent's filler words, and the small words a sentence about the image adds around a request. */
    private static final Set<String> FILLER_WORDS = union(
            Intent.FILLER,
            "at",
            "an",
            "be",
            "was",
            "had",
            "has",
            "have",
            "been",
            "them",
            "they",
            "their",
            "there",
            "here",
            "we",
            "us",
            "let",
            "get",
            "s",
            // "it's", and prepositions that place a look over the whole picture ("a mist over the whole scene")
            "it's",
            "over",
            "across",
            "throughout",
            "everywhere",
            "were");

    private static Set<String> union(Set<String> base, String... more) {
        java.util.Set<String> all = new java.util.HashSet<>(base);
        all.addAll(java.util.Arrays.asList(more));
        return Set.copyOf(all);
    }

    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    private static Pattern rx(String regex) {
        return Pattern.compile(regex, FLAGS);
    }

    private static final Pattern CLAUSE_BREAK =
            rx("\\s*(?:[,;]\\s*(?:and\\s+|then\\s+|and\\s+then\\s+)?|\\s+and\\s+then"
                    + "\\s+|\\s+then\\s+|\\s+and\\s+|\\.\\s+|\\s+but\\s+|\\s+while\\s+)(?=(?:please\\s+)?(?:don'?t\\s|do\\s+not\\s|never\\s|without\\s|it\\s+(?:looks|seems|is|feels)\\s"
                    + "|it's\\s|this\\s+looks\\s|make|add|turn|change"
                    + "|give|remove|erase|delete|replace|swap|put|place|insert|include|extract|isolate|move|apply|convert|transform"
                    + "|blur|increase|decrease|set|adjust|let|render|transfer|paint|draw|bring|keep|leave|also|crop|rotate|flip"
                    + "|brighten|darken|warm|cool|desaturate|saturate|sharpen|soften|enhance)\\b)");

    private static final Pattern KEEP = rx("^(?:but|and|while|yet|so)?\\s*(?:please\\s+)?(?:leave|keep|keeping|preserve"
            + "|preserving|maintain|maintaining|retain|retaining|don'?t\\s+(?:change|touch|alter)|do\\s+not\\s+(?:change"
            + "|touch|alter)|without\\s+(?:changing|touching|altering))\\s+" + DET
            + "(.*?)(?:\\s+(?:alone|as\\s+(?:it|they)"
            + "\\s+(?:is|are|was|were)|unchanged|untouched|intact|the\\s+same|as\\s+is))?[.!]?$");
    private static final Set<String> REST = set(
            "rest",
            "everything",
            "everything else",
            "rest of the image",
            "rest of the photo",
            "rest of the picture",
            "other parts",
            "other areas",
            "composition",
            "layout",
            "image",
            "photo",
            "picture",
            "scene",
            "details",
            "overall composition",
            "original",
            "original image",
            "remaining",
            "remainder",
            "it",
            "structure",
            "same composition",
            "content",
            "contents",
            "everything else the same",
            "rest the same");

    private static final Pattern NOT_TO_DO = rx("^(?:but|and|yet|so)?\\s*(?:please\\s+)?(?:don'?t|do\\s+not|never"
            + "|without|no\\s+need\\s+to)\\b|^(?:but\\s+|and\\s+)?(?:nothing\\s+(?:else|more)|no\\s+other\\s+(?:changes?|edits?)"
            + "|only\\s+(?:that|this))\\b");
    private static final Pattern STATEMENT =
            rx("^(?:but|and|because|as|since)?\\s*(?:it|this|that|the\\s+(?:image|photo"
                    + "|picture))\\s+(?:looks|seems|is|'s|feels|appears)\\b|^(?:it|this)'s\\b");
    /**
     * A sentence about how something in the picture is now, with a word that judges it ("The orange is screaming at
     * me", "the colours are way too loud"): the reason for the request that follows, never a request of its own.
     */
    private static final Pattern COMPLAINT = rx("^(?:but|and|because|as|since)?\\s*(?:the|this|that|these|those|its|my"
            + "|our|all\\s+the|they|they're|it's)\\b[^,;:]*?\\b(?:is|are|'s|'re|looks?|seems?|feels?|appears?)?\\s*"
            + "(?:(?:just|way|far|much|a\\s+bit|a\\s+little|really|so|very|kind\\s+of|rather)\\s+)*(?:too\\b|overly\\b"
            + "|screaming|shouting|yelling|glaring|overpowering|overwhelming|garish|gaudy|blinding|hurts?\\b|ugly\\b"
            + "|boring\\b|lifeless\\b)");

    /**
     * Whether a part says what not to do ("don't crop or rotate it"): the preservation checks measure that anyway.
     */
    static boolean notToDo(String part) {
        return NOT_TO_DO.matcher(part.trim()).find();
    }

    /**
     * Whether a part states how the image is now ("it looks too punchy"): a reason for the request, not a request;
     * its mood words name the state to leave.
     */
    static boolean statement(String part) {
        String p = part.trim();
        return STATEMENT.matcher(p).find()
                || (!imperative(p) && COMPLAINT.matcher(p).find());
    }

    /**
     * What a "keep" part asks to keep, when the part is one ("but leave the face alone": the face); empty for any
     * other part.
     */
    static Optional<String> kept(String part) {
        Matcher m = KEEP.matcher(part.trim());
        if (!m.find()) {
            m = EXCEPT.matcher(part.trim());
            if (!m.find()) {
                Matcher sharp = KEPT_SHARP.matcher(part.trim());
                return sharp.find()
                        ? Optional.of((sharp.group(1) != null ? sharp.group(1) : sharp.group(2)).trim())
                        : Optional.empty();
            }
        }
        return Optional.of(m.group(1).trim());
    }

    /**
     * A thing to keep in focus said as a noun phrase, beside a blurred background ("blurry background, sharp cup",
     * "the dog in focus"): what it keeps is the thing.
     */
    private static final Pattern KEPT_SHARP = rx("^(?:but|and|with|while|yet)?\\s*(?:(?:a|an|the)\\s+)?(?:sharp|crisp"
            + "|in-focus|focused)\\s+([a-z]+)[.!]?$|^(?:but|and|with|while|yet)?\\s*(?:(?:a|an|the|my|our|his|her|its)"
            + "\\s+)?([a-z]+)\\s+(?:sharp|crisp|in\\s+focus)[.!]?$");

    /** "except the sky", "but not the left half", "apart from the top third": the part left out of the request. */
    private static final Pattern EXCEPT = rx("^(?:but\\s+)?(?:except|excepting|apart\\s+from|other\\s+than|not)"
            + "\\s+(?:for\\s+|in\\s+|on\\s+)?" + DET
            + "((?:top|upper|bottom|lower|left|right)(?:\\s+(?:half|third|side|part))?"
            + "|sky)[.!]?$");

    private static final Pattern KEPT_PLACE =
            rx("^(?:the\\s+)?(?:(top|upper|bottom|lower)\\s+(half|third|part|two\\s+thirds)"
                    + "|(left|right)(?:\\s+(?:half|side|part))?|(sky))$");

    /** What a keep-clause names, lower case, without its tails ("as it is", "alone", "the same"). */
    private static String keptWords(String what) {
        String w = what.toLowerCase(Locale.ROOT).trim();
        String before;
        do {
            before = w;
            w = KEPT_TAIL.matcher(w).replaceAll("").trim();
        } while (!w.equals(before));
        return w;
    }

    /**
     * The region a keep-clause names, when it names one exactly ("the top third", "the left half", "the sky"); empty
     * for anything else ("the face", "the center").
     */
    static Optional<Region> keptRegion(String what) {
        String w = keptWords(what);
        Matcher m = KEPT_PLACE.matcher(w);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(4) != null) {
            return Optional.of(Region.SKY);
        }
        if (m.group(3) != null) {
            return Optional.of(m.group(3).equals("left") ? Region.LEFT_HALF : Region.RIGHT_HALF);
        }
        boolean top = m.group(1).matches("top|upper");
        return Optional.of(
                switch (m.group(2).replaceAll("\\s+", " ")) {
                    case "third" -> top ? Region.TOP_THIRD : Region.BOTTOM_THIRD;
                    case "two thirds" -> top ? Region.TOP_TWO_THIRDS : Region.BOTTOM_TWO_THIRDS;
                    default -> top ? Region.TOP_HALF : Region.BOTTOM_HALF;
                });
    }

    private static final Pattern NOT_TOUCHED = rx("^(?:but|and|yet|so)?\\s*(?:please\\s+)?(?:don'?t|do\\s+not|never"
            + "|without)\\s+(?:change|changing|touch|touching|alter|altering|mess\\s+with|move|moving|affect|affecting)"
            + "\\s+(.+?)[.!]?$");

    /** What a "don't touch the brightness" part keeps, when it names something; empty otherwise. */
    static Optional<String> notTouched(String part) {
        Matcher m = NOT_TOUCHED.matcher(part.trim());
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    /** The measured qualities a kept thing names ("the brightness", "the colours"); empty for anything else. */
    static Set<Metric> keptQualities(String what) {
        String w = KEPT_TAIL
                .matcher(what.toLowerCase(Locale.ROOT).trim())
                .replaceAll("")
                .trim();
        w = w.replaceAll("^(?:the|its|overall|all\\s+the)\\s+", "").replaceAll("^overall\\s+", "");
        java.util.EnumSet<Metric> out = java.util.EnumSet.noneOf(Metric.class);
        if (w.matches("brightness|exposure|lightness|light\\s+level|luminosity")) {
            out.add(Metric.BRIGHTNESS);
        } else if (w.matches("contrast")) {
            out.add(Metric.CONTRAST);
        } else if (w.matches("colou?rs?|saturation|colou?r\\s+saturation|vibrancy")) {
            out.add(Metric.SATURATION);
        } else if (w.matches("warmth|temperature|colou?r\\s+temperature|white\\s+balance")) {
            out.add(Metric.WARMTH);
        }
        return out;
    }

    /** Whether what a keep part keeps is the rest of the image, which the preservation checks measure anyway. */
    static boolean keepsTheRest(String what) {
        String w = what.toLowerCase(Locale.ROOT)
                .replaceAll("\\b(?:the|of|all|else|same)\\b", " ")
                .trim();
        w = w.replaceAll("\\s+", " ");
        return w.isEmpty()
                || REST.contains(what.toLowerCase(Locale.ROOT).trim())
                || REST.contains(w)
                || w.startsWith("rest")
                || w.startsWith("everything")
                || w.startsWith("anything")
                || w.startsWith("other");
    }

    private static final Pattern QUALITY = rx("^(?:the\\s+|its\\s+)?(?:overall\\s+)?(?:brightness|contrast|colou?rs?"
            + "|saturation|warmth|tones?|sharpness|exposure|hues?|lighting|white\\s+balance|temperature|detail|details"
            + "|size|framing|composition|crop|orientation)$");
    private static final Pattern KEPT_TAIL =
            rx("\\s+(?:sharp|crisp|in\\s+focus|clear|in\\s+colou?r|colou?red|(?:exactly\\s+|just\\s+|precisely\\s+)?as"
                    + "\\s+(?:he|she|it|they)\\s+(?:is|are|was|were)|(?:exactly\\s+|just\\s+)?where\\s+(?:he|she|it|they)"
                    + "\\s+(?:is|are|was|were)|the\\s+way\\s+(?:he|she|it|they)\\s+(?:is|are|was|were)|alone|untouched"
                    + "|unchanged|intact|(?:exactly\\s+)?the\\s+same|as\\s+is|exactly|steady|fixed|put|level)$");
    private static final Pattern KEPT_REGION = rx("^(?:the\\s+)?(?:(left|right)(?:\\s+(?:half|side|part))?"
            + "|(top|upper|bottom|lower)(?:\\s+(?:half|part|third))?|sky|cent(?:er|re)|middle"
            + "|(ground|foreground|land|floor))$");

    /**
     * Whether keeping {@code what} is measured by the preservation checks anyway, given the actions the request asks
     * for: a quality nobody asked to change ("keep the contrast the same": an unasked change of contrast is
     * measured), a region outside every local action ("leave the right half alone" when only the left half is
     * edited), or the subject when the background is what is edited (segmentation keeps the foreground).
     */
    static boolean keepMeasured(String what, List<Action> actions) {
        String w = keptWords(what);
        if (keepsTheRest(w) || QUALITY.matcher(w).matches()) {
            return !actions.isEmpty();
        }
        if (!actions.isEmpty() && actions.stream().allMatch(a -> a instanceof Action.Background)) {
            return true; // the subject: the background operation leaves the foreground as it is
        }
        Matcher region = KEPT_REGION.matcher(w);
        if (region.matches() && !actions.isEmpty()) {
            Region keep = region.group(3) != null
                    ? Region.BOTTOM_HALF // what lies under the sky
                    : region.group(1) != null
                            ? (region.group(1).equals("left") ? Region.LEFT_HALF : Region.RIGHT_HALF)
                            : region.group(2) != null
                                    ? (region.group(2).matches("top|upper") ? Region.TOP_HALF : Region.BOTTOM_HALF)
                                    : w.endsWith("sky") ? Region.SKY : Region.CENTER;
            for (Action a : actions) {
                Region r = regionOf(a);
                if (r == null || r == Region.WHOLE || overlap(r, keep)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether two regions share pixels (on a 12×12 grid, where every region's edges fall on whole cells). */
    private static boolean overlap(Region a, Region b) {
        int[] x = a.bounds(12, 12);
        int[] y = b.bounds(12, 12);
        return x[0] < y[0] + y[2] && y[0] < x[0] + x[2] && x[1] < y[1] + y[3] && y[1] < x[1] + x[3];
    }

    private static Region regionOf(Action a) {
        return switch (a) {
            case Action.Adjust x -> x.region();
            case Action.ColorFilter x -> x.region();
            case Action.Tint x -> x.region();
            case Action.Stylize x -> x.region();
            case Action.Posterize x -> x.region();
            default -> null;
        };
    }

    private static final Pattern IMPERATIVE = rx(
            "^(?:and\\s+|then\\s+|but\\s+|also\\s+|please\\s+)*(?:make|add|turn"
                    + "|change|give|remove|erase|delete|replace|swap|put|place|insert|include|extract|isolate|move|apply|convert"
                    + "|transform|blur|increase|decrease|set|adjust|let|render|transfer|paint|draw|bring|keep|leave|crop|rotate"
                    + "|flip|brighten|darken|lighten|warm|cool|desaturate|saturate|sharpen|soften|enhance|boost|reduce|lower"
                    + "|raise|lift|tint|colou?r|posterize|pixelate|invert|mirror|zoom|resize|shift|fade|age|stylize|restyle)\\b");

    /**
     * Whether a part gives an order of its own ("make it brighter") rather than describing something another part
     * asks for ("The gazebo should match the wintery atmosphere").
     */
    static boolean imperative(String part) {
        return IMPERATIVE.matcher(part.trim()).find();
    }

    private static final Pattern REMOVE = rx("\\b(?:remove|erase|delete|get\\s+rid\\s+of|eliminate|take\\s+out|take"
            + "\\s+away|wipe\\s+out|clear\\s+away)\\s+" + DET + "([a-z][a-z' -]*)");

    /** A part cut at the places a new action starts ("make it spooky and add a hat": two parts). */
    static List<String> clauses(String part) {
        List<String> out = new ArrayList<>();
        for (String piece : CLAUSE_BREAK.split(part)) {
            for (String clause : EXCEPT_BREAK.split(piece)) {
                if (!clause.isBlank()) {
                    out.add(clause.trim());
                }
            }
        }
        return out;
    }

    /** "warmer except the sky": the part left out starts a clause of its own. */
    private static final Pattern EXCEPT_BREAK = rx("\\s+(?=(?:except|excepting|apart\\s+from)\\s)");

    /**
     * The part without the state it leaves: "change the season from winter to summer" reads "change the season to
     * summer"; only the state to reach is the request.
     */
    static String dropLeftState(String part) {
        return LEFT_STATE.matcher(part).replaceAll("").replaceAll("\\s{2,}", " ");
    }

    /**
     * Why the main action of a part needs an object to be generated or recognised, which no classic operation can do,
     * if so. The part is one the classic parser did not understand (an understood "remove the red object" or "blur
     * the background" never reaches here).
     */
    static Optional<String> objectAction(String part, KnowledgeBase knowledge) {
        String text = part.trim();
        Matcher m = REPLACE.matcher(text);
        if (m.find()) {
            String thing = head(m.group(1));
            if (!GLOBAL.contains(thing) || BACKGROUND.contains(thing)) {
                String with = m.group(2) == null ? "" : " with " + nounPhrase(m.group(2));
                return Optional.of("replacing " + describe(m.group(1)) + with
                        + " needs a generative editor; the classic editor can only recolor areas of a color you"
                        + " name, remove by color or place, and replace the background with a plain color");
            }
        }
        m = EXTRACT.matcher(text);
        if (m.find()) {
            return Optional.of("extracting " + describe(m.group(1))
                    + " needs the object to be recognised and cut out; the classic editor cannot find named objects");
        }
        m = GIVE.matcher(text);
        if (m.find()) {
            String receiver = head(m.group(1));
            String phrase = nounPhrase(m.group(2));
            String thing = head(phrase);
            if (!GLOBAL.contains(receiver)
                    && !BACKGROUND.contains(receiver)
                    && !EFFECTS.contains(thing)
                    && !BACKGROUND.contains(thing)
                    && knowledge.find(phrase).isEmpty()) {
                return Optional.of("giving " + describe(m.group(1)) + " " + describe(phrase)
                        + " adds a thing, which needs a generative editor; the classic editor can add only text, a"
                        + " border, a vignette and film grain");
            }
        }
        m = ADD.matcher(text);
        if (m.find()) {
            String phrase = nounPhrase(m.group(1));
            String thing = head(phrase);
            boolean effect = EFFECTS.contains(thing);
            if (!effect && TEXT.matcher(phrase).find() && text.contains("\"")) {
                effect = true; // quoted text is the editor's job
            }
            if (!effect && !knowledge.find(thing).isEmpty() && phrase.trim().split("\\s+").length <= 2) {
                effect = true; // "add some fog", "add sunshine": a look, not an object
            }
            if (!effect) {
                return Optional.of("adding " + describe(phrase)
                        + " needs a generative editor; the classic editor can add only text, a border, a vignette"
                        + " and film grain");
            }
        }
        m = CHANGE.matcher(text);
        if (m.find()) {
            String subject = m.group(1).trim();
            String target = m.group(2).trim();
            String thing = thing(subject);
            if (TEXT.matcher(subject).find() && !GLOBAL.contains(thing)) {
                return Optional.of("changing written text (" + subject.trim()
                        + ") needs a generative editor; the classic editor can only add new text, in quotes:"
                        + " add the text \"SALE\" at the top");
            }
            if (BACKGROUND.contains(thing)) {
                if (solidColor(target)) {
                    return Optional.empty();
                }
                return Optional.of("changing the background into " + nounPhrase(target)
                        + " needs a generative editor; the classic editor can only blur the background or replace it"
                        + " with a plain color");
            }
            if (!thing.isEmpty()
                    && !GLOBAL.contains(thing)
                    && knowledge.find(thing).isEmpty()
                    && !subject.equalsIgnoreCase("it")) {
                Matcher color = COLOR_WORD.matcher(target);
                if (color.find()) {
                    return Optional.of("recoloring " + describe(subject)
                            + " needs the thing to be found; the classic editor recolors only areas of a color named"
                            + " in the request (\"change the red areas to "
                            + color.group(1).toLowerCase(Locale.ROOT)
                            + "\")");
                }
                return Optional.of("changing " + describe(subject) + " into " + nounPhrase(target)
                        + " needs a generative editor; the classic editor changes tone, color and style, not things");
            }
        }
        m = MAKE_COLORED.matcher(text);
        if (m.find() && !m.group(1).toLowerCase(Locale.ROOT).matches(".*\\b(?:it|look|like|feel|seem|appear)\\b.*")) {
            String thing = thing(m.group(1));
            if (!GLOBAL.contains(thing)
                    && !BACKGROUND.contains(thing)
                    && !m.group(1).equalsIgnoreCase("it")) {
                return Optional.of("recoloring " + describe(m.group(1))
                        + " needs the thing to be found; the classic editor recolors only areas of a color named"
                        + " in the request (\"change the red areas to "
                        + m.group(2).toLowerCase(Locale.ROOT) + "\")");
            }
        }
        m = REMOVE.matcher(text);
        if (m.find()) {
            String thing = head(nounPhrase(m.group(1)));
            if (!EFFECTS.contains(thing) && !GLOBAL.contains(thing) && !BACKGROUND.contains(thing)) {
                return Optional.of("removing " + describe(m.group(1)) + " needs the thing to be found; the classic"
                        + " editor removes only by a color named in the request (\"remove the red object\") or by place"
                        + " (\"remove the object in the top left corner\")");
            }
        }
        m = MOVE.matcher(text);
        if (m.find()) {
            String thing = head(nounPhrase(m.group(1)));
            if (!GLOBAL.contains(thing) && !BACKGROUND.contains(thing)) {
                return Optional.of("moving " + describe(m.group(1)) + " needs a generative editor");
            }
        }
        return Optional.empty();
    }

    /**
     * The words of a part that neither the concepts found in it nor the classic parser account for, as the runs
     * they form ("graffiti street-mural" in "a vibrant graffiti street-mural style", where only "vibrant" is known).
     */
    static List<String> unaccounted(
            String part, List<Concept> found, Function<String, ParsedInstruction> parser, KnowledgeBase knowledge) {
        StringBuilder masked = new StringBuilder(part);
        int first = Integer.MAX_VALUE;
        int last = -1;
        int lastStart = 0;
        for (Concept concept : found) {
            for (Pattern pattern : concept.patterns()) {
                Matcher m = pattern.matcher(part);
                while (m.find()) {
                    first = Math.min(first, m.start());
                    if (m.end() > last) {
                        last = m.end();
                        lastStart = m.start();
                    }
                    for (int i = m.start(); i < m.end(); i++) {
                        masked.setCharAt(i, '|');
                    }
                }
            }
        }
        // "like a haunted house", "like an old photo from an attic box": a simile's head noun after the concept's
        // words (up to three words, or a "from a …" phrase of them) names what the look is like, not a thing to add
        // "spooky, like a haunted house", "wintry, like a frozen lake": the simile may follow a concept's words too
        if (last > 0
                && (((SIMILE.matcher(part.substring(0, first)).find()
                                        || SIMILE.matcher(part.substring(0, lastStart))
                                                .find())
                                && SIMILE_HEAD.matcher(part.substring(last)).matches())
                        || SIMILE_AFTER.matcher(part.substring(last)).matches())) {
            for (int i = last; i < part.length(); i++) {
                masked.setCharAt(i, '|');
            }
        }
        List<String> runs = new ArrayList<>();
        for (String chunk : masked.toString().split("[|,;.:!?()\"]+")) {
            List<String> words = new ArrayList<>();
            for (String word : chunk.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            List<String> run = new ArrayList<>();
            for (String word : words) {
                if (FILLER_WORDS.contains(word) || FRAMING.contains(word) || word.matches("\\d+%?")) {
                    flush(run, runs, parser);
                } else {
                    run.add(word);
                }
            }
            flush(run, runs, parser);
        }
        return runs;
    }

    private static final Pattern SIMILE = rx("\\blike\\s+(?:a|an|the|some)?\\s*$");
    private static final Pattern SIMILE_AFTER =
            rx("^\\s*,?\\s*(?:just\\s+)?like\\s+(?:a|an|the|some)?\\s*[a-z]+(?:\\s+[a-z]+){0,2}\\s*[.!?]*$");
    private static final Pattern SIMILE_HEAD =
            rx("^\\s*(?:(?:from|in|of)\\s+(?:a|an|the|some|my|grandma'?s)\\s+)?[a-z]+(?:\\s+[a-z]+){0,2}\\s*[.!?]*$");

    private static void flush(List<String> run, List<String> runs, Function<String, ParsedInstruction> parser) {
        if (run.isEmpty()) {
            return;
        }
        String text = String.join(" ", run);
        run.clear();
        ParsedInstruction parsed = Intent.parse(parser, text);
        if (!parsed.actions().isEmpty() && parsed.notUnderstood().isEmpty()) {
            return; // words of the editor's own vocabulary ("high contrast", "black and white")
        }
        ParsedInstruction asked = Intent.parse(parser, "make it " + text);
        if (!asked.actions().isEmpty() && asked.notUnderstood().isEmpty()) {
            return;
        }
        runs.add(text);
    }

    /** Whether a target names only a plain color ("white", "a plain blue", "solid black"). */
    private static boolean solidColor(String target) {
        String t = target.toLowerCase(Locale.ROOT)
                .replaceAll("[.!,;]+$", "")
                .replaceAll("\\b(?:a|an|the|plain|solid|pure|flat|simple|single|uniform|colou?r(?:ed)?)\\b", " ")
                .trim();
        return !t.isEmpty()
                && t.split("\\s+").length == 1
                && NamedColor.named(t).isPresent();
    }

    /** The noun phrase at the start of a text: up to the first preposition, participle or punctuation. */
    static String nounPhrase(String text) {
        Matcher m = PHRASE_END.matcher(text);
        String phrase = m.find() ? text.substring(0, m.start()) : text;
        return phrase.trim().replaceAll("[.!?]+$", "");
    }

    /** The last word of a noun phrase. */
    private static String head(String phrase) {
        String[] words = nounPhrase(phrase).toLowerCase(Locale.ROOT).split("[^a-z']+");
        for (int i = words.length - 1; i >= 0; i--) {
            if (!words[i].isEmpty()) {
                return words[i].replaceAll("'s$", "");
            }
        }
        return "";
    }

    /**
     * The thing a subject names: "the color of the dress" is the dress, "the animal's fur color" the fur, "the
     * background" the background.
     */
    private static String thing(String subject) {
        String s = subject.toLowerCase(Locale.ROOT).trim();
        Matcher of = Pattern.compile("^(?:colou?rs?|shade|tone|hue|texture|surface|pattern)\\s+of\\s+"
                        + "(?:the\\s+|a\\s+|an\\s+|his\\s+|her\\s+|their\\s+|its\\s+)?(.+)$")
                .matcher(s);
        if (of.find()) {
            return head(of.group(1));
        }
        s = nounPhrase(s);
        if (s.isEmpty()) {
            return "";
        }
        String[] words = s.split("\\s+");
        int last = words.length - 1;
        while (last > 0 && words[last].matches("colou?rs?|shade|tone|hue|texture")) {
            last--;
        }
        for (String w : words) {
            if (BACKGROUND.contains(w.replaceAll("'s$", ""))) {
                return w.replaceAll("'s$", "");
            }
        }
        return words[last].replaceAll("'s$", "");
    }

    private static String describe(String phrase) {
        String p = nounPhrase(phrase);
        return "\"" + (p.isEmpty() ? phrase.trim() : p) + "\"";
    }
}
