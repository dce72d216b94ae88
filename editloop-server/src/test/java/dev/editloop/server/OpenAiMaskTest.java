package dev.editloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.image.Images;
import dev.editloop.core.image.Picture;
import dev.editloop.testkit.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mask} in {@code POST /v1/images/edits}: OpenAI's meaning (fully transparent pixels mark where to edit, the
 * colours do not count), the loop confined to it, bad masks refused naming the field; through raw multipart and
 * through the official {@code openai} npm client.
 */
class OpenAiMaskTest {
    /** The left half of chelsea.png (451x300) may change. */
    static final int SPLIT = 225;

    @TempDir
    Path tmp;

    TestServer server;
    byte[] cat;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start(tmp.resolve("data"));
        cat = Files.readAllBytes(TestImages.examplePath("chelsea.png"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * A mask the size of the image: transparent where {@code x < split}, opaque white elsewhere (white would mean
     * "may change" in a black-and-white mask: here only the transparency counts).
     */
    static byte[] mask(int width, int height, int split, boolean withAlpha) {
        BufferedImage m =
                new BufferedImage(width, height, withAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                m.setRGB(x, y, x < split ? 0x00000000 : 0xffffffff);
            }
        }
        return png(m);
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestServer.Response edit(byte[] mask) {
        TestServer.Form form = new TestServer.Form()
                .field("prompt", "make it black and white")
                .field("model", "quick")
                .file("image", "cat.png", cat);
        if (mask != null) {
            form.file("mask", "mask.png", mask);
        }
        return server.postForm("/v1/images/edits", form);
    }

    /** Every pixel right of the split is the source's; the left half turned grey. */
    static void assertOnlyTheMaskedHalfChanged(Picture source, Picture result) {
        assertThat(result.width()).isEqualTo(source.width());
        byte[] a = source.bgr();
        byte[] b = result.bgr();
        int changedOutside = 0;
        for (int y = 0; y < source.height(); y++) {
            for (int x = SPLIT; x < source.width(); x++) {
                int i = 3 * (y * source.width() + x);
                if (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2]) {
                    changedOutside++;
                }
            }
        }
        assertThat(changedOutside).as("pixels changed outside the mask").isZero();
        int grey = 0;
        int total = 0;
        for (int y = 0; y < source.height(); y += 5) {
            for (int x = 0; x < SPLIT - 20; x += 5) {
                int i = 3 * (y * source.width() + x);
                total++;
                if (Math.abs((b[i] & 0xff) - (b[i + 2] & 0xff)) <= 1
                        && Math.abs((b[i] & 0xff) - (b[i + 1] & 0xff)) <= 1) {
                    grey++;
                }
            }
        }
        assertThat(grey).as("grey pixels inside the mask").isEqualTo(total);
    }

    @Test
    void aMaskConfinesTheEditToItsTransparentPixels() {
        TestServer.Response r = edit(mask(451, 300, SPLIT, true));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("X-EditLoop-Accepted")).isEqualTo("true");
        Picture result = Images.decode(
                Base64.getDecoder()
                        .decode(r.json().path("data").get(0).path("b64_json").asText()),
                "result",
                1 << 24);
        assertOnlyTheMaskedHalfChanged(Images.decode(cat, "cat", 1 << 24), result);
        // the job's folder keeps the region, as `editloop edit --mask` does
        String id = r.header(EditLoopServer.TRAJECTORY_HEADER);
        assertThat(server.data.resolve("jobs").resolve(id).resolve("region.png"))
                .exists();
    }

    @Test
    void aBadMaskIsA400NamingTheField() throws IOException {
        // an opaque PNG: no alpha channel
        JsonNode e = edit(cat).json().path("error");
        assertThat(e.path("param").asText()).isEqualTo("mask");
        assertThat(e.path("message").asText()).startsWith("the mask has no transparent pixels");

        BufferedImage rgb = new BufferedImage(451, 300, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(rgb, "jpeg", jpeg);
        TestServer.Response r = edit(jpeg.toByteArray());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("param").asText()).isEqualTo("mask");
        assertThat(r.json().path("error").path("message").asText()).startsWith("the mask must be a PNG");

        r = edit(mask(200, 100, 50, true));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("the mask is 200x100 but the image is 451x300: the mask must have the image's size");

        // an alpha channel, but every pixel opaque: nothing may change
        r = edit(mask(451, 300, 0, true));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("param").asText()).isEqualTo("mask");
        assertThat(r.text()).doesNotContain(tmp.toString());
        assertThat(server.get("/api/jobs").json().path("jobs"))
                .as("no job was started")
                .isEmpty();
    }

    @Test
    void theOfficialClientSendsAMask() throws Exception {
        String node = NodeClient.requireNode("openai");
        Path maskFile = Files.write(tmp.resolve("mask.png"), mask(451, 300, SPLIT, true));
        Path out = tmp.resolve("out.png");
        NodeClient.Result r = NodeClient.run(
                node,
                "openai-mask.mjs",
                List.of(
                        server.base.toString(),
                        TestImages.examplePath("chelsea.png").toString(),
                        maskFile.toString(),
                        out.toString(),
                        TestImages.examplePath("coffee.png").toString()),
                120);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.path("accepted").asText()).isEqualTo("true");
        assertOnlyTheMaskedHalfChanged(Images.decode(cat, "cat", 1 << 24), Images.read(out));
        assertThat(json.path("badMask").path("status").asInt()).isEqualTo(400);
        assertThat(json.path("badMask").path("message").asText())
                .isEqualTo("the mask is 451x300 but the image is 600x400: the mask must have the image's size");
    }
}
