package io.eventdesk.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under load, as whole processes on loopback: {@code bin/eventdesk serve} with its journal on
 * PostgreSQL, then {@code clients} concurrent clients sending {@code signals} signals (after a warm-up), each
 * request timed from send to decision; the baseline is the same clients asking {@code /v1/health} as often (the
 * HTTP path without the desk). The journal's count of signals must equal the count acknowledged. Bounded: it stops
 * the server itself (SIGTERM) and every request has a timeout.
 *
 * <p>Usage: {@code ServiceLoad EVENTDESK_BIN EXAMPLES_DIR [SIGNALS [CLIENTS [JDBC_URL]]]}.
 */
public final class ServiceLoad {
    private static final String TOKEN = "load-token-0123456789abcdef";

    private ServiceLoad() {}

    public static void main(String[] args) throws Exception {
        Path bin = Path.of(args[0]);
        Path examples = Path.of(args[1]);
        int signals = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String jdbc = args.length > 4 ? args[4] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        Path dir = Files.createTempDirectory("eventdesk-load");
        Path config = dir.resolve("load.yaml");
        Files.writeString(config, """
                name: service-load
                account: {initial-cash: 100000000, base-currency: USDT, allow-short: true}
                instruments:
                  - {id: BTC-PERP, asset-class: crypto, currency: USDT, tick-size: 0.001, lot-size: 0.001}
                data:
                  - {instrument: BTC-PERP, kind: bars, path: '%s'}
                execution: {latency-ms: 250, slippage-bps: 1, commission: {type: bps, rate: 5}}
                journal: {url: '%s'}
                service: {port: 0, source: {type: replay, speed: 60}}
                """.formatted(
                examples.resolve("data/btc-perp-20211231-20220201_1m.csv").toAbsolutePath(), jdbc));
        ProcessBuilder pb = new ProcessBuilder(
                bin.toString(),
                "serve",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("run").toString());
        pb.environment().put("EVENTDESK_TOKEN", TOKEN);
        pb.redirectErrorStream(true);
        Process server = pb.start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m =
                    line == null ? null : Pattern.compile("http://[^:]+:(\\d+)").matcher(line);
            if (m == null || !m.find()) {
                throw new IllegalStateException("the server did not start: " + line);
            }
            URI base = URI.create("http://127.0.0.1:" + m.group(1));
            Thread drain = new Thread(() -> {
                try {
                    out.lines().forEach(l -> {});
                } catch (java.io.UncheckedIOException closed) {
                    // the server stopped
                }
            });
            drain.setDaemon(true);
            drain.start();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(clients, daemon()))
                    .build();
            waitUntilUp(http, base);
            AtomicInteger ids = new AtomicInteger();
            run(http, base, clients, 2_000, ids, true); // warm-up, not counted
            long[] health = run(http, base, clients, signals, ids, false);
            long started = System.nanoTime();
            long[] latencies = run(http, base, clients, signals, ids, true);
            double seconds = (System.nanoTime() - started) / 1e9;
            server.destroy(); // SIGTERM: the run finishes
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                throw new IllegalStateException("the server did not stop within 60 s");
            }
            String runId = Files.readString(dir.resolve("run/status.json"))
                    .replaceAll("(?s).*\"journal_run_id\" : \"([^\"]+)\".*", "$1");
            long journaled = journaled(jdbc, runId);
            int acknowledged = ids.get();
            System.out.printf("service load: %d signals from %d clients, journal on PostgreSQL%n", signals, clients);
            System.out.printf(
                    "  signals:  %.0f signals/s, latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    signals / seconds, ms(latencies, 0.50), ms(latencies, 0.99), ms(latencies, 1.0));
            System.out.printf(
                    "  baseline (GET /v1/health, same clients): p50 %.2f ms, p99 %.2f ms%n",
                    ms(health, 0.50), ms(health, 0.99));
            System.out.printf("  ratio p99 signal / p99 health: %.2f%n", ms(latencies, 0.99) / ms(health, 0.99));
            System.out.printf(
                    "  journal: %d signals journaled, %d acknowledged: %s%n",
                    journaled, acknowledged, journaled == acknowledged ? "equal" : "NOT EQUAL");
            if (journaled != acknowledged) {
                System.exit(1);
            }
        } finally {
            if (server.isAlive()) {
                server.destroyForcibly();
            }
        }
    }

    private static void waitUntilUp(HttpClient http, URI base) throws Exception {
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(base.resolve("/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the service did not report UP within 10 s");
    }

    /** {@code count} requests from {@code clients} threads; each one's latency in nanoseconds, sorted. */
    private static long[] run(HttpClient http, URI base, int clients, int count, AtomicInteger ids, boolean signals)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients, daemon());
        List<Future<long[]>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int share = count / clients + (c < count % clients ? 1 : 0);
            parts.add(pool.submit(() -> {
                long[] own = new long[share];
                for (int i = 0; i < share; i++) {
                    HttpRequest request;
                    if (signals) {
                        int id = ids.incrementAndGet();
                        String body = "{\"signal_id\":\"load-" + id + "\",\"time\":\"2022-01-01T00:00:00Z\","
                                + "\"strategy_id\":\"load-" + (id % 8) + "\",\"instrument\":\"BTC-PERP\",\"side\":\""
                                + (id % 2 == 0 ? "BUY" : "SELL") + "\",\"quantity\":0.001}";
                        request = HttpRequest.newBuilder(base.resolve("/v1/signals"))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                    } else {
                        request = HttpRequest.newBuilder(base.resolve("/v1/health"))
                                .timeout(Duration.ofSeconds(10))
                                .build();
                    }
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    own[i] = System.nanoTime() - t;
                    if (signals && r.statusCode() != 202) {
                        throw new IllegalStateException("signal answered " + r.statusCode() + ": " + r.body());
                    }
                }
                return own;
            }));
        }
        long[] all = new long[count];
        int at = 0;
        for (Future<long[]> f : parts) {
            long[] own = f.get(10, TimeUnit.MINUTES);
            System.arraycopy(own, 0, all, at, own.length);
            at += own.length;
        }
        pool.shutdown();
        Arrays.sort(all);
        return all;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "load-client");
            t.setDaemon(true);
            return t;
        };
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static long journaled(String jdbc, String runId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc);
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM journal_events WHERE run_id = ? AND type = 'SignalRaised'")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
