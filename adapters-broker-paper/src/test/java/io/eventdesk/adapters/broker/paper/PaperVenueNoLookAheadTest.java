package io.eventdesk.adapters.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.testing.Bars;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.testing.RecordingReports;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For every order type and every kind of data: no fill uses a price known only before the order arrived, or only
 * after the fill's time. Each fill must be explained by one piece of market data that the order was eligible for
 * (a bar opening at or after its arrival, a tick strictly after it) and that was known by the fill's time: at a
 * bar's open only the open, at its close anything within its range; on a tick its own price, or the order's limit
 * when the tick went through it.
 */
class PaperVenueNoLookAheadTest {
    private final Instrument aapl = Instruments.equity("AAPL");

    @ParameterizedTest(name = "{0} orders on {1}")
    @CsvSource({
        "MARKET, bars", "LIMIT, bars", "STOP, bars", "STOP_LIMIT, bars",
        "MARKET, trades", "LIMIT, trades", "STOP, trades", "STOP_LIMIT, trades",
        "MARKET, quotes", "LIMIT, quotes", "STOP, quotes", "STOP_LIMIT, quotes"
    })
    void shouldExplainEveryFillByDataKnownBetweenArrivalAndFill_whenReplayingRandomSequences(
            OrderType type, String kind) {
        int fills = 0;
        for (long seed = 1; seed <= 300; seed++) {
            fills += replay(seed, type, kind);
        }
        assertThat(fills).as("the sequences must actually trade").isGreaterThan(300);
    }

    private int replay(long seed, OrderType type, String kind) {
        SplittableRandom random = new SplittableRandom(seed);
        Duration latency = Duration.ofMillis(random.nextInt(4) * 700L);
        ExecutionVenuePort venue = PaperVenues.create(
                PaperVenueConfig.frictionless()
                        .withLatency(LatencyModel.fixed(latency))
                        .withParticipation(random.nextBoolean() ? null : new BigDecimal("0.3")),
                List.of(aapl));
        Portfolio account = new Portfolio(Money.of("USD", "1000000000"), List.of(aapl));
        RecordingReports reports = new RecordingReports(account);
        Map<Long, Instant> arrivals = new HashMap<>();
        Map<Long, OrderRequest> orders = new HashMap<>();
        List<MarketData> seen = new ArrayList<>();
        long cents = 10_000;
        for (int i = 0; i < 60; i++) {
            cents = Math.max(200, cents + random.nextInt(-25, 26));
            MarketData data = data(kind, i, cents, random);
            Instant opens = data instanceof Bar b ? b.openTime() : data.knownTime();
            venue.advanceTo(opens, reports);
            venue.onMarketData(data, reports);
            venue.advanceTo(data.knownTime(), reports);
            seen.add(data);
            if (random.nextInt(3) == 0) {
                long id = arrivals.size() + 1;
                OrderRequest order = order(type, cents, random);
                arrivals.put(id, venue.submit(new OrderId(id), order, data.knownTime()));
                orders.put(id, order);
            }
        }
        for (RecordingReports.Report fill : reports.fills()) {
            Instant arrival = arrivals.get(fill.order().value());
            OrderRequest order = orders.get(fill.order().value());
            assertThat(fill.time()).as("fill before arrival, seed " + seed).isAfterOrEqualTo(arrival);
            assertThat(seen.stream().anyMatch(d -> explains(d, fill, arrival, order)))
                    .as("seed %d: no data explains %s of %s arriving %s", seed, fill, order, arrival)
                    .isTrue();
        }
        return reports.fills().size();
    }

    private static boolean explains(MarketData d, RecordingReports.Report fill, Instant arrival, OrderRequest order) {
        Price p = fill.price();
        Price limit = order.limitPrice();
        if (d instanceof Bar b) {
            if (b.openTime().isBefore(arrival)) {
                return false;
            }
            if (fill.time().equals(b.openTime())) {
                return p.equals(b.open());
            }
            return fill.time().equals(b.closeTime()) && !p.isBelow(b.low()) && !p.isAbove(b.high());
        }
        if (!d.knownTime().isAfter(arrival) || !d.knownTime().equals(fill.time())) {
            return false;
        }
        boolean buy = order.side() == Side.BUY;
        if (d instanceof Trade t) {
            return p.equals(t.price())
                    || p.equals(limit)
                            && (buy ? t.price().isBelow(limit) : t.price().isAbove(limit));
        }
        Quote q = (Quote) d;
        Price far = buy ? q.ask() : q.bid();
        return p.equals(far) || p.equals(limit) && (buy ? !far.isAbove(limit) : !far.isBelow(limit));
    }

    private MarketData data(String kind, int i, long cents, SplittableRandom random) {
        return switch (kind) {
            case "bars" ->
                Bars.aBar()
                        .of("AAPL")
                        .atMinute(i)
                        .ohlc(
                                cents(cents),
                                cents(cents + random.nextInt(0, 30)),
                                cents(cents - random.nextInt(0, 30)),
                                cents(cents))
                        .volume(String.valueOf(random.nextInt(10, 100)))
                        .build();
            case "trades" ->
                new Trade(
                        aapl.id(),
                        Bars.T0.plusMillis(500L * i),
                        Price.of(cents(cents)),
                        Quantity.of(random.nextInt(1, 50)),
                        null);
            default ->
                new Quote(
                        aapl.id(),
                        Bars.T0.plusMillis(500L * i),
                        Price.of(cents(cents - 1 - random.nextInt(5))),
                        Price.of(cents(cents + 1 + random.nextInt(5))),
                        Quantity.of(random.nextInt(1, 50)),
                        Quantity.of(random.nextInt(1, 50)));
        };
    }

    private OrderRequest order(OrderType type, long cents, SplittableRandom random) {
        Price a = Price.of(cents(cents + random.nextInt(-40, 41)));
        Price b = Price.of(cents(cents + random.nextInt(-40, 41)));
        OrderTerms terms = switch (type) {
            case MARKET -> OrderTerms.market();
            case LIMIT -> OrderTerms.limit(a);
            case STOP -> OrderTerms.stop(a);
            case STOP_LIMIT -> OrderTerms.stopLimit(a, b);
        };
        if (!type.hasTrigger() && random.nextInt(4) == 0) {
            terms = terms.with(TimeInForce.IOC);
        }
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        return new OrderRequest("t", aapl.id(), side, Quantity.of(random.nextInt(1, 30)), terms);
    }

    private static String cents(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
