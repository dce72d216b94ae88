package dev.editloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.testkit.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad requests get a 4xx with a JSON error naming what is wrong, and never a server path. */
class ServerInputTest {
    @TempDir
    Path tmp;

    TestServer server;
    byte[] cat;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start(
                tmp.resolve("data"),
                o -> o.withLimits(2 * 1024 * 1024, 1_000_000, 200).withBenchDir(tmp.resolve("bench")));
        cat = Files.readAllBytes(TestImages.examplePath("chelsea.png"));
        Files.createDirectories(tmp.resolve("bench"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode error(TestServer.Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.text()).doesNotContain(tmp.toString());
        return r.json().path("error");
    }

    private TestServer.Response post(TestServer.Form form) {
        return server.postForm("/api/jobs", form);
    }

    private static TestServer.Form form(String instruction, byte[] image) {
        return new TestServer.Form().field("instruction", instruction).file("image", "x.png", image);
    }

    @Test
    void aMissingImageOrInstructionIsNamed() {
        JsonNode e = error(post(new TestServer.Form().field("instruction", "make it brighter")), 400);
        assertThat(e.path("param").asText()).isEqualTo("image");
        assertThat(e.path("message").asText()).contains("'image' is missing");
        e = error(post(new TestServer.Form().file("image", "x.png", cat)), 400);
        assertThat(e.path("param").asText()).isEqualTo("instruction");
        e = error(post(form("   ", cat)), 400);
        assertThat(e.path("param").asText()).isEqualTo("instruction");
    }

    @Test
    void aFileThatIsNoImageIsRefusedByItsBytes() {
        JsonNode e = error(post(form("make it brighter", "%PDF-1.7 not an image".getBytes())), 400);
        assertThat(e.path("message").asText()).isEqualTo("the image 'image' is not PNG, JPEG, GIF or BMP");
        byte[] truncated = java.util.Arrays.copyOf(cat, 40);
        e = error(post(form("make it brighter", truncated)), 400);
        assertThat(e.path("message").asText()).contains("corrupt or truncated");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        // a 67-byte PNG whose header claims 50,000 x 50,000 pixels: refused before any decoding
        byte[] bomb = pngHeaderOnly(50_000, 50_000);
        JsonNode e = error(post(form("make it brighter", bomb)), 400);
        assertThat(e.path("message").asText())
                .isEqualTo("the image is 50000x50000 (2,500,000,000 pixels), above this server's limit of 1,000,000"
                        + " pixels");
    }

    @Test
    void aBodyOverTheByteLimitIs413() {
        byte[] big = new byte[3 * 1024 * 1024];
        JsonNode e = error(post(form("make it brighter", big)), 413);
        assertThat(e.path("message").asText()).contains("larger than this server's limit of 2,097,152 bytes");
    }

    @Test
    void anInstructionOverTheLimitIsRefused() {
        JsonNode e = error(post(form("a".repeat(201), cat)), 400);
        assertThat(e.path("message").asText())
                .isEqualTo("the instruction is 201 characters, above this server's limit of 200");
    }

    @Test
    void unknownFieldsProfilesStrategiesAndNumbersAreNamed() {
        JsonNode e = error(post(form("make it brighter", cat).field("colour", "red")), 400);
        assertThat(e.path("message").asText()).startsWith("unknown field 'colour'");
        e = error(post(form("make it brighter", cat).field("profile", "turbo")), 400);
        assertThat(e.path("message").asText())
                .contains("unknown profile 'turbo'")
                .contains("slow");
        e = error(post(form("make it brighter", cat).field("strategy", "greedy")), 400);
        assertThat(e.path("param").asText()).isEqualTo("strategy");
        e = error(post(form("make it brighter", cat).field("max_turns", "99")), 400);
        assertThat(e.path("message").asText()).contains("within 1..50");
        e = error(post(form("make it brighter", cat).field("threshold", "median:3")), 400);
        assertThat(e.path("param").asText()).isEqualTo("threshold");
        e = error(
                server.send(server.request("/api/jobs")
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .build()),
                400);
        assertThat(e.path("message").asText()).contains("must be multipart/form-data");
    }

    @Test
    void imageNamesCannotLeaveTheJobsFolder() throws IOException {
        String id = server.submit(form("make it black and white", cat));
        server.awaitDone(id);
        Files.writeString(tmp.resolve("data/secret.txt"), "x");
        for (String name : new String[] {
            "..%2F..%2Fjobs.db", "%2e%2e", "trajectory.json", "events.jsonl", "turn-0.png", "turn-1.png%00.txt"
        }) {
            assertThat(server.get("/api/jobs/" + id + "/images/" + name).status())
                    .as(name)
                    .isEqualTo(404);
        }
        assertThat(rawStatus("GET /api/jobs/" + id + "/images/../../../secret.txt"))
                .isEqualTo(404);
        assertThat(rawStatus("GET /api/jobs/../jobs.db")).isEqualTo(404);
        assertThat(server.get("/api/jobs/ABC/images/final.png").status()).isEqualTo(404);
    }

    @Test
    void benchmarkReportsAreServedButNothingElseOfTheRunFolder() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("bench/rise-loop"));
        Files.writeString(run.resolve("bench-report.html"), "<html><body>RISE table</body></html>");
        Files.writeString(run.resolve("run.db"), "sqlite");
        Files.createDirectories(tmp.resolve("bench/no-report"));
        JsonNode list = server.get("/api/bench").json();
        assertThat(list.path("runs").findValuesAsText("name")).containsExactly("rise-loop");
        TestServer.Response report = server.get("/bench/rise-loop/bench-report.html");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text()).contains("RISE table");
        assertThat(report.header("Content-Security-Policy")).startsWith("sandbox");
        assertThat(server.get("/bench/rise-loop/run.db").status()).isEqualTo(404);
        assertThat(rawStatus("GET /bench/rise-loop/../../data/jobs.db")).isEqualTo(404);
    }

    @Test
    void anotherSitesNameOrOriginIsRefused() throws IOException {
        assertThat(raw("GET /api/jobs HTTP/1.1\r\nHost: attacker.example:8080\r\n"))
                .startsWith("HTTP/1.1 403");
        String crossSite = raw("POST /api/jobs HTTP/1.1\r\nHost: 127.0.0.1:" + server.server.port()
                + "\r\nOrigin: http://attacker.example\r\nContent-Length: 0\r\n");
        assertThat(crossSite).startsWith("HTTP/1.1 403").contains("cross-site requests are refused");
    }

    @Test
    void unknownRoutesAndMethodsAreJsonErrors() {
        assertThat(error(server.get("/api/nothing"), 404).path("message").asText())
                .contains("no such route");
        assertThat(error(server.delete("/api/options"), 405).path("message").asText())
                .contains("not allowed here (allowed: GET)");
        assertThat(error(server.get("/api/jobs/0000000000000000"), 404)
                        .path("message")
                        .asText())
                .isEqualTo("no job '0000000000000000'");
    }

    private int rawStatus(String requestLine) throws IOException {
        String answer = raw(requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** Sends a request as written (no client normalises the path) and returns the answer. */
    private String raw(String head) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    /** A PNG signature and IHDR chunk only: a header claiming a size, with no pixel data. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = java.nio.ByteBuffer.allocate(17)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .array();
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr);
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        out.writeBytes(
                java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        // IEND
        out.writeBytes(new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82});
        return out.toByteArray();
    }
}
