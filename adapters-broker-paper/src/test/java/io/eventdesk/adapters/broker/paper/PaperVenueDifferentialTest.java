package io.eventdesk.adapters.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderTerms;
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
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The paper venue against {@link ReferenceVenue} on thousands of seeded random sequences of bars, orders of every
 * type (market, limit, stop, stop-limit; GTC, IOC, FOK) and cancels, with and without a participation cap: the
 * accepted, filled, canceled and too-late reports must be identical, fill by fill.
 */
class PaperVenueDifferentialTest {
    private static final int SEQUENCES = 3000;
    private final Instrument aapl = Instruments.equity("AAPL");

    @Test
    void shouldReportExactlyWhatTheReferenceReports_whenReplayingRandomSequences() {
        int fills = 0;
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            fills += compare(seed);
        }
        assertThat(fills).as("the sequences must actually trade").isGreaterThan(SEQUENCES * 5);
    }

    private int compare(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Duration latency = Duration.ofSeconds(random.nextInt(3) * 30L);
        BigDecimal participation = random.nextBoolean() ? null : new BigDecimal("0." + (1 + random.nextInt(5)));
        ExecutionVenuePort venue = PaperVenues.create(
                new PaperVenueConfig(latency, BigDecimal.ZERO, CommissionModel.none()).withParticipation(participation),
                List.of(aapl));
        ReferenceVenue reference = new ReferenceVenue(latency, new BigDecimal("0.01"), participation);
        Portfolio account = new Portfolio(Money.of("USD", "1000000000"), List.of(aapl));
        RecordingReports reports = new RecordingReports(account);

        long price = 10_000; // in cents
        long orders = 0;
        for (int minute = 0; minute < 30; minute++) {
            long open = Math.max(100, price + random.nextInt(-30, 31));
            long close = Math.max(100, open + random.nextInt(-60, 61));
            long high = Math.max(open, close) + random.nextInt(0, 40);
            long low = Math.max(50, Math.min(open, close) - random.nextInt(0, 40));
            if (random.nextInt(5) == 0) { // extremes equally far from the open: the path's tie rule decides
                long reach = random.nextInt(1, 60);
                high = open + reach;
                low = open - reach;
                close = low + random.nextLong(2 * reach + 1);
            }
            price = close;
            Bar bar = Bars.aBar()
                    .of("AAPL")
                    .atMinute(minute)
                    .ohlc(cents(open), cents(high), cents(low), cents(close))
                    .volume(random.nextInt(4) == 0 ? null : String.valueOf(random.nextInt(20, 200)))
                    .build();
            venue.advanceTo(bar.openTime(), reports);
            venue.onMarketData(bar, reports);
            venue.advanceTo(bar.closeTime(), reports);
            reference.onBar(bar);
            Instant decision = bar.closeTime();
            int newOrders = random.nextInt(3);
            for (int k = 0; k < newOrders; k++) {
                OrderId id = new OrderId(++orders);
                OrderRequest order = randomOrder(random, close);
                venue.submit(id, order, decision);
                reference.submit(id, order, decision);
            }
            if (orders > 0 && random.nextInt(4) == 0) {
                OrderId id = new OrderId(1 + random.nextLong(orders));
                venue.cancel(id, decision);
                reference.cancel(id, decision);
            }
        }
        List<ReferenceVenue.Event> actual = new ArrayList<>();
        for (RecordingReports.Report r : reports.all()) {
            if (r.kind().equals("triggered")) {
                continue;
            }
            actual.add(new ReferenceVenue.Event(
                    r.kind(),
                    r.order().value(),
                    r.quantity() == null ? null : r.quantity().toBigDecimal(),
                    r.price() == null ? null : r.price().toBigDecimal(),
                    r.time()));
        }
        assertThat(normalized(actual)).as("seed " + seed).isEqualTo(normalized(reference.events()));
        return reports.fills().size();
    }

    private static List<String> normalized(List<ReferenceVenue.Event> events) {
        return events.stream()
                .map(e -> e.kind() + " #" + e.order() + " "
                        + (e.quantity() == null
                                ? ""
                                : e.quantity().stripTrailingZeros().toPlainString()) + " @ "
                        + (e.price() == null
                                ? ""
                                : e.price().stripTrailingZeros().toPlainString()) + " " + e.time())
                .toList();
    }

    private OrderRequest randomOrder(SplittableRandom random, long lastCents) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        Quantity quantity = Quantity.of(1 + random.nextInt(60));
        Price near = Price.of(cents(Math.max(60, lastCents + random.nextInt(-80, 81))));
        Price other = Price.of(cents(Math.max(60, lastCents + random.nextInt(-80, 81))));
        OrderTerms terms = switch (random.nextInt(4)) {
            case 0 -> OrderTerms.market();
            case 1 -> OrderTerms.limit(near);
            case 2 -> OrderTerms.stop(near);
            default -> OrderTerms.stopLimit(near, other);
        };
        if (!terms.type().hasTrigger() && random.nextInt(4) == 0) {
            terms = terms.with(random.nextBoolean() ? TimeInForce.IOC : TimeInForce.FOK);
        }
        return new OrderRequest("t", aapl.id(), side, quantity, terms);
    }

    private static String cents(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
