package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.adapters.marketdata.live.FixtureServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service on a live stream (a local Binance exchange), killed with SIGKILL at seeded random moments under load and
 * resumed from its journal and its run folder's arrival log: every answered signal is journaled once, none is traded
 * twice, the portfolio equals a rebuild from the journal, and the whole session re-runs to the same digest.
 */
class LiveRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldRecoverEverythingAndReRunIdentically_whenALiveSessionIsKilledUnderLoad() throws Exception {
        long now = System.currentTimeMillis();
        List<String> script = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            long t = now + i * 10L;
            script.add(
                    "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + t + ",\"s\":\"BTCUSDT\",\"t\":"
                            + i + ",\"p\":\"16600." + (10 + i % 80) + "\",\"q\":\"0.00500\",\"T\":" + t
                            + ",\"m\":" + (i % 2 == 0) + ",\"M\":true}}");
            script.add("# sleep 10");
        }
        script.add("# hold");
        try (FixtureServer exchange = FixtureServer.playing(List.of(script))) {
            Path config = dir.resolve("live-recovery.yaml");
            Files.writeString(config, """
                    name: live-recovery
                    account: {initial-cash: 1000000, base-currency: USDT, allow-short: true}
                    instruments:
                      - {id: BTC-USDT, asset-class: crypto, currency: USDT, tick-size: 0.01, lot-size: 0.00001}
                    data:
                      - {instrument: BTC-USDT, source: binance, symbol: BTCUSDT, channels: [trades], url: "%s"}
                    service:
                      port: 0
                    """.formatted(exchange.webSocket()));
            Path run = dir.resolve("run");
            Random random = new Random(20261201);
            Map<String, String> answered = new LinkedHashMap<>();
            List<String> unanswered = new ArrayList<>();
            int next = 0;
            for (int round = 0; round < 3; round++) {
                Path log = dir.resolve("serve-" + round + ".log");
                ServiceProcess server = round > 0
                        ? ServiceProcess.start(config, run, log, "--resume")
                        : ServiceProcess.start(config, run, log);
                for (String id : new ArrayList<>(unanswered)) {
                    HttpResponse<String> r = send(server, id);
                    assertThat(r.statusCode()).as("retry of %s", id).isIn(200, 202);
                    answered.put(id, decision(r));
                    unanswered.remove(id);
                }
                for (String id : answered.keySet().stream().limit(10).toList()) {
                    HttpResponse<String> r = send(server, id);
                    assertThat(r.statusCode())
                            .as("repeat of %s after a restart", id)
                            .isEqualTo(200);
                    assertThat(decision(r)).isEqualTo(answered.get(id));
                }
                boolean last = round == 2;
                AtomicBoolean killed = new AtomicBoolean();
                if (!last) {
                    long delay = 400 + random.nextInt(800);
                    new Thread(() -> {
                                try {
                                    Thread.sleep(delay);
                                } catch (InterruptedException e) {
                                    return;
                                }
                                killed.set(true);
                                server.process.destroyForcibly(); // SIGKILL, mid-stream and mid-load
                            })
                            .start();
                }
                int sent = 0;
                while (!killed.get() && (last ? sent < 60 : sent < 100_000)) {
                    String id = "l-" + next++;
                    sent++;
                    try {
                        HttpResponse<String> r = send(server, id);
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                        answered.put(id, decision(r));
                    } catch (IOException lost) {
                        unanswered.add(id);
                    }
                }
                if (last) {
                    Thread.sleep(300); // some market data after the last signals
                    server.process.destroy();
                }
                assertThat(server.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(unanswered).isEmpty();
            assertThat(answered.size()).isGreaterThan(20);
            assertThat(Files.readString(run.resolve("status.json"))).contains("\"status\" : \"FINISHED\"");
            RecoveryChecks.assertTakenOnceAndRebuilt(run, config, RecoveryChecks.signalsIn(run), answered.keySet());
            RunFolder replayed = RunFolder.cli(
                    run,
                    "replay",
                    "--config",
                    config.toString(),
                    run.toString(),
                    "--out",
                    dir.resolve("re").toString());
            assertThat(replayed.exitCode).as(replayed.out + replayed.err).isZero();
            assertThat(replayed.out).contains("identical");
        }
    }

    private static HttpResponse<String> send(ServiceProcess server, String id) throws Exception {
        String side = Math.floorMod(id.hashCode(), 3) == 0 ? "SELL" : "BUY";
        return server.send(
                "POST",
                "/v1/signals",
                "{\"signal_id\":\"" + id + "\",\"time\":\"2023-01-01T00:00:00Z\",\"strategy_id\":\"api\","
                        + "\"instrument\":\"BTC-USDT\",\"side\":\"" + side + "\",\"quantity\":0.001}");
    }

    private static String decision(HttpResponse<String> r) throws IOException {
        JsonNode n = JSON.readTree(r.body());
        return n.get("outcome").asText() + " " + n.path("order_id").asText() + " "
                + n.get("sequence").asLong();
    }
}
