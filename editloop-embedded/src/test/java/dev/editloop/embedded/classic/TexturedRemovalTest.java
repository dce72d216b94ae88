package dev.editloop.embedded.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.embedded.OpenCv;
import dev.editloop.embedded.heuristic.HeuristicJudge;
import dev.editloop.embedded.heuristic.HeuristicThinker;
import dev.editloop.testkit.TestImages;
import dev.editloop.testkit.VieQuestions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * A thing removed from a textured ground: the hole is filled with the ground's own texture (the wood's stripes run
 * on through it, its grain is as fine as around it) and the judge sees no patch; a thing too large is refused with
 * its size; polished metal is found as "silver".
 */
class TexturedRemovalTest {
    private static final ClassicEditor EDITOR = new ClassicEditor();
    private static final HeuristicThinker THINKER = new HeuristicThinker(InstructionParser::parse);
    private static final HeuristicJudge JUDGE = new HeuristicJudge(InstructionParser::parse);
    private static final int SIDE = 512;
    private static final double CX = SIDE * 0.45;
    private static final double CY = SIDE * 0.55;

    /** Wood-like ground: wavy horizontal stripes with fine grain, and a blue disc covering {@code share} of it. */
    private static Picture woodWithDisc(double share) {
        byte[] bgr = new byte[SIDE * SIDE * 3];
        SplittableRandom random = new SplittableRandom(5);
        double r = radius(share);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = 3 * (y * SIDE + x);
                if (Math.hypot(x - CX, y - CY) < r) {
                    bgr[i] = (byte) 200;
                    bgr[i + 1] = (byte) 60;
                    bgr[i + 2] = (byte) 30;
                    continue;
                }
                double u = y + 6 * Math.sin(x / 45.0) + 2.5 * Math.sin(x / 11.0 + y / 20.0);
                double l = 90 + 50 * (0.5 + 0.5 * Math.sin(u / 3.5)) + random.nextGaussian() * 6;
                bgr[i] = (byte) Hsv.clamp255(l * 0.45);
                bgr[i + 1] = (byte) Hsv.clamp255(l * 0.75);
                bgr[i + 2] = (byte) Hsv.clamp255(l * 1.1);
            }
        }
        return Picture.ofBgr(SIDE, SIDE, bgr);
    }

    private static double radius(double share) {
        return Math.sqrt(share * SIDE * SIDE / Math.PI);
    }

    /** Texture statistics of the luma inside (or outside) a circle: mean, spread, and vertical over horizontal edges. */
    private record Texture(double mean, double spread, double verticalEdges) {}

    private static Texture texture(Picture p, double r, boolean inside) {
        byte[] bgr = p.bgr();
        double[] y = new double[SIDE * SIDE];
        for (int k = 0; k < y.length; k++) {
            y[k] = 0.114 * (bgr[3 * k] & 0xff) + 0.587 * (bgr[3 * k + 1] & 0xff) + 0.299 * (bgr[3 * k + 2] & 0xff);
        }
        double sum = 0;
        double squares = 0;
        double dy = 0;
        double dx = 0;
        int n = 0;
        for (int yy = 1; yy < SIDE - 1; yy++) {
            for (int x = 1; x < SIDE - 1; x++) {
                double d = Math.hypot(x - CX, yy - CY);
                // the ground: a ring around the disc, away from its edge; the fill: its inside
                if (inside ? d >= r : d < r + 12 || d > r + 60) {
                    continue;
                }
                int k = yy * SIDE + x;
                sum += y[k];
                squares += y[k] * y[k];
                dy += Math.abs(y[k + SIDE] - y[k - SIDE]);
                dx += Math.abs(y[k + 1] - y[k - 1]);
                n++;
            }
        }
        double mean = sum / n;
        return new Texture(mean, Math.sqrt(squares / n - mean * mean), dy / Math.max(1, dx));
    }

    @Test
    void aThingOnWoodLeavesTheWoodsTextureAndTheJudgeSeesNoPatch() {
        Picture source = woodWithDisc(0.09);
        String request = "remove the blue object";
        EditResult result = EDITOR.edit(EditCall.of(source, request, 7));
        assertThat(result.notes()).anyMatch(n -> n.startsWith("applied: remove the blue object"));
        Picture out = result.image();

        double r = radius(0.09);
        Texture ground = texture(source, r, false);
        Texture fill = texture(out, r, true);
        assertThat(Math.abs(fill.mean() - ground.mean())).as("mean luma").isLessThan(8);
        assertThat(fill.spread() / ground.spread()).as("luma spread").isBetween(0.75, 1.25);
        // the stripes run on through the fill: its edges are mostly horizontal, as on the ground
        assertThat(fill.verticalEdges()).as("stripes continue").isGreaterThan(0.75 * ground.verticalEdges());

        // a diffusion fill over the same hole draws no stripes: the same statistic tells it apart
        Picture diffused = diffusionFill(source, r + 9);
        assertThat(texture(diffused, r, true).verticalEdges()).isLessThan(0.75 * ground.verticalEdges());

        VieQuestions.Scores judged = VieQuestions.ask(JUDGE, source, out, request, 1);
        assertThat(judged.quality())
                .as("judge PQ\n%s", judged.qualityAnswer().reasoning())
                .isGreaterThanOrEqualTo(8.0);
        Critique critique = THINKER.critique(CritiqueCall.compare(source, out, request, request, 1, 7));
        assertThat(critique.quality())
                .as("thinker PQ\n%s", critique.reasoning())
                .isGreaterThanOrEqualTo(8.0);
        assertThat(critique.semantic())
                .as("thinker SC\n%s", critique.reasoning())
                .isGreaterThanOrEqualTo(8.0);
    }

    private static Picture diffusionFill(Picture source, double r) {
        OpenCv.ensureLoaded();
        Mat src = Mats.bgr(SIDE, SIDE, source.bgr());
        Mat mask = Mat.zeros(SIDE, SIDE, org.opencv.core.CvType.CV_8UC1);
        Imgproc.circle(mask, new Point(CX, CY), (int) Math.ceil(r), new Scalar(255), Imgproc.FILLED);
        Mat out = ContentOps.inpaint(src, mask, false, 7);
        Picture p = Picture.ofBgr(SIDE, SIDE, Mats.bytes(out));
        src.release();
        mask.release();
        out.release();
        return p;
    }

    @Test
    void theSameRemovalGivesTheSamePixels() {
        Picture source = woodWithDisc(0.05);
        Picture a = EDITOR.edit(EditCall.of(source, "erase the blue thing", 11)).image();
        Picture b = EDITOR.edit(EditCall.of(source, "erase the blue thing", 11)).image();
        assertThat(a.samePixels(b)).isTrue();
        assertThat(a.samePixels(source)).isFalse();
    }

    @Test
    void aThingOverFifteenPercentIsRefusedWithItsSize() {
        Picture source = woodWithDisc(0.2);
        EditResult result = EDITOR.edit(EditCall.of(source, "remove the blue object", 7));
        assertThat(result.image().samePixels(source)).isTrue();
        assertThat(result.notes())
                .anyMatch(n -> n.contains("the blue object covers 20% of the image, too large to fill plausibly"));
    }

    @Test
    void theCupAndSaucerAreRefusedAsTooLarge() {
        var path = TestImages.shared("coffee.png");
        assumeTrue(path.isPresent(), "the shared photo coffee.png is absent (../shared/images)");
        Picture coffee = Images.read(path.get());
        EditResult result = EDITOR.edit(EditCall.of(coffee, "remove the red cup and saucer", 7));
        assertThat(result.image().samePixels(coffee)).isTrue();
        assertThat(result.notes()).anyMatch(n -> n.contains("too large to fill plausibly (at most 15%)"));
    }

    @Test
    void aLargeFillThatOnlyJustPassesTheJudgeIsRefused() {
        // the brown in the middle of the cat is 14% of the photo: its fill copies the pale muzzle into the fur
        var path = TestImages.shared("chelsea.png");
        assumeTrue(path.isPresent(), "the shared photo chelsea.png is absent (../shared/images)");
        Picture cat = Images.read(path.get());
        EditResult result = EDITOR.edit(EditCall.of(cat, "remove the brown object in the center", 1));
        assertThat(result.image().samePixels(cat)).isTrue();
        assertThat(result.notes()).anyMatch(n -> n.contains("cannot be filled plausibly"));
    }

    @Test
    void metalIsFoundAsSilverAndASmoothWhiteThingIsNot() {
        assertThat(InstructionParser.parse("remove the chrome kettle").actions())
                .containsExactly(new Action.RemoveColored(NamedColor.of("silver")));
        assertThat(InstructionParser.parse("get rid of the metallic thing").actions())
                .containsExactly(new Action.RemoveColored(NamedColor.of("silver")));

        // a brown ground with a smooth white disc on the left and a polished one (streaks of light and dark) on
        // the right
        int w = 384;
        int h = 256;
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                int[] rgb = {120, 75, 40};
                if (Math.hypot(x - 100, y - 128) < 40) {
                    rgb = new int[] {235, 235, 232};
                } else if (Math.hypot(x - 280, y - 128) < 40) {
                    int v = (int) (140 + 110 * Math.sin((x + 0.6 * y) / 3.0));
                    rgb = new int[] {v, v, v + 4 > 255 ? 255 : v + 4};
                }
                bgr[i] = (byte) rgb[2];
                bgr[i + 1] = (byte) rgb[1];
                bgr[i + 2] = (byte) rgb[0];
            }
        }
        var found = ObjectSelection.find(bgr, w, h, NamedColor.of("silver"), Region.WHOLE);
        assertThat(found).isPresent();
        byte[] mask = found.get().mask();
        assertThat(mask[128 * w + 280]).as("the polished disc").isNotZero();
        assertThat(mask[128 * w + 100]).as("the smooth white disc").isZero();
    }
}
