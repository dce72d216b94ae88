package dev.editloop.embedded.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.NamedColor;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.fixtures.MiniEditor;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** Prints how long the full measurement pass takes on a 1024×1024 pair; timings are reported, not asserted. */
class MeasureTimingTest {
    @Test
    void fullPassOnA1024Pair() {
        Picture source = TestImages.scene(1024, 1024, 1);
        Picture edited = MiniEditor.grain(MiniEditor.vignette(source, 40), 20, 2);
        double sink = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            sink += pass(source, edited);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("measurement pass on 1024x1024 pair: best %.1f ms%n", best / 1e6);
        assertThat(sink).isFinite();
    }

    static double pass(Picture source, Picture edited) {
        Comparison c = Comparison.of(source, edited);
        Analysis e = c.edited();
        Analysis s = c.source();
        double sum = 0;
        for (Analysis a : new Analysis[] {s, e}) {
            sum += Measurements.meanLuma(a, Zone.WHOLE) + Measurements.lumaContrast(a, Zone.WHOLE);
            sum += Measurements.meanSaturation(a, Zone.WHOLE) + Measurements.colorfulness(a, Zone.WHOLE);
            sum += Measurements.warmth(a, Zone.WHOLE) + Measurements.sepianess(a, Zone.WHOLE);
            sum += Measurements.noise(a, Zone.WHOLE) + Measurements.vignette(a);
            sum += Measurements.sharpness(a, Zone.WHOLE) + Measurements.edgeDensity(a, Zone.WHOLE);
            sum += Measurements.clipping(a, Zone.WHOLE) + Measurements.blockiness(a, Zone.WHOLE);
            sum += Measurements.levels(a, Zone.WHOLE) + Measurements.detail(a, Zone.WHOLE);
            sum += Measurements.colorFraction(a, Zone.WHOLE, NamedColor.of("red"));
        }
        sum += c.ssim(Zone.WHOLE) + c.ssim(Zone.outside(Region.TOP_THIRD)) + c.structure(Zone.WHOLE);
        sum += c.brightnessChange(Zone.WHOLE) + c.contrastChange(Zone.WHOLE) + c.saturationChange(Zone.WHOLE);
        sum += c.warmthChange(Zone.WHOLE) + c.hueShift(Zone.WHOLE) + c.sepiaShift(Zone.WHOLE);
        sum += c.addedNoise(Zone.WHOLE) + c.vignetteChange() + c.blurSigma(Zone.WHOLE);
        sum += c.tint(NamedColor.of("blue"), Zone.WHOLE) + c.changes(12).fraction();
        return sum;
    }
}
