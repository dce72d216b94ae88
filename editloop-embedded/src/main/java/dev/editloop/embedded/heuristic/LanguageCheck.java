package dev.editloop.embedded.heuristic;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether an instruction is written in a language other than English, which the heuristic thinker (and the
 * classic editor) cannot read: by its script (letters outside the Latin alphabet outweigh the Latin ones; a Chinese,
 * Japanese or Korean character counts as a word) and, for Latin-script text, by function words (German, Spanish,
 * French, Italian, Portuguese and Dutch words that are not English words, outnumbering the English ones). Text in
 * quotes is left out (it may be text to add, in any language), and so a foreign name inside an English instruction
 * ("make Rio de Janeiro look like a postcard", "add the text "東京"") stays English. Stateless.
 */
public final class LanguageCheck {
    /** What the thinker answers to an instruction it cannot read, before the detail of what it saw. */
    public static final String ANSWER = "the embedded thinker reads English; use a model thinker for other languages";

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|「[^」]*」");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");

    /** Frequent words of instructions in other languages that are not English words (ambiguous ones left out). */
    private static final Set<String> FOREIGN = Set.of(
            // German
            "und",
            "der",
            "das",
            "ist",
            "mit",
            "ein",
            "eine",
            "einen",
            "einem",
            "bitte",
            "mach",
            "mache",
            "machen",
            "füge",
            "hinzu",
            "entferne",
            "bild",
            "bildes",
            "hintergrund",
            "farbe",
            "heller",
            "dunkler",
            "schwarz",
            "weiß",
            "weiss",
            "zu",
            "auf",
            "von",
            "den",
            "dem",
            "nicht",
            "wie",
            "alt",
            "altes",
            "alten",
            "aus",
            "sie",
            "es",
            "ändere",
            "mehr",
            "weniger",
            "wärmer",
            "kälter",
            "foto",
            "himmel",
            // Spanish
            "el",
            "los",
            "las",
            "y",
            "del",
            "por",
            "para",
            "que",
            "una",
            "más",
            "haz",
            "hazlo",
            "hazla",
            "imagen",
            "fondo",
            "añade",
            "agrega",
            "quita",
            "elimina",
            "cielo",
            "blanco",
            "negro",
            "como",
            "parezca",
            "antigua",
            "cambia",
            "convierte",
            "en",
            "con",
            "al",
            // French
            "le",
            "les",
            "des",
            "du",
            "et",
            "une",
            "avec",
            "rends",
            "ajoute",
            "supprime",
            "ciel",
            "noir",
            "blanc",
            "rendre",
            "cette",
            "ce",
            "dans",
            "sur",
            "ancienne",
            "fais",
            // Italian, Portuguese
            "il",
            "gli",
            "della",
            "di",
            "rendi",
            "aggiungi",
            "rimuovi",
            "sfondo",
            "immagine",
            "questa",
            "faça",
            "adicione",
            "remova",
            "fundo",
            "imagem",
            "uma",
            "mais",
            "preto",
            "branco",
            // Dutch
            "het",
            "een",
            "maak",
            "voeg",
            "van",
            "zijn",
            "afbeelding",
            "achtergrond",
            "zwart",
            "wit");

    /** English words that instructions use, to weigh against the foreign ones. */
    private static final Set<String> ENGLISH = Set.of(
            "the",
            "a",
            "an",
            "and",
            "of",
            "to",
            "in",
            "on",
            "with",
            "make",
            "it",
            "this",
            "is",
            "add",
            "more",
            "less",
            "please",
            "by",
            "at",
            "from",
            "into",
            "turn",
            "remove",
            "change",
            "image",
            "photo",
            "picture",
            "look",
            "like",
            "but",
            "keep",
            "then",
            "brighter",
            "darker",
            "black",
            "white",
            "background",
            "sky",
            "color",
            "colour",
            "style",
            "give",
            "apply",
            "increase",
            "decrease",
            "replace",
            "blur",
            "its",
            "that",
            "as",
            "all");

    private LanguageCheck() {}

    /**
     * Why the instruction is not English, e.g. {@code "it is written in Han characters"}; empty when it reads as
     * English (or holds no words at all).
     */
    public static Optional<String> notEnglish(String instruction) {
        if (instruction == null) {
            return Optional.empty();
        }
        String text = QUOTED.matcher(instruction).replaceAll(" ");
        int latin = 0;
        int other = 0;
        Character.UnicodeScript main = null;
        int mainCount = 0;
        java.util.Map<Character.UnicodeScript, Integer> counts = new java.util.EnumMap<>(Character.UnicodeScript.class);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN) {
                latin++;
                continue;
            }
            boolean ideographic = switch (script) {
                case HAN, HIRAGANA, KATAKANA, HANGUL -> true;
                default -> false;
            };
            int weight = ideographic ? 3 : 1;
            other += weight;
            int n = counts.merge(script, weight, Integer::sum);
            if (n > mainCount) {
                main = script;
                mainCount = n;
            }
        }
        if (other >= 2 && other > latin) {
            return Optional.of("it is written in " + scriptName(main) + ", not in English");
        }
        int foreign = 0;
        int english = 0;
        var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String w = words.group();
            if (FOREIGN.contains(w)) {
                foreign++;
            } else if (ENGLISH.contains(w)) {
                english++;
            }
        }
        if (foreign >= 2 && foreign > english) {
            return Optional.of(
                    "its words are not English (" + foreign + " words of another language, " + english + " English)");
        }
        return Optional.empty();
    }

    private static String scriptName(Character.UnicodeScript script) {
        if (script == null) {
            return "another script";
        }
        return switch (script) {
            case HAN -> "Chinese characters";
            case HIRAGANA, KATAKANA -> "Japanese script";
            case HANGUL -> "Korean script";
            default -> {
                String name = script.name().toLowerCase(Locale.ROOT);
                yield Character.toUpperCase(name.charAt(0)) + name.substring(1) + " script";
            }
        };
    }
}
