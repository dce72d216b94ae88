package dev.editloop.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reading keeps of the file a user gives: CMYK colours, transparency, and notes on what it reduces. */
class InputFidelityTest {
    @TempDir
    Path tmp;

    private static final int[][] SWATCHES = {
        {200, 40, 40}, {40, 160, 60}, {50, 80, 200}, {220, 200, 120}, {128, 128, 128}, {30, 30, 30}, {250, 250, 250}
    };

    /**
     * A JPEG of four components with an Adobe APP14 marker, as Photoshop writes CMYK (inverted values, {@code
     * transform} 0) and YCCK ({@code transform} 2: the C, M, Y planes stored as YCbCr, K inverted). The JDK writer
     * writes the four planes of a raster as they are; the marker goes in right after SOI.
     */
    static byte[] cmykJpeg(int transform) throws Exception {
        int w = 11 * SWATCHES.length;
        int h = 16;
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] rgb = SWATCHES[x / 11];
                int max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
                int k = 255 - max;
                int[] cmy = new int[3];
                for (int i = 0; i < 3; i++) {
                    cmy[i] = max == 0 ? 0 : Math.round(255f * (max - rgb[i]) / max);
                }
                int[] stored = {255 - cmy[0], 255 - cmy[1], 255 - cmy[2], 255 - k};
                if (transform == 2) {
                    double c = cmy[0];
                    double m = cmy[1];
                    double yy = cmy[2];
                    stored[0] = (int) Math.round(0.299 * c + 0.587 * m + 0.114 * yy);
                    stored[1] = (int) Math.round(128 - 0.168736 * c - 0.331264 * m + 0.5 * yy);
                    stored[2] = (int) Math.round(128 + 0.5 * c - 0.418688 * m - 0.081312 * yy);
                }
                raster.setPixel(x, y, stored);
            }
        }
        ImageWriter writer = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.sun.")) {
                writer = candidate;
            }
        }
        assertThat(writer).as("the JDK's JPEG writer").isNotNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(raster, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] plain = out.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        byte[] jpeg = new byte[plain.length + adobe.length];
        System.arraycopy(plain, 0, jpeg, 0, 2);
        System.arraycopy(adobe, 0, jpeg, 2, adobe.length);
        System.arraycopy(plain, 2, jpeg, 2 + adobe.length, plain.length - 2);
        return jpeg;
    }

    private static void assertSwatchesMatch(Picture picture) {
        byte[] bgr = picture.bgr();
        for (int s = 0; s < SWATCHES.length; s++) {
            int i = (8 * picture.width() + s * 11 + 5) * 3;
            int[] decoded = {bgr[i + 2] & 0xFF, bgr[i + 1] & 0xFF, bgr[i] & 0xFF};
            for (int c = 0; c < 3; c++) {
                assertThat(decoded[c])
                        .as(
                                "swatch %d channel %d: RGB %s decoded as %s",
                                s, c, java.util.Arrays.toString(SWATCHES[s]), java.util.Arrays.toString(decoded))
                        .isCloseTo(SWATCHES[s][c], org.assertj.core.api.Assertions.within(8));
            }
        }
    }

    @Test
    void cmykJpegsDecodeToTheirColoursNotFarTooLight() throws Exception {
        Path file = Files.write(tmp.resolve("cmyk.jpg"), cmykJpeg(0));
        DecodedImage decoded = Images.readDecoded(file, Images.DEFAULT_MAX_PIXELS);
        assertSwatchesMatch(decoded.picture());
        assertThat(decoded.alpha()).isNull();
        assertThat(decoded.notes()).isEmpty();
    }

    @Test
    void ycckJpegsDecodeToTheirColours() throws Exception {
        assertSwatchesMatch(Picture.decode(cmykJpeg(2), "ycck.jpg"));
    }

    @Test
    void transparencyIsKeptAndPutBackInThePng() throws Exception {
        BufferedImage argb = new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
        int[] pixels = {0x00000000, 0x80ff0000, 0xff00ff00, 0x400000ff, 0xff102030, 0xc0808080, 0x10ffffff, 0xfffedcba};
        for (int i = 0; i < pixels.length; i++) {
            argb.setRGB(i % 4, i / 4, pixels[i]);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(argb, "png", png);
        DecodedImage decoded = Images.decodeWithNotes(png.toByteArray(), "logo.png", Images.DEFAULT_MAX_PIXELS);
        assertThat(decoded.alpha()).isNotNull();
        assertThat(decoded.notes()).singleElement().asString().contains("transparency");
        // the picture the loop edits is the image on white
        byte[] bgr = decoded.picture().bgr();
        assertThat(bgr[0] & 0xFF).isEqualTo(255);
        assertThat(bgr[5] & 0xFF).as("half-transparent red on white").isBetween(250, 255);
        assertThat(bgr[4] & 0xFF).isBetween(125, 129);

        Path out = tmp.resolve("kept.png");
        Images.writePng(decoded.picture(), decoded.alpha(), out);
        BufferedImage back = ImageIO.read(out.toFile());
        assertThat(back.getColorModel().hasAlpha()).isTrue();
        for (int i = 0; i < pixels.length; i++) {
            int expected = pixels[i];
            int actual = back.getRGB(i % 4, i / 4);
            int alpha = expected >>> 24;
            assertThat(actual >>> 24).as("alpha of pixel %d", i).isEqualTo(alpha);
            if (alpha >= 0x40) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    // the colour is recovered from its composite on white: within a level or two, less where opaque
                    assertThat((actual >> shift) & 0xFF)
                            .as("pixel %d channel at bit %d", i, shift)
                            .isCloseTo((expected >> shift) & 0xFF, org.assertj.core.api.Assertions.within(4));
                }
            }
        }
        // reading the written file back gives the same picture the loop saw (it is idempotent)
        Picture again = Images.read(out);
        byte[] a = again.bgr();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i] & 0xFF).isCloseTo(bgr[i] & 0xFF, org.assertj.core.api.Assertions.within(1));
        }
    }

    @Test
    void anEditThatChangesTheSizeIsWrittenOpaque() {
        Alpha alpha = Alpha.of(2, 1, new byte[] {0, (byte) 255});
        Picture other = Picture.solid(3, 3, java.awt.Color.RED);
        assertThat(alpha.png(other)).isEqualTo(other.png());
        assertThat(Alpha.of(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB) {
                    {
                        for (int y = 0; y < 2; y++) {
                            for (int x = 0; x < 2; x++) {
                                setRGB(x, y, 0xff000000);
                            }
                        }
                    }
                }))
                .as("an alpha channel that is opaque everywhere is no transparency")
                .isNull();
    }

    @Test
    void aSixteenBitPngIsReducedWithANote() throws Exception {
        BufferedImage deep = new BufferedImage(8, 4, BufferedImage.TYPE_USHORT_GRAY);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 4; y++) {
                deep.getRaster().setSample(x, y, 0, x * 8000);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(deep, "png", png);
        DecodedImage decoded = Images.decodeWithNotes(png.toByteArray(), "deep.png", Images.DEFAULT_MAX_PIXELS);
        assertThat(decoded.notes()).singleElement().asString().contains("16 bits per channel", "8 bits per channel");
        assertThat(decoded.picture().bgr()[7 * 3] & 0xFF)
                .isCloseTo(7 * 8000 / 257, org.assertj.core.api.Assertions.within(2));
        // an 8-bit PNG reads without a note
        assertThat(Images.decodeWithNotes(
                                Picture.solid(2, 2, java.awt.Color.RED).png(), "plain.png", 100)
                        .notes())
                .isEmpty();
    }

    @Test
    void anAnimatedGifIsReducedToItsFirstFrameWithANote() throws Exception {
        byte[] three = gif(3);
        DecodedImage decoded = Images.decodeWithNotes(three, "anim.gif", Images.DEFAULT_MAX_PIXELS);
        assertThat(decoded.notes()).singleElement().asString().contains("animated GIF of 3 frames", "first frame");
        byte[] bgr = decoded.picture().bgr();
        assertThat(bgr[2] & 0xFF).as("the first frame is red").isGreaterThan(200);
        assertThat(bgr[1] & 0xFF).isLessThan(50);
        assertThat(Images.decodeWithNotes(gif(1), "still.gif", Images.DEFAULT_MAX_PIXELS)
                        .notes())
                .as("a still GIF reads without a note")
                .isEmpty();
    }

    private static byte[] gif(int frames) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] colours = {0xff0000, 0x00ff00, 0x0000ff};
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int f = 0; f < frames; f++) {
                BufferedImage frame = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 6; y++) {
                    for (int x = 0; x < 6; x++) {
                        frame.setRGB(x, y, colours[f % 3]);
                    }
                }
                ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame);
                IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "10");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree("javax_imageio_gif_image_1.0", root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        assertThat(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))).isNotNull();
        return out.toByteArray();
    }
}
