package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.embedded.classic.Action.Tone;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hedges and amounts said in words read as amounts; an amount said on its own sets the tone move before it. */
class HedgeWordsTest {
    private static final Region W = Region.WHOLE;

    private static Action.Adjust adjust(Tone tone, double amount) {
        return new Action.Adjust(tone, amount, W);
    }

    static Stream<Arguments> phrasings() {
        return Stream.of(
                Arguments.of("drop the contrast, something like 30 percent", List.of(adjust(Tone.CONTRAST, -30))),
                Arguments.of("take the warmth up, roughly 40%", List.of(adjust(Tone.WARMTH, 40))),
                Arguments.of("boost saturation by approximately 15%", List.of(adjust(Tone.SATURATION, 15))),
                Arguments.of("a smidgen warmer", List.of(adjust(Tone.WARMTH, 10))),
                // how the picture is now, said beside a request for the same move: the move is made once, as asked
                Arguments.of(
                        "it looks flat - add some contrast and make the colours a bit richer",
                        List.of(adjust(Tone.CONTRAST, 25), adjust(Tone.SATURATION, 10))),
                Arguments.of("it's too dark. brighten it a bit", List.of(adjust(Tone.BRIGHTNESS, 10))),
                Arguments.of("it's too dark", List.of(adjust(Tone.BRIGHTNESS, 25))),
                Arguments.of("just a hair darker please", List.of(adjust(Tone.BRIGHTNESS, -10))),
                Arguments.of("desaturate by 1/4", List.of(adjust(Tone.SATURATION, -25))),
                Arguments.of("twice as vivid", List.of(adjust(Tone.SATURATION, 100))),
                Arguments.of("half as warm", List.of(adjust(Tone.WARMTH, -50))),
                Arguments.of("halve the saturation", List.of(adjust(Tone.SATURATION, -50))),
                Arguments.of("double the contrast", List.of(adjust(Tone.CONTRAST, 100))),
                Arguments.of("not so dark, thanks", List.of(adjust(Tone.BRIGHTNESS, 25))),
                Arguments.of("I guess it could be a touch warmer", List.of(adjust(Tone.WARMTH, 10))),
                Arguments.of("livelier colours", List.of(adjust(Tone.SATURATION, 25))),
                Arguments.of(
                        "warmer, more saturated, both a little",
                        List.of(adjust(Tone.WARMTH, 10), adjust(Tone.SATURATION, 10))),
                Arguments.of(
                        "cooler and less contrast, the contrast a lot",
                        List.of(adjust(Tone.WARMTH, -25), adjust(Tone.CONTRAST, -50))),
                Arguments.of("brighten it, not overly though - maybe 12 percent", List.of(adjust(Tone.BRIGHTNESS, 12))),
                Arguments.of("more contrast, a huge amount", List.of(adjust(Tone.CONTRAST, 75))),
                Arguments.of("cut the saturation in half", List.of(adjust(Tone.SATURATION, -50))),
                Arguments.of("I'd like twice the saturation", List.of(adjust(Tone.SATURATION, 100))),
                Arguments.of("gimme some more warmth", List.of(adjust(Tone.WARMTH, 25))),
                Arguments.of("cool it, please", List.of(adjust(Tone.WARMTH, -25))),
                // an amount said as its own sentence belongs to the sentence before
                Arguments.of("Could it be less contrasty? Perhaps 20%.", List.of(adjust(Tone.CONTRAST, -20))),
                // how the picture is now, said after the request: not a second, opposite request
                Arguments.of("more saturation please, it's a bit dull", List.of(adjust(Tone.SATURATION, 25))),
                Arguments.of("it looks kind of flat", List.of(adjust(Tone.CONTRAST, 25))),
                Arguments.of("the photo looks washed out, more colour", List.of(adjust(Tone.SATURATION, 25))),
                Arguments.of("hmm, too bright imo", List.of(adjust(Tone.BRIGHTNESS, -25))),
                Arguments.of("make it a bit less yellow", List.of(adjust(Tone.WARMTH, -10))),
                Arguments.of("less blue, please", List.of(adjust(Tone.WARMTH, 25))),
                Arguments.of("add a cool tint", List.of(adjust(Tone.WARMTH, -25))),
                Arguments.of("get rid of the orange cast", List.of(adjust(Tone.WARMTH, -25))),
                Arguments.of("take some of the blue out", List.of(adjust(Tone.WARMTH, 25))),
                // "bit more": a bit, its article dropped
                Arguments.of(
                        "bit more contrast, and a touch brighter",
                        List.of(adjust(Tone.CONTRAST, 10), adjust(Tone.BRIGHTNESS, 10))),
                // how the colours look now, beside the request for the same move: made once
                Arguments.of("the colours look dull, make them livelier", List.of(adjust(Tone.SATURATION, 25))),
                Arguments.of("the image is too cool", List.of(adjust(Tone.WARMTH, 25))),
                Arguments.of("cool it off a little", List.of(adjust(Tone.WARMTH, -10))),
                // what the picture is for says nothing about the edit
                Arguments.of("make it warmer for a poster", List.of(adjust(Tone.WARMTH, 25))));
    }

