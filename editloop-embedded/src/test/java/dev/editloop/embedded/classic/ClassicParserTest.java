package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Position;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassicParserTest {
    private static final Region W = Region.WHOLE;

    private static NamedColor c(String name) {
        return NamedColor.of(name);
    }

    /** Every action value the round trip covers: all enums, regions and colors, with several amounts each. */
    static List<Action> everyAction() {
        List<Action> all = new ArrayList<>();
        for (Region region : Region.values()) {
            for (Tone tone : Tone.values()) {
                double[] amounts = switch (tone) {
                    case BRIGHTNESS, WARMTH -> new double[] {-100, -37.5, -10, 0.5, 1, 25, 99.99, 100};
                    case CONTRAST, SATURATION -> new double[] {-100, -12.25, 3, 25, 150, 200};
                    case HUE -> new double[] {-180, -40, -0.5, 15, 90, 180};
                    case EXPOSURE -> new double[] {-5, -1, -0.25, 0.1, 0.5, 2, 5};
                };
                for (double amount : amounts) {
                    all.add(new Action.Adjust(tone, amount, region));
                }
            }
            for (Filter filter : Filter.values()) {
                for (double strength : new double[] {0.5, 1, 12.5, 50, 99, 100}) {
                    all.add(new Action.ColorFilter(filter, strength, region));
                }
            }
            for (int levels : new int[] {2, 3, 4, 16, 64}) {
                all.add(new Action.Posterize(levels, region));
            }
            for (NamedColor color : NamedColor.PALETTE) {
                for (double strength : new double[] {5, 20, 100}) {
                    all.add(new Action.Tint(color, strength, region));
                }
            }
            for (Style style : Style.values()) {
                double[] strengths =
                        style == Style.PIXEL_ART ? new double[] {2, 12, 100, 256} : new double[] {0.1, 10, 40, 75, 100};
                for (double strength : strengths) {
                    all.add(new Action.Stylize(style, strength, region));
                }
            }
            if (region != Region.WHOLE) {
                all.add(new Action.RemoveRegion(region));
                all.add(new Action.CropRegion(region));
            }
        }
        for (NamedColor from : NamedColor.PALETTE) {
            for (NamedColor to : NamedColor.PALETTE) {
                all.add(new Action.Recolor(from, to));
            }
            all.add(new Action.RemoveColored(from));
            all.add(new Action.Background(from));
            for (int px : new int[] {1, 20, 1000}) {
                all.add(new Action.Border(px, from));
            }
        }
        all.add(new Action.Background(null));
        for (Action.Tone tone : Action.Tone.values()) {
            all.add(new Action.Background(
                    null,
                    new Action.Adjust(
                            tone,
                            tone == Action.Tone.SATURATION ? -100 : tone == Action.Tone.EXPOSURE ? 1 : 25,
                            Region.WHOLE)));
        }
        List<String> texts = List.of(
                "SALE",
                "Hello, world",
                "then and; then.",
                "make it brighter, then add a vignette",
                "black and white",
                "It's 50% off!",
                " spaced ",
                "Ünïcödé €",
                "a 'quoted' word",
                "remove the red ball",
                "1.5 stops",
                "x");
        for (String text : texts) {
            for (Position position : Position.values()) {
                all.add(new Action.AddText(text, position, c("white")));
            }
        }
        for (NamedColor color : NamedColor.PALETTE) {
            all.add(new Action.AddText("Color test", Position.TOP_LEFT, color));
        }
        for (int degrees : new int[] {90, 180, 270}) {
            all.add(new Action.Rotate(degrees));
        }
        all.add(new Action.Flip(true));
        all.add(new Action.Flip(false));
        for (int[] ratio : new int[][] {{1, 1}, {16, 9}, {4, 3}, {3, 4}, {32, 18}, {21, 9}, {1, 1000}}) {
            all.add(new Action.CropAspect(ratio[0], ratio[1]));
        }
        for (double zoom : new double[] {0.5, 1, 25, 50, 100, 133.33, 400}) {
            all.add(new Action.Zoom(zoom));
        }
        for (int[] size : new int[][] {{1, 1}, {800, 600}, {1024, 1024}, {16384, 16384}, {7, 5000}}) {
            all.add(new Action.Resize(size[0], size[1]));
        }
        for (double scale : new double[] {1, 12.5, 50, 100, 200, 400}) {
            all.add(new Action.Scale(scale));
        }
        return all;
    }

    @Test
    void everyCanonicalPhraseReadsBackIntoExactlyItsAction() {
        List<Action> all = everyAction();
        assertThat(all).hasSizeGreaterThan(2000);
        List<String> failures = new ArrayList<>();
        for (Action action : all) {
            ParsedInstruction parsed = InstructionParser.parse(action.phrase());
            if (!parsed.actions().equals(List.of(action))
                    || !parsed.notUnderstood().isEmpty()) {
                failures.add(action.phrase() + " -> " + parsed);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void canonicalInstructionsOfSeveralActionsReadBackIntoExactlyTheList() {
        List<Action> all = everyAction();
        SplittableRandom random = new SplittableRandom(7);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int n = random.nextInt(2, 6);
            List<Action> list = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                list.add(all.get(random.nextInt(all.size())));
            }
            String instruction = Action.instruction(list);
            ParsedInstruction parsed = InstructionParser.parse(instruction);
            if (!parsed.actions().equals(list) || !parsed.notUnderstood().isEmpty()) {
                failures.add(instruction + " -> " + parsed);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void amountsRoundTripExactly() {
        for (double amount : new double[] {0.001, 1.0 / 3, 12.345678, 33.3, 66.66666666666667, 99.999}) {
            Action a = new Action.Adjust(Tone.CONTRAST, -amount, Region.CENTER);
            assertThat(InstructionParser.parse(a.phrase()).actions()).containsExactly(a);
            Action b = new Action.Stylize(Style.BLUR, amount, W);
            assertThat(InstructionParser.parse(b.phrase()).actions()).containsExactly(b);
        }
    }

    static Stream<Arguments> phrasings() {
        return Stream.of(
                // brightness
                Arguments.of("make it brighter", List.of(new Action.Adjust(Tone.BRIGHTNESS, 25, W))),
                Arguments.of("Brighten the image by 30%", List.of(new Action.Adjust(Tone.BRIGHTNESS, 30, W))),
                Arguments.of("make it a bit darker", List.of(new Action.Adjust(Tone.BRIGHTNESS, -10, W))),
                Arguments.of("darken it a lot", List.of(new Action.Adjust(Tone.BRIGHTNESS, -50, W))),
                Arguments.of("lighten the photo slightly", List.of(new Action.Adjust(Tone.BRIGHTNESS, 10, W))),
                Arguments.of(
                        "reduce the brightness by 15 percent", List.of(new Action.Adjust(Tone.BRIGHTNESS, -15, W))),
                Arguments.of("make it much less dark", List.of(new Action.Adjust(Tone.BRIGHTNESS, 50, W))),
                Arguments.of(
                        "could you make this a little brighter?", List.of(new Action.Adjust(Tone.BRIGHTNESS, 10, W))),
                Arguments.of("brightness +20%", List.of(new Action.Adjust(Tone.BRIGHTNESS, 20, W))),
                Arguments.of("make it dramatically darker", List.of(new Action.Adjust(Tone.BRIGHTNESS, -75, W))),
                // contrast
                Arguments.of("increase the contrast", List.of(new Action.Adjust(Tone.CONTRAST, 25, W))),
                Arguments.of("more contrast please", List.of(new Action.Adjust(Tone.CONTRAST, 25, W))),
                Arguments.of("lower the contrast by 30%", List.of(new Action.Adjust(Tone.CONTRAST, -30, W))),
                Arguments.of("boost contrast strongly", List.of(new Action.Adjust(Tone.CONTRAST, 50, W))),
                Arguments.of("turn down the contrast a bit", List.of(new Action.Adjust(Tone.CONTRAST, -10, W))),
                // saturation
                Arguments.of("make the colors more vivid", List.of(new Action.Adjust(Tone.SATURATION, 25, W))),
                Arguments.of("make it much more vibrant", List.of(new Action.Adjust(Tone.SATURATION, 50, W))),
                Arguments.of("desaturate it slightly", List.of(new Action.Adjust(Tone.SATURATION, -10, W))),
                Arguments.of("mute the colors", List.of(new Action.Adjust(Tone.SATURATION, -25, W))),
                Arguments.of("increase saturation by 40%", List.of(new Action.Adjust(Tone.SATURATION, 40, W))),
                Arguments.of("make it less saturated", List.of(new Action.Adjust(Tone.SATURATION, -25, W))),
                // warmth
                Arguments.of("make it warmer", List.of(new Action.Adjust(Tone.WARMTH, 25, W))),
                Arguments.of("warm it up a little", List.of(new Action.Adjust(Tone.WARMTH, 10, W))),
                Arguments.of("make it cooler by 20%", List.of(new Action.Adjust(Tone.WARMTH, -20, W))),
                Arguments.of("cool it down", List.of(new Action.Adjust(Tone.WARMTH, -25, W))),
                Arguments.of("give it cooler tones", List.of(new Action.Adjust(Tone.WARMTH, -25, W))),
                // hue, exposure
                Arguments.of("shift the hue by 30 degrees", List.of(new Action.Adjust(Tone.HUE, 30, W))),
                Arguments.of("rotate the hue by -90°", List.of(new Action.Adjust(Tone.HUE, -90, W))),
                Arguments.of("hue shift of 120 degrees", List.of(new Action.Adjust(Tone.HUE, 120, W))),
                Arguments.of("increase the exposure by 1 stop", List.of(new Action.Adjust(Tone.EXPOSURE, 1, W))),
                Arguments.of("reduce the exposure", List.of(new Action.Adjust(Tone.EXPOSURE, -0.5, W))),
                Arguments.of("increase the exposure by 100%", List.of(new Action.Adjust(Tone.EXPOSURE, 1, W))),
                // filters
                Arguments.of("make it black and white", List.of(new Action.ColorFilter(Filter.GRAYSCALE, 100, W))),
                Arguments.of("convert to grayscale", List.of(new Action.ColorFilter(Filter.GRAYSCALE, 100, W))),
                Arguments.of("Make it monochrome.", List.of(new Action.ColorFilter(Filter.GRAYSCALE, 100, W))),
                Arguments.of("turn it B&W", List.of(new Action.ColorFilter(Filter.GRAYSCALE, 100, W))),
                Arguments.of("black-and-white please", List.of(new Action.ColorFilter(Filter.GRAYSCALE, 100, W))),
                Arguments.of("remove all the color", List.of(new Action.ColorFilter(Filter.GRAYSCALE, 100, W))),
                Arguments.of("give it a sepia look", List.of(new Action.ColorFilter(Filter.SEPIA, 100, W))),
                Arguments.of("apply a slight sepia filter", List.of(new Action.ColorFilter(Filter.SEPIA, 10, W))),
                Arguments.of("sepia tone at 60 percent", List.of(new Action.ColorFilter(Filter.SEPIA, 60, W))),
                Arguments.of("invert it", List.of(new Action.ColorFilter(Filter.INVERT, 100, W))),
                Arguments.of("make it a negative", List.of(new Action.ColorFilter(Filter.INVERT, 100, W))),
                Arguments.of("posterize", List.of(new Action.Posterize(4, W))),
                Arguments.of("posterise it with 6 levels", List.of(new Action.Posterize(6, W))),
                Arguments.of("posterize it to 100 levels", List.of(new Action.Posterize(64, W))),
                Arguments.of("tint it red", List.of(new Action.Tint(c("red"), 25, W))),
                Arguments.of("add a slight blue tint", List.of(new Action.Tint(c("blue"), 10, W))),
                Arguments.of("give it a green cast at 30%", List.of(new Action.Tint(c("green"), 30, W))),
                Arguments.of("make the sky bluer", List.of(new Action.Tint(c("blue"), 25, Region.SKY))),
                // styles
                Arguments.of(
                        "make it look like a pencil sketch", List.of(new Action.Stylize(Style.PENCIL_SKETCH, 100, W))),
                Arguments.of("turn it into a sketch", List.of(new Action.Stylize(Style.PENCIL_SKETCH, 100, W))),
                Arguments.of("make it look painted", List.of(new Action.Stylize(Style.WATERCOLOR, 100, W))),
                Arguments.of("turn this into a painting", List.of(new Action.Stylize(Style.WATERCOLOR, 100, W))),
                Arguments.of("watercolour style", List.of(new Action.Stylize(Style.WATERCOLOR, 100, W))),
                Arguments.of("cartoonize it", List.of(new Action.Stylize(Style.CARTOON, 100, W))),
                Arguments.of("make it cartoonish at 50%", List.of(new Action.Stylize(Style.CARTOON, 50, W))),
                Arguments.of("pixelate the image", List.of(new Action.Stylize(Style.PIXEL_ART, 16, W))),
                Arguments.of("pixel art with 8px blocks", List.of(new Action.Stylize(Style.PIXEL_ART, 8, W))),
                Arguments.of("pixelate it heavily", List.of(new Action.Stylize(Style.PIXEL_ART, 32, W))),
                Arguments.of("apply HDR", List.of(new Action.Stylize(Style.HDR, 25, W))),
                Arguments.of("bring out the details", List.of(new Action.Stylize(Style.HDR, 25, W))),
                Arguments.of("enhance detail strongly", List.of(new Action.Stylize(Style.HDR, 50, W))),
                Arguments.of("blur it", List.of(new Action.Stylize(Style.BLUR, 25, W))),
                Arguments.of("soften the image a little", List.of(new Action.Stylize(Style.BLUR, 10, W))),
                Arguments.of("make it blurry", List.of(new Action.Stylize(Style.BLUR, 25, W))),
                Arguments.of("apply a strong gaussian blur", List.of(new Action.Stylize(Style.BLUR, 50, W))),
                Arguments.of("sharpen it", List.of(new Action.Stylize(Style.SHARPEN, 25, W))),
                Arguments.of("make it sharper by 60%", List.of(new Action.Stylize(Style.SHARPEN, 60, W))),
                Arguments.of("increase the sharpness", List.of(new Action.Stylize(Style.SHARPEN, 25, W))),
                Arguments.of("tilt shift", List.of(new Action.Stylize(Style.TILT_SHIFT, 25, W))),
                Arguments.of("make it look like a miniature", List.of(new Action.Stylize(Style.TILT_SHIFT, 25, W))),
                Arguments.of("add a subtle vignette", List.of(new Action.Stylize(Style.VIGNETTE, 10, W))),
                Arguments.of("darken the corners", List.of(new Action.Stylize(Style.VIGNETTE, 25, W))),
                Arguments.of("vignette at 40%", List.of(new Action.Stylize(Style.VIGNETTE, 40, W))),
                Arguments.of("add a bit of grain", List.of(new Action.Stylize(Style.FILM_GRAIN, 10, W))),
                Arguments.of("add noise at 20%", List.of(new Action.Stylize(Style.FILM_GRAIN, 20, W))),
                Arguments.of("make it grainy", List.of(new Action.Stylize(Style.FILM_GRAIN, 25, W))),
                // local adjustments
                Arguments.of("darken the sky", List.of(new Action.Adjust(Tone.BRIGHTNESS, -25, Region.SKY))),
                Arguments.of(
                        "make the left half brighter",
                        List.of(new Action.Adjust(Tone.BRIGHTNESS, 25, Region.LEFT_HALF))),
                Arguments.of(
                        "increase the contrast of the bottom third by 20%",
                        List.of(new Action.Adjust(Tone.CONTRAST, 20, Region.BOTTOM_THIRD))),
                Arguments.of("blur the top half", List.of(new Action.Stylize(Style.BLUR, 25, Region.TOP_HALF))),
                Arguments.of(
                        "apply sepia to the right side",
                        List.of(new Action.ColorFilter(Filter.SEPIA, 100, Region.RIGHT_HALF))),
                Arguments.of(
                        "make the center black and white",
                        List.of(new Action.ColorFilter(Filter.GRAYSCALE, 100, Region.CENTER))),
                Arguments.of("sharpen the middle a lot", List.of(new Action.Stylize(Style.SHARPEN, 50, Region.CENTER))),
                Arguments.of(
                        "pixelate the upper-left corner",
                        List.of(new Action.Stylize(Style.PIXEL_ART, 16, Region.TOP_LEFT))),
                Arguments.of(
                        "lower the saturation in the lower half",
                        List.of(new Action.Adjust(Tone.SATURATION, -25, Region.BOTTOM_HALF))),
                Arguments.of(
                        "warm up the bottom right corner slightly",
                        List.of(new Action.Adjust(Tone.WARMTH, 10, Region.BOTTOM_RIGHT))),
                // recolor, removal, background
                Arguments.of("make the red areas blue", List.of(new Action.Recolor(c("red"), c("blue")))),
                Arguments.of(
                        "turn the red ball green",
                        List.of(new Action.Recolor(c("red"), c("green"), Region.WHOLE, true))),
                Arguments.of("change red to purple", List.of(new Action.Recolor(c("red"), c("purple")))),
                Arguments.of(
                        "change the color of the yellow square to pink",
                        List.of(new Action.Recolor(c("yellow"), c("pink")))),
                Arguments.of("replace the grey parts with gold", List.of(new Action.Recolor(c("gray"), c("gold")))),
                Arguments.of(
                        "paint the blue sky orange",
                        List.of(new Action.Recolor(c("blue"), c("orange"), Region.SKY, false))),
                Arguments.of("remove the red ball", List.of(new Action.RemoveColored(c("red")))),
                Arguments.of("erase the yellow square", List.of(new Action.RemoveColored(c("yellow")))),
                Arguments.of("get rid of the red thing", List.of(new Action.RemoveColored(c("red")))),
                Arguments.of("delete the green object", List.of(new Action.RemoveColored(c("green")))),
                Arguments.of(
                        "remove whatever is in the bottom left corner",
                        List.of(new Action.RemoveRegion(Region.BOTTOM_LEFT))),
                Arguments.of("erase the center", List.of(new Action.RemoveRegion(Region.CENTER))),
                Arguments.of(
                        "darken the background a little",
                        List.of(new Action.Background(
                                null, new Action.Adjust(Action.Tone.BRIGHTNESS, -10, Region.WHOLE)))),
                Arguments.of(
                        "make the background black and white",
                        List.of(new Action.Background(
                                null, new Action.Adjust(Action.Tone.SATURATION, -100, Region.WHOLE)))),
                Arguments.of("blur the background", List.of(new Action.Background(null))),
                Arguments.of("make the background blurry", List.of(new Action.Background(null))),
                Arguments.of("make the background white", List.of(new Action.Background(c("white")))),
                Arguments.of("change the background to a solid blue", List.of(new Action.Background(c("blue")))),
                Arguments.of("put it on a black background", List.of(new Action.Background(c("black")))),
                Arguments.of("remove the background", List.of(new Action.Background(c("white")))),
                // text
                Arguments.of(
                        "add the text \"SALE\" at the top in red",
                        List.of(new Action.AddText("SALE", Position.TOP, c("red")))),
                Arguments.of(
                        "write 'Hello there' in the bottom right corner",
                        List.of(new Action.AddText("Hello there", Position.BOTTOM_RIGHT, c("white")))),
                Arguments.of(
                        "add a caption “Summer, then fall” in yellow",
                        List.of(new Action.AddText("Summer, then fall", Position.BOTTOM, c("yellow")))),
                Arguments.of(
                        "put the words \"Black and White\" in the center in black",
                        List.of(new Action.AddText("Black and White", Position.CENTER, c("black")))),
                // geometry
                Arguments.of("rotate it 90 degrees", List.of(new Action.Rotate(90))),
                Arguments.of("rotate left", List.of(new Action.Rotate(270))),
                Arguments.of("rotate 90° counter-clockwise", List.of(new Action.Rotate(270))),
                Arguments.of("rotate it to the right", List.of(new Action.Rotate(90))),
                Arguments.of("turn it upside down", List.of(new Action.Rotate(180))),
                Arguments.of("rotate by 180", List.of(new Action.Rotate(180))),
                Arguments.of("flip it", List.of(new Action.Flip(true))),
                Arguments.of("mirror the photo", List.of(new Action.Flip(true))),
                Arguments.of("flip it upside down", List.of(new Action.Flip(false))),
                Arguments.of("flip vertically", List.of(new Action.Flip(false))),
                Arguments.of("crop to square", List.of(new Action.CropAspect(1, 1))),
                Arguments.of("make it square", List.of(new Action.CropAspect(1, 1))),
                Arguments.of("crop it 16:9", List.of(new Action.CropAspect(16, 9))),
                Arguments.of("crop to 4 by 3", List.of(new Action.CropAspect(4, 3))),
                Arguments.of("crop to the left half", List.of(new Action.CropRegion(Region.LEFT_HALF))),
                Arguments.of("crop to the center", List.of(new Action.CropRegion(Region.CENTER))),
                Arguments.of("zoom in", List.of(new Action.Zoom(25))),
                Arguments.of("zoom in 2x", List.of(new Action.Zoom(100))),
                Arguments.of("zoom in on the center a lot", List.of(new Action.Zoom(50))),
                Arguments.of("resize to 640 x 480", List.of(new Action.Resize(640, 480))),
                Arguments.of("resize it to 25%", List.of(new Action.Scale(25))),
                Arguments.of("make it half the size", List.of(new Action.Scale(50))),
                Arguments.of("double the size", List.of(new Action.Scale(200))),
                Arguments.of("shrink it by 25%", List.of(new Action.Scale(75))),
                Arguments.of("make it twice as big", List.of(new Action.Scale(200))),
                Arguments.of("add a border", List.of(new Action.Border(20, c("white")))),
                Arguments.of("add a thin black frame", List.of(new Action.Border(8, c("black")))),
                Arguments.of("add a 5px red border", List.of(new Action.Border(5, c("red")))),
                // several actions
                Arguments.of(
                        "make it brighter and warmer",
                        List.of(new Action.Adjust(Tone.BRIGHTNESS, 25, W), new Action.Adjust(Tone.WARMTH, 25, W))),
                Arguments.of(
                        "increase the brightness and contrast",
                        List.of(new Action.Adjust(Tone.BRIGHTNESS, 25, W), new Action.Adjust(Tone.CONTRAST, 25, W))),
                Arguments.of(
                        "convert to black and white and then add a vignette",
                        List.of(
                                new Action.ColorFilter(Filter.GRAYSCALE, 100, W),
                                new Action.Stylize(Style.VIGNETTE, 25, W))),
                Arguments.of(
                        "Sepia; add grain at 20%. Vignette at 30%!",
                        List.of(
                                new Action.ColorFilter(Filter.SEPIA, 100, W),
                                new Action.Stylize(Style.FILM_GRAIN, 20, W),
                                new Action.Stylize(Style.VIGNETTE, 30, W))),
                Arguments.of(
                        "remove the red ball and the yellow square",
                        List.of(new Action.RemoveColored(c("red")), new Action.RemoveColored(c("yellow")))),
                Arguments.of(
                        "rotate it 90 degrees, flip it, then crop to square, please",
                        List.of(new Action.Rotate(90), new Action.Flip(true), new Action.CropAspect(1, 1))),
                Arguments.of(
                        "increase the exposure by 0.5 stops then sharpen it",
                        List.of(new Action.Adjust(Tone.EXPOSURE, 0.5, W), new Action.Stylize(Style.SHARPEN, 25, W))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasings")
    void readsVariedPhrasings(String instruction, List<Action> expected) {
        ParsedInstruction parsed = InstructionParser.parse(instruction);
        assertThat(parsed.actions()).isEqualTo(expected);
        assertThat(parsed.notUnderstood()).isEmpty();
        assertThat(parsed.fullyUnderstood()).isTrue();
    }

    @Test
    void hasEnoughPhrasings() {
        assertThat(phrasings().count()).isGreaterThanOrEqualTo(80);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "make it look like autumn",
                "make this look like an old photograph",
                "make it feel like a cold winter morning",
                "make it cold",
                "make it dramatic",
                "replace the cat with a dog",
                "add a hat to the person",
                "make it look like night",
                "make it dreamy",
                "make it look vintage",
                "make it look like the 1970s",
                "make it look like a horror movie",
                "make it look like an old black and white movie",
                "reduce the noise",
                "don't make it brighter",
                "remove the blur",
                "rotate it 45 degrees",
                "flip it slightly",
                "zoom out",
                "make it pop",
                "crop it",
                "add a sunset",
                "make the ball blue",
                "increase the brightness by 0%"
            })
    void conceptsOutsideTheVocabularyAreNotUnderstood(String instruction) {
        ParsedInstruction parsed = InstructionParser.parse(instruction);
        assertThat(parsed.actions()).isEmpty();
        assertThat(parsed.notUnderstood()).containsExactly(instruction);
        assertThat(parsed.nothingUnderstood()).isTrue();
    }

    @Test
    void understoodClausesSurviveNextToUnknownOnes() {
        ParsedInstruction parsed = InstructionParser.parse("increase the contrast and make it look like autumn");
        assertThat(parsed.actions()).containsExactly(new Action.Adjust(Tone.CONTRAST, 25, W));
        assertThat(parsed.notUnderstood()).containsExactly("make it look like autumn");

        parsed = InstructionParser.parse("Make it spooky, then add a vignette at 40%, and make it feel nostalgic.");
        assertThat(parsed.actions()).containsExactly(new Action.Stylize(Style.VIGNETTE, 40, W));
        assertThat(parsed.notUnderstood()).containsExactly("Make it spooky", "make it feel nostalgic");

        parsed = InstructionParser.parse("sharpen it and make it look like an old black and white movie");
        assertThat(parsed.actions()).containsExactly(new Action.Stylize(Style.SHARPEN, 25, W));
        assertThat(parsed.notUnderstood()).containsExactly("make it look like an old black and white movie");
    }

    @Test
    void separatorsInsideQuotesAndBlackAndWhiteDoNotSplit() {
        ParsedInstruction parsed = InstructionParser.parse(
                "add the text \"rock and roll; then. more\" at the top, then make it black and white");
        assertThat(parsed.actions())
                .containsExactly(
                        new Action.AddText("rock and roll; then. more", Position.TOP, c("white")),
                        new Action.ColorFilter(Filter.GRAYSCALE, 100, W));
        assertThat(parsed.notUnderstood()).isEmpty();
    }

    @Test
    void amountsAreClampedIntoTheValidRange() {
        assertThat(InstructionParser.parse("increase the brightness by 250%").actions())
                .containsExactly(new Action.Adjust(Tone.BRIGHTNESS, 100, W));
        assertThat(InstructionParser.parse("apply a sepia tone at 300%").actions())
                .containsExactly(new Action.ColorFilter(Filter.SEPIA, 100, W));
        assertThat(InstructionParser.parse("increase the exposure by 9 stops").actions())
                .containsExactly(new Action.Adjust(Tone.EXPOSURE, 5, W));
        assertThat(InstructionParser.parse("shift the hue by 270 degrees").actions())
                .containsExactly(new Action.Adjust(Tone.HUE, -90, W));
        assertThat(InstructionParser.parse("turn it into pixel art with 1000-pixel blocks")
                        .actions())
                .containsExactly(new Action.Stylize(Style.PIXEL_ART, 256, W));
        assertThat(InstructionParser.parse("zoom in by 900%").actions()).containsExactly(new Action.Zoom(400));
        assertThat(InstructionParser.parse("add a 5000-pixel border").actions())
                .containsExactly(new Action.Border(1000, c("white")));
    }

    @Test
    void emptyAndCourtesyOnlyInstructionsGiveNothing() {
        assertThat(InstructionParser.parse("").actions()).isEmpty();
        assertThat(InstructionParser.parse("   ").notUnderstood()).isEmpty();
        assertThat(InstructionParser.parse("please, thanks!").notUnderstood()).isEmpty();
        assertThat(InstructionParser.parse("make it brighter, thanks").actions())
                .containsExactly(new Action.Adjust(Tone.BRIGHTNESS, 25, W));
        assertThat(InstructionParser.parse("make it brighter, thanks").notUnderstood())
                .isEmpty();
    }

    @Test
    void longRamblingInputIsHandledQuickly() {
        String rambling = "make it brighter and more autumnal, ".repeat(200);
        long start = System.nanoTime();
        ParsedInstruction parsed = InstructionParser.parse(rambling);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(parsed.actions()).hasSize(200);
        assertThat(parsed.notUnderstood()).hasSize(200);
        System.out.println("parsed 400 clauses in " + millis + " ms");
    }
}
