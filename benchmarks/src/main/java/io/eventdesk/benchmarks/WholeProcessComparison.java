package io.eventdesk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole-process comparison: the README's command ({@code bin/eventdesk backtest}, the embedded journal on, every
 * run file written) against a ta4j 0.17 program ({@link Ta4jProcess}) on the same CSV of the BTC month repeated to
 * {@code bars} bars, each a fresh JVM, alternated, the median wall time of each. Also the bundled example's wall
 * time. Arguments: the launcher (default {@code bin/eventdesk}), bars (default 900,000), runs (default 5).
 */
public final class WholeProcessComparison {
    private WholeProcessComparison() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path cli = Path.of(args.length > 0 ? args[0] : "bootstrap/target/eventdesk.jar")
                .toAbsolutePath();
        int bars = args.length > 1 ? Integer.parseInt(args[1]) : 900_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path self = Path.of(WholeProcessComparison.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toAbsolutePath();
        Path dir = Files.createTempDirectory("eventdesk-whole-process");
        Path csv = BenchmarkData.writeCsv(
                BenchmarkData.repeated(BenchmarkData.btcBars(), bars), dir.resolve("btc-repeated.csv"));
        Path config = dir.resolve("sma-cross.yaml");
        Files.writeString(
                config,
                Files.readString(BenchmarkData.exampleConfig())
                        .replace("data/btc-perp-20211231-20220201_1m.csv", csv.toString()));
        Path example = BenchmarkData.exampleConfig();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long[] ours = new long[runs];
        long[] theirs = new long[runs];
        long[] small = new long[runs];
        for (int i = 0; i < runs; i++) {
            ours[i] = time(
                    dir,
                    cli.toString(),
                    "backtest",
                    "--config",
                    config.toString(),
                    "--out",
                    dir.resolve("run").toString(),
                    "--quiet");
            theirs[i] = time(dir, java, "-cp", self.toString(), Ta4jProcess.class.getName(), csv.toString());
            small[i] = time(
                    dir,
                    cli.toString(),
                    "backtest",
                    "--config",
                    example.toString(),
                    "--out",
                    dir.resolve("example").toString(),
                    "--quiet");
        }
        System.out.printf("whole process, %,d bars, median of %d alternated runs:%n", bars, runs);
        System.out.printf("  eventdesk backtest (journal on, all run files): %,d ms %s%n", median(ours), list(ours));
        System.out.printf(
                "  ta4j 0.17 program on the same CSV:              %,d ms %s%n", median(theirs), list(theirs));
        System.out.printf("  ratio: eventdesk %.2f× faster%n", (double) median(theirs) / median(ours));
        System.out.printf("  bundled example (45,031 bars), whole process:   %,d ms %s%n", median(small), list(small));
    }

    private static long time(Path dir, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        int code = p.waitFor();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException(
                    String.join(" ", cmd) + " exited " + code + ": " + Files.readString(dir.resolve("stderr.txt")));
        }
        return ms;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String list(long[] v) {
        return Arrays.toString(v);
    }
}
