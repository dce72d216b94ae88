package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plain phrasing the classic parser reads (issue 14, item 4): each test is one class of wording a person types that
 * used to be one rewrite away from the vocabulary. Every reading is asserted as the exact actions, and nothing may be
 * left over as not understood.
 */
class PlainPhrasingTest {
    private static List<Action> understood(String instruction) {
        ParsedInstruction parsed = InstructionParser.parse(instruction);
        assertThat(parsed.notUnderstood())
                .as("left over from \"%s\"", instruction)
                .isEmpty();
        return parsed.actions();
    }

    private static Action.Adjust adjust(Tone tone, double amount) {
        return new Action.Adjust(tone, amount, Region.WHOLE);
    }

    @Test
    void aThingNamedByItsColourIsFoundByThatColour() {
        assertThat(understood("turn the yellow taxi green"))
                .containsExactly(
                        new Action.Recolor(NamedColor.of("yellow"), NamedColor.of("green"), Region.WHOLE, true));
        assertThat(understood("could you make the red cup green instead?"))
                .containsExactly(new Action.Recolor(NamedColor.of("red"), NamedColor.of("green"), Region.WHOLE, true));
        assertThat(understood("Remove the red cup")).containsExactly(new Action.RemoveColored(NamedColor.of("red")));
        // a second thing after the target colour is a replacement, not a recolor: not understood
        assertThat(InstructionParser.parse("change the red car to a blue truck").notUnderstood())
                .isNotEmpty();
    }

    @Test
    void aThingDescribedByItsSizeIsRemovedByItsPlace() {
        assertThat(understood("get rid of the small thing in the bottom right corner"))
                .containsExactly(new Action.RemoveRegion(Region.BOTTOM_RIGHT));
        assertThat(understood("delete whatever is in the top left corner"))
                .containsExactly(new Action.RemoveRegion(Region.TOP_LEFT));
        // a colour and a place: the thing of that colour, looked for in that place
        assertThat(understood("remove the red object in the center"))
                .containsExactly(new Action.RemoveColored(NamedColor.of("red"), Region.CENTER));
    }

    @Test
    void numbersInWordsAreAmounts() {
        assertThat(understood("brighten it by thirty percent")).containsExactly(adjust(Tone.BRIGHTNESS, 30));
        assertThat(understood("raise the contrast by fifteen percent")).containsExactly(adjust(Tone.CONTRAST, 15));
        assertThat(understood("shift the hue around ninety degrees")).containsExactly(adjust(Tone.HUE, 90));
        assertThat(understood("push the exposure up one stop")).containsExactly(adjust(Tone.EXPOSURE, 1));
        assertThat(understood("posterize it to a handful of colours"))
                .containsExactly(new Action.Posterize(5, Region.WHOLE));
        // "one" that is not a count stays a word
        assertThat(understood("vignette, just a subtle one")).hasSize(1);
    }

    @Test
    void hedgesAndCourtesyAroundAnAmountAreFiller() {
        assertThat(understood("lighten the whole thing up by about 20%")).containsExactly(adjust(Tone.BRIGHTNESS, 20));
        assertThat(understood("I'd like it warmer, maybe 15 percent")).containsExactly(adjust(Tone.WARMTH, 15));
        assertThat(understood("cooler tones please, quite strongly")).containsExactly(adjust(Tone.WARMTH, -50));
        assertThat(understood("sepia tone, full strength"))
                .containsExactly(new Action.ColorFilter(Filter.SEPIA, 100, Region.WHOLE));
    }

    @Test
    void aParticleAfterItsObjectStillSaysTheDirection() {
        assertThat(understood("cool the picture down")).containsExactly(adjust(Tone.WARMTH, -25));
        assertThat(understood("warm the tones up")).containsExactly(adjust(Tone.WARMTH, 25));
    }

