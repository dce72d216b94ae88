package dev.editloop.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.RetriableException;
import dev.editloop.core.retry.RetryPolicy;
import dev.editloop.core.retry.Retrying;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.testkit.fake.FakeHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failover, backoff and {@code Retry-After} end to end: the transport, the pool and the retry wrapper against loopback
 * fake servers, with the waits recorded instead of slept.
 */
class PoolRetryTest {
    private final FakeHttpServer a = FakeHttpServer.answering("a", "{\"ok\":\"a\"}");
    private final FakeHttpServer b = FakeHttpServer.answering("b", "{\"ok\":\"b\"}");
    private final List<Duration> waits = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        a.close();
        b.close();
    }

    /** One call through the retry wrapper, the pool and the transport; returns which server answered. */
    private Supplier<String> backend(String params, FakeHttpServer... servers) {
        StringBuilder spec = new StringBuilder("test:");
        for (int i = 0; i < servers.length; i++) {
            spec.append(i == 0 ? "" : ",").append(servers[i].baseUri());
        }
        spec.append(params.isEmpty() ? "" : "?" + params);
        BackendSpec parsed = BackendSpec.parse(spec.toString());
        RemoteSettings settings = RemoteSettings.from(parsed, null, null, Duration.ofSeconds(10), java.util.Map.of());
        HttpTransport transport = new HttpTransport(settings, HttpTransport.Auth.none());
        open.add(transport);
        EndpointPool pool = new EndpointPool(settings);
        RetryPolicy policy = parsed.retryPolicy(RetryPolicy.DEFAULT);
        return () -> Retrying.call(
                policy,
                waits::add,
                "test",
                "call",
                () -> pool.call(endpoint -> transport
                        .postJson(HttpTransport.resolve(endpoint, "v1/ping"), "{}")
                        .json()
                        .path("ok")
                        .asText()));
    }

    /** Runs the action and returns what the retry wrapper logged on stderr meanwhile. */
    private static String stderrOf(Runnable action) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFailingEndpointFailsOverToAHealthyOneWithoutWaiting() {
        Supplier<String> call = backend("", a, b);
        a.failNext(1, 503);
        assertThat(call.get()).isEqualTo("b");
        assertThat(waits)
                .as("no backoff sleep while another endpoint can take the call")
                .isEmpty();
        assertThat(a.requests()).hasSize(1);
        assertThat(b.requests()).hasSize(1);
    }

    @Test
    void aDroppedConnectionFailsOverAtOnceAndIsLoggedInOurWords() {
        Supplier<String> call = backend("", a, b);
        a.dropNext(1);
        String log = stderrOf(() -> assertThat(call.get()).isEqualTo("b"));
        assertThat(waits).isEmpty();
        assertThat(log)
                .contains("test at " + a.baseUri() + "/v1/ping: the server closed the connection without a reply")
                .contains("attempt 2 of 4 on another endpoint now")
                .doesNotContain("header parser");
    }

    @Test
    void theBackoffAppliesOnlyWhenEveryEndpointIsFailing() {
        Supplier<String> call = backend("", a, b);
        a.failNext(1, 503);
        b.failNext(1, 502);
        String answer = call.get();
        assertThat(answer).isIn("a", "b");
        assertThat(waits)
                .as("a fails over to b at once; b failing too means a backoff")
                .hasSize(1);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterInSecondsIsHonouredAndShownInTheWarning() {
        Supplier<String> call = backend("", a);
        a.retryAfterNext(1, 429, "5");
        String log = stderrOf(() -> assertThat(call.get()).isEqualTo("a"));
        assertThat(waits).containsExactly(Duration.ofSeconds(5));
        assertThat(log)
                .contains("rate limited (HTTP 429)")
                .contains("attempt 2 of 4 in 5000 ms (the server asked to wait 5 s)");
    }

    @Test
    void aRetryAfterAsAnHttpDateIsHonoured() {
        Supplier<String> call = backend("", a);
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30).withNano(0));
        a.retryAfterNext(1, 503, in30s);
        assertThat(call.get()).isEqualTo("a");
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
    }

    @Test
    void aRetryAfterLongerThanMaxRetryWaitIsCutToItAndTheWarningSaysSo() {
        Supplier<String> call = backend("max_retry_wait=2", a);
        a.retryAfterNext(1, 503, "3600");
        String log = stderrOf(() -> assertThat(call.get()).isEqualTo("a"));
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(log).contains("(the server asked to wait 3600 s, cut to max_retry_wait=2 s)");
    }

    @Test
    void withEveryAttemptRateLimitedTheLastFailureSaysHowManyWereMade() {
        Supplier<String> call = backend("retries=2", a);
        a.retryAfterNext(5, 429, "1");
        assertThatThrownBy(call::get)
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("rate limited (HTTP 429)")
                .hasMessageEndingWith("(gave up after 3 attempts)");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void controlCharactersInAServersErrorNeverReachTheMessage() {
        Supplier<String> call = backend("retries=0", a);
        a.failNext(null, 1, 400, "application/json", "{\"error\":{\"message\":\"bad \\u001b[31mred\\u001b[0m\"}}");
        assertThatThrownBy(call::get)
                .hasMessageContaining("bad \\u001B[31mred\\u001B[0m")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
    }
}
