package io.eventdesk.bootstrap;

import static io.eventdesk.bootstrap.Within.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.adapters.marketdata.live.FixtureServer;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.wiring.Plugins;
import io.eventdesk.bootstrap.wiring.ServiceRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code eventdesk serve} fed by a live exchange stream — Binance's, played by a local exchange on loopback from
 * fixtures in its documented format: the desk takes the trades as they come, a signal's order fills on them, health
 * shows the stream; and a live config's mistakes are one line and exit 2, before anything connects.
 */
class LiveServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config(String data) throws Exception {
        Path config = dir.resolve("live.yaml");
        Files.writeString(config, """
                name: live-btc
                account: {initial-cash: 100000, base-currency: USDT}
                instruments:
                  - {id: BTC-USDT, asset-class: crypto, currency: USDT, tick-size: 0.01, lot-size: 0.00001}
                data:
                %s
                service:
                  port: 0
                """.formatted(data));
        return config;
    }

    /** Runs the CLI; its exit code, and what it wrote to stderr in {@code err}. */
    private int cli(StringWriter err, String... args) {
        return EventdeskCli.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void shouldTradeOnTheStreamsTrades_whenTheServiceRunsOnALiveSource() throws Exception {
        // Binance trade messages stamped from now on (a desk fills an order on market data after its arrival)
        long now = System.currentTimeMillis();
        List<String> script = new java.util.ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            long t = now + i * 100L;
            script.add("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + t + ",\"s\":\"BTCUSDT\","
                    + "\"t\":" + i + ",\"p\":\"16600." + (10 + i) + "\",\"q\":\"0.00500\",\"T\":" + t
                    + ",\"m\":false,\"M\":true}}");
            script.add("# sleep 100");
        }
        script.add("# hold");
        try (FixtureServer exchange = FixtureServer.playing(List.of(script))) {
            Path config =
                    config("  - {instrument: BTC-USDT, source: binance, symbol: BTCUSDT, channels: [trades], url: \""
                            + exchange.webSocket() + "\", rest-url: \"" + exchange.rest() + "\"}");
            ServiceRunner service = ServiceRunner.start(
                    ConfigLoader.load(config),
                    dir.resolve("run"),
                    Plugins.loader(null),
                    Map.of("EVENTDESK_TOKEN", ServiceProcess.TOKEN)::get,
                    Clock.systemUTC());
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + service.port());
            try {
                JsonNode health = within(
                        Duration.ofSeconds(10),
                        () -> JSON.readTree(http.send(
                                        HttpRequest.newBuilder(base.resolve("/v1/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body()),
                        h -> h.get("feed").get("delivered").asLong() >= 3);
                assertThat(health.get("feed").get("connected").asBoolean()).isTrue();
                assertThat(health.get("feed").get("source").asText()).startsWith("binance BTCUSDT ws://127.0.0.1:");
                assertThat(health.get("feed").get("counters").get("connections").asLong())
                        .isEqualTo(1);

                HttpResponse<String> accepted = http.send(
                        HttpRequest.newBuilder(base.resolve("/v1/signals"))
                                .header("Authorization", "Bearer " + ServiceProcess.TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"signal_id\":\"live-1\",\"time\":"
                                        + "\"2023-01-01T00:00:00Z\",\"strategy_id\":\"api\",\"instrument\":\"BTC-USDT\","
                                        + "\"side\":\"BUY\",\"quantity\":0.001}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                assertThat(JSON.readTree(accepted.body()).get("outcome").asText())
                        .isEqualTo("APPROVED");
                JsonNode filled = within(
                        Duration.ofSeconds(10),
                        () -> JSON.readTree(http.send(
                                        HttpRequest.newBuilder(base.resolve("/v1/signals/live-1"))
                                                .header("Authorization", "Bearer " + ServiceProcess.TOKEN)
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body()),
                        s -> s.path("order").path("status").asText().equals("FILLED"));
                assertThat(filled.get("order").get("status").asText()).isEqualTo("FILLED");
            } finally {
                service.stop();
            }
        }
        List<String> fills = Jdbi.create("jdbc:sqlite:" + dir.resolve("run/journal.db"))
                .withHandle(h -> h.createQuery("SELECT json_extract(payload, '$.price') FROM journal_events"
                                + " WHERE type = 'OrderFilled'")
                        .mapTo(String.class)
                        .list());
        assertThat(fills).singleElement().asString().startsWith("16600."); // a price the stream traded at
        // the run folder keeps what the session was fed, ready to backtest
        List<String> recorded = Files.readAllLines(dir.resolve("run/market-data/BTC-USDT-trades.csv"));
        assertThat(recorded.get(0)).isEqualTo("time,price,size,side");
        assertThat(recorded.size()).isGreaterThan(3);
        assertThat(Files.readString(dir.resolve("run/market-data/recorded.yaml")))
                .contains("BTC-USDT-trades.csv");
    }

    /** Binance trade messages stamped from now on, ids from {@code first}, one every 50 ms, then the stream holds. */
    private static List<String> tradesFromNow(int first, int count) {
        long now = System.currentTimeMillis();
        List<String> script = new java.util.ArrayList<>();
        for (int i = first; i < first + count; i++) {
            long t = now + (i - first + 1) * 50L;
            script.add("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + t + ",\"s\":\"BTCUSDT\","
                    + "\"t\":" + i + ",\"p\":\"16600." + (10 + i % 80) + "\",\"q\":\"0.00500\",\"T\":" + t
                    + ",\"m\":false,\"M\":true}}");
            script.add("# sleep 50");
        }
        script.add("# hold");
        return script;
    }

    private static JsonNode get(HttpClient http, URI base, String path) throws Exception {
        return JSON.readTree(http.send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .header("Authorization", "Bearer " + ServiceProcess.TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private static HttpResponse<String> buy(HttpClient http, URI base, String id) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve("/v1/signals"))
                        .header("Authorization", "Bearer " + ServiceProcess.TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"signal_id\":\"" + id + "\",\"time\":"
                                + "\"2023-01-01T00:00:00Z\",\"strategy_id\":\"api\",\"instrument\":\"BTC-USDT\","
                                + "\"side\":\"BUY\",\"quantity\":0.001}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ServiceRunner serve(FixtureServer exchange, boolean resume) throws Exception {
        Path config = config("  - {instrument: BTC-USDT, source: binance, symbol: BTCUSDT, channels: [trades], url: \""
                + exchange.webSocket() + "\", rest-url: \"" + exchange.rest() + "\"}");
        return ServiceRunner.start(
                ConfigLoader.load(config),
                dir.resolve("session"),
                Plugins.loader(null),
                Map.of("EVENTDESK_TOKEN", ServiceProcess.TOKEN)::get,
                Clock.systemUTC(),
                resume);
    }

    @Test
    void shouldResumeAndReRunTheSession_whenALiveSessionWasStopped() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (FixtureServer exchange = FixtureServer.playing(List.of(tradesFromNow(1, 40)))) {
            ServiceRunner first = serve(exchange, false);
            URI base = URI.create("http://127.0.0.1:" + first.port());
            try {
                within(
                        Duration.ofSeconds(10),
                        () -> get(http, base, "/v1/health"),
                        h -> h.get("feed").get("delivered").asLong() >= 3);
                assertThat(buy(http, base, "live-1").statusCode()).isEqualTo(202);
                assertThat(within(
                                        Duration.ofSeconds(10),
                                        () -> get(http, base, "/v1/signals/live-1"),
                                        x -> x.path("order")
                                                .path("status")
                                                .asText()
                                                .equals("FILLED"))
                                .path("order")
                                .path("status")
                                .asText())
                        .isEqualTo("FILLED");
            } finally {
                first.stop();
            }
        }
        try (FixtureServer exchange = FixtureServer.playing(List.of(tradesFromNow(100, 40)))) {
            ServiceRunner again = serve(exchange, true);
            URI base = URI.create("http://127.0.0.1:" + again.port());
            try {
                // recovered from the journal and the recorded market data: the fill is there, the id not traded twice
                assertThat(get(http, base, "/v1/signals/live-1")
                                .path("order")
                                .path("status")
                                .asText())
                        .isEqualTo("FILLED");
                HttpResponse<String> repeat = buy(http, base, "live-1");
                assertThat(repeat.statusCode()).isEqualTo(200);
                within(
                        Duration.ofSeconds(10),
                        () -> get(http, base, "/v1/health"),
                        h -> h.get("feed").get("delivered").asLong() >= 3);
            } finally {
                again.stop();
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EventdeskCli.execute(
                new String[] {
                    "replay",
                    "--config",
                    dir.resolve("live.yaml").toString(),
                    dir.resolve("session").toString(),
                    "--out",
                    dir.resolve("replayed").toString()
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exit).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("identical");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "source: kraken, symbol: BTCUSDT, channels: [trades]|data[0].source|expected one of binance, bybit",
                "source: binance, symbol: BTC/USDT, channels: [trades]|data[0].symbol|the exchange's symbol",
                "source: binance, symbol: BTCUSDT, channels: [candles]|data[0].channels[0]|unknown channel 'candles'",
                "source: bybit, symbol: BTCUSDT, channels: [klines:7m]|data[0].channels[0]|not a bybit kline interval",
                "source: binance, symbol: BTCUSDT, channels: [trades], url: http://x|data[0].url|ws or wss",
                "source: binance, symbol: BTCUSDT, channels: [trades], validation: lenient|data[0].validation|"
                        + "expected one of strict, repair, skip",
            })
    void shouldRefuseBeforeConnecting_whenALiveSourceIsMisconfigured(String entry, String key, String why)
            throws Exception {
        Path config = config("  - {instrument: BTC-USDT, " + entry + "}");
        StringWriter err = new StringWriter();
        int exit = cli(
                err,
                "serve",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("bad").toString());
        assertThat(exit).isEqualTo(EventdeskCli.BAD_INPUT);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains(key).contains(why);
    }

    @Test
    void shouldTakeTheValidationPolicy_whenALiveEntryNamesOne() throws Exception {
        Path config = config("  - {instrument: BTC-USDT, source: binance, symbol: BTCUSDT, channels: [trades],"
                + " validation: strict, secondary: {source: bybit, symbol: BTCUSDT, channels: [trades]}}");
        var feed = ConfigLoader.load(config).liveFeeds().get(0);
        assertThat(feed.primary().validation()).isEqualTo("strict");
        assertThat(feed.secondary().validation()).isEqualTo("strict");
    }

    @Test
    void shouldRefuseAStreamOfAnUnknownInstrument_whenTheMappingIsMissing() throws Exception {
        Path config = config("  - {instrument: ETH-USDT, source: binance, symbol: ETHUSDT, channels: [trades]}");
        StringWriter err = new StringWriter();
        int exit = cli(
                err,
                "serve",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("bad").toString());
        assertThat(exit).isEqualTo(EventdeskCli.BAD_INPUT);
        assertThat(err.toString()).contains("data[0].instrument").contains("ETH-USDT");
    }

    @Test
    void shouldSendALiveConfigToTheService_whenItIsRunAsABacktest() throws Exception {
        Path config = config("  - {instrument: BTC-USDT, source: binance, symbol: BTCUSDT, channels: [trades]}");
        StringWriter err = new StringWriter();
        int exit = cli(
                err,
                "backtest",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("bt").toString());
        assertThat(exit).isEqualTo(EventdeskCli.BAD_INPUT);
        assertThat(err.toString()).contains("data[0].source").contains("for eventdesk serve");
    }
}
