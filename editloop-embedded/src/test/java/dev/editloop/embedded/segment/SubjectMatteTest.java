package dev.editloop.embedded.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.classic.ClassicEditor;
import dev.editloop.embedded.measure.Comparison;
import dev.editloop.embedded.measure.Halo;
import dev.editloop.testkit.TestImages;
import org.junit.jupiter.api.Test;

/**
 * The background operations on real photos, measured on pixels: the subject's pixels stay as they were (the cameraman
 * standing at the left edge of the frame, whom the former segmentation painted white, the astronaut's face, the cup),
 * the background becomes the colour or is blurred, a blur draws no halo, and the judge, finding the subject on the
 * source by itself, marks an edit that also changed the subject. The matte itself on each photo: the parts a person sees
 * as the subject are inside it (the cat's fur out to the frame, the astronaut's neck ring, the launch
 * towers and the ground they stand on) and the backdrop is outside it (the blurred room behind the cat, the dusk sky
 * between the towers).
 */
class SubjectMatteTest {
    private final ClassicEditor editor = new ClassicEditor();

    private static Picture shared(String name) {
        var path = TestImages.shared(name);
        assumeTrue(path.isPresent(), "the shared photo " + name + " is absent (../shared/images)");
        return Images.read(path.get());
    }

    /** Mean absolute difference of the channels in a box. */
    private static double moved(Picture a, Picture b, int x0, int y0, int x1, int y1) {
        byte[] p = a.bgr();
        byte[] q = b.bgr();
        double sum = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = 3 * (y * a.width() + x);
                for (int c = 0; c < 3; c++) {
                    sum += Math.abs((p[i + c] & 0xff) - (q[i + c] & 0xff));
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static double mean(Picture a, int x0, int y0, int x1, int y1) {
        return moved(a, Picture.solid(a.width(), a.height(), java.awt.Color.BLACK), x0, y0, x1, y1);
    }

    private static SubjectMatte matte(String name) {
        return SubjectMatte.of(dev.editloop.embedded.OpenCv.toMat(shared(name)));
    }

    /** The share of a box's pixels on the subject (alpha at least one half). */
    private static double subject(SubjectMatte matte, int x0, int y0, int x1, int y1) {
        int n = 0;
        int on = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n++;
                if (matte.alpha()[y * matte.width() + x] >= 0.5f) {
                    on++;
                }
            }
        }
        return (double) on / n;
    }

    @Test
    void theCatsFurIsSubjectOutToTheFrameAndTheBlurredRoomIsBackground() {
        SubjectMatte cat = matte("chelsea.png");
        assertThat(cat.found()).isTrue();
        // the fur at the left edge and the white chin at the bottom, which the colour cut took for background
        assertThat(subject(cat, 5, 120, 60, 260)).as("fur at the left edge").isGreaterThan(0.9);
        assertThat(subject(cat, 200, 270, 260, 298)).as("the chin").isGreaterThan(0.9);
        // the out-of-focus room at the top right
        assertThat(subject(cat, 400, 20, 445, 110)).as("the blurred room").isLessThan(0.05);
        assertThat(cat.subjectShare()).isBetween(0.6, 0.85);
    }

    @Test
    void theSkyBetweenTheLaunchTowersIsBackgroundAndTheGroundIsSubject() {
        SubjectMatte rocket = matte("rocket.jpg");
        // a block of dusk sky left of the rocket, which the colour cut kept, and the sky at the top
        assertThat(subject(rocket, 220, 100, 280, 250))
                .as("sky between the towers")
                .isLessThan(0.02);
        assertThat(subject(rocket, 100, 20, 160, 80)).as("sky at the top").isLessThan(0.02);
        // the rocket and the ground in both bottom corners
        assertThat(subject(rocket, 310, 200, 325, 300)).as("the rocket").isGreaterThan(0.95);
        assertThat(subject(rocket, 0, 395, 60, 427)).as("ground, bottom left").isGreaterThan(0.9);
        assertThat(subject(rocket, 580, 395, 640, 427))
                .as("ground, bottom right")
                .isGreaterThan(0.9);
    }

    @Test
    void theAstronautsNeckRingAndCollarAreSubject() {
        SubjectMatte astronaut = matte("astronaut.png");
        assertThat(subject(astronaut, 200, 190, 260, 240))
                .as("the black collar")
                .isGreaterThan(0.95);
        assertThat(subject(astronaut, 150, 200, 180, 240))
                .as("the ring at her right shoulder")
                .isGreaterThan(0.95);
        assertThat(subject(astronaut, 0, 0, 90, 60)).as("the flag's corner").isLessThan(0.02);
        assertThat(subject(astronaut, 400, 100, 500, 180)).as("the backdrop").isLessThan(0.02);
    }

