package dev.editloop.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.fake.FakeHttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many runs through one shared pool: 64 concurrent runs (virtual threads) of 4 calls each go through one pool of 4
 * fake endpoints that answer after 100 ms, with a limit of 4 requests per endpoint. The fakes count what they serve at
 * once. The exact efficiency belongs to the benchmark ({@code PoolLoadBenchmark} in editloop-perf); here the bounds are
 * generous.
 */
class PoolLoadTest {
    private static final int RUNS = 64;
    private static final int CALLS_PER_RUN = 4;
    private static final int ENDPOINTS = 4;
    private static final int LIMIT = 4;
    private static final Duration LATENCY = Duration.ofMillis(100);

    private final List<FakeHttpServer> servers = new ArrayList<>();

    @AfterEach
    void close() {
        servers.forEach(FakeHttpServer::close);
    }

    @Test
    void sixtyFourRunsNeverExceedAnEndpointsLimitAndFinishInAboutTheIdealTime() throws Exception {
        for (int i = 0; i < ENDPOINTS; i++) {
            servers.add(FakeHttpServer.answering("gpu" + i, "{\"ok\":true}").delay(LATENCY));
        }
        String urls = servers.stream().map(s -> s.baseUri().toString()).collect(Collectors.joining(","));
        RemoteSettings settings = RemoteSettings.from(
                BackendSpec.parse("test:" + urls + "?concurrency=" + LIMIT),
                null,
                null,
                Duration.ofSeconds(30),
                Map.of());
        EndpointPool pool = new EndpointPool(settings);
        long start = System.nanoTime();
        try (HttpTransport transport = new HttpTransport(settings, HttpTransport.Auth.none());
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int r = 0; r < RUNS; r++) {
                runs.add(executor.submit(() -> {
                    int ok = 0;
                    for (int c = 0; c < CALLS_PER_RUN; c++) {
                        ok += pool.call(endpoint -> transport.get(HttpTransport.resolve(endpoint, "run")))
                                        .json()
                                        .path("ok")
                                        .asBoolean()
                                ? 1
                                : 0;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(CALLS_PER_RUN);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double ideal = (double) RUNS * CALLS_PER_RUN * LATENCY.toMillis() / 1000.0 / (ENDPOINTS * LIMIT);

        for (FakeHttpServer server : servers) {
            assertThat(server.maxInFlight())
                    .as("requests in flight at once on %s", server.baseUri())
                    .isLessThanOrEqualTo(LIMIT);
            assertThat(server.requests())
                    .as("the load spreads over every endpoint")
                    .hasSizeGreaterThan(RUNS * CALLS_PER_RUN / ENDPOINTS / 2);
        }
        assertThat(servers.stream().mapToInt(s -> s.requests().size()).sum()).isEqualTo(RUNS * CALLS_PER_RUN);
        assertThat(servers.stream().mapToInt(FakeHttpServer::maxInFlight).max().orElseThrow())
                .as("the pool used the capacity it has")
                .isEqualTo(LIMIT);
        assertThat(wall).as("wall time against the ideal of %.1f s", ideal).isLessThan(ideal * 5);
    }
}