    @Test
    void whatIsTooMuchIsWhatToLower() {
        assertThat(understood("it's too bright, bring it down a touch")).containsExactly(adjust(Tone.BRIGHTNESS, -10));
        assertThat(understood("knock the contrast down a bit, it looks too punchy"))
                .containsExactly(adjust(Tone.CONTRAST, -10));
        assertThat(understood("this shot is too warm, pull it back toward cooler tones a bit"))
                .containsExactly(adjust(Tone.WARMTH, -10));
        assertThat(understood("the picture looks underexposed, add a stop of exposure"))
                .containsExactly(adjust(Tone.EXPOSURE, 1));
        assertThat(understood("it's too dark")).containsExactly(adjust(Tone.BRIGHTNESS, 25));
    }

    @Test
    void aRegionWithOnlyOrOfThePictureAroundIt() {
        assertThat(understood("add film grain to the bottom third only"))
                .containsExactly(new Action.Stylize(Style.FILM_GRAIN, 25, Region.BOTTOM_THIRD));
        assertThat(understood("brighten the centre of the picture a little"))
                .containsExactly(new Action.Adjust(Tone.BRIGHTNESS, 10, Region.CENTER));
    }

    @Test
    void aComparativeAfterALocalActionStaysInItsRegion() {
        assertThat(understood("make the top half cooler and darker"))
                .containsExactly(
                        new Action.Adjust(Tone.WARMTH, -25, Region.TOP_HALF),
                        new Action.Adjust(Tone.BRIGHTNESS, -25, Region.TOP_HALF));
        // with its own object it is global again
        assertThat(understood("make the top half cooler and make it darker"))
                .containsExactly(new Action.Adjust(Tone.WARMTH, -25, Region.TOP_HALF), adjust(Tone.BRIGHTNESS, -25));
    }

    @Test
    void aSecondActionJoinedByWith() {
        assertThat(understood("cartoon style with a touch of grain"))
                .containsExactly(
                        new Action.Stylize(Style.CARTOON, 100, Region.WHOLE),
                        new Action.Stylize(Style.FILM_GRAIN, 10, Region.WHOLE));
        // "with" that gives the amount or the color stays inside its clause
        assertThat(understood("replace the background with blue"))
                .containsExactly(new Action.Background(NamedColor.of("blue")));
    }

    @Test
    void sentencesSplitByAColonOrBut() {
        assertThat(understood("give it some extra punch: more contrast and more saturation"))
                .contains(adjust(Tone.CONTRAST, 25), adjust(Tone.SATURATION, 25));
        assertThat(InstructionParser.parse("darken it slightly but keep the contrast the same")
                        .actions())
                .containsExactly(adjust(Tone.BRIGHTNESS, -10));
        assertThat(understood("crop to 16:9")).containsExactly(new Action.CropAspect(16, 9));
    }

    @Test
    void theIssuesPhrasings() {
        assertThat(understood("Transfer the image into an 8-bit pixel-art style"))
                .containsExactly(new Action.Stylize(Style.PIXEL_ART, 16, Region.WHOLE));
        assertThat(understood("Adjust the lighting to brighten the scene"))
                .containsExactly(adjust(Tone.BRIGHTNESS, 25));
        assertThat(understood("lift the shadows")).containsExactly(adjust(Tone.BRIGHTNESS, 25));
        assertThat(understood("add the text SALE in the top corner"))
                .containsExactly(new Action.AddText("SALE", Action.Position.TOP, NamedColor.of("white")));
        assertThat(understood("reduce it down to a handful of colours"))
                .containsExactly(new Action.Posterize(5, Region.WHOLE));
        assertThat(understood("add a heavy grain"))
                .containsExactly(new Action.Stylize(Style.FILM_GRAIN, 50, Region.WHOLE));
        assertThat(understood("brighten only the top half"))
                .containsExactly(new Action.Adjust(Tone.BRIGHTNESS, 25, Region.TOP_HALF));
        assertThat(understood("darken the top of the picture"))
                .containsExactly(new Action.Adjust(Tone.BRIGHTNESS, -25, Region.TOP_HALF));
        assertThat(understood("make it black and white, and add a vignette"))
                .containsExactly(
                        new Action.ColorFilter(Filter.GRAYSCALE, 100, Region.WHOLE),
                        new Action.Stylize(Style.VIGNETTE, 25, Region.WHOLE));
        // the background's brightness: a tone move made behind the subject
        assertThat(understood("Adjust the brightness of the background to make it lighter"))
                .containsExactly(new Action.Background(null, new Action.Adjust(Tone.BRIGHTNESS, 25, Region.WHOLE)));
    }

