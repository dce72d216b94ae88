package dev.editloop.embedded.classic;

import static dev.editloop.embedded.classic.ClauseParser.*;

import dev.editloop.embedded.classic.Action.Position;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Clauses about content: added text, the background, recoloring and removing things by color or place. */
final class ContentClauses {
    private ContentClauses() {}

    private static final Pattern REMOVE_VERB = p("\\b(?:remove|removed|erase|erased|delete|deleted|eliminate|"
            + "get rid of|take out|take away|clean up|cut out|wipe out|wipe away|wipe)\\b");
    private static final Pattern THING_NOUNS = p("\\b(?:areas?|parts?|regions?|pixels?|spots?|patch|patches|zones?|"
            + "sections?|bits?|things?|objects?|items?|elements?|shapes?|balls?|squares?|circles?|rectangles?|"
            + "blocks?|box|boxes|stuff|ones?|shades?|hues?|sky|skies|grass|leaf|leaves|flowers?|cars?|apples?|"
            + "shirts?|dress|dresses|walls?|doors?|roofs?|signs?|fruits?|petals?|clothes|clothing)\\b");

    /** Words that place added text. */
    private record PositionWords(Pattern words, Position position) {}

    static Action text(Clause c) {
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
        List<PositionWords> positions = List.of(
                new PositionWords(p(prep + "\\b(?:top|upper) left" + corner), Position.TOP_LEFT),
                new PositionWords(p(prep + "\\b(?:top|upper) right" + corner), Position.TOP_RIGHT),
                new PositionWords(p(prep + "\\b(?:bottom|lower) left" + corner), Position.BOTTOM_LEFT),
                new PositionWords(p(prep + "\\b(?:bottom|lower) right" + corner), Position.BOTTOM_RIGHT),
                new PositionWords(
                        p(prep + "\\b(?:top|upper)(?:\\s+(?:edge|part|area|side|center|middle|corner))?\\b"),
                        Position.TOP),
                new PositionWords(
                        p(prep + "\\b(?:bottom|lower)(?:\\s+(?:edge|part|area|side|center|middle|corner))?\\b"),
                        Position.BOTTOM),
                new PositionWords(p(prep + "\\b(?:center|middle|centre)\\b"), Position.CENTER));
        int found = 0;
        for (PositionWords candidate : positions) {
            if (c.take(candidate.words()) != null) {
                position = candidate.position();
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

    /** The colour taken out: "black and white", "greyscale", "monochrome", "no colour". */
    private static final Pattern NO_COLOUR =
            p("\\bblack\\s*-?\\s*(?:and|&|n)\\s*-?\\s*white\\b|\\bb\\s*&\\s*w\\b|\\bb/w\\b"
                    + "|\\bgr[ae]y\\s*scale\\b|\\bmonochrome\\b|\\bcolou?rless\\b|\\bno colou?rs?\\b");

    static Action background(Clause c) {
        if (c.takeAll(p("\\b(?:background|backdrop|backgrounds|bg)\\b")) == 0) {
            return null;
        }
        boolean blur = c.takeAll(p("\\b(?:blur|blurred|blurry|blurrier|defocus|defocused|soften|softened|soft|"
                        + "bokeh|out of focus|unfocused)\\b"))
                > 0;
        if (blur) {
            // "like a portrait-mode photo": the blurred background is what portrait mode does
            c.takeAll(
                    p(
                            "\\b(?:like|as)\\s+(?:in\\s+)?(?:an?\\s+)?(?:phone'?s?\\s+)?portrait mode(?:\\s+(?:photo|shot|picture))?\\b"));
        }
        boolean remove = c.takeAll(REMOVE_VERB) > 0;
        c.takeAll(p("\\b(?:replace|replaced|swap|swapped|switch|fill|filled|paint|painted|solid|plain|flat|uniform|"
                + "simple|single|pure|clean|blank)\\b"));
        // "swap the background for blue", "put (the cup on) a white background", "give (it) a blue background"
        c.takeAll(p("\\b(?:put|give|use|set|for|with|into|onto|on)\\b"));
        if (blur) {
            Amount.take(c); // "blur the backdrop strongly": the background blur has one strength
        } else if (!remove && c.takeAll(NO_COLOUR) > 0) {
            // "make the background black and white": the colour taken out behind the subject
            return c.takeColors().isEmpty()
                    ? new Action.Background(null, new Action.Adjust(Action.Tone.SATURATION, -100, Region.WHOLE))
                    : null;
        }
        List<NamedColor> colors = c.takeColors();
        if (!blur && !remove && colors.isEmpty()) {
            // "darken the background a little", "brighten the background", "mute the background's colours": a tone
            // move made behind the subject
            c.takeAll(p("\\bin\\b|'s\\b"));
            return ToneClauses.tone(c) instanceof Action.Adjust tone && tone.region() == Region.WHOLE
                    ? new Action.Background(null, tone)
                    : null;
        }
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

    /**
     * Nouns that name areas of a color rather than a thing: "the red areas", "the reds". One patch is a thing ("the
     * blue patch on her chest" is the badge); patches are areas. Stripes, bands and dots are a pattern of areas, not one
     * thing: "the red stripes" are the flag's red, not the largest red thing (a red-orange suit).
     */
    private static final Pattern AREA_NOUNS =
            p("\\b(?:areas?|parts?|regions?|pixels?|spots?|patches|zones?|sections?|bits?|shades?|hues?|"
                    + "stripes|striping|bands|streaks|dots|speckles|everything|anything|stuff)\\b");

    /** "blue instead of red", "blue rather than red": the color to leave, said after the one to reach. */
    private static final Pattern INSTEAD =
            p("\\b(?:instead of|rather than|in place of)\\s+(?:the\\s+)?(" + COLOR_ALT + ")(?:s|es)?\\b");

    static Action recolor(Clause c) {
        c.takeAll(p("\\b(?:recolor|recolored|replace|replaced|swap|switch|paint|painted|shift|changed)\\b"));
        NamedColor left = null;
        MatchResult instead = c.take(INSTEAD);
        if (instead != null) {
            left = colorNamed(instead.group(1));
        }
        // "the blue sky": the areas of the color that reach the top edge, wherever the sky goes down to (between the
        // girders of a tower, to the horizon), not only the top band
        boolean sky = c.takeAll(p("\\b(?:sky|skies)\\b(?!\\s+(?:area|region|part)\\b)")) > 0;
        Region place = c.takeRegion();
        boolean areas = c.takeAll(AREA_NOUNS) > 0;
        // "the red stripes of the flag", "the blue part of the flag": areas of a colour, wherever the thing they are
        // said to be on is (it cannot be found); the largest thing of the colour would be another one (the suit)
        boolean thing = c.takeThingPhrase(true) && !areas && !sky;
        c.takeAll(THING_NOUNS);
        List<NamedColor> colors = c.takeColors();
        NamedColor from;
        NamedColor to;
        if (left != null && colors.size() == 1) {
            from = left;
            to = colors.get(0);
        } else if (left == null && colors.size() == 2) {
            from = colors.get(0);
            to = colors.get(1);
        } else {
            return null;
        }
        from = byConvention(from, c.thing());
        if (sky && place == null) {
            return new Action.Recolor(from, to, Region.SKY, false);
        }
        if (place != null || thing || sky) {
            return new Action.Recolor(from, to, place == null ? Region.WHOLE : place, true);
        }
        return new Action.Recolor(from, to);
    }

    /** The things whose colours people name by convention: eyes (and irises), and noses. */
    private static final Pattern EYES = p("\\b(?:eyes?|iris|irises)\\b");

    private static final Pattern NOSE = p("\\bnoses?\\b");

    /**
     * The colour a thing's colour word means by convention, said of that thing: "green" eyes are hazel (yellow-green
     * to green: a cat's green eyes are nearer yellow in hue than green), and a "pink" nose is the red of a cat's or a
     * dog's nose (its red-orange skin, nearer red in hue than pink). Any other colour, or any other thing, is the
     * colour itself. Read for a change of colour only: taking a cat's eyes or nose away is taking a part of the
     * subject away, which a fill from the fur around cannot stand in for, and a removal keeps the plain colour word.
     */
    static NamedColor byConvention(NamedColor color, String thing) {
        if (thing == null) {
            return color;
        }
        if (color.name().equals("green") && EYES.matcher(thing).find()) {
            return NamedColor.of("hazel");
        }
        if (color.name().equals("pink") && NOSE.matcher(thing).find()) {
            return NamedColor.of("red");
        }
        return color;
    }

    static Action removeColored(Clause c) {
        if (c.takeAll(REMOVE_VERB) == 0) {
            return null;
        }
        Region place = c.takeRegion();
        c.takeAll(p("\\bfrom\\b"));
        // "the dark thing": dark is black when it names a thing to remove
        boolean dark = c.take(p("\\bdark\\s+(?:things?|objects?|shapes?|spots?|patch|blobs?|items?)\\b")) != null;
        c.takeThingPhrase(false);
        c.takeAll(THING_NOUNS);
        List<NamedColor> colors = c.takeColors();
        if (dark && colors.isEmpty()) {
            colors = List.of(NamedColor.of("black"));
        }
        if (colors.size() != 1) {
            return null;
        }
        return new Action.RemoveColored(colors.get(0), place == null ? Region.WHOLE : place);
    }

    static Action removeRegion(Clause c) {
        if (c.takeAll(REMOVE_VERB) == 0) {
            return null;
        }
        Region region = c.takeRegion();
        if (region == null) {
            return null;
        }
        c.takeAll(p("\\b(?:objects?|things?|stuff|content|contents|everything|whatever|anything|something|items?|"
                + "which|what)\\b"));
        // "whatever sits in the corner": a verb of place says nothing more than "in"
        c.takeAll(p("\\b(?:sits|sitting|lies|lying|stands|standing|appears|is)\\b"));
        // its size ("the small object in the top right"): it is found by its place; a colour as well as a place is
        // two descriptions the editor cannot check against each other, so it stays not understood
        c.takeAll(p("\\b(?:small|little|tiny|big|large|shiny)\\b"));
        return new Action.RemoveRegion(region);
    }
}
