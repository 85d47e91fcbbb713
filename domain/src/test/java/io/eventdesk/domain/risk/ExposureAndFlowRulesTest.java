package io.eventdesk.domain.risk;

import static io.eventdesk.domain.testing.Fills.buy;
import static io.eventdesk.domain.testing.Fills.sell;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The notional, exposure, concentration, price band, throttle and daily loss rules, at their boundaries. */
class ExposureAndFlowRulesTest {
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Instrument msft = Instruments.equity("MSFT");
    private final Portfolio portfolio = new Portfolio(Money.of("USD", "10000"), List.of(aapl, msft));

    private RiskContext context(Instrument ins, String price) {
        return context(ins, price, 0);
    }

    private RiskContext context(Instrument ins, String price, int recentOrders) {
        portfolio.mark(ins.id(), Price.of(price));
        return new RiskContext(
                portfolio,
                ins,
                Price.of(price),
                Quantity.ZERO,
                Money.of("USD", "0"),
                Money.of("USD", "0"),
                recentOrders,
                TradingState.ACTIVE,
                false);
    }

    private static OrderRequest market(Instrument ins, Side side, long quantity) {
        return OrderRequest.market("s", ins.id(), side, Quantity.of(quantity));
    }

    private static RuleCheck check(RiskRule rule, OrderRequest r, RiskContext c, RiskLimits limits) {
        return rule.evaluate(r, c, limits).orElseThrow();
    }

    @Nested
    class OrderNotional {
        private final RiskLimits limits =
                RiskLimits.builder().maxOrderNotional(new BigDecimal("1000")).build();

