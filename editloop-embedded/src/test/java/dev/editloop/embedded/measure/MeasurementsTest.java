package dev.editloop.embedded.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.fixtures.MiniEditor;
import dev.editloop.testkit.TestImages;
import java.awt.Color;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

    /** A picture from a per-pixel function returning packed 0xRRGGBB. */
    static Picture draw(int w, int h, java.util.function.IntBinaryOperator rgb) {
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = rgb.applyAsInt(x, y);
                int i = 3 * (y * w + x);
                bgr[i] = (byte) (c & 0xff);
                bgr[i + 1] = (byte) ((c >> 8) & 0xff);
                bgr[i + 2] = (byte) ((c >> 16) & 0xff);
            }
        }
        return Picture.ofBgr(w, h, bgr);
    }

    static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }

    static int grey(int v) {
        return rgb(v, v, v);
    }

    static Picture noisyGrey(int w, int h, int level, double sigma, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return draw(w, h, (x, y) -> {
            double u = 1 - random.nextDouble();
            double n = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()) * sigma;
            return grey((int) Math.max(0, Math.min(255, Math.round(level + n))));
        });
    }

    @Test
    void meanLumaOfASolidColorIsRec601() {
        Picture p = Picture.solid(200, 100, new Color(100, 150, 200));
        assertThat(Measurements.meanLuma(p)).isCloseTo(0.299 * 100 + 0.587 * 150 + 0.114 * 200, within(0.01));
    }

    @Test
    void meanLumaOfARegion() {
        Picture p = draw(300, 300, (x, y) -> y < 100 ? grey(240) : grey(20));
        assertThat(Measurements.meanLuma(p, Region.TOP_THIRD)).isCloseTo(240, within(0.5));
        assertThat(Measurements.meanLuma(p, Region.BOTTOM_HALF)).isCloseTo(20, within(0.5));
    }

    @Test
    void contrastOfHalfBlackHalfWhiteIsHalfTheRange() {
        Picture p = draw(256, 256, (x, y) -> x < 128 ? grey(0) : grey(255));
        assertThat(Measurements.lumaContrast(p)).isCloseTo(127.5, within(0.5));
        assertThat(Measurements.lumaContrast(Picture.solid(50, 50, Color.GRAY))).isCloseTo(0, within(1e-6));
    }

    @Test
    void saturationAndChromaOfASolidColor() {
        Analysis a = Analysis.of(Picture.solid(64, 64, new Color(200, 100, 50)));
        assertThat(Measurements.meanSaturation(a, Zone.WHOLE)).isCloseTo(0.75, within(1e-4));
        assertThat(Measurements.meanChroma(a, Zone.WHOLE)).isCloseTo(150, within(1e-4));
        assertThat(Measurements.meanSaturation(Picture.solid(10, 10, Color.BLACK)))
                .isZero();
    }

    @Test
    void colorfulnessFollowsHaslerSusstrunk() {
        assertThat(Measurements.colorfulness(Picture.solid(32, 32, Color.GRAY))).isCloseTo(0, within(1e-6));
        // solid red: rg = 255, yb = 127.5, no spread
        double expected = 0.3 * Math.hypot(255, 127.5);
        assertThat(Measurements.colorfulness(Picture.solid(32, 32, Color.RED))).isCloseTo(expected, within(0.01));
        // half red half green: rg is +255 or -255 (sigma 255), yb is 127.5 or 127.5-... (green: (0+255)/2-0)
        Picture split = draw(64, 64, (x, y) -> x < 32 ? rgb(255, 0, 0) : rgb(0, 255, 0));
        assertThat(Measurements.colorfulness(split)).isCloseTo(255 + 0.3 * 127.5, within(0.5));
    }

    @Test
    void warmthIsMeanRedMinusBlue() {
        assertThat(Measurements.warmth(Picture.solid(20, 20, new Color(200, 100, 50))))
                .isCloseTo(150, within(1e-6));
        assertThat(Measurements.warmth(Picture.solid(20, 20, new Color(30, 80, 220))))
                .isCloseTo(-190, within(1e-6));
    }

    @Test
    void sepianessIsHighForSepiaAndLowForGreyAndVariedColor() {
        Picture gradient = draw(256, 64, (x, y) -> grey(x));
        Picture sepia = MiniEditor.filter(gradient, dev.editloop.embedded.classic.Action.Filter.SEPIA, 100);
        assertThat(Measurements.sepianess(gradient)).isCloseTo(0, within(1e-6));
        assertThat(Measurements.sepianess(sepia)).isGreaterThan(0.9);
        Picture scene = TestImages.scene(300, 200, 1);
        assertThat(Measurements.sepianess(scene)).isLessThan(0.35);
        assertThat(Measurements.sepianess(
                        MiniEditor.filter(scene, dev.editloop.embedded.classic.Action.Filter.SEPIA, 100)))
                .isGreaterThan(0.85);
    }

    @Test
    void grayscalenessCountsNeutralPixels() {
        Picture gradient = draw(256, 64, (x, y) -> grey(x));
        assertThat(Measurements.grayscaleness(gradient)).isEqualTo(1.0);
        Picture half = draw(100, 100, (x, y) -> x < 50 ? grey(90) : rgb(200, 40, 40));
        assertThat(Measurements.grayscaleness(half)).isCloseTo(0.5, within(0.02));
    }

    @Test
    void noiseEstimateRecoversGaussianSigma() {
        assertThat(Measurements.noise(Picture.solid(200, 200, Color.GRAY))).isLessThan(0.2);
        for (double sigma : new double[] {3, 8, 15}) {
            double measured = Measurements.noise(noisyGrey(400, 400, 128, sigma, 7));
            assertThat(measured).as("sigma %s", sigma).isCloseTo(sigma, within(sigma * 0.1 + 0.3));
        }
    }

    @Test
    void noiseEstimateIgnoresEdges() {
        Picture blocks = draw(400, 400, (x, y) -> ((x / 40 + y / 40) % 2 == 0) ? grey(40) : grey(220));
        assertThat(Measurements.noise(blocks)).isLessThan(0.5);
    }

    @Test
    void vignetteReadsDarkCorners() {
        Picture flat = Picture.solid(300, 200, new Color(180, 180, 180));
        assertThat(Measurements.vignette(flat)).isCloseTo(0, within(1e-6));
        Picture dark = MiniEditor.vignette(flat, 60);
        assertThat(Measurements.vignette(dark)).isBetween(0.35, 0.6);
        assertThat(Measurements.vignette(MiniEditor.vignette(flat, 30)))
                .isLessThan(Measurements.vignette(dark))
                .isGreaterThan(0.15);
    }

    @Test
    void sharpnessFallsWithBlurAndEdgesVanish() {
        Picture checker = draw(400, 400, (x, y) -> ((x / 10 + y / 10) % 2 == 0) ? grey(30) : grey(220));
        double sharp = Measurements.sharpness(checker);
        double soft = Measurements.sharpness(MiniEditor.blur(checker, 4));
        assertThat(soft).isLessThan(sharp / 4);
        assertThat(Measurements.edgeDensity(checker)).isGreaterThan(0.2);
        assertThat(Measurements.edgeDensity(Picture.solid(100, 100, Color.GRAY)))
                .isZero();
    }

    @Test
    void edgeDensityOfOneStepIsOneLine() {
        Picture p = draw(200, 200, (x, y) -> x < 100 ? grey(0) : grey(200));
        // a single vertical step: two columns of the 198 interior ones respond
        assertThat(Measurements.edgeDensity(p)).isCloseTo(2.0 / 198, within(0.002));
    }

    @Test
    void hueHistogramAndDominantHues() {
        Picture red = Picture.solid(50, 50, new Color(255, 0, 0));
        double[] hist = Measurements.hueHistogram(red, 12);
        assertThat(hist[0]).isCloseTo(1.0, within(1e-9));
        Picture split = draw(100, 100, (x, y) -> x < 70 ? rgb(0, 0, 255) : rgb(0, 255, 0));
        assertThat(Measurements.dominantHues(split, 3)).containsExactly(255.0, 135.0);
        assertThat(Measurements.hueHistogram(Picture.solid(10, 10, Color.GRAY), 6))
                .containsOnly(0.0);
    }

    @Test
    void colorFractionCountsNamedColors() {
        Picture p = draw(100, 100, (x, y) -> x < 30 ? rgb(220, 30, 30) : x < 50 ? rgb(30, 80, 220) : grey(128));
        Analysis a = Analysis.of(p);
        assertThat(Measurements.colorFraction(a, Zone.WHOLE, NamedColor.of("red")))
                .isCloseTo(0.3, within(0.001));
        assertThat(Measurements.colorFraction(a, Zone.WHOLE, NamedColor.of("blue")))
                .isCloseTo(0.2, within(0.001));
        assertThat(Measurements.colorFraction(a, Zone.WHOLE, NamedColor.of("gray")))
                .isCloseTo(0.5, within(0.001));
        // inside a region the zone keeps clear of the feather margin (4 of 100 pixels at the inner border)
        assertThat(Measurements.colorFraction(a, Zone.in(Region.LEFT_HALF), NamedColor.of("red")))
                .isCloseTo(30.0 / 46, within(0.001));
        Picture scene = TestImages.scene(300, 300, 3);
        assertThat(Measurements.colorFraction(scene, NamedColor.of("green"))).isGreaterThan(0.25);
        assertThat(Measurements.colorFraction(scene, NamedColor.of("red"))).isBetween(0.02, 0.08);
    }

    @Test
    void clippingCountsBlownAndCrushedTones() {
        Picture p = draw(100, 100, (x, y) -> x < 50 ? grey(255) : x < 75 ? grey(0) : rgb(255, 120, 0));
        assertThat(Measurements.clipping(p)).isCloseTo(0.75, within(1e-9));
        // a saturated orange clips channels, not tones
        assertThat(Measurements.channelClipping(Analysis.of(p), Zone.WHOLE)).isCloseTo(1.0, within(1e-9));
        assertThat(Measurements.clipping(Picture.solid(10, 10, new Color(100, 120, 140))))
                .isZero();
    }

    @Test
    void blockinessAndBlockSizeOfPixelArt() {
        SplittableRandom random = new SplittableRandom(5);
        int[] colors = random.ints(64 * 64, 0, 1 << 24).toArray();
        Picture pixel = draw(512, 512, (x, y) -> colors[(y / 8) * 64 + x / 8]);
        assertThat(Measurements.blockiness(pixel)).isCloseTo(7.0 / 8, within(0.01));
        assertThat(Measurements.blockSize(pixel)).isEqualTo(8.0);
        // flat areas do not inflate it: half the picture one color
        Picture halfFlat = draw(512, 512, (x, y) -> x < 256 ? grey(90) : colors[(y / 8) * 64 + x / 8]);
        assertThat(Measurements.blockSize(halfFlat)).isEqualTo(8.0);
        Picture noisy = noisyGrey(256, 256, 128, 20, 3);
        assertThat(Measurements.blockiness(noisy)).isLessThan(0.05);
        assertThat(Measurements.blockSize(noisy)).isLessThan(1.1);
    }

    @Test
    void levelsCountsDistinctValues() {
        Picture smooth = draw(256, 256, (x, y) -> rgb(x, y, (x + y) / 2));
        assertThat(Measurements.levels(smooth)).isGreaterThan(200);
        assertThat(Measurements.levels(MiniEditor.posterize(smooth, 4))).isEqualTo(4.0);
    }

    @Test
    void grainOverFewFlatColoursIsNotReadAsNewToneLevelsButAGrainyPhotoKeepsItsLevels() {
        // "a cartoon with a touch of grain": the grain spreads each flat colour over a dozen values, which a person
        // does not see as a photo's tones coming back
        Picture smooth = draw(256, 256, (x, y) -> rgb(x, y, (x + y) / 2));
        Picture grainyPoster = MiniEditor.grain(MiniEditor.posterize(smooth, 6), 10, 5);
        assertThat(Measurements.levels(grainyPoster))
                .isLessThan(30.0); // 6 colours; the grain alone spreads them over 60
        // while grain on a photo's continuous tones does not make it look posterized
        Picture cat = TestImages.cat();
        assertThat(Measurements.levels(MiniEditor.grain(cat, 10, 5))).isGreaterThan(60.0);
    }

    @Test
    void detailFallsWithBlurAndRisesWithSharpening() {
        Picture cat = TestImages.cat();
        double base = Measurements.detail(cat);
        assertThat(Measurements.detail(MiniEditor.blur(cat, 2))).isLessThan(base * 0.8);
        assertThat(Measurements.detail(MiniEditor.stylize(cat, dev.editloop.embedded.classic.Action.Style.SHARPEN, 80)))
                .isGreaterThan(base * 1.1);
        assertThat(Measurements.detail(Picture.solid(40, 40, Color.GRAY))).isZero();
    }

    @Test
    void noiseAndSharpnessAreReadPerRegion() {
        Picture half = draw(400, 400, (x, y) -> grey(128));
        SplittableRandom random = new SplittableRandom(3);
        Picture noisyLeft = draw(400, 400, (x, y) -> {
            double u = 1 - random.nextDouble();
            double n = x < 200 ? Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()) * 10 : 0;
            return grey((int) Math.max(0, Math.min(255, Math.round(128 + n))));
        });
        Analysis a = Analysis.of(noisyLeft);
        assertThat(Measurements.noise(a, Zone.in(Region.LEFT_HALF))).isCloseTo(10, within(1.0));
        assertThat(Measurements.noise(a, Zone.in(Region.RIGHT_HALF))).isLessThan(0.2);
        assertThat(Measurements.noise(a, Zone.outside(Region.RIGHT_HALF))).isCloseTo(10, within(1.0));
        assertThat(Measurements.sharpness(a, Zone.in(Region.LEFT_HALF)))
                .isGreaterThan(100 * Math.max(1, Measurements.sharpness(a, Zone.in(Region.RIGHT_HALF))));
        assertThat(Measurements.noise(half)).isLessThan(0.2);
    }

    @Test
    void exposureIsReadInLinearLight() {
        Analysis grey = Analysis.of(Picture.solid(20, 20, new Color(188, 188, 188)));
        // sRGB 188 is about 0.5 in linear light
        assertThat(Measurements.meanLinearLuminance(grey, Zone.WHOLE)).isCloseTo(0.5, within(0.01));
    }

    @Test
    void largePicturesAreAnalysedOnBoundedPlanes() {
        Picture big = TestImages.scene(2400, 1200, 1);
        Analysis a = Analysis.of(big);
        assertThat(a.sampleWidth()).isEqualTo(Analysis.SAMPLE_SIDE);
        assertThat(a.sampleHeight()).isEqualTo(Analysis.SAMPLE_SIDE / 2);
        assertThat(a.fineWidth()).isLessThanOrEqualTo(Analysis.FINE_SIDE);
        assertThat(a.fineStep()).isEqualTo(3);
    }

    @Test
    void measurementsAreDeterministic() {
        Picture p = TestImages.scene(500, 400, 9);
        assertThat(Measurements.noise(p)).isEqualTo(Measurements.noise(p));
        assertThat(Measurements.sepianess(p)).isEqualTo(Measurements.sepianess(TestImages.scene(500, 400, 9)));
    }
}
