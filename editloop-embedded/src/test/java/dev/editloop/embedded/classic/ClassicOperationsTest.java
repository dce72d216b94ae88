package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Position;
import dev.editloop.embedded.classic.Action.Style;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.measure.Measurements;
import dev.editloop.testkit.TestImages;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ClassicOperationsTest {
    private static final Region W = Region.WHOLE;
    private static final int SW = 240;
    private static final int SH = 180;
    private static final Picture SCENE = TestImages.scene(SW, SH, 3);
    private static final Picture CAT = TestImages.cat();

    // ---------------------------------------------------------------------------------------------------------
    // pixel access helpers

    /** The bytes of the last pictures looked at: pictures are immutable, so their bytes can be cached. */
    private static final Map<Picture, byte[]> BYTES = Collections.synchronizedMap(new IdentityHashMap<>());

    private static byte[] bytes(Picture p) {
        if (BYTES.size() > 16) {
            BYTES.clear();
        }
        return BYTES.computeIfAbsent(p, Picture::bgr);
    }

    /** {r, g, b} of a pixel. */
    private static int[] rgb(Picture p, int x, int y) {
        byte[] b = bytes(p);
        int i = (y * p.width() + x) * 3;
        return new int[] {b[i + 2] & 0xff, b[i + 1] & 0xff, b[i] & 0xff};
    }

    private static int[][] rgbAll(Picture p) {
        byte[] b = bytes(p);
        int[][] out = new int[p.width() * p.height()][];
        for (int k = 0, i = 0; k < out.length; k++, i += 3) {
            out[k] = new int[] {b[i + 2] & 0xff, b[i + 1] & 0xff, b[i] & 0xff};
        }
        return out;
    }

    private static double luma(int[] c) {
        return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
    }

    private static double meanLuma(Picture p) {
        double sum = 0;
        for (int[] c : rgbAll(p)) {
            sum += luma(c);
        }
        return sum / p.pixels();
    }

    private static double stdLuma(Picture p) {
        double mean = meanLuma(p);
        double sum = 0;
        for (int[] c : rgbAll(p)) {
            sum += Math.pow(luma(c) - mean, 2);
        }
        return Math.sqrt(sum / p.pixels());
    }

    private static double meanSaturation(Picture p) {
        double sum = 0;
        for (int[] c : rgbAll(p)) {
            sum += Hsv.of(c[0], c[1], c[2])[1];
        }
        return sum / p.pixels();
    }

    /** Mean absolute Laplacian of the luma inside a rectangle: how much fine detail it holds. */
    private static double detail(Picture p, int x0, int y0, int x1, int y1) {
        double sum = 0;
        int n = 0;
        int w = p.width();
        int[][] px = rgbAll(p);
        for (int y = Math.max(1, y0); y < Math.min(p.height() - 1, y1); y++) {
            for (int x = Math.max(1, x0); x < Math.min(w - 1, x1); x++) {
                double lap = 4 * luma(px[y * w + x])
                        - luma(px[y * w + x - 1])
                        - luma(px[y * w + x + 1])
                        - luma(px[(y - 1) * w + x])
                        - luma(px[(y + 1) * w + x]);
                sum += Math.abs(lap);
                n++;
            }
        }
        return sum / n;
    }

    private static Picture apply(Picture p, Action a) {
        return ClassicOperations.apply(p, a, 11);
    }

    private static boolean samePixel(Picture a, Picture b, int x, int y) {
        return Arrays.equals(rgb(a, x, y), rgb(b, x, y));
    }

    // ---------------------------------------------------------------------------------------------------------
    // tone and color

    @Test
    void grayscaleMakesEveryPixelsChannelsEqual() {
        for (Picture source : List.of(SCENE, CAT)) {
            Picture gray = apply(source, new Action.ColorFilter(Filter.GRAYSCALE, 100, W));
            for (int[] c : rgbAll(gray)) {
                assertThat(c[0]).isEqualTo(c[1]).isEqualTo(c[2]);
            }
            assertThat(meanLuma(gray)).isCloseTo(meanLuma(source), within(1.5));
        }
    }

    @Test
    void halfStrengthGrayscaleLeavesHalfTheColor() {
        Picture half = apply(SCENE, new Action.ColorFilter(Filter.GRAYSCALE, 50, W));
        assertThat(meanSaturation(half))
                .isLessThan(meanSaturation(SCENE) * 0.7)
                .isGreaterThan(meanSaturation(SCENE) * 0.3);
    }

    @Test
    void brightnessMovesTheMeanAndLiftingKeepsContrast() {
        Picture brighter = apply(CAT, new Action.Adjust(Tone.BRIGHTNESS, 40, W));
        Picture darker = apply(CAT, new Action.Adjust(Tone.BRIGHTNESS, -40, W));
        double mean = meanLuma(CAT);
        // the mean moves by about 40% of its way to white (to black); the taper near the end takes a little back
        assertThat(meanLuma(brighter)).isBetween(mean + 0.3 * (255 - mean), mean + 0.42 * (255 - mean));
        assertThat(meanLuma(darker)).isBetween(mean - 0.42 * mean, mean - 0.3 * mean);
        // lifting keeps the spread of light (what people see as contrast), unlike a lift toward white
        assertThat(stdLuma(brighter)).isGreaterThan(stdLuma(CAT) * 0.8);
        // darkening scales toward black: the colors keep their saturation
        assertThat(meanSaturation(darker)).isCloseTo(meanSaturation(CAT), within(0.02));
    }

    @Test
    void contrastStretchesOrCompressesAroundTheMean() {
        assertThat(stdLuma(apply(CAT, new Action.Adjust(Tone.CONTRAST, 40, W)))).isGreaterThan(stdLuma(CAT) * 1.25);
        assertThat(stdLuma(apply(CAT, new Action.Adjust(Tone.CONTRAST, -40, W))))
                .isCloseTo(stdLuma(CAT) * 0.6, within(stdLuma(CAT) * 0.05));
        assertThat(meanLuma(apply(CAT, new Action.Adjust(Tone.CONTRAST, -40, W))))
                .isCloseTo(meanLuma(CAT), within(1.5));
    }

    @Test
    void saturationScalesColorAndKeepsLumaAndHue() {
        Picture vivid = apply(CAT, new Action.Adjust(Tone.SATURATION, 50, W));
        Picture muted = apply(CAT, new Action.Adjust(Tone.SATURATION, -50, W));
        assertThat(meanSaturation(vivid)).isGreaterThan(meanSaturation(CAT) * 1.2);
        assertThat(meanSaturation(muted)).isLessThan(meanSaturation(CAT) * 0.75);
        // the light stays where it was: a more vivid picture is not a brighter or flatter one
        assertThat(meanLuma(vivid)).isCloseTo(meanLuma(CAT), within(1.5));
        assertThat(stdLuma(vivid)).isCloseTo(stdLuma(CAT), within(stdLuma(CAT) * 0.03));
        int[] before = rgb(CAT, 225, 150);
        int[] after = rgb(vivid, 225, 150);
        double[] h0 = Hsv.of(before[0], before[1], before[2]);
        double[] h1 = Hsv.of(after[0], after[1], after[2]);
        if (h0[1] > 0.2) {
            assertThat(h1[0]).isCloseTo(h0[0], within(3.0));
        }
    }

    @Test
    void hueTurnsTheColorsAndKeepsTheLight() {
        Picture turned = apply(CAT, new Action.Adjust(Tone.HUE, 60, W));
        // every pixel keeps its luma (within rounding and the gamut), so no edge gets a new light or dark rim
        int[][] before = rgbAll(CAT);
        int[][] after = rgbAll(turned);
        double worst = 0;
        double moved = 0;
        for (int i = 0; i < before.length; i++) {
            worst = Math.max(worst, Math.abs(luma(after[i]) - luma(before[i])));
            double[] h0 = Hsv.of(before[i][0], before[i][1], before[i][2]);
            double[] h1 = Hsv.of(after[i][0], after[i][1], after[i][2]);
            if (h0[1] > 0.3 && h0[2] > 0.2) {
                double d = Math.abs(h1[0] - h0[0]) % 360;
                moved += Math.min(d, 360 - d) > 30 ? 1 : 0;
            }
        }
        assertThat(worst).isLessThan(3);
        assertThat(moved).isGreaterThan(100);
    }

    @Test
    void warmthMovesRedUpAndBlueDown() {
        Picture flat = Picture.solid(20, 20, new Color(120, 120, 120));
        int[] warm = rgb(apply(flat, new Action.Adjust(Tone.WARMTH, 50, W)), 5, 5);
        int[] cool = rgb(apply(flat, new Action.Adjust(Tone.WARMTH, -50, W)), 5, 5);
        assertThat(warm).containsExactly(140, 120, 100);
        assertThat(cool).containsExactly(100, 120, 140);
    }

    @Test
    void hueRotatesTheRedBallToGreen() {
        Picture shifted = apply(SCENE, new Action.Adjust(Tone.HUE, 120, W));
        int[] ball = rgb(shifted, SW * 3 / 10, SH / 2);
        assertThat(Hsv.of(ball[0], ball[1], ball[2])[0]).isBetween(100.0, 140.0);
        assertThat(NamedColor.of("green").selects(ball[0], ball[1], ball[2])).isTrue();
    }

    @Test
    void exposureMultipliesLinearLight() {
        Picture flat = Picture.solid(8, 8, new Color(128, 64, 200));
        int[] up = rgb(apply(flat, new Action.Adjust(Tone.EXPOSURE, 1, W)), 1, 1);
        assertThat((double) up[0]).isCloseTo(128 * Math.pow(2, 1 / 2.2), within(1.0));
        assertThat((double) up[1]).isCloseTo(64 * Math.pow(2, 1 / 2.2), within(1.0));
        assertThat(up[2]).isEqualTo(255);
    }

    @Test
    void sepiaInvertPosterizeAndTint() {
        Picture sepia = apply(CAT, new Action.ColorFilter(Filter.SEPIA, 100, W));
        long ordered = Stream.of(rgbAll(sepia))
                .filter(c -> c[0] >= c[1] && c[1] >= c[2])
                .count();
        assertThat(ordered).isGreaterThan(CAT.pixels() * 95 / 100);

        Picture inverted = apply(CAT, new Action.ColorFilter(Filter.INVERT, 100, W));
        int[] a = rgb(CAT, 100, 100);
        assertThat(rgb(inverted, 100, 100)).containsExactly(255 - a[0], 255 - a[1], 255 - a[2]);

        Picture poster = apply(CAT, new Action.Posterize(4, W));
        for (int[] c : rgbAll(poster)) {
            for (int v : c) {
                assertThat(v).isIn(0, 85, 170, 255);
            }
        }

        Picture flat = Picture.solid(8, 8, new Color(100, 100, 100));
        int[] tinted = rgb(apply(flat, new Action.Tint(NamedColor.of("blue"), 40, W)), 2, 2);
        // blended with blue (30, 80, 220) at 0.4·0.5 = 0.2
        assertThat(tinted).containsExactly(86, 96, 124);
    }

    // ---------------------------------------------------------------------------------------------------------
    // local adjustments

    static Stream<Action> localActions() {
        return Stream.of(
                new Action.Adjust(Tone.BRIGHTNESS, 40, Region.LEFT_HALF),
                new Action.Adjust(Tone.CONTRAST, -30, Region.TOP_THIRD),
                new Action.Adjust(Tone.HUE, 90, Region.CENTER),
                new Action.ColorFilter(Filter.GRAYSCALE, 100, Region.BOTTOM_RIGHT),
                new Action.ColorFilter(Filter.SEPIA, 80, Region.SKY),
                new Action.Posterize(3, Region.MIDDLE_THIRD),
                new Action.Tint(NamedColor.of("red"), 50, Region.TOP_LEFT),
                new Action.Stylize(Style.BLUR, 60, Region.RIGHT_HALF),
                new Action.Stylize(Style.CARTOON, 100, Region.CENTER),
                new Action.Stylize(Style.WATERCOLOR, 100, Region.BOTTOM_HALF),
                new Action.Stylize(Style.PENCIL_SKETCH, 100, Region.TOP_RIGHT),
                new Action.Stylize(Style.PIXEL_ART, 8, Region.BOTTOM_LEFT),
                new Action.Stylize(Style.FILM_GRAIN, 50, Region.TOP_HALF),
                new Action.Stylize(Style.VIGNETTE, 80, Region.CENTER),
                new Action.Stylize(Style.HDR, 80, Region.LEFT_HALF),
                new Action.Stylize(Style.SHARPEN, 80, Region.BOTTOM_THIRD),
                new Action.Stylize(Style.TILT_SHIFT, 100, Region.RIGHT_HALF));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("localActions")
    void localActionsChangeOnlyTheRegionAndItsFeather(Action action) {
        for (Picture source : List.of(SCENE, CAT)) {
            Picture out = apply(source, action);
            Region region = regionOf(action);
            int w = source.width();
            int h = source.height();
            int[] r = region.bounds(w, h);
            // the ramp is centred on the border: it reaches 2 × featherPixels outside
            int f = 2 * ClassicOperations.featherPixels(w, h);
            int changedInside = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean beyond = x < r[0] - f || x >= r[0] + r[2] + f || y < r[1] - f || y >= r[1] + r[3] + f;
                    boolean inside = x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3];
                    if (beyond) {
                        assertThat(samePixel(source, out, x, y))
                                .as("pixel (%d, %d) outside %s", x, y, region)
                                .isTrue();
                    } else if (inside && !samePixel(source, out, x, y)) {
                        changedInside++;
                    }
                }
            }
            assertThat(changedInside).as("pixels changed inside %s", region).isGreaterThan(r[2] * r[3] / 5);
        }
    }

    private static Region regionOf(Action action) {
        return switch (action) {
            case Action.Adjust a -> a.region();
            case Action.ColorFilter a -> a.region();
            case Action.Posterize a -> a.region();
            case Action.Tint a -> a.region();
            case Action.Stylize a -> a.region();
            default -> throw new IllegalArgumentException(action.toString());
        };
    }

    @Test
    void theFeatherBlendsGradually() {
        Picture out = apply(CAT, new Action.Adjust(Tone.BRIGHTNESS, 80, Region.LEFT_HALF));
        int w = CAT.width();
        // a ramp 4 × featherPixels wide, centred on the border: full inside, fading across, untouched beyond
        int f = 2 * ClassicOperations.featherPixels(w, CAT.height());
        int y = 150;
        int edge = w / 2; // first column outside the left half
        double inside = luma(rgb(out, edge - f - 1, y)) - luma(rgb(CAT, edge - f - 1, y));
        double atBorder = luma(rgb(out, edge - 1, y)) - luma(rgb(CAT, edge - 1, y));
        double feather = luma(rgb(out, edge + f / 2, y)) - luma(rgb(CAT, edge + f / 2, y));
        assertThat(inside).isGreaterThan(40);
        assertThat(atBorder).isGreaterThan(feather).isLessThan(inside);
        assertThat(feather).isGreaterThan(0);
        assertThat(samePixel(CAT, out, edge + f + 1, y)).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------
    // recolor and removal

    private static boolean inBall(int x, int y, int w, int h, int grow) {
        int r = Math.max(4, Math.min(w, h) / 8) + grow;
        int dx = x - w * 3 / 10;
        int dy = y - h / 2;
        return dx * dx + dy * dy <= r * r;
    }

    private static boolean inSquare(int x, int y, int w, int h, int grow) {
        int x0 = w * 6 / 10;
        int y0 = h * 2 / 5;
        int size = Math.max(4, Math.min(w, h) / 6);
        return x >= x0 - grow && x < x0 + size + grow && y >= y0 - grow && y < y0 + size + grow;
    }

    @Test
    void recolorTurnsTheRedBallBlueAndNothingElse() {
        ClassicOperations.Outcome outcome =
                ClassicOperations.run(SCENE, new Action.Recolor(NamedColor.of("red"), NamedColor.of("blue")), 1);
        assertThat(outcome.applied()).isTrue();
        Picture out = outcome.image();
        NamedColor blue = NamedColor.of("blue");
        NamedColor red = NamedColor.of("red");
        int ball = 0;
        int blueNow = 0;
        int redLeft = 0;
        for (int y = 0; y < SH; y++) {
            for (int x = 0; x < SW; x++) {
                int[] c = rgb(out, x, y);
                if (inBall(x, y, SW, SH, -2)) {
                    ball++;
                    if (blue.selects(c[0], c[1], c[2])) {
                        blueNow++;
                    }
                }
                if (red.selects(c[0], c[1], c[2])) {
                    redLeft++;
                }
                if (!inBall(x, y, SW, SH, 3)) {
                    assertThat(samePixel(SCENE, out, x, y))
                            .as("(%d, %d) is not the ball", x, y)
                            .isTrue();
                }
            }
        }
        assertThat(blueNow).isGreaterThan(ball * 98 / 100);
        assertThat(redLeft).isZero();
        // texture kept: the ball's noise survives
        assertThat(stdLumaInBall(out)).isGreaterThan(1.0);
    }

    private static double stdLumaInBall(Picture p) {
        List<Double> values = new ArrayList<>();
        for (int y = 0; y < SH; y++) {
            for (int x = 0; x < SW; x++) {
                if (inBall(x, y, SW, SH, -3)) {
                    values.add(luma(rgb(p, x, y)));
                }
            }
        }
        double mean = values.stream().mapToDouble(d -> d).average().orElseThrow();
        return Math.sqrt(values.stream()
                .mapToDouble(d -> (d - mean) * (d - mean))
                .average()
                .orElseThrow());
    }

    @Test
    void recolorWithNoSuchColorIsNotApplied() {
        ClassicOperations.Outcome outcome =
                ClassicOperations.run(SCENE, new Action.Recolor(NamedColor.of("purple"), NamedColor.of("red")), 1);
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.image().samePixels(SCENE)).isTrue();
        assertThat(outcome.detail()).contains("purple");
    }

    @Test
    void removingTheRedObjectLeavesWallInItsPlace() {
        ClassicOperations.Outcome outcome =
                ClassicOperations.run(SCENE, new Action.RemoveColored(NamedColor.of("red")), 5);
        assertThat(outcome.applied()).isTrue();
        Picture out = outcome.image();
        NamedColor red = NamedColor.of("red");
        int redBefore = 0;
        int redAfter = 0;
        double[] ballMean = new double[3];
        int n = 0;
        for (int y = 0; y < SH; y++) {
            for (int x = 0; x < SW; x++) {
                int[] b = rgb(SCENE, x, y);
                int[] a = rgb(out, x, y);
                redBefore += red.selects(b[0], b[1], b[2]) ? 1 : 0;
                redAfter += red.selects(a[0], a[1], a[2]) ? 1 : 0;
                if (inBall(x, y, SW, SH, 0)) {
                    for (int c = 0; c < 3; c++) {
                        ballMean[c] += a[c];
                    }
                    n++;
                }
                if (!inBall(x, y, SW, SH, 10)) {
                    assertThat(samePixel(SCENE, out, x, y)).isTrue();
                }
            }
        }
        assertThat(redAfter).isLessThan(redBefore / 200 + 1);
        // the wall around the ball is (150, 145, 140) with noise
        assertThat(ballMean[0] / n).isCloseTo(150, within(8.0));
        assertThat(ballMean[1] / n).isCloseTo(145, within(8.0));
        assertThat(ballMean[2] / n).isCloseTo(140, within(8.0));
        // the fill carries the surroundings' grain instead of a flat patch
        assertThat(stdLumaInBall(out)).isBetween(1.0, 10.0);
        // the yellow square is untouched
        assertThat(samePixel(SCENE, out, SW * 6 / 10 + 5, SH * 2 / 5 + 5)).isTrue();
    }

    @Test
    void removingAColorThatIsNotThereDoesNothingAndSaysSo() {
        ClassicOperations.Outcome outcome =
                ClassicOperations.run(SCENE, new Action.RemoveColored(NamedColor.of("purple")), 5);
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.image()).isSameAs(SCENE);
        assertThat(outcome.detail()).isEqualTo("no purple object found");
    }

    @Test
    void removingARegionRefusesWhatRunsPastItOrIsNotAThingOfItsOwn() {
        // the top right corner (a third by a third) shows only sky
        ClassicOperations.Outcome corner = ClassicOperations.run(SCENE, new Action.RemoveRegion(Region.TOP_RIGHT), 5);
        assertThat(corner.applied()).isFalse();
        assertThat(corner.image().samePixels(SCENE)).isTrue();
        assertThat(corner.detail()).startsWith("nothing distinct in the top right corner");
        // the top half holds the sky band, which the frame cuts, and half of the red ball: nothing of its own
        ClassicOperations.Outcome half = ClassicOperations.run(SCENE, new Action.RemoveRegion(Region.TOP_HALF), 5);
        assertThat(half.applied()).isFalse();
        assertThat(half.image().samePixels(SCENE)).isTrue();
        assertThat(half.detail()).startsWith("what stands out in the top half").contains("not a thing of its own");
        // the center holds the red ball across the sky's edge and the yellow square: no one thing on one ground
        ClassicOperations.Outcome center = ClassicOperations.run(SCENE, new Action.RemoveRegion(Region.CENTER), 5);
        assertThat(center.applied()).isFalse();
        assertThat(center.image().samePixels(SCENE)).isTrue();
        assertThat(center.detail()).contains("in the center");
    }

    // ---------------------------------------------------------------------------------------------------------
    // background

    @Test
    void backgroundBlurKeepsTheCenterSharperThanTheEdges() {
        Picture source = TestImages.coffee();
        Picture out = apply(source, new Action.Background(null));
        int w = source.width();
        int h = source.height();
        double centerBefore = detail(source, w * 3 / 8, h * 3 / 8, w * 5 / 8, h * 5 / 8);
        double centerAfter = detail(out, w * 3 / 8, h * 3 / 8, w * 5 / 8, h * 5 / 8);
        double edgeBefore = detail(source, 0, 0, w, h / 12);
        double edgeAfter = detail(out, 0, 0, w, h / 12);
        assertThat(centerAfter / edgeAfter).isGreaterThan(2 * centerBefore / edgeBefore);
        assertThat(centerAfter).isGreaterThan(centerBefore * 0.8);
        assertThat(edgeAfter).isLessThan(edgeBefore * 0.5);
    }

    @Test
    void backgroundReplacementFillsTheEdgesWithTheColor() {
        Picture source = TestImages.coffee();
        Picture out = apply(source, new Action.Background(NamedColor.of("white")));
        int w = source.width();
        int h = source.height();
        for (int[] corner : new int[][] {{2, 2}, {w - 3, 2}, {2, h - 3}, {w - 3, h - 3}}) {
            assertThat(rgb(out, corner[0], corner[1])).containsExactly(255, 255, 255);
        }
        // the cup in the middle stays
        assertThat(samePixel(source, out, w / 2, h / 2)).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------
    // text

    @ParameterizedTest
    @EnumSource(Position.class)
    void textChangesPixelsOnlyInItsBand(Position position) {
        Picture out = apply(SCENE, new Action.AddText("SALE 50%", position, NamedColor.of("yellow")));
        int minX = SW;
        int maxX = -1;
        int minY = SH;
        int maxY = -1;
        for (int y = 0; y < SH; y++) {
            for (int x = 0; x < SW; x++) {
                if (!samePixel(SCENE, out, x, y)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertThat(maxX).as("some pixels changed").isGreaterThanOrEqualTo(0);
        switch (position) {
            case TOP -> assertThat(maxY).isLessThan(SH / 4);
            case BOTTOM -> assertThat(minY).isGreaterThanOrEqualTo(SH * 3 / 4);
            case CENTER -> assertThat(minY).isGreaterThan(SH / 3);
            case TOP_LEFT -> assertThat(maxX < SW / 2 && maxY < SH / 4).isTrue();
            case TOP_RIGHT -> assertThat(minX >= SW / 2 && maxY < SH / 4).isTrue();
            case BOTTOM_LEFT -> assertThat(maxX < SW / 2 && minY >= SH * 3 / 4).isTrue();
            case BOTTOM_RIGHT ->
                assertThat(minX >= SW / 2 && minY >= SH * 3 / 4).isTrue();
        }
        if (position == Position.CENTER) {
            assertThat(maxY).isLessThan(SH * 2 / 3);
        }
        if (position == Position.TOP || position == Position.BOTTOM || position == Position.CENTER) {
            // centered horizontally
            assertThat(Math.abs((minX + maxX) / 2 - SW / 2)).isLessThan(SW / 20);
        }
    }

    @Test
    void longTextIsShrunkToFitAndTextIsDrawnInItsColor() {
        Picture out = apply(
                SCENE,
                new Action.AddText(
                        "a very long caption that would not fit at the normal size",
                        Position.BOTTOM,
                        NamedColor.of("red")));
        int reddish = 0;
        for (int y = SH * 3 / 4; y < SH; y++) {
            for (int x = 0; x < SW; x++) {
                int[] c = rgb(out, x, y);
                if (c[0] > 180 && c[1] < 80 && c[2] < 80) {
                    reddish++;
                }
            }
            assertThat(samePixel(SCENE, out, 0, y)).isTrue();
            assertThat(samePixel(SCENE, out, SW - 1, y)).isTrue();
        }
        assertThat(reddish).isGreaterThan(20);
    }

    // ---------------------------------------------------------------------------------------------------------
    // geometry

    @Test
    void rotationSwapsTheSidesAndMapsPixels() {
        Picture cw = apply(SCENE, new Action.Rotate(90));
        Picture half = apply(SCENE, new Action.Rotate(180));
        Picture ccw = apply(SCENE, new Action.Rotate(270));
        assertThat(cw.width()).isEqualTo(SH);
        assertThat(cw.height()).isEqualTo(SW);
        assertThat(half.width()).isEqualTo(SW);
        for (int y = 0; y < SH; y += 7) {
            for (int x = 0; x < SW; x += 5) {
                int[] c = rgb(SCENE, x, y);
                assertThat(rgb(cw, SH - 1 - y, x)).containsExactly(c);
                assertThat(rgb(half, SW - 1 - x, SH - 1 - y)).containsExactly(c);
                assertThat(rgb(ccw, y, SW - 1 - x)).containsExactly(c);
            }
        }
    }

    @Test
    void flipMirrorsPixels() {
        Picture h = apply(SCENE, new Action.Flip(true));
        Picture v = apply(SCENE, new Action.Flip(false));
        for (int y = 0; y < SH; y += 7) {
            for (int x = 0; x < SW; x += 5) {
                assertThat(rgb(h, SW - 1 - x, y)).containsExactly(rgb(SCENE, x, y));
                assertThat(rgb(v, x, SH - 1 - y)).containsExactly(rgb(SCENE, x, y));
            }
        }
    }

    @Test
    void cropsGiveTheAskedRatioOrRegion() {
        Picture wide = apply(CAT, new Action.CropAspect(16, 9));
        assertThat(Math.abs(wide.width() * 9 - wide.height() * 16)).isLessThanOrEqualTo(16);
        assertThat(wide.width()).isEqualTo(CAT.width());
        int top = (CAT.height() - wide.height()) / 2;
        assertThat(rgb(wide, 10, 0)).containsExactly(rgb(CAT, 10, top));

        Picture square = apply(CAT, new Action.CropAspect(1, 1));
        assertThat(square.width()).isEqualTo(square.height()).isEqualTo(CAT.height());

        Picture tall = apply(CAT, new Action.CropAspect(9, 16));
        assertThat(Math.abs(tall.width() * 16 - tall.height() * 9)).isLessThanOrEqualTo(16);

        Picture left = apply(CAT, new Action.CropRegion(Region.LEFT_HALF));
        assertThat(left.width()).isEqualTo(CAT.width() / 2);
        assertThat(left.height()).isEqualTo(CAT.height());
        Picture corner = apply(CAT, new Action.CropRegion(Region.BOTTOM_RIGHT));
        // a corner is a third of the width by a third of the height
        assertThat(rgb(corner, 0, 0))
                .containsExactly(rgb(CAT, CAT.width() - CAT.width() / 3, CAT.height() - CAT.height() / 3));
    }

    @Test
    void zoomKeepsTheSizeAndMagnifiesTheCenter() {
        Picture zoomed = apply(SCENE, new Action.Zoom(100));
        assertThat(zoomed.width()).isEqualTo(SW);
        assertThat(zoomed.height()).isEqualTo(SH);
        // magnified twice, the yellow square (inside the central half) covers four times the pixels
        int before = countColor(SCENE, "yellow");
        int after = countColor(zoomed, "yellow");
        assertThat((double) after).isCloseTo(4.0 * before, within(before * 0.4));
    }

    private static int countColor(Picture p, String name) {
        NamedColor color = NamedColor.of(name);
        return (int) Stream.of(rgbAll(p))
                .filter(c -> color.selects(c[0], c[1], c[2]))
                .count();
    }

    @Test
    void resizeScaleAndBorderChangeTheSize() {
        Picture resized = apply(SCENE, new Action.Resize(100, 50));
        assertThat(resized.width()).isEqualTo(100);
        assertThat(resized.height()).isEqualTo(50);
        Picture half = apply(SCENE, new Action.Scale(50));
        assertThat(half.width()).isEqualTo(SW / 2);
        assertThat(half.height()).isEqualTo(SH / 2);

        Picture framed = apply(SCENE, new Action.Border(12, NamedColor.of("red")));
        assertThat(framed.width()).isEqualTo(SW + 24);
        assertThat(framed.height()).isEqualTo(SH + 24);
        NamedColor red = NamedColor.of("red");
        for (int[] xy : new int[][] {{0, 0}, {11, 100}, {SW + 23, SH + 23}, {100, SH + 12}}) {
            assertThat(rgb(framed, xy[0], xy[1])).containsExactly(red.r(), red.g(), red.b());
        }
        assertThat(rgb(framed, 12, 12)).containsExactly(rgb(SCENE, 0, 0));
        assertThat(rgb(framed, SW + 11, SH + 11)).containsExactly(rgb(SCENE, SW - 1, SH - 1));
    }

    @Test
    void aResultAboveThePixelLimitIsNotMade() {
        ClassicOperations.Outcome outcome = ClassicOperations.run(SCENE, new Action.Resize(16384, 16384), 0);
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.image()).isSameAs(SCENE);
        assertThat(outcome.detail()).contains("megapixels");
    }

    // ---------------------------------------------------------------------------------------------------------
    // styles

    @Test
    void filmGrainIsSeededAndAsStrongAsDocumented() {
        Picture flat = Picture.solid(200, 200, new Color(128, 128, 128));
        Action grain = new Action.Stylize(Style.FILM_GRAIN, 50, W);
        Picture a = ClassicOperations.apply(flat, grain, 1);
        Picture b = ClassicOperations.apply(flat, grain, 1);
        Picture c = ClassicOperations.apply(flat, grain, 2);
        assertThat(a.samePixels(b)).isTrue();
        assertThat(a.samePixels(c)).isFalse();
        assertThat(stdLuma(a)).isCloseTo(15.0, within(1.0));
        for (int[] px : rgbAll(a)) {
            assertThat(px[0]).isEqualTo(px[1]).isEqualTo(px[2]); // monochrome grain
        }
    }

    @Test
    void pixelArtMakesFlatBlocksOfTheGivenSize() {
        for (int block : new int[] {4, 8, 13}) {
            Picture out = apply(CAT, new Action.Stylize(Style.PIXEL_ART, block, W));
            for (int by = 0; by < CAT.height(); by += block) {
                for (int bx = 0; bx < CAT.width(); bx += block) {
                    int[] first = rgb(out, bx, by);
                    for (int y = by; y < Math.min(CAT.height(), by + block); y++) {
                        for (int x = bx; x < Math.min(CAT.width(), bx + block); x++) {
                            assertThat(rgb(out, x, y)).containsExactly(first);
                        }
                    }
                }
            }
            // neighbouring blocks differ somewhere: blocks are not bigger than asked
            int differences = 0;
            for (int bx = block; bx < CAT.width(); bx += block) {
                if (!Arrays.equals(rgb(out, bx, 150), rgb(out, bx - 1, 150))) {
                    differences++;
                }
            }
            assertThat(differences).isGreaterThan(CAT.width() / block / 4);
        }
    }

    @Test
    void vignetteDarkensTheCornersByTheStrength() {
        Picture flat = Picture.solid(101, 81, new Color(200, 200, 200));
        Picture out = apply(flat, new Action.Stylize(Style.VIGNETTE, 60, W));
        assertThat((double) rgb(out, 0, 0)[0]).isCloseTo(200 * 0.4, within(1.0));
        assertThat((double) rgb(out, 100, 80)[1]).isCloseTo(200 * 0.4, within(1.0));
        assertThat(rgb(out, 50, 40)).containsExactly(200, 200, 200);
        assertThat(rgb(out, 25, 40)[0]).isGreaterThan(rgb(out, 5, 40)[0]);
    }

    @Test
    void blurRemovesDetailAndSharpenAddsIt() {
        double before = detail(CAT, 0, 0, CAT.width(), CAT.height());
        double blurred = detail(apply(CAT, new Action.Stylize(Style.BLUR, 50, W)), 0, 0, CAT.width(), CAT.height());
        double sharper = detail(apply(CAT, new Action.Stylize(Style.SHARPEN, 50, W)), 0, 0, CAT.width(), CAT.height());
        double hdr = detail(apply(CAT, new Action.Stylize(Style.HDR, 80, W)), 0, 0, CAT.width(), CAT.height());
        assertThat(blurred).isLessThan(before * 0.4);
        assertThat(sharper).isGreaterThan(before * 1.4);
        assertThat(hdr).isGreaterThan(before * 1.2);
    }

    @Test
    void tiltShiftBlursTopAndBottomMoreThanTheMiddle() {
        Picture out = apply(CAT, new Action.Stylize(Style.TILT_SHIFT, 100, W));
        int w = CAT.width();
        int h = CAT.height();
        double topRatio = detail(out, 0, 0, w, h / 8) / detail(CAT, 0, 0, w, h / 8);
        double middleRatio = detail(out, 0, h * 7 / 16, w, h * 9 / 16) / detail(CAT, 0, h * 7 / 16, w, h * 9 / 16);
        assertThat(topRatio).isLessThan(0.5);
        assertThat(middleRatio).isGreaterThan(0.8);
        assertThat(meanSaturation(out)).isGreaterThan(meanSaturation(CAT));
    }

    @Test
    void pencilSketchIsGreyAndLight() {
        Picture out = apply(CAT, new Action.Stylize(Style.PENCIL_SKETCH, 100, W));
        for (int[] c : rgbAll(out)) {
            assertThat(c[0]).isEqualTo(c[1]).isEqualTo(c[2]);
        }
        assertThat(meanLuma(out)).isGreaterThan(meanLuma(CAT) + 30);
        // lines remain: some clearly dark pixels
        assertThat(Stream.of(rgbAll(out)).filter(c -> c[0] < 100).count()).isGreaterThan(CAT.pixels() / 200);
    }

    @Test
    void cartoonHasFewColorsAndDarkOutlines() {
        Picture out = apply(SCENE, new Action.Stylize(Style.CARTOON, 100, W));
        // an outline around the ball: dark pixels on its rim, none in its middle
        int dark = 0;
        int rim = 0;
        for (int y = 0; y < SH; y++) {
            for (int x = 0; x < SW; x++) {
                if (inBall(x, y, SW, SH, 2) && !inBall(x, y, SW, SH, -2)) {
                    rim++;
                    if (luma(rgb(out, x, y)) < 40) {
                        dark++;
                    }
                }
            }
        }
        assertThat(dark).isGreaterThan(rim / 4);
        assertThat(luma(rgb(out, SW * 3 / 10, SH / 2))).isGreaterThan(60);
        long distinct = Stream.of(rgbAll(out))
                .map(c -> c[0] * 65536 + c[1] * 256 + c[2])
                .distinct()
                .count();
        long distinctBefore = Stream.of(rgbAll(SCENE))
                .map(c -> c[0] * 65536 + c[1] * 256 + c[2])
                .distinct()
                .count();
        assertThat(distinct).isLessThan(distinctBefore / 10);
    }

    @Test
    void aPartialCartoonIsALighterCartoonNotThePhotoShowingThrough() {
        // "cartoon at 40%": still flat colours (a blend with the photo would keep every tone level of the photo),
        // more of them than a full cartoon, and outlines that darken the rim without blacking it out
        Picture full = apply(CAT, new Action.Stylize(Style.CARTOON, 100, W));
        Picture light = apply(CAT, new Action.Stylize(Style.CARTOON, 40, W));
        double source = Measurements.levels(CAT);
        double fullLevels = Measurements.levels(full);
        double lightLevels = Measurements.levels(light);
        assertThat(lightLevels).isLessThan(source / 4).isGreaterThan(fullLevels * 1.5);
        long black = Stream.of(rgbAll(full)).filter(c -> luma(c) < 8).count();
        long blackLight = Stream.of(rgbAll(light)).filter(c -> luma(c) < 8).count();
        assertThat(blackLight).isLessThan(black / 4);
    }

    @Test
    void watercolorSmoothsTextureAndLightens() {
        Picture out = apply(CAT, new Action.Stylize(Style.WATERCOLOR, 100, W));
        int w = CAT.width();
        int h = CAT.height();
        assertThat(detail(out, w / 4, h / 4, w * 3 / 4, h * 3 / 4))
                .isLessThan(detail(CAT, w / 4, h / 4, w * 3 / 4, h * 3 / 4) * 0.6);
        assertThat(meanLuma(out)).isGreaterThan(meanLuma(CAT));
    }

    @Test
    void everyActionCopesWithTinyAndOddSizedPictures() {
        List<Action> actions = new ArrayList<>(ClassicParserTest.everyAction().stream()
                .filter(a -> !(a instanceof Action.Resize) && !(a instanceof Action.Border))
                .filter(a -> a.hashCode() % 9 == 0 || !(a instanceof Action.Recolor || a instanceof Action.Tint))
                .toList());
        actions.add(new Action.Resize(3, 2));
        actions.add(new Action.Border(2, NamedColor.of("red")));
        for (int[] size : new int[][] {{1, 1}, {2, 3}, {7, 5}, {3, 40}}) {
            Picture tiny = TestImages.scene(size[0], size[1], 1);
            for (Action action : actions) {
                ClassicOperations.Outcome outcome = ClassicOperations.run(tiny, action, 1);
                assertThat(outcome.image().width())
                        .as("%s on %dx%d", action, size[0], size[1])
                        .isPositive();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // determinism

    static Stream<Action> seededActions() {
        List<Action> actions = new ArrayList<>();
        for (Style style : Style.values()) {
            actions.add(new Action.Stylize(style, style == Style.PIXEL_ART ? 10 : 70, W));
            actions.add(new Action.Stylize(style, style == Style.PIXEL_ART ? 6 : 100, Region.CENTER));
        }
        actions.add(new Action.Background(null));
        actions.add(new Action.Background(NamedColor.of("gray")));
        actions.add(new Action.RemoveColored(NamedColor.of("red")));
        actions.add(new Action.Recolor(NamedColor.of("yellow"), NamedColor.of("navy")));
        actions.add(new Action.AddText("Hello", Position.CENTER, NamedColor.of("white")));
        return actions.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seededActions")
    void sameActionAndSeedGiveTheSameBytes(Action action) {
        boolean changed = false;
        for (Picture source : List.of(SCENE, CAT)) {
            Picture a = ClassicOperations.apply(source, action, 42);
            Picture b = ClassicOperations.apply(source, action, 42);
            assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
            changed |= !a.samePixels(source);
        }
        // a recolour changes only a picture that shows the colour (the cat shows no yellow)
        assertThat(changed).as("%s changes a picture", action).isTrue();
    }

    @Test
    void concurrentCallsGiveTheSameBytesAsSequentialOnes() throws Exception {
        List<Action> actions = seededActions().toList();
        List<String> expected = new ArrayList<>();
        for (Action action : actions) {
            expected.add(ClassicOperations.apply(CAT, action, 9).fingerprint());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Action action : actions) {
                    futures.add(pool.submit(
                            () -> ClassicOperations.apply(CAT, action, 9).fingerprint()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % actions.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
