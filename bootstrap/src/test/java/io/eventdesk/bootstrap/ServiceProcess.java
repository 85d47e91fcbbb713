package io.eventdesk.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code eventdesk serve} in a JVM of its own, on an ephemeral loopback port, and a client for it. */
final class ServiceProcess {
    static final String TOKEN = "process-token-0123456789";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Process process;
    final URI base;

    private ServiceProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts {@code serve --config config --out run} and more {@code args}; its output goes to {@code log}. */
    static ServiceProcess start(Path config, Path run, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.eventdesk.bootstrap.EventdeskCli",
                "serve",
                "--config",
                config.toString(),
                "--out",
                run.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("EVENTDESK_TOKEN", TOKEN);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m =
                first == null ? null : Pattern.compile("http://[^:]+:(\\d+)").matcher(first);
        if (m == null || !m.find()) {
            p.destroyForcibly();
            throw new AssertionError("the service did not start: " + first);
        }
        Files.writeString(log, first + "\n");
        Thread drain = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    Files.writeString(log, line + "\n", StandardOpenOption.APPEND);
                }
            } catch (IOException closed) {
                // the process went away
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new ServiceProcess(p, URI.create("http://127.0.0.1:" + m.group(1)));
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A signal of quantity 1 of TEST. */
    HttpResponse<String> signal(String id, String side) throws IOException, InterruptedException {
        return send(
                "POST",
                "/v1/signals",
                "{\"signal_id\":\"" + id + "\",\"time\":\"2024-01-02T00:00:00Z\",\"strategy_id\":\"api\","
                        + "\"instrument\":\"TEST\",\"side\":\"" + side + "\",\"quantity\":1}");
    }

    /** A service config over {@code bars} minute bars of TEST in {@code dir}, with {@code service} lines added. */
    static Path config(Path dir, String name, int bars, String service) throws IOException {
        Path data = dir.resolve(name + "-bars.csv");
        Files.writeString(data, Fixtures.minuteBars(bars, "\n"));
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, """
                name: %s
                account: {initial-cash: 1000000, base-currency: USD, allow-short: true}
                instruments:
                  - {id: TEST, asset-class: equity, currency: USD, tick-size: 0.01}
                data:
                  - {instrument: TEST, kind: bars, path: %s}
                service:
                  port: 0
                  source: {type: replay, speed: 600}
                """.formatted(name, data.getFileName()) + service);
        return config;
    }
}
