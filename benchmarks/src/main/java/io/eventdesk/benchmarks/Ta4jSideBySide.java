package io.eventdesk.benchmarks;

import io.eventdesk.adapters.broker.paper.PaperVenueConfig;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.JournalReceipt;
import io.eventdesk.domain.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Indicator;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.AbstractRule;

/**
 * Benchmark 5: the same sma-cross 10/20 backtest with next-open fills in eventdesk and in ta4j 0.17, in one
 * process. First both run once and their trades (time and price of every entry and exit) must be identical; then
 * each is timed over the same bars (median of several runs after warm-up).
 *
 * <p>ta4j's built-in {@code CrossedUpIndicatorRule} looks back over equal values, so on ties it differs from the
 * rule eventdesk documents (cross at i when fast ≤ slow at i−1); the ta4j side therefore uses a two-line rule with
 * eventdesk's definition, built on ta4j's own SMA indicators.
 */
public final class Ta4jSideBySide {
    /** The outcome: trades compared, and the median time of each. */
    public record Result(int trades, long eventdeskNanos, long ta4jNanos, int bars) {
        public double ratio() {
            return (double) ta4jNanos / eventdeskNanos;
        }
    }

    private Ta4jSideBySide() {}

    public static Result run(List<Bar> bars, int warmups, int runs) {
        List<String> ours = eventdeskTrades(bars);
        BarSeries series = series(bars);
        List<String> theirs = ta4jTrades(series, bars);
        if (!ours.equals(theirs)) {
            int i = 0;
            while (i < Math.min(ours.size(), theirs.size()) && ours.get(i).equals(theirs.get(i))) {
                i++;
            }
            throw new IllegalStateException("trades differ at trade " + i + " of " + ours.size() + "/" + theirs.size()
                    + ": eventdesk " + (i < ours.size() ? ours.get(i) : "-") + ", ta4j "
                    + (i < theirs.size() ? theirs.get(i) : "-"));
        }
        long[] ed = new long[runs];
        long[] ta = new long[runs];
        for (int i = 0; i < warmups + runs; i++) {
            long t0 = System.nanoTime();
            Backtests.run(
                    MarketDataFeeds.inMemory(bars, "side-by-side"),
                    Backtests.smaCross(),
                    EventJournals.disabled(),
                    PaperVenueConfig.frictionless(),
                    RiskLimits.none());
            long t1 = System.nanoTime();
            runTa4j(series);
            long t2 = System.nanoTime();
            if (i >= warmups) {
                ed[i - warmups] = t1 - t0;
                ta[i - warmups] = t2 - t1;
            }
        }
        return new Result(ours.size(), median(ed), median(ta), bars.size());
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** "BUY 2021-12-31T23:37:00Z 46416" for each fill of a frictionless eventdesk run. */
    static List<String> eventdeskTrades(List<Bar> bars) {
        List<String> trades = new ArrayList<>();
        EventJournalPort capture = new EventJournalPort() {
            private long events;

            @Override
            public void append(Event event) {
                events++;
                if (event instanceof OrderFilled f) {
                    trades.add(f.side() + " " + f.time() + " "
                            + f.price().toBigDecimal().stripTrailingZeros().toPlainString());
                }
            }

            @Override
            public void flush() {}

            @Override
            public JournalReceipt finish() {
                return new JournalReceipt(events, "captured");
            }

            @Override
            public void close() {}
        };
        Backtests.run(
                MarketDataFeeds.inMemory(bars, "side-by-side"),
                Backtests.smaCross(),
                capture,
                PaperVenueConfig.frictionless(),
                RiskLimits.none());
        return trades;
    }

    static BarSeries series(List<Bar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withName("BTC-PERP").build();
        for (Bar b : bars) {
            series.addBar(
                    Duration.between(b.openTime(), b.closeTime()),
                    b.closeTime().atZone(ZoneOffset.UTC),
                    b.open().toBigDecimal(),
                    b.high().toBigDecimal(),
                    b.low().toBigDecimal(),
                    b.close().toBigDecimal(),
                    b.volume() == null ? BigDecimal.ZERO : b.volume().toBigDecimal());
        }
        return series;
    }

    static TradingRecord runTa4j(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 20);
        BaseStrategy strategy = new BaseStrategy(new Cross(fast, slow, true), new Cross(fast, slow, false), 20);
        return new BarSeriesManager(series, new TradeOnNextOpenModel()).run(strategy);
    }

    static List<String> ta4jTrades(BarSeries series, List<Bar> bars) {
        List<String> trades = new ArrayList<>();
        for (Trade t : runTa4j(series).getTrades()) {
            Instant open = bars.get(t.getIndex()).openTime();
            trades.add((t.isBuy() ? "BUY" : "SELL") + " " + open + " "
                    + ((BigDecimal) t.getPricePerAsset().getDelegate())
                            .stripTrailingZeros()
                            .toPlainString());
        }
        return trades;
    }

    /** Fast crosses above (below) slow at i when fast > slow at i and fast ≤ slow at i−1 (mirrored for below). */
    private static final class Cross extends AbstractRule {
        private final Indicator<Num> fast;
        private final Indicator<Num> slow;
        private final boolean up;

        Cross(Indicator<Num> fast, Indicator<Num> slow, boolean up) {
            this.fast = fast;
            this.slow = slow;
            this.up = up;
        }

        @Override
        public boolean isSatisfied(int index, TradingRecord tradingRecord) {
            if (index == 0) {
                return false;
            }
            int now = fast.getValue(index).compareTo(slow.getValue(index));
            int before = fast.getValue(index - 1).compareTo(slow.getValue(index - 1));
            return up ? now > 0 && before <= 0 : now < 0 && before >= 0;
        }
    }
}
