package dev.editloop.embedded.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.Critique;
import dev.editloop.core.CritiqueCall;
import dev.editloop.core.Thinker;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendRegistry;
import dev.editloop.testkit.TestImages;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The edge of a new background, read on the edit alone: along a thing's outline it is clean; through one material
 * (a disc cut inside its own texture, a cat's fur cut in two, a blur that stops in the middle of the fur) it is seen,
 * and the judge holds such an edit below the threshold, its quality at most 5, whatever segmentation made it.
 */
class OutlineTest {
    private static final int W = 360;
    private static final int H = 240;

    /** A textured blue disc (radius 70) on a textured brown ground. */
    private static Picture disc() {
        Random random = new Random(7);
        byte[] px = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean in = inside(x, y, 70);
                int n = random.nextInt(41) - 20;
                int i = 3 * (y * W + x);
                int b = in ? 170 : 60;
                int g = in ? 90 : 90;
                int r = in ? 40 : 140;
                px[i] = (byte) clamp(b + n);
                px[i + 1] = (byte) clamp(g + n);
                px[i + 2] = (byte) clamp(r + n);
            }
        }
        return Picture.ofBgr(W, H, px);
    }

    private static boolean inside(int x, int y, double radius) {
        double dx = x - W / 2.0;
        double dy = y - H / 2.0;
        return dx * dx + dy * dy <= radius * radius;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** The picture with everything outside a centred circle of that radius (in pixels) painted white. */
    private static Picture whiteOutside(Picture p, double radius) {
        byte[] px = p.bgr().clone();
        for (int y = 0; y < p.height(); y++) {
            for (int x = 0; x < p.width(); x++) {
                double dx = x - p.width() / 2.0;
                double dy = y - p.height() / 2.0;
                if (dx * dx + dy * dy > radius * radius) {
                    int i = 3 * (y * p.width() + x);
                    px[i] = px[i + 1] = px[i + 2] = (byte) 255;
                }
            }
        }
        return Picture.ofBgr(p.width(), p.height(), px);
    }

    /** The picture with everything outside a centred circle of that radius (in pixels) replaced by its 9×9 mean. */
    private static Picture blurOutside(Picture p, double radius) {
        int w = p.width();
        int h = p.height();
        byte[] src = p.bgr();
        byte[] px = src.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - w / 2.0;
                double dy = y - h / 2.0;
                if (dx * dx + dy * dy <= radius * radius) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    int n = 0;
                    for (int v = Math.max(0, y - 4); v <= Math.min(h - 1, y + 4); v++) {
                        for (int u = Math.max(0, x - 4); u <= Math.min(w - 1, x + 4); u++) {
                            sum += src[3 * (v * w + u) + c] & 0xff;
                            n++;
                        }
                    }
                    px[3 * (y * w + x) + c] = (byte) (sum / n);
                }
            }
        }
        return Picture.ofBgr(w, h, px);
    }

    @Test
    void aCutOutAlongTheThingsOutlineIsClean() {
        Picture source = disc();
        byte[] px = source.bgr().clone();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (!inside(x, y, 70)) {
                    int i = 3 * (y * W + x);
                    px[i] = px[i + 1] = px[i + 2] = (byte) 255;
                }
            }
        }
        Outline.Reading reading = Outline.of(Comparison.of(source, Picture.ofBgr(W, H, px)));
        assertThat(reading.evaluated()).isGreaterThan(100);
        assertThat(reading.share()).isLessThan(0.05);
        assertThat(Outline.of(Comparison.of(source, blurOutside(source, 72))).share())
                .as("a blur that stops at the disc's outline")
                .isLessThan(0.05);
    }

    @Test
    void aCutInsideTheThingsOwnMaterialIsSeen() {
        Picture source = disc();
        byte[] px = source.bgr().clone();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (!inside(x, y, 45)) {
                    int i = 3 * (y * W + x);
                    px[i] = px[i + 1] = px[i + 2] = (byte) 255;
                }
            }
        }
        Outline.Reading reading = Outline.of(Comparison.of(source, Picture.ofBgr(W, H, px)));
        assertThat(reading.evaluated()).isGreaterThan(100);
        assertThat(reading.share())
                .as("the edge runs through the blue disc all round")
                .isGreaterThan(0.8);
        assertThat(Outline.of(Comparison.of(source, blurOutside(source, 45))).share())
                .as("a blur that stops inside the disc")
                .isGreaterThan(0.5);
    }

    @Test
    void theJudgeHoldsACatCutInTwoBelowTheThreshold() {
        Thinker thinker = BackendRegistry.load().thinker("embedded");
        Picture cat = TestImages.cat();
        String request = "make the background white";
        // the middle of the face kept, the rest of the fur painted white: what a segmentation that found only the
        // face's centre would hand over
        Picture cut = whiteOutside(cat, 120);
        Critique white = thinker.critique(CritiqueCall.compare(cat, cut, request, request, 1, 0));
        assertThat(white.semantic()).as(white.reasoning()).isLessThan(5);
        assertThat(white.reasoning()).contains("edge of the new background through one material");
        // and it looks wrong: a face floating on white, its fur ending in a hard line
        assertThat(white.quality()).as(white.reasoning()).isLessThanOrEqualTo(5);
        assertThat(white.reasoning()).contains("cuts through one material");
        Critique blur = thinker.critique(
                CritiqueCall.compare(cat, blurOutside(cat, 110), "blur the background", "blur the background", 1, 0));
        assertThat(blur.semantic()).as(blur.reasoning()).isLessThan(8);
    }

    @Test
    void aFillDrawnOverHalfTheCatsEyeIsNotAnObjectRemoved() {
        // "whatever is in the top left corner" of the cat is its fur and half an eye: an ellipse filled there whatever
        // it holds (what the region removal once handed over; it now refuses) has an edge through fur all round
        Thinker thinker = BackendRegistry.load().thinker("embedded");
        Picture cat = TestImages.cat();
        String request = "delete whatever is in the top left corner";
        Picture filled = ellipseFilled(cat);
        Critique c = thinker.critique(CritiqueCall.compare(cat, filled, request, request, 1, 0));
        assertThat(c.semantic()).as(c.reasoning()).isLessThan(5);
        assertThat(c.quality()).as(c.reasoning()).isLessThanOrEqualTo(5);
        assertThat(c.reasoning()).contains("the filled area's edge cuts through one material");
    }

    /** The top left quarter's central ellipse (80% of its box) filled from around it by diffusion (Telea). */
    private static Picture ellipseFilled(Picture source) {
        dev.editloop.embedded.OpenCv.ensureLoaded();
        int w = source.width();
        int h = source.height();
        org.opencv.core.Mat src = dev.editloop.embedded.classic.Mats.bgr(w, h, source.bgr());
        org.opencv.core.Mat mask = org.opencv.core.Mat.zeros(h, w, org.opencv.core.CvType.CV_8UC1);
        org.opencv.imgproc.Imgproc.ellipse(
                mask,
                new org.opencv.core.Point(w / 4.0, h / 4.0),
                new org.opencv.core.Size(w / 2 * 0.4, h / 2 * 0.4),
                0,
                0,
                360,
                new org.opencv.core.Scalar(255),
                org.opencv.imgproc.Imgproc.FILLED);
        org.opencv.core.Mat out = new org.opencv.core.Mat();
        org.opencv.photo.Photo.inpaint(src, mask, out, 5, org.opencv.photo.Photo.INPAINT_TELEA);
        Picture filled = Picture.ofBgr(w, h, dev.editloop.embedded.classic.Mats.bytes(out));
        src.release();
        mask.release();
        out.release();
        return filled;
    }
}
