package io.eventdesk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every benchmark and prints one table: figure, value, ratio to its baseline, target. {@code --quick}
 * (default) replays 1 million bars and fits in a few minutes on 2 cores; {@code --full} replays 10 million.
 * Usage: {@code bin/benchmarks [--quick|--full]}.
 */
public final class BenchmarkSuite {
    private record Row(String figure, String value, String ratio, String target) {}

    private BenchmarkSuite() {}

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        boolean full = List.of(args).contains("--full");
        int bars = full ? 10_000_000 : 1_000_000;
        int sideBySideBars = full ? 1_000_000 : 450_000;
        String heap = full ? "-Xmx12g" : "-Xmx4g";
        String pgUrl =
                System.getenv().getOrDefault("EVENTDESK_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        boolean postgres = reachable(pgUrl);

        Collection<RunResult> results = new ArrayList<>();
        // the engine benchmarks: several single shots each
        results.addAll(new Runner(options(
                                "inMemory|inMemoryWithResults|steadyState|fromCsv|fromCsvReadAhead|parseOnly|orderHeavy",
                                bars,
                                pgUrl,
                                heap,
                                5,
                                full ? 7 : 5)
                        .addProfiler(GCProfiler.class)
                        .build())
                .run());
        // the journal benchmarks take seconds per shot: fewer of them
        String journals = postgres ? "journalSqlite|journalPostgres" : "journalSqlite";
        results.addAll(new Runner(options(journals, bars, pgUrl, heap, 1, 3).build()).run());

        Map<String, RunResult> byMethod = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            byMethod.put(label.substring(label.lastIndexOf('.') + 1), r);
        }
        double parse = perSecond(bars, byMethod.get("parseOnly"));
        double inMemory = perSecond(bars, byMethod.get("inMemory"));
        double fromCsv = perSecond(bars, byMethod.get("fromCsv"));
        double readAhead = perSecond(bars, byMethod.get("fromCsvReadAhead"));
        double heavy = perSecond(bars, byMethod.get("orderHeavy"));
        double withResults = perSecond(bars, byMethod.get("inMemoryWithResults"));
        double sqlite = perSecond(bars, byMethod.get("journalSqlite"));

        System.out.println();
        System.out.println("side by side with ta4j on " + sideBySideBars + " bars...");
        Ta4jSideBySide.Result peer =
                Ta4jSideBySide.run(BenchmarkData.repeated(BenchmarkData.btcBars(), sideBySideBars), 3, full ? 7 : 5);
        System.out.println("peak heap of benchmark 1a...");
        Map<String, Long> heapFigures = peakHeap(bars, heap);

