package io.eventdesk.bootstrap;

import io.eventdesk.adapters.broker.paper.PaperVenueConfig;
import io.eventdesk.adapters.broker.paper.PaperVenues;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.marketdata.SyntheticMarketData;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.application.engine.RunBacktestService;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.strategy.StrategyParameters;
import io.eventdesk.domain.strategy.builtin.BuiltinStrategies;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;

/**
 * Replays {@code args[0]} synthetic bars (read ahead on another thread) through sma-cross, the risk engine, the
 * paper venue and the portfolio, with the journal and the run files off, and prints the number of market events and
 * the peak heap used. Run it in a JVM with a small {@code -Xmx} to show the replay streams in constant memory.
 */
public final class ConstantMemoryProbe {
    private ConstantMemoryProbe() {}

    public static void main(String[] args) {
        long bars = Long.parseLong(args[0]);
        Instrument synth = new Instrument(
                InstrumentId.of("SYNTH"),
                AssetClass.CRYPTO,
                Currency.of("USD"),
                Price.of("0.01"),
                Quantity.of(1),
                Quantity.of(1));
        SyntheticMarketData data = SyntheticMarketData.bars(synth, bars, 42);
        RunSummary s = new RunBacktestService()
                .run(new BacktestRequest(
                        "constant-memory",
                        42,
                        Money.of("USD", "1000000"),
                        List.of(synth),
                        MarketDataFeeds.readAhead(data.feed()),
                        PaperVenues.create(PaperVenueConfig.frictionless(), List.of(synth)),
                        EventJournals.disabled(),
                        RunArtifacts.disabled(),
                        Map.of(
                                "sma",
                                BuiltinStrategies.create(
                                                "sma-cross",
                                                new StrategyParameters(
                                                        "probe", Map.of("fast", "10", "slow", "20", "quantity", "1")))
                                        .orElseThrow()),
                        RiskLimits.none()));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("events=" + s.marketEvents() + " fills=" + s.fills() + " peakHeapMB=" + peak / (1 << 20)
                + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1 << 20));
    }
}
