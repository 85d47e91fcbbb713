package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.adapters.http.HttpApi;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.wiring.Plugins;
import io.eventdesk.bootstrap.wiring.ServiceRunner;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.run.RunSummary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventdesk serve} as a client meets it: the real server on an ephemeral loopback port, the config's bars
 * replayed at 600 times real time, signals, the kill switch and queries over HTTP, then a finished run folder.
 */
class ServiceApiTest {
    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ServiceRunner service;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BacktestConfig config(String extra) throws IOException {
        Files.writeString(dir.resolve("bars.csv"), Fixtures.minuteBars(2000, "\n"));
        Path file = dir.resolve("service.yaml");
        Files.writeString(file, """
                name: service-test
                account:
                  initial-cash: 100000
                  base-currency: USD
                instruments:
                  - {id: TEST, asset-class: equity, currency: USD, tick-size: 0.01}
                data:
                  - {instrument: TEST, kind: bars, path: bars.csv}
                service:
                  port: 0
                  source: {type: replay, speed: 600}
                """ + extra);
        return ConfigLoader.load(file);
    }

    private void start(String extra) throws IOException {
        service = ServiceRunner.start(
                config(extra),
                dir.resolve("run"),
                Plugins.loader(null),
                Map.of("EVENTDESK_TOKEN", TOKEN)::get,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.stop();
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null, TOKEN);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body, "application/json", TOKEN);
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return send("PUT", path, body, "application/json", TOKEN);
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static String signal(String id, String side, String quantity) {
        return "{\"signal_id\":\"" + id + "\",\"time\":\"2024-01-02T00:00:00Z\",\"strategy_id\":\"api\","
                + "\"instrument\":\"TEST\",\"side\":\"" + side + "\",\"quantity\":" + quantity + "}";
    }