        List<Row> rows = new ArrayList<>();
        rows.add(new Row("4  parse-only baseline (bars/s)", count(parse), "1.00 (baseline)", "-"));
        rows.add(new Row(
                "1a replay, bars in memory (events/s)", count(inMemory), ratio(inMemory, parse), ">= 5,000,000/s"));
        rows.add(
                new Row("1b replay from CSV (events/s)", count(fromCsv), ratio(fromCsv, parse), ">= 0.50 of baseline"));
        rows.add(new Row(
                "1b replay from CSV, read ahead on a 2nd thread (events/s)",
                count(readAhead),
                ratio(readAhead, parse),
                ">= 0.50 of baseline"));
        rows.add(new Row(
                "2  order-heavy (bars/s; 1 submit + 1 replace + 1 cancel each)",
                count(heavy),
                ratio(heavy, inMemory) + " of 1a",
                "-"));
        rows.add(new Row(
                "7  1a with round trips and statistics computed (events/s)",
                count(withResults),
                ratio(withResults, inMemory) + " of 1a",
                ">= 0.95 of 1a"));
        rows.add(new Row(
                "3  journal on, SQLite (events/s)",
                count(sqlite),
                ratio(sqlite, inMemory) + " of 1a",
                ">= 0.50 of 1a"));
        if (postgres) {
            double pg = perSecond(bars, byMethod.get("journalPostgres"));
            rows.add(new Row(
                    "3  journal on, PostgreSQL (events/s)",
                    count(pg),
                    ratio(pg, inMemory) + " of 1a",
                    ">= 0.25 of 1a"));
        } else {
            rows.add(new Row("3  journal on, PostgreSQL", "not run: no server at " + pgUrl, "-", ">= 0.25 of 1a"));
        }
        rows.add(new Row(
                "5  ta4j 0.17, same backtest, " + peer.trades() + " identical trades (bars/s)",
                count(peer.bars() / (peer.ta4jNanos() / 1e9)),
                String.format(Locale.ROOT, "eventdesk %.1fx faster", peer.ratio()),
                ">= 10x"));
        double steady = allocationPerOp(byMethod.get("steadyState")) / bars;
        rows.add(new Row(
                "6  allocation per market event, steady state: a position held (bytes)",
                String.format(Locale.ROOT, "%.1f", steady),
                ratio(steady, 100) + " of target",
                "< 100"));
        double alloc = allocationPerOp(byMethod.get("inMemory")) / bars;
        rows.add(new Row(
                "6  allocation per market event, 1a, signals on 6% of bars (bytes)",
                String.format(Locale.ROOT, "%.1f", alloc), ratio(alloc, 100) + " of target", "-"));
        rows.add(new Row(
                "6  peak heap of 1a above its input bars (MB)",
                String.format(Locale.ROOT, "%.1f", heapFigures.getOrDefault("peak-above-input", -1L) / 1e6),
                String.format(Locale.ROOT, "input bars hold %.0f MB", heapFigures.getOrDefault("input", -1L) / 1e6),
                "-"));
        print(rows, bars, full);
    }

    private static ChainedOptionsBuilder options(
            String methods, int bars, String pgUrl, String heap, int warmups, int measurements) {
        return new OptionsBuilder()
                .include(ReplayBenchmark.class.getName() + "\\.(" + methods + ")$")
                .param("bars", String.valueOf(bars))
                .param("postgresUrl", pgUrl)
                .forks(1)
                .warmupIterations(warmups)
                .measurementIterations(measurements)
                .jvmArgsAppend(heap, "-XX:+UseParallelGC")
                .shouldFailOnError(true);
    }

    private static double perSecond(int bars, RunResult r) {
        if (r == null) {
            return Double.NaN;
        }
        double ms = r.getPrimaryResult().getScore();
        return bars / (ms / 1000.0);
    }

    private static double allocationPerOp(RunResult r) {
        for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
            if (e.getKey().equals("gc.alloc.rate.norm")) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ratio(double v, double base) {
        return String.format(Locale.ROOT, "%.2f", v / base);
    }

    private static boolean reachable(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Map<String, Long> peakHeap(int bars, String heap) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(
                        java,
                        heap,
                        "-Xmn64m",
                        "-XX:+UseParallelGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PeakHeapProbe.class.getName(),
                        String.valueOf(bars))
                .redirectErrorStream(true)
                .start();
        Map<String, Long> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("input=")) {
                    for (String kv : line.split(" ")) {
                        String[] parts = kv.split("=");
                        out.put(parts[0], Long.parseLong(parts[1]));
                    }
                }
            }
        }
        p.waitFor();
        return out;
    }

    private static void print(List<Row> rows, int bars, boolean full) {
        int w1 = rows.stream().mapToInt(r -> r.figure().length()).max().orElse(10);
        int w2 = rows.stream().mapToInt(r -> r.value().length()).max().orElse(10);
        int w3 = rows.stream().mapToInt(r -> r.ratio().length()).max().orElse(10);
        String fmt = "%-" + w1 + "s  %" + w2 + "s  %-" + w3 + "s  %s%n";
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "eventdesk benchmarks (%s, %,d bars of BTC-PERP 1m, %d cores, %s)%n",
                full ? "full" : "quick",
                bars,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, fmt, "figure", "value", "ratio", "target");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, fmt, r.figure(), r.value(), r.ratio(), r.target());
        }
    }
}
