package io.eventdesk.benchmarks;

import io.eventdesk.adapters.broker.paper.CommissionModel;
import io.eventdesk.adapters.broker.paper.PaperVenueConfig;
import io.eventdesk.adapters.broker.paper.PaperVenues;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.application.engine.RunBacktestService;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.portfolio.LotMethod;
import io.eventdesk.domain.results.ResultsSpec;
import io.eventdesk.domain.results.RunResults;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyParameters;
import io.eventdesk.domain.strategy.builtin.SmaCrossStrategy;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The standard backtest of the benchmarks: sma-cross 10/20 on BTC-PERP, next-open fills, the example's frictions. */
public final class Backtests {
    private Backtests() {}

    public static Strategy smaCross() {
        return new SmaCrossStrategy(
                new StrategyParameters("benchmark", Map.of("fast", "10", "slow", "20", "quantity", "1")));
    }

    public static RiskLimits limits() {
        return RiskLimits.builder()
                .maxOrderQuantity(Quantity.of(5))
                .putMaxPosition(BenchmarkData.BTC.id(), Quantity.of(5))
                .maxLeverage(new BigDecimal("2"))
                .maxDrawdown(new BigDecimal("0.9"))
                .build();
    }

    public static PaperVenueConfig execution() {
        return new PaperVenueConfig(
                Duration.ZERO, BigDecimal.ONE, new CommissionModel.Bps(new BigDecimal("5"), BigDecimal.ZERO));
    }

    /** Runs a backtest over {@code feed} with {@code strategy}, journaling into {@code journal}. */
    public static RunSummary run(MarketDataFeedPort feed, Strategy strategy, EventJournalPort journal) {
        RiskLimits risk = strategy instanceof ChurnStrategy ? RiskLimits.none() : limits();
        return run(feed, strategy, journal, execution(), risk);
    }

    public static RunSummary run(
            MarketDataFeedPort feed,
            Strategy strategy,
            EventJournalPort journal,
            PaperVenueConfig execution,
            RiskLimits limits) {
        return run(feed, strategy, journal, RunArtifacts.disabled(), execution, limits);
    }

    /** Benchmark 7: 1a with the run's results (round trips, statistics) computed as it goes, no files. */
    public static RunSummary inMemoryWithResults(List<Bar> bars) {
        ResultsSpec spec = new ResultsSpec(
                List.of(BenchmarkData.BTC), BenchmarkData.BTC.currency(), LotMethod.AVERAGE_COST, null, null);
        RunResults results = spec.newResults(trip -> {}, 0);
        RunArtifactsPort computeOnly = new RunArtifactsPort() {
            @Override
            public void record(Event event) {
                results.accept(event);
            }

            @Override
            public void finish(RunSummary summary) {
                if (results.statistics().values().isEmpty()) {
                    throw new IllegalStateException("no statistics");
                }
            }

            @Override
            public void close() {}
        };
        return run(
                MarketDataFeeds.inMemory(bars, "benchmark bars"),
                smaCross(),
                EventJournals.disabled(),
                computeOnly,
                execution(),
                limits());
    }

    private static RunSummary run(
            MarketDataFeedPort feed,
            Strategy strategy,
            EventJournalPort journal,
            RunArtifactsPort artifacts,
            PaperVenueConfig execution,
            RiskLimits limits) {
        BacktestRequest request = new BacktestRequest(
                "benchmark",
                1,
                Money.of("USDT", "1000000000"),
                List.of(BenchmarkData.BTC),
                feed,
                PaperVenues.create(execution, List.of(BenchmarkData.BTC)),
                journal,
                artifacts,
                Map.of("strategy", strategy),
                limits);
        return new RunBacktestService().run(request);
    }

    /** Benchmark 1a: from bars already in memory, journal off. */
    public static RunSummary inMemory(List<Bar> bars) {
        return run(MarketDataFeeds.inMemory(bars, "benchmark bars"), smaCross(), EventJournals.disabled());
    }
}