        @Test
        void shouldPass_whenTheNotionalIsAtTheLimit() {
            assertThat(check(new MaxOrderNotionalRule(), market(aapl, Side.BUY, 10), context(aapl, "100"), limits)
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldDenyWithTheNumbers_whenTheNotionalIsAboveIt() {
            RuleCheck c =
                    check(new MaxOrderNotionalRule(), market(aapl, Side.BUY, 10), context(aapl, "100.01"), limits);
            assertThat(c.passed()).isFalse();
            assertThat(c.code()).isEqualTo("MAX_ORDER_NOTIONAL_EXCEEDED");
            assertThat(c.detail()).isEqualTo("AAPL order notional 1000.1 > limit 1000");
        }
    }

    @Nested
    class LeverageAsGrossExposure {
        private final RiskLimits limits =
                RiskLimits.builder().maxLeverage(new BigDecimal("0.5")).build();

        @Test
        void shouldPass_whenGrossExposureEndsAtTheLimit() {
            portfolio.apply(sell(msft, "10", "100")); // gross 1000 (a short), equity 10000
            assertThat(check(new MaxLeverageRule(), market(aapl, Side.BUY, 40), context(aapl, "100"), limits)
                            .passed())
                    .isTrue(); // 1000 + 4000 = 0.5
        }

        @Test
        void shouldDeny_whenGrossExposureWouldExceedIt() {
            portfolio.apply(sell(msft, "10", "100"));
            RuleCheck c = check(new MaxLeverageRule(), market(aapl, Side.BUY, 41), context(aapl, "100"), limits);
            assertThat(c.passed()).isFalse();
            assertThat(c.detail()).isEqualTo("leverage would be 0.51 (gross exposure 5100 / equity 10000) > limit 0.5");
        }

        @Test
        void shouldPass_whenTheOrderReducesExposure() {
            portfolio.apply(buy(aapl, "90", "100"));
            assertThat(check(new MaxLeverageRule(), market(aapl, Side.SELL, 1), context(aapl, "100"), limits)
                            .passed())
                    .isTrue();
        }
    }

    @Nested
    class NetExposure {
        private final RiskLimits limits =
                RiskLimits.builder().maxNetExposure(new BigDecimal("0.3")).build();

        @Test
        void shouldPass_whenAHedgeKeepsNetExposureSmall() {
            portfolio.apply(sell(msft, "30", "100")); // net −3000
            assertThat(check(new MaxNetExposureRule(), market(aapl, Side.BUY, 50), context(aapl, "100"), limits)
                            .passed())
                    .isTrue(); // net +2000: closer to zero first, then 0.2
        }

        @Test
        void shouldDeny_whenNetExposureWouldExceedTheLimit() {
            RuleCheck c = check(new MaxNetExposureRule(), market(aapl, Side.BUY, 31), context(aapl, "100"), limits);
            assertThat(c.passed()).isFalse();
            assertThat(c.code()).isEqualTo("MAX_NET_EXPOSURE_EXCEEDED");
            assertThat(c.detail()).isEqualTo("net exposure would be 0.31 (|net| 3100 / equity 10000) > limit 0.3");
        }
    }

    @Nested
    class Concentration {
        private final RiskLimits limits =
                RiskLimits.builder().maxConcentration(new BigDecimal("0.6")).build();

        @Test
        void shouldPass_whenTheShareIsAtTheLimit() {
            portfolio.apply(buy(msft, "20", "100")); // 2000
            assertThat(check(new MaxConcentrationRule(), market(aapl, Side.BUY, 30), context(aapl, "100"), limits)
                            .passed())
                    .isTrue(); // 3000 / 5000 = 0.6
        }

        @Test
        void shouldDeny_whenOneInstrumentWouldDominate() {
            portfolio.apply(buy(msft, "20", "100"));
            RuleCheck c = check(new MaxConcentrationRule(), market(aapl, Side.BUY, 31), context(aapl, "100"), limits);
            assertThat(c.passed()).isFalse();
            assertThat(c.detail()).isEqualTo("AAPL would be 0.6078 of gross exposure (3100 / 5100) > limit 0.6");
        }
    }

    @Nested
    class PriceBand {
        private final RiskLimits limits =
                RiskLimits.builder().priceBandBps(new BigDecimal("500")).build();

        private OrderRequest limit(String price) {
            return OrderRequest.limit("s", aapl.id(), Side.BUY, Quantity.of(1), Price.of(price), TimeInForce.GTC);
        }

        @Test
        void shouldPass_whenTheLimitIsOnTheBand() {
            assertThat(check(new PriceBandRule(), limit("95"), context(aapl, "100"), limits)
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldDeny_whenTheLimitIsAFatFinger() {
            RuleCheck c = check(new PriceBandRule(), limit("9.5"), context(aapl, "100"), limits);
            assertThat(c.passed()).isFalse();
            assertThat(c.code()).isEqualTo("PRICE_BAND_EXCEEDED");
            assertThat(c.detail()).isEqualTo("limit 9.5 is 9050 bps from the last price 100 > band 500 bps");
        }

        @Test
        void shouldPass_whenTheOrderIsAMarketOrder() {
            assertThat(check(new PriceBandRule(), market(aapl, Side.BUY, 1), context(aapl, "100"), limits)
                            .passed())
                    .isTrue();
        }
    }

    @Nested
    class Throttle {
        private final RiskLimits limits = RiskLimits.builder()
                .throttle(new RiskLimits.Throttle(3, Duration.ofMinutes(1)))
                .build();

        @Test
        void shouldPass_whenTheOrderIsTheLastOneAllowed() {
            assertThat(check(new ThrottleRule(), market(aapl, Side.BUY, 1), context(aapl, "100", 2), limits)
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldDeny_whenTheStrategySendsTooMany() {
            RuleCheck c = check(new ThrottleRule(), market(aapl, Side.BUY, 1), context(aapl, "100", 3), limits);
            assertThat(c.passed()).isFalse();
            assertThat(c.detail()).isEqualTo("s would send 4 orders in 60 s > limit 3");
        }
    }

    @Nested
    class DailyLoss {
        private final RiskLimits limits =
                RiskLimits.builder().dailyLossLimit(new BigDecimal("500")).build();

        @Test
        void shouldPass_whenTheLossIsAtTheLimit() {
            portfolio.apply(buy(aapl, "50", "100"));
            RiskContext c = context(aapl, "90", 0); // equity 9500: a loss of 500
            assertThat(check(new DailyLossRule(), market(aapl, Side.BUY, 1), c, limits)
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldDenyNewExposureButLetReductionsThrough_whenTheLossIsBeyondIt() {
            portfolio.apply(buy(aapl, "50", "100"));
            RiskContext c = context(aapl, "89.98", 0); // loss 501
            RuleCheck add = check(new DailyLossRule(), market(aapl, Side.BUY, 1), c, limits);
            assertThat(add.passed()).isFalse();
            assertThat(add.detail())
                    .isEqualTo(
                            "loss since the session start 501 > limit 500 and the order does not reduce the position toward zero");
            assertThat(check(new DailyLossRule(), market(aapl, Side.SELL, 10), c, limits)
                            .passed())
                    .isTrue();
        }
    }

    @Test
    void shouldApplyTheMostSpecificLimit_whenGlobalInstrumentAndStrategyLimitsAreSet() {
        RiskLimits limits = RiskLimits.builder()
                .maxOrderQuantity(Quantity.of(100))
                .putInstruments(
                        aapl.id(),
                        RiskLimits.builder().maxOrderQuantity(Quantity.of(10)).build())
                .putStrategies(
                        "bold",
                        RiskLimits.builder().maxOrderQuantity(Quantity.of(50)).build())
                .build();
        RiskEngine engine = RiskEngine.standard(limits);
        RiskContext c = context(aapl, "10");
        assertThat(engine.check(OrderRequest.market("s", aapl.id(), Side.BUY, Quantity.of(11)), c)
                        .approved())
                .isFalse(); // AAPL's own limit, 10
        assertThat(engine.check(OrderRequest.market("bold", aapl.id(), Side.BUY, Quantity.of(11)), c)
                        .approved())
                .isTrue(); // the strategy's own, 50, is more specific still
        RiskContext m = context(msft, "10");
        assertThat(engine.check(OrderRequest.market("s", msft.id(), Side.BUY, Quantity.of(99)), m)
                        .approved())
                .isTrue(); // the global 100
    }
}