    @Test
    void everydayNamesOfOperations() {
        assertThat(understood("pixelate the image with chunky blocks"))
                .containsExactly(new Action.Stylize(Style.PIXEL_ART, 16, Region.WHOLE));
        assertThat(understood("make a pencil drawing out of it"))
                .containsExactly(new Action.Stylize(Style.PENCIL_SKETCH, 100, Region.WHOLE));
        assertThat(understood("strip out all the colour"))
                .containsExactly(new Action.ColorFilter(Filter.GRAYSCALE, 100, Region.WHOLE));
        assertThat(understood("flip the colours to their negative"))
                .containsExactly(new Action.ColorFilter(Filter.INVERT, 100, Region.WHOLE));
        assertThat(understood("make her look like a cartoon"))
                .containsExactly(new Action.Stylize(Style.CARTOON, 100, Region.WHOLE));
        assertThat(understood("make it look like a tiny scale model"))
                .containsExactly(new Action.Stylize(Style.TILT_SHIFT, 25, Region.WHOLE));
        assertThat(understood("add a dark vignette around the edges"))
                .containsExactly(new Action.Stylize(Style.VIGNETTE, 25, Region.WHOLE));
        assertThat(understood("make the colours less intense")).containsExactly(adjust(Tone.SATURATION, -25));
        assertThat(understood("blur out what's behind him")).containsExactly(new Action.Background(null));
        assertThat(understood("make the background pure white"))
                .containsExactly(new Action.Background(NamedColor.of("white")));
        assertThat(understood("stick \"ESPRESSO\" in the centre in black"))
                .containsExactly(new Action.AddText("ESPRESSO", Action.Position.CENTER, NamedColor.of("black")));
    }

    private static Action.Stylize stylize(Style style, double strength) {
        return new Action.Stylize(style, strength, Region.WHOLE);
    }

    @Test
    void aFilterNamedWithItsFinishWashOrTintIsTheFilter() {
        assertThat(understood("give the photo a sepia wash"))
                .containsExactly(new Action.ColorFilter(Filter.SEPIA, 100, Region.WHOLE));
        assertThat(understood("a warm brown sepia finish on everything"))
                .containsExactly(new Action.ColorFilter(Filter.SEPIA, 100, Region.WHOLE));
        // "soft" or "light" before a filter is a small amount; a number said after a comma wins over it
        assertThat(understood("put a soft sepia tint on it, roughly 40%"))
                .containsExactly(new Action.ColorFilter(Filter.SEPIA, 40, Region.WHOLE));
        assertThat(understood("turn all the colours into their opposites"))
                .containsExactly(new Action.ColorFilter(Filter.INVERT, 100, Region.WHOLE));
        assertThat(understood("reverse the colors"))
                .containsExactly(new Action.ColorFilter(Filter.INVERT, 100, Region.WHOLE));
        assertThat(understood("posterize the picture down to three tones"))
                .containsExactly(new Action.Posterize(3, Region.WHOLE));
    }

    @Test
    void anAdjectiveThatOnlyDescribesTheColourOrTheSizeIsNotLeftOver() {
        assertThat(understood("lay a cool blue cast over the scene, 15%"))
                .containsExactly(new Action.Tint(NamedColor.of("blue"), 15, Region.WHOLE));
        assertThat(understood("pixelate it in chunky 12-pixel squares")).containsExactly(stylize(Style.PIXEL_ART, 12));
        assertThat(understood("add a soft film grain")).containsExactly(stylize(Style.FILM_GRAIN, 10));
        assertThat(understood("a thin black frame, 6 pixels wide"))
                .containsExactly(new Action.Border(6, NamedColor.of("black")));
        // a size that contradicts the word is not guessed at
        assertThat(InstructionParser.parse("a thin black frame, 90 pixels wide").actions())
                .doesNotContain(new Action.Border(90, NamedColor.of("black")));
    }

