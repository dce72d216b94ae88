package dev.editloop.embedded.measure;

import static dev.editloop.embedded.measure.MeasurementsTest.draw;
import static dev.editloop.embedded.measure.MeasurementsTest.grey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.classic.ClassicOperations;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.fixtures.MiniEditor;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeasureComparisonTest {
    private static final Picture SCENE = TestImages.scene(480, 360, 11);

    private static Comparison compare(Picture edited) {
        return Comparison.of(SCENE, edited);
    }

    @Test
    void identicalImagesCompareAsUnchanged() {
        Comparison c = compare(SCENE);
        assertThat(c.ssim(Zone.WHOLE)).isCloseTo(1, within(1e-9));
        assertThat(c.structure(Zone.WHOLE)).isCloseTo(1, within(1e-9));
        assertThat(c.changes(8).fraction()).isZero();
        assertThat(c.changes(8).bounds(480, 360)).isNull();
        assertThat(c.brightnessChange(Zone.WHOLE)).isZero();
        assertThat(c.addedNoise(Zone.WHOLE)).isZero();
        assertThat(c.blurSigma(Zone.WHOLE)).isZero();
        assertThat(c.vignetteChange()).isCloseTo(0, within(1e-12));
        assertThat(c.hueShift(Zone.WHOLE)).isZero();
        assertThat(c.inversion(Zone.WHOLE)).isCloseTo(0, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-40, -15, 10, 30})
    void brightnessReadsTheEditorsPercent(double percent) {
        Comparison c = compare(MiniEditor.adjust(SCENE, Tone.BRIGHTNESS, percent));
        assertThat(c.brightnessChange(Zone.WHOLE)).isCloseTo(percent / 100, within(0.01));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-40, -15, 20})
    void contrastReadsTheEditorsPercent(double percent) {
        Comparison c = compare(MiniEditor.adjust(SCENE, Tone.CONTRAST, percent));
        assertThat(c.contrastChange(Zone.WHOLE)).isCloseTo(percent / 100, within(0.02));
        assertThat(c.structure(Zone.WHOLE)).isGreaterThan(0.97);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-30, 25})
    void contrastAfterANegativeReadsTheContrastAdded(double percent) {
        // "invert it, then more contrast": the tone scale is mirrored, its spread is what changed
        Picture negative = MiniEditor.filter(SCENE, Filter.INVERT, 100);
        Comparison c = compare(MiniEditor.adjust(negative, Tone.CONTRAST, percent));
        assertThat(c.contrastChange(Zone.WHOLE)).isCloseTo(percent / 100, within(0.03));
        assertThat(Comparison.of(SCENE, negative).contrastChange(Zone.WHOLE)).isCloseTo(0, within(0.03));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-60, -25, 20})
    void saturationReadsTheEditorsPercent(double percent) {
        Comparison c = compare(MiniEditor.adjust(SCENE, Tone.SATURATION, percent));
        assertThat(c.saturationChange(Zone.WHOLE)).isCloseTo(percent / 100, within(0.03));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-50, 20, 40})
    void warmthReadsTheEditorsPercent(double percent) {
        Comparison c = compare(MiniEditor.adjust(SCENE, Tone.WARMTH, percent));
        assertThat(c.warmthChange(Zone.WHOLE)).isCloseTo(percent / 100, within(0.04));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-60, 25, 90})
    void hueShiftReadsDegrees(double degrees) {
        Comparison c = compare(MiniEditor.adjust(SCENE, Tone.HUE, degrees));
        assertThat(c.hueShift(Zone.WHOLE)).isCloseTo(degrees, within(3.0));
    }

    @Test
    void exposureReadsStops() {
        Comparison c = compare(MiniEditor.adjust(SCENE, Tone.EXPOSURE, -1));
        assertThat(c.exposureChange(Zone.WHOLE)).isCloseTo(-1, within(0.1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {30, 70, 100})
    void desaturationReadsBlackAndWhiteStrength(double strength) {
        Comparison c = compare(MiniEditor.filter(SCENE, Filter.GRAYSCALE, strength));
        assertThat(c.desaturation(Zone.WHOLE)).isCloseTo(strength / 100, within(0.03));
    }

    @ParameterizedTest
    @ValueSource(doubles = {30, 60, 100})
    void sepiaShiftReadsTheBlendStrength(double strength) {
        double shift = compare(MiniEditor.filter(SCENE, Filter.SEPIA, strength)).sepiaShift(Zone.WHOLE);
        assertThat(shift).isCloseTo(strength / 100, within(0.05));
    }

    @Test
    void sepiaShiftIgnoresLaterToneChangesAndOtherEdits() {
        Picture sepia = MiniEditor.filter(SCENE, Filter.SEPIA, 60);
        Picture thenFlatter = MiniEditor.adjust(MiniEditor.adjust(sepia, Tone.CONTRAST, -25), Tone.SATURATION, 30);
        assertThat(compare(thenFlatter).sepiaShift(Zone.WHOLE)).isCloseTo(0.6, within(0.08));
        assertThat(compare(MiniEditor.adjust(SCENE, Tone.CONTRAST, 20)).sepiaShift(Zone.WHOLE))
                .isCloseTo(0, within(0.05));
        assertThat(compare(MiniEditor.filter(SCENE, Filter.GRAYSCALE, 100)).sepiaShift(Zone.WHOLE))
                .isCloseTo(0, within(0.05));
    }

    @ParameterizedTest
    @ValueSource(doubles = {40, 100})
    void inversionReadsStrength(double strength) {
        Comparison c = compare(MiniEditor.filter(SCENE, Filter.INVERT, strength));
        assertThat(c.inversion(Zone.WHOLE)).isCloseTo(strength / 100, within(0.03));
    }

    @ParameterizedTest
    @ValueSource(strings = {"blue", "orange", "magenta"})
    void tintReadsTheEditorsPercent(String color) {
        NamedColor c = NamedColor.of(color);
        Comparison comparison = compare(MiniEditor.tint(SCENE, c, 40));
        assertThat(comparison.tint(c, Zone.WHOLE)).isCloseTo(0.40, within(0.03));
    }

    @ParameterizedTest
    @ValueSource(doubles = {2, 4, 8})
    void blurSigmaIsRecovered(double sigma) {
        Picture big = TestImages.scene(960, 720, 4);
        Comparison c = Comparison.of(big, MiniEditor.blur(big, sigma));
        assertThat(c.blurSigma(Zone.WHOLE)).isCloseTo(sigma, within(sigma * 0.3));
        assertThat(c.sharpnessChange(Zone.WHOLE)).isNegative();
    }

    @Test
    void blurSigmaIgnoresToneChanges() {
        Comparison c = compare(MiniEditor.adjust(SCENE, Tone.CONTRAST, -30));
        assertThat(c.blurSigma(Zone.WHOLE)).isLessThan(0.3);
    }

    @ParameterizedTest
    @ValueSource(doubles = {20, 50})
    void addedNoiseReadsGrain(double strength) {
        Picture flat = Picture.solid(400, 300, new java.awt.Color(120, 130, 140));
        Comparison c = Comparison.of(flat, MiniEditor.grain(flat, strength, 1));
        assertThat(c.addedNoise(Zone.WHOLE)).isCloseTo(strength / 100 * 30, within(strength / 100 * 30 * 0.12));
    }

    @Test
    void vignetteChangeReadsCornerDarkening() {
        double weak = compare(MiniEditor.vignette(SCENE, 20)).vignetteChange();
        double strong = compare(MiniEditor.vignette(SCENE, 60)).vignetteChange();
        assertThat(weak).isBetween(0.1, 0.25);
        assertThat(strong).isBetween(0.35, 0.65);
        assertThat(compare(MiniEditor.adjust(SCENE, Tone.BRIGHTNESS, -30)).vignetteChange())
                .isCloseTo(0, within(0.02));
    }

    @Test
    void aVignetteIsReadApartFromTheToneChangeAroundIt() {
        // the cameraman: bright sky in the corners, a dark coat in the middle; a contrast stretch brightens the corners
        // against the center, which the plain corner-to-center ratio read as a vignette taken away
        Picture camera = TestImages.sharedPicture("camera.png").orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(camera != null, "the shared photo camera.png is absent");
        Picture stretched = MiniEditor.adjust(camera, Tone.CONTRAST, 30);
        Picture both = MiniEditor.vignette(stretched, 25);
        assertThat(Comparison.of(camera, stretched).vignetteChange()).isCloseTo(0, within(0.03));
        assertThat(Comparison.of(camera, both).vignetteChange()).isBetween(0.15, 0.3);
        assertThat(Comparison.of(camera, MiniEditor.adjust(camera, Tone.BRIGHTNESS, 20))
                        .vignetteChange())
                .isCloseTo(0, within(0.03));
    }

    @Test
    void aDetailEnhancementOnDarkCornersIsNotAnUnaskedVignette() {
        // the rocket at dusk: dark towers in the corners, the lit rocket in the middle. "enhance the details, then
        // sharpen" steepens the center's tone fit a little (local contrast), and that fit carried to the dark corners
        // read as a vignette of 13% where the corners' mean moved a level
        Picture rocket = TestImages.sharedPicture("rocket.jpg").orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(rocket != null, "the shared photo rocket.jpg is absent");
        Picture detailed = ClassicOperations.apply(
                ClassicOperations.apply(rocket, new Action.Stylize(Action.Style.HDR, 25, Region.WHOLE), 1),
                new Action.Stylize(Action.Style.SHARPEN, 25, Region.WHOLE),
                1);
        Comparison local = Comparison.of(rocket, detailed);
        assertThat(Math.abs(local.vignetteSideEffect())).isLessThan(0.05);
        // a vignette alone reads as one, and so does a vignette laid over the same edit (at what the toned reading
        // gives
        // it: the detail's fit takes about 12 points off, as it did before)
        assertThat(Comparison.of(rocket, MiniEditor.vignette(detailed, 50)).vignetteSideEffect())
                .isGreaterThan(0.15);
        assertThat(Comparison.of(rocket, MiniEditor.vignette(rocket, 30)).vignetteSideEffect())
                .isGreaterThan(0.15);
    }

    @Test
    void localEditIsSeenInsideItsRegionOnly() {
        Picture edited = MiniEditor.apply(SCENE, new Action.Adjust(Tone.BRIGHTNESS, -50, Region.LEFT_HALF));
        Comparison c = compare(edited);
        assertThat(c.ssim(Zone.outside(Region.LEFT_HALF))).isCloseTo(1, within(1e-6));
        assertThat(c.ssim(Zone.in(Region.LEFT_HALF))).isLessThan(0.95);
        assertThat(c.brightnessChange(Zone.in(Region.LEFT_HALF))).isCloseTo(-0.5, within(0.01));
        assertThat(c.changes(8).fraction(Zone.outside(Region.LEFT_HALF))).isZero();
        assertThat(c.changes(8).fraction(Zone.in(Region.LEFT_HALF))).isGreaterThan(0.95);
        assertThat(Measurements.ssimOutside(SCENE, edited, Region.LEFT_HALF)).isCloseTo(1, within(1e-6));
        assertThat(Measurements.ssim(SCENE, edited, Region.LEFT_HALF)).isLessThan(0.95);
    }

    @Test
    void changedMaskBoundsTheEditedRectangle() {
        Picture base = Picture.solid(400, 200, java.awt.Color.GRAY);
        Picture edited = draw(400, 200, (x, y) -> x >= 100 && x < 200 && y >= 50 && y < 150 ? grey(250) : grey(128));
        ChangeMask mask = Measurements.changedPixels(base, edited, 10);
        int[] box = mask.bounds(400, 200);
        assertThat(box[0]).isCloseTo(100, within(3));
        assertThat(box[1]).isCloseTo(50, within(3));
        assertThat(box[2]).isCloseTo(100, within(4));
        assertThat(box[3]).isCloseTo(100, within(4));
        assertThat(mask.fraction()).isCloseTo(0.125, within(0.01));
    }

    @Test
    void noiseLowersSsimButToneEditsKeepStructure() {
        Comparison noisy = compare(MiniEditor.grain(SCENE, 60, 3));
        assertThat(noisy.ssim(Zone.WHOLE)).isLessThan(0.6);
        Comparison dark = compare(MiniEditor.adjust(SCENE, Tone.BRIGHTNESS, -40));
        assertThat(dark.structure(Zone.WHOLE)).isGreaterThan(0.98);
    }

    @Test
    void similarityToAPredictionTellsTheRightGeometryFromTheWrongOne() {
        org.opencv.core.Mat rotated = new org.opencv.core.Mat();
        org.opencv.core.Core.rotate(
                dev.editloop.embedded.OpenCv.toMat(SCENE), rotated, org.opencv.core.Core.ROTATE_90_CLOCKWISE);
        Picture clockwise = dev.editloop.embedded.OpenCv.toPicture(rotated);
        Comparison c = Comparison.of(SCENE, clockwise);
        assertThat(c.similarityTo(Analysis.of(clockwise))).isCloseTo(1, within(1e-9));
        org.opencv.core.Mat other = new org.opencv.core.Mat();
        org.opencv.core.Core.rotate(
                dev.editloop.embedded.OpenCv.toMat(SCENE), other, org.opencv.core.Core.ROTATE_90_COUNTERCLOCKWISE);
        Picture counter = dev.editloop.embedded.OpenCv.toPicture(other);
        assertThat(c.similarityTo(Analysis.of(counter))).isLessThan(0.7);
        // luma correlation tells layouts apart even on flat synthetic pictures, and ignores tone
        assertThat(Comparison.of(clockwise, counter).correlation(Zone.WHOLE)).isLessThan(0.2);
        assertThat(Comparison.of(SCENE, MiniEditor.adjust(SCENE, Tone.CONTRAST, -40))
                        .correlation(Zone.WHOLE))
                .isGreaterThan(0.99);
    }

    @Test
    void editsOfAnotherSizeAreResampled() {
        Picture smaller = dev.editloop.embedded.OpenCv.toPicture(resized(SCENE, 240, 180));
        Comparison c = compare(smaller);
        assertThat(c.sameSize()).isFalse();
        assertThat(c.ssim(Zone.WHOLE)).isGreaterThan(0.8);
    }

    private static org.opencv.core.Mat resized(Picture p, int w, int h) {
        dev.editloop.embedded.OpenCv.ensureLoaded(); // run alone, this class loads OpenCV nowhere else
        org.opencv.core.Mat out = new org.opencv.core.Mat();
        org.opencv.imgproc.Imgproc.resize(
                dev.editloop.embedded.OpenCv.toMat(p), out, new org.opencv.core.Size(w, h), 0, 0, 3);
        return out;
    }
}
