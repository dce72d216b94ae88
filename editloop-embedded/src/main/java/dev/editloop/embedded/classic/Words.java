package dev.editloop.embedded.classic;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers written in words ("thirty percent", "ninety degrees", "one stop") read as digits. */
final class Words {
    private Words() {}

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety",
            90);

    private static final String UNIT_ALT = String.join("|", UNITS.keySet());
    private static final String TENS_ALT = String.join("|", TENS.keySet());

    /** "[a|one] hundred [and] [tens] [units]", "tens [units]" or "units". */
    private static final Pattern NUMBER = Pattern.compile("\\b(?:(?:(a|one|two|three) hundred)(?: and)?\\s*)?" + "(?:("
            + TENS_ALT + ")\\s*)?(?:(" + UNIT_ALT + ")\\b)?(?<=\\w)");

    /** A word number must be followed by a unit to count when it is "one" alone ("a subtle one"). */
    private static final Pattern UNIT_AFTER = Pattern.compile(
            "^\\s*(?:%|percent|per cent|degrees?|stops?|ev|pixels?|px|levels?|colors?|tones?|shades?|x|times)\\b");

    /** The text with every number in words replaced by its digits. */
    static String numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (m.group().isBlank() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
                continue;
            }
            if (m.start() > 0 && Character.isLetterOrDigit(text.charAt(m.start() - 1))) {
                continue;
            }
            int value = 0;
            if (m.group(1) != null) {
                value += 100 * (m.group(1).equals("a") ? 1 : UNITS.get(m.group(1)));
            }
            if (m.group(2) != null) {
                value += TENS.get(m.group(2));
            }
            if (m.group(3) != null) {
                value += UNITS.get(m.group(3));
            }
            boolean bare = m.group(1) == null && m.group(2) == null;
            if (bare
                    && m.group(3).equals("one")
                    && !UNIT_AFTER.matcher(text.substring(m.end())).find()) {
                continue;
            }
            sb.append(text, last, m.start()).append(value);
            last = m.end();
        }
        sb.append(text.substring(last));
        return sb.toString();
    }
}
