package io.eventdesk.benchmarks;

/** Runs benchmark 5 alone: {@code java -cp benchmarks.jar io.eventdesk.benchmarks.SideBySideProbe [bars]}. */
public final class SideBySideProbe {
    private SideBySideProbe() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 45_031;
        var r = Ta4jSideBySide.run(BenchmarkData.repeated(BenchmarkData.btcBars(), n), 2, 3);
        System.out.printf(
                "%d bars, %d identical trades; eventdesk %.1f ms, ta4j %.1f ms: eventdesk %.1fx faster%n",
                r.bars(), r.trades(), r.eventdeskNanos() / 1e6, r.ta4jNanos() / 1e6, r.ratio());
    }
}
