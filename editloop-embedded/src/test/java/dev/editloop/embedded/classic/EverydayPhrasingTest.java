package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everyday ways of saying what the vocabulary already does: the colours swapped for their opposites, a part "of the
 * frame", a part followed by what is there ("where the sky is"), the picture named by what it shows ("the beach
 * photo"), "enhance" on its own, "txt" for text, and a filter's strength said on its own after it.
 */
class EverydayPhrasingTest {
    private static final Region W = Region.WHOLE;

    static Stream<Arguments> phrasings() {
        return Stream.of(
                Arguments.of(
                        "swap every colour for its opposite", List.of(new Action.ColorFilter(Filter.INVERT, 100, W))),
                Arguments.of(
                        "turn the colours into their opposites, please",
                        List.of(new Action.ColorFilter(Filter.INVERT, 100, W))),
                Arguments.of("reverse the colors", List.of(new Action.ColorFilter(Filter.INVERT, 100, W))),
                Arguments.of(
                        "brighten the right side of the frame",
                        List.of(new Action.Adjust(Tone.BRIGHTNESS, 25, Region.RIGHT_HALF))),
                Arguments.of("blur the top of the photo", List.of(new Action.Stylize(Style.BLUR, 25, Region.TOP_HALF))),
                Arguments.of(
                        "lighten the bottom third where the grass is",
                        List.of(new Action.Adjust(Tone.BRIGHTNESS, 25, Region.BOTTOM_THIRD))),
                Arguments.of(
                        "warm up the left half, where the window is",
                        List.of(new Action.Adjust(Tone.WARMTH, 25, Region.LEFT_HALF))),
                Arguments.of("posterize the dog photo", List.of(new Action.Posterize(4, W))),
                Arguments.of("sharpen this beach picture a bit", List.of(new Action.Stylize(Style.SHARPEN, 10, W))),
                Arguments.of("enhance", List.of(new Action.Stylize(Style.HDR, 25, W))),
                Arguments.of("please enhance it a little", List.of(new Action.Stylize(Style.HDR, 10, W))),
                Arguments.of(
                        "add the txt \"Hi\" at the top",
                        List.of(new Action.AddText("Hi", Action.Position.TOP, NamedColor.of("white")))),
                Arguments.of(
                        "make it monochrome but only partly, around 50%",
                        List.of(new Action.ColorFilter(Filter.GRAYSCALE, 50, W))),
                Arguments.of("sepia, but not fully, say 30%", List.of(new Action.ColorFilter(Filter.SEPIA, 30, W))),
                Arguments.of(
                        "convert it to grayscale, though not completely - about 70%",
                        List.of(new Action.ColorFilter(Filter.GRAYSCALE, 70, W))),
                Arguments.of("add film grain, just slightly", List.of(new Action.Stylize(Style.FILM_GRAIN, 10, W))));
    }

    @ParameterizedTest
    @MethodSource("phrasings")
    void readsTheEverydayPhrasing(String phrasing, List<Action> expected) {
        ParsedInstruction parsed = InstructionParser.parse(phrasing);
        assertThat(parsed.actions()).as(phrasing).isEqualTo(expected);
        assertThat(parsed.notUnderstood()).as(phrasing).isEmpty();
    }

    /** What the new phrasings must not swallow: a tone named after "enhance", colours turned warmer, the background. */
    @ParameterizedTest
    @ValueSource(strings = {"enhance the contrast", "turn the colours warmer", "blur the background image"})
    void leavesOtherMeaningsAlone(String phrasing) {
        ParsedInstruction parsed = InstructionParser.parse(phrasing);
        assertThat(parsed.actions())
                .as(phrasing)
                .noneMatch(a -> a instanceof Action.Stylize s && s.style() == Style.HDR)
                .noneMatch(a -> a instanceof Action.ColorFilter f && f.filter() == Filter.INVERT)
                .noneMatch(a -> a instanceof Action.Posterize);
    }
}
