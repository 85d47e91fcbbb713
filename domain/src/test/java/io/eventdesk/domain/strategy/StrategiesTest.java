package io.eventdesk.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.sizing.TargetPositionSizer;
import io.eventdesk.domain.strategy.builtin.BuiltinStrategies;
import io.eventdesk.domain.testing.Bars;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StrategiesTest {
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Portfolio portfolio = new Portfolio(Money.of("USD", "1000000"), List.of(aapl));
    private final StrategyContext context = new StrategyContext() {
        @Override
        public String strategyId() {
            return "test";
        }

        @Override
        public Instant now() {
            return Bars.T0;
        }

        @Override
        public PortfolioView portfolio() {
            return portfolio;
        }

        @Override
        public Quantity pendingQuantity(InstrumentId instrument) {
            return Quantity.ZERO;
        }

        @Override
        public List<OrderView> openOrders() {
            return List.of();
        }

        @Override
        public void cancel(OrderId order, String reason) {
            throw new AssertionError("built-in strategies do not cancel");
        }

        @Override
        public void replace(OrderId order, Quantity newQuantity, Price newLimitPrice, Price newTrigger, String reason) {
            throw new AssertionError("built-in strategies do not replace");
        }
    };

    private static StrategyParameters params(Map<String, String> values) {
        return new StrategyParameters("strategy.params", values);
    }

    /** Feeds closes one bar a minute; returns the signals by bar index. */
    private List<List<Signal>> run(Strategy s, String... closes) {
        List<List<Signal>> out = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            out.add(s.onMarketData(
                    Bars.aBar().of("AAPL").atMinute(i).flat(closes[i]).build(), context));
        }
        return out;
    }

    @Nested
    class SmaCross {
        private final Strategy strategy = BuiltinStrategies.create(
                        "sma-cross", params(Map.of("fast", "2", "slow", "3", "quantity", "10")))
                .orElseThrow();

        @Test
        void shouldEnterLong_whenTheFastAverageCrossesAboveTheSlow() {
            // bar:      0   1   2   3   4
            // fast(2):     9.5 9  9.5 11
            // slow(3):         9.33 9.33 10.33   -> at i=3 fast 9.5 > 9.33 and at i=2 fast 9 <= 9.33
            var signals = run(strategy, "10", "9", "9", "10", "12");
            assertThat(signals.get(0)).isEmpty();
            assertThat(signals.get(1)).isEmpty();
            assertThat(signals.get(2)).isEmpty(); // i = 2 < slow: the averages at i-1 are not full yet
            assertThat(signals.get(3)).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo("enter-long");
                assertThat(s.target()).isEqualTo(Quantity.of(10));
                assertThat(s.reason()).contains("SMA(2) 9.5 crossed above SMA(3) 9.3333");
                assertThat(s.fields()).containsEntry("fast_sma", "9.5");
            });
            assertThat(signals.get(4)).isEmpty(); // still above: no new cross
        }

        @Test
        void shouldExitToFlat_whenTheFastAverageCrossesBelowTheSlow() {
            var signals = run(strategy, "10", "11", "12", "11", "9");
            // i=3: fast 11.5 > slow 11.33 (no cross, was above); i=4: fast 10 < slow 10.67, was 11.5 >= 11.33
            assertThat(signals.get(4)).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo("exit-flat");
                assertThat(s.target()).isEqualTo(Quantity.ZERO);
            });
        }

        @Test
        void shouldNameTheKey_whenAParameterIsWrong() {
            assertThatThrownBy(() -> BuiltinStrategies.create(
                            "sma-cross", params(Map.of("fast", "x", "slow", "3", "quantity", "1"))))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("strategy.params.fast")
                    .hasMessageContaining("positive integer");
            assertThatThrownBy(() -> BuiltinStrategies.create(
                            "sma-cross", params(Map.of("fast", "5", "slow", "3", "quantity", "1"))))
                    .hasMessageContaining("must be less than slow");
            assertThatThrownBy(() -> BuiltinStrategies.create(
                            "sma-cross", params(Map.of("fast", "2", "slow", "3", "quantity", "1", "slwo", "3"))))
                    .hasMessageContaining("strategy.params.slwo: unknown parameter");
        }
    }

    @Nested
    class Momentum {
        private Strategy momentum(boolean allowShort) {
            return BuiltinStrategies.create(
                            "momentum",
                            params(Map.of(
                                    "lookback",
                                    "2",
                                    "threshold",
                                    "0.1",
                                    "quantity",
                                    "5",
                                    "allow-short",
                                    String.valueOf(allowShort))))
                    .orElseThrow();
        }

        @Test
        void shouldTargetLong_whenTheCloseRoseMoreThanTheThreshold() {
            var signals = run(momentum(false), "100", "105", "110.01");
            assertThat(signals.get(2)).singleElement().satisfies(s -> {
                assertThat(s.target()).isEqualTo(Quantity.of(5));
                assertThat(s.reason()).contains("change 0.1001 > 0.1");
            });
        }

        @Test
        void shouldStayQuiet_whenTheMoveEqualsTheThreshold() {
            assertThat(run(momentum(false), "100", "105", "110").get(2)).isEmpty();
        }

        @Test
        void shouldTargetShortOrFlat_whenTheCloseFellMoreThanTheThreshold() {
            assertThat(run(momentum(true), "100", "95", "89").get(2))
                    .singleElement()
                    .satisfies(s -> assertThat(s.target()).isEqualTo(Quantity.of(-5)));
        }

        @Test
        void shouldNotRepeatItself_whenTheTargetIsAlreadyHeld() {
            portfolio.apply(io.eventdesk.domain.testing.Fills.buy(aapl, "5", "100"));
            assertThat(run(momentum(false), "100", "105", "120").get(2)).isEmpty();
        }
    }

    @Nested
    class Sizing {
        private final TargetPositionSizer sizer = new TargetPositionSizer();

        @Test
        void shouldOrderTheGap_whenTheTargetDiffersFromPositionAndOpenOrders() {
            Signal s = Signal.target("x", aapl.id(), Quantity.of(-3), "test", Map.of());
            OrderRequest r =
                    sizer.size("s", s, aapl, Quantity.of(4), Quantity.of(2)).orElseThrow();
            assertThat(r.side()).isEqualTo(Side.SELL);
            assertThat(r.quantity()).isEqualTo(Quantity.of(9));
        }

        @Test
        void shouldOrderNothing_whenTheTargetIsAlreadyOnItsWay() {
            Signal s = Signal.target("x", aapl.id(), Quantity.of(6), "test", Map.of());
            assertThat(sizer.size("s", s, aapl, Quantity.of(4), Quantity.of(2))).isEmpty();
        }

        @Test
        void shouldRoundTowardZeroOntoTheLotGrid_whenTheGapIsFractional() {
            Signal s = Signal.target("x", aapl.id(), Quantity.of("2.7"), "test", Map.of());
            assertThat(sizer.size("s", s, aapl, Quantity.ZERO, Quantity.ZERO)
                            .orElseThrow()
                            .quantity())
                    .isEqualTo(Quantity.of(2));
        }
    }
}
