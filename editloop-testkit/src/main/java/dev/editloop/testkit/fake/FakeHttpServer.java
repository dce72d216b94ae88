package dev.editloop.testkit.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of the loopback fake servers: an HTTP server on {@code 127.0.0.1} and a free port, that records every request
 * and can be told to misbehave, in the ways real servers do, before its protocol handler runs:
 *
 * <ul>
 *   <li>{@link #delay}: every reply waits (a slow GPU);
 *   <li>{@link #failNext}: the next requests answer an HTTP error (a 500, a 429, a 401…);
 *   <li>{@link #htmlErrorNext}: the next requests answer a proxy's HTML error page;
 *   <li>{@link #garbageNext}: the next requests answer 200 with a body that is not the protocol's;
 *   <li>{@link #emptyNext}: the next requests answer 200 with an empty body;
 *   <li>{@link #hangNext}: the next requests never answer (a client timeout);
 *   <li>{@link #dropNext}: the next requests are read and the connection closed without a reply (a crashed worker);
 *   <li>{@link #retryAfterNext}: the next requests answer 429 or 503 with a {@code Retry-After} header;
 *   <li>{@link #requireKey}: requests without the key answer 401, as a server started with a key does.
 * </ul>
 *
 * Each switch may be limited to paths starting with a prefix. Subclasses implement {@link #handle}. Requests are
 * served on virtual threads; the switches and the log are thread-safe. The server counts the requests in flight and
 * the most it ever had at once ({@link #inFlight()}, {@link #maxInFlight()}), so tests can check a client's limits.
 */
public abstract class FakeHttpServer implements AutoCloseable {
    /**
     * One request as the server received it.
     *
     * @param method GET, POST…
     * @param path the path, without the query
     * @param query the raw query, or an empty string
     * @param headers the headers, names in lower case
     * @param body the body bytes
     */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        /** A header's first value, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What a handler writes back. */
    public static final class Reply {
        private int status = 200;
        private String contentType = "application/json";
        private byte[] body = new byte[0];
        private final Map<String, String> headers = new LinkedHashMap<>();

        /** Sets status, content type and a text body. */
        public Reply send(int status, String contentType, String body) {
            return send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        /** Sets status, content type and a body. */
        public Reply send(int status, String contentType, byte[] body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            return this;
        }

        /** A JSON reply. */
        public Reply json(int status, String json) {
            return send(status, "application/json", json);
        }

        /** Adds a header. */
        public Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** The status set so far. */
        public int status() {
            return status;
        }
    }

    private enum FaultKind {
        STATUS,
        HANG,
        DROP
    }

    private record Fault(
            String pathPrefix,
            FaultKind kind,
            int status,
            String contentType,
            String body,
            AtomicInteger left,
            AtomicInteger skip,
            Map<String, String> headers) {
        Fault(
                String pathPrefix,
                FaultKind kind,
                int status,
                String contentType,
                String body,
                AtomicInteger left,
                AtomicInteger skip) {
            this(pathPrefix, kind, status, contentType, body, left, skip, Map.of());
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Duration delay = Duration.ZERO;
    private volatile String requiredKey;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** Starts the server on a free loopback port. */
    protected FakeHttpServer(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake " + name + " server", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * A server that answers every request with 200 and this JSON body (after any switched-on misbehaviour): a
     * stand-in endpoint for pool, retry and load tests.
     */
    public static FakeHttpServer answering(String name, String json) {
        return new FakeHttpServer(name) {
            @Override
            protected void handle(Recorded request, Reply reply) {
                reply.json(200, json);
            }
        };
    }

    /** The server's base URL, {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The base URL followed by a path. */
    public String url(String path) {
        return baseUri() + (path.startsWith("/") ? path : "/" + path);
    }

    /** The port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Makes every reply wait this long. */
    public FakeHttpServer delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** The next {@code count} requests answer {@code status} with a JSON error body. */
    public FakeHttpServer failNext(int count, int status) {
        return failNext(
                null,
                count,
                status,
                "application/json",
                "{\"error\":{\"message\":\"fake " + name + " error " + status + "\",\"type\":\"server_error\"}}");
    }

    /** The next {@code count} requests whose path starts with the prefix (null: any) answer this. */
    public FakeHttpServer failNext(String pathPrefix, int count, int status, String contentType, String body) {
        faults.add(new Fault(
                pathPrefix,
                FaultKind.STATUS,
                status,
                contentType,
                body,
                new AtomicInteger(count),
                new AtomicInteger()));
        return this;
    }

    /**
     * The first {@code served} requests whose path starts with the prefix (null: any) are answered normally; every
     * later one answers {@code status} (a server that dies mid-run).
     */
    public FakeHttpServer failAfter(String pathPrefix, int served, int status) {
        faults.add(new Fault(
                pathPrefix,
                FaultKind.STATUS,
                status,
                "application/json",
                "{\"error\":{\"message\":\"fake " + name + " error " + status + "\",\"type\":\"server_error\"}}",
                new AtomicInteger(Integer.MAX_VALUE),
                new AtomicInteger(served)));
        return this;
    }

    /** The next {@code count} requests answer 502 with a reverse proxy's HTML page. */
    public FakeHttpServer htmlErrorNext(int count) {
        return failNext(
                null,
                count,
                502,
                "text/html",
                "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
                        + "</h1></center><hr><center>nginx</center></body></html>");
    }

    /** The next {@code count} requests answer 200 with a body that is not this protocol's. */
    public FakeHttpServer garbageNext(int count) {
        return failNext(null, count, 200, "text/plain", "Lorem ipsum: this is not what the protocol answers");
    }

    /** The next {@code count} requests answer 200 with an empty body. */
    public FakeHttpServer emptyNext(int count) {
        return failNext(null, count, 200, "application/json", "");
    }

    /**
     * The next {@code count} requests answer {@code status} (429 or 503, usually) with a JSON error body and the header
     * {@code Retry-After: retryAfter} (seconds, or an HTTP date).
     */
    public FakeHttpServer retryAfterNext(int count, int status, String retryAfter) {
        faults.add(new Fault(
                null,
                FaultKind.STATUS,
                status,
                "application/json",
                "{\"error\":{\"message\":\"fake " + name + " error " + status + ": try again later\","
                        + "\"type\":\"rate_limit_error\"}}",
                new AtomicInteger(count),
                new AtomicInteger(),
                Map.of("Retry-After", retryAfter)));
        return this;
    }

    /** The next {@code count} requests are read, then the connection is closed without any reply. */
    public FakeHttpServer dropNext(int count) {
        faults.add(new Fault(null, FaultKind.DROP, 0, null, null, new AtomicInteger(count), new AtomicInteger()));
        return this;
    }

    /** Requests being served now (received, reply not yet sent). */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most requests this server has served at once since it started (or since {@link #reset()}). */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** The next {@code count} requests never answer while the server runs. */
    public FakeHttpServer hangNext(int count) {
        faults.add(new Fault(null, FaultKind.HANG, 0, null, null, new AtomicInteger(count), new AtomicInteger()));
        return this;
    }

    /** Requests must carry this key ({@code Authorization: Bearer KEY}, {@code x-goog-api-key} or {@code x-api-key}). */
    public FakeHttpServer requireKey(String key) {
        this.requiredKey = key;
        return this;
    }

    /** Every request so far, in arrival order. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** The requests whose path starts with the prefix. */
    public List<Recorded> requests(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** Forgets the recorded requests and pending faults. */
    public void reset() {
        requests.clear();
        faults.clear();
        delay = Duration.ZERO;
        maxInFlight.set(inFlight.get());
    }

    /**
     * Answers one request in the protocol.
     *
     * @param request the recorded request
     * @param reply what to send back (200 JSON with an empty body until set)
     */
    protected abstract void handle(Recorded request, Reply reply) throws IOException;

    /** The name used in this server's error bodies. */
    protected String name() {
        return name;
    }

    private void serve(HttpExchange exchange) throws IOException {
        int running = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(running, Math::max);
        boolean counted = true;
        try (exchange) {
            Recorded request = record(exchange);
            requests.add(request);
            if (!delay.isZero()) {
                sleep(delay);
            }
            Fault fault = takeFault(request.path());
            Reply reply = new Reply();
            if (fault != null && fault.kind() == FaultKind.HANG) {
                closed.await(10, TimeUnit.MINUTES);
                return;
            }
            if (fault != null && fault.kind() == FaultKind.DROP) {
                return; // closing an exchange before its headers are sent closes the connection
            }
            if (fault != null) {
                reply.send(fault.status(), fault.contentType(), fault.body());
                fault.headers().forEach(reply::header);
            } else if (requiredKey != null && !authorized(request)) {
                reply.json(
                        401,
                        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
                                + "\"code\":\"invalid_api_key\"}}");
            } else {
                try {
                    handle(request, reply);
                } catch (RuntimeException e) {
                    reply.send(500, "text/plain", "Internal Server Error: " + e);
                }
            }
            // a request stops counting before its reply leaves: a client that reads the reply and sends its next
            // request at once must not be seen as one request over its limit
            inFlight.decrementAndGet();
            counted = false;
            reply.headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (reply.contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType);
            }
            exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
            if (reply.body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a timeout on its side): nothing to answer
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private boolean authorized(Recorded request) {
        String bearer = request.header("authorization");
        return ("Bearer " + requiredKey).equals(bearer)
                || requiredKey.equals(request.header("x-goog-api-key"))
                || requiredKey.equals(request.header("x-api-key"))
                || (request.query().contains("key=" + requiredKey));
    }

    private Fault takeFault(String path) {
        for (Fault fault : faults) {
            if (fault.pathPrefix() != null && !path.startsWith(fault.pathPrefix())) {
                continue;
            }
            if (fault.skip().get() > 0 && fault.skip().getAndDecrement() > 0) {
                return null;
            }
            int left = fault.left().getAndDecrement();
            if (left > 0) {
                if (left == 1) {
                    faults.remove(fault);
                }
                return fault;
            }
            faults.remove(fault);
        }
        return null;
    }

    private static Recorded record(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        URI uri = exchange.getRequestURI();
        return new Recorded(
                exchange.getRequestMethod(),
                uri.getPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                headers,
                body);
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    /** Stops the server; hanging requests are released. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
