package io.eventdesk.adapters.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
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
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PaperVenueTest {
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Portfolio account = new Portfolio(Money.of("USD", "100000"), List.of(aapl));
    private final RecordingReports reports = new RecordingReports(account);

    private ExecutionVenuePort venue(String slippageBps, CommissionModel commission, Duration latency) {
        return PaperVenues.create(
                new PaperVenueConfig(latency, new BigDecimal(slippageBps), commission), List.of(aapl));
    }

    private void replay(ExecutionVenuePort v, Bar... bars) {
        for (Bar bar : bars) {
            v.advanceTo(bar.openTime(), reports);
            v.onMarketData(bar, reports);
            v.advanceTo(bar.closeTime(), reports);
        }
    }

    private static Bar bar(int minute, String o, String h, String l, String c) {
        return Bars.aBar().of("AAPL").atMinute(minute).ohlc(o, h, l, c).build();
    }

    private OrderRequest limit(Side side, String price) {
        return OrderRequest.limit("t", aapl.id(), side, Quantity.of(10), Price.of(price), TimeInForce.GTC);
    }

    @Nested
    class MarketOrders {
        @Test
        void shouldSlipAgainstTheTraderRoundedToTheTick_whenSlippageIsSet() {
            ExecutionVenuePort v = venue("5", CommissionModel.none(), Duration.ZERO);
            v.submit(new OrderId(1), OrderRequest.market("t", aapl.id(), Side.BUY, Quantity.of(10)), Bars.T0);
            v.submit(new OrderId(2), OrderRequest.market("t", aapl.id(), Side.SELL, Quantity.of(10)), Bars.T0);
            replay(v, bar(0, "100.03", "101", "99", "100"));
            // 100.03 × 1.0005 = 100.080015 → up to 100.09; 100.03 × 0.9995 = 99.979985 → down to 99.97
            assertThat(reports.fills())
                    .extracting(r -> r.price())
                    .containsExactly(Price.of("100.09"), Price.of("99.97"));
        }

        @Test
        void shouldChargeBpsWithAMinimum_whenCommissionIsBps() {
            ExecutionVenuePort v =
                    venue("0", new CommissionModel.Bps(new BigDecimal("10"), new BigDecimal("2")), Duration.ZERO);
            v.submit(new OrderId(1), OrderRequest.market("t", aapl.id(), Side.BUY, Quantity.of(100)), Bars.T0);
            v.submit(new OrderId(2), OrderRequest.market("t", aapl.id(), Side.BUY, Quantity.of(1)), Bars.T0);
            replay(v, bar(0, "100", "100", "100", "100"));
            assertThat(reports.fills())
                    .extracting(r -> r.fee())
                    .containsExactly(Money.of("USD", "10"), Money.of("USD", "2")); // 10 bps of 10000; 0.1 → minimum 2
        }

        @Test
        void shouldChargePerUnitWithAMinimum_whenCommissionIsPerUnit() {
            ExecutionVenuePort v =
                    venue("0", new CommissionModel.PerUnit(new BigDecimal("0.005"), BigDecimal.ONE), Duration.ZERO);
            v.submit(new OrderId(1), OrderRequest.market("t", aapl.id(), Side.BUY, Quantity.of(1000)), Bars.T0);
            v.submit(new OrderId(2), OrderRequest.market("t", aapl.id(), Side.BUY, Quantity.of(10)), Bars.T0);
            replay(v, bar(0, "10", "10", "10", "10"));
            assertThat(reports.fills())
                    .extracting(r -> r.fee())
                    .containsExactly(Money.of("USD", "5"), Money.of("USD", "1"));
        }
    }

    @Nested
    class LimitOrders {
        private final ExecutionVenuePort v = venue("3", CommissionModel.none(), Duration.ZERO);

        @Test
        void shouldFillAtTheOpen_whenTheBarGapsThroughTheLimit() {
            v.submit(new OrderId(1), limit(Side.BUY, "100"), Bars.T0);
            replay(v, bar(0, "97", "99", "96", "98"));
            assertThat(reports.fills()).singleElement().satisfies(f -> {
                assertThat(f.price()).isEqualTo(Price.of("97"));
                assertThat(f.time()).isEqualTo(Bars.T0);
            });
        }

        @Test
        void shouldFillAtTheLimitWhenTheBarCloses_whenTheRangeReachesIt() {
            v.submit(new OrderId(1), limit(Side.SELL, "105"), Bars.T0);
            Bar b = bar(0, "100", "106", "99", "101");
            replay(v, b);
            assertThat(reports.fills()).singleElement().satisfies(f -> {
                assertThat(f.price()).isEqualTo(Price.of("105")); // no slippage on a limit
                assertThat(f.time()).isEqualTo(b.closeTime());
            });
        }

        @Test
        void shouldRest_whenTheRangeDoesNotReachTheLimit() {
            v.submit(new OrderId(1), limit(Side.BUY, "95"), Bars.T0);
            replay(v, bar(0, "100", "101", "95.01", "100"));
            assertThat(reports.fills()).isEmpty();
            assertThat(reports.all()).extracting(r -> r.kind()).containsExactly("accepted");
        }

        @Test
        void shouldReject_whenTheLimitIsOffTheTickGrid() {
            v.submit(new OrderId(1), limit(Side.BUY, "95.005"), Bars.T0);
            replay(v, bar(0, "95", "95", "95", "95"));
            assertThat(reports.all()).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo("rejected");
                assertThat(r.reason()).contains("off the tick grid 0.01");
            });
        }

        @Test
        void shouldExpireAtTheEndOfTheUtcDay_whenTimeInForceIsDay() {
            Instant late = Instant.parse("2024-01-02T23:58:00Z");
            v.submit(
                    new OrderId(1),
                    OrderRequest.limit("t", aapl.id(), Side.BUY, Quantity.of(1), Price.of("90"), TimeInForce.DAY),
                    late);
            replay(
                    v,
                    Bars.aBar().of("AAPL").opening(late).flat("100").build(),
                    Bars.aBar()
                            .of("AAPL")
                            .opening(late.plusSeconds(60))
                            .flat("100")
                            .build(),
                    Bars.aBar()
                            .of("AAPL")
                            .opening(late.plusSeconds(120))
                            .flat("80")
                            .build());
            assertThat(reports.all()).extracting(r -> r.kind()).containsExactly("accepted", "expired");
            assertThat(reports.of("expired").get(0).time()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
        }
    }

    @Test
    void shouldCancelWithTheAmounts_whenTheCashAccountCannotPayAtExecution() {
        ExecutionVenuePort v = venue("0", CommissionModel.none(), Duration.ZERO);
        v.submit(new OrderId(1), OrderRequest.market("t", aapl.id(), Side.BUY, Quantity.of(1000)), Bars.T0);
        replay(v, bar(0, "101", "101", "101", "101"));
        assertThat(reports.of("canceled"))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("costs 101000").contains("> cash 100000"));
    }
}
