package io.eventdesk.bootstrap;

import static io.eventdesk.bootstrap.Within.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.wiring.Plugins;
import io.eventdesk.bootstrap.wiring.ServiceRunner;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One kill switch for several service processes, in the real Redis: a halt in one process halts the other within
 * {@link #BOUND} (its state polled every 200 ms), journaled there as an input; Redis going away is reported by health
 * and the desk fails closed (REDUCING: no new exposure) until it is back.
 */
class SharedTradingStateTest {
    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI REDIS = LocalRedis.URL;

    @TempDir
    Path dir;

    @BeforeAll
    static void redisAnswers() {
        LocalRedis.requireOrSkip("SharedTradingStateTest");
    }

    private static String state(ServiceProcess s) throws Exception {
        return JSON.readTree(s.send("GET", "/v1/trading-state", null).body())
                .get("state")
                .asText();
    }

    @Test
    void shouldHaltTheOtherProcessWithinTheBound_whenOneProcessIsHalted() throws Exception {
        String desk = "shared-" + System.nanoTime();
        String service = "  redis-url: " + REDIS + "\n  desk: " + desk + "\n";
        Path a = ServiceProcess.config(dir, "desk-a", 3000, service);
        Path b = ServiceProcess.config(dir, "desk-b", 3000, service);
        ServiceProcess first = ServiceProcess.start(a, dir.resolve("run-a"), dir.resolve("a.log"));
        ServiceProcess second = ServiceProcess.start(b, dir.resolve("run-b"), dir.resolve("b.log"));
        try {
            assertThat(state(second)).isEqualTo("ACTIVE");
            assertThat(first.send("PUT", "/v1/trading-state", "{\"state\":\"HALTED\",\"reason\":\"risk review\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(within(BOUND, () -> state(second), "HALTED"::equals)).isEqualTo("HALTED");
            JsonNode denied = JSON.readTree(second.signal("b-1", "BUY").body());
            assertThat(denied.get("code").asText()).isEqualTo("TRADING_HALTED");

            assertThat(second.send("PUT", "/v1/trading-state", "{\"state\":\"ACTIVE\",\"reason\":\"review done\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(within(BOUND, () -> state(first), "ACTIVE"::equals)).isEqualTo("ACTIVE");
            JsonNode health =
                    JSON.readTree(second.send("GET", "/v1/health", null).body());
            assertThat(health.get("shared_state").get("available").asBoolean()).isTrue();
        } finally {
            first.process.destroy();
            second.process.destroy();
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        // the other process journaled the halt it heard of as an input, with where it came from
        List<String> reasons = Jdbi.create("jdbc:sqlite:" + dir.resolve("run-b/journal.db"))
                .withHandle(h -> h.createQuery("SELECT json_extract(payload, '$.reason') FROM journal_events"
                                + " WHERE type = 'OperatorCommanded' ORDER BY sequence")
                        .mapTo(String.class)
                        .list());
        assertThat(reasons.get(0)).startsWith("shared: risk review (from desk-a@");
        assertThat(reasons.get(1)).isEqualTo("review done");
    }

    @Test
    void shouldReportItAndFailClosed_whenRedisGoesAway() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process redis = LocalRedis.start(port);
        Path config = ServiceProcess.config(dir, "fail-closed", 3000, "  redis-url: redis://127.0.0.1:" + port + "\n");
        ServiceRunner service = ServiceRunner.start(
                ConfigLoader.load(config),
                dir.resolve("run"),
                Plugins.loader(null),
                Map.of("EVENTDESK_TOKEN", ServiceProcess.TOKEN)::get,
                Clock.systemUTC());
        HttpClient http = HttpClient.newHttpClient();
        Callable<JsonNode> health = () -> JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        try {
            assertThat(within(BOUND, health, h -> h.get("status").asText().equals("UP"))
                            .get("shared_state")
                            .get("available")
                            .asBoolean())
                    .isTrue();
            redis.destroy();
            assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
            JsonNode down =
                    within(BOUND, health, h -> h.get("trading_state").asText().equals("REDUCING"));
            assertThat(down.get("status").asText()).isEqualTo("DOWN");
            assertThat(down.get("shared_state").get("available").asBoolean()).isFalse();
            assertThat(down.get("trading_state").asText()).isEqualTo("REDUCING"); // no new exposure

            redis = LocalRedis.start(port);
            JsonNode back = within(
                    Duration.ofSeconds(15),
                    health,
                    h -> h.get("status").asText().equals("UP"));
            assertThat(back.get("shared_state").get("available").asBoolean()).isTrue();
            assertThat(back.get("trading_state").asText()).isEqualTo("ACTIVE");
        } finally {
            service.stop();
            redis.destroyForcibly();
        }
    }
}
