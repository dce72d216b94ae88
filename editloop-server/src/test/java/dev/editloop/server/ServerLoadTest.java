package dev.editloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.editloop.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load test, loopback only and bounded: N concurrent clients each submit jobs on the embedded backends and read
 * every job's events to the end. Submissions refused with 429 are retried after their Retry-After (capped at 1 s
 * here). Checks: no error other than 429, no lost job (every admitted job finishes, its stream ends with
 * {@code finished}), and 429 only when more clients than places.
 *
 * <p>In the build it runs small (6 clients × 2 jobs, concurrency 2, queue 4: fits, so no 429 at all; then 12
 * clients × 1 job against queue 2: some 429s). For the README's figures: {@code ./mvnw -q -o -pl editloop-server -am test
 * -Dtest=ServerLoadTest -Dsurefire.failIfNoSpecifiedTests=false -Deditloop.load.clients=16
 * -Deditloop.load.jobs=3}; the figures are printed on stdout.
 */
class ServerLoadTest {
    @TempDir
    Path tmp;

    record Figures(int clients, int jobs, int refused, int events, double seconds, List<Long> latencies) {
        String line() {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return String.format(
                    Locale.ROOT,
                    "load: %d clients, %d jobs finished in %.1f s (%.2f jobs/s), %d events read, %d submissions"
                            + " refused with 429 (retried); job latency p50 %d ms, p95 %d ms, max %d ms",
                    clients,
                    jobs,
                    seconds,
                    jobs / seconds,
                    events,
                    refused,
                    sorted.get(sorted.size() / 2),
                    sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.95))),
                    sorted.getLast());
        }
    }

    @Test
    void clientsThatFitTheQueueAreNeverRefusedAndNoJobIsLost() throws Exception {
        int clients = Integer.getInteger("editloop.load.clients", 6);
        int jobs = Integer.getInteger("editloop.load.jobs", 2);
        int concurrency = Integer.getInteger("editloop.load.concurrency", 2);
        int queue = Math.max(clients - concurrency, 0);
        Figures f = run(tmp.resolve("fit"), clients, jobs, concurrency, queue);
        System.out.println(f.line() + " (queue " + queue + ", concurrency " + concurrency + ")");
        assertThat(f.jobs()).isEqualTo(clients * jobs);
        assertThat(f.refused()).isZero();
    }

    @Test
    void pastTheQueueClientsGet429AndStillFinishEveryJob() throws Exception {
        int clients = Integer.getInteger("editloop.load.clients", 6) * 2;
        int jobs = Integer.getInteger("editloop.load.jobs", 1);
        Figures f = run(tmp.resolve("over"), clients, jobs, 2, 2);
        System.out.println(f.line() + " (queue 2, concurrency 2)");
        assertThat(f.jobs()).isEqualTo(clients * jobs);
        assertThat(f.refused()).isPositive();
    }

    private Figures run(Path data, int clients, int jobsEach, int concurrency, int queue) throws Exception {
        byte[] photo = Files.readAllBytes(TestImages.examplePath("coffee.png"));
        String[] instructions = {
            "make it black and white",
            "make this look like an old photograph",
            "increase the contrast by 20%",
            "add a vignette"
        };
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger events = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (TestServer server = TestServer.start(data, o -> o.withQueue(concurrency, queue))) {
            long start = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    done.add(pool.submit(() -> {
                        int finished = 0;
                        for (int j = 0; j < jobsEach; j++) {
                            String instruction = instructions[(client + j) % instructions.length];
                            long t0 = System.nanoTime();
                            String id = null;
                            while (id == null) {
                                TestServer.Response r = server.postForm(
                                        "/api/jobs",
                                        new TestServer.Form()
                                                .field("instruction", instruction)
                                                .field("seed", Integer.toString(client * 100 + j))
                                                .file("image", "coffee.png", photo));
                                if (r.status() == 429) {
                                    refused.incrementAndGet();
                                    long wait = Math.min(1000, Long.parseLong(r.header("Retry-After")) * 1000);
                                    Thread.sleep(wait);
                                } else if (r.status() == 201) {
                                    id = r.json().path("id").asText();
                                } else {
                                    throw new AssertionError("unexpected " + r.status() + ": " + r.text());
                                }
                            }
                            List<TestServer.Event> ev = server.events(id, null);
                            events.addAndGet(ev.size());
                            TestServer.Event last = ev.getLast();
                            assertThat(last.type()).isEqualTo("finished");
                            assertThat(last.data().path("status").asText()).isEqualTo("finished");
                            latencies.add((System.nanoTime() - t0) / 1_000_000);
                            finished++;
                        }
                        return finished;
                    }));
                }
                int total = 0;
                for (Future<Integer> f : done) {
                    total += f.get(10, TimeUnit.MINUTES);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                // the store agrees: every job is there and finished
                var listed = server.get("/api/jobs?limit=500").json().path("jobs");
                assertThat(listed).hasSize(total);
                listed.forEach(j -> assertThat(j.path("status").asText()).isEqualTo("finished"));
                return new Figures(clients, total, refused.get(), events.get(), seconds, latencies);
            }
        }
    }
}
