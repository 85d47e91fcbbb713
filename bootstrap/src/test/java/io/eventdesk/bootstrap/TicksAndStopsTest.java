package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.adapters.broker.paper.LatencyModel;
import io.eventdesk.adapters.broker.paper.PaperVenueConfig;
import io.eventdesk.adapters.broker.paper.PaperVenues;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.application.engine.RunBacktestService;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ticks through the whole engine: a strategy buys on quotes, protects the position with a reduce-only stop, and the
 * stop triggers on a later quote. Quotes cross the spread; the journal tells the order's life from the trigger to
 * the fill.
 */
class TicksAndStopsTest {
    private static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");
    private static final Instrument SPY = new Instrument(
            InstrumentId.of("SPY"),
            AssetClass.EQUITY,
            Currency.of("USD"),
            Price.of("0.01"),
            Quantity.of(1),
            Quantity.of(1));

    @TempDir
    Path dir;

    /** Buys 10 on the first quote, then guards the position with a stop 1.00 below the entry. */
    public static final class BuyThenStop implements Strategy {
        private boolean bought;
        private boolean guarded;

        @Override
        public List<Signal> onMarketData(MarketData data, StrategyContext context) {
            if (!bought) {
                bought = true;
                return List.of(Signal.target("enter", SPY.id(), Quantity.of(10), "first quote", Map.of()));
            }
            if (!guarded && context.position(SPY.id()).isPositive()) {
                guarded = true;
                return List.of(new Signal(
                        "stop-loss",
                        SPY.id(),
                        Quantity.ZERO,
                        OrderTerms.stop(Price.of("99.20")).asReduceOnly(),
                        "protect the entry at 100.20 with a stop 1.00 below",
                        Map.of("entry", "100.20")));
            }
            return List.of();
        }
    }

    private static Quote quote(int second, String bid, String ask) {
        return new Quote(
                SPY.id(), T0.plusSeconds(second), Price.of(bid), Price.of(ask), Quantity.of(500), Quantity.of(500));
    }

    @Test
    void shouldCrossTheSpreadAndTriggerTheStopOnTheBid_whenQuotesAreReplayed() throws IOException {
        List<MarketData> data = new ArrayList<>(List.of(
                quote(0, "100.00", "100.10"),
                quote(1, "100.10", "100.20"), // the buy arrives after 50 ms: fills at this ask
                quote(2, "100.00", "100.10"),
                quote(3, "99.40", "99.50"),
                quote(4, "99.15", "99.25"), // the bid crosses the stop 99.20: sold at 99.15
                new Trade(SPY.id(), T0.plusSeconds(5), Price.of("99.20"), Quantity.of(100), null)));
        Path journal = dir.resolve("journal.db");
        RunSummary summary = new RunBacktestService()
                .run(new BacktestRequest(
                        "ticks",
                        1,
                        Money.of("USD", "100000"),
                        List.of(SPY),
                        MarketDataFeeds.inMemory(data, "quotes"),
                        PaperVenues.create(
                                PaperVenueConfig.frictionless().withLatency(LatencyModel.fixed(Duration.ofMillis(50))),
                                List.of(SPY)),
                        EventJournals.sqlite(journal, "ticks"),
                        RunArtifacts.directory(dir),
                        Map.of("guard", new BuyThenStop()),
                        RiskLimits.none()));

        List<String> fills = Files.readAllLines(dir.resolve("fills.csv"));
        assertThat(fills.subList(1, fills.size()))
                .containsExactly(
                        "2024-03-01T14:30:01Z,O-1,SPY,BUY,10,100.2,0,guard,0.05,TAKER",
                        "2024-03-01T14:30:04Z,O-2,SPY,SELL,10,99.15,0,guard,0.05,TAKER");
        assertThat(summary.realizedPnl()).isEqualTo(Money.of("USD", "-10.5"));
        List<String> o2 = Jdbi.create("jdbc:sqlite:" + journal)
                .withHandle(h -> h.createQuery(
                                "SELECT type FROM journal_events WHERE payload LIKE '%\"orderId\":\"O-2\"%' ORDER BY sequence")
                        .mapTo(String.class)
                        .list());
        assertThat(o2)
                .containsExactly(
                        "OrderInitialized",
                        "RiskEvaluated",
                        "OrderSubmitted",
                        "OrderAccepted",
                        "OrderTriggered",
                        "OrderFilled");
        assertThat(summary.marketEvents()).isEqualTo(6);
    }
}
