package dev.editloop.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.InvalidInputException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {
    @TempDir
    Path tmp;

    /** A photo-like picture: smooth gradients with a little sensor noise. */
    private static Picture photoLike(int w, int h) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                bgr[i] = (byte) Math.clamp(60 + x * 120 / w + random.nextInt(-3, 4), 0, 255);
                bgr[i + 1] = (byte) Math.clamp(90 + y * 100 / h + random.nextInt(-3, 4), 0, 255);
                bgr[i + 2] = (byte) Math.clamp(40 + (x + y) * 80 / (w + h) + random.nextInt(-3, 4), 0, 255);
            }
        }
        return Picture.ofBgr(w, h, bgr);
    }

    @Test
    void everyPngLevelDecodesToTheSamePixels() throws Exception {
        Picture picture = photoLike(97, 61);
        for (int level : new int[] {0, 1, 6, 9}) {
            byte[] png = Images.encodePng(picture, level);
            BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(png));
            assertThat(Picture.of(decoded)).as("level %d", level).isEqualTo(picture);
        }
        assertThatThrownBy(() -> Images.encodePng(picture, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pngsForUploadAreFarSmallerThanTheJdkWritersAtTheSameLevel() {
        Picture picture = photoLike(512, 512);
        int ours = Images.encodePng(picture, Images.PNG_LEVEL).length;
        int jdk = Images.encodePngImageIo(picture, Images.PNG_LEVEL).length;
        assertThat(ours).as("ours %d bytes, ImageIO %d bytes", ours, jdk).isLessThan(jdk * 8 / 10);
        assertThat(picture.png()).hasSize(ours);
    }

    @Test
    void jpegEncodingIsAJpegOfTheRequestedQuality() throws Exception {
        Picture picture = photoLike(64, 48);
        byte[] low = Images.encodeJpeg(picture, 30);
        byte[] high = Images.encodeJpeg(picture, 95);
        assertThat(low).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(low.length).isLessThan(high.length);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(high)).getWidth())
                .isEqualTo(64);
    }

    @Test
    void pngRoundTripKeepsEveryPixel() {
        byte[] bgr = new byte[5 * 3 * 3];
        for (int i = 0; i < bgr.length; i++) {
            bgr[i] = (byte) (i * 17);
        }
        Picture picture = Picture.ofBgr(5, 3, bgr);
        Path file = tmp.resolve("p.png");
        Images.writePng(picture, file);
        assertThat(Images.read(file)).isEqualTo(picture);
        assertThat(picture.png())
                .as("deterministic encoding")
                .isEqualTo(Picture.ofBgr(5, 3, bgr).png());
    }

    @Test
    void transparencyIsCompositedOnWhiteAndGreyBecomesRgb() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000);
        argb.setRGB(1, 0, 0xff102030);
        Picture p = Picture.of(argb);
        assertThat(Arrays.copyOfRange(p.bgr(), 0, 3)).containsExactly((byte) 255, (byte) 255, (byte) 255);
        assertThat(Arrays.copyOfRange(p.bgr(), 3, 6)).containsExactly((byte) 0x30, (byte) 0x20, (byte) 0x10);
        BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 77);
        assertThat(Picture.of(grey).bgr()).containsExactly((byte) 77, (byte) 77, (byte) 77);
    }

    @Test
    void picturesAreImmutable() {
        Picture p = Picture.solid(2, 2, Color.RED);
        p.bgr()[0] = 1;
        p.toBufferedImage().setRGB(0, 0, 0);
        assertThat(p).isEqualTo(Picture.solid(2, 2, Color.RED));
    }

    @Test
    void clearErrorsForEveryKindOfBadFile() throws Exception {
        assertThatThrownBy(() -> Images.read(tmp.resolve("nope.png")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("nope.png does not exist");
        assertThatThrownBy(() -> Images.read(tmp)).hasMessageContaining("is a folder");
        Path empty = Files.write(tmp.resolve("empty.png"), new byte[0]);
        assertThatThrownBy(() -> Images.read(empty)).hasMessageContaining("is empty");
        Path text = Files.writeString(tmp.resolve("notes.png"), "hello, I am not an image");
        assertThatThrownBy(() -> Images.read(text)).hasMessageContaining("is not an image EditLoop can read");
        byte[] png = Picture.solid(64, 64, Color.BLUE).png();
        Path truncated = Files.write(tmp.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertThatThrownBy(() -> Images.read(truncated))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("corrupt or truncated");
    }

    @Test
    void imagesAboveThePixelLimitAreRejectedBeforeDecoding() throws Exception {
        BufferedImage big = new BufferedImage(300, 200, BufferedImage.TYPE_3BYTE_BGR);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(big, "png", out);
        Path file = Files.write(tmp.resolve("big.png"), out.toByteArray());
        assertThatThrownBy(() -> Images.read(file, 50_000))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("300x200")
                .hasMessageContaining("--max-pixels");
        assertThat(Images.read(file, 60_000).width()).isEqualTo(300);
    }

    @org.junit.jupiter.api.Test
    void resizeGivesTheExactSizeAndKeepsTheColours() {
        Picture red = Picture.solid(640, 480, java.awt.Color.RED);
        Picture small = Images.resize(red, 97, 61);
        org.assertj.core.api.Assertions.assertThat(small.width()).isEqualTo(97);
        org.assertj.core.api.Assertions.assertThat(small.height()).isEqualTo(61);
        byte[] bgr = small.bgr();
        org.assertj.core.api.Assertions.assertThat(bgr[2] & 0xff).isEqualTo(255);
        org.assertj.core.api.Assertions.assertThat(bgr[0] & 0xff).isZero();
        org.assertj.core.api.Assertions.assertThat(Images.resize(red, 640, 480)).isSameAs(red);
    }

    @org.junit.jupiter.api.Test
    void fitWithinKeepsTheAspectRatioUnderTheBudget() {
        Picture wide = Picture.solid(4000, 1000, java.awt.Color.GRAY);
        Picture fitted = Images.fitWithin(wide, 1024 * 1024);
        org.assertj.core.api.Assertions.assertThat(fitted.pixels()).isLessThanOrEqualTo(1024 * 1024);
        org.assertj.core.api.Assertions.assertThat(fitted.pixels()).isGreaterThan(1000 * 1000);
        org.assertj.core.api.Assertions.assertThat((double) fitted.width() / fitted.height())
                .isCloseTo(4.0, org.assertj.core.api.Assertions.within(0.01));
        Picture small = Picture.solid(100, 100, java.awt.Color.GRAY);
        org.assertj.core.api.Assertions.assertThat(Images.fitWithin(small, 1024 * 1024))
                .isSameAs(small);
    }
}
