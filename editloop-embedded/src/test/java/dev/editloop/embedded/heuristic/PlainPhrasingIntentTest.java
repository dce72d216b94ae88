package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.classic.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the heuristic thinker reads plain phrasing (issue 14, item 4): what a keep-clause asks is measured rather than
 * capping the score, a region kept must really be outside the edit, and the concepts people name by everyday words
 * plan what those words mean.
 */
class PlainPhrasingIntentTest {
    private static final KnowledgeBase KB = KnowledgeBase.standard();

    private static Intent read(String text) {
        return Intent.read(text, InstructionParser::parse, KB);
    }

    private static List<String> concepts(String text) {
        return read(text).concepts().stream().map(Concept::id).toList();
    }

    @Test
    void keepingAQualityNobodyAskedToChangeIsMeasuredNotACap() {
        Intent intent = read("darken it slightly but keep the contrast the same");
        assertThat(intent.concrete()).containsExactly(new Action.Adjust(Tone.BRIGHTNESS, -10, Region.WHOLE));
        assertThat(intent.blocked()).isEmpty();
        assertThat(read("make the colours richer, but don't change the brightness")
                        .blocked())
                .isEmpty();
        assertThat(read("sharpen it a lot, no other changes").blocked()).isEmpty();
        assertThat(read("cool it down a little, nothing else").blocked()).isEmpty();
    }

    @Test
    void keepingARegionCountsOnlyWhenTheEditLeavesIt() {
        assertThat(read("desaturate the left half but leave the right half alone")
                        .blocked())
                .isEmpty();
        // a global edit cannot keep half of the image: the part stays named and caps the score
        assertThat(read("make it moody but keep the left half as it is").blocked())
                .isNotEmpty();
        // the kept region is the edited one: not measured as kept
        assertThat(read("blur the top half, keep the top sharp").blocked()).isNotEmpty();
    }

    @Test
    void theSubjectIsKeptByABackgroundEdit() {
        assertThat(read("blur the background but leave her face alone").blocked())
                .isEmpty();
        // without a background edit, "her face" cannot be found: named, not claimed
        assertThat(read("brighten it but leave her face alone").blocked()).isNotEmpty();
    }

    @Test
    void softerIsNotABlur() {
        Intent intent = read("make it softer");
        assertThat(intent.concrete()).noneMatch(a -> a instanceof Action.Stylize s && s.style() == Style.BLUR);
        assertThat(concepts("make it softer")).contains("soft");
    }

    @Test
    void watercolorIsNotOilPaint() {
        assertThat(concepts("make it look like a watercolor painting")).doesNotContain("oil-painting");
        assertThat(read("make it look like a watercolor painting").concrete())
                .containsExactly(new Action.Stylize(Style.WATERCOLOR, 100, Region.WHOLE));
        assertThat(concepts("like a Van Gogh oil painting")).contains("oil-painting");
    }

    @Test
    void filmNoirIsBlackAndWhiteWithHardContrast() {
        Concept noir = KB.find("film noir style").getFirst().concept();
        assertThat(noir.id()).isEqualTo("film-noir");
        assertThat(concepts("make it look like a still from a 1940s detective movie"))
                .contains("film-noir");
        List<Action> plan = noir.planner().apply(null);
        assertThat(plan).contains(new Action.ColorFilter(Filter.GRAYSCALE, 100, Region.WHOLE));
        assertThat(plan).anyMatch(a -> a instanceof Action.Adjust x && x.tone() == Tone.CONTRAST && x.amount() >= 30);
        assertThat(plan).noneMatch(a -> a instanceof Action.ColorFilter f && f.filter() == Filter.SEPIA);
    }

    @Test
    void aSunsetWarmsAndDarkens() {
        Concept sunset = KB.find("give it a sunset feeling").getFirst().concept();
        List<Action> plan = sunset.planner().apply(null);
        assertThat(plan).anyMatch(a -> a instanceof Action.Adjust x && x.tone() == Tone.WARMTH && x.amount() > 0);
        assertThat(plan).anyMatch(a -> a instanceof Action.Adjust x && x.tone() == Tone.BRIGHTNESS && x.amount() < 0);
        assertThat(plan).noneMatch(a -> a instanceof Action.Adjust x && x.tone() == Tone.SATURATION && x.amount() > 0);
    }

    @Test
    void aConceptSplitByACommaAndSentencesJoinedByAnd() {
        assertThat(concepts("a dusty, old postcard look")).contains("old-photograph");
        Intent joined = read("make it black and white, and add a vignette");
        assertThat(joined.concrete())
                .containsExactly(
                        new Action.ColorFilter(Filter.GRAYSCALE, 100, Region.WHOLE),
                        new Action.Stylize(Style.VIGNETTE, 25, Region.WHOLE));
    }
}
