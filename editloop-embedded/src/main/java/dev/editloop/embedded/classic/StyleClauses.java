package dev.editloop.embedded.classic;

import static dev.editloop.embedded.classic.ClauseParser.*;

import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Style;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Clauses about looks: border, posterize, tint, color filters and named styles (sketch, blur, vignette…). */
final class StyleClauses {
    private StyleClauses() {}

    static Action border(Clause c) {
        if (c.takeAll(p("\\b(?:border|borders|frame|framed|matte|margin)\\b")) == 0) {
            return null;
        }
        int pixels = 20;
        MatchResult size = c.take(p("(?:\\b(?:of|with|about|around|roughly|approximately)\\s+)?(?<![\\w.])(\\d+)\\s*"
                + "(?:px|pixels?)\\b(?:\\s+(?:wide|thick|width|across))?"));
        int thin = c.takeAll(p("\\bthin\\b"));
        int thick = c.takeAll(p("\\b(?:thick|wide)\\b"));
        if (thin > 0 && thick > 0) {
            return null;
        }
        if (size != null && (thin > 0 || thick > 0)) {
            // "a thick frame, about 40 pixels wide": the number says how thick, unless it contradicts the word
            int said = Integer.parseInt(size.group(1));
            if ((thin > 0 && said > 20) || (thick > 0 && said < 20)) {
                return null;
            }
            thin = 0;
            thick = 0;
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

    static Action posterize(Clause c) {
        Region region = c.takeRegionOrWhole();
        if (c.takeAll(p("\\bposteriz(?:e|ed|ation|ing)\\b|\\bposter\\b")) == 0) {
            // "reduce it down to a handful of colours": a count of colours is a posterize
            if (!p("\\b\\d+\\s*(?:flat\\s+)?(?:color\\s+)?(?:colors|levels|tones|shades)\\b")
                            .matcher(c.rest())
                            .find()
                    || c.takeAll(p("\\b(?:reduce|reduced|limit|limited|restrict|restricted|cut|bring)\\b")) == 0) {
                return null;
            }
        }
        c.takeAll(p("\\bdown\\b|\\bflat\\b|\\bonly\\b|\\bjust\\b"));
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

    static Action tint(Clause c) {
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
        // "a warm orange tint", "a cool blue cast": the adjective only describes the color
        c.takeAll(p("\\b(?:warm|cool|cold|soft|pale|deep|rich)\\b(?=\\s+(?:" + COLOR_ALT + ")\\b)"));
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

    /** Words that name a color filter. */
    private record FilterWords(Pattern words, Filter filter) {}

    static Action filter(Clause c) {
        Region region = c.takeRegionOrWhole();
        Filter filter = null;
        List<FilterWords> words = List.of(
                new FilterWords(
                        p("\\bgrayscale\\b|\\bmonochrom(?:e|atic)\\b|\\bmono\\b|\\bcolorless\\b|"
                                + "\\b(?:remove|drop|strip|drain|take)\\s+(?:out\\s+|away\\s+)?(?:all\\s+)?(?:of\\s+)?(?:the\\s+)?colors?\\b|"
                                + "\\b(?:completely|fully|entirely)\\s+desaturated?\\b|\\bdesaturated?\\s+(?:completely|"
                                + "fully|entirely)\\b"),
                        Filter.GRAYSCALE),
                new FilterWords(p("\\b(?:(?:warm|brown(?:ish)?|golden|old|classic)\\s+){0,2}sepia\\b"), Filter.SEPIA),
                new FilterWords(
                        p(
                                "\\binvert(?:ed)?\\b|\\binverse\\b|\\bnegative\\b|\\bnegate\\b|\\binversion\\b|\\binverting\\b"
                                        + "|\\b(?:reverse|swap)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+)?colors\\b"
                                        + "(?:\\s+(?:to|into)\\s+(?:their\\s+|its\\s+)?opposites?\\b)?"
                                        + "|\\b(?:turn|make)\\s+(?:all\\s+)?(?:the\\s+)?colors\\s+(?:in)?to\\s+"
                                        + "(?:their\\s+|its\\s+)?opposites?\\b|\\bopposite colors\\b"),
                        Filter.INVERT));
        for (FilterWords word : words) {
            if (c.takeAll(word.words()) > 0) {
                if (filter != null) {
                    return null;
                }
                filter = word.filter();
            }
        }
        if (filter == null) {
            return null;
        }
        // "a sepia tint", "a sepia wash": the noun only names the filter's kind of look
        c.takeAll(p("\\b(?:tint|tinted|cast|wash|toning|grade|grading)\\b"));
        Amount amount = Amount.take(c);
        double strength = amount.percent(100);
        if (!(strength > 0)) {
            return null;
        }
        return new Action.ColorFilter(filter, Math.min(100, strength), region);
    }

    /**
     * Words that name a style; {@code needsVerb}: the words alone ("the details") do not say what to do, a verb
     * ("bring out", "enhance") must come with them.
     */
    private record StyleWords(Pattern words, Style style, boolean needsVerb) {}

    private static final List<StyleWords> STYLE_WORDS = List.of(
            new StyleWords(
                    p("\\bpencil sketch(?:es)?\\b|\\bpencil drawing\\b|\\bpencil\\b|\\bsketch(?:ed|y|es)?\\b|"
                            + "\\bdrawing\\b|\\bdrawn\\b|\\bgraphite\\b|\\bhand drawn\\b"),
                    Style.PENCIL_SKETCH,
                    false),
            new StyleWords(
                    p("\\bwatercolor paintings?\\b|\\bwatercolors?\\b|\\bpaintings?\\b|\\bpainted\\b|\\bpaint\\b|"
                            + "\\baquarelle\\b|\\bpainterly\\b"),
                    Style.WATERCOLOR,
                    false),
            new StyleWords(
                    p("\\bcartoon(?:s|ish|y|ize|ized|ify|ified|like)?\\b|\\bcomic(?: book)?s?\\b|\\btoon\\b"),
                    Style.CARTOON,
                    false),
            new StyleWords(
                    p("\\bpixel art\\b|\\bpixelart\\b|\\bpixelat(?:e|ed|ion)\\b|\\bpixeliz(?:e|ed|ation)\\b|"
                            + "\\bpixely\\b"),
                    Style.PIXEL_ART,
                    false),
            new StyleWords(
                    p("\\bhalf-?tones?(?: print| screen| dots?| pattern)?\\b|\\bdot screen\\b|\\bben-?day dots?\\b"),
                    Style.HALFTONE,
                    false),
            new StyleWords(p("\\bhdr\\b|\\bhigh dynamic range\\b|\\bdetail enhance(?:ment|d)?\\b"), Style.HDR, false),
            // "enhance", "enhance it": the detail enhancement, unless a tone ("enhance the colors") is named
            new StyleWords(
                    p("\\benhance(?:d|ment)?\\b(?!(?:\\s+\\w+){0,3}?\\s+(?:colors?|saturation|contrast|brightness|"
                            + "warmth|exposure|hues?|tones?|shadows|highlights|lighting|light|vibrance)\\b)"),
                    Style.HDR,
                    false),
            new StyleWords(
                    p("\\bdetails?(?:\\s+and\\s+texture)?\\b|\\btextures?(?:\\s+and\\s+details?)?\\b|\\bclarity\\b"),
                    Style.HDR,
                    true),
            new StyleWords(
                    p(
                            "\\bgaussian blur\\b|\\bblur(?:s|red|ry|rier|ring)?\\b|\\bsoften(?:ed)?\\b|\\bsofter\\b|\\bsoft\\b|"
                                    + "\\bdefocus(?:ed)?\\b|\\bout of focus\\b|\\bunfocused\\b"),
                    Style.BLUR,
                    false),
            new StyleWords(
                    p(
                            "\\bsharpen(?:ed|ing)?\\b|\\bsharper\\b|\\bsharpness\\b|\\bcrisp(?:er|en)?\\b|\\bunsharp mask\\b"),
                    Style.SHARPEN,
                    false),
            new StyleWords(
                    p("\\btilt shift\\b|\\btiltshift\\b|\\bminiature\\b|\\bminiaturi[sz](?:e|ed)\\b|\\bdiorama\\b|"
                            + "\\b(?:tiny |small )?(?:scale|toy) model\\b"),
                    Style.TILT_SHIFT,
                    false),
            new StyleWords(
                    p("\\bvignett(?:e|es|ing|ed)\\b|\\b(?:darken|darker|dark|darkened)\\s+(?:the\\s+)?(?:corners|edges)"
                            + "(?:\\s+of\\s+the\\s+(?:frame|image|photo|picture))?\\b"
                            + "|\\b(?:corners|edges)\\s+(?:darker|dark)\\b"),
                    Style.VIGNETTE,
                    false),
            new StyleWords(
                    p(
                            "\\bfilm grain\\b|\\bfilm noise\\b|\\bgrain\\b|\\bgrainy\\b|\\bgrainier\\b|\\bnoise\\b|\\bnoisy\\b"),
                    Style.FILM_GRAIN,
                    false));

    static Action style(Clause c) {
        Region region = c.takeRegionOrWhole();
        Style style = null;
        boolean needsVerb = false;
        boolean named = false;
        for (StyleWords word : STYLE_WORDS) {
            if (c.takeAll(word.words()) == 0) {
                continue;
            }
            if (style != null && style != word.style()) {
                return null;
            }
            style = word.style();
            if (word.needsVerb()) {
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
        int up = c.takeAll(UP) + c.takeAll(p("\\b(?:bring|pull|draw|tease|dig)\\s+out\\b|\\bpop\\b"));
        if (needsVerb && !named && up == 0) {
            return null; // "the details" alone says nothing about what to do with them
        }
        if (style == Style.PIXEL_ART) {
            // "big 16-pixel blocks", "chunky 10-pixel squares": the number says how big
            c.takeAll(p("\\b(?:chunky|big|large|coarse|blocky|small|tiny|fine|little)\\b(?=\\s+\\d)"));
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
            case PENCIL_SKETCH, WATERCOLOR, CARTOON, HALFTONE -> true;
            default -> false;
        };
        Amount amount = Amount.take(c);
        double strength = amount.percent(full ? 100 : 25);
        if (!(strength > 0)) {
            return null;
        }
        return new Action.Stylize(style, Math.min(100, strength), region);
    }
}