    static Stream<Arguments> otherActions() {
        return Stream.of(
                Arguments.of("sepia, not too heavy - 60%", List.of(new Action.ColorFilter(Action.Filter.SEPIA, 60, W))),
                Arguments.of(
                        "turn it into a cartoon, but keep it gentle - 30%",
                        List.of(new Action.Stylize(Action.Style.CARTOON, 30, W))),
                Arguments.of("no colours", List.of(new Action.ColorFilter(Action.Filter.GRAYSCALE, 100, W))),
                Arguments.of(
                        "draw this as a pencil drawing",
                        List.of(new Action.Stylize(Action.Style.PENCIL_SKETCH, 100, W))),
                Arguments.of("make it 4:3", List.of(new Action.CropAspect(4, 3))),
                Arguments.of(
                        "make it grainy like old film", List.of(new Action.Stylize(Action.Style.FILM_GRAIN, 25, W))),
                Arguments.of("make it look hand-painted", List.of(new Action.Stylize(Action.Style.WATERCOLOR, 100, W))),
                Arguments.of(
                        "halftone the photo with round dots",
                        List.of(new Action.Stylize(Action.Style.HALFTONE, 100, W))),
                Arguments.of(
                        "make the deep blue sky orange",
                        List.of(new Action.Recolor(NamedColor.of("blue"), NamedColor.of("orange"), Region.SKY, false))),
                Arguments.of("make the white background black", List.of(new Action.Background(NamedColor.of("black")))),
                Arguments.of("put the backdrop completely out of focus", List.of(new Action.Background(null))),
                Arguments.of("blur everything except the vase", List.of(new Action.Background(null))),
                Arguments.of(
                        "film grain + a vignette",
                        List.of(
                                new Action.Stylize(Action.Style.FILM_GRAIN, 25, W),
                                new Action.Stylize(Action.Style.VIGNETTE, 25, W))),
                Arguments.of("give it a bluish cast", List.of(new Action.Tint(NamedColor.of("blue"), 25, W))),
                Arguments.of(
                        "put the word sale at the top",
                        List.of(new Action.AddText("sale", Action.Position.TOP, NamedColor.of("white")))),
                Arguments.of(
                        "ad \"HELLO\" at the top",
                        List.of(new Action.AddText("HELLO", Action.Position.TOP, NamedColor.of("white")))),
                // how the picture is now: soft, so sharper; not a request to soften it
                Arguments.of(
                        "enhance the details, it's a bit soft",
                        List.of(
                                new Action.Stylize(Action.Style.HDR, 25, W),
                                new Action.Stylize(Action.Style.SHARPEN, 25, W))),
                Arguments.of("crop to 16:9 for a thumbnail", List.of(new Action.CropAspect(16, 9))),
                Arguments.of(
                        "halftone it, the round dots kind", List.of(new Action.Stylize(Action.Style.HALFTONE, 100, W))),
                // words of size and shape before the colour describe the thing found by its colour
                Arguments.of(
                        "remove the small white thing on the grass",
                        List.of(new Action.RemoveColored(NamedColor.of("white"), W))),
                Arguments.of(
                        "remove the round blue badge on her chest",
                        List.of(new Action.RemoveColored(NamedColor.of("blue"), W))),
                // what stays, and the rest cropped away
                Arguments.of(
                        "just keep the left half, crop the rest", List.of(new Action.CropRegion(Region.LEFT_HALF))),
                // "punchy" said of the colours is their saturation; said of the picture, its contrast
                Arguments.of("the colours are too punchy", List.of(adjust(Tone.SATURATION, -25))),
                Arguments.of("it's too punchy", List.of(adjust(Tone.CONTRAST, -25))),
                // a polite frame around the request
                Arguments.of(
                        "Would it be possible to make it look like a watercolor painting?",
                        List.of(new Action.Stylize(Action.Style.WATERCOLOR, 100, W))),
                // a number beside a hedge is the amount, with a comma between them as well as a dash
                Arguments.of(
                        "sepia, but not too heavy, 50%", List.of(new Action.ColorFilter(Action.Filter.SEPIA, 50, W))),
                Arguments.of("make it as bright as possible", List.of(adjust(Tone.BRIGHTNESS, 75))),
                // a sentence about how the picture is now, opened by an aside: still the state to leave
                Arguments.of("honestly the colours look dull", List.of(adjust(Tone.SATURATION, 25))),
                Arguments.of("tbh it's kinda dark", List.of(adjust(Tone.BRIGHTNESS, 25))),
                // "these colours", "this photo": the state to leave, as "the colours" is
                Arguments.of("these colours are dull", List.of(adjust(Tone.SATURATION, 25))),
                Arguments.of("this photo is kinda dark", List.of(adjust(Tone.BRIGHTNESS, 25))),
                // a request to fix what the sentence beside it names asks nothing of its own
                Arguments.of("the photo is too dark - can you fix it?", List.of(adjust(Tone.BRIGHTNESS, 25))),
                Arguments.of("way too yellow, please correct that", List.of(adjust(Tone.WARMTH, -25))),
                // more of a quality than the picture should have is less of it
                Arguments.of("too much contrast", List.of(adjust(Tone.CONTRAST, -25))),
                Arguments.of("way too much saturation imo", List.of(adjust(Tone.SATURATION, -25))),
                // the colour taken out, said in other words
                Arguments.of("kill the saturation", List.of(new Action.ColorFilter(Action.Filter.GRAYSCALE, 100, W))),
                Arguments.of("lose the colour", List.of(new Action.ColorFilter(Action.Filter.GRAYSCALE, 100, W))),
                Arguments.of("drop the saturation", List.of(adjust(Tone.SATURATION, -25))),
                // what the picture needs
                Arguments.of("it needs more contrast", List.of(adjust(Tone.CONTRAST, 25))),
                Arguments.of("needs to be brighter", List.of(adjust(Tone.BRIGHTNESS, 25))),
                // light is brightness
                Arguments.of("a bit more light please", List.of(adjust(Tone.BRIGHTNESS, 10))),
                Arguments.of("less light", List.of(adjust(Tone.BRIGHTNESS, -25))),
                Arguments.of(
                        "more light in the bottom third",
                        List.of(new Action.Adjust(Tone.BRIGHTNESS, 25, Region.BOTTOM_THIRD))),
                // capitals after a verb of writing are the text
                Arguments.of(
                        "write HELLO at the top",
                        List.of(new Action.AddText("HELLO", Action.Position.TOP, NamedColor.of("white")))),
                Arguments.of(
                        "stamp SOLD in the center in red",
                        List.of(new Action.AddText("SOLD", Action.Position.CENTER, NamedColor.of("red")))),
                // "take the white thing out": take out the white thing; "take the blue out" is still the cast
                Arguments.of("take the white thing out", List.of(new Action.RemoveColored(NamedColor.of("white"), W))),
                Arguments.of("take the blue out", List.of(adjust(Tone.WARMTH, 25))),
                // a subject set apart from a softer background
                Arguments.of("make the background less distracting", List.of(new Action.Background(null))),
                Arguments.of("make her stand out more", List.of(new Action.Background(null))),
                // the colours given a boost or more punch: their saturation; "less harsh": less contrast
                Arguments.of("give the colours a boost", List.of(adjust(Tone.SATURATION, 25))),
                Arguments.of("punch up the colours", List.of(adjust(Tone.SATURATION, 25))),
                Arguments.of("boost the colours a bit", List.of(adjust(Tone.SATURATION, 10))),
                Arguments.of("more punch", List.of(adjust(Tone.CONTRAST, 25))),
                Arguments.of("make it less harsh", List.of(adjust(Tone.CONTRAST, -25))),
                // an aside without a comma is an aside too
                Arguments.of("hmm make it brighter", List.of(adjust(Tone.BRIGHTNESS, 25))),
                // a thing named alone, then a sentence about "they" or "it": the sentence is about that thing
                Arguments.of(
                        "hmm the green eyes - can they be blue instead?",
                        List.of(new Action.Recolor(NamedColor.of("hazel"), NamedColor.of("blue"), W, true))),
                Arguments.of(
                        "the red cup. can you make it green?",
                        List.of(new Action.Recolor(NamedColor.of("red"), NamedColor.of("green"), W, true))),
                Arguments.of(
                        "the blue badge on her chest - get rid of it",
                        List.of(new Action.RemoveColored(NamedColor.of("blue"), W))),
                // a colon that introduces the quoted words ends no sentence
                Arguments.of(
                        "caption at the bottom: \"Monday mood\"",
                        List.of(new Action.AddText("Monday mood", Action.Position.BOTTOM, NamedColor.of("white")))));
    }

    @ParameterizedTest
    @MethodSource("otherActions")
    void readsOtherActions(String phrasing, List<Action> expected) {
        ParsedInstruction parsed = InstructionParser.parse(phrasing);
        assertThat(parsed.actions()).as(phrasing).isEqualTo(expected);
        assertThat(parsed.notUnderstood()).as(phrasing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("phrasings")
    void readsTheAmount(String phrasing, List<Action> expected) {
        ParsedInstruction parsed = InstructionParser.parse(phrasing);
        assertThat(parsed.actions()).as(phrasing).isEqualTo(expected);
        assertThat(parsed.notUnderstood()).as(phrasing).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"make it twice as big", "make it look like a 1960s postcard", "crop about 10 pixels"})
    void leavesOtherAmountsAlone(String phrasing) {
        ParsedInstruction parsed = InstructionParser.parse(phrasing);
        assertThat(parsed.actions().stream().anyMatch(a -> a instanceof Action.Adjust))
                .as(phrasing)
                .isFalse();
    }
}
