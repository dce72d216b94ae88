package dev.editloop.perf;

import dev.editloop.core.spi.BackendSpec;
import dev.editloop.remote.EndpointPool;
import dev.editloop.remote.HttpTransport;
import dev.editloop.remote.RemoteSettings;
import dev.editloop.testkit.fake.FakeHttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The endpoint pool under load, as a command: {@code RUNS} concurrent runs (virtual threads) of {@code CALLS} calls
 * each go through one shared pool of {@code ENDPOINTS} loopback fake servers that answer after {@code LATENCY}, with
 * {@code LIMIT} requests in flight per endpoint. Prints the wall time, the ideal time (calls · latency / (endpoints ·
 * limit)), their ratio (the efficiency) and the most requests any endpoint served at once.
 *
 * <pre>{@code
 * java -cp "editloop-perf/target/editloop-perf.jar:editloop-perf/target/lib/*" dev.editloop.perf.PoolLoadBenchmark \
 *     [RUNS=64] [CALLS=2] [ENDPOINTS=4] [LIMIT=4] [LATENCY_MS=1000]
 * }</pre>
 */
public final class PoolLoadBenchmark {
    private PoolLoadBenchmark() {}

    /** Runs the load once (after a short warm-up) and prints the figures. */
    public static void main(String[] args) throws Exception {
        int runs = arg(args, 0, 64);
        int calls = arg(args, 1, 2);
        int endpoints = arg(args, 2, 4);
        int limit = arg(args, 3, 4);
        Duration latency = Duration.ofMillis(arg(args, 4, 1000));
        List<FakeHttpServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < endpoints; i++) {
                servers.add(FakeHttpServer.answering("gpu" + i, "{\"ok\":true}"));
            }
            String urls = servers.stream().map(s -> s.baseUri().toString()).collect(Collectors.joining(","));
            RemoteSettings settings = RemoteSettings.from(
                    BackendSpec.parse("bench:" + urls + "?concurrency=" + limit),
                    null,
                    null,
                    Duration.ofMinutes(5),
                    Map.of());
            EndpointPool pool = new EndpointPool(settings);
            try (HttpTransport transport = new HttpTransport(settings, HttpTransport.Auth.none())) {
                load(pool, transport, runs, calls); // warm-up: connections, JIT, no latency
                servers.forEach(s -> {
                    s.reset();
                    s.delay(latency);
                });
                long start = System.nanoTime();
                load(pool, transport, runs, calls);
                double wall = (System.nanoTime() - start) / 1e9;
                double ideal = Math.ceil((double) runs * calls / (endpoints * limit)) * latency.toMillis() / 1000.0;
                int peak = servers.stream()
                        .mapToInt(FakeHttpServer::maxInFlight)
                        .max()
                        .orElse(0);
                System.out.printf(
                        Locale.ROOT,
                        "%d runs x %d calls, %d endpoints x limit %d, latency %d ms: wall %.2f s, ideal %.2f s,"
                                + " efficiency %.3f, most in flight on one endpoint %d%n",
                        runs,
                        calls,
                        endpoints,
                        limit,
                        latency.toMillis(),
                        wall,
                        ideal,
                        ideal / wall,
                        peak);
            }
        } finally {
            servers.forEach(FakeHttpServer::close);
        }
    }

    private static void load(EndpointPool pool, HttpTransport transport, int runs, int calls) throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                all.add(executor.submit(() -> {
                    for (int c = 0; c < calls; c++) {
                        pool.call(endpoint -> transport.postJson(HttpTransport.resolve(endpoint, "run"), "{}"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
