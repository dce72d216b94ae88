package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.Action;
import dev.editloop.embedded.classic.Action.Tone;
import dev.editloop.embedded.classic.ClassicOperations;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.embedded.classic.Region;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.testkit.TestImages;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A keep-clause that names a part of the image ("but leave the upper third alone", "except the sky") restricts the
 * request to the rest of the image instead of capping it; a step that cannot be confined keeps the clause named.
 */
class KeepClauseTest {
    private static final KnowledgeBase KB = KnowledgeBase.standard();

    private static Intent read(String text) {
        return Intent.read(text, InstructionParser::parse, KB);
    }

    private static Region regionOf(Action action) {
        return switch (action) {
            case Action.Adjust a -> a.region();
            case Action.ColorFilter a -> a.region();
            case Action.Tint a -> a.region();
            case Action.Stylize a -> a.region();
            case Action.Apply a -> a.region();
            default -> null;
        };
    }

    @Test
    void aConceptIsDoneOnTheRestOfTheImage() {
        Picture photo = TestImages.cat();
        Intent intent = read("make it foggy, but leave the upper third alone");
        assertThat(intent.blocked()).isEmpty();
        List<Action> plan = intent.plan(Analysis.of(photo));
        assertThat(plan).isNotEmpty();
        assertThat(plan).allSatisfy(a -> assertThat(regionOf(a)).isEqualTo(Region.BOTTOM_TWO_THIRDS));
        // on the pixels: the upper third is bit for bit the source (beyond the feathered border), the rest is foggy
        Picture edited = photo;
        for (Action action : plan) {
            edited = ClassicOperations.apply(edited, action, 7);
        }
        int w = photo.width();
        int h = photo.height();
        byte[] before = photo.bgr();
        byte[] after = edited.bgr();
        int keptRows = h / 3 - h / 30;
        for (int i = 0; i < keptRows * w * 3; i++) {
            assertThat(after[i]).isEqualTo(before[i]);
        }
        assertThat(std(after, w, h, 2 * h / 3, h)).isLessThan(std(before, w, h, 2 * h / 3, h) * 0.8);
    }

    @Test
    void aToneMoveIsDoneOutsideTheNamedPart() {
        Intent intent = read("a bit warmer, except the sky");
        assertThat(intent.blocked()).isEmpty();
        assertThat(intent.concrete()).containsExactly(new Action.Adjust(Tone.WARMTH, 10, Region.BOTTOM_TWO_THIRDS));
        assertThat(read("cooler except for the sky").concrete())
                .containsExactly(new Action.Adjust(Tone.WARMTH, -25, Region.BOTTOM_TWO_THIRDS));
        assertThat(read("brighten it but keep the right half as it is").concrete())
                .containsExactly(new Action.Adjust(Tone.BRIGHTNESS, 25, Region.LEFT_HALF));
        assertThat(read("cooler, but leave the bottom third untouched").concrete())
                .containsExactly(new Action.Adjust(Tone.WARMTH, -25, Region.TOP_TWO_THIRDS));
    }

    @Test
    void whatCannotBeConfinedStaysNamed() {
        // a rotation turns the whole picture: keeping a part of it cannot be done, and the reading says so
        assertThat(read("rotate it 90 degrees but keep the top half as it is").blocked())
                .isNotEmpty();
        // a part with no region of its own (the center, a face) is not guessed
        assertThat(read("make it warmer but leave the middle alone").blocked()).isNotEmpty();
    }

    private static double std(byte[] bgr, int w, int h, int fromRow, int toRow) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                double luma = 0.114 * (bgr[i] & 0xff) + 0.587 * (bgr[i + 1] & 0xff) + 0.299 * (bgr[i + 2] & 0xff);
                sum += luma;
                sq += luma * luma;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }
}