    private void awaitMarketData() throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode h = json(get("/v1/health"));
            if (h.path("feed").path("delivered").asLong() > 2) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no market data reached the desk");
    }

    @Nested
    class ASession {
        @BeforeEach
        void serve() throws Exception {
            start("");
            awaitMarketData();
        }

        @Test
        void shouldDecideHaltDenyAndResume_whenAnOperatorDrivesTheDesk() throws Exception {
            HttpResponse<String> sent = post("/v1/signals", signal("s-1", "BUY", "5"));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            assertThat(json(sent).get("outcome").asText()).isEqualTo("APPROVED");
            String orderId = json(sent).get("order_id").asText();

            JsonNode found = json(get("/v1/signals/s-1"));
            assertThat(found.get("order_id").asText()).isEqualTo(orderId);
            assertThat(found.get("order").get("status").asText())
                    .isIn("SUBMITTED", "ACCEPTED", "PARTIALLY_FILLED", "FILLED");

            HttpResponse<String> halted = put("/v1/trading-state", "{\"state\":\"HALTED\",\"reason\":\"test halt\"}");
            assertThat(halted.statusCode()).isEqualTo(200);
            assertThat(json(get("/v1/trading-state")).get("state").asText()).isEqualTo("HALTED");
            JsonNode denied = json(post("/v1/signals", signal("s-2", "BUY", "1")));
            assertThat(denied.get("outcome").asText()).isEqualTo("DENIED");
            assertThat(denied.get("code").asText()).isEqualTo("TRADING_HALTED");
            assertThat(put("/v1/trading-state", "{\"state\":\"ACTIVE\"}").statusCode())
                    .isEqualTo(200);

            // the journal followed as it is committed: server-sent events, ended here by the limit
            HttpResponse<String> events = get("/v1/events?since=0&limit=6");
            assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            java.util.List<String> frames =
                    java.util.Arrays.asList(events.body().split("\n\n"));
            assertThat(frames).hasSize(6);
            assertThat(frames.get(0)).startsWith("id: 1\nevent: RunStarted\ndata: {");
            assertThat(events.body()).contains("event: SignalReceived\ndata: {");
            for (String frame : frames) {
                JSON.readTree(frame.substring(frame.indexOf("data: ") + 6)); // every data line is JSON
            }

            JsonNode decisions = json(get("/v1/decisions?since=0"));
            assertThat(decisions).hasSize(2);
            assertThat(json(get("/v1/decisions?since="
                            + decisions.get(0).get("sequence").asLong())))
                    .hasSize(1);
            assertThat(json(get("/v1/portfolio")).get("currency").asText()).isEqualTo("USD");
            assertThat(get("/v1/positions").statusCode()).isEqualTo(200);
            assertThat(get("/v1/orders?status=open").statusCode()).isEqualTo(200);

            String metrics = send("GET", "/metrics", null, null, null).body();
            assertThat(metrics)
                    .contains("eventdesk_signals_total{code=\"\",outcome=\"APPROVED\"} 1.0")
                    .contains("eventdesk_signals_total{code=\"TRADING_HALTED\",outcome=\"DENIED\"} 1.0")
                    .contains("eventdesk_trading_state{state=\"ACTIVE\"} 1.0")
                    .contains("eventdesk_http_requests_seconds_count")
                    .contains("eventdesk_fills ")
                    .contains("eventdesk_traded_notional ")
                    .contains("eventdesk_open_orders{status=\"ACCEPTED\"}");

            RunSummary summary = service.stop();
            assertThat(summary.ordersSubmitted()).isEqualTo(1);
            assertThat(summary.ordersDenied()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("run/status.json"))).contains("\"status\" : \"FINISHED\"");
            long raised = Jdbi.create("jdbc:sqlite:" + dir.resolve("run/journal.db"))
                    .withHandle(h -> h.createQuery(
                                    "SELECT count(*) FROM journal_events WHERE type IN ('SignalRaised', 'TradingStateChanged')")
                            .mapTo(Long.class)
                            .one());
            assertThat(raised).isEqualTo(4); // two signals, a halt and a resume
            RunFolder verified = RunFolder.cli(
                    dir.resolve("run"), "journal", "verify", dir.resolve("run").toString());
            assertThat(verified.exitCode)
                    .as(verified.out + verified.err)
                    .isZero(); // the data: the files' first records
        }

        @Test
        void shouldAnswerTheFirstDecisionOnceAndRefuseOtherContents_whenASignalIdRepeats() throws Exception {
            HttpResponse<String> first = post("/v1/signals", signal("dup", "BUY", "1"));
            HttpResponse<String> again = post("/v1/signals", signal("dup", "BUY", "1"));
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json(again).get("repeated").asBoolean()).isTrue();
            assertThat(json(again).get("order_id")).isEqualTo(json(first).get("order_id"));
            HttpResponse<String> other = post("/v1/signals", signal("dup", "SELL", "1"));
            assertThat(other.statusCode()).isEqualTo(409);
            assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(other).get("field").asText()).isEqualTo("signal_id");
            assertThat(service.stop().ordersSubmitted()).isEqualTo(1);
        }

        @Test
        void shouldNameTheField_whenASignalIsInvalid() throws Exception {
            HttpResponse<String> r = post(
                    "/v1/signals",
                    "{\"signal_id\":\"x\",\"time\":\"2024-01-02T00:00:00Z\",\"strategy_id\":\"api\",\"instrument\":\"NOPE\",\"side\":\"BUY\",\"quantity\":1}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(json(r).get("field").asText()).isEqualTo("instrument");
            assertThat(json(r).get("detail").asText()).contains("unknown instrument 'NOPE'");
            HttpResponse<String> unknown =
                    post("/v1/signals", signal("y", "BUY", "1").replace("}", ",\"colour\":1}"));
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(json(unknown).get("field").asText()).isEqualTo("colour");
            assertThat(get("/v1/signals/never").statusCode()).isEqualTo(404);
            assertThat(send("DELETE", "/v1/orders/O-999", null, null, TOKEN).statusCode())
                    .isEqualTo(404);
        }

        @Test
        void shouldListEveryRouteItServes_whenItsOpenApiDocumentIsRead() throws Exception {
            JsonNode doc = json(get("/v1/openapi.json"));
            Set<String> documented = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey()));
            }
            assertThat(documented).containsExactlyInAnyOrderElementsOf(HttpApi.ROUTES);
            for (String route : HttpApi.ROUTES) {
                String[] mp = route.split(" ");
                String path = mp[1].replace("{id}", "x") + (mp[1].equals("/v1/events") ? "?limit=1" : "");
                HttpResponse<String> r = send(mp[0], path, null, null, TOKEN);
                assertThat(r.statusCode()).as(route).isNotEqualTo(405);
            }
        }
    }

    @Nested
    class Security {
        @BeforeEach
        void serve() throws Exception {
            start("");
        }

        @Test
        void shouldRefuseEveryRouteButHealthAndMetrics_whenTheTokenIsMissingOrWrong() throws Exception {
            for (String route : HttpApi.ROUTES) {
                String[] mp = route.split(" ");
                String path = mp[1].replace("{id}", "x");
                int none = send(mp[0], path, null, null, null).statusCode();
                int wrong = send(mp[0], path, null, null, "wrong-token-0123456789abcdef")
                        .statusCode();
                if (path.equals("/v1/health") || path.equals("/metrics")) {
                    assertThat(none).as(route).isIn(200, 503);
                } else {
                    assertThat(none).as(route).isEqualTo(401);
                    assertThat(wrong).as(route).isEqualTo(401);
                }
            }
        }

        @Test
        void shouldRefuseBadBodiesWithoutInternals_whenAClientSendsThem() throws Exception {
            HttpResponse<String> type = send("POST", "/v1/signals", signal("a", "BUY", "1"), "text/plain", TOKEN);
            assertThat(type.statusCode()).isEqualTo(415);
            HttpResponse<String> large = post("/v1/signals", "{\"signal_id\":\"" + "x".repeat(70_000) + "\"}");
            assertThat(large.statusCode()).isEqualTo(413);
            HttpResponse<String> deep = post("/v1/signals", "[".repeat(100) + "]".repeat(100));
            assertThat(deep.statusCode()).isEqualTo(400);
            HttpResponse<String> broken = post("/v1/signals", "{\"signal_id\": ");
            assertThat(broken.statusCode()).isEqualTo(400);
            HttpResponse<String> twice = post("/v1/signals", "{\"signal_id\":\"a\",\"signal_id\":\"b\"}");
            assertThat(twice.statusCode()).isEqualTo(400);
            for (HttpResponse<String> r : new HttpResponse[] {type, large, deep, broken, twice}) {
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(r.body())
                        .doesNotContain("Exception")
                        .doesNotContain("at io.")
                        .doesNotContain("jackson");
            }
        }
    }

    @Test
    void shouldRefuseToStart_whenNoTokenIsGiven() throws IOException {
        BacktestConfig cfg = config("");
        assertThatThrownBy(() -> ServiceRunner.start(
                        cfg, dir.resolve("no-token"), Plugins.loader(null), k -> null, Clock.systemUTC()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("service.token-env: no token: set EVENTDESK_TOKEN");
    }

    @Test
    void shouldAnswerTooManyRequestsWithRetryAfter_whenAStrategyIsOverItsThrottle() throws Exception {
        start("risk:\n  throttle: {orders: 1, per-seconds: 3600}\n");
        awaitMarketData();
        assertThat(post("/v1/signals", signal("t-1", "BUY", "1")).statusCode()).isEqualTo(202);
        HttpResponse<String> over = post("/v1/signals", signal("t-2", "BUY", "2"));
        assertThat(over.statusCode()).as(over.body()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(over).get("code").asText()).isEqualTo("THROTTLE_EXCEEDED");
    }
}
