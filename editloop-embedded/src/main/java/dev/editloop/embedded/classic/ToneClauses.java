package dev.editloop.embedded.classic;

import static dev.editloop.embedded.classic.ClauseParser.*;

import dev.editloop.embedded.classic.Action.Tone;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Clauses about tone: brightness, contrast, saturation, warmth, hue and exposure, up or down. */
final class ToneClauses {
    private ToneClauses() {}

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
            new ToneWord(
                    p("\\b(?:saturate|saturated|vivid|vibrant|colorful|richer|rich|livelier|lively)\\b"),
                    Tone.SATURATION,
                    1),
            new ToneWord(p("(?<=\\b(?:less|more) )intense\\b"), Tone.SATURATION, 0),
            new ToneWord(
                    p("\\b(?:desaturate|desaturated|muted|mute|duller|dull|washed out|subdued|paler|pale)\\b"),
                    Tone.SATURATION,
                    -1),
            new ToneWord(p("\\bwarmth\\b"), Tone.WARMTH, 0),
            new ToneWord(p("\\bwarm(?:er)?(?:\\s+(?:it\\s+)?up)?\\b"), Tone.WARMTH, 1),
            new ToneWord(
                    p(
                            "\\bcool(?:er)?\\s+(?:it\\s+)?down\\b|\\bcooler\\b|\\bcool it\\b|\\bcool(?=\\s+(?:tones?|colors?|cast|hues?|tint)\\b)"),
                    Tone.WARMTH,
                    -1),
            new ToneWord(p("\\bhue shift\\b|\\bhues?\\b"), Tone.HUE, 0),
            new ToneWord(p("\\bexposure\\b|\\bexpose\\b"), Tone.EXPOSURE, 0),
            new ToneWord(p("\\boverexposed?\\b"), Tone.EXPOSURE, 1),
            new ToneWord(p("\\bunderexposed?\\b"), Tone.EXPOSURE, -1),
            // "tone down the colors", "calm the colours down": the colors' strength, i.e. saturation
            new ToneWord(
                    p("\\b(?:tone|calm|quiet)\\s+down\\s+(?:all\\s+)?(?:the\\s+)?colors\\b"), Tone.SATURATION, -1));

    /**
     * Words that name a quality only after "too" ("the contrast is too harsh", "they're too loud"): the way the
     * picture is now, never a request on their own.
     */
    private static final List<ToneWord> TOO_WORDS = List.of(
            new ToneWord(p("\\b(?:harsh|hard|stark|strong)\\b"), Tone.CONTRAST, 1),
            new ToneWord(p("\\b(?:loud|garish|gaudy|intense|vivid|colorful|saturated|strong)\\b"), Tone.SATURATION, 1),
            new ToneWord(p("\\b(?:murky|gloomy|dim|dull)\\b"), Tone.BRIGHTNESS, -1),
            new ToneWord(p("\\b(?:hot|yellow|orange)\\b"), Tone.WARMTH, 1),
            new ToneWord(p("\\b(?:cold|blue)\\b"), Tone.WARMTH, -1));

    /**
     * The words "too" may name: the tone words, then the words that only say how the picture is now. "strong" is the
     * contrast when the clause names the contrast, the colors otherwise; "punchy" is the colors' strength (saturation)
     * when the clause names the colors ("the colours are too punchy"), the contrast otherwise.
     */
    private static List<ToneWord> tooWords(String clause) {
        List<ToneWord> words = new java.util.ArrayList<>();
        if (p("\\bcolors?\\b").matcher(clause).find()) {
            words.add(new ToneWord(p("\\b(?:punchier|punchy)\\b"), Tone.SATURATION, 1));
        }
        words.addAll(TONE_WORDS);
        boolean contrast = p("\\bcontrast\\b").matcher(clause).find();
        for (ToneWord word : TOO_WORDS) {
            if (word.pattern().pattern().contains("strong") && (word.tone() == Tone.CONTRAST) != contrast) {
                continue;
            }
            words.add(word);
        }
        return words;
    }

    static Action tone(Clause c) {
        Region region = c.takeRegionOrWhole();
        Tone tone = null;
        int wordSign = 0;
        // "it's too bright": the word names the quality to move and the way not to go
        Tone tooTone = null;
        int tooSign = 0;
        // "way too strong": the intensifier belongs to "too", not to the amount
        MatchResult too = c.take(
                p("(?:\\b(?:way|far|much|a bit|a little|slightly|just|really|so|a tad)\\s+)?\\btoo\\s+(\\w+)\\b"));
        if (too != null) {
            for (ToneWord word : tooWords(c.rest())) {
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
}
