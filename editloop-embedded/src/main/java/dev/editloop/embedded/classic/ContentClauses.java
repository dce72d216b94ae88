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

    static Action recolor(Clause c) {
        c.takeAll(p("\\b(?:recolor|recolored|replace|replaced|swap|switch|paint|painted|shift|changed)\\b"));
        c.takeAll(THING_NOUNS);
        c.takeColoredThing();
        List<NamedColor> colors = c.takeColors();
        if (colors.size() != 2) {
            return null;
        }
        return new Action.Recolor(colors.get(0), colors.get(1));
    }

    static Action removeColored(Clause c) {
        if (c.takeAll(REMOVE_VERB) == 0) {
            return null;
        }
        c.takeAll(THING_NOUNS);
        c.takeAll(p("\\bfrom\\b"));
        c.takeColoredThing();
        List<NamedColor> colors = c.takeColors();
        return colors.size() == 1 ? new Action.RemoveColored(colors.get(0)) : null;
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
