package dev.editloop.embedded.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendRegistry;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The old background left beside a subject after its background was replaced: a pale strip of the wall along one side
 * of the subject, the new colour reached only past it, is background the edit did not replace. The judge sees it and
 * holds the edit below the threshold, whatever segmentation made it; a replacement that reaches the subject's
 * outline all round still passes.
 */
class LeftoverTest {
    private static final int W = 360;
    private static final int H = 240;
    private static final double RADIUS = 70;
    private static final String REQUEST = "replace the background with blue";

    /** A textured orange disc (a suit) on a plain pale wall with a little grain and a soft shading. */
    private static Picture subjectOnWall() {
        Random random = new Random(11);
        byte[] px = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = 3 * (y * W + x);
                if (distance(x, y) <= RADIUS) {
                    int n = random.nextInt(41) - 20;
                    px[i] = (byte) clamp(40 + n);
                    px[i + 1] = (byte) clamp(110 + n);
                    px[i + 2] = (byte) clamp(225 + n);
                } else {
                    int n = random.nextInt(5) - 2;
                    int shade = (int) Math.round(8.0 * y / H);
                    px[i] = (byte) clamp(228 - shade + n);
                    px[i + 1] = (byte) clamp(222 - shade + n);
                    px[i + 2] = (byte) clamp(218 - shade + n);
                }
            }
        }
        return Picture.ofBgr(W, H, px);
    }

    private static double distance(int x, int y) {
        double dx = x - W / 2.0;
        double dy = y - H / 2.0;
        return Math.sqrt(dx * dx + dy * dy);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /**
     * The background painted blue; over the upper half of the outline the blue begins only {@code band} pixels out
     * and fades in over as many again (a matte's feather drawn over the wall): the wall stays beside the disc there.
     */
    private static Picture blueBackground(Picture source, int band) {
        byte[] px = source.bgr().clone();
        int[] blue = {220, 80, 30};
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double t = distance(x, y) - RADIUS;
                if (t <= 0) {
                    continue;
                }
                double alpha = 1;
                if (y < H / 2.0 && band > 0) {
                    alpha = Math.max(0, Math.min(1, (t - band) / band));
                }
                int i = 3 * (y * W + x);
                for (int c = 0; c < 3; c++) {
                    px[i + c] = (byte) (int) Math.round(alpha * blue[c] + (1 - alpha) * (px[i + c] & 0xff));
                }
            }
        }
        return Picture.ofBgr(W, H, px);
    }

    @Test
    void aBandOfTheOldWallBesideTheSubjectIsMeasured() {
        Picture source = subjectOnWall();
        Leftover.Reading banded = Leftover.of(Comparison.of(source, blueBackground(source, 8)));
        assertThat(banded.length())
                .as("the band runs along the upper half of the disc's outline")
                .isGreaterThan(0.3);
        assertThat(banded.where()).contains("upper");
        Leftover.Reading clean = Leftover.of(Comparison.of(source, blueBackground(source, 0)));
        assertThat(clean.length()).as("the blue reaches the disc all round").isLessThan(0.02);
    }

    @Test
    void theJudgeDoesNotAcceptAReplacementThatLeftTheWallBesideTheSubject() {
        Thinker thinker = BackendRegistry.load().thinker("embedded");
        Picture source = subjectOnWall();
        Critique banded =
                thinker.critique(CritiqueCall.compare(source, blueBackground(source, 8), REQUEST, REQUEST, 1, 0));
        assertThat(banded.semantic()).as(banded.reasoning()).isLessThan(8);
        assertThat(banded.quality()).as(banded.reasoning()).isLessThan(8);
        assertThat(banded.reasoning())
                .contains("old background left beside the subject")
                .contains("a band of the old background stays beside the subject");
        Critique clean =
                thinker.critique(CritiqueCall.compare(source, blueBackground(source, 0), REQUEST, REQUEST, 1, 0));
        assertThat(clean.semantic()).as(clean.reasoning()).isGreaterThanOrEqualTo(8);
        assertThat(clean.quality()).as(clean.reasoning()).isGreaterThanOrEqualTo(8);
    }
}
