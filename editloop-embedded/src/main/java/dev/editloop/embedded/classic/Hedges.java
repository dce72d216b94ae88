package dev.editloop.embedded.classic;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hedges and amounts said in words, rewritten into the amounts the clause matchers read: "like 80% less" is "80%
 * less", "a smidge" is "slightly", "by 1/3" is "by 33%", "twice as much contrast" is "100% more contrast", "half as
 * bright" is "50% less bright", "not so bright" is "too bright". Works on normalized (lower-case) text.
 */
final class Hedges {
    private Hedges() {}

    private static final Pattern FRACTION = Pattern.compile("\\b(by|to|of)\\s+(\\d{1,2})\\s*/\\s*(\\d{1,2})\\b");

    /** The tone nouns "take the X down" and "twice as much X" may name. */
    private static final String TONE_NOUN =
            "(?:saturation|contrast|brightness|warmth|exposure|colors?|vibrance|vibrancy|color saturation)";

    /** The tone adjectives "twice as" and "half as" may scale ("twice as vivid"; "twice as big" is a size). */
    private static final String TONE_ADJECTIVE =
            "(?:bright|light|dark|vivid|vibrant|saturated|colorful|warm|cool|" + "contrasty|punchy|rich|muted)";

    static String rewrite(String s) {
        s = s
                // a hedge in front of a number: "like 80% less", "say 5 percent", "by about 20%"
                .replaceAll(
                        "\\b(?:something like|more or less|give or take|like|roughly|approximately|approx|maybe|say|"
                                + "perhaps|around|about|some)\\s+(?=[+-]?\\d+(?:\\.\\d+)?\\s*(?:%|percent\\b|per cent\\b|degrees?\\b|stops?\\b|/))",
                        "")
                // "bit more contrast": a bit, with its article dropped as people type it
                .replaceAll(
                        "(?<=^|[,;.!?]\\s?|\\band\\s|\\bbut\\s)\\s*bit (?=more|less|brighter|darker|warmer|cooler|lighter)",
                        " a bit ")
                // small amounts in words
                .replaceAll(
                        "\\b(?:a (?:wee|teeny|tiny|little) (?:bit|touch|smidge|smidgen|hair|tad)|a smidge|a smidgen|"
                                + "a skosh|a hair|a wee bit|a teeny bit|a nudge|a notch|a shade|ever so slightly|"
                                + "just a little|not too much|not overly|not by much|not a lot|not much)\\b",
                        " slightly ")
                // large amounts in words
                .replaceAll(
                        "\\b(?:an? (?:extreme|huge|massive|big|large|serious) amount|a bunch|tons|loads|heaps)\\b",
                        " extremely ")
                .replaceAll("\\bextreme\\b", "extremely")
                // "as bright as possible", "as sharp as you can": as far as it goes
                .replaceAll("\\bas (\\w+) as (?:possible|you can|it gets|it can get)\\b", "extremely $1")
                // "take the saturation way down": "take" only moves the tone noun
                .replaceAll("\\btake\\s+(?=(?:the\\s+|its\\s+)?" + TONE_NOUN + "\\b)", "")
                // "sepia, not too strong - 50%", "sepia, but not too heavy, 50%": a dash or a comma before a number is
                // punctuation, and a number said beside a hedge is the amount
                .replaceAll("\\s-\\s+(?=\\d)", " ")
                .replaceAll(
                        "\\b(?:but\\s+)?(?:not too (?:strong|heavy|intense|much|dark)|(?:keep it|make it|keep that|just)?\\s*"
                                + "(?:subtle|light|gentle|soft|mild))\\s*,?\\s*(?=(?:at\\s+|to\\s+|of\\s+|around\\s+)?\\d+(?:\\.\\d+)?\\s*(?:%|percent\\b))",
                        "")
                // "not so bright": how the picture is now, i.e. too bright
                .replaceAll("^(?:(?:it's|it is|it should be|make it|but)\\s+)?not so (?=\\w+\\b)", "too ")
                // "twice as much contrast", "double the saturation": +100%; "half again as much": +50%
                .replaceAll("\\bhalf again as much\\s+(" + TONE_NOUN + ")\\b", "50% more $1")
                .replaceAll(
                        "\\b(?:twice as much|twice the|double the|double)\\s+(" + TONE_NOUN + ")\\b", "100% more $1")
                // "cut the contrast in half": 50% less
                .replaceAll(
                        "\\b(?:cut|take|bring)\\s+(?:the |its )?(" + TONE_NOUN + ")\\s+(?:down\\s+)?in half\\b",
                        "50% less $1")
                .replaceAll("\\bhalve (?:the |its )?(" + TONE_NOUN + ")\\b", "50% less $1")
                .replaceAll("\\bhalf (?:as much|the)\\s+(" + TONE_NOUN + ")\\b", "50% less $1")
                // "twice as vivid", "half as bright"
                .replaceAll("\\btwice as (?=" + TONE_ADJECTIVE + "\\b)", "100% more ")
                .replaceAll("\\bhalf as (?=" + TONE_ADJECTIVE + "\\b)", "50% less ");
        Matcher m = FRACTION.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int num = Integer.parseInt(m.group(2));
            int den = Integer.parseInt(m.group(3));
            String replacement = den == 0 || num > den
                    ? m.group()
                    : m.group(1) + " " + String.format(Locale.ROOT, "%d", Math.round(100.0 * num / den)) + "%";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").trim();
    }
}
