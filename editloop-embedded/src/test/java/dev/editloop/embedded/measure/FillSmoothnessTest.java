package dev.editloop.embedded.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.image.Picture;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A fill is a smear when it is smoother than the ground around it, not when it is smoother than the thing it took
 * away: a lettered badge removed from a grainy ground leaves a fill exactly as grainy as that ground, which is what a
 * good removal looks like; a flat patch there is still a smear.
 */
class FillSmoothnessTest {
    private static final int W = 200;
    private static final int H = 150;

    private static boolean inside(int x, int y) {
        return (x - 100) * (x - 100) + (y - 75) * (y - 75) <= 18 * 18;
    }

    /** A grainy grey ground (seeded), with a disc painted by {@code disc} (x, y → luma) or the ground's grain. */
    private static Picture picture(long seed, java.util.function.IntBinaryOperator disc) {
        Random random = new Random(seed);
        Random grain = new Random(seed + 1);
        byte[] px = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int ground = 128 + random.nextInt(25) - 12;
                int inGround = 128 + grain.nextInt(25) - 12;
                int v = inside(x, y) ? (disc == null ? inGround : disc.applyAsInt(x, y)) : ground;
                int i = 3 * (y * W + x);
                px[i] = px[i + 1] = px[i + 2] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return Picture.ofBgr(W, H, px);
    }

    @Test
    void aFillAsGrainyAsItsGroundIsNoSmearThoughTheThingWasBusier() {
        // the thing taken away: a fine black-and-white check, far busier than the ground
        Picture source = picture(3, (x, y) -> ((x / 2 + y / 2) % 2 == 0) ? 30 : 230);
        Picture filled = picture(3, null);
        FillTexture.Reading reading = FillTexture.of(Comparison.of(source, filled));
        assertThat(reading.applies()).isTrue();
        assertThat(reading.noiseRatio())
                .as("against the busy thing it replaced")
                .isLessThan(0.6);
        assertThat(reading.smoothness()).as("against its ground").isGreaterThan(0.8);
        assertThat(reading.removalPenalty()).as(reading.removalDefect()).isLessThan(1);
    }

    @Test
    void aFlatPatchOnAGrainyGroundIsStillASmear() {
        Picture source = picture(3, (x, y) -> ((x / 2 + y / 2) % 2 == 0) ? 30 : 230);
        Picture flat = picture(3, (x, y) -> 128);
        FillTexture.Reading reading = FillTexture.of(Comparison.of(source, flat));
        assertThat(reading.smoothness()).isLessThan(0.4);
        assertThat(reading.removalPenalty()).isGreaterThanOrEqualTo(3);
        assertThat(reading.removalDefect()).startsWith("a flat smear");
    }
}
