package io.eventdesk.domain.risk;

import static io.eventdesk.domain.testing.Fills.buy;
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
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RiskRulesTest {
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Portfolio portfolio = new Portfolio(Money.of("USD", "10000"), List.of(aapl));

    private RiskContext context(String price) {
        return context(price, Quantity.ZERO, "0", "0");
    }

    private RiskContext context(String price, Quantity pending, String reserved, String fee) {
        portfolio.mark(aapl.id(), Price.of(price));
        return new RiskContext(
                portfolio,
                aapl,
                Price.of(price),
                pending,
                Money.of("USD", reserved),
                Money.of("USD", fee),
                0,
                TradingState.ACTIVE,
                false);
    }

    private OrderRequest order(Side side, long quantity) {
        return OrderRequest.market("s", aapl.id(), side, Quantity.of(quantity));
    }

    private static RuleCheck only(RiskRule rule, OrderRequest r, RiskContext c, RiskLimits limits) {
        return rule.evaluate(r, c, limits).orElseThrow();
    }

    @Nested
    class MaxOrderQuantity {
        private final RiskLimits limits =
                RiskLimits.builder().maxOrderQuantity(Quantity.of(5)).build();

        @Test
        void shouldPass_whenTheOrderIsAtTheLimit() {
            RuleCheck c = only(new MaxOrderQuantityRule(), order(Side.BUY, 5), context("10"), limits);
            assertThat(c.passed()).isTrue();
        }

        @Test
        void shouldDenyWithTheNumbers_whenTheOrderIsLarger() {
            RuleCheck c = only(new MaxOrderQuantityRule(), order(Side.BUY, 6), context("10"), limits);
            assertThat(c.passed()).isFalse();
            assertThat(c.code()).isEqualTo("MAX_ORDER_QUANTITY_EXCEEDED");
            assertThat(c.detail()).isEqualTo("AAPL order quantity 6 > limit 5");
        }

        @Test
        void shouldNotBeEvaluated_whenNoLimitIsSet() {
            assertThat(new MaxOrderQuantityRule().evaluate(order(Side.BUY, 6), context("10"), RiskLimits.none()))
                    .isEmpty();
        }
    }

    @Nested
    class MaxPosition {
        private final RiskLimits limits =
                RiskLimits.builder().putMaxPosition(aapl.id(), Quantity.of(50)).build();

        @Test
        void shouldPass_whenThePositionStaysWithinTheLimit() {
            portfolio.apply(buy(aapl, "30", "10"));
            assertThat(only(new MaxPositionRule(), order(Side.BUY, 20), context("10"), limits)
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldDenyCountingOpenOrders_whenThePositionWouldExceedTheLimit() {
            portfolio.apply(buy(aapl, "30", "10"));
            RuleCheck c = only(
                    new MaxPositionRule(), order(Side.BUY, 11), context("10", Quantity.of(10), "100", "0"), limits);
            assertThat(c.passed()).isFalse();
            assertThat(c.detail()).isEqualTo("AAPL position would be 51 > limit 50");
        }

        @Test
        void shouldPass_whenAnOversizedPositionIsReduced() {
            portfolio.apply(buy(aapl, "60", "10"));
            assertThat(only(new MaxPositionRule(), order(Side.SELL, 5), context("10"), limits)
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldApplyTheDefault_whenTheInstrumentHasNoLimitOfItsOwn() {
            RiskLimits withDefault = RiskLimits.builder()
                    .putMaxPosition(io.eventdesk.domain.instrument.InstrumentId.of("MSFT"), Quantity.of(1000))
                    .defaultMaxPosition(Quantity.of(20))
                    .build();
            assertThat(only(new MaxPositionRule(), order(Side.BUY, 20), context("10"), withDefault)
                            .passed())
                    .isTrue();
            RuleCheck c = only(new MaxPositionRule(), order(Side.BUY, 21), context("10"), withDefault);
            assertThat(c.passed()).isFalse();
            assertThat(c.detail()).isEqualTo("AAPL position would be 21 > limit 20");
        }

        @Test
        void shouldDeny_whenAShortWouldExceedTheLimit() {
            RuleCheck c = only(new MaxPositionRule(), order(Side.SELL, 51), context("10"), limits);
            assertThat(c.code()).isEqualTo("MAX_POSITION_EXCEEDED");
            assertThat(c.passed()).isFalse();
        }
    }

    @Nested
    class MaxLeverage {
        private final RiskLimits limits =
                RiskLimits.builder().maxLeverage(new BigDecimal("0.5")).build();

        @Test
        void shouldPass_whenGrossExposureStaysWithinTheLimit() {
            RuleCheck c = only(new MaxLeverageRule(), order(Side.BUY, 50), context("100"), limits);
            assertThat(c.passed()).isTrue();
            assertThat(c.detail()).contains("leverage would be 0.5");
        }

        @Test
        void shouldDenyWithTheRatio_whenGrossExposureWouldExceedIt() {
            portfolio.apply(buy(aapl, "40", "100"));
            RuleCheck c = only(new MaxLeverageRule(), order(Side.BUY, 11), context("100"), limits);
            assertThat(c.passed()).isFalse();
            assertThat(c.code()).isEqualTo("MAX_LEVERAGE_EXCEEDED");
            assertThat(c.detail()).isEqualTo("leverage would be 0.51 (gross exposure 5100 / equity 10000) > limit 0.5");
        }

        @Test
        void shouldPass_whenTheOrderLowersExposure() {
            portfolio.apply(buy(aapl, "90", "100"));
            assertThat(only(new MaxLeverageRule(), order(Side.SELL, 10), context("100"), limits)
                            .passed())
                    .isTrue();
        }
    }

    @Nested
    class MaxDrawdown {
        private final RiskLimits limits =
                RiskLimits.builder().maxDrawdown(new BigDecimal("0.1")).build();

        @Test
        void shouldPass_whenDrawdownIsWithinTheLimit() {
            assertThat(only(new MaxDrawdownRule(), order(Side.BUY, 1), context("100"), limits)
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldDenyNewExposureButLetReductionsThrough_whenDrawdownIsBeyondTheLimit() {
            portfolio.apply(buy(aapl, "50", "100"));
            RiskContext deep = context("70"); // equity 10000 - 1500 = 8500: drawdown 0.15
            RuleCheck add = only(new MaxDrawdownRule(), order(Side.BUY, 1), deep, limits);
            assertThat(add.passed()).isFalse();
            assertThat(add.detail())
                    .isEqualTo("drawdown 0.15 > limit 0.1 and the order does not reduce the position toward zero");
            assertThat(only(new MaxDrawdownRule(), order(Side.SELL, 10), deep, limits)
                            .passed())
                    .isTrue();
        }
    }

    @Nested
    class CashSufficiency {
        @Test
        void shouldPass_whenNotionalAndFeeFitInTheFreeCash() {
            RuleCheck c = only(
                    new CashSufficiencyRule(),
                    order(Side.BUY, 99),
                    context("100", Quantity.ZERO, "0", "100"),
                    RiskLimits.none());
            assertThat(c.passed()).isTrue();
        }

        @Test
        void shouldDenyCountingReservedCashAndFees_whenTheBuyCannotBePaid() {
            RuleCheck c = only(
                    new CashSufficiencyRule(),
                    order(Side.BUY, 90),
                    context("100", Quantity.of(5), "1000", "5"),
                    RiskLimits.none());
            assertThat(c.passed()).isFalse();
            assertThat(c.code()).isEqualTo("INSUFFICIENT_CASH");
            assertThat(c.detail())
                    .isEqualTo(
                            "buy needs 9005 (notional 9000 + fee 5) > available cash 9000 (cash 10000 - reserved 1000)");
        }

        @Test
        void shouldPass_whenSelling() {
            assertThat(only(new CashSufficiencyRule(), order(Side.SELL, 1000), context("100"), RiskLimits.none())
                            .passed())
                    .isTrue();
        }
    }

    @Test
    void shouldReportEveryRule_whenSeveralFail() {
        RiskLimits limits = RiskLimits.builder()
                .maxOrderQuantity(Quantity.of(1))
                .putMaxPosition(aapl.id(), Quantity.of(1))
                .maxLeverage(BigDecimal.ONE)
                .build();
        RiskDecision d = RiskEngine.standard(limits)
                .check(
                        OrderRequest.limit(
                                "s", aapl.id(), Side.BUY, Quantity.of(200), Price.of("100"), TimeInForce.GTC),
                        context("100"));
        assertThat(d.approved()).isFalse();
        assertThat(d.checks())
                .extracting(RuleCheck::rule)
                .containsExactly(
                        "trading-state", "max-order-quantity", "max-position", "max-leverage", "cash-sufficiency");
        assertThat(d.checks().get(0).passed()).isTrue(); // trading is ACTIVE
        assertThat(d.checks().subList(1, 5)).noneMatch(RuleCheck::passed);
        assertThat(d.firstFailure().orElseThrow().code()).isEqualTo("MAX_ORDER_QUANTITY_EXCEEDED");
    }
}
