package io.eventdesk.domain.portfolio;

import static io.eventdesk.domain.testing.Fills.buy;
import static io.eventdesk.domain.testing.Fills.fill;
import static io.eventdesk.domain.testing.Fills.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PortfolioTest {
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Instrument es = Instruments.future("ES", 50);
    private final Portfolio portfolio = new Portfolio(usd("10000"), List.of(aapl, es));

    private static Money usd(String amount) {
        return Money.of("USD", amount);
    }

    @Nested
    class WhenFlat {
        @Test
        void shouldHoldOnlyCash_whenNothingTraded() {
            assertThat(portfolio.cash()).isEqualTo(usd("10000"));
            assertThat(portfolio.equity()).isEqualTo(usd("10000"));
            assertThat(portfolio.grossExposure()).isEqualTo(usd("0"));
            assertThat(portfolio.position(aapl.id())).isEqualTo(Quantity.ZERO);
        }

        @Test
        void shouldNotChangePositions_whenOnlyMarked() {
            portfolio.mark(aapl.id(), Price.of("123.45"));
            assertThat(portfolio.position(aapl.id())).isEqualTo(Quantity.ZERO);
            assertThat(portfolio.equity()).isEqualTo(usd("10000"));
            assertThat(portfolio.lastPrice(aapl.id())).contains(Price.of("123.45"));
        }
    }

    @Nested
    class WhenLong {
        @Test
        void shouldDebitNotionalAndFee_whenBuying() {
            portfolio.apply(fill(aapl, Side.BUY, "10", "100", "1.5"));
            assertThat(portfolio.cash()).isEqualTo(usd("8998.5"));
            assertThat(portfolio.position(aapl.id())).isEqualTo(Quantity.of(10));
            assertThat(portfolio.totalFees()).isEqualTo(usd("1.5"));
            assertThat(portfolio.equity()).isEqualTo(usd("9998.5"));
        }

        @Test
        void shouldAverageTheCost_whenBuyingTwice() {
            portfolio.apply(buy(aapl, "10", "100"));
            portfolio.apply(buy(aapl, "30", "104"));
            PositionView p = portfolio.positions().get(0);
            assertThat(p.averagePrice()).isEqualByComparingTo("103");
            assertThat(p.costBasis()).isEqualTo(usd("4120"));
        }

        @Test
        void shouldRealizeAgainstAverageCost_whenClosingPartOfThePosition() {
            portfolio.apply(buy(aapl, "10", "100"));
            portfolio.apply(buy(aapl, "10", "110")); // average 105
            portfolio.apply(sell(aapl, "5", "120")); // realizes 5 × (120 − 105) = 75
            assertThat(portfolio.realizedPnl()).isEqualTo(usd("75"));
            assertThat(portfolio.position(aapl.id())).isEqualTo(Quantity.of(15));
            assertThat(portfolio.positions().get(0).averagePrice()).isEqualByComparingTo("105");
            portfolio.mark(aapl.id(), Price.of("100"));
            assertThat(portfolio.unrealizedPnl()).isEqualTo(usd("-75")); // 15 × (100 − 105)
            assertThat(portfolio.cash()).isEqualTo(usd("8500")); // 10000 − 1000 − 1100 + 600
            assertThat(portfolio.equity()).isEqualTo(usd("10000")); // 8500 + 15 × 100
        }

        @Test
        void shouldTrackPeakAndDrawdown_whenMarkedDown() {
            portfolio.apply(buy(aapl, "10", "100"));
            portfolio.mark(aapl.id(), Price.of("200")); // equity 11000: the peak
            portfolio.mark(aapl.id(), Price.of("90")); // equity 9900
            assertThat(portfolio.peakEquity()).isEqualTo(usd("11000"));
            assertThat(portfolio.drawdown()).isEqualByComparingTo("0.1");
            portfolio.mark(aapl.id(), Price.of("150")); // equity 10500
            assertThat(portfolio.drawdown()).isEqualByComparingTo("0.04545455");
            assertThat(portfolio.maxDrawdown()).isEqualByComparingTo("0.1");
        }
    }

    @Nested
    class WhenCrossingZero {
        @Test
        void shouldSplitTheFill_whenALongFlipsShortInOneFill() {
            portfolio.apply(buy(aapl, "10", "100"));
            portfolio.apply(sell(aapl, "15", "110")); // closes 10 (+100), opens 5 short at 110
            assertThat(portfolio.realizedPnl()).isEqualTo(usd("100"));
            assertThat(portfolio.position(aapl.id())).isEqualTo(Quantity.of(-5));
            PositionView p = portfolio.positions().get(0);
            assertThat(p.averagePrice()).isEqualByComparingTo("110");
            assertThat(p.costBasis()).isEqualTo(usd("-550"));
            portfolio.apply(buy(aapl, "5", "100")); // short covered 10 lower: +50
            assertThat(portfolio.realizedPnl()).isEqualTo(usd("150"));
            assertThat(portfolio.cash()).isEqualTo(usd("10150"));
            assertThat(portfolio.grossExposure()).isEqualTo(usd("0"));
        }
    }

    @Nested
    class WhenTradingFutures {
        @Test
        void shouldApplyTheMultiplier_whenAFutureRoundTrips() {
            Portfolio big = new Portfolio(usd("1000000"), List.of(es));
            big.apply(fill(es, Side.BUY, "2", "4000", "4.2")); // 2 × 4000 × 50 = 400000
            big.mark(es.id(), Price.of("4001.25"));
            assertThat(big.unrealizedPnl()).isEqualTo(usd("125")); // 2 × 1.25 × 50
            big.apply(fill(es, Side.SELL, "2", "4010.25", "4.2"));
            assertThat(big.realizedPnl()).isEqualTo(usd("1025")); // 2 × 10.25 × 50
            assertThat(big.cash()).isEqualTo(usd("1001016.6")); // + 1025 − 8.4 fees
            assertThat(big.equity()).isEqualTo(big.cash());
        }
    }

    @Test
    void shouldStopTheRun_whenAFillWouldOverdrawTheCashAccount() {
        assertThatThrownBy(() -> portfolio.apply(buy(aapl, "101", "100")))
                .isInstanceOf(PortfolioInvariantViolation.class)
                .hasMessageContaining("USD balance went negative");
    }
}
