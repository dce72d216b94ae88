package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.OpenCv;
import dev.editloop.embedded.measure.Analysis;
import dev.editloop.embedded.measure.Measurements;
import dev.editloop.embedded.measure.Zone;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a colour word picks in real photos ({@link ColorAreas}): whole things of one material, lit and shaded alike,
 * by the colour people would call them, and the same areas for the editor and the judge.
 */
class ColorAreasTest {
    @BeforeAll
    static void load() {
        OpenCv.ensureLoaded();
    }

    private static Picture photo(String name) {
        var path = TestImages.shared(name);
        assumeTrue(path.isPresent(), "the shared photo " + name + " is absent (../shared/images)");
        return Images.read(path.get());
    }

    private static byte[] areas(Picture p, String color) {
        return ColorAreas.of(p.bgr(), p.width(), p.height(), NamedColor.of(color))
                .mask();
    }

    /** The share of a box's pixels in the mask. */
    private static double share(byte[] mask, int width, int x0, int y0, int x1, int y1) {
        int in = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n++;
                if (mask[y * width + x] != 0) {
                    in++;
                }
            }
        }
        return in / (double) n;
    }

    @Test
    void theRedSaucerIncludesItsLitSideThatAPixelRuleCallsOrangeAndNotTheWood() {
        Picture coffee = photo("coffee.png");
        byte[] red = areas(coffee, "red");
        // the saucer's lit right side: bright, saturated, hue 9–16°, which the editor's pixel rule calls orange
        byte[] px = coffee.bgr();
        int lit = 0;
        int litIn = 0;
        double[] hsv = new double[3];
        for (int p = 0; p < red.length; p++) {
            Hsv.of(px[3 * p + 2] & 0xff, px[3 * p + 1] & 0xff, px[3 * p] & 0xff, hsv);
            if (hsv[0] >= 9 && hsv[0] < 16 && hsv[1] >= 0.5 && hsv[2] >= 0.7) {
                lit++;
                if (red[p] != 0) {
                    litIn++;
                }
            }
        }
        assertThat(lit).isGreaterThan(2000);
        assertThat(litIn / (double) lit).isGreaterThan(0.6);
        // the wood at the top right, of the same hue family, is not red
        assertThat(share(red, coffee.width(), 470, 40, 590, 140)).isLessThan(0.02);
        // and "the brown" is the wood, not the saucer's lit side
        byte[] brown = areas(coffee, "brown");
        assertThat(share(brown, coffee.width(), 470, 40, 590, 140)).isGreaterThan(0.8);
        int litBrown = 0;
        for (int p = 0; p < red.length; p++) {
            if (red[p] != 0 && brown[p] != 0) {
                litBrown++;
            }
        }
        assertThat(litBrown).as("pixels both red and brown").isLessThan(red.length / 1000);
    }

    @Test
    void theSuitIsTheOrangeAndTheFlagsStripesTheRed() {
        Picture astronaut = photo("astronaut.png");
        int w = astronaut.width();
        byte[] orange = areas(astronaut, "orange");
        byte[] red = areas(astronaut, "red");
        // the suit, lit and where its colour (hue 15.6°) is red to a pixel rule
        assertThat(share(orange, w, 80, 330, 120, 370)).isGreaterThan(0.9);
        assertThat(share(orange, w, 330, 300, 345, 320)).isGreaterThan(0.8);
        assertThat(share(red, w, 80, 330, 120, 370)).isZero();
        assertThat(share(red, w, 330, 300, 345, 320)).isZero();
        // a red stripe of the flag
        assertThat(share(red, w, 0, 150, 40, 170)).isGreaterThan(0.3);
        assertThat(share(orange, w, 0, 150, 40, 170)).isZero();
        // her face is neither
        assertThat(share(orange, w, 200, 100, 260, 160)).isZero();
        assertThat(share(red, w, 200, 100, 260, 160)).isZero();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"make the red stripes blue", "change the red stripes of the flag to green"})
    void theRedStripesAreTheFlagsNotTheLargestRedThing(String instruction) {
        // stripes are a pattern of areas, and the flag cannot be found: the flag's red, not a thing found by colour
        // (the red-orange suit)
        Picture astronaut = photo("astronaut.png");
        int w = astronaut.width();
        Picture edited = new ClassicEditor()
                .edit(dev.editloop.core.EditCall.of(astronaut, instruction, 1))
                .image();
        byte[] before = astronaut.bgr();
        byte[] after = edited.bgr();
        byte[] changed = new byte[w * astronaut.height()];
        for (int i = 0; i < changed.length; i++) {
            int d = 0;
            for (int c = 0; c < 3; c++) {
                d = Math.max(d, Math.abs((before[3 * i + c] & 0xff) - (after[3 * i + c] & 0xff)));
            }
            changed[i] = (byte) (d > 24 ? 1 : 0);
        }
        assertThat(share(changed, w, 0, 150, 40, 170)).isGreaterThan(0.3); // a red stripe of the flag
        assertThat(share(changed, w, 80, 330, 120, 370)).isLessThan(0.02); // the suit, lit
        assertThat(share(changed, w, 330, 300, 345, 320)).isLessThan(0.02); // the suit, shaded
    }

    @Test
    void theDuskSkyIsBlueDownToItsDarkCorners() {
        Picture rocket = photo("rocket.jpg");
        byte[] blue = areas(rocket, "blue");
        // between the left towers and the rocket, near the top where the sky is darkest
        assertThat(share(blue, rocket.width(), 120, 5, 250, 60)).isGreaterThan(0.9);
        // the rocket's white body is not
        int x = rocket.width() / 2;
        assertThat(share(blue, rocket.width(), x - 4, 150, x + 4, 300)).isLessThan(0.2);
    }

    @Test
    void theSkySeenThroughALatticeTowerIsSkyAndItsGirdersAreNot() {
        Picture rocket = photo("rocket.jpg");
        byte[] blue = areas(rocket, "blue");
        byte[] px = rocket.bgr();
        int w = rocket.width();
        // the lower parts of the right and the right-middle towers, a lattice of girders with the dusk sky between, and
        // the sky low over the horizon beside the latter (a region rule took 0–40% of each)
        int[][] towers = {{580, 250, 630, 330}, {440, 290, 470, 350}, {400, 360, 470, 395}};
        for (int[] box : towers) {
            assertThat(share(blue, w, box[0], box[1], box[2], box[3]))
                    .as("sky between the girders of the tower at %d,%d", box[0], box[1])
                    .isGreaterThan(0.6);
            // the girders: pixels far (over 60 levels in a channel) from the mean of the sky taken in the box
            double[] sky = new double[3];
            int taken = 0;
            for (int y = box[1]; y < box[3]; y++) {
                for (int x = box[0]; x < box[2]; x++) {
                    if (blue[y * w + x] != 0) {
                        for (int c = 0; c < 3; c++) {
                            sky[c] += px[3 * (y * w + x) + c] & 0xff;
                        }
                        taken++;
                    }
                }
            }
            int girders = 0;
            int girdersIn = 0;
            for (int y = box[1]; y < box[3]; y++) {
                for (int x = box[0]; x < box[2]; x++) {
                    double far = 0;
                    for (int c = 0; c < 3; c++) {
                        far = Math.max(far, Math.abs((px[3 * (y * w + x) + c] & 0xff) - sky[c] / taken));
                    }
                    if (far > 60) {
                        girders++;
                        girdersIn += blue[y * w + x] != 0 ? 1 : 0;
                    }
                }
            }
            assertThat(girdersIn)
                    .as("girders taken for sky in the tower at %d,%d (of %d)", box[0], box[1], girders)
                    .isLessThanOrEqualTo(girders / 10);
        }
    }

    @Test
    void theSkyIsTheAreasReachingTheTopEdgeAcrossThinGirdersAndNotABlueCarBelow() {
        int w = 100;
        int h = 80;
        byte[] mask = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean sky = y < 50;
                boolean girder = x >= 60 && x < 90 && y >= 10 && (x % 10 == 0 || y % 10 == 0);
                boolean car = x >= 10 && x < 40 && y >= 60 && y < 75;
                if ((sky && !girder) || car) {
                    mask[y * w + x] = (byte) 255;
                }
            }
        }
        int kept = ColorAreas.reachingTop(mask, w, h);
        // the gaps of the lattice (cut off from the open sky by one-pixel girders) are kept
        assertThat(share(mask, w, 61, 21, 69, 29)).isEqualTo(1.0);
        assertThat(share(mask, w, 81, 41, 89, 49)).isEqualTo(1.0);
        // the car below is not the sky
        assertThat(share(mask, w, 10, 60, 40, 75)).isZero();
        assertThat(kept).isLessThan(50 * w);
    }

    @Test
    void aDuskSkyTurnedPurpleHasLostItsBlueWhileANudgeOfItsHueHasNot() {
        Picture rocket = photo("rocket.jpg");
        NamedColor blue = NamedColor.of("blue");
        Analysis source = Analysis.of(rocket);
        // the editor's recolour to purple: the darkest purples lie within blue's margin, but they are nearest purple
        ClassicOperations.Outcome purple =
                ClassicOperations.run(rocket, new Action.Recolor(blue, NamedColor.of("purple")), 1);
        assertThat(purple.applied()).isTrue();
        assertThat(Measurements.colorAreaLoss(source, Analysis.of(purple.image()), Zone.WHOLE, blue))
                .isGreaterThan(0.75);
        // every pixel a few levels redder: still the same blue sky
        byte[] px = rocket.bgr();
        for (int i = 2; i < px.length; i += 3) {
            px[i] = (byte) Math.min(255, (px[i] & 0xff) + 8);
        }
        Picture nudged = Picture.ofBgr(rocket.width(), rocket.height(), px);
        assertThat(Measurements.colorAreaLoss(source, Analysis.of(nudged), Zone.WHOLE, blue))
                .isLessThan(0.1);
    }

    @Test
    void theJudgeReadsTheSameAreasItsLossOnTheEdit() {
        Picture astronaut = photo("astronaut.png");
        NamedColor orange = NamedColor.of("orange");
        Analysis source = Analysis.of(astronaut);
        assertThat(Measurements.colorAreaShare(source, Zone.WHOLE, orange)).isBetween(0.15, 0.4);
        // nothing changed: nothing lost
        assertThat(Measurements.colorAreaLoss(source, source, Zone.WHOLE, orange))
                .isZero();
        // the editor's recolour of the orange: the judge finds nearly all of it gone
        ClassicOperations.Outcome outcome =
                ClassicOperations.run(astronaut, new Action.Recolor(orange, NamedColor.of("blue")), 1);
        assertThat(outcome.applied()).isTrue();
        assertThat(Measurements.colorAreaLoss(source, Analysis.of(outcome.image()), Zone.WHOLE, orange))
                .isGreaterThan(0.9);
        // a colour the photo does not show has no areas
        assertThat(Measurements.colorAreaShare(source, Zone.WHOLE, NamedColor.of("green")))
                .isLessThan(0.005);
    }
}