    @Test
    void anAmountSaidAfterTheActionBelongsToIt() {
        assertThat(understood("boost the saturation, say 20%")).containsExactly(adjust(Tone.SATURATION, 20));
        assertThat(understood("make it cooler, roughly half strength")).containsExactly(adjust(Tone.WARMTH, -50));
        assertThat(understood("a watercolour look at about half strength"))
                .containsExactly(stylize(Style.WATERCOLOR, 50));
        assertThat(understood("make it noticeably warmer")).containsExactly(adjust(Tone.WARMTH, 30));
        assertThat(understood("push the exposure up half a stop")).containsExactly(adjust(Tone.EXPOSURE, 0.5));
        assertThat(understood("lower the exposure by a third of a stop")).containsExactly(adjust(Tone.EXPOSURE, -0.33));
        assertThat(understood("rotate each hue by 40 degrees")).containsExactly(adjust(Tone.HUE, 40));
    }

    @Test
    void aSentenceThatJudgesAQualityAndOneThatMovesItAreOneAction() {
        assertThat(understood("The colours are too loud. Tone them down."))
                .containsExactly(adjust(Tone.SATURATION, -25));
        assertThat(understood("the contrast is way too strong; bring it down a bit"))
                .containsExactly(adjust(Tone.CONTRAST, -10));
        assertThat(understood("tone down the colours a little")).containsExactly(adjust(Tone.SATURATION, -10));
        // without a judgement before it, "tone it down" names nothing to move
        assertThat(InstructionParser.parse("Make it warmer. Tone it down.").notUnderstood())
                .isNotEmpty();
    }

    @Test
    void aVerbIsSharedByTheQualitiesAfterIt() {
        assertThat(understood("push the warmth up by 10% and the saturation by 20%"))
                .containsExactly(adjust(Tone.WARMTH, 10), adjust(Tone.SATURATION, 20));
        assertThat(understood("lift the brightness a little")).containsExactly(adjust(Tone.BRIGHTNESS, 10));
    }

    @Test
    void aRegionSaidBeforeAColonAppliesToTheSentenceAfterIt() {
        assertThat(understood("Just the bottom half: make it warmer."))
                .containsExactly(new Action.Adjust(Tone.WARMTH, 25, Region.BOTTOM_HALF));
        assertThat(understood("left side only: blur it"))
                .containsExactly(new Action.Stylize(Style.BLUR, 25, Region.LEFT_HALF));
    }

    @Test
    void effectsSaidInEverydayWords() {
        assertThat(understood("bring out the texture")).containsExactly(stylize(Style.HDR, 25));
        assertThat(understood("draw out more texture and detail, a lot")).containsExactly(stylize(Style.HDR, 50));
        assertThat(understood("darken the edges of the picture slightly")).containsExactly(stylize(Style.VIGNETTE, 10));
        assertThat(understood("scatter a little noise across the picture"))
                .containsExactly(stylize(Style.FILM_GRAIN, 10));
        assertThat(understood("turn it into a watercolour with some grain on top"))
                .containsExactly(stylize(Style.WATERCOLOR, 100), stylize(Style.FILM_GRAIN, 25));
        assertThat(understood("sharpen the middle, then a vignette over the whole frame"))
                .containsExactly(new Action.Stylize(Style.SHARPEN, 25, Region.CENTER), stylize(Style.VIGNETTE, 25));
    }

    @Test
    void cropsKeepsAndPlacesSaidPlainly() {
        assertThat(understood("keep only the top half")).containsExactly(new Action.CropRegion(Region.TOP_HALF));
        assertThat(understood("crop it down to the bottom half"))
                .containsExactly(new Action.CropRegion(Region.BOTTOM_HALF));
        assertThat(understood("crop it to a 16:9 widescreen format")).containsExactly(new Action.CropAspect(16, 9));
        assertThat(understood("erase whatever lies in the bottom left corner"))
                .containsExactly(new Action.RemoveRegion(Region.BOTTOM_LEFT));
        assertThat(understood("blur the background as in a portrait mode shot"))
                .containsExactly(new Action.Background(null));
    }
}
