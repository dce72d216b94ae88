package dev.editloop.embedded.heuristic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.core.loop.LoopEngine;
import dev.editloop.core.loop.LoopRequest;
import dev.editloop.core.loop.LoopResult;
import dev.editloop.core.loop.StopReason;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.classic.InstructionParser;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;

/**
 * A red cup standing on a red saucer of the same glaze is one area of red: the classic editor finds a thing by its
 * colour, so "make the red saucer blue" recolours the cup too. The critic must not claim that as the saucer made blue:
 * the run ends FAILED and says why, while a request that names both ("the red cup and saucer") and a plate standing
 * alone are still carried out and accepted.
 */
class StackedThingHonestyTest {
    private static final LoopEngine ENGINE =
            new LoopEngine(new ClassicEditor(), new HeuristicThinker(InstructionParser::parse));

    private static final int W = 480;
    private static final int H = 360;

    /**
     * A grey table, a wide flat red saucer seen at an angle, and, when {@code cup}, a red cup standing in it: its
     * body a little darker than the saucer, its white inside open from above, a darker seam where its base meets the
     * saucer.
     */
    private static Picture table(boolean cup) {
        byte[] bgr = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int[] c = {115 + y / 12, 120 + y / 12, 125 + y / 12}; // B, G, R
                double light = 1 - 0.25 * y / H; // lit from the top
                if (inside(x, y, 240, 230, 200, 110)) {
                    c = new int[] {(int) (30 * light), (int) (32 * light), (int) (185 * light)};
                }
                if (cup) {
                    boolean body = (x >= 155 && x <= 325 && y >= 150 && y <= 230) || inside(x, y, 240, 230, 85, 30);
                    if (body) {
                        c = new int[] {28, 30, 160};
                    }
                    double r = radius(x, y, 240, 230, 85, 30);
                    if (y > 230 && Math.abs(r - 1) < 0.07) {
                        c = new int[] {18, 18, 70}; // the seam at the cup's base
                    }
                    if (inside(x, y, 240, 150, 85, 55)) {
                        c = new int[] {232, 236, 240};
                    }
                    if (inside(x, y, 240, 162, 62, 36)) {
                        c = new int[] {40, 58, 88}; // the coffee, dark brown
                    }
                }
                int i = 3 * (y * W + x);
                bgr[i] = (byte) c[0];
                bgr[i + 1] = (byte) c[1];
                bgr[i + 2] = (byte) c[2];
            }
        }
        return Picture.ofBgr(W, H, bgr);
    }

    private static double radius(int x, int y, double cx, double cy, double a, double b) {
        double u = (x - cx) / a;
        double v = (y - cy) / b;
        return Math.sqrt(u * u + v * v);
    }

    private static boolean inside(int x, int y, double cx, double cy, double a, double b) {
        return radius(x, y, cx, cy, a, b) <= 1;
    }

    private static Picture coffee() {
        var path = TestImages.shared("coffee.png");
        assumeTrue(path.isPresent(), "the shared photo coffee.png is absent (../shared/images)");
        return Images.read(path.get());
    }

    private static void refused(LoopResult result, String name) {
        assertThat(result.stopReason()).isEqualTo(StopReason.VERDICT_FAILED);
        var critique = result.turns().get(0).critique();
        assertThat(critique.semantic()).as(critique.reasoning()).isLessThan(8);
        assertThat(critique.reasoning())
                .contains("the red area is two things of one colour")
                .contains("the red " + name + " cannot be told from the other to be edited alone");
    }

    @Test
    void oneOfTwoThingsOfOneColourIsRefusedNotClaimed() {
        Picture source = table(true);
        refused(ENGINE.run(LoopRequest.of(source, "make the red saucer blue")), "saucer");
        refused(ENGINE.run(LoopRequest.of(source, "could you make the cup green instead of red?")), "cup");
    }

    @Test
    void bothThingsNamedOrAPlateAloneAreStillDone() {
        LoopResult both = ENGINE.run(LoopRequest.of(table(true), "turn the red cup and saucer blue"));
        assertThat(both.stopReason()).isEqualTo(StopReason.THRESHOLD);

        LoopResult plate = ENGINE.run(LoopRequest.of(table(false), "make the red plate blue"));
        assertThat(plate.stopReason()).isEqualTo(StopReason.THRESHOLD);
    }

    @Test
    void onTheCoffeePhotoTheSaucerOrTheCupAloneIsRefused() {
        Picture coffee = coffee();
        refused(ENGINE.run(LoopRequest.of(coffee, "make the red saucer blue")), "saucer");
        refused(ENGINE.run(LoopRequest.of(coffee, "recolour the red saucer purple")), "saucer");
        refused(ENGINE.run(LoopRequest.of(coffee, "could you make the red cup green instead?")), "cup");
        refused(ENGINE.run(LoopRequest.of(coffee, "could you make the saucer blue instead of red?")), "saucer");

        LoopResult both = ENGINE.run(LoopRequest.of(coffee, "turn the red cup and saucer green"));
        assertThat(both.stopReason()).isEqualTo(StopReason.THRESHOLD);
    }
}