    @Test
    void theTopOfTheAstronautsHairIsSubject() {
        // the top of her hair is lighter and greyer than the rest, close to the backdrop's colour: the colour cut gave
        // it to the background, so a blur shaved the head flat and a new backdrop showed a cut through the hair
        SubjectMatte astronaut = matte("astronaut.png");
        assertThat(subject(astronaut, 210, 18, 270, 30))
                .as("the top of her hair")
                .isGreaterThan(0.75);
        assertThat(subject(astronaut, 180, 0, 300, 8))
                .as("the backdrop above her head")
                .isLessThan(0.05);
    }

    @Test
    void theWallBesideTheAstronautsNeckRingIsBackground() {
        // right of her neck ring the pale wall begins where a row turns bright; the colour cut reached a few pixels
        // into it and the feather spread further, so a pale band of wall stayed beside the ring on every new colour
        Picture photo = shared("astronaut.png");
        SubjectMatte matte = matte("astronaut.png");
        byte[] px = photo.bgr();
        double wall = 0;
        double ring = 0;
        int rows = 0;
        for (int y = 175; y <= 225; y++) {
            int edge = 260;
            while (edge < 360) {
                int i = 3 * (y * photo.width() + edge);
                if ((px[i] & 0xff) + (px[i + 1] & 0xff) + (px[i + 2] & 0xff) > 600) {
                    break;
                }
                edge++;
            }
            for (int x = edge + 2; x <= edge + 8; x++) {
                wall += matte.alpha()[y * matte.width() + x] / 7.0;
            }
            for (int x = edge - 6; x <= edge - 2; x++) {
                ring += matte.alpha()[y * matte.width() + x] / 5.0;
            }
            rows++;
        }
        assertThat(wall / rows).as("the wall within 8 pixels of the ring").isLessThan(0.15);
        assertThat(ring / rows).as("the ring's outer edge").isGreaterThan(0.9);
    }

    @Test
    void theHelmetInFrontOfTheAstronautStaysWhenTheBackdropTurnsBlue() {
        Picture astronaut = shared("astronaut.png");
        Picture blue = editor.edit(EditCall.of(astronaut, "make the background blue", 1))
                .image();
        // the black helmet at the bottom edge, in front of her, and the suit beside it
        assertThat(moved(astronaut, blue, 320, 380, 460, 500)).as("the helmet").isLessThan(1);
        assertThat(moved(astronaut, blue, 200, 440, 270, 510))
                .as("the suit beside the helmet")
                .isLessThan(1);
        // the grey backdrop at the top right is blue
        assertThat(moved(astronaut, blue, 440, 20, 500, 90)).as("the backdrop").isGreaterThan(60);
        SubjectMatte matte = matte("astronaut.png");
        assertThat(subject(matte, 320, 380, 460, 500))
                .as("the helmet in the matte")
                .isGreaterThan(0.99);
    }

    @Test
    void theLaunchTowersGirdersStayDarkOnAWhiteBackground() {
        Picture rocket = shared("rocket.jpg");
        Picture white =
                editor.edit(EditCall.of(rocket, "make the background white", 1)).image();
        byte[] s = rocket.bgr();
        byte[] e = white.bgr();
        int girders = 0;
        int faded = 0;
        double skySum = 0;
        int sky = 0;
        // the left tower's lattice and the sky seen through it
        for (int y = 20; y < 300; y++) {
            for (int x = 0; x < 90; x++) {
                int i = 3 * (y * rocket.width() + x);
                double before = 0.114 * (s[i] & 0xff) + 0.587 * (s[i + 1] & 0xff) + 0.299 * (s[i + 2] & 0xff);
                double after = 0.114 * (e[i] & 0xff) + 0.587 * (e[i + 1] & 0xff) + 0.299 * (e[i + 2] & 0xff);
                if (before < 15) {
                    girders++;
                    if (after > 80) {
                        faded++;
                    }
                } else if (before > 45) {
                    sky++;
                    skySum += after;
                }
            }
        }
        assertThat(girders).isGreaterThan(500);
        // a girder faded to grey is a ghost of the tower; the former soft matte faded one in fourteen
        assertThat((double) faded / girders).as("girders faded to grey").isLessThan(0.02);
        assertThat(skySum / sky).as("the sky between the girders").isGreaterThan(200);
    }

    @Test
    void theCameramanAtTheEdgeOfTheFrameStaysAndTheSkyTurnsWhite() {
        Picture camera = shared("camera.png");
        Picture white =
                editor.edit(EditCall.of(camera, "make the background white", 1)).image();
        // his coat, from the left edge of the frame to the bottom
        assertThat(moved(camera, white, 30, 250, 120, 450)).isLessThan(1);
        assertThat(mean(white, 0, 0, camera.width(), 20)).isGreaterThan(250);
        SubjectMatte matte = SubjectMatte.of(dev.editloop.embedded.OpenCv.toMat(camera));
        assertThat(matte.found()).isTrue();
        assertThat(matte.subjectShare()).isBetween(0.2, 0.5);
    }

