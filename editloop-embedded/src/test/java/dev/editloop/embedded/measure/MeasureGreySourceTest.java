package dev.editloop.embedded.measure;

import static dev.editloop.embedded.measure.MeasurementsTest.draw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action.Filter;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.fixtures.MiniEditor;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;

/** Relative color readings on a (nearly) grey source, where a ratio has no base. */
class MeasureGreySourceTest {
    /** A grey photo-like scene: the test scene through a full black and white filter. */
    private static final Picture GREY = MiniEditor.filter(TestImages.scene(480, 360, 11), Filter.GRAYSCALE, 100);

    @Test
    void theGreySceneIsGrey() {
        assertThat(Measurements.meanChroma(Analysis.of(GREY), Zone.WHOLE)).isLessThan(Comparison.GREY_CHROMA);
    }

    @Test
    void anUnchangedGreySourceReadsNoSaturationChange() {
        Comparison c = Comparison.of(GREY, GREY);
        assertThat(c.saturationChange(Zone.WHOLE)).isCloseTo(0, within(1e-9));
        assertThat(c.desaturation(Zone.WHOLE)).isCloseTo(0, within(1e-9));
    }

    @Test
    void greyEditsOfAGreySourceReadNoSaturationChange() {
        for (Picture edited : new Picture[] {
            MiniEditor.adjust(GREY, Tone.SATURATION, -60),
            MiniEditor.filter(GREY, Filter.GRAYSCALE, 100),
            MiniEditor.adjust(GREY, Tone.BRIGHTNESS, 20),
            MiniEditor.adjust(GREY, Tone.CONTRAST, 30)
        }) {
            assertThat(Comparison.of(GREY, edited).saturationChange(Zone.WHOLE))
                    .as("no ±100%% from a ratio of two near-zero chromas")
                    .isCloseTo(0, within(0.05));
        }
    }

    @Test
    void aCastOnAGreySourceReadsAsBoundedAddedChroma() {
        // a blue cast of about 20 levels of chroma: a ratio would read thousands of percent
        Picture cast = MiniEditor.map(GREY, (rgb, x, y) -> {
            rgb[0] -= 10;
            rgb[2] += 10;
        });
        double added = Measurements.meanChroma(Analysis.of(cast), Zone.WHOLE)
                - Measurements.meanChroma(Analysis.of(GREY), Zone.WHOLE);
        double reading = Comparison.of(GREY, cast).saturationChange(Zone.WHOLE);
        assertThat(reading).isCloseTo(added / Comparison.GREY_CHROMA, within(0.05));
        assertThat(reading).isPositive().isLessThanOrEqualTo(Comparison.GREY_SATURATION_LIMIT);

        Picture garish = MiniEditor.map(GREY, (rgb, x, y) -> {
            rgb[0] = 255;
            rgb[2] = 0;
        });
        assertThat(Comparison.of(GREY, garish).saturationChange(Zone.WHOLE))
                .isEqualTo(Comparison.GREY_SATURATION_LIMIT);
    }

    @Test
    void aNearlyGreySourceReadsContinuouslyWithTheRatioAtTheFloor() {
        // a faint tint just under the floor: the reading is the chroma added over the floor, not over the faint tint
        Picture faint = draw(200, 150, (x, y) -> {
            int v = 40 + (x + y) % 150;
            return (Math.min(255, v + 4) << 16) | (v << 8) | v;
        });
        assertThat(Measurements.meanChroma(Analysis.of(faint), Zone.WHOLE)).isLessThan(Comparison.GREY_CHROMA);
        Picture doubled = MiniEditor.map(faint, (rgb, x, y) -> rgb[0] += 4);
        double reading = Comparison.of(faint, doubled).saturationChange(Zone.WHOLE);
        assertThat(reading).isCloseTo(4 / Comparison.GREY_CHROMA, within(0.05));
    }

    @Test
    void colorSourcesKeepTheRelativeReading() {
        Picture scene = TestImages.scene(480, 360, 11);
        Comparison c = Comparison.of(scene, MiniEditor.adjust(scene, Tone.SATURATION, -40));
        assertThat(c.saturationChange(Zone.WHOLE)).isCloseTo(-0.40, within(0.03));
    }
}
