package dev.editloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.editloop.core.config.EditLoopConfig;
import dev.editloop.core.spi.BackendRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A real server on an ephemeral loopback port with the embedded backends, and a client for it. */
final class TestServer implements AutoCloseable {
    /** Profiles the tests use: {@code slow} waits 3 s per edit, one turn. */
    static final String CONFIG = """
            profiles:
              slow:
                editor: test-wait?ms=3000
                strategy: single
              quick:
                strategy: single
            """;

    final EditLoopServer server;
    final URI base;
    final Path data;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String token;

    private TestServer(EditLoopServer server, Path data) {
        this.server = server;
        this.data = data;
        this.base = server.url();
    }

    static TestServer start(Path data) {
        return start(data, o -> o);
    }

    static TestServer start(Path data, UnaryOperator<ServerOptions> tune) {
        ServerOptions options = ServerOptions.defaults(data)
                .withPort(0)
                .withBackends("embedded", "embedded", EditLoopConfig.parse(CONFIG, null));
        return new TestServer(EditLoopServer.start(tune.apply(options), BackendRegistry.load()), data);
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- requests -------------------------------------------------------------------------------------------

    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().getFirst();
                }
            }
            return null;
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    Response postForm(String path, Form form) {
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + Form.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                .build());
    }

    /** Submits a job and returns its id (asserting 201). */
    String submit(Form form) {
        Response r = postForm("/api/jobs", form);
        if (r.status() != 201) {
            throw new AssertionError("expected 201, got " + r.status() + ": " + r.text());
        }
        return r.json().path("id").asText();
    }

    /** One SSE event as read. */
    record Event(long id, String type, JsonNode data) {}

    /** Reads a job's event stream to its end (after {@code finished}). */
    List<Event> events(String id, Long lastEventId) {
        HttpRequest.Builder b = request("/api/jobs/" + id + "/events");
        if (lastEventId != null) {
            b.header("Last-Event-ID", Long.toString(lastEventId));
        }
        try {
            HttpResponse<java.util.stream.Stream<String>> r =
                    http.send(b.GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (r.statusCode() != 200) {
                throw new AssertionError("events: " + r.statusCode());
            }
            List<Event> out = new ArrayList<>();
            long[] eid = {-1};
            String[] type = {null};
            r.body().forEach(line -> {
                if (line.startsWith("id: ")) {
                    eid[0] = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type[0] = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    try {
                        out.add(new Event(eid[0], type[0], Json.MAPPER.readTree(line.substring(6))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a job until it is no longer queued or running. */
    JsonNode awaitDone(String id) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            JsonNode job = get("/api/jobs/" + id).json();
            String s = job.path("status").asText();
            if (!s.equals("queued") && !s.equals("running")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish within 60 s");
    }

    /** Polls a job until it is running. */
    void awaitRunning(String id) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (get("/api/jobs/" + id).json().path("status").asText().equals("running")) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not start within 30 s");
    }

    /** A multipart form. */
    static final class Form {
        static final String BOUNDARY = "----editloop-test-boundary-7f3a";
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final List<String[]> files = new ArrayList<>();
        private final List<byte[]> fileBytes = new ArrayList<>();

        static Form of(String instruction, Path image) {
            try {
                return new Form()
                        .field("instruction", instruction)
                        .file("image", "photo.png", Files.readAllBytes(image));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Form field(String name, String value) {
            fields.put(name, value);
            return this;
        }

        Form file(String name, String filename, byte[] bytes) {
            files.add(new String[] {name, filename});
            fileBytes.add(bytes);
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < files.size(); i++) {
                write(
                        out,
                        "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + files.get(i)[0]
                                + "\"; filename=\"" + files.get(i)[1]
                                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
                out.writeBytes(fileBytes.get(i));
                write(out, "\r\n");
            }
            for (Map.Entry<String, Object> f : fields.entrySet()) {
                write(
                        out,
                        "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                                + f.getValue() + "\r\n");
            }
            write(out, "--" + BOUNDARY + "--\r\n");
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