    @Test
    void aBlurredBackgroundKeepsTheSubjectAndDrawsNoHalo() {
        for (String name : new String[] {"camera.png", "coffee.png", "astronaut.png"}) {
            Picture photo = shared(name);
            Picture blurred =
                    editor.edit(EditCall.of(photo, "blur the background", 1)).image();
            Halo.Reading halo = Halo.of(Comparison.of(photo, blurred));
            // the thinker allows 0.22 (share × strength) before it calls a line a halo
            assertThat(halo.share() * halo.strength()).as(name).isLessThan(0.22);
        }
        Picture coffee = shared("coffee.png");
        Picture blurred = editor.edit(EditCall.of(coffee, "defocus everything behind the cup", 1))
                .image();
        assertThat(moved(coffee, blurred, 250, 100, 350, 250)).as("the cup").isLessThan(0.5);
        Picture astronaut = shared("astronaut.png");
        Picture soft = editor.edit(EditCall.of(astronaut, "soften the background behind her", 1))
                .image();
        assertThat(moved(astronaut, soft, 225, 80, 290, 140)).as("her face").isLessThan(1.5);
    }

    @Test
    void theJudgeMarksAnEditThatAlsoChangedTheSubject() {
        Picture coffee = shared("coffee.png");
        String request = "put the cup on a plain white background";
        Picture clean = editor.edit(EditCall.of(coffee, request, 1)).image();
        dev.editloop.core.Thinker thinker =
                dev.editloop.core.spi.BackendRegistry.load().thinker("embedded");
        Critique good = thinker.critique(CritiqueCall.compare(coffee, clean, request, request, 1, 0));
        assertThat(good.semantic()).as(good.reasoning()).isGreaterThanOrEqualTo(8);
        assertThat(good.quality()).as(good.reasoning()).isGreaterThanOrEqualTo(8);
        // the same edit, with the cup and the crema lightened as a careless editor might
        byte[] px = clean.bgr().clone();
        for (int y = 60; y < 300; y++) {
            for (int x = 200; x < 420; x++) {
                int i = 3 * (y * coffee.width() + x);
                for (int c = 0; c < 3; c++) {
                    px[i + c] = (byte) Math.min(255, (px[i + c] & 0xff) + 60);
                }
            }
        }
        Picture leaky = Picture.ofBgr(coffee.width(), coffee.height(), px);
        Critique bad = thinker.critique(CritiqueCall.compare(coffee, leaky, request, request, 1, 0));
        assertThat(bad.semantic()).as(bad.reasoning()).isLessThan(8);
        assertThat(bad.reasoning()).contains("changed pixels on the subject");
    }
    /** Mean chroma (max − min of the channels) in a box. */
    private static double chroma(Picture a, int x0, int y0, int x1, int y1) {
        byte[] p = a.bgr();
        double sum = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = 3 * (y * a.width() + x);
                int b = p[i] & 0xff;
                int g = p[i + 1] & 0xff;
                int r = p[i + 2] & 0xff;
                sum += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void aBackgroundMadeBlackAndWhiteKeepsTheCupInColourAndTheJudgeReadsItBehindTheCup() {
        Picture coffee = shared("coffee.png");
        String request = "make the background black and white";
        Picture splash = editor.edit(EditCall.of(coffee, request, 1)).image();
        // the wood in the top right corner goes grey, the saucer's red rim and the cup stay as they were
        assertThat(chroma(coffee, 480, 10, 590, 80)).isGreaterThan(40);
        assertThat(chroma(splash, 480, 10, 590, 80)).isLessThan(3);
        assertThat(moved(coffee, splash, 250, 100, 350, 250)).as("the cup").isLessThan(0.5);
        dev.editloop.core.Thinker thinker =
                dev.editloop.core.spi.BackendRegistry.load().thinker("embedded");
        Critique critique = thinker.critique(CritiqueCall.compare(coffee, splash, request, request, 1, 0));
        assertThat(critique.semantic()).as(critique.reasoning()).isGreaterThanOrEqualTo(8.5);
        assertThat(critique.reasoning()).contains("saturation of the background: -100%");
        // the same request answered by greying the whole picture is not what was asked
        Picture grey = editor.edit(EditCall.of(coffee, "black and white", 1)).image();
        Critique all = thinker.critique(CritiqueCall.compare(coffee, grey, request, request, 1, 0));
        assertThat(all.semantic()).as(all.reasoning()).isLessThan(8.5);
    }

    @Test
    void aDarkerBackgroundLeavesTheAstronautAsSheWas() {
        Picture astronaut = shared("astronaut.png");
        Picture darker = editor.edit(EditCall.of(astronaut, "darken the background a little", 1))
                .image();
        assertThat(moved(astronaut, darker, 225, 80, 290, 140)).as("her face").isLessThan(1.5);
        // the pale backdrop right of her head, 10% darker
        assertThat(mean(darker, 330, 60, 380, 140)).isLessThan(0.93 * mean(astronaut, 330, 60, 380, 140));
    }
}
