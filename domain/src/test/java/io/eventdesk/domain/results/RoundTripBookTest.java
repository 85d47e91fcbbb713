package io.eventdesk.domain.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.portfolio.LotMethod;
import io.eventdesk.domain.testing.Fills;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Round trips worked on paper. */
class RoundTripBookTest {
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Instrument es = Instruments.future("ES", 50);
    private final List<RoundTrip> closed = new ArrayList<>();

    private RoundTripBook book(LotMethod method) {
        return new RoundTripBook(Map.of(aapl.id(), aapl, es.id(), es), method, closed::add);
    }

    @Test
    void shouldCloseOneTripAndOpenTheNext_whenAFillFlipsThePosition() {
        RoundTripBook b = book(LotMethod.AVERAGE_COST);
        b.fill(Fills.fill(aapl, Side.BUY, "10", "100", "1")); // long 10 at 100, fee 1
        b.mark(aapl.id(), Price.of("95")); // −50: the worst
        b.mark(aapl.id(), Price.of("108")); // +80: the best
        b.fill(Fills.fill(aapl, Side.SELL, "15", "110", "3")); // closes 10 at 110 (+100), opens short 5; fee 2 + 1
        assertThat(closed).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo("LONG");
            assertThat(t.grossPnl()).isEqualByComparingTo("100");
            assertThat(t.fees()).isEqualByComparingTo("3"); // 1 at entry + 10/15 of 3
            assertThat(t.netPnl()).isEqualByComparingTo("97");
            assertThat(t.returnOnEntry()).isEqualByComparingTo("0.097"); // 97 / 1000
            assertThat(t.mae()).isEqualByComparingTo("-50");
            assertThat(t.mfe()).isEqualByComparingTo("100"); // the exit itself was the best
            assertThat(t.averageEntryPrice()).isEqualByComparingTo("100");
            assertThat(t.averageExitPrice()).isEqualByComparingTo("110");
            assertThat(t.fills()).isEqualTo(2);
        });
        b.mark(aapl.id(), Price.of("104"));
        assertThat(b.openTrips()).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo("SHORT");
            assertThat(t.isOpen()).isTrue();
            assertThat(t.maxQuantity()).isEqualTo(Quantity.of(5));
            assertThat(t.fees()).isEqualByComparingTo("1"); // 5/15 of 3
            assertThat(t.grossPnl()).isEqualByComparingTo("30"); // (110 − 104) × 5, marked
            assertThat(t.realizedPnl()).isEqualByComparingTo("0");
        });
    }

    @Test
    void shouldRealizeOldestLotsFirst_whenTheAccountUsesFifo() {
        RoundTripBook fifo = book(LotMethod.FIFO);
        fifo.fill(Fills.buy(aapl, "10", "100"));
        fifo.fill(Fills.buy(aapl, "10", "120"));
        fifo.fill(Fills.sell(aapl, "10", "130")); // FIFO: 10 × (130 − 100) = 300; average: 10 × (130 − 110) = 200
        assertThat(fifo.openTrips().get(0).realizedPnl()).isEqualByComparingTo("300");
        RoundTripBook average = book(LotMethod.AVERAGE_COST);
        average.fill(Fills.buy(aapl, "10", "100"));
        average.fill(Fills.buy(aapl, "10", "120"));
        average.fill(Fills.sell(aapl, "10", "130"));
        assertThat(average.openTrips().get(0).realizedPnl()).isEqualByComparingTo("200");
        // closed, both methods agree on the whole trip: 10 × 30 + 10 × 0 = 300 = 10 × 20 + 10 × 10
        fifo.fill(Fills.sell(aapl, "10", "120"));
        average.fill(Fills.sell(aapl, "10", "120"));
        assertThat(closed)
                .extracting(RoundTrip::grossPnl)
                .allSatisfy(g -> assertThat(g).isEqualByComparingTo("300"));
        assertThat(closed).extracting(RoundTrip::maxQuantity).containsOnly(Quantity.of(20));
    }

    @Test
    void shouldCountTheMultiplier_whenAFutureIsTraded() {
        RoundTripBook b = book(LotMethod.AVERAGE_COST);
        b.fill(Fills.fill(es, Side.SELL, "2", "4000", "2.5"));
        b.fill(Fills.fill(es, Side.BUY, "2", "3990.25", "2.5"));
        assertThat(closed).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo("SHORT");
            assertThat(t.grossPnl()).isEqualByComparingTo("975"); // 9.75 × 2 × 50
            assertThat(t.netPnl()).isEqualByComparingTo("970");
            assertThat(t.averageEntryPrice()).isEqualByComparingTo("4000");
        });
    }
}
