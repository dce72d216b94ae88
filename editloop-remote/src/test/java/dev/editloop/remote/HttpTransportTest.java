package dev.editloop.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.editloop.core.NonRetriableException;
import dev.editloop.core.RetriableException;
import dev.editloop.core.spi.BackendSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport against a loopback server: headers, statuses, bodies, timeouts. */
class HttpTransportTest {
    private HttpServer server;
    private URI base;
    private final AtomicReference<String> seenAuth = new AtomicReference<>();
    private final AtomicReference<String> seenType = new AtomicReference<>();
    private final AtomicReference<byte[]> seenBody = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seenAuth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            seenType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            seenBody.set(exchange.getRequestBody().readAllBytes());
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            String type = "application/json";
            String body = "{\"ok\":true}";
            switch (path) {
                case "/html" -> {
                    type = "text/html";
                    body = "<html><title>Welcome to nginx!</title></html>";
                }
                case "/busy" -> status = 503;
                case "/bad" -> {
                    status = 400;
                    body = "{\"error\":{\"message\":\"prompt is required\"}}";
                }
                case "/slow" -> {
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> {}
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpTransport transport(String params, Map<String, String> env) {
        RemoteSettings settings = RemoteSettings.from(
                BackendSpec.parse("test-kind:" + base + params), null, "TEST_KEY", Duration.ofSeconds(5), env);
        return new HttpTransport(settings, HttpTransport.Auth.bearer());
    }

    @Test
    void theKeyTravelsAsABearerTokenAndJsonIsRead() {
        try (HttpTransport t = transport("", Map.of("TEST_KEY", "k-abcdef"))) {
            HttpReply reply = t.postJson(HttpTransport.resolve(base, "/v1/x"), "{\"a\":1}");
            assertThat(reply.json().path("ok").asBoolean()).isTrue();
            assertThat(seenAuth.get()).isEqualTo("Bearer k-abcdef");
            assertThat(new String(seenBody.get(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void withoutAKeyNoAuthorizationHeaderIsSent() {
        try (HttpTransport t = transport("", Map.of())) {
            t.get(HttpTransport.resolve(base, "ok"));
            assertThat(seenAuth.get()).isNull();
        }
    }

    @Test
    void statusesBecomeTheRightExceptions() {
        try (HttpTransport t = transport("", Map.of())) {
            assertThatThrownBy(() -> t.get(HttpTransport.resolve(base, "busy")))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageStartingWith("test-kind at " + base + "/busy: HTTP 503");
            assertThatThrownBy(() -> t.get(HttpTransport.resolve(base, "bad")))
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageEndingWith("HTTP 400: prompt is required");
        }
    }

    @Test
    void anHtmlPageWhereJsonWasExpectedIsAClearError() {
        try (HttpTransport t = transport("", Map.of())) {
            HttpReply reply = t.get(HttpTransport.resolve(base, "html"));
            assertThatThrownBy(reply::json)
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessage("test-kind at " + base + "/html: expected a JSON reply but got an HTML page "
                            + "('Welcome to nginx!')");
        }
    }

    @Test
    void aSlowServerTimesOutAsARetriableFailure() {
        try (HttpTransport t = transport("?timeout=0.3", Map.of())) {
            assertThatThrownBy(() -> t.get(HttpTransport.resolve(base, "slow")))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageContaining("no reply within the timeout");
        }
    }

    @Test
    void theHealthProbeCallsAServerThatAnswersBelow500Healthy() {
        try (HttpTransport t = transport("", Map.of())) {
            assertThat(t.answers("ok").test(base)).isTrue();
            assertThat(t.answers("bad").test(base))
                    .as("a 400 still means the server is up")
                    .isTrue();
            assertThat(t.answers("busy").test(base)).as("a 503 is not healthy").isFalse();
            server.stop(0);
            assertThat(t.answers("ok").test(base))
                    .as("a refused connection is not healthy")
                    .isFalse();
        }
    }

    @Test
    void aClosedPortIsARefusedConnection() {
        server.stop(0);
        try (HttpTransport t = transport("", Map.of())) {
            assertThatThrownBy(() -> t.get(HttpTransport.resolve(base, "ok")))
                    .isInstanceOf(RetriableException.class)
                    .hasMessageContaining("connection refused");
        }
    }

    @Test
    void multipartBodiesCarryFieldsAndFiles() {
        try (HttpTransport t = transport("", Map.of())) {
            Multipart form = new Multipart()
                    .field("prompt", "make it blue")
                    .file("image", "image.png", "image/png", new byte[] {1, 2, 3});
            t.postMultipart(HttpTransport.resolve(base, "up"), form);
            assertThat(seenType.get()).startsWith("multipart/form-data; boundary=");
            String body = new String(seenBody.get(), StandardCharsets.ISO_8859_1);
            assertThat(body)
                    .contains("Content-Disposition: form-data; name=\"prompt\"\r\n\r\nmake it blue\r\n")
                    .contains(
                            "name=\"image\"; filename=\"image.png\"\r\nContent-Type: image/png\r\n\r\n\u0001\u0002\u0003\r\n")
                    .endsWith("--\r\n");
        }
    }
}
