package dev.editloop.embedded.classic;

import dev.editloop.embedded.op.Operation;
import dev.editloop.embedded.op.Operations;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a misspelt instruction as the one it almost certainly means: "brigthen it slighty" as "brighten it slightly".
 * The classic editor ({@link Instructions#parse}) and the heuristic thinker both read an instruction through
 * {@link #read}, so both see the same corrected words.
 *
 * <p>The rule. A word is left alone when it is known: a word of the classic parser's tables, of an operation's
 * descriptor, of the thinker's word lists and knowledge base, or of a short list of common English words and names
 * of things ("the", "bike", "tent"); a known word with a plural or verb ending ("bikes", "blurring") counts as known.
 * An unknown word of 4–6 letters is replaced by a known word at Damerau–Levenshtein distance 1 (one letter added,
 * dropped, changed, or two neighbours swapped), one of 7 or more letters by a known word at distance 2 at most, when
 * exactly one known word (of 4 letters or more) is nearest. When several are equally near, a doubled or single
 * letter decides ("blurr": "blur"), then the parser: the one with which it understands the instruction best, if only
 * one; otherwise the word is left alone. Words under 4 letters are corrected only
 * from a closed list of common slips ("teh", "pls"). Nothing inside quotes is touched, nor digits.
 *
 * <p>The vocabulary is built once (and again only when an operation is registered), from the string constants of the
 * parser's and thinker's classes, the registered operations' words, the knowledge base file and
 * {@code spelling-known.txt}.
 */
public final class Spelling {
    private Spelling() {}

    /** One word read as another. */
    public record Fix(String written, String read) {
        public Fix {
            Objects.requireNonNull(written, "written");
            Objects.requireNonNull(read, "read");
        }

        /** "read 'blak' as 'black'". */
        public String note() {
            return "read '" + written + "' as '" + read + "'";
        }
    }

    /** An instruction as read: the corrected text and the corrections made, in order. */
    public record Reading(String text, List<Fix> fixes) {
        public Reading {
            Objects.requireNonNull(text, "text");
            fixes = List.copyOf(fixes);
        }

        public boolean corrected() {
            return !fixes.isEmpty();
        }

        /** "read 'blak' as 'black', read 'vignete' as 'vignette'", or "" when nothing was corrected. */
        public String note() {
            return String.join(", ", fixes.stream().map(Fix::note).toList());
        }
    }

    /** Common slips of short words, which the distance rule leaves alone. */
    private static final Map<String, String> SLIPS = Map.ofEntries(
            Map.entry("teh", "the"),
            Map.entry("hte", "the"),
            Map.entry("pls", "please"),
            Map.entry("plz", "please"),
            Map.entry("plese", "please"),
            Map.entry("mak", "make"),
            Map.entry("adn", "and"),
            Map.entry("nad", "and"),
            Map.entry("abit", "a bit"),
            Map.entry("alot", "a lot"),
            Map.entry("u", "you"),
            Map.entry("ur", "your"),
            Map.entry("thx", "thanks"));

    /** The classes whose string constants hold the parser's and the thinker's words. */
    private static final List<String> WORD_CLASSES = List.of(
            "dev/editloop/embedded/classic/ClauseParser",
            "dev/editloop/embedded/classic/InstructionParser",
            "dev/editloop/embedded/classic/ToneClauses",
            "dev/editloop/embedded/classic/StyleClauses",
            "dev/editloop/embedded/classic/GeometryClauses",
            "dev/editloop/embedded/classic/ContentClauses",
            "dev/editloop/embedded/classic/Words",
            "dev/editloop/embedded/classic/NamedColor",
            "dev/editloop/embedded/classic/Region",
            "dev/editloop/embedded/classic/Action",
            "dev/editloop/embedded/heuristic/Intent",
            "dev/editloop/embedded/heuristic/Parts",
            "dev/editloop/embedded/heuristic/KnowledgeBase");

    private static final String[] WORD_FILES = {
        "/dev/editloop/embedded/classic/spelling-known.txt", "/dev/editloop/embedded/heuristic/knowledge-base.yaml"
    };

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:'[a-z]+)?");
    /** Regex syntax that is not words: escapes ("\b", "\s"), group names and flags. */
    private static final Pattern REGEX_SYNTAX = Pattern.compile("\\\\[A-Za-z]|\\(\\?<?[A-Za-z]*[:>)=!]?");

    private static final String[] ENDINGS = {"s", "es", "ed", "d", "ing", "ly", "er", "est", "'s"};

    private record Vocabulary(int operations, Set<String> known, Map<Integer, List<String>> byLength) {}

    private static volatile Vocabulary vocabulary;

    /**
     * Reads an instruction: every unknown word with exactly one nearest known word replaced by it. When several known
     * words are equally near, the one with which the classic parser understands the instruction best is taken if it is
     * the only one ("blak and white": "black", not "blank"); otherwise the word is left as written.
     */
    public static Reading read(String text) {
        Objects.requireNonNull(text, "text");
        Reading done = READINGS.get(text);
        if (done != null) {
            return done;
        }
        if (READINGS.size() > 4096) {
            READINGS.clear();
        }
        Reading reading = readNow(text);
        READINGS.put(text, reading);
        return reading;
    }

    /** Readings made, by text: the thinker reads the same request and its parts many times in a run. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Reading> READINGS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Reading readNow(String text) {
        Vocabulary v = null;
        List<int[]> quoted = Quotes.spans(text);
        Matcher m = WORD.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<List<String>> options = new ArrayList<>();
        while (m.find()) {
            if (inside(quoted, m.start())
                    || (m.start() > 0 && Character.isDigit(text.charAt(m.start() - 1)))
                    || (m.end() < text.length() && Character.isDigit(text.charAt(m.end())))) {
                continue; // quoted text, and "20px", "2x", "16x9"
            }
            if (name(text, m.start(), m.group())) {
                continue;
            }
            String word = m.group().toLowerCase(Locale.ROOT);
            if (!SLIPS.containsKey(word) && (word.length() < 4 || known(word, Common.WORDS))) {
                continue; // most words of most requests: no need to build the whole vocabulary
            }
            if (v == null) {
                v = vocabulary();
            }
            Vocabulary vocab = v;
            List<String> found = MEMO.computeIfAbsent(word, w -> candidates(w, vocab));
            if (!found.isEmpty()) {
                spans.add(new int[] {m.start(), m.end()});
                options.add(found);
            }
        }
        if (MEMO.size() > 20_000) {
            MEMO.clear();
        }
        if (spans.isEmpty()) {
            return new Reading(text, List.of());
        }
        String[] chosen = new String[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            chosen[i] = options.get(i).size() == 1 ? options.get(i).get(0) : null;
        }
        // equally near words: a doubled or single letter is the commonest slip ("blurr", "vignete"); then the parser
        // decides, with every other correction made
        for (int i = 0; i < spans.size(); i++) {
            if (chosen[i] != null) {
                continue;
            }
            String written = text.substring(spans.get(i)[0], spans.get(i)[1]).toLowerCase(Locale.ROOT);
            List<String> doubled = options.get(i).stream()
                    .filter(o -> single(o).equals(single(written)))
                    .toList();
            if (doubled.size() == 1) {
                chosen[i] = doubled.get(0);
                continue;
            }
            String best = null;
            ParsedInstruction bestParse = null;
            int bestLeft = unread(Instructions.parseAsWritten(apply(text, spans, chosen)));
            boolean tie = false;
            for (String option : options.get(i)) {
                chosen[i] = option;
                ParsedInstruction parsed = Instructions.parseAsWritten(apply(text, spans, chosen));
                int left = unread(parsed);
                if (left < bestLeft) {
                    best = option;
                    bestParse = parsed;
                    bestLeft = left;
                    tie = false;
                } else if (left == bestLeft && best != null && !parsed.actions().equals(bestParse.actions())) {
                    tie = true; // two readings the parser understands as well, with different actions
                }
            }
            chosen[i] = tie ? null : best;
        }
        // a correction must earn its keep: the parser understands more with it; a word the reader would not understand
        // either way stays as written ("rocket", "party hat")
        for (int i = 0; i < spans.size(); i++) {
            String written = text.substring(spans.get(i)[0], spans.get(i)[1]).toLowerCase(Locale.ROOT);
            if (chosen[i] == null || SLIPS.containsKey(written)) {
                continue;
            }
            ParsedInstruction with = Instructions.parseAsWritten(apply(text, spans, chosen));
            String keep = chosen[i];
            chosen[i] = null;
            ParsedInstruction without = Instructions.parseAsWritten(apply(text, spans, chosen));
            chosen[i] = earns(with, without) || conceptWord(keep, with, without) ? keep : null;
        }
        List<Fix> fixes = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            if (chosen[i] != null) {
                String written = text.substring(spans.get(i)[0], spans.get(i)[1]);
                fixes.add(new Fix(written, cased(written, chosen[i])));
            }
        }
        return new Reading(apply(text, spans, chosen), fixes);
    }

    /**
     * Whether a word is a name or not a plain word: a contraction or possessive ("don't", "cat's"), letters in
     * capitals ("APOLLO"), or a capitalised word inside a sentence ("the American flag").
     */
    private static boolean name(String text, int at, String word) {
        if (word.indexOf('\'') >= 0 || (at > 0 && (text.charAt(at - 1) == '\'' || text.charAt(at - 1) == '’'))) {
            return true;
        }
        if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
            return true;
        }
        if (Character.isUpperCase(word.charAt(0))) {
            int i = at - 1;
            while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
                i--;
            }
            return i >= 0 && ".!?:;\"“(\n".indexOf(text.charAt(i)) < 0;
        }
        return false;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, List<String>> MEMO =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String cased(String written, String fix) {
        return Character.isUpperCase(written.charAt(0)) ? Character.toUpperCase(fix.charAt(0)) + fix.substring(1) : fix;
    }

    private static String apply(String text, List<int[]> spans, String[] chosen) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        int last = 0;
        for (int i = 0; i < spans.size(); i++) {
            if (chosen[i] == null) {
                continue;
            }
            int[] s = spans.get(i);
            sb.append(text, last, s[0]).append(cased(text.substring(s[0], s[1]), chosen[i]));
            last = s[1];
        }
        return sb.append(text, last, text.length()).toString();
    }

    /**
     * Whether a reading understands more than another and carves nothing out of a part it still does not understand:
     * more actions, and every clause left not understood was left so, as it is, without the correction ("replace the
     * sneakers with a stapler" is not "… with a smaller": the request is still not understood, so no word of it is
     * changed).
     */
    private static boolean earns(ParsedInstruction with, ParsedInstruction without) {
        if (with.actions().size() <= without.actions().size() || unread(with) >= unread(without)) {
            return false;
        }
        java.util.Set<String> before = new HashSet<>();
        without.notUnderstood().forEach(c -> before.add(c.trim().toLowerCase(Locale.ROOT)));
        for (String clause : with.notUnderstood()) {
            if (!before.contains(clause.trim().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a correction reads a word of the thinker's concepts ("snowey" as "snowy", "spoky" as "spooky"): a word
     * of a concept's title or example requests in the knowledge base, which the parser does not read but the thinker
     * does; the parser must understand no less with it.
     */
    private static boolean conceptWord(String word, ParsedInstruction with, ParsedInstruction without) {
        return ConceptWords.WORDS.contains(word)
                && with.actions().size() >= without.actions().size()
                && unread(with) <= unread(without);
    }

    /** The words of the knowledge base's concept titles and example requests, read at the first need. */
    private static final class ConceptWords {
        static final Set<String> WORDS = read();

        private static Set<String> read() {
            Set<String> words = new HashSet<>();
            try (InputStream in = Spelling.class.getResourceAsStream(WORD_FILES[1])) {
                if (in == null) {
                    return Set.of();
                }
                boolean phrasings = false;
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .toList()) {
                    String t = line.trim();
                    if (t.startsWith("#")) {
                        continue;
                    }
                    if (t.startsWith("title:")) {
                        addWords(t.substring(6), words);
                    }
                    if (t.endsWith(":") || t.matches("^[a-z-]+:.*")) {
                        phrasings = t.equals("phrasings:");
                        continue;
                    }
                    if (phrasings && t.startsWith("- '")) {
                        addWords(t.substring(2), words);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            words.removeIf(w -> w.length() < 4);
            return Set.copyOf(words);
        }
    }

    /** How many words of an instruction the classic parser left not understood. */
    private static int unread(ParsedInstruction parsed) {
        int left = 0;
        for (String clause : parsed.notUnderstood()) {
            Matcher w = WORD.matcher(clause);
            while (w.find()) {
                left++;
            }
        }
        return left;
    }

    /** A word with every doubled letter written once ("vignette": "vignete"). */
    private static String single(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) {
                sb.append(word.charAt(i));
            }
        }
        return sb.toString();
    }

    /** Whether a word is in the vocabulary (as written, or with a plural or verb ending). */
    public static boolean known(String word) {
        return known(word.toLowerCase(Locale.ROOT), vocabulary());
    }

    /** The known words nearest to a word, within distance 2 (for tests and diagnostics). */
    static List<String> nearest(String word) {
        Vocabulary v = vocabulary();
        List<String> out = new ArrayList<>();
        for (int len = Math.max(3, word.length() - 2); len <= word.length() + 2; len++) {
            for (String candidate : v.byLength().getOrDefault(len, List.of())) {
                int d = distance(word, candidate, 2);
                if (d <= 2) {
                    out.add(candidate + ":" + d);
                }
            }
        }
        out.add("known=" + known(word, v) + " size=" + v.known().size());
        return out;
    }

    private static boolean inside(List<int[]> spans, int at) {
        for (int[] s : spans) {
            if (at >= s[0] && at < s[1]) {
                return true;
            }
        }
        return false;
    }

    /** The known words an unknown word may be read as: none, the one nearest, or several equally near. */
    private static List<String> candidates(String word, Vocabulary v) {
        String slip = SLIPS.get(word);
        if (slip != null) {
            return List.of(slip);
        }
        if (word.length() < 4 || known(word, v)) {
            return List.of();
        }
        int limit = word.length() >= 7 ? 2 : 1;
        int bestDistance = limit + 1;
        List<String> tied = new ArrayList<>();
        for (int len = Math.max(4, word.length() - limit); len <= word.length() + limit; len++) {
            for (String candidate : v.byLength().getOrDefault(len, List.of())) {
                int d = distance(word, candidate, Math.min(limit, bestDistance));
                if (d < bestDistance) {
                    bestDistance = d;
                    tied.clear();
                    tied.add(candidate);
                } else if (d == bestDistance && d <= limit) {
                    tied.add(candidate);
                }
            }
        }
        return List.copyOf(tied);
    }

    /** The common words and the knowledge base's, read at the first request; the whole vocabulary only when needed. */
    private static final class Common {
        static final Set<String> WORDS = read();

        private static Set<String> read() {
            Set<String> words = new HashSet<>();
            for (String file : WORD_FILES) {
                words.addAll(fileWords(file));
            }
            return Set.copyOf(words);
        }
    }

    private static Set<String> fileWords(String file) {
        Set<String> words = new HashSet<>();
        try (InputStream in = Spelling.class.getResourceAsStream(file)) {
            if (in != null) {
                String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                all.lines().filter(l -> !l.startsWith("#")).forEach(l -> addWords(l, words));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static boolean known(String word, Vocabulary v) {
        return known(word, v.known());
    }

    private static boolean known(String word, Set<String> set) {
        if (set.contains(word)) {
            return true;
        }
        for (String ending : ENDINGS) {
            if (word.length() > ending.length() + 2 && word.endsWith(ending)) {
                String stem = word.substring(0, word.length() - ending.length());
                if (set.contains(stem) || set.contains(stem + "e")) {
                    return true;
                }
                // "blurring", "grabbed": a doubled last letter before the ending
                int n = stem.length();
                if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && set.contains(stem.substring(0, n - 1))) {
                    return true;
                }
                // "tries", "happier"
                if (stem.endsWith("i") && set.contains(stem.substring(0, n - 1) + "y")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and swaps of
     * neighbours), or a number above {@code limit} when it is more.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[n][m];
    }

    private static Vocabulary vocabulary() {
        int operations = Operations.all().size();
        Vocabulary v = vocabulary;
        if (v == null || v.operations() != operations) {
            synchronized (Spelling.class) {
                v = vocabulary;
                if (v == null || v.operations() != operations) {
                    v = build(operations);
                    vocabulary = v;
                    MEMO.clear();
                    READINGS.clear();
                }
            }
        }
        return v;
    }

    private static Vocabulary build(int operations) {
        Set<String> known = new HashSet<>();
        for (String name : WORD_CLASSES) {
            for (String constant : stringConstants(name)) {
                addWords(REGEX_SYNTAX.matcher(constant).replaceAll(" "), known);
            }
        }
        for (Operation op : Operations.all()) {
            addWords(op.words().label(), known);
            op.words().words().forEach(w -> addWords(w, known));
            for (String constant : stringConstants(op.getClass().getName().replace('.', '/'))) {
                addWords(REGEX_SYNTAX.matcher(constant).replaceAll(" "), known);
            }
        }
        known.addAll(Common.WORDS);
        SLIPS.values().forEach(w -> addWords(w, known));
        Map<Integer, List<String>> byLength = new HashMap<>();
        for (String word : known) {
            if (word.length() >= 4) {
                byLength.computeIfAbsent(word.length(), k -> new ArrayList<>()).add(word);
            }
        }
        byLength.values().forEach(list -> list.sort(null));
        return new Vocabulary(operations, Set.copyOf(known), Map.copyOf(byLength));
    }

    private static void addWords(String text, Set<String> into) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                into.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
    }

    /** The string literals of a class (its constant pool's strings), or none when the class file is not found. */
    static List<String> stringConstants(String internalName) {
        try (InputStream raw = Spelling.class.getResourceAsStream("/" + internalName + ".class")) {
            if (raw == null) {
                return List.of();
            }
            DataInputStream in = new DataInputStream(raw);
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 8 -> strings.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    default -> {
                        return List.of(); // a class file this reader does not know: no words from it
                    }
                }
            }
            List<String> out = new ArrayList<>();
            for (int index : strings) {
                if (index > 0 && index < count && utf8[index] != null) {
                    out.add(utf8[index]);
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }
}
