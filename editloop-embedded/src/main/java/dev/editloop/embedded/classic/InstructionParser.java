package dev.editloop.embedded.classic;

import dev.editloop.embedded.classic.Action.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain-English instruction into the classic editor's actions.
 *
 * <p>The instruction is split into clauses at ", then", "then", ";", "." and similar, and at "and" or a comma
 * between actions (never inside quoted text, and never inside "black and white"). Each clause is read literally: it
 * becomes an action only when every word in it belongs to the vocabulary or is filler ("make", "it", "the image",
 * "please", "a bit" …). Clauses that are not understood are kept verbatim in
 * {@link ParsedInstruction#notUnderstood()}; the understood ones still become actions, in order.
 *
 * <p>Every canonical phrase ({@link Action#phrase()}) reads back into exactly its action, and
 * {@link Action#instruction(List)} into exactly its list.
 *
 * <p>The vocabulary, in short (amounts: "by 30%", "30 percent", "+20%"; "slightly", "a bit", "a little" = 10%,
 * none = 25%, "a lot", "much", "strongly", "significantly" = 50%, "very", "dramatically", "extremely" = 75%; named
 * filters and styles without an amount are applied in full, except blur, sharpen and HDR at 25%):
 *
 * <ul>
 *   <li>tone: brighter, darker, brighten, darken, lighten; more or less contrast; more vivid, vibrant, saturated,
 *       muted, desaturate; warmer, warm it up, cooler, cool it down; shift the hue by 30 degrees; increase the
 *       exposure by 1 stop;
 *   <li>filters: black and white, grayscale, monochrome, B&amp;W; sepia; invert, negative; posterize (to 4
 *       levels); tint it blue, a blue tint or cast, make it bluer;
 *   <li>styles: pencil sketch, sketch, drawing; watercolor, painting, painted; cartoon; pixel art, pixelate (with
 *       8-pixel blocks); HDR, enhance or bring out the details; blur, soften; sharpen; tilt-shift, miniature;
 *       vignette, darken the corners; film grain, grain, noise;
 *   <li>local: any of the above "in", "on", "to" or "of" the left, right, top or bottom half, the top, middle or
 *       bottom third, the center or middle, the sky, a corner ("darken the sky", "blur the top half");
 *   <li>recolor: make, turn, change or paint the red areas blue; change red to blue; replace red with blue; the
 *       reds into yellows; a thing by its colour and place: the red cup and saucer green, the green of its eyes
 *       gold, the saucer blue instead of red, the green chair in the top left corner red ({@link ObjectSelection});
 *   <li>removal: remove, erase, delete, take out or get rid of the red ball, object or thing (in a place); the dark
 *       thing; remove the object in the top left corner;
 *   <li>background: blur the background; make the background white; replace the background with blue;
 *   <li>text: add the text "SALE" at the top in red (quotes required; top, bottom, center or a corner; default
 *       bottom, white);
 *   <li>geometry: rotate 90 degrees (clockwise, counterclockwise), rotate left or right, turn it upside down; flip
 *       or mirror (horizontally, vertically); crop to square, to 16:9, to the left half; zoom in (by 50%, 2x);
 *       resize to 800x600, to 50%, half size, make it smaller; add a (20-pixel) white border or frame.
 * </ul>
 *
 * <p>Not vocabulary: moods, seasons, times of day, eras, genres ("autumn", "an old photograph", "night",
 * "dramatic", "cold"), and objects other than by color or region.
 */
public final class InstructionParser {
    /** The most atoms (pieces between "and"/commas) one clause may span. */
    private static final int MAX_GROUP = 6;

    private static final Pattern SEPARATOR = Pattern.compile(
            "(?<hard>,?\\s*\\b(?:and\\s+)?then\\b,?|\\bafter that\\b,?|\\bafterwards\\b,?|[;:!?\\n\\r.]+"
                    + "|\\s[-\u2013\u2014]+\\s+(?=[a-z]))"
                    + "|(?<soft>,\\s*(?:and\\b|&|plus\\b)?|\\band\\b|&|\\s\\+(?=\\s)|\\bplus\\b|\\bas well as\\b|\\balong with\\b"
                    + "|\\bwith\\b(?=\\s+(?:a|an|some|more|less|extra)\\b)|\\bbut\\b)");
    private static final Pattern PROTECTED =
            Pattern.compile("black\\s*-?\\s*(?:and|&|n)\\s*-?\\s*white|\\bb\\s*&\\s*w\\b|\\bb/w\\b");

    private InstructionParser() {}

    /** Reads an instruction. Never throws for any text; an empty instruction gives no actions. */
    public static ParsedInstruction parse(String instruction) {
        Objects.requireNonNull(instruction, "instruction");
        instruction = regionFirst(instruction);
        List<Atom> atoms = atoms(instruction);
        List<Action> actions = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        java.util.Map<Action, String> things = new java.util.LinkedHashMap<>();
        int from = 0;
        java.util.BitSet stated = new java.util.BitSet();
        while (from < atoms.size()) {
            int to = from + 1;
            while (to < atoms.size() && !atoms.get(to).afterHard()) {
                to++;
            }
            int first = actions.size();
            segment(instruction, atoms, from, to, actions, notUnderstood, things);
            if (STATE.matcher(instruction.substring(
                            atoms.get(from).start(), atoms.get(to - 1).end()))
                    .matches()) {
                stated.set(first, actions.size());
            }
            from = to;
        }
        // "it looks flat - add some contrast": the sentence that says how the picture is now and the request both
        // ask for the same move, which is made once, as the request says
        List<Action> kept = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            if (!(stated.get(i) && actions.get(i) instanceof Action.Adjust state && asked(actions, stated, state))) {
                kept.add(actions.get(i));
            }
        }
        return new ParsedInstruction(kept, notUnderstood, things);
    }

    /**
     * A sentence that only says how the picture is now: "it looks flat", "it's too dark", "way too cold", after an aside
     * at most ("honestly the colours look dull").
     */
    private static final Pattern STATE = Pattern.compile(
            "(?i)^\\s*(?:(?:honestly|frankly|tbh|imo|hmm|so|ok|okay|well|um|uh),?\\s+)*(?:(?:it'?s|it is|it looks|it seems|it feels|this looks|this is|everything (?:looks|is|seems)|"
                    + "(?:the|this|my) (?:image|photo|picture|pic|shot) (?:is|looks|seems)|(?:the|these|those|its|all the) colou?rs? (?:look|looks|are|is|seem|seems|feel))\\b.*"
                    + "|(?:(?:way|much|far|a bit|a little|kinda|slightly)\\s+)?too\\s+\\w+(?:\\s+\\w+)?)\\s*$");

    /** Whether a request that is not a state sentence moves the same tone the same way in the same region. */
    private static boolean asked(List<Action> actions, java.util.BitSet stated, Action.Adjust state) {
        for (int j = 0; j < actions.size(); j++) {
            if (!stated.get(j)
                    && actions.get(j) instanceof Action.Adjust other
                    && other.tone() == state.tone()
                    && other.region() == state.region()
                    && Math.signum(other.amount()) == Math.signum(state.amount())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Clamps a tone amount into the range the classic editor applies: brightness and warmth ±100%, contrast and
     * saturation −100..+200%, hue −180..180 degrees, exposure ±5 stops.
     */
    public static double clamp(Tone tone, double amount) {
        return switch (tone) {
            case BRIGHTNESS, WARMTH -> ClauseParser.clamp(amount, -100, 100);
            case CONTRAST, SATURATION -> ClauseParser.clamp(amount, -100, 200);
            case HUE -> ClauseParser.clamp(amount, -180, 180);
            case EXPOSURE -> ClauseParser.clamp(amount, -5, 5);
        };
    }

    /** A piece of the instruction between separators, as a span of the original text. */
    private record Atom(int start, int end, boolean afterHard) {}

    private record Group(int from, int to, ClauseParser.Result result) {}

    /** A region named before a colon ("Only the top third: make it cooler"), and what follows it. */
    private static final Pattern REGION_FIRST = Pattern.compile("(?is)^\\s*(?:(?:only|just)\\s+)?(?:(?:in|on|for)\\s+)?"
            + "(?:the\\s+)?((?:top|upper|bottom|lower|left|right|middle|center|centre|first|last)(?:[\\s-]+(?:left|right|hand))?"
            + "(?:\\s+(?:half|third|corner|side|part|portion|quarter|area))?|sky)(?:\\s+only)?\\s*:\\s*([^:;.!?\\n]+?)"
            + "[.!]?\\s*$");

    /** The background named before a colon ("background: blurry, strongly"), and what it should become. */
    private static final Pattern BACKGROUND_FIRST =
            Pattern.compile("(?is)^\\s*(?:the\\s+)?(background|backdrop)\\s*:\\s*([^:;.!?\\n]+?)[.!]?\\s*$");

    /**
     * "Only the top third: make it cooler" reads "make it cooler only in the top third": a region said first, before
     * a colon, applies to the one sentence after it.
     */
    static String regionFirst(String instruction) {
        Matcher bg = BACKGROUND_FIRST.matcher(instruction);
        if (bg.matches() && Quotes.spans(instruction).isEmpty()) {
            return "make the " + bg.group(1).trim() + " " + bg.group(2).trim();
        }
        Matcher m = REGION_FIRST.matcher(instruction);
        if (!m.matches() || !Quotes.spans(instruction).isEmpty()) {
            return instruction;
        }
        return m.group(2).trim() + " only in the " + m.group(1).trim();
    }

    /** A sentence that only says which way to go, about something the sentence before named ("tone it down"). */
    private static final Pattern PRONOUN_MOVE = Pattern.compile(
            "(?i)^(?:so\\s+|please\\s+|just\\s+)*(?:tone|bring|turn|take"
                    + "|dial|knock|pull|calm|push|crank|pump|ease)\\s+(?:it|that|this|them|those)\\s+(?:down|up|back|off)\\b.*");

    private static final Pattern TOO = Pattern.compile("(?i)\\btoo\\b");

    /**
     * A thing named alone, before a sentence that says what to do with it ("hmm the green eyes - can they be blue
     * instead?"): an article or a demonstrative and words, with no verb of the vocabulary's, after an aside at most.
     */
    private static final Pattern THING_ALONE = Pattern.compile(
            "(?i)^(?:(?:hmm+|um+|uh+|so|ok|okay|oh|well|right)[,.]?\\s+)*(?:the|that|those|this|these)\\s+[a-z' -]+$");

    /** A sentence whose subject or object is a pronoun for a thing named before it ("can they be blue", "make them"). */
    private static final Pattern PRONOUN_THING = Pattern.compile("(?i)\\b(?:they|them|it|those|these)\\b");

    /** Splits into atoms, remembering whether each follows a hard separator (one that always ends an action). */
    private static List<Atom> atoms(String text) {
        char[] mask = new char[text.length()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = Character.toLowerCase(text.charAt(i));
        }
        for (int[] span : Quotes.spans(text)) {
            for (int i = span[0]; i < span[1]; i++) {
                mask[i] = 'q';
            }
        }
        Matcher keep = PROTECTED.matcher(new String(mask));
        while (keep.find()) {
            for (int i = keep.start(); i < keep.end(); i++) {
                mask[i] = 'k';
            }
        }
        for (int i = 1; i + 1 < mask.length; i++) {
            if ((mask[i] == '.' || mask[i] == ':')
                    && Character.isDigit(mask[i - 1])
                    && Character.isDigit(mask[i + 1])) {
                mask[i] = 'd';
            }
        }
        // 'caption at the bottom: "Monday mood"': a colon that introduces the quoted words ends no sentence
        for (int i = 0; i < mask.length; i++) {
            int j = i + 1;
            while (j < mask.length && mask[j] == ' ') {
                j++;
            }
            if (mask[i] == ':' && j < mask.length && mask[j] == 'q') {
                mask[i] = ' ';
            }
        }
        List<Atom> atoms = new ArrayList<>();
        Matcher m = SEPARATOR.matcher(new String(mask));
        int last = 0;
        boolean hard = true;
        while (m.find()) {
            hard = addAtom(text, last, m.start(), hard, atoms) || m.group("hard") != null;
            last = m.end();
        }
        addAtom(text, last, text.length(), hard, atoms);
        // "The contrast is too harsh; tone it down a bit": the second sentence moves what the first one names
        for (int i = 1; i < atoms.size(); i++) {
            Atom atom = atoms.get(i);
            Atom before = atoms.get(i - 1);
            if (atom.afterHard()
                    && PRONOUN_MOVE
                            .matcher(text.substring(atom.start(), atom.end()))
                            .matches()
                    && TOO.matcher(text.substring(before.start(), before.end())).find()) {
                atoms.set(i, new Atom(atom.start(), atom.end(), false));
            } else if (atom.afterHard()
                    && PRONOUN_THING
                            .matcher(text.substring(atom.start(), atom.end()))
                            .find()
                    && THING_ALONE
                            .matcher(text.substring(before.start(), before.end()))
                            .matches()) {
                // "hmm the green eyes - can they be blue instead?": the sentence says what to do with the thing named
                atoms.set(i, new Atom(atom.start(), atom.end(), false));
            } else if (atom.afterHard() && ClauseParser.amountOnly(text.substring(atom.start(), atom.end())) != null) {
                // "Could you make the colours less saturated? Maybe 30%.": the amount of the sentence before
                atoms.set(i, new Atom(atom.start(), atom.end(), false));
            }
        }
        return atoms;
    }

    /** Adds the trimmed span as an atom; returns whether the hard flag must carry over (the span was empty). */
    private static boolean addAtom(String text, int start, int end, boolean hard, List<Atom> atoms) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return hard; // nothing here: a hard separator before it still counts for the next atom
        }
        atoms.add(new Atom(start, end, hard));
        return false;
    }

    /**
     * Reads atoms [from, to), which are joined only by soft separators: chooses the grouping of atoms into clauses
     * that understands the most atoms, with the fewest clauses among equals.
     */
    private static void segment(
            String text,
            List<Atom> atoms,
            int from,
            int to,
            List<Action> actions,
            List<String> notUnderstood,
            java.util.Map<Action, String> things) {
        int n = to - from;
        int[] bestScore = new int[n + 1];
        int[] bestGroups = new int[n + 1];
        Group[] lastGroup = new Group[n + 1];
        for (int i = 1; i <= n; i++) {
            bestScore[i] = -1;
            for (int j = Math.max(0, i - MAX_GROUP); j < i; j++) {
                ClauseParser.Result result = read(text, atoms, from + j, from + i);
                int score = bestScore[j] + (result.kind() == ClauseParser.Kind.UNKNOWN ? 0 : i - j);
                int groups = bestGroups[j] + 1;
                if (score > bestScore[i] || (score == bestScore[i] && groups < bestGroups[i])) {
                    bestScore[i] = score;
                    bestGroups[i] = groups;
                    lastGroup[i] = new Group(j, i, result);
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        for (int i = n; i > 0; i = lastGroup[i].from()) {
            groups.add(0, lastGroup[i]);
        }
        amounts(text, atoms, from, groups);
        int unknownFrom = -1;
        int unknownTo = -1;
        for (Group group : groups) {
            if (group.result().kind() == ClauseParser.Kind.UNKNOWN) {
                if (unknownFrom < 0) {
                    unknownFrom = group.from();
                }
                unknownTo = group.to();
                continue;
            }
            if (unknownFrom >= 0) {
                notUnderstood.add(span(text, atoms, from + unknownFrom, from + unknownTo));
                unknownFrom = -1;
            }
            if (group.result().kind() == ClauseParser.Kind.ACTION) {
                actions.add(group.result().action());
                if (group.result().thing() != null) {
                    things.put(group.result().action(), group.result().thing());
                }
            }
        }
        if (unknownFrom >= 0) {
            notUnderstood.add(span(text, atoms, from + unknownFrom, from + unknownTo));
        }
    }

    /**
     * "contrast up, brightness down, both slightly": a clause that only says how much sets the amount of the tone
     * move before it (of every one before it with "both" or "all"), read again with the amount said; the amount
     * clause is then understood.
     */
    private static void amounts(String text, List<Atom> atoms, int from, List<Group> groups) {
        for (int g = 1; g < groups.size(); g++) {
            Group group = groups.get(g);
            if (group.result().kind() != ClauseParser.Kind.UNKNOWN) {
                continue;
            }
            String clause = span(text, atoms, from + group.from(), from + group.to());
            String amount = ClauseParser.amountOnly(clause);
            if (amount == null) {
                continue;
            }
            boolean all = ClauseParser.amountForAll(clause);
            boolean changed = false;
            for (int k = g - 1; k >= 0; k--) {
                Group before = groups.get(k);
                if (before.result().kind() == ClauseParser.Kind.ACTION && k == g - 1 && !all) {
                    // "make it monochrome, but not fully, maybe 60%": the strength of the filter or look before it
                    ClauseParser.Result again = strengthOf(text, atoms, from, before, amount);
                    if (again != null) {
                        groups.set(k, new Group(before.from(), before.to(), again));
                        changed = true;
                        break;
                    }
                }
                if (before.result().kind() != ClauseParser.Kind.ACTION
                        || !(before.result().action() instanceof Action.Adjust adjust)) {
                    break;
                }
                ClauseParser.Result again =
                        ClauseParser.parse(span(text, atoms, from + before.from(), from + before.to()) + " " + amount);
                if (again.kind() == ClauseParser.Kind.ACTION
                        && again.action() instanceof Action.Adjust moved
                        && moved.tone() == adjust.tone()
                        && Math.signum(moved.amount()) == Math.signum(adjust.amount())) {
                    groups.set(k, new Group(before.from(), before.to(), again));
                    changed = true;
                }
                if (!all) {
                    break;
                }
            }
            if (changed) {
                groups.set(g, new Group(group.from(), group.to(), ClauseParser.Result.EMPTY));
            }
        }
    }

    /**
     * A colour filter or look read again with an amount said on its own after it ("at 60%", "slightly"); null when the
     * action before is none of these or the amount does not change it.
     */
    private static ClauseParser.Result strengthOf(
            String text, List<Atom> atoms, int from, Group before, String amount) {
        Action action = before.result().action();
        if (!(action instanceof Action.ColorFilter) && !(action instanceof Action.Stylize)) {
            return null;
        }
        String said = amount.startsWith("by ") ? "at " + amount.substring(3) : amount;
        ClauseParser.Result again =
                ClauseParser.parse(span(text, atoms, from + before.from(), from + before.to()) + " " + said);
        if (again.kind() != ClauseParser.Kind.ACTION
                || again.action().getClass() != action.getClass()
                || again.action().equals(action)) {
            return null;
        }
        boolean same = switch (action) {
            case Action.ColorFilter f ->
                f.filter() == ((Action.ColorFilter) again.action()).filter()
                        && f.region() == ((Action.ColorFilter) again.action()).region();
            case Action.Stylize st ->
                st.style() == ((Action.Stylize) again.action()).style()
                        && st.region() == ((Action.Stylize) again.action()).region();
            default -> false;
        };
        return same ? again : null;
    }

    /** Reads atoms [a, b) as one clause; a single atom may borrow the verb of the atom before it. */
    private static ClauseParser.Result read(String text, List<Atom> atoms, int a, int b) {
        String clause = span(text, atoms, a, b);
        ClauseParser.Result result = ClauseParser.parse(clause);
        if (result.kind() == ClauseParser.Kind.UNKNOWN && b == a + 1 && a > 0) {
            String verb = ClauseParser.leadingVerb(span(text, atoms, a - 1, a));
            if (verb != null) {
                ClauseParser.Result borrowed = ClauseParser.parse(verb + " " + clause);
                if (borrowed.kind() == ClauseParser.Kind.ACTION) {
                    return borrowed;
                }
            }
        }
        if (result.kind() == ClauseParser.Kind.ACTION
                && b == a + 1
                && a > 0
                && !atoms.get(a).afterHard()) {
            // "make the top half cooler and darker": a bare adjective after a local action stays in its region
            Region region = regionOf(result.action());
            if (region == Region.WHOLE && BARE_ADJECTIVE.matcher(clause).matches()) {
                ClauseParser.Result before = ClauseParser.parse(span(text, atoms, a - 1, a));
                Region previous = before.kind() == ClauseParser.Kind.ACTION ? regionOf(before.action()) : null;
                if (previous != null && previous != Region.WHOLE) {
                    ClauseParser.Result local = ClauseParser.parse(clause + previous.suffix());
                    if (local.kind() == ClauseParser.Kind.ACTION) {
                        return local;
                    }
                }
            }
        }
        return result;
    }

    /** One to three words ending in a comparative ("darker", "a bit warmer", "more vivid"), with no object. */
    private static final Pattern BARE_ADJECTIVE = Pattern.compile(
            "(?i)\\s*(?:(?:a\\s+)?(?:little|bit|tiny|touch|slightly|much|more|less|a\\s+lot)\\s+){0,3}\\w+er\\s*[.!]?");

    /** The region a local action works on, WHOLE for a global one, null for actions without one. */
    private static Region regionOf(Action action) {
        return switch (action) {
            case Action.Adjust x -> x.region();
            case Action.ColorFilter x -> x.region();
            case Action.Tint x -> x.region();
            case Action.Stylize x -> x.region();
            case Action.Posterize x -> x.region();
            default -> null;
        };
    }

    private static String span(String text, List<Atom> atoms, int a, int b) {
        return text.substring(atoms.get(a).start(), atoms.get(b - 1).end()).trim();
    }
}
