package io.eventdesk.benchmarks;

import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.run.RunSummary;
import java.util.List;

/** A rough wall-clock probe used while tuning (JMH gives the reported figures). */
public final class QuickTiming {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<Bar> bars = BenchmarkData.repeated(BenchmarkData.btcBars(), n);
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            RunSummary s = Backtests.inMemory(bars);
            long t1 = System.nanoTime();
            System.out.printf(
                    "%d bars in %.3f s = %.0f bars/s, fills %d, equity %s%n",
                    s.marketEvents(),
                    (t1 - t0) / 1e9,
                    s.marketEvents() / ((t1 - t0) / 1e9),
                    s.fills(),
                    s.finalEquity());
        }
    }
}
