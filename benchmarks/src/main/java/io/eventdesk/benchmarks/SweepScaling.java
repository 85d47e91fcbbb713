package io.eventdesk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sweeps as whole processes ({@code bin/eventdesk sweep} on the bundled BTC month): 1,000 combinations of the SMA
 * cross with 1 and 2 workers, alternated {@code rounds} times (this machine is noisy), against one {@code backtest}
 * of the same data; then memory: 100 and 10,000 combinations in the same small heap ({@code -Xmx64m}), the largest
 * heap left after any collection read from the GC log. Prints one line per measurement and a summary.
 *
 * <p>Usage: {@code SweepScaling EVENTDESK EXAMPLES [ROUNDS [MEMORY_COMBINATIONS]]}.
 */
public final class SweepScaling {
    private SweepScaling() {}

    public static void main(String[] args) throws Exception {
        Path eventdesk = Path.of(args[0]);
        Path examples = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int memoryCombinations = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        Path config = examples.resolve("sweep-btc.yaml");
        Path work = Files.createTempDirectory("eventdesk-sweep-bench");
        List<String> thousand = List.of(
                "--param", "strategy.params.fast=2:51:1",
                "--param", "strategy.params.slow=60:250:10",
                "--param", "execution.slippage-bps=1");
        run(
                eventdesk,
                List.of(
                        "backtest",
                        "--config",
                        examples.resolve("sma-cross-btc.yaml").toString(),
                        "--out",
                        work.resolve("warm").toString(),
                        "--quiet"),
                null); // untimed: the class-data archive
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        List<Double> backtest = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            backtest.add(run(
                    eventdesk,
                    List.of(
                            "backtest",
                            "--config",
                            examples.resolve("sma-cross-btc.yaml").toString(),
                            "--out",
                            work.resolve("b" + r).toString(),
                            "--quiet"),
                    null));
            one.add(sweep(eventdesk, config, work.resolve("w1-" + r), thousand, 1, null));
            two.add(sweep(eventdesk, config, work.resolve("w2-" + r), thousand, 2, null));
            System.out.printf(
                    Locale.ROOT,
                    "round %d: backtest %.2f s, 1000 combinations: 1 worker %.2f s, 2 workers" + " %.2f s%n",
                    r + 1,
                    backtest.get(r),
                    one.get(r),
                    two.get(r));
        }
        double m1 = median(one);
        double m2 = median(two);
        double mb = median(backtest);
        System.out.printf(
                Locale.ROOT,
                "median: 1 worker %.2f s, 2 workers %.2f s, speed-up %.2fx; per combination"
                        + " %.1f ms (2 workers) against one backtest process %.2f s (%.0fx)%n",
                m1,
                m2,
                m1 / m2,
                m2 * 1000 / 1000,
                mb,
                mb / (m2 / 1000));

        Path small = work.resolve("gc-small.log");
        Path large = work.resolve("gc-large.log");
        List<String> random = List.of(
                "--method",
                "random",
                "--seed",
                "7",
                "--param",
                "strategy.params.fast=int-uniform:2:40",
                "--param",
                "strategy.params.slow=int-uniform:60:250",
                "--param",
                "execution.slippage-bps=1");
        List<String> hundred = new ArrayList<>(random);
        hundred.addAll(List.of("--samples", "100"));
        List<String> many = new ArrayList<>(random);
        many.addAll(List.of("--samples", String.valueOf(memoryCombinations)));
        double tSmall = sweep(eventdesk, config, work.resolve("m100"), hundred, 2, "-Xmx64m -Xlog:gc:file=" + small);
        double tLarge = sweep(eventdesk, config, work.resolve("m-many"), many, 2, "-Xmx64m -Xlog:gc:file=" + large);
        System.out.printf(
                Locale.ROOT,
                "memory, -Xmx64m: 100 combinations %.1f s, largest heap after a collection %d"
                        + " MB; %d combinations %.1f s, %d MB; sweep.csv rows %d%n",
                tSmall,
                maxAfterGc(small),
                memoryCombinations,
                tLarge,
                maxAfterGc(large),
                Files.readAllLines(work.resolve("m-many/sweep.csv")).size() - 1);
    }

    private static double sweep(Path eventdesk, Path config, Path out, List<String> params, int workers, String opts)
            throws Exception {
        List<String> a = new ArrayList<>(List.of(
                "sweep",
                "--config",
                config.toString(),
                "--out",
                out.toString(),
                "--quiet",
                "--workers",
                String.valueOf(workers)));
        a.addAll(params);
        return run(eventdesk, a, opts);
    }

    private static double run(Path eventdesk, List<String> args, String javaOpts)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(eventdesk.toString());
        cmd.addAll(args);
        ProcessBuilder pb =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (javaOpts != null) {
            pb.environment().put("JAVA_OPTS", javaOpts);
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + exit);
        }
        return s;
    }

    /** The largest heap in use after any collection in a {@code -Xlog:gc} log ({@code …M->NM(…)}), in MB. */
    static long maxAfterGc(Path log) throws IOException {
        Pattern after = Pattern.compile("\\d+M->(\\d+)M\\(");
        long max = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = after.matcher(line);
            if (m.find()) {
                max = Math.max(max, Long.parseLong(m.group(1)));
            }
        }
        return max;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
